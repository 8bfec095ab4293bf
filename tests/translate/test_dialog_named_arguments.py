"""MsgBox and InputBox with named arguments (VBA reference, "MsgBox function" and
"InputBox function": Prompt, Buttons, Title / Prompt, Title, Default are named
arguments). Without a screen both the oracle and the translation give the scripted answer,
else vbOK (1) for MsgBox and Default for InputBox ("displayed in the text box as the
default response if no other input is provided")."""

from __future__ import annotations

from transform.runtimes.vba.interpreter import load_source

SOURCE = (
    "Public Function Ask() As String\n"
    '    MsgBox Prompt:="x", Title:="T"\n'
    '    r = MsgBox("q", vbYesNo, Title:="T")\n'
    '    s = InputBox(Prompt:="name?", Default:="bob")\n'
    '    Ask = r & "/" & s\n'
    "End Function\n"
)


def test_named_arguments_reach_the_dialogs(run_vba):
    observation = load_source(SOURCE).call("Ask", [])
    assert observation.result == "1/bob"
    prompts = [(e["prompt"], e.get("title")) for e in observation.effects]
    assert prompts == [("x", "T"), ("q", "T"), ("name?", None)]
    assert run_vba(SOURCE).ask() == "1/bob"
