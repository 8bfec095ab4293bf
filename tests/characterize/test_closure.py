"""Which modules a recorded case loads: everything a procedure can reach, nothing else."""

from __future__ import annotations

from transform.characterize.closure import ModuleClosures
from transform.parse.vba_lower import parse_text

SOURCES = {
    "Main.bas": """Attribute VB_Name = "Main"
Public Sub Run()
    Dim c As Counter
    Set c = New Counter
    c.Bump
    Debug.Print Twice(c.Value)
    Application.Run "Logged"
End Sub
""",
    "MathUtil.bas": """Attribute VB_Name = "MathUtil"
Public Function Twice(ByVal n As Long) As Long
    Twice = n * Factor
End Function
""",
    "Settings.bas": """Attribute VB_Name = "Settings"
Public Const Factor As Long = 2
Private Const Hidden As Long = 3
""",
    "Logging.bas": """Attribute VB_Name = "Logging"
Public Sub Logged()
End Sub
""",
    "Counter.cls": """VERSION 1.0 CLASS
BEGIN
  MultiUse = -1  'True
END
Attribute VB_Name = "Counter"
Public Value As Long
Public Sub Bump()
    Value = Value + 1
End Sub
""",
    "Unrelated.bas": """Attribute VB_Name = "Unrelated"
Public Sub Bump()
    Debug.Print Hidden
End Sub
Public Enum Colour
    Red = 1
End Enum
""",
    "Paint.bas": """Attribute VB_Name = "Paint"
Public Function Pick() As Long
    Pick = Red
End Function
""",
    "tool.vbs": """Function Twice(n)
    Twice = n + n
End Function
WScript.Echo Twice(2)
""",
}


def closures() -> tuple[ModuleClosures, dict]:
    modules = [parse_text(text, name) for name, text in SOURCES.items()]
    return ModuleClosures(modules, list(SOURCES.values())), {m.name: m for m in modules}


def names(modules) -> list[str]:
    return [m.name for m in modules]


def test_closure_follows_calls_classes_constants_and_run_strings():
    closure, by_name = closures()
    assert names(closure.of(by_name["Main"])) == [
        "Main",
        "MathUtil",
        "Settings",
        "Logging",
        "Counter",
    ]


def test_class_members_do_not_pull_in_modules_with_the_same_public_name():
    """`c.Bump` is reached through an instance of Counter; Unrelated's public Bump is
    not the callee, and nothing else names Unrelated."""
    closure, by_name = closures()
    assert "Unrelated" not in names(closure.of(by_name["Main"]))


def test_public_enum_members_are_global_names():
    """MS-VBAL 5.2.3.4: the members of a public Enum are accessible from any module."""
    closure, by_name = closures()
    assert names(closure.of(by_name["Paint"])) == ["Unrelated", "Paint"]


def test_a_script_is_a_program_of_its_own():
    closure, by_name = closures()
    script = next(m for m in by_name.values() if m.kind == "script")
    assert closure.of(script) == [script]
    assert script not in closure.of(by_name["Main"])  # although it defines Twice too


def test_recording_budget_counts_steps_not_time():
    """The cases kept for a procedure must not depend on the machine's speed."""
    from transform.characterize.record import Budget

    budget = Budget(steps=1_000, seconds=3600)
    budget.charge(600)
    assert not budget.spent
    budget.charge(400)
    assert budget.spent
