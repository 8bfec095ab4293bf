"""Helpers for the interpreter tests: run VBA source snippets, evaluate expressions."""

from __future__ import annotations

import datetime

from transform.parse.vba_lower import parse_text
from transform.runtimes.vba.datetime_ import Clock, set_clock
from transform.runtimes.vba.interpreter import Observation, Project, load_source

FIXED_NOW = datetime.datetime(2024, 7, 19, 10, 30, 0)


class Raised:
    """Expected outcome: a VBA run-time error with this number."""

    def __init__(self, number: int) -> None:
        self.number = number

    def __repr__(self) -> str:
        return f"Raised({self.number})"


def run(source: str, entry: str = "Main", *args: object, **kw: object) -> Observation:
    """Run ``entry`` of a one-module project made from ``source``."""
    set_clock(Clock.fixed(FIXED_NOW))
    return load_source(source).call(entry, args, **kw)


def run_modules(
    sources: dict[str, str], entry: str = "Main", *args: object, **kw: object
) -> Observation:
    """Run ``entry`` of a project made of several named modules (file name → source)."""
    set_clock(Clock.fixed(FIXED_NOW))
    project = Project([parse_text(text, name) for name, text in sources.items()])
    return project.call(entry, args, **kw)


def output(source: str, entry: str = "Main", **kw: object) -> list[str]:
    """Debug.Print lines of ``entry``; fails the test on an uncaught error."""
    obs = run(source, entry, **kw)
    assert obs.error is None, obs.error
    return obs.output


def evaluate(expr: str, header: str = "") -> object:
    """The value of one VBA expression (a Variant function's result), or Raised(n)."""
    obs = run(f"{header}\nFunction T()\n    T = {expr}\nEnd Function\n", "T")
    if obs.error is not None:
        return Raised(obs.error["number"])
    return obs.result


def same(actual: object, expected: object) -> bool:
    """Equal value *and* the same VBA type (Integer 5 is not Long 5)."""
    if isinstance(expected, Raised):
        return isinstance(actual, Raised) and actual.number == expected.number
    if isinstance(actual, Raised):
        return False
    return type(actual) is type(expected) and actual == expected
