"""Err after a procedure that handled an error. VBA reference, "Err object": "The Err
object's properties are reset to zero or zero-length strings ("") after an Exit Sub, Exit
Function, Exit Property or Resume Next statement within an error-handling routine." The
caller therefore reads Err.Number = 0; our interpreter (the oracle) agrees."""

from __future__ import annotations

from transform.runtimes.vba.interpreter import load_source

SOURCE = (
    "Private Function Risky(ByVal d As Long) As Long\n"
    "    On Error GoTo Failed\n"
    "    Risky = 10 \\ d\n"
    "    Exit Function\n"
    "Failed:\n"
    "    Risky = -1\n"
    "    Exit Function\n"
    "End Function\n"
    "Public Function Probe(ByVal d As Long) As String\n"
    "    Dim r As Long\n"
    "    r = Risky(d)\n"
    '    Probe = r & "/" & Err.Number\n'
    "End Function\n"
)


def test_a_handled_error_is_gone_when_the_procedure_returns(run_vba):
    module = run_vba(SOURCE)
    assert module.probe(0) == "-1/0"
    assert module.probe(5) == "2/0"
    assert load_source(SOURCE).call("Probe", [0]).result == "-1/0"


def test_only_procedures_with_on_error_reset_err(vba_rules, vba_language):
    from transform.translate.module import translate_module

    code = translate_module(vba_rules, vba_language, SOURCE, "m", "m.bas").code
    assert code.count("@vba.clears_err") == 1  # Risky, not Probe
