"""End and Stop, converted and verified against the oracle. VBA reference, "End
statement": End "terminates execution immediately" and no error handler sees it; "Stop
statement": in a compiled program Stop suspends nothing. The oracle ends the run without an
error (a Function's result is then Empty) and records each Stop reached with its line."""

from __future__ import annotations

import json

from transform.convert.pipeline import convert

SOURCE = """Attribute VB_Name = "Guard"
Option Explicit

Public Function Checked(ByVal n As Long) As Long
    On Error GoTo Failed
    Debug.Print "checking"; n
    If n < 0 Then End
    If n = 0 Then Stop
    Checked = n * 2
    Exit Function
Failed:
    Checked = -1
End Function

Public Sub Report(ByVal n As Long)
    Debug.Print "before"
    If n > 10 Then End
    Debug.Print "after"
End Sub
"""


def test_end_and_stop_keep_parity_with_the_oracle(tmp_path):
    sources = tmp_path / "project"
    sources.mkdir()
    (sources / "Guard.bas").write_text(SOURCE)
    out = tmp_path / "out"
    convert([sources], out)
    translation = json.loads((out / "translation.json").read_text())
    procedures = [p for m in translation["per_module"] for p in m["procedures"]]
    assert all(p["translated"] for p in procedures), procedures
    parity = json.loads((out / "verify.json").read_text())
    statuses = {p["procedure"]: p["status"] for p in parity["procedures"]}
    assert statuses == {"Checked": "pass", "Report": "pass"}, parity
    cases = [
        json.loads(path.read_text())
        for path in (out / "golden").rglob("*.json")
        if "Checked" in path.name
    ]
    ended = [
        c
        for file in cases
        for c in file.get("cases", [])
        if c["arguments"] and c["arguments"][0].get("value", 0) < 0
    ]
    # a negative n ends the program: no error, no -1 from the handler, Empty result
    assert ended and all(c["expect"]["error"] is None for c in ended)
    assert all(c["expect"]["return"] == {"type": "Empty"} for c in ended)
