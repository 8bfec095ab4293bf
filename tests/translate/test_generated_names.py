"""Names the translation makes up itself (a Function's `result`, the `exc` of an except
clause) never capture a VBA variable of the same name."""

from __future__ import annotations

from transform.runtimes.vba.interpreter import load_source

SOURCE = (
    "Public Function Mix(ByVal d As Long) As Long\n"
    "    Dim result As Long, exc As Long\n"
    "    exc = 5\n"
    "    result = 7\n"
    "    On Error GoTo Failed\n"
    "    Mix = 10 \\ d + result\n"
    "    Exit Function\n"
    "Failed:\n"
    "    Mix = exc\n"
    "End Function\n"
)


def test_locals_named_like_the_translations_own_names_keep_their_values(run_vba):
    # Mix(2) = 10 \\ 2 + 7 = 12; Mix(0) divides by zero (error 11) and the handler
    # returns exc = 5 (MS-VBAL 5.6.9.5 integer division, 5.4.4.1 On Error GoTo).
    module = run_vba(SOURCE)
    assert [module.mix(2), module.mix(0)] == [12, 5]
    oracle = load_source(SOURCE)
    assert [oracle.call("Mix", [d]).result for d in (2, 0)] == [12, 5]
