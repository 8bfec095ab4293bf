"""Load and Unload of a form (VBA reference, "Load statement": it loads a form into
memory without showing it). Translated code has no user interface: like the oracle, it
records the statement instead of performing it."""

from __future__ import annotations

from transform.runtimes.vba.interpreter import load_source

SOURCE = (
    "Public Function Cycle() As String\n"
    "    Load Form2\n"
    "    Unload Form2\n"
    '    Cycle = "done"\n'
    "End Function\n"
)


def test_load_and_unload_are_recorded_not_performed(run_vba):
    module = run_vba(SOURCE)
    module.vba.effects.clear()
    assert module.cycle() == "done"
    assert [e["kind"] for e in module.vba.effects] == ["load", "unload"]
    oracle = load_source(SOURCE).call("Cycle", [])
    assert oracle.result == "done"
    assert [e["kind"] for e in oracle.effects] == ["load/unload", "load/unload"]
