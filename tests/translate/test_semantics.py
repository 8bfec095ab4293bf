"""Translated code keeps VBA's semantics where idiomatic Python would differ: each case
translates a small module with our rules, runs the Python with its support package, and
checks the value the VBA specification or reference documents (cited per test)."""

from __future__ import annotations

import pytest


def vba_error_number(call) -> int | None:
    """The VBA error number a call raises (None when it raises nothing)."""
    try:
        call()
    except Exception as exc:  # noqa: BLE001 - the support package's VbaError
        return getattr(exc, "number", None)
    return None


def test_variants_holding_a_number_and_a_string_compare_the_number_as_smaller(run_vba):
    """The "Comparison operators" page, second table: "One Variant expression is numeric and
    the other is a string: the numeric expression is less than the string expression"
    (no Type mismatch, unlike a declared number against a String)."""
    module = run_vba(
        "Public Function Lt(ByVal a As Variant, ByVal b As Variant) As Boolean\n"
        "    Lt = a < b\n"
        "End Function\n"
    )
    assert module.lt(0, "") is True
    assert module.lt("", 0) is False
    assert module.lt("abc", 5) is False
    assert module.lt(5, "abc") is True


def test_a_declared_number_against_a_string_variant_reads_the_string_as_a_number(run_vba):
    """The "Comparison operators" page: a numeric data type and a string Variant that can't be
    converted to a number is a Type mismatch (error 13); one that can is compared as a
    number."""
    module = run_vba(
        "Public Function Lt(ByVal n As Long, ByVal v As Variant) As Boolean\n"
        "    Lt = n < v\n"
        "End Function\n"
    )
    assert module.lt(2, "10") is True
    assert vba_error_number(lambda: module.lt(2, "abc")) == 13


def test_a_null_condition_is_false(run_vba):
    """MS-VBAL 5.6.16.3 <boolean-expression>: "if <expression> has the data value Null,
    the value of <expression> is False" - for If, ElseIf, Do While/Until (and a Null
    Select Case subject matches no Case)."""
    module = run_vba(
        "Public Function Pick(ByVal v As Variant) As String\n"
        "    If v < 1 Then\n"
        '        Pick = "less"\n'
        "    ElseIf v Then\n"
        '        Pick = "true"\n'
        "    Else\n"
        '        Pick = "else"\n'
        "    End If\n"
        "End Function\n"
        "Public Function Kind(ByVal v As Variant) As String\n"
        "    Select Case v\n"
        '        Case 1: Kind = "one"\n'
        '        Case Else: Kind = "other"\n'
        "    End Select\n"
        "End Function\n"
    )
    null = module.vba.Null
    assert module.pick(null) == "else"
    assert module.pick(0) == "less"
    assert module.pick(5) == "true"
    assert module.kind(null) == "other"


def test_not_and_and_or_propagate_null(run_vba):
    """The "Not operator" page: Not Null is Null; "And operator" page: Null And False is
    False, Null And True is Null; "Or operator": Null Or True is True."""
    module = run_vba(
        "Public Function F(ByVal v As Variant, ByVal b As Boolean) As Variant\n"
        "    F = Array(Not (v = 1), (v = 1) And b, (v = 1) Or b)\n"
        "End Function\n"
    )
    null = module.vba.Null
    values = list(module.f(null, False))
    assert values[0] is null and values[1] is False and values[2] is null
    values = list(module.f(null, True))
    assert values[1] is null and values[2] is True


def test_long_arithmetic_overflows_past_2_to_the_31(run_vba):
    """MS-VBAL 5.6.9.3 (arithmetic operators) and 5.6.9.3.1 (unary -): a Long result
    outside -2,147,483,648..2,147,483,647 raises error 6 (Overflow)."""
    module = run_vba(
        "Public Function Neg(ByVal n As Long) As Long\n"
        "    Neg = -n\n"
        "End Function\n"
        "Public Function Twice(ByVal n As Long) As Long\n"
        "    Twice = n * 2\n"
        "End Function\n"
        "Public Function Next_(ByVal n As Long) As Long\n"
        "    Next_ = n + 1\n"
        "End Function\n"
    )
    assert module.neg(-2147483647) == 2147483647
    assert vba_error_number(lambda: module.neg(-2147483648)) == 6
    assert module.twice(1073741823) == 2147483646
    assert vba_error_number(lambda: module.twice(1073741824)) == 6
    assert vba_error_number(lambda: module.next_(2147483647)) == 6


def test_variant_arithmetic_promotes_instead_of_overflowing(run_vba):
    """The "Variant data type" page: arithmetic on Variants that overflows the subtype makes
    the result the next wider type (Integer 32767 + 1 is the Long 32768)."""
    module = run_vba(
        "Public Function Bump(ByVal v As Variant) As Variant\n    Bump = v + 1\nEnd Function\n"
    )
    result = module.bump(module.vba.Integer(32767))
    assert result == 32768 and type(result) is int


def test_double_arithmetic_overflow_and_division_by_zero(run_vba):
    """MS-VBAL 5.6.9.3.4 (*): a Double result beyond the Double range raises 6 (Python
    would give inf); 5.6.9.3.5 (/): dividing by zero raises 11 (Division by zero)."""
    module = run_vba(
        "Public Function Square(ByVal d As Double) As Double\n"
        "    Square = d * d\n"
        "End Function\n"
        "Public Function Ratio(ByVal a As Double, ByVal b As Double) As Double\n"
        "    Ratio = a / b\n"
        "End Function\n"
        "Public Function Half(ByVal d As Double) As Double\n"
        "    Half = d / 2\n"
        "End Function\n"
    )
    assert module.square(1e200 / 1e100) == pytest.approx(1e200)
    assert vba_error_number(lambda: module.square(1e200)) == 6
    assert vba_error_number(lambda: module.ratio(1.0, 0.0)) == 11
    assert module.half(5.0) == 2.5


def test_option_compare_text_compares_variants_without_case(run_vba):
    """ "Option Compare statement": Option Compare Text compares strings case-insensitively,
    (A=a) < (À=à) < (B=b) - also when the operands are Variants."""
    module = run_vba(
        "Option Compare Text\n"
        "Public Function Same(ByVal a As Variant, ByVal b As Variant) As Boolean\n"
        "    Same = (a = b)\n"
        "End Function\n"
    )
    assert module.same("abc", "ABC") is True


def test_assigning_the_function_result_let_coerces_to_its_type(run_vba):
    """MS-VBAL 5.4.3.8 (Let statement) with 5.5.1.2.10 (Let-coercion from Null): assigning
    Null to a String function result raises 94 (Invalid use of Null); a number becomes
    its String form."""
    module = run_vba(
        "Public Function Name_(ByVal v As Variant) As String\n    Name_ = v\nEnd Function\n"
    )
    assert module.name_(12) == "12"
    assert vba_error_number(lambda: module.name_(module.vba.Null)) == 94


def test_a_declared_dll_function_is_sandboxed_and_recorded(run_vba):
    """Design ("Running legacy code never touches the host"): a Declare'd DLL procedure is
    recorded as a `dll` effect, not performed, and gives 0 - as the oracle does, so the
    translation and its characterization agree."""
    module = run_vba(
        'Private Declare Function GetTickCount Lib "kernel32" () As Long\n'
        "Public Function Elapsed() As Long\n"
        "    Elapsed = GetTickCount() - GetTickCount()\n"
        "End Function\n"
    )
    module.vba.effects.clear()
    assert module.elapsed() == 0
    assert [e["kind"] for e in module.vba.effects] == ["dll", "dll"]
    assert module.vba.effects[0]["name"] == "GetTickCount"


FORM = """VERSION 5.00
Begin VB.Form frmDemo
   Caption         =   "Demo"
   Begin VB.ListBox lstItems
      Height          =   300
   End
   Begin VB.TextBox txtName
      Height          =   300
   End
End
Attribute VB_Name = "frmDemo"
Attribute VB_PredeclaredId = True
Option Explicit

Public Function Fill() As Long
    lstItems.Clear
    lstItems.AddItem "a"
    lstItems.AddItem "b"
    txtName = "x"
    Me.Caption = "Items"
    Fill = lstItems.ListCount
End Function

Public Function NameText() As String
    NameText = txtName.Text
End Function

Public Sub Display()
    Me.Show
End Sub
"""


def test_a_form_reaches_its_controls_by_name_headless(run_vba):
    """A form's code names its controls directly ("AddItem method", "ListCount property":
    two AddItem calls after Clear give 2; "Text property": a TextBox's default property
    is Text). Run headless as in the oracle, Show is recorded, not performed (design:
    UI is never performed)."""
    module = run_vba(FORM, name="frm_demo", file="frmDemo.frm")
    form = module.frmDemo()
    assert form.fill() == 2
    assert form.name_text() == "x"
    module.vba.effects.clear()
    form.display()
    assert module.vba.effects == [{"kind": "form.show", "form": "frmDemo"}]


def test_gosub_runs_the_labelled_lines_and_returns_after_the_call(run_vba):
    """The "GoSub...Return statement" page: GoSub branches to a line label inside the
    procedure, Return goes back to the statement after the GoSub; the subroutine shares
    the procedure's variables."""
    module = run_vba(
        "Public Function Cells(ByVal a As String, ByVal b As String) As String\n"
        "    Dim sCell As String, iWidth As Integer, sOut As String\n"
        "    sCell = a: iWidth = 4: GoSub AddCell\n"
        "    sCell = b: iWidth = -4: GoSub AddCell\n"
        '    Cells = sOut & "|"\n'
        "    Exit Function\n"
        "AddCell:\n"
        "    If iWidth < 0 Then\n"
        "        sOut = sOut & Right$(Space$(-iWidth) & sCell, -iWidth)\n"
        "        Return\n"
        "    End If\n"
        "    sOut = sOut & Left$(sCell & Space$(iWidth), iWidth)\n"
        "    Return\n"
        "End Function\n"
    )
    assert module.cells("ab", "7") == "ab     7|"


def test_erl_gives_the_line_number_before_the_error(run_vba):
    """The "Erl function" page: Erl returns the line number of the last numbered line
    executed before the error (the division on line 20), not the handler's own line."""
    module = run_vba(
        "Public Function Unit(ByVal c As Currency, ByVal q As Integer) As String\n"
        "10      On Error GoTo Failed\n"
        '20      Unit = Format$(c / q, "0.00")\n'
        "30      Exit Function\n"
        "Failed:\n"
        '40      Unit = "error " & Err.Number & " at line " & Erl\n'
        "End Function\n"
    )
    assert module.unit(300, 120) == "2.50"
    assert module.unit(100, 0) == "error 11 at line 20"


def test_defint_makes_undeclared_types_integer(run_vba):
    """MS-VBAL 5.2.2 (implicit definition directives): under `DefInt A-Z` a variable,
    parameter or function without `As` is an Integer, so 300 * 200 overflows (error 6,
    MS-VBAL 5.6.9.3.4) and the function returns an Integer."""
    module = run_vba(
        "DefInt A-Z\n"
        "Public Function Times(ByVal a, ByVal b)\n"
        "    Dim n\n"
        "    n = a\n"
        "    Times = n * b\n"
        "End Function\n"
    )
    result = module.times(3, 4)
    assert result == 12 and type(result).__name__ == "Integer"
    assert vba_error_number(lambda: module.times(300, 200)) == 6


def test_integer_literal_arithmetic_stays_integer(run_vba):
    """MS-VBAL 5.6.9.3 with 5.6.5 (literal types): 200 is an Integer literal, so an
    Integer variable times 200 is Integer arithmetic and 300 * 200 overflows."""
    module = run_vba(
        "Public Function Times200(ByVal n As Integer) As Long\n"
        "    Times200 = n * 200\n"
        "End Function\n"
    )
    assert module.times200(100) == 20000
    assert vba_error_number(lambda: module.times200(300)) == 6


def test_put_and_get_round_trip_a_record(run_vba, tmp_path, monkeypatch):
    """The "Put statement" / "Get statement" pages: a user-defined Type is written member
    by member (fixed-length strings at their length, Integer 2 bytes, Currency 8); Len of
    the Type is the record length, so LOF \\ Len counts the records; Get reads record 2
    back."""
    monkeypatch.chdir(tmp_path)
    module = run_vba(
        "Public Type Rec\n"
        "    Code As String * 4\n"
        "    Qty As Integer\n"
        "    Price As Currency\n"
        "End Type\n"
        "Public Function RoundTrip() As String\n"
        "    Dim r As Rec, back As Rec, f As Integer, n As Long\n"
        "    f = FreeFile\n"
        '    Open "recs.dat" For Random As #f Len = Len(r)\n'
        '    r.Code = "AB": r.Qty = 7: r.Price = 1.5\n'
        "    Put #f, 1, r\n"
        '    r.Code = "CDEFG": r.Qty = 9: r.Price = 2.25\n'
        "    Put #f, 2, r\n"
        "    n = LOF(f) \\ Len(r)\n"
        "    Get #f, 2, back\n"
        "    Close #f\n"
        '    RoundTrip = n & " " & Len(r) & " " & back.Code & " " & back.Qty & " " & back.Price\n'
        "End Function\n"
    )
    assert module.round_trip() == "2 14 CDEF 9 2.25"
    assert (tmp_path / "recs.dat").stat().st_size == 28


def test_app_path_and_command_are_the_sandboxed_ones(run_vba, tmp_path, monkeypatch):
    """Design ("Running legacy code never touches the host"): App.Path is the program's
    folder under a fixed name whose files are the working folder's, as in the oracle;
    Command$ is the program's (empty) command line."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data.txt").write_text("hello\r\n")
    module = run_vba(
        "Public Function FirstLine() As String\n"
        "    Dim f As Integer, s As String\n"
        "    f = FreeFile\n"
        '    Open App.Path & "\\data.txt" For Input As #f\n'
        "    Line Input #f, s\n"
        "    Close #f\n"
        '    FirstLine = s & "|" & Command$ & "|" & App.Path\n'
        "End Function\n"
    )
    assert module.first_line() == "hello||C:\\Sandbox"


def test_a_member_of_nothing_is_error_91(run_vba):
    """The "Object variable or With block variable not set (Error 91)" page: using a member
    of an object variable that is Nothing - also a typed one (`other.Total` on
    `other As Counter`, plain attribute access in the translation)."""
    module = run_vba(
        'VERSION 1.0 CLASS\nAttribute VB_Name = "Counter"\nPublic Total As Long\n'
        "Public Function Peek(ByVal other As Counter) As Long\n"
        "    Peek = other.Total\n"
        "End Function\n",
        name="counter",
        file="Counter.cls",
    )
    counter = module.Counter()
    assert counter.peek(module.Counter()) == 0
    assert vba_error_number(lambda: counter.peek(module.vba.Nothing)) == 91


def test_arguments_are_let_coerced_to_byval_parameter_types(run_vba):
    """MS-VBAL 5.3.1.11 (procedure invocation): a ByVal parameter receives the argument's
    value Let-coerced to its declared type - a number passed to a String parameter is its
    text, a Double passed to a Long is rounded half to even (CLng, "Type conversion
    functions" page: 2.5 becomes 2)."""
    module = run_vba(
        "Public Function Size(ByVal s As String) As Long\n"
        "    Size = Len(s)\n"
        "End Function\n"
        "Public Function Same(ByVal n As Long) As Long\n"
        "    Same = n\n"
        "End Function\n"
        "Public Function Main(ByVal v As Variant, ByVal d As Double) As String\n"
        '    Main = Size(v) & " " & Same(d)\n'
        "End Function\n"
    )
    assert module.main(12345, 2.5) == "5 2"
