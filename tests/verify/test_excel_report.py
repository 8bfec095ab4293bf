"""End to end on samples/excel-report, an Excel macro workbook: convert (translate,
characterize on workbook states, verify), then every characterized procedure must pass all
of its cases, and the translated macro run on the workbook README.md describes must print,
write and export what EXPECTED.md gives (computed by hand from the VBA and Excel rules,
not from our output). One conversion serves every test of this module."""

from __future__ import annotations

import csv
import datetime
import importlib
import json
import re
import sys
from pathlib import Path

import openpyxl
import pytest

from transform.convert.pipeline import convert

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "excel-report"
EXPECTED = (SAMPLE / "EXPECTED.md").read_text(encoding="utf-8")
PROCEDURES = {
    "BuildReport",
    "SheetExists",
    "GetOrCreateSheet",
    "LastRow",
    "LastCol",
    "ColumnLetter",
    "SortStrings",
    "SpeedMode",
    "Workbook_Open",
    "Workbook_BeforeClose",
    "Worksheet_Change",
    "Worksheet_BeforeDoubleClick",
}


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    out = tmp_path_factory.mktemp("excel-report") / "out"
    convert([SAMPLE], out)
    parity = json.loads((out / "verify.json").read_text(encoding="utf-8"))
    sys.path.insert(0, str(out))
    yield out, parity
    sys.path.remove(str(out))
    for name in [m for m in sys.modules if m == "excel_report" or m.startswith("excel_report.")]:
        del sys.modules[name]


def _sales_book() -> openpyxl.Workbook:
    """The workbook README.md describes: data/sales.csv on sheet "Data" (code name Sheet1),
    ISO dates as dates, Units and UnitPrice as numbers."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Data"
    ws.sheet_properties.codeName = "Sheet1"
    with (SAMPLE / "data" / "sales.csv").open(newline="", encoding="utf-8") as handle:
        for r, row in enumerate(csv.reader(handle)):
            if r == 0:
                ws.append(row)
                continue
            date, region, rep, product, units, price = row
            ws.append(
                [
                    datetime.datetime.fromisoformat(date),
                    region,
                    rep,
                    product,
                    int(units),
                    float(price),
                ]
            )
    return book


def _blocks() -> list[list[str]]:
    return [b.splitlines() for b in re.findall(r"```expected-output\n(.*?)```", EXPECTED, re.S)]


def test_every_procedure_is_characterized_on_workbook_states(converted):
    out, parity = converted
    assert {p["procedure"] for p in parity["procedures"]} == PROCEDURES
    states = {p.stem for p in (out / "golden" / "workbooks").glob("*.json")}
    assert {"sales", "empty", "sales_bad_header", "sales_extra_rows"} <= states
    build = json.loads((out / "golden" / "modReport" / "BuildReport.json").read_text())
    by_state = {c["workbook"]: c["expect"] for c in build["cases"]}
    assert by_state["sales"]["sheets"] == ["Data", "Summary"]
    assert {
        "sheet": "Summary",
        "cell": "F4",
        "value": {"type": "Formula", "value": "=SUM(B4:E4)"},
    } in by_state["sales"]["cells"]
    assert by_state["sales_bad_header"]["output"] == [
        "BuildReport failed: -2147219502 Column 2 should be 'Region' but is 'Area'"
    ]  # EXPECTED.md, "Error path"


@pytest.mark.parametrize("procedure", sorted(PROCEDURES))
def test_procedure_keeps_parity(converted, procedure):
    _, parity = converted
    entry = next(p for p in parity["procedures"] if p["procedure"] == procedure)
    first = entry["failures"][0]["message"] if entry["failures"] else entry.get("error")
    assert entry["status"] == "pass", first
    assert entry["cases"] == entry["passed"] > 0


def test_build_report_does_what_expected_md_says(converted, tmp_path, monkeypatch, capsys):
    """EXPECTED.md: the Immediate window, the Summary sheet and sales_summary.csv."""
    monkeypatch.chdir(tmp_path)  # ThisWorkbook.Path of a workbook made in memory
    report = importlib.import_module("excel_report.mod_report")
    book = report.vba.bind_workbook(_sales_book())
    report.build_report()
    output, csv_lines = _blocks()
    assert capsys.readouterr().out.splitlines() == output
    summary = book["Summary"]
    assert [summary.cell(3, c).value for c in range(1, 9)] == [
        "Region",
        "Jan 2024",
        "Feb 2024",
        "Mar 2024",
        "Apr 2024",
        "Total",
        "Orders",
        "Share",
    ]
    assert [summary.cell(r, 1).value for r in range(4, 9)] == [
        "East",
        "North",
        "South",
        "West",
        "Total",
    ]
    assert [summary.cell(6, c).value for c in range(2, 6)] == [1359.32, 1099.45, 1032.02, 0]
    assert summary["F4"].value == "=SUM(B4:E4)"
    assert summary["G4"].value == "=COUNTIF(Data!$B:$B,$A4)"
    assert summary["H4"].value == "=F4/$F$8"
    assert summary["B8"].value == "=SUM(B4:B7)"
    assert summary["B4"].number_format == "#,##0.00"
    assert summary["H8"].number_format == "0.0%"
    assert summary["A3"].number_format == "@"
    written = (tmp_path / "sales_summary.csv").read_bytes().decode("ascii")
    assert written == "".join(line + "\r\n" for line in csv_lines)


def test_sheet_utils_return_what_expected_md_says(converted):
    """EXPECTED.md, "Individual functions (modSheetUtils)"."""
    utils = importlib.import_module("excel_report.mod_sheet_utils")
    vba = utils.vba
    vba.bind_workbook(_sales_book())
    data = vba.excel_object("Worksheet", "Data")
    assert [utils.column_letter(n) for n in (1, 26, 28, 703)] == ["A", "Z", "AB", "AAA"]
    assert utils.last_row(data) == 61
    assert utils.last_row(data, 5) == 61
    assert utils.last_col(data) == 6
    assert (utils.sheet_exists("Data"), utils.sheet_exists("Nope")) == (True, False)
    items = vba.array("west", "East", "north")
    utils.sort_strings(items)
    assert list(items) == ["East", "north", "west"]
