"""Excel macros translated: rules/vba/excel.yaml writes openpyxl cell assignments where it
can prove them, the support package's object model (the interpreter's) does the rest, and
the program gets its workbook from `vba_support.bind_workbook`.

Expected cell contents come from the Excel VBA reference, not from our output:
- Worksheet.Cells (learn.microsoft.com/office/vba/api/excel.worksheet.cells):
  `Worksheets("Sheet1").Cells(5, 3)` is cell C5.
- Range.Value (learn.microsoft.com/office/vba/api/excel.range.value):
  `Worksheets("Sheet1").Range("A1").Value = 3.14159` puts 3.14159 in A1.
- Range.Formula (learn.microsoft.com/office/vba/api/excel.range.formula):
  `Worksheets("Sheet1").Range("A1").Formula = "=$A$4+$A$10"` sets A1's formula.
- Range.End (learn.microsoft.com/office/vba/api/excel.range.end): like END+UP ARROW, the
  last non-empty cell above, so `Cells(Rows.Count, 1).End(xlUp).Row` is the last used row.
- "Object variable or With block variable not set (Error 91)" (VBA language reference):
  using a member of an object variable that holds Nothing.
- "Optional" / "IsMissing function" (VBA language reference): IsMissing works only on
  Variants; an omitted typed Optional parameter without a default has its type's initial
  value (Nothing for an object).
- "Stop automatically changing numbers to dates" (support.microsoft.com): Excel turns
  text like "12/2" into a date on entry, so such text is not stored as it is.
"""

from __future__ import annotations

import importlib
import sys

import openpyxl
import pytest

from transform.translate.module import translate_module
from transform.translate.support import support_files

MODULE = """Attribute VB_Name = "modCells"
Option Explicit
Private Const TOP_ROW As Long = 5

Public Sub WriteCells(ByVal ws As Worksheet, ByVal n As Long)
    ws.Cells(TOP_ROW, 3).Value = n
    ws.Range("A1").Formula = "=$A$4+$A$10"
    ws.Range("B1").Value = 3.14159
    ws.Range("B2").Value = "Total " & n
End Sub

Public Sub WriteConverted(ByVal ws As Worksheet, ByVal s As String)
    ws.Range("C1").Value = "12/2"
    ws.Range("C2").Value = s
End Sub

Public Function LastRow(ByVal ws As Worksheet) As Long
    LastRow = ws.Cells(ws.Rows.Count, 1).End(xlUp).Row
End Function

Public Function HasSheet(ByVal sName As String, Optional ByVal wb As Workbook) As Boolean
    Dim ws As Worksheet
    If wb Is Nothing Then Set wb = ThisWorkbook
    On Error Resume Next
    Set ws = wb.Worksheets(sName)
    On Error GoTo 0
    HasSheet = Not ws Is Nothing
End Function
"""

SHEET = """VERSION 1.0 CLASS
BEGIN
  MultiUse = -1  'True
END
Attribute VB_Name = "Sheet1"
Attribute VB_Base = "0{00020820-0000-0000-C000-000000000046}"
Attribute VB_PredeclaredId = True
Option Explicit

Public Function FirstName() As String
    FirstName = Me.Range("A2").Value & "/" & Me.Name
End Function
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory, vba_rules, vba_language):
    """The two modules translated into a package with its support package."""
    out = tmp_path_factory.mktemp("excel-rules")
    root = out / "xl_demo"
    root.mkdir()
    (root / "__init__.py").write_text("")
    helpers: set[str] = set()
    codes = {}
    for name, source, text in (
        ("mod_cells", "modCells.bas", MODULE),
        ("sheet1", "Sheet1.cls", SHEET),
    ):
        translation = translate_module(vba_rules, vba_language, text, name, source, {})
        codes[name] = translation.code
        (root / f"{name}.py").write_text(translation.code)
        helpers |= translation.helpers
    for relative, text in support_files(helpers).items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text)
    sys.path.insert(0, str(out))
    yield (
        codes,
        importlib.import_module("xl_demo.mod_cells"),
        importlib.import_module("xl_demo.sheet1"),
    )
    sys.path.remove(str(out))
    for loaded in [m for m in sys.modules if m == "xl_demo" or m.startswith("xl_demo.")]:
        del sys.modules[loaded]


def _book() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Data"
    ws.sheet_properties.codeName = "Sheet1"
    for row in (["Name", "Qty"], ["apple", 3], ["pear", 10]):
        ws.append(row)
    return book


def test_proven_cell_writes_are_openpyxl(package):
    code = package[0]["mod_cells"]
    assert "ws['C5'].value = n" in code  # Cells(5, 3) is C5; n is a declared Long
    assert "ws['A1'].value = '=$A$4+$A$10'" in code
    assert "ws['B1'].value = 3.14159" in code
    assert "ws['B2'].value = vba.concat('Total ', n)" in code


def test_values_excel_converts_keep_the_object_model(package):
    """Text Excel reads as a date ("12/2") and a String of unknown contents are written
    through the object model, which applies Excel's conversions."""
    code = package[0]["mod_cells"]
    assert "vba.let(vba.call(ws, 'Range', 'C1'), 'Value', '12/2')" in code
    assert "vba.let(vba.call(ws, 'Range', 'C2'), 'Value', s)" in code


def test_translated_writes_land_in_the_bound_workbook(package):
    _, cells, _ = package
    vba = cells.vba
    book = vba.bind_workbook(_book())
    cells.write_cells(vba.excel_object("Worksheet", "Data"), 14)
    ws = book["Data"]
    assert ws["C5"].value == 14
    assert ws["A1"].value == "=$A$4+$A$10"
    assert ws["B1"].value == 3.14159
    assert ws["B2"].value == "Total 14"


def test_raw_openpyxl_sheet_works_too(package):
    _, cells, _ = package
    vba = cells.vba
    book = vba.bind_workbook(_book())
    cells.write_cells(book["Data"], 2)
    assert book["Data"]["C5"].value == 2
    assert cells.last_row(vba.excel_object(book["Data"])) == 3  # column A ends at A3


def test_object_model_functions_on_the_bound_workbook(package):
    _, cells, _ = package
    vba = cells.vba
    vba.bind_workbook(_book())
    assert cells.last_row(vba.excel_object("Worksheet", "Data")) == 3
    assert cells.has_sheet("data") is True  # Worksheets(name) ignores case
    assert cells.has_sheet("Nope") is False


def test_nothing_worksheet_is_error_91(package):
    _, cells, _ = package
    vba = cells.vba
    vba.bind_workbook(_book())
    with pytest.raises(Exception) as error:
        cells.write_cells(vba.Nothing, 1)
    assert error.value.number == 91


def test_omitted_typed_optional_is_its_initial_value(package):
    code = package[0]["mod_cells"]
    assert "wb = vba.Nothing) -> bool:" in code  # not vba.MISSING: wb Is Nothing holds


def test_document_module_answers_its_sheets_members(package):
    codes, _, sheet = package
    assert "class Sheet1(vba.ExcelDocument):" in codes["sheet1"]
    sheet.vba.bind_workbook(_book())
    assert sheet.Sheet1.default().first_name() == "apple/Data"


def test_unbound_program_says_how_to_bind(package, tmp_path):
    _, cells, _ = package
    workbook = sys.modules["xl_demo.vba_support.workbook"]
    saved = workbook._bound["host"]
    workbook._bound["host"] = None
    try:
        with pytest.raises(Exception) as error:
            cells.has_sheet("Data")
        assert error.value.number == 424 and "bind_workbook" in error.value.description
    finally:
        workbook._bound["host"] = saved


def test_bind_by_path_reads_the_file(package, tmp_path):
    _, cells, _ = package
    path = tmp_path / "Book.xlsx"
    _book().save(path)
    book = cells.vba.bind_workbook(path)
    assert cells.has_sheet("Data") is True
    assert book["Data"]["A2"].value == "apple"
