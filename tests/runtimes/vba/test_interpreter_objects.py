"""Class modules, Collection, Scripting.Dictionary and For Each, run from VBA source.

Expected values come from MS-VBAL 5.2.4 (class modules), 5.4.3.9 (Set), the
"Collection object" and "Dictionary object" reference pages.
"""

from __future__ import annotations

import pytest

from .vba_helpers import output, run_modules

COUNTER_CLS = """VERSION 1.0 CLASS
BEGIN
  MultiUse = -1  'True
END
Attribute VB_Name = "Counter"
Option Explicit
Private m_count As Long
Public Name As String
Public Event Changed(ByVal newValue As Long, ByRef cancel As Boolean)

Private Sub Class_Initialize()
    m_count = 100
    Debug.Print "init"
End Sub

Private Sub Class_Terminate()
    Debug.Print "terminate " & Name
End Sub

Public Property Get Count() As Long
    Count = m_count
End Property

Public Property Let Count(ByVal v As Long)
    If v < 0 Then Err.Raise 380
    m_count = v
End Property

Public Function Bump(Optional ByVal by As Long = 1) As Long
    Dim cancel As Boolean
    RaiseEvent Changed(m_count + by, cancel)
    If Not cancel Then m_count = m_count + by
    Bump = m_count
End Function

Public Property Get Self() As Counter
    Set Self = Me
End Property

Public Property Get Value() As Long
Attribute Value.VB_UserMemId = 0
    Value = m_count
End Property
"""

LISTENER_CLS = """Attribute VB_Name = "Listener"
Option Explicit
Private WithEvents m_src As Counter
Public Log As String
Public Limit As Long

Public Sub Watch(ByVal src As Counter)
    Set m_src = src
End Sub

Private Sub m_src_Changed(ByVal newValue As Long, ByRef cancel As Boolean)
    Log = Log & newValue & ";"
    If newValue > Limit Then cancel = True
End Sub
"""

SHAPE_CLS = """Attribute VB_Name = "IShape"
Option Explicit
Public Function Area() As Double
End Function
Public Property Get Label() As String
End Property
"""

SQUARE_CLS = """Attribute VB_Name = "Square"
Option Explicit
Implements IShape
Public Side As Double

Private Function IShape_Area() As Double
    IShape_Area = Side * Side
End Function

Private Property Get IShape_Label() As String
    IShape_Label = "square"
End Property

Public Function Area() As String
    Area = "own area"
End Function
"""


def project(main: str, *classes: tuple[str, str]) -> dict[str, str]:
    sources = {"Main.bas": main}
    for name, text in classes:
        sources[name] = text
    return sources


def out(main: str, *classes: tuple[str, str]) -> list[str]:
    obs = run_modules(project(main, *classes))
    assert obs.error is None, obs.error
    return obs.output


C = ("Counter.cls", COUNTER_CLS)

CLASS_CASES = [
    (
        "new_runs_initialize",
        """
Sub Main()
    Dim c As Counter
    Set c = New Counter
    c.Name = "a"
    Debug.Print c.Count
End Sub""",
        ["init", " 100 ", "terminate a"],
        "MS-VBAL 5.2.4.1.1 Class_Initialize; 5.2.4.1.2 Class_Terminate when the last "
        "reference goes",
    ),
    (
        "property_let_get",
        """
Sub Main()
    Dim c As New Counter
    c.Name = "b"
    c.Count = 7
    Debug.Print c.Count; c.Bump(3)
    Set c = Nothing
    Debug.Print "after"
End Sub""",
        ["init", " 7  10 ", "terminate b", "after"],
        "MS-VBAL 5.3.1.7 property procedures; Set x = Nothing releases the object",
    ),
    (
        "property_let_raises",
        """
Sub Main()
    Dim c As Counter
    Set c = New Counter
    c.Name = "c"
    On Error Resume Next
    c.Count = -1
    Debug.Print Err.Number; c.Count
End Sub""",
        ["init", " 380  100 ", "terminate c"],
        "VBA reference: Raise method inside a Property Let",
    ),
    (
        "objects_are_references",
        """
Sub Main()
    Dim a As Counter, b As Counter
    Set a = New Counter
    a.Name = "r"
    Set b = a
    b.Count = 1
    Debug.Print a.Count; a Is b; b.Self Is a
End Sub""",
        ["init", " 1 TrueTrue", "terminate r"],
        "MS-VBAL 5.4.3.9 Set assigns a reference; 5.6.9.7 Is compares references",
    ),
    (
        "default_member",
        """
Sub Main()
    Dim c As Counter
    Set c = New Counter
    c.Name = "d"
    Debug.Print c + 1; "v=" & c
End Sub""",
        ["init", " 101 v=100", "terminate d"],
        "MS-VBAL 5.6.2.2: an object in a value context evaluates its default member "
        "(VB_UserMemId = 0)",
    ),
    (
        "events_and_byref_cancel",
        """
Sub Main()
    Dim c As Counter, l As Listener
    Set c = New Counter
    c.Name = "e"
    Set l = New Listener
    l.Limit = 105
    l.Watch c
    c.Bump 2
    c.Bump 10
    Debug.Print l.Log; c.Count
End Sub""",
        ["init", "102;112; 102 ", "terminate e"],
        "MS-VBAL 5.4.2.20 RaiseEvent; 5.2.4.1.3 WithEvents handlers named var_Event",
    ),
    (
        "nothing_errors",
        """
Sub Main()
    Dim c As Counter
    On Error Resume Next
    Debug.Print c.Count
    Debug.Print Err.Number; c Is Nothing; TypeName(c)
End Sub""",
        [" 91 TrueNothing"],
        "VBA reference: error 91 Object variable not set",
    ),
    (
        "typename_typeof",
        """
Sub Main()
    Dim c As Object
    Set c = New Counter
    c.Name = "t"
    Debug.Print TypeName(c); TypeOf c Is Counter; TypeOf c Is Collection
End Sub""",
        ["init", "CounterTrueFalse", "terminate t"],
        "VBA reference: TypeName function; MS-VBAL 5.6.9.9 TypeOf...Is",
    ),
    (
        "late_bound_missing_member",
        """
Sub Main()
    Dim c As Object
    Set c = New Counter
    c.Name = "m"
    On Error Resume Next
    c.NoSuchThing
    Debug.Print Err.Number
End Sub""",
        ["init", " 438 ", "terminate m"],
        "VBA reference: error 438 Object doesn't support this property or method",
    ),
]


@pytest.mark.parametrize(
    ("name", "main", "expected", "citation"), CLASS_CASES, ids=[c[0] for c in CLASS_CASES]
)
def test_class_behaviour(name: str, main: str, expected: list[str], citation: str) -> None:
    assert out(main, C, ("Listener.cls", LISTENER_CLS)) == expected, citation


def test_implements_dispatch() -> None:
    """MS-VBAL 5.2.4.2 Implements: calls through the interface variable run
    Iface_Member; through the class variable, the class's own member."""
    main = """
Sub Main()
    Dim s As Square, sh As IShape
    Set s = New Square
    s.Side = 3
    Set sh = s
    Debug.Print sh.Area; sh.Label; " "; s.Area; " "; TypeOf s Is IShape
End Sub"""
    assert out(main, ("IShape.cls", SHAPE_CLS), ("Square.cls", SQUARE_CLS)) == [
        " 9 square own area True"
    ]


def test_as_new_created_on_first_use() -> None:
    """MS-VBAL 5.2.3.1.4: an `As New` variable gets its object when first used, and again
    after being set to Nothing (so `Is Nothing` is never True for it)."""
    main = """
Sub Main()
    Dim c As New Counter
    Debug.Print "declared"
    c.Name = "n1"
    Set c = Nothing
    Debug.Print c Is Nothing
    c.Name = "n2"
End Sub"""
    assert out(main, C) == ["declared", "init", "terminate n1", "init", "False", "terminate n2"]


def test_me_and_private_state_per_instance() -> None:
    """MS-VBAL 5.2.4: each instance has its own module variables; Me is the instance."""
    main = """
Sub Main()
    Dim a As New Counter, b As New Counter
    a.Name = "x": b.Name = "y"
    a.Count = 1
    b.Count = 2
    Debug.Print a.Count; b.Count; a.Self.Count
End Sub"""
    lines = out(main, C)
    assert lines[2] == " 1  2  1 "


COLLECTION = "VBA reference: Collection object (Add, Item, Remove, Count)"
DICTIONARY = "Scripting reference: Dictionary object"

CONTAINER_CASES = [
    (
        "collection_basics",
        """
    Dim c As New Collection
    c.Add "a"
    c.Add "b", "kb"
    c.Add "c", "kc", 1
    Debug.Print c.Count; c(1); c.Item(2); c("KB"); c("kc")""",
        [" 3 cabc"],
        COLLECTION,
    ),
    (
        "collection_after_remove",
        """
    Dim c As New Collection
    c.Add 10: c.Add 20: c.Add 30, After:=1
    c.Remove 1
    Debug.Print c.Count; c(1); c(2)""",
        [" 2  30  20 "],
        COLLECTION,
    ),
    (
        "collection_errors",
        """
    Dim c As New Collection
    c.Add 1, "k"
    On Error Resume Next
    c.Add 2, "K"
    Debug.Print Err.Number
    Err.Clear
    Debug.Print c("zz")
    Debug.Print Err.Number
    Err.Clear
    Debug.Print c(5)
    Debug.Print Err.Number""",
        [" 457 ", " 5 ", " 9 "],
        COLLECTION,
    ),
    (
        "collection_for_each",
        """
    Dim c As New Collection, v As Variant, s As String
    c.Add "x": c.Add "y"
    For Each v In c
        s = s & v
    Next
    Debug.Print s""",
        ["xy"],
        COLLECTION,
    ),
    (
        "dictionary_basics",
        """
    Dim d As Object
    Set d = CreateObject("Scripting.Dictionary")
    d.Add "a", 1
    d("b") = 2
    d.Item("a") = 5
    Debug.Print d.Count; d("a"); d.Exists("b"); d.Exists("B"); Join(d.Keys, ",")""",
        [" 2  5 TrueFalsea,b"],
        DICTIONARY,
    ),
    (
        "dictionary_read_adds_key",
        """
    Dim d As Object
    Set d = CreateObject("Scripting.Dictionary")
    Debug.Print IsEmpty(d("missing")); d.Count; d.Exists("missing")""",
        ["True 1 True"],
        DICTIONARY + " (Item: reading a missing key adds it)",
    ),
    (
        "dictionary_counter_idiom",
        """
    Dim d As Object, w As Variant
    Set d = CreateObject("Scripting.Dictionary")
    For Each w In Split("a b a c a", " ")
        d(w) = d(w) + 1
    Next
    Debug.Print d("a"); d("c"); Join(d.Keys, "")""",
        [" 3  1 abc"],
        DICTIONARY,
    ),
    (
        "dictionary_errors",
        """
    Dim d As Object
    Set d = CreateObject("Scripting.Dictionary")
    d.Add "k", 1
    On Error Resume Next
    d.Add "k", 2
    Debug.Print Err.Number
    Err.Clear
    d.Remove "nope"
    Debug.Print Err.Number""",
        [" 457 ", " 32811 "],
        DICTIONARY + " (Add: duplicate key; Remove: element not found)",
    ),
    (
        "dictionary_text_compare",
        """
    Dim d As Object
    Set d = CreateObject("Scripting.Dictionary")
    d.CompareMode = vbTextCompare
    d("Key") = 1
    Debug.Print d.Exists("KEY"); d("kEy")""",
        ["True 1 "],
        DICTIONARY + " (CompareMode)",
    ),
    (
        "dictionary_numeric_vs_string_keys",
        """
    Dim d As Object
    Set d = CreateObject("Scripting.Dictionary")
    d(1) = "num"
    d("1") = "str"
    Debug.Print d.Count; d(1); d("1")""",
        [" 2 numstr"],
        DICTIONARY + " (keys keep their type)",
    ),
    (
        "dictionary_items_remove_all",
        """
    Dim d As Object
    Set d = CreateObject("Scripting.Dictionary")
    d.Add "x", 10: d.Add "y", 20
    Debug.Print d.Items()(1); UBound(d.Keys)
    d.RemoveAll
    Debug.Print d.Count""",
        [" 20  1 ", " 0 "],
        DICTIONARY,
    ),
    (
        "dictionary_key_rename",
        """
    Dim d As Object
    Set d = CreateObject("Scripting.Dictionary")
    d.Add "old", 1
    d.Key("old") = "new"
    Debug.Print d.Exists("old"); d("new")""",
        ["False 1 "],
        DICTIONARY + " (Key property)",
    ),
    (
        "dictionary_for_each_keys",
        """
    Dim d As Object, k As Variant, s As String
    Set d = CreateObject("Scripting.Dictionary")
    d("p") = 1: d("q") = 2
    For Each k In d
        s = s & k & d(k)
    Next
    Debug.Print s""",
        ["p1q2"],
        DICTIONARY + " (For Each visits keys)",
    ),
    (
        "dictionary_array_element_argument",
        """
    Dim d As Object, keys(1) As String
    Set d = CreateObject("Scripting.Dictionary")
    keys(0) = "x": keys(1) = "y"
    d(keys(0)) = 1
    Debug.Print d.Exists(keys(0)); d.Exists(keys(1)); d.Item(keys(0))""",
        ["TrueFalse 1 "],
        DICTIONARY + " (an array element argument is passed by value to a library method)",
    ),
    (
        "new_dictionary_early_bound",
        """
    Dim d As New Dictionary
    d("a") = 1
    Debug.Print TypeName(d); d.Count""",
        ["Dictionary 1 "],
        DICTIONARY,
    ),
    (
        "callbyname",
        """
    Dim c As New Collection
    CallByName c, "Add", vbMethod, "z"
    Debug.Print CallByName(c, "Count", vbGet)""",
        [" 1 "],
        "VBA reference: CallByName function",
    ),
]


@pytest.mark.parametrize(
    ("name", "body", "expected", "citation"), CONTAINER_CASES, ids=[c[0] for c in CONTAINER_CASES]
)
def test_containers(name: str, body: str, expected: list[str], citation: str) -> None:
    assert output(f"Sub Main()\n{body}\nEnd Sub\n") == expected, citation


def test_vbscript_class_and_everything_variant() -> None:
    """VBScript: Class blocks, Public Default members, untyped Dim, Variant arithmetic
    (VBScript language reference: Class statement, Dim, operators)."""
    src = """Option Explicit
Class Stack
    Private items
    Private Sub Class_Initialize()
        Set items = CreateObject("Scripting.Dictionary")
    End Sub
    Public Sub Push(v)
        items.Add items.Count, v
    End Sub
    Public Default Property Get Size()
        Size = items.Count
    End Property
End Class
Dim s, n
Set s = New Stack
s.Push 1
s.Push "two"
n = 32767
n = n + 1
WScript.Echo "size " & s.Size & " n " & n & " " & TypeName(n)
"""
    from transform.parse.vba_lower import parse_text
    from transform.runtimes.vba.interpreter import Project

    obs = Project([parse_text(src, "t.vbs")]).call(None)
    assert obs.error is None, obs.error
    assert obs.output == ["size 2 n 32768 Long"]


def test_vbscript_implicit_globals() -> None:
    """VBScript: names first assigned (or ReDim'd) in top-level code are script globals,
    visible inside procedures (VBScript reference: Dim statement, variable scope)."""
    from transform.parse.vba_lower import parse_text
    from transform.runtimes.vba.interpreter import Project

    src = 'ReDim items(2)\nitems(0) = "a"\ntotal = 5\nSub Show()\n'
    src += '    WScript.Echo items(0) & " " & total & " " & UBound(items)\nEnd Sub\nShow\n'
    obs = Project([parse_text(src, "g.vbs")]).call(None)
    assert obs.error is None and obs.output == ["a 5 2"]


def test_static_local_per_instance() -> None:
    """MS-VBAL 5.2.3.1: a Static local of a class procedure belongs to the instance."""
    cls = 'Attribute VB_Name = "Tally"\nPublic Function Hit() As Long\n'
    cls += "    Static n As Long\n    n = n + 1\n    Hit = n\nEnd Function\n"
    main = """
Sub Main()
    Dim a As New Tally, b As New Tally
    a.Hit: a.Hit
    Debug.Print a.Hit; b.Hit
End Sub"""
    assert out(main, ("Tally.cls", cls)) == [" 3  1 "]


VB6_FORM = """VERSION 5.00
Begin VB.Form frmDemo
   Caption         =   "Demo"
   Begin VB.ListBox lstItems
      Height          =   300
   End
   Begin VB.TextBox txtName
      Height          =   300
   End
End
Attribute VB_Name = "frmDemo"
Attribute VB_PredeclaredId = True
Option Explicit

Public Function Fill() As Long
    lstItems.Clear
    lstItems.AddItem "a"
    lstItems.AddItem "b"
    txtName = "x"
    Fill = lstItems.ListCount * 10 + Len(txtName.Text)
End Function
"""


def test_a_vb6_form_names_its_controls_directly():
    """A form's code names its controls without Me ("AddItem method", "ListCount
    property"; "Text property": a TextBox's default property is Text): two items and the
    one-character text."""
    obs = run_modules(
        {
            "frmDemo.frm": VB6_FORM,
            "Main.bas": "Function Main()\nMain = frmDemo.Fill\nEnd Function\n",
        }
    )
    assert obs.error is None, obs.error
    assert obs.result == 21


def test_property_bag_reads_back_what_was_written_or_the_default():
    """VB6 "PropertyBag object": ReadProperty returns the value WriteProperty stored, or
    the default given when the bag has none (WriteProperty with a value equal to its
    default stores nothing)."""
    source = (
        "Function Main()\n"
        "    Dim bag As New PropertyBag\n"
        '    bag.WriteProperty "Min", 5, 0\n'
        '    bag.WriteProperty "Max", 9, 9\n'
        '    Main = bag.ReadProperty("Min", 1) & " " & bag.ReadProperty("Max", 7) _\n'
        '        & " " & bag.ReadProperty("Other", "none")\n'
        "End Function\n"
    )
    obs = run_modules({"Main.bas": source})
    assert obs.error is None, obs.error
    assert obs.result == "5 7 none"


def test_vbscript_has_no_vba_only_functions() -> None:
    """VBScript's functions are those of its reference page ("VBScript Functions"); Input,
    Dir or Format are ordinary names there, so a script may assign them."""
    from transform.parse.vba_lower import parse_text
    from transform.runtimes.vba.interpreter import Project

    src = 'Input = "abc"\nDir = Len(Input)\nIf Dir = 3 Then WScript.Echo UCase(Input) End If\n'
    obs = Project([parse_text(src, "n.vbs")]).call(None)
    assert obs.error is None, obs.error
    assert obs.output == ["ABC"]
