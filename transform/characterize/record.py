"""Run the legacy code in the interpreter, one fresh project per case (of the modules the
procedure's module can reach, see closure.py), and describe what it did as a golden outcome.

Why a fresh project per case: module-level variables and Static locals persist between
calls, so reusing one project would make a case's result depend on the cases before it.
The generated tests likewise re-import the translated package for every case.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field, replace
from typing import Any

from transform.parse import vba_ast as A
from transform.runtimes.vba import values as vba_values
from transform.runtimes.vba.arrays import VbaArray
from transform.runtimes.vba.interpreter import Project

from . import vba_golden
from .closure import ModuleClosures
from .inputs import parameters

STEP_LIMIT = 100_000
TIME_LIMIT = 5.0  # per case, a safety net: the step limit is what normally ends a case
# Recording per procedure before we stop adding cases, in interpreter steps: the cases kept
# must not depend on the machine's speed or load (the same input gives the same golden
# files). The wall-clock cap is only a safety net for steps that are slow in themselves.
PROCEDURE_STEPS = 2_000_000
PROCEDURE_SECONDS = 30.0
MAX_OUTCOME = 20_000  # characters of strings in one case's outcome


@dataclass
class Target:
    """One procedure to characterize, with what the renderer needs to call its translation."""

    module: A.Module
    proc: A.Procedure
    python_module: str
    translated: bool
    entry: str = ""  # the index's entry-point reason, if any
    excel: bool = False
    class_name: str | None = None  # VBA class name when the module is class-like
    byref_out: tuple[int, ...] = ()  # ByRef parameters the translation returns (positions)

    @property
    def qualified(self) -> str:
        return f"{self.class_name or self.module.name}.{self.proc.name}"

    @property
    def member(self) -> str:
        """The name translation.json and verify.json give the procedure: `Class.Member`
        for a member of a VBScript class (the module being the script)."""
        if self.class_name and self.module.kind == "script":
            return f"{self.class_name}.{self.proc.name}"
        return self.proc.name


@dataclass
class Recorder:
    """Records cases of one project; remembers oracle problems for the summary."""

    closures: ModuleClosures
    step_limit: int = STEP_LIMIT
    time_limit: float = TIME_LIMIT
    problems: list[str] = field(default_factory=list)
    last_steps: int = 0  # interpreter steps the last recorded case took

    def record(self, target: Target, arguments: list[dict], workbook: Any = None) -> dict:
        """The golden ``expect`` of one case, or ``{"skip": reason}`` when the oracle could
        not produce a trustworthy outcome (a limit, an interpreter failure)."""
        modules = self.closures.of(target.module, _argument_classes(arguments))
        if target.module.kind == "script":
            # the script's top-level code is its program, which the translation runs only
            # as the main module: a procedure is called without it, as the tests call it
            modules = [replace(m, body=()) if m.kind == "script" else m for m in modules]
        project = Project(modules)
        args = [vba_golden.decode(a, vba_values, _vba_array) for a in arguments]
        args = vba_golden.resolve_arguments(args, lambda value: _make(project, value))
        before = vba_golden.BookState.of(workbook) if workbook is not None else None
        if workbook is not None:
            project.attach_workbook(workbook)
            args = [
                a.resolve(project.rt.host.argument) if isinstance(a, vba_golden.ExcelRef) else a
                for a in args
            ]
        with tempfile.TemporaryDirectory(prefix="vba-characterize-") as sandbox:
            obs = project.call(
                target.qualified,
                args,
                step_limit=self.step_limit,
                time_limit=self.time_limit,
                sandbox_dir=sandbox,
            )
        self.last_steps = obs.steps
        if obs.error and obs.error.get("number") is None:
            reason = f"oracle: {obs.error.get('description')}"
            if not obs.error.get("limit"):
                self.problems.append(f"{target.qualified}{_shown(arguments)}: {reason}")
            return {"skip": reason}
        expect = _expect(target, arguments, obs)
        if before is not None:
            expect.update(before.changes(workbook))
        if _size(expect) > MAX_OUTCOME:
            return {"skip": f"outcome larger than {MAX_OUTCOME} characters: not kept as golden"}
        return expect


def _argument_classes(arguments: list[dict]) -> set[str]:
    """Project classes that fresh object arguments (also inside Type members) are of."""
    found, stack = set(), list(arguments)
    while stack:
        data = stack.pop()
        if data.get("type") == "Object" and data.get("new", {}).get("module"):
            found.add(str(data.get("class")))
        elif data.get("type") == "UDT":
            stack.extend((data.get("value") or {}).values())
    return found


def _make(project: Project, value: Any) -> object:
    """A fresh object or a Type value for an argument, made in the oracle's project."""
    if isinstance(value, vba_golden.NewObject):
        return project.create(value.kind)
    udt = project.find_type(value.name.lower(), next(iter(project.modules.values())))
    if udt is None:
        raise ValueError(f"no Type {value.name} in the project")
    made = udt.new()
    for member, item in value.members.items():
        made.vba_let(member.lower(), [], item)
    return made


def _expect(target: Target, arguments: list[dict], obs: Any) -> dict:
    params = parameters(target.proc)
    error = obs.error
    expect: dict = {
        "return": vba_golden.encode(obs.result)
        if target.proc.kind in ("function", "get")
        else None,
        "byref": {
            p.name: vba_golden.encode(obs.byref[i])
            for i, p in enumerate(params)
            if p.mode == "byref" and i < len(arguments)
        },
        "output": list(obs.output),
        "error": {"number": error["number"], "description": error.get("description", "")}
        if error
        else None,
    }
    if error:
        expect["return"] = None
    if obs.effects:
        expect["effects"] = [_plain_effect(e) for e in obs.effects]
    return expect


def _size(data: object, limit: int = 0) -> int:
    """Characters of strings inside ``data``, counted only up to past MAX_OUTCOME (a
    String(2^31 - 1, "x") result must not be serialised just to learn it is too big)."""
    total, stack = 0, [data]
    while stack and total <= MAX_OUTCOME:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return total


def _plain_effect(effect: dict) -> dict:
    """Effects as JSON-safe data (they are reported, not compared)."""
    return {
        str(k): v if isinstance(v, str | int | float | bool) else str(v) for k, v in effect.items()
    }


def _vba_array(items: list, bounds: list) -> VbaArray:
    array = VbaArray.from_list(items, bounds[0][0] if bounds else 0)
    if len(bounds) > 1:
        array.bounds = [tuple(b) for b in bounds]
    return array


def _shown(arguments: list[dict]) -> str:
    return "(" + ", ".join(vba_golden.display(a) or "" for a in arguments) + ")"


class Budget:
    """The recording budget of one procedure (a slow procedure gets fewer cases, never an
    endless characterization), counted in interpreter steps."""

    def __init__(self, steps: int = PROCEDURE_STEPS, seconds: float = PROCEDURE_SECONDS) -> None:
        self.steps_left = steps
        self.deadline = time.monotonic() + seconds

    def charge(self, steps: int) -> None:
        self.steps_left -= steps

    @property
    def spent(self) -> bool:
        return self.steps_left <= 0 or time.monotonic() > self.deadline
