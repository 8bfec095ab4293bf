"""Workbook states for characterizing Excel macros, as JSON data (docs/characterize.md).

Why JSON and not .xlsx: golden data stays reviewable text, the generated tests rebuild the
same openpyxl workbook from it, and a state recorded elsewhere can be written by hand.
States come from the sample's CSV files (``data/*.csv`` beside the sources): one workbook
with the CSV on the sheet the code names, and the same sheet empty (the "no data" paths).
"""

from __future__ import annotations

import csv
import datetime as _dt
import re
from pathlib import Path

from openpyxl.utils import get_column_letter

from .vba_golden import encode

_SHEET_CONST = re.compile(r'Const\s+\w*sheet\w*(?:\s+As\s+String)?\s*=\s*"([^"]+)"', re.I)
_SHEET_CALL = re.compile(r'\b(?:Worksheets|Sheets)\s*\(\s*"([^"]+)"\s*\)', re.I)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
MAX_ROWS = 500


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
    """State name → workbook-state data: one per CSV found, plus an empty workbook."""
    names = sheet_names(legacy_texts)
    sheet = names[0] if names else "Sheet1"
    states: dict[str, dict] = {}
    for directory in data_dirs:
        for path in sorted(directory.glob("*.csv")):
            state = re.sub(r"[^A-Za-z0-9_-]+", "_", path.stem)
            states[state] = {
                "description": f"{path.name} on sheet {sheet!r} (header in row 1)",
                "sheets": [{"name": sheet, "code_name": "Sheet1", "cells": _csv_cells(path)}],
            }
    states["empty"] = {
        "description": f"an empty sheet {sheet!r}",
        "sheets": [{"name": sheet, "code_name": "Sheet1", "cells": {}}],
    }
    return states


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
