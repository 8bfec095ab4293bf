"""Workbook states for characterizing Excel macros, as JSON data (docs/characterize.md).

Why JSON and not .xlsx: golden data stays reviewable text, the generated tests rebuild the
same openpyxl workbook from it, and a state recorded elsewhere can be written by hand.

Where states come from: the sample's fixtures beside the sources (``data/*.csv`` on the
sheet the code names, ``data/*.xlsx``/``*.xlsm`` as they are), and for each CSV seeded
variations that reach the paths macros guard against: extra rows after a blank one, a
renamed header, the other sheets the code names already there with stale contents; plus the
data sheet empty (the "no data" paths).  Excel object parameters (Workbook, Worksheet,
Range) take their candidates from the state: its sheets and a few cells of the first one.
"""

from __future__ import annotations

import csv
import datetime as _dt
import re
from pathlib import Path

from openpyxl.utils import get_column_letter

from .vba_golden import encode, encode_cell, excel_arg

_SHEET_CONST = re.compile(r'Const\s+\w*sheet\w*(?:\s+As\s+String)?\s*=\s*"([^"]+)"', re.I)
_SHEET_CALL = re.compile(r'\b(?:Worksheets|Sheets)\s*\(\s*"([^"]+)"\s*\)', re.I)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
MAX_ROWS = 500
EXTRA_ROWS = 3  # data rows repeated below a blank row in the "extra rows" variation
EXCEL_OBJECTS = ("workbook", "worksheet", "range")
RANGE_CANDIDATES = ("A1", "B2", "B1", "C5", "A1:B3", "H20")


def sheet_names(legacy_texts: list[str]) -> list[str]:
    """Sheet names the code refers to, in order of first appearance."""
    names: list[str] = []
    for text in legacy_texts:
        for pattern in (_SHEET_CONST, _SHEET_CALL):
            for name in pattern.findall(text):
                if name not in names:
                    names.append(name)
    return names


def workbook_states(data_dirs: list[Path], legacy_texts: list[str]) -> dict[str, dict]:
    """State name → workbook-state data: the fixtures, variations of each CSV, and an
    empty data sheet."""
    names = sheet_names(legacy_texts)
    sheet = names[0] if names else "Sheet1"
    others = names[1:]
    states: dict[str, dict] = {}
    for directory in data_dirs:
        for path in sorted(directory.glob("*.xls[xm]")):
            states[_state_name(path)] = _book_state(path)
        for path in sorted(directory.glob("*.csv")):
            name, cells = _state_name(path), _csv_cells(path)
            states[name] = _one_sheet(
                f"{path.name} on sheet {sheet!r} (header in row 1)", sheet, cells
            )
            states.update(_variations(name, path.name, sheet, others, cells))
    states["empty"] = _one_sheet(f"an empty sheet {sheet!r}", sheet, {})
    return states


def excel_inputs(state: dict, mentioned: list[str]) -> tuple[dict[str, list[dict]], list[str]]:
    """Inputs of an Excel macro in this state: candidates of Excel object parameters
    (encoded golden arguments) by lower-case type, and the sheet names (the state's, then
    those the code mentions) for its String parameters to try first."""
    sheets = [s["name"] for s in state.get("sheets", [])]
    first = sheets[0] if sheets else "Sheet1"
    objects = {
        "workbook": [excel_arg("Workbook")],
        "worksheet": [excel_arg("Worksheet", name) for name in sheets],
        "range": [excel_arg("Range", first, address) for address in RANGE_CANDIDATES],
    }
    return objects, list(dict.fromkeys([*sheets, *mentioned]))


def _state_name(path: Path) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", path.stem)


def _one_sheet(description: str, sheet: str, cells: dict, extra: list | None = None) -> dict:
    return {
        "description": description,
        "sheets": [{"name": sheet, "code_name": "Sheet1", "cells": cells}, *(extra or [])],
    }


def _variations(
    name: str, file: str, sheet: str, others: list[str], cells: dict
) -> dict[str, dict]:
    """The CSV's state changed the way real workbooks drift from what a macro expects."""
    rows = max((_row_of(a) for a in cells), default=0)
    out: dict[str, dict] = {}
    if rows > 1:
        extra = dict(cells)
        for offset in range(min(EXTRA_ROWS, rows - 1)):
            for address, value in cells.items():
                if _row_of(address) == 2 + offset:
                    extra[f"{_column_of(address)}{rows + 2 + offset}"] = value
        out[f"{name}_extra_rows"] = _one_sheet(
            f"{file} on sheet {sheet!r}, then a blank row and {min(EXTRA_ROWS, rows - 1)} "
            "more data rows",
            sheet,
            extra,
        )
    header = sorted((a for a in cells if _row_of(a) == 1), key=_column_index)
    if header:
        target = header[1] if len(header) > 1 else header[0]
        renamed = dict(cells)
        renamed[target] = encode("Area")
        out[f"{name}_bad_header"] = _one_sheet(
            f"{file} on sheet {sheet!r} with header cell {target} reading 'Area'",
            sheet,
            renamed,
        )
    if others:
        stale = [
            {"name": other, "cells": {"A1": encode("old contents"), "C3": encode(42)}}
            for other in others
        ]
        out[f"{name}_with_sheets"] = _one_sheet(
            f"{file} on sheet {sheet!r}; sheets {', '.join(map(repr, others))} already there "
            "with stale contents",
            sheet,
            cells,
            stale,
        )
    return out


def _row_of(address: str) -> int:
    return int(re.sub(r"^[A-Z]+", "", address))


def _column_of(address: str) -> str:
    return re.sub(r"\d+$", "", address)


def _column_index(address: str) -> int:
    n = 0
    for ch in _column_of(address):
        n = n * 26 + ord(ch) - 64
    return n


def _book_state(path: Path) -> dict:
    """A workbook fixture as it is: every sheet, values and formulas (as text)."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheets = []
    for ws in book.worksheets:
        cells = {}
        for row in ws.iter_rows(max_row=MAX_ROWS):
            for cell in row:
                if cell.value is not None:
                    cells[cell.coordinate] = encode_cell(cell.value)
        entry: dict = {"name": ws.title, "cells": cells}
        code_name = getattr(ws.sheet_properties, "codeName", None)
        if code_name:
            entry["code_name"] = code_name
        sheets.append(entry)
    return {"description": f"{path.name} as it is", "sheets": sheets}


def _csv_cells(path: Path) -> dict[str, dict]:
    """Cells of a CSV with Excel's typing on entry: ISO dates become dates, numbers numbers."""
    cells: dict[str, dict] = {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for r, row in enumerate(csv.reader(handle), start=1):
            if r > MAX_ROWS:
                break
            for c, text in enumerate(row, start=1):
                if text != "":
                    cells[f"{get_column_letter(c)}{r}"] = encode(_typed(text))
    return cells


def _typed(text: str) -> object:
    if _ISO_DATE.match(text):
        return _dt.datetime.fromisoformat(text)
    if _NUMBER.match(text):
        number = float(text)
        return int(number) if "." not in text else number
    return text
