"""Excel for translated code: the workbook a program works on, and the objects Excel's
globals give (Application, ThisWorkbook, Worksheets, Range, Cells ...).

Why this is not a second object model: the support package ships the interpreter's own
Excel model (transform/runtimes/vba/excel.py, on openpyxl), so the legacy oracle and the
translation share one definition of Range arithmetic, End(xlUp), CurrentRegion, what a
cell holds after `.Value = x`, and the worksheet functions. This file only binds it to a
workbook with a session of its own. The support package generator copies it as
`vba_support/workbook.py` (absolute imports made relative) when translated code uses Excel.

How a program gets its workbook (docs/translation.md): `vba_support.bind_workbook(book)`
with an openpyxl Workbook or the path of an .xlsx/.xlsm file, once, before calling the
translated procedures; it returns the openpyxl Workbook (save it when done).
"""

from __future__ import annotations

from typing import Any

from transform.runtimes.vba import excel, objects
from transform.runtimes.vba.flow import inputbox as _scripted_inputbox
from transform.runtimes.vba.values import VbaError
from transform.translate.helpers import VbaClass

__all__ = [
    "ExcelDocument",
    "bind_workbook",
    "bound_workbook",
    "excel_call",
    "excel_effects",
    "excel_global",
    "excel_object",
]


class _Session(excel.Session):
    """Translated programs run alone: effects (StatusBar, Workbooks.Open, Save ...) are
    kept in a list, ThisWorkbook.Path is the current directory (where the program's file
    statements are rooted, `vba.files`), InputBox takes the scripted answers of
    `vba.answer_dialogs`, and Application.Run is not available (error 1004)."""

    def inputbox(self, prompt: object) -> object:
        return _scripted_inputbox(prompt, "", False)


_bound: dict[str, Any] = {"host": None}


def bind_workbook(workbook: Any) -> Any:
    """Bind the program's Excel globals to ``workbook`` (an openpyxl Workbook, or a path
    it is loaded from); returns the openpyxl Workbook the program changes."""
    host = excel.ExcelHost(_Session(), workbook)
    _bound["host"] = host
    return host.book


def _host() -> excel.ExcelHost:
    host = _bound["host"]
    if host is None:
        raise VbaError(
            424, "No workbook bound: call vba_support.bind_workbook(path_or_workbook) first"
        )
    return host


def bound_workbook() -> Any:
    """The openpyxl Workbook the program works on."""
    return _host().book


def excel_effects() -> list[dict]:
    """What the program asked of Excel that was recorded, not performed (StatusBar ...)."""
    return _host().session.effects


def excel_global(name: str) -> object:
    """Excel's global objects (Application, ActiveSheet, Worksheets ...), lower-case name."""
    return _host().global_get(name, [], None)


def excel_call(name: str, *args: object) -> object:
    """Excel's global functions (Intersect, Union) and indexed globals (Worksheets(1))."""
    return _host().global_get(name, list(args), None)


def excel_object(kind: Any, sheet: str | None = None, address: str | None = None) -> object:
    """An Excel object to pass to a translated procedure: ``"Workbook"``, ``"Worksheet"``
    with a sheet name, ``"Range"`` with a sheet name and an address; or an openpyxl
    Worksheet of the bound workbook."""
    if not isinstance(kind, str):
        return excel.Worksheet(_host(), kind)
    return _host().argument(kind, sheet, address)


class ExcelDocument(VbaClass):
    """Base of translated Excel document modules (ThisWorkbook, a sheet's module): the
    members the module does not define are the workbook's or the sheet's (`Me.Range`,
    `ThisWorkbook.Worksheets`), as in VBA, where the module extends that object. The
    module's name is its code name (ThisWorkbook, Sheet1 ...)."""

    def vba_excel(self) -> object:
        """The workbook or sheet behind this module in the bound workbook."""
        document = _host().document(type(self).__name__)
        if document is None:
            raise VbaError(424, f"No sheet with the code name {type(self).__name__}")
        return document

    def __getitem__(self, key: str) -> object:
        """``Sheet1["A1"]``: the openpyxl cell, as on the Worksheet (rules/vba/excel.yaml)."""
        return self.vba_excel()[key]  # type: ignore[index]

    def vba_get(self, name: str, args: list, kw: dict | None = None) -> object:
        if name.lower() in self.vba_members:
            return super().vba_get(name, args, kw)
        return objects.member_get(self.vba_excel(), name.lower(), args, kw)

    def vba_let(self, name: str, args: list, value: object) -> None:
        if name.lower() in self.vba_members:
            super().vba_let(name, args, value)
            return
        objects.member_let(self.vba_excel(), name.lower(), args, value)

    vba_set = vba_let
