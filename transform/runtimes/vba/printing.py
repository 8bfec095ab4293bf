"""Print-statement output (Debug.Print, Print #): MS-VBAL 5.4.5.8 and "Print # statement".

Numbers print with a leading space for the sign (none for negatives) and a
trailing space; ``;`` joins items, ``,`` moves to the next 14-column print
zone, Spc(n)/Tab(n) position output, and a trailing separator keeps the line
open.  The Printer keeps the current column because Tab and zones depend on
what the previous Print left on the line.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .coerce import to_long, to_string
from .values import Currency, Date, Empty, ErrorValue, Null

ZONE_WIDTH = 14


@dataclass(frozen=True)
class Spc:
    """Spc(n) in an output list: n spaces."""

    n: int


@dataclass(frozen=True)
class Tab:
    """Tab(n) (column n, 1-based) or Tab with no argument (next print zone)."""

    n: int | None = None


@dataclass(frozen=True)
class Separator:
    """A ``;`` or ``,`` between Print items (distinct from String values)."""

    char: str


SEMICOLON = Separator(";")
COMMA = Separator(",")


def print_text(v: object) -> str:
    """How Print writes one value."""
    if type(v) is str:
        return v
    if type(v) is bool:
        return "True" if v else "False"
    if v is Null:
        return "Null"
    if v is Empty:
        return ""
    if isinstance(v, ErrorValue):
        return f"Error {v.number}"
    if type(v) is Date:
        return to_string(v)
    if isinstance(v, (int, float, Currency, decimal.Decimal)):
        text = to_string(v)
        return (text if text.startswith("-") else " " + text) + " "
    return to_string(v)


class Printer:
    """Accumulates Print output for one destination (Immediate window or a file)."""

    def __init__(self, write: Callable[[str], None] | None = None) -> None:
        self.column = 1  # 1-based column of the next character
        self.chunks: list[str] = []
        self._write = write or self.chunks.append

    def _emit(self, text: str) -> None:
        if not text:
            return
        self._write(text)
        last_nl = text.rfind("\n")
        self.column = len(text) - last_nl if last_nl >= 0 else self.column + len(text)

    def _to_column(self, col: int) -> None:
        col = max(col, 1)
        if col < self.column:
            self._emit("\n")
        self._emit(" " * (col - self.column))

    def _next_zone(self) -> None:
        zone_start = ((self.column - 1) // ZONE_WIDTH + 1) * ZONE_WIDTH + 1
        self._emit(" " * (zone_start - self.column))

    def print_list(self, items: Iterable[object]) -> None:
        """One Print statement: values, Spc/Tab and ';'/',' separators in source order."""
        items = list(items)
        for item in items:
            if item == SEMICOLON:
                continue
            if item == COMMA:
                self._next_zone()
            elif isinstance(item, Spc):
                self._emit(" " * max(to_long(item.n), 0))
            elif isinstance(item, Tab):
                if item.n is None:
                    self._next_zone()
                else:
                    self._to_column(to_long(item.n))
            else:
                self._emit(print_text(item))
        if not items or not isinstance(items[-1], Separator):
            self._emit("\n")

    def text(self) -> str:
        """Everything printed so far (when no write callback was given)."""
        return "".join(self.chunks)


def print_items(*items: object) -> str:
    """Output of one Print statement on a fresh line (for tests and generated code)."""
    p = Printer()
    p.print_list(items)
    return p.text()
