"""Undeclared variables without Option Explicit. VBA reference, "Option Explicit
statement": without it, "all undeclared variables are of Variant type unless the default
type is otherwise specified with a Deftype statement"; MS-VBAL 5.6.10 (simple name
expressions) declares such a name implicitly as a local variable of the procedure. A
Variant that was never assigned holds Empty (VBA reference, "Empty"), which is "" in a
concatenation and 0 in arithmetic (MS-VBAL 5.6.9.3.1 and 5.6.9.5)."""

from __future__ import annotations


def test_a_string_built_in_a_loop_starts_empty(run_vba):
    module = run_vba(
        "Public Function Digits(n)\n"
        "    For i = 1 To n\n"
        "        s = s & i\n"
        "    Next\n"
        "    Digits = s\n"
        "End Function\n"
    )
    assert module.digits(3) == "123"
    assert module.digits(0) is module.vba.Empty  # the loop never runs: s is still Empty


def test_a_variable_assigned_on_one_path_only_is_empty_on_the_other(run_vba):
    module = run_vba(
        "Public Function Bump(n)\n    If n > 0 Then total = n\n    Bump = total + 1\nEnd Function\n"
    )
    assert module.bump(5) == 6
    assert module.bump(0) == 1  # Empty + 1 = 1


def test_a_name_nothing_assigns_reads_as_empty(run_vba):
    module = run_vba('Public Function Tag()\n    Tag = prefix & "x" & (count + 2)\nEnd Function\n')
    assert module.tag() == "x2"


def test_deftype_gives_the_implicit_local_its_default(run_vba):
    # DefLng A-Z: an undeclared `n` is a Long, so it starts at 0 and the result is a Long
    # ("Deftype statements", VBA reference).
    module = run_vba(
        "DefLng A-Z\n"
        "Public Function Count3()\n"
        "    Do While n < 3\n"
        "        n = n + 1\n"
        "    Loop\n"
        "    Count3 = n\n"
        "End Function\n"
    )
    assert module.count3() == 3


def test_an_undeclared_variable_filled_through_a_byref_argument(run_vba):
    # Arguments are passed ByRef by default (VBA reference, "Passing arguments
    # efficiently"): the callee's assignment reaches the implicit local.
    module = run_vba(
        "Private Sub Fill(v)\n"
        '    v = v & "filled"\n'
        "End Sub\n"
        "Public Function Use()\n"
        "    Fill buffer\n"
        "    Use = buffer\n"
        "End Function\n"
    )
    assert module.use() == "filled"


def test_a_variable_whose_first_use_is_an_assignment_gets_no_initial_value(vba_rules, vba_language):
    from transform.translate.module import translate_module

    source = "Public Function F()\n    x = 2\n    F = x * 3\nEnd Function\n"
    code = translate_module(vba_rules, vba_language, source, "m", "m.bas").code
    assert "x = vba.Empty" not in code
    assert "x = 2" in code


def test_a_dim_inside_a_loop_does_not_reset_the_variable(run_vba):
    # "When a procedure begins running, all variables are initialized" (VBA reference,
    # "Understanding the lifetime of variables"): a Dim is a declaration, not a statement
    # that runs on every pass of the loop.
    module = run_vba(
        "Public Function Digits(ByVal n As Long) As String\n"
        "    Dim i As Long\n"
        "    For i = 1 To n\n"
        "        Dim s As String\n"
        "        s = s & i\n"
        "    Next\n"
        "    Digits = s\n"
        "End Function\n"
    )
    assert module.digits(3) == "123"


def test_a_dim_in_a_branch_not_taken_still_declares_the_variable(run_vba):
    module = run_vba(
        "Public Function Pick(ByVal flag As Boolean) As Long\n"
        "    If flag Then\n"
        "        Dim n As Long\n"
        "        n = 7\n"
        "    End If\n"
        "    Pick = n + 1\n"
        "End Function\n"
    )
    assert module.pick(True) == 8
    assert module.pick(False) == 1


def test_an_implicit_variable_whose_first_assignment_fails_under_resume_next_is_empty(
    run_vba,
):
    # On Error Resume Next skips the failing statement (VBA reference, "On Error
    # statement"), so the variable it would have assigned keeps its initial Empty.
    module = run_vba(
        "Public Function Safe(ByVal d As Long)\n"
        "    On Error Resume Next\n"
        "    q = 10 / d\n"
        '    Safe = "[" & q & "]"\n'
        "End Function\n"
    )
    assert module.safe(0) == "[]"
    assert module.safe(4) == "[2.5]"
