"""GoTo, On Error GoTo and Resume (issue #6): the "continue" idiom (GoTo to the end of a
loop's body), the state machine for labels the tail-block shape cannot express, handlers
that Resume, Resume Next or Resume to a label.

Each test translates a module with our rules, runs the Python, and checks values worked
out by hand from the rules cited in its docstring; the same calls also run in our VBA
interpreter (the oracle), which must agree. The generated modules pass `ruff check`."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from transform.runtimes.vba.interpreter import load_source
from transform.translate.module import translate_module


@pytest.fixture
def translate(run_vba):
    """run_vba (no markers allowed), and the generated module is ruff-clean."""

    def run(source: str):
        module = run_vba(source)
        ruff = shutil.which("ruff")
        if ruff is not None:
            checked = subprocess.run(
                [ruff, "check", "--isolated", module.__file__], capture_output=True, text=True
            )
            assert checked.returncode == 0, checked.stdout
        return module

    return run


def outcome(call, *args):
    """A translated call's result, or ('error', number) for the VBA error it raises."""
    try:
        return call(*args)
    except Exception as exc:  # noqa: BLE001 - the support package's VbaError
        return ("error", getattr(exc, "number", repr(exc)))


def oracle(source: str, entry: str, *args):
    """The same call in our VBA interpreter: its result, or ('error', number)."""
    observation = load_source(source).call(entry, list(args))
    if observation.error is not None:
        return ("error", observation.error["number"])
    return observation.result


def agree(module, source: str, entry: str, *args):
    """The translation's outcome, after checking the oracle gives the same."""
    from transform.translate.engine import python_name

    mine = outcome(getattr(module, python_name(entry)), *args)
    theirs = oracle(source, entry, *args)
    assert mine == theirs, (entry, args, mine, theirs)
    return mine


def markers(vba_rules, vba_language, source: str) -> list[str]:
    """The first lines of the statements left untranslated."""
    translation = translate_module(vba_rules, vba_language, source, "demo", "demo.bas")
    return [fragment.text.splitlines()[0].strip() for fragment in translation.fragments]


# -- GoTo to the end of a loop's body ----------------------------------------------------

FOR_LOOPS = """
Public Function Odds(ByVal n As Long) As String
    Dim i As Long, s As String
    For i = 1 To n
        If i Mod 2 = 0 Then GoTo NextI
        s = s & i
NextI:
    Next i
    Odds = s
End Function
Public Function Down(ByVal n As Integer) As String
    Dim i As Integer, s As String
    For i = n To 1 Step -1
        If i = 3 Then GoTo Skip
        s = s & i
Skip:
        s = s & "."
    Next i
    Down = s & "|" & i
End Function
"""


def test_goto_to_the_end_of_a_for_body_goes_on_with_the_next_counter_value(translate):
    """ "GoTo statement": branches unconditionally to the line; "For...Next statement":
    after the statements in the loop, step is added to counter and the loop goes on while
    counter has not passed end. So `GoTo NextI` just before `Next` skips the rest of one
    iteration: 1 to 7 keeps the odd numbers; with Step -1 from 5 (an Integer counter,
    translated as a loop that adds the step itself) the statement after the label still
    runs for 3, and the counter ends at 0 (1 + -1)."""
    module = translate(FOR_LOOPS)
    assert agree(module, FOR_LOOPS, "Odds", 7) == "1357"
    assert agree(module, FOR_LOOPS, "Down", 5) == "5.4..2.1.|0"


DO_LOOPS = """
Public Function PreTest(ByVal n As Long) As String
    Dim i As Long, s As String
    Do While i < n
        i = i + 1
        If i = 2 Then GoTo Cont
        s = s & i
Cont:
    Loop
    Do Until i <= 0
        i = i - 1
        If i = 1 Then GoTo Cont2
        s = s & i
Cont2:
    Loop
    PreTest = s
End Function
Public Function PostTest(ByVal n As Long) As String
    Dim i As Long, s As String
    Do
        i = i + 1
        If i Mod 3 = 0 Then GoTo Cont
        s = s & i
Cont:
    Loop Until i >= n
    PostTest = s & "|" & i
End Function
Public Function PostWhile(ByVal n As Long) As String
    Dim i As Long, s As String
    Do
        i = i + 1
        If i = 2 Then GoTo Cont
        s = s & i
Cont:
        s = s & ","
    Loop While i < n
    PostWhile = s
End Function
Public Function CountUp(ByVal n As Long) As String
    Dim i As Long, s As String
    While i < n
        i = i + 1
        If i = 2 Then GoTo Cont
        s = s & i
Cont:
    Wend
    CountUp = s
End Function
Public Function Positives() As String
    Dim v As Variant, s As String
    For Each v In Array(1, -2, 3, -4, 5)
        If v < 0 Then GoTo NextV
        s = s & v
NextV:
    Next v
    Positives = s
End Function
"""


def test_goto_to_the_end_of_do_while_wend_and_for_each_bodies(translate):
    """ "Do...Loop statement": the condition is tested at Loop (Loop While/Until) or at Do;
    "While...Wend statement": at While; "For Each...Next statement": Next goes to the next
    element. A GoTo to the label before Loop therefore still tests a Loop Until condition:
    at i = 6 the jump reaches `Loop Until i >= 6`, which ends the loop (skipping the test
    would run i = 7). 4 up then down: 1 3 4, 3 2 0 (2 and 1 skipped)."""
    module = translate(DO_LOOPS)
    assert agree(module, DO_LOOPS, "PreTest", 4) == "134320"
    assert agree(module, DO_LOOPS, "PostTest", 6) == "1245|6"
    assert agree(module, DO_LOOPS, "PostWhile", 3) == "1,,3,"
    assert agree(module, DO_LOOPS, "CountUp", 4) == "134"
    assert agree(module, DO_LOOPS, "Positives") == "135"


NESTED = """
Public Function Triangle(ByVal n As Long) As String
    Dim i As Long, j As Long, s As String
    For i = 1 To n
        Do While j < 1
            j = j + 1
            For k = 1 To n
                If k > i Then GoTo NextRow
                s = s & k
            Next k
        Loop
        s = s & "!"
NextRow:
        j = 0
        s = s & "/"
    Next i
    Triangle = s
End Function
Public Function FirstProduct(ByVal target As Long) As String
    Dim i As Long, j As Long
    For i = 1 To 5
        For j = 1 To 5
            If i * j = target Then GoTo Found
        Next j
    Next i
    FirstProduct = "none"
    Exit Function
Found:
    FirstProduct = i & "x" & j
End Function
"""


def test_goto_from_inner_loops_goes_to_the_outer_loops_next_iteration(translate):
    """ "GoTo statement": the jump leaves every loop between it and the label, so from the
    innermost loop `GoTo NextRow` ends the inner loops and goes on after NextRow in the
    outer body (never the inner loop's next iteration): "!" only where the inner loop ran
    to its end (row 3); FirstProduct leaves both loops at the first i * j = 6 (2 x 3)."""
    module = translate(NESTED)
    assert agree(module, NESTED, "Triangle", 3) == "1/12/123!/"
    assert agree(module, NESTED, "FirstProduct", 6) == "2x3"
    assert agree(module, NESTED, "FirstProduct", 99) == "none"


EXITS = """
Public Function ExitDoFromFor() As String
    Dim i As Long, s As String, n As Long
    Do
        n = n + 1
        For i = 1 To 3
            If i = 2 Then Exit Do
            s = s & i
        Next i
        s = s & "x"
    Loop While n < 3
    ExitDoFromFor = s & "|" & n
End Function
Public Function ExitForFromDo() As String
    Dim i As Long, s As String, k As Long
    For i = 1 To 3
        k = 0
        Do While k < 5
            k = k + 1
            If i = 2 And k = 2 Then Exit For
            If k = 3 Then Exit Do
            s = s & k
        Loop
        s = s & "/"
    Next i
    ExitForFromDo = s & "|" & i & "," & k
End Function
Public Function TwoTargets() As String
    Dim i As Long, j As Long, s As String, n As Long
    Do
        n = n + 1
        For i = 1 To 2
            Do
                j = j + 1
                If j Mod 3 = 0 Then Exit Do
                s = s & j
            Loop
            If n = 2 Then Exit Do
        Next i
        s = s & "."
    Loop While n < 3
    TwoTargets = s & "|" & n
End Function
"""


def test_exit_do_and_exit_for_leave_their_own_loop_through_loops_of_another_kind(translate):
    """ "Exit statement": Exit Do leaves the innermost Do...Loop, Exit For the innermost
    For...Next, going on after its Loop / Next - also from inside a loop of the other
    kind, whose Python loop a plain `break` would leave instead. Exit Do from the For
    ends the Do at once ("1", n = 1); Exit For from the Do ends the For with i = 2, k = 2;
    an Exit Do of the inner Do and one of the outer Do in the same nest each leave
    their own."""
    module = translate(EXITS)
    assert agree(module, EXITS, "ExitDoFromFor") == "1|1"
    assert agree(module, EXITS, "ExitForFromDo") == "12/1|2,2"
    assert agree(module, EXITS, "TwoTargets") == "1245.78|2"


# -- the state machine ---------------------------------------------------------------------

JUMPS = """
Public Function Count(ByVal n As Long) As Long
    Dim k As Long
Top:
    k = k + 1
    If k < n Then GoTo Top
    Count = k
End Function
Public Function Weave(ByVal n As Long) As String
    Dim s As String
    If n > 0 Then GoTo B
A:
    s = s & "A"
    If Len(s) > 4 Then GoTo Fin
B:
    s = s & "B"
    GoTo A
Fin:
    Weave = s
End Function
Public Function Search(ByVal target As Long) As String
    Dim i As Long, j As Long, rounds As Long
Start:
    rounds = rounds + 1
    For i = 1 To 3
        For j = 1 To 3
            If i * j = target And rounds < 3 Then GoTo Start
            If i * j = target Then GoTo Done
        Next j
    Next i
    Search = "none after " & rounds
    Exit Function
Done:
    Search = i & "," & j & " in round " & rounds
End Function
Public Function Rounds(ByVal n As Long) As String
    Dim r As Long
Again:
    Dim k As Long
    k = k + 1
    r = r + 1
    If r < n Then GoTo Again
    Rounds = k & "/" & r
End Function
"""


def test_backward_jumps_and_blocks_falling_into_each_other(translate):
    """ "GoTo statement": control goes to the label, before or after the GoTo, and runs
    on from there, falling through later labels. Count loops back until k = n (at least
    once); Weave alternates A and B until the text is longer than 4 (from A: ABABA, from
    B: BABABA); Search starts over from inside two loops twice, then stops at 2 x 2 = 4.
    "Understanding the lifetime of variables": variables are initialized when the
    procedure begins, so running `Dim k` again does not reset k (4/4, not 1/4)."""
    module = translate(JUMPS)
    assert agree(module, JUMPS, "Count", 4) == 4
    assert agree(module, JUMPS, "Count", 0) == 1
    assert agree(module, JUMPS, "Weave", 0) == "ABABA"
    assert agree(module, JUMPS, "Weave", 1) == "BABABA"
    assert agree(module, JUMPS, "Search", 4) == "2,2 in round 3"
    assert agree(module, JUMPS, "Search", 7) == "none after 1"
    assert agree(module, JUMPS, "Rounds", 4) == "4/4"


RETRIES = """
Private attempts As Long
Private Function Flaky(ByVal failures As Long) As Long
    attempts = attempts + 1
    If attempts <= failures Then Err.Raise 5, "Flaky", "not yet"
    Flaky = attempts
End Function
Public Function Retry(ByVal failures As Long) As String
    Dim tries As Long, v As Long
    attempts = 0
    On Error GoTo Failed
Again:
    tries = tries + 1
    v = Flaky(failures)
    Retry = "ok after " & tries & " value " & v
    Exit Function
Failed:
    If tries < 3 Then Resume Again
    Retry = "gave up after " & tries & " err " & Err.Number
End Function
Public Function NoError() As String
    On Error GoTo H
    Resume Later
Later:
    NoError = "later"
    Exit Function
H:
    NoError = "handled " & Err.Number
End Function
"""


def test_a_handler_resuming_at_an_earlier_label_retries_with_a_counter(translate):
    """ "Resume statement": `Resume line` resumes execution at the label and ends the
    error handling; "On Error statement": the handler stays enabled, so the next error
    goes to it again. Flaky fails its first `failures` calls: with 1 the second try works,
    with 5 the handler gives up at the third (Err.Number is still 5 there); Resume
    outside a handler is an error (its remarks), 20 "Resume without error", which the
    enabled handler catches."""
    module = translate(RETRIES)
    assert agree(module, RETRIES, "Retry", 1) == "ok after 2 value 2"
    assert agree(module, RETRIES, "Retry", 5) == "gave up after 3 err 5"
    assert agree(module, RETRIES, "NoError") == "handled 20"


HANDLERS = """
Public Function Off(ByVal n As Long) As String
    Dim s As String
    On Error GoTo H
Start:
    s = s & "a"
    On Error GoTo 0
    If n = 1 Then Err.Raise 11
    s = s & "b"
    Off = s
    Exit Function
H:
    Off = "handled"
    Resume Start
End Function
Public Function CallOff(ByVal n As Long) As String
    On Error Resume Next
    CallOff = Off(n)
    CallOff = CallOff & "|" & Err.Number
End Function
Public Function Two(ByVal n As Long) As String
    Dim s As String
    On Error GoTo H1
    s = "1"
    If n = 1 Then Err.Raise 5
    On Error GoTo H2
Mid2:
    s = s & "2"
    If n = 2 Then Err.Raise 6
    Two = s & "end"
    Exit Function
H1:
    Two = s & " h1:" & Err.Number
    Exit Function
H2:
    Two = s & " h2:" & Err.Number
    n = 0
    Resume Mid2
End Function
Private Sub Fails()
    Dim k As Long
    On Error GoTo H
Again:
    k = k + 1
    Err.Raise 7
    Exit Sub
H:
    If k < 2 Then Resume Again
    Err.Raise 1000 + k
End Sub
Public Function CallFails() As String
    On Error Resume Next
    Fails
    CallFails = "caller sees " & Err.Number
End Function
"""


def test_on_error_goto_0_switching_handlers_and_errors_in_a_handler(translate):
    """MS-VBAL 5.4.4.1 / "On Error statement": On Error GoTo 0 disables the handler, so
    error 11 goes to the caller (whose Resume Next records it; Off's result stays
    unassigned); a later On Error GoTo enables another handler (H1 for the first error,
    H2 after it, which resumes at Mid2: "122end"); "If an error occurs while an error
    handler is active ..., the current procedure's error handler can't handle the
    error. Control returns to the calling procedure": Fails' handler raises 1002 on the
    second round, and the caller's Err.Number is 1002."""
    module = translate(HANDLERS)
    assert agree(module, HANDLERS, "CallOff", 0) == "ab|0"
    assert agree(module, HANDLERS, "CallOff", 1) == "|11"
    assert agree(module, HANDLERS, "Two", 0) == "12end"
    assert agree(module, HANDLERS, "Two", 1) == "1 h1:5"
    assert agree(module, HANDLERS, "Two", 2) == "122end"
    assert agree(module, HANDLERS, "CallFails") == "caller sees 1002"


RESULTS = """
Public Function Accumulate(ByRef a As Long) As Long
    Dim k As Long
Again:
    k = k + 1
    a = a + k
    If k < 3 Then GoTo Again
    Accumulate = k
End Function
Public Function UseAccumulate() As String
    Dim x As Long, r As Long
    x = 10
    r = Accumulate(x)
    UseAccumulate = r & " " & x
End Function
Public Function FirstMultiple(ByVal n As Long) As Long
    Dim k As Long
Again:
    k = k + 1
    If k Mod n = 0 Then
        FirstMultiple = k * 10
        Exit Function
    End If
    If k < 5 Then GoTo Again
    FirstMultiple = -1
End Function
Public Function Clip(ByRef v As Long) As Boolean
    If v <= 100 Then GoTo Done
    v = 100
    Clip = True
Done:
End Function
Public Function UseClip(ByVal start As Long) As String
    Dim x As Long, clipped As Boolean
    x = start
    clipped = Clip(x)
    UseClip = clipped & " " & x
End Function
"""


def test_results_and_byref_parameters_assigned_in_jumped_to_blocks_are_returned(translate):
    """ "Function statement": the value assigned to the name is returned, at Exit Function
    too; "Passing arguments efficiently": a ByRef argument's changes are seen by the
    caller. Accumulate adds 1, 2, 3 to x = 10 (16) and returns 3; FirstMultiple leaves
    from inside a block at k = 3 (30), or runs out at 5 (-1); Clip returns through the
    GoTo with v unchanged or set to 100."""
    module = translate(RESULTS)
    assert agree(module, RESULTS, "UseAccumulate") == "3 16"
    assert agree(module, RESULTS, "FirstMultiple", 3) == 30
    assert agree(module, RESULTS, "FirstMultiple", 9) == -1
    assert agree(module, RESULTS, "UseClip", 150) == "True 100"
    assert agree(module, RESULTS, "UseClip", 5) == "False 5"


LINES = """
Public Function Tally(ByVal n As Long) As String
    Dim k As Long
10  On Error GoTo H
20  k = k + 1
30  If k < 3 Then GoTo 20
40  Tally = "k=" & k & " " & (10 \\ n)
50  Exit Function
H:
60  Tally = "err " & Err.Number & " at " & Erl & " k=" & k
End Function
"""


def test_erl_in_a_procedure_that_jumps_back_to_a_line_number(translate):
    """ "Erl function": the line number of the last numbered line executed before the
    error; "GoTo statement": the target may be a line number. Line 20 runs three
    times, then 10 \\ 0 fails on line 40 (error 11, "Division by zero")."""
    module = translate(LINES)
    assert agree(module, LINES, "Tally", 2) == "k=3 5"
    assert agree(module, LINES, "Tally", 0) == "err 11 at 40 k=3"


# -- handlers that resume ----------------------------------------------------------------

RESUMING = """
Public Function Divide(ByVal x As Long, ByVal y As Long) As String
    Dim z As Long
    On Error GoTo ErrorHandler
    z = x \\ y
    Divide = z & " (y=" & y & ")"
    Exit Function
ErrorHandler:
    Select Case Err.Number
        Case 11
            y = 1
        Case Else
    End Select
    Resume
End Function
Public Function SumInverses(ByVal a As Variant) As String
    Dim i As Long, s As Double, skipped As Long, last As Long
    On Error GoTo Skip
    For i = LBound(a) To UBound(a)
        s = s + 1 / a(i)
    Next i
    SumInverses = s & " skipped " & skipped & " last " & last & " now " & Err.Number
    Exit Function
Skip:
    skipped = skipped + 1
    last = Err.Number
    Resume Next
End Function
Public Function Inverses() As String
    Inverses = SumInverses(Array(1, 0, 2, 0, 4))
End Function
Public Function Quotients(ByVal a As Long, ByVal b As Long) As String
    Dim s As String
    On Error GoTo H
    s = s & (10 \\ a)
    s = s & "," & (10 \\ b)
    Quotients = s
    Exit Function
H:
    If Err.Number = 11 And s = "" Then
        s = "x"
        Resume Next
    End If
    Quotients = "gave up at " & s
End Function
Public Function Noted(ByVal a As Long) As String
    On Error GoTo H
    r = 0
    r = 10 \\ a
    Noted = r & "|" & note
    Exit Function
H:
    note = "fixed"
    Resume Next
End Function
Public Function Checked(ByVal a As Long) As String
    On Error GoTo H
    Checked = CStr(10 \\ a)
    Exit Function
H:
    Dim message As String
    message = "error " & Err.Number
    Checked = message
    Resume Next
End Function
"""


def test_resume_retries_and_resume_next_goes_on_after_the_failing_statement(translate):
    """ "Resume statement": `Resume` runs the statement that caused the error again (the
    page's example: the handler fixes y and the division is retried, 32 \\ 1); `Resume
    Next` goes on with the statement after it, also inside a loop: summing 1/x over
    1, 0, 2, 0, 4 skips the zeros (1 + 0.5 + 0.25 = 1.75), the handler saw error 11
    and Err is clear after Resume Next ("Err object": reset by Resume Next). A handler
    that does not resume ends the procedure (falling to End Function). The handler's
    variables are the procedure's, declared in it (message) or not ("Option Explicit
    statement": an undeclared variable is a Variant, Empty until assigned: note)."""
    module = translate(RESUMING)
    assert agree(module, RESUMING, "Divide", 32, 0) == "32 (y=1)"
    assert agree(module, RESUMING, "Divide", 32, 4) == "8 (y=4)"
    assert agree(module, RESUMING, "Inverses") == "1.75 skipped 2 last 11 now 0"
    assert agree(module, RESUMING, "Quotients", 1, 2) == "10,5"
    assert agree(module, RESUMING, "Quotients", 0, 2) == "x,5"
    assert agree(module, RESUMING, "Quotients", 0, 0) == "gave up at x"
    assert agree(module, RESUMING, "Quotients", 2, 0) == "gave up at 5"
    assert agree(module, RESUMING, "Noted", 0) == "0|fixed"
    assert agree(module, RESUMING, "Noted", 2) == "5|"
    assert agree(module, RESUMING, "Checked", 0) == "error 11"
    assert agree(module, RESUMING, "Checked", 5) == "2"


REGION = """
Public Function Guarded(ByVal n As Long) As String
    Dim k As Long, s As String
Again:
    k = k + 1
    On Error Resume Next
    s = s & (10 \\ (n - k))
    On Error GoTo 0
    If k < 3 Then GoTo Again
    Guarded = s & "|" & Err.Number
End Function
"""


def test_an_on_error_resume_next_region_inside_a_block_run_again(translate):
    """ "On Error statement": On Error Resume Next goes on with the statement after the
    failing one, On Error GoTo 0 disables it and clears Err: with n = 2 the second
    round's 10 \\ 0 is skipped (10, -10 remain) and Err is 0 at the end."""
    module = translate(REGION)
    assert agree(module, REGION, "Guarded", 2) == "10-10|0"
    assert agree(module, REGION, "Guarded", 5) == "235|0"


GOSUB = """
Public Function Twice() As String
    GoSub Bump
    GoSub Bump
    Twice = "v=" & v
    Exit Function
Bump:
    v = v + 1
    Return
End Function
"""


def test_a_gosub_body_shares_undeclared_variables_with_the_procedure(translate):
    """ "GoSub...Return statement": the subroutine runs in the procedure, with its
    variables; "Option Explicit statement": an undeclared variable is a Variant, Empty
    (0 in arithmetic) until assigned, so two GoSubs count 1, 2."""
    module = translate(GOSUB)
    assert agree(module, GOSUB, "Twice") == "v=2"


# -- what still keeps its markers ----------------------------------------------------------


def test_shapes_without_an_exact_translation_keep_their_markers(vba_rules, vba_language):
    """Never silently wrong: a backward jump in a procedure whose handler resumes next
    (the state machine cannot tell which statement failed), a handler that both resumes
    next and resumes at a label, a GoTo into an If block."""
    assert "GoTo Top" in markers(
        vba_rules,
        vba_language,
        "Sub S()\n    On Error GoTo H\nTop:\n    x = 1 / 0\n    If x < 1 Then GoTo Top\n"
        "    Exit Sub\nH:\n    Resume Next\nEnd Sub\n",
    )
    assert "Resume Later" in markers(
        vba_rules,
        vba_language,
        "Sub S()\n    On Error GoTo H\n    x = 1 / 0\nLater:\n    Exit Sub\n"
        "H:\n    If Err.Number = 11 Then Resume Next\n    Resume Later\nEnd Sub\n",
    )
    assert "GoTo Inside" in markers(
        vba_rules,
        vba_language,
        "Sub S(ByVal b As Boolean)\n    GoTo Inside\n    If b Then\nInside:\n"
        "        Debug.Print 1\n    End If\nEnd Sub\n",
    )
