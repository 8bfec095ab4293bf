"""Statements, procedures, arrays, UDTs and error handling, run from VBA source.

Each case is a module (or a Main body) and the exact Debug.Print output VBA
documents for it; the citation names the MS-VBAL section or reference page.
"""

from __future__ import annotations

import pytest

from transform.runtimes.vba.values import Integer

from .vba_helpers import output, run

VBAL_BYREF = "MS-VBAL 5.3.1.11 (ByRef/ByVal parameters) and 5.6.6 (argument lists)"
VBAL_FOR = "MS-VBAL 5.4.2.3 For statement"
VBAL_FOREACH = "MS-VBAL 5.4.2.4 For Each statement"
VBAL_DO = "MS-VBAL 5.4.2.1 Do...Loop / 5.4.2.2 While...Wend"
VBAL_SELECT = "MS-VBAL 5.4.2.10 Select Case statement"
VBAL_IF = "MS-VBAL 5.4.2.8 / 5.4.2.9 If statements"
VBAL_GOTO = "MS-VBAL 5.4.2.12 GoTo, 5.4.2.13 GoSub/Return, 5.4.2.15 On...GoTo"
VBAL_WITH = "MS-VBAL 5.4.2.21 With statement"
VBAL_EXIT = "MS-VBAL 5.4.2.5 Exit statements"
VBAL_ONERR = "MS-VBAL 5.4.4 error handling statements (On Error, Resume)"
VBAL_ARR = "MS-VBAL 5.4.3.3 ReDim, 5.4.3.4 Erase, 5.2.3.1.3 array dimensions"
VBAL_UDT = "MS-VBAL 5.2.3.3 UDT declarations; 5.4.3.1 Let assigns a copy"
VBAL_STATIC = "MS-VBAL 5.2.3.1 Static variables keep their value between calls"
VBAL_OPT = "MS-VBAL 5.3.1.3 Optional parameters, 5.3.1.4 ParamArray"
VBAL_FUNC = "MS-VBAL 5.3.1.2 Function declarations (result variable)"
DOC_PRINT = "VBA reference: Print # statement (number formatting, zones)"
DOC_ERR = "VBA reference: Err object / Raise method / Erl function"
VBAL_MID = "MS-VBAL 5.4.3.5 Mid statement; 5.4.3.7 LSet / 5.4.3.8 RSet"
VBAL_CONST = "MS-VBAL 5.2.3.2 Const declarations; 5.2.3.4 Enum declarations"


def module(body: str) -> str:
    return body if "Sub Main" in body else f"Sub Main()\n{body}\nEnd Sub\n"


CASES: list[tuple[str, str, list[str], str]] = [
    (
        "byref_default",
        """
Sub Bump(n As Long)
    n = n + 1
End Sub
Sub Main()
    Dim x As Long
    x = 1
    Bump x
    Debug.Print x
End Sub""",
        [" 2 "],
        VBAL_BYREF,
    ),
    (
        "byval_copy",
        """
Sub Bump(ByVal n As Long)
    n = n + 1
End Sub
Sub Main()
    Dim x As Long
    x = 1
    Bump x
    Debug.Print x
End Sub""",
        [" 1 "],
        VBAL_BYREF,
    ),
    (
        "paren_argument_is_copy",
        """
Sub Bump(n As Long)
    n = n + 1
End Sub
Sub Main()
    Dim x As Long
    x = 1
    Bump (x)
    Debug.Print x
    Call Bump(x)
    Debug.Print x
End Sub""",
        [" 1 ", " 2 "],
        VBAL_BYREF,
    ),
    (
        "expression_argument_is_copy",
        """
Sub Bump(n As Long)
    n = n + 1
End Sub
Sub Main()
    Dim x As Long
    x = 1
    Bump x + 0
    Debug.Print x
End Sub""",
        [" 1 "],
        VBAL_BYREF,
    ),
    (
        "byref_array_element",
        """
Sub Bump(n As Variant)
    n = n * 10
End Sub
Sub Main()
    Dim a(2) As Variant
    a(1) = 5
    Bump a(1)
    Debug.Print a(1)
End Sub""",
        [" 50 "],
        VBAL_BYREF,
    ),
    (
        "byref_same_variable_twice",
        """
Sub Two(a As Long, b As Long)
    a = a + 1
    b = b + 1
End Sub
Sub Main()
    Dim x As Long
    Two x, x
    Debug.Print x
End Sub""",
        [" 2 "],
        VBAL_BYREF,
    ),
    (
        "function_result_default",
        """
Function F() As Long
End Function
Function S() As String
End Function
Function V()
End Function
Sub Main()
    Debug.Print F(); "["; S(); "]"; IsEmpty(V())
End Sub""",
        [" 0 []True"],
        VBAL_FUNC,
    ),
    (
        "function_result_last_assigned",
        """
Function F(n As Long) As Long
    F = 1
    If n > 0 Then F = n * 2
End Function
Sub Main()
    Debug.Print F(0); F(4)
End Sub""",
        [" 1  8 "],
        VBAL_FUNC,
    ),
    (
        "recursion",
        """
Function Fact(ByVal n As Long) As Double
    If n <= 1 Then
        Fact = 1
    Else
        Fact = n * Fact(n - 1)
    End If
End Function
Sub Main()
    Debug.Print Fact(10)
End Sub""",
        [" 3628800 "],
        VBAL_FUNC,
    ),
    (
        "optional_default",
        """
Function G(Optional n As Long = 7) As Long
    G = n
End Function
Sub Main()
    Debug.Print G(); G(3)
End Sub""",
        [" 7  3 "],
        VBAL_OPT,
    ),
    (
        "optional_ismissing",
        """
Function H(Optional v As Variant) As Boolean
    H = IsMissing(v)
End Function
Sub Main()
    Debug.Print H(); H(1)
End Sub""",
        ["TrueFalse"],
        VBAL_OPT,
    ),
    (
        "optional_typed_not_missing",
        """
Function H(Optional n As Long) As String
    H = IsMissing(n) & "/" & n
End Function
Sub Main()
    Debug.Print H()
End Sub""",
        ["False/0"],
        "VBA reference: IsMissing (only Variant parameters can be missing)",
    ),
    (
        "paramarray",
        """
Function Total(ParamArray xs() As Variant) As Double
    Dim v As Variant
    For Each v In xs
        Total = Total + v
    Next
End Function
Sub Main()
    Debug.Print Total(1, 2, 3.5); Total()
End Sub""",
        [" 6.5  0 "],
        VBAL_OPT,
    ),
    (
        "paramarray_bounds",
        """
Sub P(ParamArray xs() As Variant)
    Debug.Print LBound(xs); UBound(xs)
End Sub
Sub Main()
    P "a", "b"
    P
End Sub""",
        [" 0  1 ", " 0 -1 "],
        VBAL_OPT,
    ),
    (
        "named_arguments",
        """
Function D(a As Long, Optional b As Long = 2, Optional c As Long = 3) As String
    D = a & b & c
End Function
Sub Main()
    Debug.Print D(1, c:=9); D(b:=5, a:=0)
End Sub""",
        ["129053"],
        "MS-VBAL 5.6.6 named arguments",
    ),
    (
        "omitted_argument",
        """
Function D(a As Long, Optional b As Long = 2, Optional c As Long = 3) As String
    D = a & b & c
End Function
Sub Main()
    Debug.Print D(1, , 8)
End Sub""",
        ["128"],
        "MS-VBAL 5.6.6 omitted positional arguments",
    ),
    (
        "static_local",
        """
Function Counter() As Long
    Static n As Long
    n = n + 1
    Counter = n
End Function
Sub Main()
    Counter
    Counter
    Debug.Print Counter()
End Sub""",
        [" 3 "],
        VBAL_STATIC,
    ),
    (
        "static_function",
        """
Static Function Acc(x As Long) As Long
    Dim total As Long
    total = total + x
    Acc = total
End Function
Sub Main()
    Acc 5
    Debug.Print Acc(2)
End Sub""",
        [" 7 "],
        VBAL_STATIC,
    ),
    (
        "module_variable",
        """
Private counter As Long
Sub Inc()
    counter = counter + 1
End Sub
Sub Main()
    Inc
    Inc
    Debug.Print counter
End Sub""",
        [" 2 "],
        "MS-VBAL 5.2.3.1 module variables",
    ),
    (
        "local_initialised_each_call",
        """
Function F() As Long
    Dim n As Long
    n = n + 1
    F = n
End Function
Sub Main()
    F
    Debug.Print F()
End Sub""",
        [" 1 "],
        "MS-VBAL 5.2.3.1 procedure-scope variables are created at each call",
    ),
    (
        "const_and_enum",
        """
Const BASE_VALUE As Long = 10
Enum Colour
    Red
    Green = 5
    Blue
End Enum
Sub Main()
    Const LOCAL_C = BASE_VALUE * 2
    Debug.Print LOCAL_C; Red; Green; Blue; Colour.Blue
End Sub""",
        [" 20  0  5  6  6 "],
        VBAL_CONST,
    ),
    # loops
    (
        "for_counter_after_loop",
        """
    Dim i As Long
    For i = 1 To 3
    Next i
    Debug.Print i""",
        [" 4 "],
        VBAL_FOR,
    ),
    (
        "for_step_negative",
        """
    Dim i As Long, s As String
    For i = 10 To 1 Step -3
        s = s & i & ","
    Next
    Debug.Print s; i""",
        ["10,7,4,1,-2 "],
        VBAL_FOR,
    ),
    (
        "for_zero_iterations",
        """
    Dim i As Long, n As Long
    For i = 5 To 1
        n = n + 1
    Next
    Debug.Print n; i""",
        [" 0  5 "],
        VBAL_FOR,
    ),
    (
        "for_bounds_evaluated_once",
        """
    Dim i As Long, last As Long, n As Long
    last = 3
    For i = 1 To last
        last = 10
        n = n + 1
    Next
    Debug.Print n""",
        [" 3 "],
        VBAL_FOR,
    ),
    (
        "for_fractional_step",
        """
    Dim x As Double, n As Long
    For x = 0 To 1 Step 0.25
        n = n + 1
    Next
    Debug.Print n; x""",
        [" 5  1.25 "],
        VBAL_FOR,
    ),
    (
        "for_integer_counter_overflow",
        """
    Dim i As Integer, n As Long
    On Error Resume Next
    For i = 32766 To 32767
        n = n + 1
    Next
    Debug.Print n; Err.Number""",
        [" 2  6 "],
        "MS-VBAL 5.4.2.3: the counter is incremented in its own type (Integer overflow)",
    ),
    (
        "for_counter_changed_in_body",
        """
    Dim i As Long, n As Long
    For i = 1 To 10
        n = n + 1
        i = i + 1
    Next
    Debug.Print n""",
        [" 5 "],
        VBAL_FOR,
    ),
    (
        "exit_for",
        """
    Dim i As Long
    For i = 1 To 10
        If i = 4 Then Exit For
    Next
    Debug.Print i""",
        [" 4 "],
        VBAL_EXIT,
    ),
    (
        "nested_for_next_list",
        """
    Dim i As Long, j As Long, n As Long
    For i = 1 To 3
        For j = 1 To 2
            n = n + 1
    Next j, i
    Debug.Print n""",
        [" 6 "],
        VBAL_FOR,
    ),
    (
        "do_while_pre",
        """
    Dim n As Long
    Do While n < 3
        n = n + 1
    Loop
    Debug.Print n""",
        [" 3 "],
        VBAL_DO,
    ),
    (
        "do_until_post_runs_once",
        """
    Dim n As Long
    Do
        n = n + 1
    Loop Until True
    Debug.Print n""",
        [" 1 "],
        VBAL_DO,
    ),
    (
        "do_while_false_never",
        """
    Dim n As Long
    Do While False
        n = n + 1
    Loop
    Debug.Print n""",
        [" 0 "],
        VBAL_DO,
    ),
    (
        "do_exit_do",
        """
    Dim n As Long
    Do
        n = n + 1
        If n = 5 Then Exit Do
    Loop
    Debug.Print n""",
        [" 5 "],
        VBAL_DO,
    ),
    (
        "while_wend",
        """
    Dim n As Long
    While n < 4
        n = n + 2
    Wend
    Debug.Print n""",
        [" 4 "],
        VBAL_DO,
    ),
    (
        "for_each_array",
        """
    Dim a As Variant, v As Variant, s As String
    a = Array(1, "b", 3)
    For Each v In a
        s = s & v
    Next
    Debug.Print s""",
        ["1b3"],
        VBAL_FOREACH,
    ),
    (
        "for_each_2d_column_major",
        """
    Dim a(1 To 2, 1 To 2) As Long, v As Variant, s As String
    a(1, 1) = 1: a(1, 2) = 2: a(2, 1) = 3: a(2, 2) = 4
    For Each v In a
        s = s & v
    Next
    Debug.Print s""",
        ["1324"],
        "MS-VBAL 5.4.2.4: arrays are enumerated in storage (column-major) order",
    ),
    # If / Select
    (
        "single_line_if_else",
        """
    Dim x As Long
    x = 5
    If x > 3 Then Debug.Print "big" Else Debug.Print "small"
    If x > 9 Then Debug.Print "huge": Debug.Print "never"
    Debug.Print "end\"""",
        ["big", "end"],
        VBAL_IF,
    ),
    (
        "elseif_chain",
        """
    Dim x As Long
    For x = 1 To 3
        If x = 1 Then
            Debug.Print "one"
        ElseIf x = 2 Then
            Debug.Print "two"
        Else
            Debug.Print "other"
        End If
    Next""",
        ["one", "two", "other"],
        VBAL_IF,
    ),
    (
        "if_null_is_false",
        """
    If Null Then Debug.Print "then" Else Debug.Print "else\"""",
        ["else"],
        "MS-VBAL 5.4.2.8: a Null condition takes the Else branch",
    ),
    (
        "no_short_circuit",
        """
Function Side(s As String) As Boolean
    Debug.Print s
    Side = False
End Function
Sub Main()
    If Side("a") And Side("b") Then Debug.Print "x"
End Sub""",
        ["a", "b"],
        "MS-VBAL 5.6.9.8: both operands of And are evaluated",
    ),
    (
        "select_case_forms",
        """
Function Kind(v As Variant) As String
    Select Case v
        Case 1, 2
            Kind = "small"
        Case 3 To 5
            Kind = "mid"
        Case Is > 100
            Kind = "huge"
        Case Else
            Kind = "other"
    End Select
End Function
Sub Main()
    Debug.Print Kind(2); " "; Kind(4); " "; Kind(500); " "; Kind(50)
End Sub""",
        ["small mid huge other"],
        VBAL_SELECT,
    ),
    (
        "select_case_first_match_only",
        """
    Select Case 5
        Case 1 To 10
            Debug.Print "first"
        Case 5
            Debug.Print "second"
    End Select""",
        ["first"],
        VBAL_SELECT,
    ),
    (
        "select_case_strings_range",
        """
    Select Case "m"
        Case "a" To "f"
            Debug.Print "early"
        Case "g" To "z"
            Debug.Print "late"
    End Select""",
        ["late"],
        VBAL_SELECT,
    ),
    (
        "select_case_true",
        """
    Dim n As Long
    n = 15
    Select Case True
        Case n < 10
            Debug.Print "lt10"
        Case n < 20
            Debug.Print "lt20"
    End Select""",
        ["lt20"],
        VBAL_SELECT,
    ),
    # GoTo / GoSub / labels
    (
        "goto_forward_back",
        """
    Dim n As Long
Again:
    n = n + 1
    If n < 3 Then GoTo Again
    GoTo Done
    Debug.Print "skipped"
Done:
    Debug.Print n""",
        [" 3 "],
        VBAL_GOTO,
    ),
    (
        "goto_continue_label_in_loop",
        """
    Dim i As Long, s As String
    For i = 1 To 4
        If i Mod 2 = 0 Then GoTo NextI
        s = s & i
NextI:
    Next
    Debug.Print s""",
        ["13"],
        VBAL_GOTO,
    ),
    (
        "gosub_return",
        """
    Dim n As Long
    GoSub AddTen
    GoSub AddTen
    Debug.Print n
    Exit Sub
AddTen:
    n = n + 10
    Return""",
        [" 20 "],
        VBAL_GOTO,
    ),
    (
        "on_goto",
        """
    Dim k As Long
    k = 2
    On k GoTo L1, L2, L3
L1:
    Debug.Print "one"
L2:
    Debug.Print "two"
L3:
    Debug.Print "three\"""",
        ["two", "three"],
        VBAL_GOTO,
    ),
    (
        "line_numbers_and_erl",
        """
Sub Main()
10  On Error GoTo H
20  Dim x As Long
30  x = 1 / 0
40  Exit Sub
H:
    Debug.Print Erl; Err.Number
End Sub""",
        [" 30  11 "],
        DOC_ERR,
    ),
    # With
    (
        "with_udt",
        """
Type Pt
    X As Long
    Y As Long
End Type
Sub Main()
    Dim p As Pt
    With p
        .X = 3
        .Y = .X * 2
    End With
    Debug.Print p.X; p.Y
End Sub""",
        [" 3  6 "],
        VBAL_WITH,
    ),
    (
        "with_evaluated_once",
        """
Private calls As Long
Function GetC() As Collection
    Static c As Collection
    calls = calls + 1
    If c Is Nothing Then Set c = New Collection
    Set GetC = c
End Function
Sub Main()
    With GetC()
        .Add 1
        .Add 2
        Debug.Print .Count; calls
    End With
End Sub""",
        [" 2  1 "],
        VBAL_WITH,
    ),
    (
        "nested_with",
        """
Type Inner
    V As Long
End Type
Type Outer
    I As Inner
    N As String
End Type
Sub Main()
    Dim o As Outer
    With o
        .N = "n"
        With .I
            .V = 9
        End With
    End With
    Debug.Print o.N; o.I.V
End Sub""",
        ["n 9 "],
        VBAL_WITH,
    ),
    # Exit Function
    (
        "exit_function_keeps_result",
        """
Function F() As Long
    F = 5
    Exit Function
    F = 6
End Function
Sub Main()
    Debug.Print F()
End Sub""",
        [" 5 "],
        VBAL_EXIT,
    ),
    # Arrays
    (
        "dim_array_bounds",
        """
    Dim a(5) As Long, b(1 To 3) As String, c(2, 1 To 4)
    Debug.Print LBound(a); UBound(a); LBound(b); UBound(b); UBound(c, 2); LBound(c, 1)""",
        [" 0  5  1  3  4  0 "],
        VBAL_ARR,
    ),
    (
        "option_base_1",
        """
Option Base 1
Sub Main()
    Dim a(3) As Long
    Debug.Print LBound(a); UBound(a)
End Sub""",
        [" 1  3 "],
        "MS-VBAL 5.2.1.2 Option Base",
    ),
    (
        "array_defaults_typed",
        """
    Dim a(2) As Long, s(1) As String, v(1)
    Debug.Print a(0); "["; s(1); "]"; IsEmpty(v(0))""",
        [" 0 []True"],
        VBAL_ARR,
    ),
    (
        "subscript_out_of_range",
        """
    Dim a(2) As Long
    On Error Resume Next
    a(3) = 1
    Debug.Print Err.Number""",
        [" 9 "],
        VBAL_ARR,
    ),
    (
        "redim_preserve",
        """
    Dim a() As Long
    ReDim a(1 To 2)
    a(1) = 10: a(2) = 20
    ReDim Preserve a(1 To 4)
    Debug.Print a(1); a(2); a(4); UBound(a)""",
        [" 10  20  0  4 "],
        VBAL_ARR,
    ),
    (
        "redim_without_preserve_clears",
        """
    Dim a() As Long
    ReDim a(2)
    a(1) = 5
    ReDim a(2)
    Debug.Print a(1)""",
        [" 0 "],
        VBAL_ARR,
    ),
    (
        "redim_preserve_first_dim_error",
        """
    Dim a() As Long
    ReDim a(1, 1)
    On Error Resume Next
    ReDim Preserve a(2, 1)
    Debug.Print Err.Number""",
        [" 9 "],
        VBAL_ARR,
    ),
    (
        "redim_fixed_array_error",
        """
Sub Main()
    Dim a(3) As Long
    On Error Resume Next
    Erase a
    a(1) = 7
    Erase a
    Debug.Print a(1); UBound(a)
End Sub""",
        [" 0  3 "],
        "MS-VBAL 5.4.3.4: Erase on a fixed array resets its elements",
    ),
    (
        "erase_dynamic",
        """
    Dim a() As Long
    ReDim a(3)
    Erase a
    On Error Resume Next
    Debug.Print UBound(a)
    Debug.Print Err.Number""",
        [" 9 "],
        "MS-VBAL 5.4.3.4: Erase deallocates a dynamic array (UBound then raises 9)",
    ),
    (
        "array_assignment_copies",
        """
    Dim a() As Long, b() As Long
    ReDim a(1)
    a(0) = 1
    b = a
    b(0) = 2
    Debug.Print a(0); b(0)""",
        [" 1  2 "],
        "MS-VBAL 5.4.3.1: assigning an array copies it",
    ),
    (
        "variant_array_copy",
        """
    Dim v As Variant, w As Variant
    v = Array(1, 2)
    w = v
    w(0) = 9
    Debug.Print v(0); w(0)""",
        [" 1  9 "],
        "MS-VBAL 5.4.3.1: a Variant holding an array is copied on Let",
    ),
    (
        "multi_dim",
        """
    Dim m(1 To 3, 1 To 3) As Long, i As Long, j As Long, t As Long
    For i = 1 To 3
        For j = 1 To 3
            m(i, j) = i * j
        Next
    Next
    For i = 1 To 3
        t = t + m(i, i)
    Next
    Debug.Print t; m(2, 3)""",
        [" 14  6 "],
        VBAL_ARR,
    ),
    (
        "redim_in_variant",
        """
    Dim v As Variant
    ReDim v(2)
    v(2) = "z"
    Debug.Print TypeName(v); UBound(v); v(2)""",
        ["Variant() 2 z"],
        VBAL_ARR,
    ),
    (
        "function_returns_array",
        """
Function Three() As Long()
    Dim r(2) As Long
    r(0) = 1: r(1) = 2: r(2) = 3
    Three = r
End Function
Sub Main()
    Dim x() As Long
    x = Three()
    Debug.Print UBound(x); x(2)
End Sub""",
        [" 2  3 "],
        VBAL_ARR,
    ),
    (
        "array_param_byref",
        """
Sub Fill(a() As Long)
    Dim i As Long
    For i = LBound(a) To UBound(a)
        a(i) = i * i
    Next
End Sub
Sub Main()
    Dim a(3) As Long
    Fill a
    Debug.Print a(3)
End Sub""",
        [" 9 "],
        VBAL_BYREF,
    ),
    # UDTs
    (
        "udt_copy_on_assign",
        """
Type Pt
    X As Long
End Type
Sub Main()
    Dim a As Pt, b As Pt
    a.X = 1
    b = a
    b.X = 2
    Debug.Print a.X; b.X
End Sub""",
        [" 1  2 "],
        VBAL_UDT,
    ),
    (
        "udt_byval_param_is_copy",
        """
Type Pt
    X As Long
End Type
Sub Change(ByVal p As Variant)
End Sub
Sub ChangeRef(p As Pt)
    p.X = 42
End Sub
Sub Main()
    Dim a As Pt
    ChangeRef a
    Debug.Print a.X
End Sub""",
        [" 42 "],
        VBAL_UDT,
    ),
    (
        "udt_array_elements",
        """
Type Item
    Name As String
    Qty As Integer
End Type
Sub Main()
    Dim items(1) As Item
    items(0).Name = "a"
    items(1).Qty = 3
    items(1).Qty = items(1).Qty + 1
    Debug.Print items(0).Name; items(1).Qty; TypeName(items(1).Qty)
End Sub""",
        ["a 4 Integer"],
        VBAL_UDT,
    ),
    (
        "udt_fixed_string_member",
        """
Type Rec
    Code As String * 4
End Type
Sub Main()
    Dim r As Rec
    r.Code = "AB"
    Debug.Print "[" & r.Code & "]"
    r.Code = "ABCDEF"
    Debug.Print "[" & r.Code & "]"
End Sub""",
        ["[AB  ]", "[ABCD]"],
        "VBA reference: String data type (fixed-length strings pad and truncate)",
    ),
    # typed variables
    (
        "let_coercion_on_assign",
        """
    Dim i As Integer, l As Long, s As String, b As Boolean, d As Double
    i = 2.5
    l = "42"
    s = 3.5
    b = 5
    d = "1.5"
    Debug.Print i; l; s; b; d""",
        [" 2  42 3.5True 1.5 "],
        "MS-VBAL 5.5.1.2 Let-coercion",
    ),
    (
        "let_coercion_overflow",
        """
    Dim i As Integer
    On Error Resume Next
    i = 40000
    Debug.Print Err.Number; i""",
        [" 6  0 "],
        "MS-VBAL 5.5.1.2.2 Let-coercion to Integer: out of range is error 6",
    ),
    (
        "let_string_to_number_mismatch",
        """
    Dim l As Long
    On Error Resume Next
    l = "abc"
    Debug.Print Err.Number""",
        [" 13 "],
        "MS-VBAL 5.5.1.2.2: a String that is not a number is error 13",
    ),
    (
        "fixed_length_string",
        """
    Dim s As String * 5
    s = "ab"
    Debug.Print "[" & s & "]"; Len(s)""",
        ["[ab   ] 5 "],
        "VBA reference: String data type (fixed-length)",
    ),
    (
        "type_hints",
        """
    Dim a%, b&, c$, d#
    a = 1.6: b = 2.5: c = 7: d = 1
    Debug.Print TypeName(a); TypeName(b); TypeName(c); TypeName(d); a; b""",
        ["IntegerLongStringDouble 2  2 "],
        "MS-VBAL 3.3.5.2 type hint characters",
    ),
    (
        "deftype",
        """
DefLng A-C
Sub Main()
    Dim apple, zebra
    Debug.Print TypeName(apple); " "; TypeName(zebra)
End Sub""",
        ["Long Empty"],
        "MS-VBAL 5.2.2 DefType statements",
    ),
    (
        "variant_promotion",
        """
    Dim v As Variant
    v = 32767
    v = v + 1
    Debug.Print v; TypeName(v)""",
        [" 32768 Long"],
        "VBA reference: Variant data type (Integer result overflow promotes to Long)",
    ),
    (
        "variant_promotion_long",
        """
    Dim v As Variant
    v = 2147483647
    v = v * 2
    Debug.Print TypeName(v)""",
        ["Double"],
        "VBA reference: Variant data type (Long overflow promotes to Double)",
    ),
    # Mid/LSet/RSet statements
    (
        "mid_statement",
        """
    Dim s As String
    s = "abcdef"
    Mid(s, 2, 3) = "XYZW"
    Debug.Print s
    Mid$(s, 5) = "12345"
    Debug.Print s""",
        ["aXYZef", "aXYZ12"],
        VBAL_MID,
    ),
    (
        "lset_rset",
        """
    Dim s As String
    s = "12345"
    LSet s = "ab"
    Debug.Print "[" & s & "]"
    RSet s = "ab"
    Debug.Print "[" & s & "]"
    RSet s = "abcdefg"
    Debug.Print "[" & s & "]\"""",
        ["[ab   ]", "[   ab]", "[abcde]"],
        VBAL_MID,
    ),
    # printing
    (
        "print_numbers",
        """
    Debug.Print 1; -1; 2.5; "x"; True""",
        [" 1 -1  2.5 xTrue"],
        DOC_PRINT,
    ),
    (
        "print_zones",
        """
    Debug.Print "a", "b"
    Debug.Print 1, 2""",
        ["a             b", " 1             2 "],
        DOC_PRINT,
    ),
    (
        "print_trailing_semicolon",
        """
    Debug.Print "a";
    Debug.Print "b"
    Debug.Print""",
        ["ab", ""],
        DOC_PRINT,
    ),
    (
        "print_spc_tab",
        """
    Debug.Print "a"; Spc(3); "b"
    Debug.Print "a"; Tab(5); "b\"""",
        ["a   b", "a   b"],
        DOC_PRINT,
    ),
    (
        "print_null_empty",
        """
    Dim v
    Debug.Print "["; v; "]"; Null""",
        ["[]Null"],
        DOC_PRINT,
    ),
    (
        "print_date_currency",
        """
    Debug.Print #1/2/2003#; CCur(1.5)""",
        ["1/2/2003 1.5 "],
        DOC_PRINT,
    ),
    # error handling
    (
        "resume_next",
        """
    On Error Resume Next
    Debug.Print "a"
    Err.Raise 5
    Debug.Print "b"; Err.Number""",
        ["a", "b 5 "],
        VBAL_ONERR,
    ),
    (
        "on_error_goto_label",
        """
Sub Main()
    On Error GoTo H
    Debug.Print 1 / 0
    Debug.Print "not here"
    Exit Sub
H:
    Debug.Print "caught"; Err.Number; Err.Description
End Sub""",
        ["caught 11 Division by zero"],
        VBAL_ONERR,
    ),
    (
        "resume_retries",
        """
Sub Main()
    Dim d As Long
    On Error GoTo H
    Debug.Print 10 / d
    Exit Sub
H:
    d = 2
    Resume
End Sub""",
        [" 5 "],
        VBAL_ONERR,
    ),
    (
        "resume_next_from_handler",
        """
Sub Main()
    On Error GoTo H
    Err.Raise 9
    Debug.Print "back"; Err.Number
    Exit Sub
H:
    Debug.Print "h"
    Resume Next
End Sub""",
        ["h", "back 0 "],
        "VBA reference: Resume statement (Resume Next clears Err)",
    ),
    (
        "resume_label",
        """
Sub Main()
    On Error GoTo H
    Err.Raise 13
    Debug.Print "skipped"
Cleanup:
    Debug.Print "cleanup"
    Exit Sub
H:
    Resume Cleanup
End Sub""",
        ["cleanup"],
        VBAL_ONERR,
    ),
    (
        "resume_next_inside_loop",
        """
Sub Main()
    Dim i As Long, s As String
    On Error GoTo H
    For i = 1 To 3
        s = s & (6 \\ (i - 2))
    Next
    Debug.Print s
    Exit Sub
H:
    s = s & "E"
    Resume Next
End Sub""",
        ["-6E6"],
        VBAL_ONERR,
    ),
    (
        "error_propagates_to_caller_handler",
        """
Sub Inner()
    Err.Raise 1001, "Inner", "boom"
    Debug.Print "never"
End Sub
Sub Main()
    On Error GoTo H
    Inner
    Debug.Print "never either"
    Exit Sub
H:
    Debug.Print Err.Number; Err.Source; " "; Err.Description
End Sub""",
        [" 1001 Inner boom"],
        DOC_ERR,
    ),
    (
        "resume_next_after_failed_call",
        """
Sub Inner()
    Debug.Print "in"
    Err.Raise 5
    Debug.Print "never"
End Sub
Sub Main()
    On Error Resume Next
    Inner
    Debug.Print "after"; Err.Number
End Sub""",
        ["in", "after 5 "],
        VBAL_ONERR,
    ),
    (
        "on_error_goto_0",
        """
Sub Main()
    On Error GoTo Outer
    Inner
    Exit Sub
Outer:
    Debug.Print "outer"; Err.Number
End Sub
Sub Inner()
    On Error Resume Next
    Err.Raise 6
    On Error GoTo 0
    Err.Raise 7
End Sub""",
        ["outer 7 "],
        VBAL_ONERR,
    ),
    (
        "error_in_handler_goes_up",
        """
Sub Inner()
    On Error GoTo H
    Err.Raise 5
    Exit Sub
H:
    Err.Raise 6
End Sub
Sub Main()
    On Error GoTo H2
    Inner
    Exit Sub
H2:
    Debug.Print Err.Number
End Sub""",
        [" 6 "],
        "VBA reference: On Error statement (an error in an active handler goes to the caller)",
    ),
    (
        "err_clear_and_raise_default_message",
        """
    On Error Resume Next
    Err.Raise 11
    Debug.Print Err.Description
    Err.Clear
    Debug.Print Err.Number; "["; Err.Description; "]"
    Err.Raise vbObjectError + 513
    Debug.Print Err.Number; Err.Description""",
        [
            "Division by zero",
            " 0 []",
            "-2147220991 Application-defined or object-defined error",
        ],
        DOC_ERR,
    ),
    (
        "on_error_clears_err",
        """
    On Error Resume Next
    Err.Raise 5
    On Error Resume Next
    Debug.Print Err.Number""",
        [" 0 "],
        "VBA reference: Err object (any On Error statement clears it)",
    ),
    (
        "err_number_after_callee_exits",
        """
Sub Quiet()
    On Error Resume Next
    Err.Raise 5
End Sub
Sub Main()
    Quiet
    Debug.Print Err.Number
End Sub""",
        [" 0 "],
        "VBA reference: Err object (reset when the procedure with the handler exits)",
    ),
    (
        "err_number_default_member",
        """
    On Error Resume Next
    Err.Raise 9
    Debug.Print Err""",
        [" 9 "],
        "VBA reference: Err object (Number is the default property)",
    ),
    (
        "cverr_and_iserror",
        """
Function Safe(d As Double) As Variant
    If d = 0 Then
        Safe = CVErr(2007)
    Else
        Safe = 1 / d
    End If
End Function
Sub Main()
    Debug.Print IsError(Safe(0)); IsError(Safe(2)); Safe(0)
End Sub""",
        ["TrueFalseError 2007"],
        "VBA reference: CVErr function",
    ),
    (
        "end_statement_stops",
        """
Sub Stopper()
    Debug.Print "stop"
    End
End Sub
Sub Main()
    Stopper
    Debug.Print "never"
End Sub""",
        ["stop"],
        "MS-VBAL 5.4.2.6 End statement",
    ),
    (
        "implicit_variable",
        """
Sub Main()
    x = 5
    y = x * 2
    Debug.Print y; TypeName(x)
End Sub""",
        [" 10 Integer"],
        "MS-VBAL 5.6.10: without Option Explicit an undeclared name is an implicit Variant",
    ),
    (
        "module_qualified_call",
        """
Function Twice(n As Long) As Long
    Twice = n * 2
End Function
Sub Main()
    Debug.Print Module1.Twice(4)
End Sub""",
        [" 8 "],
        "MS-VBAL 5.6.10: module-qualified names",
    ),
    (
        "line_continuation",
        """
    Dim s As String
    s = "a" & _
        "b" & _
        "c"
    Debug.Print s""",
        ["abc"],
        "MS-VBAL 3.2.2 line continuation",
    ),
    (
        "colon_separators_and_rem",
        """
    Dim a As Long: a = 1: a = a + 1 ' comment
    Rem a full-line remark
    Debug.Print a""",
        [" 2 "],
        "MS-VBAL 3.2 logical lines, 3.3.1 comments",
    ),
]


@pytest.mark.parametrize(
    ("name", "source", "expected", "citation"), CASES, ids=[c[0] for c in CASES]
)
def test_program_output(name: str, source: str, expected: list[str], citation: str) -> None:
    assert output(module(source)) == expected, citation


def test_recursion_runaway_is_error_28() -> None:
    """VBA reference, Trappable errors: runaway recursion ends with 28 Out of stack space."""
    obs = run("Function R(n As Long) As Long\n    R = R(n + 1)\nEnd Function\n", "R", 1)
    assert obs.error is not None and obs.error["number"] == 28


def test_recursion_error_28_trappable() -> None:
    """Out of stack space (28) is an ordinary trappable run-time error."""
    src = """
Function R(n As Long) As Long
    R = R(n + 1)
End Function
Sub Main()
    On Error Resume Next
    R 1
    Debug.Print Err.Number
End Sub"""
    assert output(src) == [" 28 "]


def test_step_limit_stops_infinite_loop() -> None:
    """The step budget ends a runaway loop (design: every run has a step budget)."""
    obs = run("Sub Main()\n    Do\n    Loop\nEnd Sub\n", step_limit=20000)
    assert obs.error is not None and obs.error.get("limit") == "step"


def test_time_limit_stops_infinite_loop() -> None:
    """The wall-clock limit ends a runaway loop even with a huge step budget."""
    obs = run("Sub Main()\n    Do\n    Loop\nEnd Sub\n", step_limit=10**12, time_limit=0.2)
    assert obs.error is not None and obs.error.get("limit") == "time"


def test_uncaught_error_reports_number_line_procedure() -> None:
    """Run-time errors report VBA's number and message and the failing line."""
    obs = run("Sub Main()\n    Dim x As Long\n    x = 1 / 0\nEnd Sub\n")
    assert obs.error is not None
    assert (obs.error["number"], obs.error["description"], obs.error["line"]) == (
        11,
        "Division by zero",
        3,
    )
    assert obs.error["procedure"] == "Module1.Main"


def test_byref_arguments_observed() -> None:
    """MS-VBAL 5.3.1.11: ByRef arguments are visible to the caller after the call."""
    obs = run(
        "Sub Bump(a As Long, ByVal b As Long)\n    a = a + 1: b = b + 1\nEnd Sub\n", "Bump", 1, 1
    )
    assert obs.byref == [2, 1]


def test_function_result_observed() -> None:
    """MS-VBAL 5.3.1.2: the function result is the value of its result variable."""
    obs = run("Function F(a As Integer) As Integer\n    F = a * 2\nEnd Function\n", "F", 21)
    assert obs.result == 42 and type(obs.result) is Integer


def test_module_state_observed() -> None:
    """Module-level variables keep their values after the call (MS-VBAL 5.2.3.1)."""
    obs = run("Private total As Long\nSub Add5()\n    total = total + 5\nEnd Sub\n", "Add5")
    assert obs.state["Module1.total"] == 5


def test_module_state_persists_until_fresh() -> None:
    """A Project is one VBA session: module state persists between calls; fresh() is a
    project reset (MS-VBAL 5.2.3.1 module variables live as long as the project)."""
    from transform.runtimes.vba.interpreter import load_source

    p = load_source(
        "Private n As Long\nFunction Next1() As Long\n    n = n + 1\n    Next1 = n\nEnd Function\n"
    )
    assert [p.call("Next1").result for _ in range(3)] == [1, 2, 3]
    assert p.fresh().call("Next1").result == 1


def test_byref_argument_of_another_type_is_a_coerced_temporary() -> None:
    """The "ByRef argument type mismatch" page: an argument that is not a variable of the
    parameter's type is evaluated into a temporary coerced to that type ("41" to the
    Integer 41; "" does not coerce: Type mismatch, 13) and the caller's value is kept;
    under DefInt A-Z an Optional parameter without As is an Integer too (MS-VBAL 5.2.2)."""
    source = (
        "DefInt A-Z\n"
        "Sub F(n As Integer, Optional m = 10)\n"
        "    n = n + m\n"
        "    Debug.Print n; TypeName(m)\n"
        "End Sub\n"
    )
    obs = run(source, "F", "41")
    assert obs.error is None and obs.output == [" 51 Integer"]
    assert obs.byref[0] == "41"
    assert run(source, "F", "").error["number"] == 13
    assert run(source, "F", 1, "x").error["number"] == 13
