"""The Excel object model on openpyxl, driven from VBA source.

Expected values follow the Excel VBA reference pages (Range.Value, Range.End,
Range.CurrentRegion, Range.Offset/Resize, WorksheetFunction.*): numbers in cells
come back as Double, Application.Match returns an error value, WorksheetFunction
raises 1004.
"""

from __future__ import annotations

import datetime

import openpyxl
import pytest

from .vba_helpers import run


@pytest.fixture
def book() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["Name", "Qty", "Price"])
    ws.append(["apple", 3, 1.5])
    ws.append(["pear", 10, 0.25])
    ws.append(["fig", 7, 2])
    ws["E1"] = datetime.datetime(2024, 3, 1)
    wb.create_sheet("Other")
    return wb


def xl(source: str, book: openpyxl.Workbook) -> list[str]:
    obs = run(f"Sub Main()\n{source}\nEnd Sub\n", workbook=book)
    assert obs.error is None, obs.error
    return obs.output


CASES = [
    (
        'Debug.Print Range("B2").Value; TypeName(Range("B2").Value); Range("A2")',
        [" 3 Doubleapple"],
        "Range.Value: numbers are Double",
    ),
    (
        'Debug.Print Cells(3, 1).Value; Cells(3, "B").Value',
        ["pear 10 "],
        "Worksheet.Cells(row, column)",
    ),
    (
        'Debug.Print TypeName(Range("E1").Value); Format(Range("E1").Value, "yyyy-mm-dd")',
        ["Date2024-03-01"],
        "Range.Value: date cells are Dates",
    ),
    (
        'Debug.Print IsEmpty(Range("Z99").Value); Range("Z99").Value = ""',
        ["TrueTrue"],
        "Range.Value: an empty cell is Empty",
    ),
    (
        "Debug.Print Cells(Rows.Count, 1).End(xlUp).Row; Cells(1, "
        "Columns.Count).End(xlToLeft).Column",
        [" 4  5 "],
        "Range.End(xlUp / xlToLeft)",
    ),
    (
        'Debug.Print Range("A1").End(xlDown).Row; Range("A1").End(xlToRight).Column',
        [" 4  3 "],
        "Range.End(xlDown / xlToRight)",
    ),
    (
        'Debug.Print Range("B2").CurrentRegion.Address; Range("A1").CurrentRegion.Rows.Count',
        ["$A$1:$C$4 4 "],
        "Range.CurrentRegion",
    ),
    (
        'Debug.Print Range("A1").Offset(2, 1).Address; Range("A1").Resize(2, 3).Address',
        ["$B$3$A$1:$C$2"],
        "Range.Offset / Range.Resize",
    ),
    (
        'Debug.Print Range("A1:C4").Rows.Count; Range("A1:C4").Columns.Count; Range("A1:C4").Count',
        [" 4  3  12 "],
        "Range.Rows / Columns / Count",
    ),
    ("Debug.Print ActiveSheet.UsedRange.Address", ["$A$1:$E$4"], "Worksheet.UsedRange"),
    (
        'Dim v As Variant\n v = Range("A2:C3").Value\n Debug.Print LBound(v, 1); '
        "UBound(v, 1); UBound(v, 2); v(2, 1)",
        [" 1  2  3 pear"],
        "Range.Value of a block is a 1-based 2-D array",
    ),
    (
        'Debug.Print WorksheetFunction.Sum(Range("B2:B4")); '
        'Application.WorksheetFunction.Max(Range("C:C"))',
        [" 20  2 "],
        "WorksheetFunction.Sum / Max",
    ),
    (
        'Debug.Print WorksheetFunction.CountA(Range("A:A")); '
        'WorksheetFunction.CountIf(Range("B:B"), ">5")',
        [" 4  2 "],
        "WorksheetFunction.CountA / CountIf",
    ),
    (
        'Debug.Print WorksheetFunction.SumIf(Range("A2:A4"), "p*", Range("B2:B4")); '
        'WorksheetFunction.Average(Range("B2:B4"))',
        [" 10  6.66666666666667 "],
        "WorksheetFunction.SumIf / Average",
    ),
    (
        'Debug.Print WorksheetFunction.Match("fig", Range("A1:A4"), 0); '
        'WorksheetFunction.VLookup("pear", Range("A2:C4"), 3, False)',
        [" 4  0.25 "],
        "WorksheetFunction.Match / VLookup",
    ),
    (
        'Debug.Print WorksheetFunction.Index(Range("A2:C4"), 2, 1); '
        "WorksheetFunction.Round(2.345, 2)",
        ["pear 2.35 "],
        "WorksheetFunction.Index / Round (half away from zero)",
    ),
    (
        'Debug.Print IsError(Application.Match("kiwi", Range("A:A"), 0))',
        ["True"],
        "Application.Match returns #N/A as an error value",
    ),
    (
        'On Error Resume Next\n Debug.Print WorksheetFunction.Match("kiwi", '
        'Range("A:A"), 0)\n Debug.Print Err.Number',
        [" 1004 "],
        "WorksheetFunction.Match raises 1004 when nothing matches",
    ),
    (
        'Debug.Print Worksheets.Count; Worksheets(2).Name; Sheets("data").Name',
        [" 2 OtherData"],
        "Worksheets collection (names are case-insensitive)",
    ),
    (
        'On Error Resume Next\n Debug.Print Worksheets("Nope").Name\n Debug.Print Err.Number',
        [" 9 "],
        "Worksheets(name): a missing sheet is error 9",
    ),
    (
        'Dim c As Range, t As Double\n For Each c In Range("B2:C2")\n t = t + c.Value\n '
        "Next\n Debug.Print t",
        [" 4.5 "],
        "For Each over a Range visits its cells",
    ),
    (
        "Dim ws As Worksheet\n Set ws = "
        'Worksheets.Add(After:=Worksheets(Worksheets.Count))\n ws.Name = "New"\n '
        "Debug.Print Worksheets.Count; Worksheets(3).Name",
        [" 3 New"],
        "Worksheets.Add(After:=)",
    ),
    (
        'With Worksheets("Data")\n .Range("D1").Value = "Total"\n .Range("D2").Formula = '
        '"=B2*C2"\n Debug.Print .Range("D1").Value; .Range("D2").Formula\n End With',
        ["Total=B2*C2"],
        "Range.Formula keeps the formula text",
    ),
    (
        'Range("A1:A2").ClearContents\n Debug.Print IsEmpty(Range("A1").Value); Range("A3").Value',
        ["Truepear"],
        "Range.ClearContents",
    ),
    (
        "Debug.Print ThisWorkbook.Worksheets(1).Name; Application.Name",
        ["DataMicrosoft Excel"],
        "Application / ThisWorkbook",
    ),
    ('Range("B2") = 5\n Debug.Print Range("B2") * 2', [" 10 "], "Range's default member is Value"),
    (
        'Dim t As Variant\n t = WorksheetFunction.Transpose(Range("A2:A4"))\n'
        " Debug.Print LBound(t, 2); UBound(t, 2); t(1, 3)",
        [" 1  3 fig"],
        "WorksheetFunction.Transpose (a column becomes a row)",
    ),
    (
        'Debug.Print Range("A:A").Find("pe").Address; Range("A:A").Find("zz") Is Nothing',
        ["$A$3True"],
        "Range.Find (Nothing when not found)",
    ),
    (
        'Dim r As Range\n Set r = Range("C2")\n r = 9\n Debug.Print Range("C2").Value; TypeName(r)',
        [" 9 Range"],
        "MS-VBAL 5.4.3.1: Let to an object variable assigns its default member",
    ),
    (
        'On Error Resume Next\n Worksheets(2).Name = ""\n Debug.Print Err.Number\n Err.Clear\n'
        ' Worksheets(2).Name = "DATA"\n Debug.Print Err.Number\n Err.Clear\n'
        ' Worksheets(2).Name = "a:b"\n Debug.Print Err.Number; Worksheets(2).Name',
        [" 1004 ", " 1004 ", " 1004 Other"],
        "Worksheet.Name: blank, taken (any case) or with : / \\ ? * [ ] is error 1004 "
        '("Rename a worksheet", support.microsoft.com)',
    ),
    (
        'Range("B2:B3").Value = 1\n Debug.Print WorksheetFunction.Sum(Range("B:B"))',
        [" 9 "],
        "Assigning a scalar to a block fills every cell",
    ),
]


@pytest.mark.parametrize(("source", "expected", "citation"), CASES, ids=[c[2] for c in CASES])
def test_excel_object_model(
    book: openpyxl.Workbook, source: str, expected: list[str], citation: str
) -> None:
    assert xl(source, book) == expected, citation


def test_cells_changed_recorded(book: openpyxl.Workbook) -> None:
    """Every written cell is reported with its old and new value."""
    obs = run(
        'Sub Main()\n Range("B2").Value = 30\n Cells(5, 1).Value = "kiwi"\nEnd Sub\n', workbook=book
    )
    assert obs.cells_changed == [
        {"sheet": "Data", "cell": "B2", "old": 3, "new": 30},
        {"sheet": "Data", "cell": "A5", "old": None, "new": "kiwi"},
    ]
    assert book["Data"]["A5"].value == "kiwi"


def test_document_module_forwards_to_sheet(book: openpyxl.Workbook) -> None:
    """A sheet's code module (Sheet1) answers the Worksheet's members through Me."""
    from transform.parse.vba_lower import parse_text
    from transform.runtimes.vba.interpreter import Project

    sheet = (
        'VERSION 1.0 CLASS\nBEGIN\n  MultiUse = -1\nEND\nAttribute VB_Name = "Sheet1"\n'
        'Attribute VB_Base = "0{00020820-0000-0000-C000-000000000046}"\n'
        "Public Function FirstName() As String\n"
        '    FirstName = Me.Range("A2").Value\nEnd Function\n'
    )
    main = "Sub Main()\n    Debug.Print Sheet1.FirstName; Sheet1.Name\nEnd Sub\n"
    project = Project([parse_text(sheet, "Sheet1.cls"), parse_text(main, "Main.bas")])
    obs = project.call("Main", workbook=book)
    assert obs.error is None, obs.error
    assert obs.output == ["appleData"]


def test_application_settings_are_kept_and_recorded(book: openpyxl.Workbook) -> None:
    """Application.ScreenUpdating / Calculation are read/write properties
    (learn.microsoft.com/office/vba/api/excel.application.screenupdating): a headless run
    keeps what the code sets and records it as an effect instead of touching a screen."""
    obs = run(
        "Sub Main()\n Application.ScreenUpdating = False\n"
        " Application.Calculation = xlCalculationManual\n"
        " Debug.Print Application.ScreenUpdating; Application.Calculation\nEnd Sub\n",
        workbook=book,
    )
    assert obs.output == ["False-4135 "]
    assert [e for e in obs.effects if e["kind"] == "application"] == [
        {"kind": "application", "setting": "screenupdating", "value": False},
        {"kind": "application", "setting": "calculation", "value": -4135},
    ]
