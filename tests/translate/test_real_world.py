"""Shapes met in public VBA/VB6/VBScript code (a measurement over 501 files of 408
repositories, issue #6) that broke the translation; each expected value is the one the
VBA reference documents (cited per test)."""

from __future__ import annotations

import importlib


def test_a_procedure_whose_body_is_only_comments_does_nothing(run_vba):
    """The "Rem statement" page: a comment is not executable ("execution continues with the
    first executable statement following the Rem statement"), so a Sub holding only
    comments runs no statement; the "Function statement" page: "If no value is assigned to
    name, the procedure returns a default value: a numeric function returns 0, a string
    function returns a zero-length string"."""
    module = run_vba(
        "Public Sub Cleanup()\n"
        "    ' nothing to clean up yet\n"
        "End Sub\n"
        "Public Function Count() As Long\n"
        "    Rem filled in later\n"
        "End Function\n"
        "Public Function Name() As String\n"
        "    ' filled in later\n"
        "End Function\n"
    )
    assert module.cleanup() is None
    assert module.count() == 0
    assert module.name() == ""


def test_a_comment_ending_in_a_line_continuation_goes_on_over_the_next_line(run_vba):
    """MS-VBAL 3.3.1: comment-body = *(line-continuation / non-line-termination-character)
    LINE-END, so a comment ending in " _" also holds the next physical line; the statement
    written there never runs (F = 2 is commented out, F is 0 + 3)."""
    module = run_vba(
        "Public Function F() As Long\n"
        "    ' an old version: _\n"
        "    F = 2\n"
        '    Rem the connect string was "Driver=" & _\n'
        '        "Server=" & host\n'
        "    F = F + 3\n"
        "End Function\n"
    )
    assert module.f() == 3


def test_a_bracketed_name_that_is_no_python_identifier_still_names_the_variable(run_vba):
    """MS-VBAL 3.3.5.3 (foreign names): "[" foreign-identifier "]" is used as if it were an
    identifier though it does not follow VBA's rules for one, e.g. `[2nd]`; it is one
    variable wherever it is written (F is 5 + 1)."""
    module = run_vba(
        "Public Function F() As Long\n"
        "    Dim [2nd] As Long\n"
        "    [2nd] = 5\n"
        "    F = [2nd] + 1\n"
        "End Function\n"
    )
    assert module.f() == 6


def test_unqualified_range_cells_and_worksheets_are_the_bound_workbooks(run_vba):
    """Excel's Application.Range and Application.Cells pages: used without an object
    qualifier they are shortcuts for ActiveSheet.Range / ActiveSheet.Cells; Worksheets(...)
    unqualified is the active workbook's collection (Application.Worksheets)."""
    import openpyxl

    module = run_vba(
        "Public Function Total() As Double\n"
        '    Total = Range("B2").Value + Cells(3, 2).Value + Worksheets("Data").Range("A1").Value\n'
        "End Function\n"
        "Public Sub Mark()\n"
        '    Range("C1").Value = "done"\n'
        "End Sub\n"
    )
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet["A1"], sheet["B2"], sheet["B3"] = 1, 20, 300
    vba = importlib.import_module(module.__package__ + ".vba_support")
    vba.bind_workbook(book)
    assert module.total() == 321
    module.mark()
    assert sheet["C1"].value == "done"


def test_library_qualified_functions_are_the_library_functions(run_vba):
    """VBA.Left$ and VBA.CInt name the VBA library's Left$ and CInt: "Left function" page
    (Left("Hello World", 1) is "H"); "Type conversion functions" page: CInt rounds a
    fraction of .5 to the nearest even number (0.5 to 0, 1.5 to 2), so 2.5 is 2, 3.5 is 4."""
    module = run_vba(
        "Public Function Head(ByVal s As String) As String\n"
        "    Head = VBA.Left$(s, 1)\n"
        "End Function\n"
        "Public Function Rounded(ByVal d As Double) As Integer\n"
        "    Rounded = VBA.CInt(d)\n"
        "End Function\n"
    )
    assert module.head("Hello World") == "H"
    assert module.rounded(2.5) == 2
    assert module.rounded(3.5) == 4


def test_excel_qualified_globals_are_the_bound_workbooks(run_vba):
    """Excel.Sheets and Excel.Application name the Excel library's Application members,
    the same objects as unqualified Sheets/Application (Application.Sheets page: "used
    without an object qualifier, returns all the sheets in the active workbook")."""
    import openpyxl

    module = run_vba(
        "Public Function Third() As Variant\n"
        '    Excel.Sheets("Data").Cells(1, 3) = 7\n'
        '    Third = Excel.Sheets("Data").Cells(1, 3).Value + Excel.Application.Sheets.Count\n'
        "End Function\n"
    )
    book = openpyxl.Workbook()
    book.active.title = "Data"
    book.create_sheet("Other")
    vba = importlib.import_module(module.__package__ + ".vba_support")
    vba.bind_workbook(book)
    assert module.third() == 9
    assert book["Data"]["C1"].value == 7


def test_mkdir_rmdir_and_doevents_statements(run_vba, tmp_path, monkeypatch):
    """MkDir and RmDir pages: MkDir creates a folder, RmDir removes an empty one ("an error
    occurs if you try to use RmDir on a directory containing files"; creating an existing
    folder fails too: error 75, Path/File access error); DoEvents (the "DoEvents function"
    page) only yields to the host and changes nothing the program sees."""
    module = run_vba(
        "Public Function Make() As Long\n"
        "    On Error GoTo Failed\n"
        '    MkDir "out"\n'
        "    DoEvents\n"
        '    MkDir "out"\n'
        "    Exit Function\n"
        "Failed:\n"
        "    Make = Err.Number\n"
        "End Function\n"
        "Public Sub Remove()\n"
        '    RmDir "out"\n'
        "End Sub\n"
    )
    monkeypatch.chdir(tmp_path)
    assert module.make() == 75
    assert (tmp_path / "out").is_dir()
    module.remove()
    assert not (tmp_path / "out").exists()


def test_a_declare_in_a_class_module_is_callable_from_its_methods(run_vba):
    """The "Declare statement" page: in a class module a Declare must be Private and is used by
    the module's own procedures. DLL calls run sandboxed, as in the oracle
    (docs/translation.md, Host statements): recorded as a `dll` effect, returning 0."""
    module = run_vba(
        "VERSION 1.0 CLASS\n"
        "BEGIN\n"
        "  MultiUse = -1\n"
        "END\n"
        'Attribute VB_Name = "Ticker"\n'
        "#If VBA7 Then\n"
        '  Private Declare PtrSafe Function GetTickCount Lib "kernel32" () As Long\n'
        "#Else\n"
        '  Private Declare Function GetTickCount Lib "kernel32" () As Long\n'
        "#End If\n"
        'Private Declare Function SetWindowLong Lib "user32" Alias _\n'
        '    "SetWindowLongA" (ByVal hwnd As Long, ByVal nIndex As Long) As Long\n'
        "Public Function Ticks() As Long\n"
        "    Ticks = GetTickCount() + SetWindowLong(1, 2) + 5\n"
        "End Function\n",
        name="ticker",
        file="Ticker.cls",
    )
    assert module.Ticker().ticks() == 5


def test_an_implicit_variable_with_a_type_character_in_a_form_is_a_local(run_vba):
    """The "Option Explicit statement" page: without it, an undeclared name used in code
    is an implicitly declared variable; `n%` carries the Integer type character and is
    the same variable each time it is written (Count is 5 + 1), not a control of the
    form; the "Function statement" page: arguments are passed ByRef by default, so Bump
    changes v (Total is 1 + 1)."""
    module = run_vba(
        "VERSION 5.00\n"
        "Begin VB.Form Form1\n"
        '   Caption = "Demo"\n'
        "End\n"
        'Attribute VB_Name = "Form1"\n'
        "Public Function Count() As Long\n"
        "    n% = 5\n"
        "    n% = n% + 1\n"
        "    Count = n%\n"
        "End Function\n"
        "Private Function Bump(x As Long) As Long\n"
        "    x = x + 1\n"
        "    Bump = 1\n"
        "End Function\n"
        "Public Function Total() As Long\n"
        "    Dim v As Long\n"
        "    r% = Bump(v)\n"
        "    Total = r% + v\n"
        "End Function\n",
        name="form1",
        file="Form1.frm",
    )
    assert module.Form1().count() == 6
    assert module.Form1().total() == 2


def test_assigning_unqualified_cells_and_range_sets_the_active_sheets_values(run_vba):
    """Application.Cells / Application.Range pages: without an object qualifier they are
    the active sheet's; assigning to them sets the range's default member, Value."""
    import openpyxl

    module = run_vba('Public Sub Fill()\n    Cells(2, 3) = 5\n    Range("A1") = "x"\nEnd Sub\n')
    book = openpyxl.Workbook()
    vba = importlib.import_module(module.__package__ + ".vba_support")
    vba.bind_workbook(book)
    module.fill()
    assert book.active["C2"].value == 5
    assert book.active["A1"].value == "x"


def test_dir_lists_matching_files_one_call_at_a_time(run_vba, tmp_path, monkeypatch):
    """The "Dir function" page: Dir(pathname) returns the first file name that matches;
    "to get any additional file names that match pathname, call Dir again with no
    arguments. When no more file names match, Dir returns a zero-length string"."""
    module = run_vba(
        "Public Function Listing() As String\n"
        "    Dim f As String\n"
        '    f = Dir("*.txt")\n'
        '    Do While f <> ""\n'
        '        Listing = Listing & f & ";"\n'
        "        f = Dir\n"
        "    Loop\n"
        "End Function\n"
    )
    for name in ("b.txt", "a.txt", "c.csv"):
        (tmp_path / name).write_text("x")
    monkeypatch.chdir(tmp_path)
    assert sorted(module.listing().rstrip(";").split(";")) == ["a.txt", "b.txt"]


def test_environ_reads_the_sandboxed_environment(run_vba):
    """The "Environ function" page: Environ(name) is the value of that environment
    variable and "" when there is none. The translation reads the oracle's fixed sandbox
    environment (docs/translation.md: running legacy code never touches the host)."""
    module = run_vba(
        "Public Function Who() As String\n"
        '    Who = Environ("USERNAME") & "|" & Environ$("NO_SUCH_VARIABLE_X") & "|"\n'
        "End Function\n"
    )
    assert module.who() == "user||"


def test_shell_is_sandboxed_like_the_oracle(run_vba):
    """The "Shell function" page: Shell runs a program and returns its task id (a Double).
    Translated code never runs host programs (docs/translation.md, Host statements): the
    request is recorded in vba.effects and the id is 0, as the interpreter does."""
    module = run_vba(
        "Public Function Launch() As Double\n"
        '    Shell "cmd /c dir", 0\n'
        '    Launch = Shell("notepad.exe", 1)\n'
        "End Function\n"
    )
    vba = importlib.import_module(module.__package__ + ".vba_support")
    assert module.launch() == 0
    assert [e.get("command") for e in vba.effects if e["kind"] == "shell"] == [
        "cmd /c dir",
        "notepad.exe",
    ]


def test_shell_window_style_constants(run_vba):
    """The "Shell function" page, windowstyle values: vbHide 0, vbNormalFocus 1,
    vbMinimizedFocus 2, vbMaximizedFocus 3, vbNormalNoFocus 4, vbMinimizedNoFocus 6."""
    module = run_vba(
        "Option Explicit\n"
        "Public Function Styles() As String\n"
        "    Styles = vbHide & vbNormalFocus & vbMinimizedFocus & vbMaximizedFocus & _\n"
        "        vbNormalNoFocus & vbMinimizedNoFocus\n"
        "End Function\n"
    )
    assert module.styles() == "012346"
