"""Analyses: strongly connected components, conversion order, entry points, dead code,
effect propagation, cyclomatic complexity."""

from __future__ import annotations

from .helpers import edges_from
from .test_resolution import CLOCK, ISHAPE, LISTENER, SHAPES, SQUARE

MOD_A = """
Attribute VB_Name = "ModA"
Option Explicit

Public Sub Start()
    Ping 3
    Debug.Print ModC.Leaf()
End Sub

Public Sub Ping(ByVal n As Long)
    If n > 0 Then Pong n - 1
End Sub

Private Sub DeadA()
    DeadB
End Sub

Private Sub DeadB()
    Shell "notepad.exe"
End Sub

Private Sub Countdown(ByVal n As Long)
    If n > 0 Then Countdown n - 1
End Sub

Private Function Used() As Long
    Used = 1
End Function

Public Sub NeedsArgs(ByVal x As Long)
    Debug.Print Used()
End Sub
"""

MOD_B = """
Attribute VB_Name = "ModB"
Option Explicit

Public Sub Pong(ByVal n As Long)
    If n > 0 Then Ping n - 1
    Open "C:\\log.txt" For Append As #1
    Print #1, n
    Close #1
End Sub
"""

MOD_C = """
Attribute VB_Name = "ModC"
Option Explicit

Public Function Leaf() As Long
    Leaf = 42
End Function
"""

MOD_D = """
Attribute VB_Name = "ModD"
Option Explicit

Sub Auto_Open()
    ModA.Start
End Sub
"""


def _analyse(project):
    return project({"ModA.bas": MOD_A, "ModB.bas": MOD_B, "ModC.bas": MOD_C, "ModD.bas": MOD_D})


def test_cycles_and_conversion_order(project) -> None:
    result = _analyse(project)
    a = result.analyses
    # Ping <-> Pong is mutual recursion; Countdown calls itself
    assert a.recursion == [["ModA.Countdown"], ["ModA.Ping", "ModB.Pong"]]
    assert a.module_cycles == [["ModA", "ModB"]]
    # leaves first: ModC (used by ModA) before the ModA/ModB cycle, ModD (uses ModA) last
    assert a.module_order == [["ModC"], ["ModA", "ModB"], ["ModD"]]
    order = [p for group in a.procedure_order for p in group]
    assert order.index("ModC.Leaf") < order.index("ModA.Start")
    assert order.index("ModA.Used") < order.index("ModA.NeedsArgs")


def test_entry_points_and_dead_code(project) -> None:
    a = _analyse(project).analyses
    assert {e.id: e.reason for e in a.entry_points} == {
        "ModA.Start": "public parameterless Sub (macro)",
        "ModD.Auto_Open": "automatic macro (Auto_Open)",
    }
    dead = {d.id: (d.reason, d.referenced_by) for d in a.dead_code}
    assert dead == {
        "ModA.DeadA": ("never referenced", []),
        "ModA.DeadB": ("referenced only from dead code", ["ModA.DeadA"]),
        "ModA.Countdown": ("never referenced", []),  # calling itself does not keep it alive
    }


def test_effects_propagate_to_callers(project) -> None:
    a = _analyse(project).analyses
    effects = {e.id: e for e in a.effects}
    assert effects["ModB.Pong"].direct == ["file_io"]
    assert effects["ModB.Pong"].transitive == {"file_io": ["Close", "Open", "Print #"]}
    # Start -> Ping -> Pong; Auto_Open -> Start: file I/O reaches both
    assert effects["ModA.Start"].direct == []
    assert effects["ModA.Start"].transitive == {"file_io": ["Close", "Open", "Print #"]}
    assert effects["ModD.Auto_Open"].transitive == effects["ModA.Start"].transitive
    assert effects["ModA.DeadA"].transitive == {"shell": ["Shell"]}
    assert effects["ModC.Leaf"].transitive == {}


def test_effects_through_interfaces_and_events(project) -> None:
    result = project(
        {
            "Clock.cls": CLOCK,
            "Listener.cls": LISTENER,
            "IShape.cls": ISHAPE,
            "Square.cls": SQUARE,
            "Shapes.bas": SHAPES,
        }
    )
    effects = {e.id: e for e in result.analyses.effects}
    # Total calls IShape.Area; Square implements it and deletes a file
    assert effects["Shapes.Total"].transitive == {"file_io": ["Kill"]}
    # RaiseEvent Tick runs Listener's handler, which shows a message box
    assert effects["Clock.Start"].transitive == {"ui": ["MsgBox"]}
    # New Clock runs nothing with effects; New Listener would run Class_Initialize
    entries = {e.id: e.reason for e in result.analyses.entry_points}
    assert entries["Listener.mClock_Tick"] == "event handler (mClock.Tick)"
    assert entries["Listener.Class_Initialize"] == "event handler (Class.Initialize)"
    # the private implementation and handler are reachable, so not dead
    assert result.analyses.dead_code == []


def test_cyclomatic_complexity(project) -> None:
    # McCabe: 1 + one per If/ElseIf branch, Case clause, loop, On Error GoTo handler.
    code = """
Attribute VB_Name = "Cx"
Option Explicit

Public Function Grade(ByVal n As Long) As String
    Dim i As Long
    On Error GoTo Fail
    If n > 90 Then
        Grade = "A"
    ElseIf n > 80 Then
        Grade = "B"
    Else
        Grade = "C"
    End If
    Select Case n
        Case 1, 2
            Grade = "low"
        Case Is > 100
            Grade = "high"
        Case Else
            Grade = "?"
    End Select
    For i = 1 To 3
        Do While i < 0
        Loop
    Next i
    Exit Function
Fail:
    Grade = ""
End Function

Public Sub Flat()
End Sub
"""
    result = project({"Cx.bas": code})
    cc = {p.id: p.complexity for p in result.index.procedures}
    assert cc == {"Cx.Grade": 1 + 2 + 2 + 2 + 1, "Cx.Flat": 1}
    traits = result.index.procedure("Cx.Grade").traits
    assert traits == {"on_error_goto": 1}


def test_module_level_declarations(project) -> None:
    code = """
Attribute VB_Name = "Decls"
Option Explicit
Public Type Point
    X As Double
    Y As Double
End Type
Private Enum Mode
    mdOff
    mdOn = 5
End Enum
Public Const LIMIT As Long = 10
Public Event Changed(ByVal what As String)
Public Declare PtrSafe Function Sleep Lib "kernel32.dll" (ByVal ms As Long) As Long

Public Function Dist(p As Point, Optional ByVal scale_ As Double = 1) As Double
    Dist = (p.X + p.Y) * scale_ * LIMIT + mdOn
End Function
"""
    result = project({"Decls.bas": code})
    index = result.index
    (point,) = index.types
    assert (point.id, [f.name for f in point.members]) == ("Decls.Point", ["X", "Y"])
    (mode,) = index.enums
    assert (mode.visibility, [(m.name, m.value) for m in mode.members]) == (
        "private",
        [("mdOff", None), ("mdOn", "5")],
    )
    (limit,) = index.constants
    assert (limit.visibility, limit.type, limit.value) == ("public", "Long", "10")
    (sleep,) = index.declares
    assert (sleep.lib, sleep.kind, sleep.return_type) == ("kernel32.dll", "function", "Long")
    dist = index.procedure("Decls.Dist")
    assert [(p.name, p.mode, p.type, p.optional, p.default) for p in dist.params] == [
        ("p", "byref", "Point", False, None),
        ("scale_", "byval", "Double", True, "1"),
    ]
    assert (dist.kind, dist.return_type, dist.visibility) == ("function", "Double", "public")
    assert edges_from(result, "uses_type", "Decls.Dist") == {"Decls.Point"}
    assert edges_from(result, "reads", "Decls.Dist") == {"Decls.LIMIT", "Decls.Mode"}
    assert edges_from(result, "declares_dll", "Decls.Sleep") == {"dll:kernel32"}
