"""File statements, FileSystemObject and recorded effects, inside the sandbox.

Formats come from the "Print # statement", "Write # statement", "Input #
statement", "Line Input # statement" and "FileSystemObject object" reference
pages; the sandbox rules from the design (nothing outside the scratch directory).
"""

from __future__ import annotations

from pathlib import Path

from .vba_helpers import output, run


def test_print_write_and_read_back(tmp_path: Path) -> None:
    src = """
Sub Main()
    Dim f As Integer, s As String, a As Variant, b As Variant, c As Variant
    f = FreeFile
    Open "out.txt" For Output As #f
    Print #f, "x"; 5; "y"
    Print #f, "a", "b"
    Write #f, "q,1", 2.5, True, Null
    Close #f
    f = FreeFile
    Open "out.txt" For Input As #f
    Line Input #f, s
    Debug.Print "[" & s & "]"
    Line Input #f, s
    Debug.Print "[" & s & "]"
    Input #f, a, b, c
    Debug.Print a; "|"; b; "|"; c; "|"; EOF(f)
    Close f
End Sub"""
    obs = run(src, sandbox_dir=tmp_path)
    assert obs.error is None, obs.error
    data = (tmp_path / "out.txt").read_bytes()
    assert data == b'x 5 y\r\na             b\r\n"q,1",2.5,#TRUE#,#NULL#\r\n'
    assert obs.output == ["[x 5 y]", "[a             b]", "q,1| 2.5 |True|False"]


def test_append_lof_and_line_input_past_end(tmp_path: Path) -> None:
    """Append adds to the end; reading past the end is error 62."""
    (tmp_path / "log.txt").write_bytes(b"one\r\n")
    src = """
Sub Main()
    Dim s As String
    Open "log.txt" For Append As #1
    Print #1, "two"
    Close #1
    Open "log.txt" For Input As #1
    Debug.Print LOF(1)
    Line Input #1, s
    Line Input #1, s
    Debug.Print s; EOF(1)
    On Error Resume Next
    Line Input #1, s
    Debug.Print Err.Number
    Close
End Sub"""
    assert output(src, sandbox_dir=tmp_path) == [" 10 ", "twoTrue", " 62 "]


def test_missing_file_and_bad_number(tmp_path: Path) -> None:
    """Error 53 File not found; 52 Bad file name or number; 55 File already open."""
    src = """
Sub Main()
    On Error Resume Next
    Open "nope.txt" For Input As #1
    Debug.Print Err.Number
    Err.Clear
    Print #3, "x"
    Debug.Print Err.Number
    Err.Clear
    Open "a.txt" For Output As #2
    Open "b.txt" For Output As #2
    Debug.Print Err.Number
    Close
End Sub"""
    assert output(src, sandbox_dir=tmp_path) == [" 53 ", " 52 ", " 55 "]


def test_dir_kill_mkdir_name(tmp_path: Path) -> None:
    """Dir returns matches one by one, "" at the end; Kill, MkDir and Name act in the
    sandbox."""
    for n in ("a.csv", "b.csv", "c.txt"):
        (tmp_path / n).write_text("x")
    src = """
Sub Main()
    Dim f As String, s As String
    f = Dir("*.csv")
    Do While f <> ""
        s = s & f & ";"
        f = Dir()
    Loop
    Debug.Print s
    Kill "c.txt"
    MkDir "sub"
    Name "a.csv" As "sub/a2.csv"
    Debug.Print Dir("c.txt") = ""; Dir("sub/*.csv")
End Sub"""
    assert output(src, sandbox_dir=tmp_path) == ["a.csv;b.csv;", "Truea2.csv"]
    assert (tmp_path / "sub" / "a2.csv").exists() and not (tmp_path / "c.txt").exists()


def test_paths_outside_sandbox_are_recorded_not_touched(tmp_path: Path) -> None:
    """Design: anything outside the scratch directory is an effect, not an action."""
    src = r"""
Sub Main()
    On Error Resume Next
    Kill "C:\Windows\system.ini"
    Open "C:\temp\out.txt" For Output As #1
    Print #1, "x"
    Close #1
    Open "/etc/passwd" For Input As #2
    Debug.Print Err.Number
End Sub"""
    obs = run(src, sandbox_dir=tmp_path)
    assert obs.output == [" 53 "]
    kinds = [e["kind"] for e in obs.effects]
    assert kinds.count("outside-sandbox") >= 3


def test_shell_createobject_declare_recorded(tmp_path: Path) -> None:
    """Shell, SendKeys, automation objects and Declare'd DLL calls are recorded only."""
    src = """
Private Declare PtrSafe Function GetTickCount Lib "kernel32" () As Long
Sub Main()
    Dim sh As Object
    Shell "cmd /c del *.*"
    SendKeys "{ENTER}"
    Set sh = CreateObject("WScript.Shell")
    sh.Run "calc.exe"
    Debug.Print GetTickCount()
End Sub"""
    obs = run(src, sandbox_dir=tmp_path)
    assert obs.error is None, obs.error
    kinds = [e["kind"] for e in obs.effects]
    assert kinds == ["shell", "sendkeys", "createobject", "call", "dll"]
    assert obs.effects[0]["command"] == "cmd /c del *.*"
    assert obs.effects[3]["member"] == "run"


def test_unknown_createobject_is_429(tmp_path: Path) -> None:
    """VBA reference: error 429 ActiveX component can't create object."""
    src = """
Sub Main()
    On Error Resume Next
    Dim o As Object
    Set o = CreateObject("Some.UnknownThing")
    Debug.Print Err.Number
End Sub"""
    assert output(src, sandbox_dir=tmp_path) == [" 429 "]


def test_msgbox_inputbox_scripted() -> None:
    """MsgBox/InputBox answers come from one scripted list, in order; when it runs out,
    MsgBox answers vbOK and InputBox "" (the default answers)."""
    src = """
Sub Main()
    Debug.Print MsgBox("Continue?", vbYesNo); MsgBox("again"); MsgBox("third")
    Debug.Print "[" & InputBox("Name?") & "]"; "[" & InputBox("Age?") & "]"
End Sub"""
    obs = run(src, responses=[7, 2, 1, "Ada"])
    assert obs.output == [" 7  2  1 ", "[Ada][]"]
    assert [e["kind"] for e in obs.effects] == ["msgbox"] * 3 + ["inputbox"] * 2
    assert obs.effects[0]["prompt"] == "Continue?" and obs.effects[0]["buttons"] == 4


def test_file_system_object(tmp_path: Path) -> None:
    """Scripting.FileSystemObject and TextStream inside the sandbox."""
    src = """
Sub Main()
    Dim fso As Object, ts As Object, n As Long
    Set fso = CreateObject("Scripting.FileSystemObject")
    Set ts = fso.CreateTextFile("notes.txt", True)
    ts.WriteLine "first"
    ts.Write "second"
    ts.Close
    Debug.Print fso.FileExists("notes.txt"); fso.FileExists("none.txt")
    Set ts = fso.OpenTextFile("notes.txt", 1)
    Do Until ts.AtEndOfStream
        n = n + 1
        Debug.Print n; ts.ReadLine
    Loop
    ts.Close
    Debug.Print fso.GetExtensionName("a\\b.txt"); " "; fso.GetBaseName("a\\b.txt"); " "; _
        fso.BuildPath("dir", "f.txt")
    On Error Resume Next
    Set ts = fso.OpenTextFile("missing.txt")
    Debug.Print Err.Number
End Sub"""
    obs = run(src, sandbox_dir=tmp_path)
    assert obs.error is None, obs.error
    assert obs.output == ["TrueFalse", " 1 first", " 2 second", "txt b dir\\f.txt", " 53 "]
    assert (tmp_path / "notes.txt").read_bytes() == b"first\r\nsecond"


def test_random_access_records(tmp_path: Path) -> None:
    """Put/Get of fixed-size UDT records (MS-VBAL 5.4.5.10/11); Len of a UDT is its
    record size."""
    src = """
Type Rec
    Code As String * 4
    Qty As Integer
    Price As Currency
End Type
Sub Main()
    Dim r As Rec, back As Rec
    Debug.Print Len(r)
    Open "data.bin" For Random As #1 Len = Len(r)
    r.Code = "AB": r.Qty = 7: r.Price = 1.25
    Put #1, 1, r
    r.Code = "CD": r.Qty = 9
    Put #1, 2, r
    Get #1, 1, back
    Debug.Print back.Code; back.Qty; back.Price; LOF(1) \\ Len(r)
    Close #1
End Sub"""
    assert output(src, sandbox_dir=tmp_path) == [" 14 ", "AB   7  1.25  2 "]


def test_default_scratch_directory_is_removed_with_the_project() -> None:
    """Without a given sandbox folder each project gets its own scratch directory; batches
    run thousands of projects, so it must not outlive the project."""
    import gc

    from transform.parse.vba_lower import parse_text
    from transform.runtimes.vba.interpreter import Project

    src = 'Sub Main()\n    Open "a.txt" For Output As #1\n    Print #1, "x"\n    Close #1\nEnd Sub'
    project = Project([parse_text(src, "Module1.bas")])
    assert project.call("Main").error is None
    scratch = Path(project.rt.sandbox.root)
    assert (scratch / "a.txt").read_bytes() == b"x\r\n"
    del project
    gc.collect()
    assert not scratch.exists()


def test_app_path_is_a_fixed_name_for_the_sandbox(tmp_path: Path) -> None:
    """VB6's App.Path (the program's folder, without a trailing backslash) is the sandbox
    under one fixed name, so results that show it do not depend on the scratch folder;
    files under it are the sandbox's (design: nothing outside the scratch directory)."""
    src = """
Sub Main()
    Dim f As Integer, s As String
    Debug.Print App.Path
    f = FreeFile
    Open App.Path & "\\notes.txt" For Output As #f
    Print #f, "kept"
    Close #f
    Open "notes.txt" For Input As #f
    Line Input #f, s
    Close #f
    Debug.Print s
End Sub
"""
    assert output(src, sandbox_dir=tmp_path) == ["C:\\Sandbox", "kept"]
    assert (tmp_path / "notes.txt").read_bytes() == b"kept\r\n"


def test_huge_strings_end_the_run_as_a_limit() -> None:
    """A sandbox limit, like steps and time: VBA strings may reach 2^31 - 1 characters
    ("String data type" reference page), far more memory than a recorded run may take."""
    for expression in ('String(2147483647, "x")', "Space(100000000)", "Space$(100000000)"):
        obs = run(f"Sub Main()\n    Dim s As String\n    s = {expression}\nEnd Sub")
        assert obs.error is not None and obs.error.get("limit") == "string length", expression
    doubling = """
Sub Main()
    Dim s As String, i As Integer
    s = "x"
    For i = 1 To 40
        s = s & s
    Next
End Sub"""
    assert run(doubling).error.get("limit") == "string length"
    # Print writes a number with a leading space for its sign and a trailing space
    # ("Print # statement" reference page).
    assert output('Sub Main()\n    Debug.Print Len(String(1000, "x") & Space(10))\nEnd Sub') == [
        " 1010 "
    ]
