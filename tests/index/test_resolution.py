"""Name resolution and exact edges on small multi-module projects.

Expected bindings follow MS-VBAL 5.6.10 (simple name expressions: procedure scope, then
the enclosing module, then public names of the project's other modules, then libraries),
5.6.12 (member access: looked up in the declared type of what precedes the dot) and
5.4.2.8-5.4.2.10 (a read runs Property Get, an assignment Let, a ``Set`` assignment Set).
"""

from __future__ import annotations

from .helpers import edges, edges_from, unresolved

MODULE1 = """
Attribute VB_Name = "Module1"
Option Explicit
Public gCount As Long
Private mTotal As Long

Public Sub Foo()
End Sub

Public Sub UseShadow()
    Dim gCount As Long
    gCount = 1
    mTotal = gCount
End Sub
"""

MODULE2 = """
Attribute VB_Name = "Module2"
Option Explicit
Private gCount As Long

Public Sub Foo()
End Sub

Public Sub Caller()
    Dim x As Long
    gCount = 2
    Module1.gCount = 3
    Module1.Foo
    Foo
    Call Bar(1)
    Bar 2
    x = Baz(3) + gCount
End Sub
"""

MODULE3 = """
Attribute VB_Name = "Module3"
Option Explicit

Public Sub Bar(ByVal n As Long)
End Sub

Public Function Baz(ByVal n As Long) As Long
    Baz = n + gCount
End Function

Public Sub Other()
    gCount = 5
    Foo
End Sub
"""


def test_shadowing_local_module_project(project) -> None:
    result = project({"Module1.bas": MODULE1, "Module2.bas": MODULE2, "Module3.bas": MODULE3})
    writes = edges(result, "writes")
    # a local hides the module variable: UseShadow writes only mTotal
    assert edges_from(result, "writes", "Module1.UseShadow") == {"Module1.mTotal"}
    assert edges_from(result, "reads", "Module1.UseShadow") == set()
    # Module2's private gCount hides Module1's public one inside Module2 ...
    assert ("Module2.Caller", "Module2.gCount") in writes
    # ... the module-qualified name reaches Module1's
    assert ("Module2.Caller", "Module1.gCount") in writes
    assert edges_from(result, "reads", "Module2.Caller") == {"Module2.gCount"}
    # from Module3 only Module1's gCount is visible (Module2's is private)
    assert edges_from(result, "writes", "Module3.Other") == {"Module1.gCount"}
    assert edges_from(result, "reads", "Module3.Baz") == {"Module1.gCount"}


def test_calls_with_and_without_call_and_qualified(project) -> None:
    result = project({"Module1.bas": MODULE1, "Module2.bas": MODULE2, "Module3.bas": MODULE3})
    assert edges_from(result, "calls", "Module2.Caller") == {
        "Module1.Foo",  # Module1.Foo: qualified
        "Module2.Foo",  # Foo: the enclosing module's wins over the project's
        "Module3.Bar",
        "Module3.Baz",
    }
    bar = result.graph.edges["Module2.Caller", "Module3.Bar", "calls"]
    assert bar["count"] == 2  # `Call Bar(1)` and `Bar 2`
    # two public Foo in the project: unqualified Foo from Module3 is ambiguous, not guessed
    assert ("Foo", "ambiguous", "Module3.Other") in unresolved(result)
    assert edges_from(result, "calls", "Module3.Other") == set()


CLASS1 = """
VERSION 1.0 CLASS
BEGIN
  MultiUse = -1  'True
END
Attribute VB_Name = "Class1"
Option Explicit
Public Name As String
Private mValue As Long

Public Property Get Value() As Long
    Value = mValue
End Property

Public Property Let Value(ByVal v As Long)
    mValue = v
End Property

Public Function Twice() As Long
    Twice = mValue * 2
End Function

Public Function Self() As Class1
    Set Self = Me
End Function
"""

DEMO = """
Attribute VB_Name = "Demo"
Option Explicit

Public Sub Run()
    Dim a As New Class1
    Dim b As Class1
    Dim o As Object
    Set b = New Class1
    b.Value = 3
    Debug.Print b.Value
    a.Name = "x"
    Debug.Print b.Self.Twice
    b.Missing
    o.Anything 1
    With b
        .Value = .Twice
    End With
End Sub
"""


def test_class_instances_and_members(project) -> None:
    result = project({"Class1.cls": CLASS1, "Demo.bas": DEMO})
    assert edges_from(result, "instantiates", "Demo.Run") == {"Class1"}
    assert result.graph.edges["Demo.Run", "Class1", "instantiates"]["count"] == 2
    assert edges_from(result, "uses_type", "Demo.Run") == {"Class1"}
    assert edges_from(result, "calls", "Demo.Run") == {
        "Class1.Value[let]",  # b.Value = 3 and .Value = ...
        "Class1.Value[get]",  # Debug.Print b.Value
        "Class1.Self",
        "Class1.Twice",  # through Self's return type, and .Twice in With
    }
    assert edges_from(result, "writes", "Demo.Run") == {"Class1.Name"}
    # a missing member of a project class is listed; a member of Object is late bound
    assert unresolved(result) == {("Class1.Missing", "member", "Demo.Run")}
    # inside the class: the Let writes and the Get reads the private field
    assert edges_from(result, "writes", "Class1.Value[let]") == {"Class1.mValue"}
    assert edges_from(result, "reads", "Class1.Value[get]") == {"Class1.mValue"}
    assert edges_from(result, "uses_type", "Class1.Self") == {"Class1"}


CLOCK = """
VERSION 1.0 CLASS
Attribute VB_Name = "Clock"
Option Explicit
Public Event Tick(ByVal n As Long)

Public Sub Start()
    RaiseEvent Tick(1)
End Sub
"""

LISTENER = """
VERSION 1.0 CLASS
Attribute VB_Name = "Listener"
Option Explicit
Private WithEvents mClock As Clock

Private Sub Class_Initialize()
    Set mClock = New Clock
End Sub

Private Sub mClock_Tick(ByVal n As Long)
    MsgBox "tick " & n
End Sub
"""

ISHAPE = """
VERSION 1.0 CLASS
Attribute VB_Name = "IShape"
Option Explicit

Public Function Area() As Double
End Function
"""

SQUARE = """
VERSION 1.0 CLASS
Attribute VB_Name = "Square"
Option Explicit
Implements IShape

Private Function IShape_Area() As Double
    Kill "C:\\temp\\square.tmp"
    IShape_Area = 4
End Function
"""

SHAPES = """
Attribute VB_Name = "Shapes"
Option Explicit

Public Function Total(ByVal s As IShape) As Double
    Total = s.Area
End Function
"""


def test_event_handlers_and_implements(project) -> None:
    result = project(
        {
            "Clock.cls": CLOCK,
            "Listener.cls": LISTENER,
            "IShape.cls": ISHAPE,
            "Square.cls": SQUARE,
            "Shapes.bas": SHAPES,
        }
    )
    assert ("Listener.mClock_Tick", "Clock.Tick") in edges(result, "handles_event")
    assert ("Listener.Class_Initialize", "Listener") in edges(result, "handles_event")
    assert edges_from(result, "raises", "Clock.Start") == {"Clock.Tick"}
    assert edges(result, "implements") == {
        ("Square", "IShape"),
        ("Square.IShape_Area", "IShape.Area"),
    }
    assert edges_from(result, "calls", "Shapes.Total") == {"IShape.Area"}
    assert edges_from(result, "uses_type", "Listener.mClock") == {"Clock"}
    assert unresolved(result) == set()


MACROS = """
Attribute VB_Name = "Macros"
Option Explicit
Private Declare PtrSafe Function GetTickCount Lib "kernel32" () As Long

Public Sub Start()
    Dim d As Object
    Application.Run "Macros.Helper"
    Application.Run "Missing"
    Run "Helper"
    Set d = CreateObject("Scripting.Dictionary")
    d.Add "k", CreateObject("WScript.Shell")
    Debug.Print GetTickCount()
    Range("A1").Value = Undeclared1
    Application.OnTime Now, "Later"
End Sub

Private Sub Helper()
End Sub

Private Sub Later()
End Sub
"""


def test_run_strings_late_binding_declares_unresolved(project) -> None:
    result = project({"Macros.bas": MACROS})
    assert edges_from(result, "calls", "Macros.Start") == {
        "Macros.Helper",  # Application.Run "Macros.Helper" and Run "Helper"
        "Macros.Later",  # Application.OnTime Now, "Later"
        "Macros.GetTickCount",
    }
    assert edges_from(result, "late_binds", "Macros.Start") == {
        "progid:Scripting.Dictionary",
        "progid:WScript.Shell",
    }
    assert edges(result, "declares_dll") == {("Macros.GetTickCount", "dll:kernel32")}
    assert edges_from(result, "uses_host", "Macros.Start") == {
        "host:Excel.Application",
        "host:Excel.Range",
    }
    assert unresolved(result) == {
        ("Missing", "run_target", "Macros.Start"),
        ("Undeclared1", "name", "Macros.Start"),
    }
    # no document module says which host: Excel is assumed first, and it is said so
    assert result.index.projects[0].hosts_assumed is True


def test_library_names_resolve_as_library(project) -> None:
    code = """
Attribute VB_Name = "Lib"
Option Explicit

Public Function Clean(ByVal s As String) As String
    Dim c As Collection
    Set c = New Collection
    c.Add Trim$(s)
    If Err.Number <> 0 Then Debug.Print vbCrLf & Format(Now, "yyyy")
    Clean = UCase(Left$(s, 1)) & Mid(s, 2) & vbKeyReturn & VBA.Len(s)
End Function
"""
    result = project({"Lib.bas": code})
    assert unresolved(result) == set()
    assert list(result.graph.successors("Lib.Clean")) == []


def test_implicit_variables_without_option_explicit(project) -> None:
    # Without Option Explicit an assigned undeclared name is an implicit local (MS-VBAL
    # 5.6.10 last step); a name only read is still listed.
    code = """
Attribute VB_Name = "Loose"

Public Sub Work()
    total = 1
    total = total + 1
    Debug.Print total + neverSet
End Sub
"""
    result = project({"Loose.bas": code})
    assert unresolved(result) == {("neverSet", "name", "Loose.Work")}


def test_default_member_and_enum_members(project) -> None:
    items = """
VERSION 1.0 CLASS
Attribute VB_Name = "Items"
Option Explicit
Public Enum Colour
    cRed = 1
    cBlue
End Enum

Public Property Get Item(ByVal i As Long) As Items
Attribute Item.VB_UserMemId = 0
End Property

Public Property Get Size() As Long
    Size = cBlue
End Property
"""
    user = """
Attribute VB_Name = "User"
Option Explicit

Public Function Probe(ByVal x As Items) As Long
    Probe = x(1).Size + cRed + Colour.cBlue
End Function
"""
    result = project({"Items.cls": items, "User.bas": user})
    # x(1) calls the default member Item (VB_UserMemId = 0), then Size on its result
    assert edges_from(result, "calls", "User.Probe") == {"Items.Item[get]", "Items.Size[get]"}
    # public enum members are project-wide names; Colour.cBlue qualifies by the enum
    assert edges_from(result, "reads", "User.Probe") == {"Items.Colour"}
    assert edges_from(result, "reads", "Items.Size[get]") == {"Items.Colour"}
