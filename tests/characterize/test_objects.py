"""Object and Type parameters get inputs: a fresh instance and Nothing for a project class
(and the classes implementing an interface), library objects (Collection, MSForms'
Return* objects, PropertyBag), and values of a user-defined Type; the oracle and the
translated package each make them from the same golden data."""

from __future__ import annotations

import dataclasses
import sys

from transform.characterize.closure import ModuleClosures
from transform.characterize.objects import project_objects
from transform.characterize.record import Recorder, Target
from transform.characterize.vba_golden import (
    Harness,
    NewObject,
    UdtArgument,
    decode,
    resolve_arguments,
)
from transform.parse.vba_lower import parse_text

SHAPE_CLS = """VERSION 1.0 CLASS
Attribute VB_Name = "Shape"
Public Function Area() As Double
End Function
"""
SQUARE_CLS = """VERSION 1.0 CLASS
Attribute VB_Name = "Square"
Implements Shape
Public Side As Double
Private Function Shape_Area() As Double
    Shape_Area = Side * Side
End Function
"""
GEO_BAS = """Attribute VB_Name = "modGeo"
Public Type Point
    X As Long
    Name As String * 3
    Tags() As String
End Type

Public Function Describe(p As Point) As String
    Describe = "[" & p.Name & "]" & p.X
End Function

Public Function Count(c As Collection) As Long
    Count = c.Count
End Function

Public Sub Veto(Cancel As MSForms.ReturnBoolean)
    Cancel = True
End Sub

Public Function AreaOf(s As Shape) As Double
    AreaOf = s.Area
End Function
"""


def _modules():
    return [
        (parse_text(SHAPE_CLS, "Shape.cls"), "shape"),
        (parse_text(SQUARE_CLS, "Square.cls"), "square"),
        (parse_text(GEO_BAS, "modGeo.bas"), "mod_geo"),
    ]


def test_candidates_of_classes_interfaces_types_and_library_objects():
    objects = project_objects(_modules())
    shape = objects["shape"]
    assert shape[0] == {"type": "Nothing"}
    made = [(c["class"], c["new"].get("module")) for c in shape[1:]]
    assert made == [("Shape", "shape"), ("Square", "square")]
    assert objects["collection"][1]["new"] == {} and objects["msforms.returnboolean"]
    points = objects["point"]
    assert points[0] == {"type": "UDT", "name": "Point", "module": "mod_geo", "value": {}}
    names = [p["value"]["Name"]["value"] for p in points if "Name" in p["value"]]
    assert names and all(len(n) == 3 for n in names)  # a String * 3 member's values
    assert all("Tags" not in p["value"] for p in points)  # arrays keep their defaults


def test_the_oracle_makes_the_objects_and_types_it_is_given():
    """The "Type statement" page: a member of a user-defined type holds what was
    assigned (a String * 3 member three characters); "Collection object": a new
    Collection has Count 0; "Implements statement": a Square seen as a Shape answers
    Shape_Area."""
    modules = _modules()
    recorder = Recorder(ModuleClosures([m for m, _ in modules], [SHAPE_CLS, SQUARE_CLS, GEO_BAS]))
    geo = modules[2][0]

    def run(name: str, arguments: list[dict]) -> dict:
        proc = next(p for p in geo.procedures if p.name == name)
        return recorder.record(Target(geo, proc, "mod_geo", True), arguments)

    point = {
        "type": "UDT",
        "name": "Point",
        "module": "mod_geo",
        "value": {"X": {"type": "Long", "value": 7}, "Name": {"type": "String", "value": "ab "}},
    }
    assert run("Describe", [point])["return"] == {"type": "String", "value": "[ab ]7"}
    collection = project_objects(modules)["collection"][1]
    assert run("Count", [collection])["return"] == {"type": "Long", "value": 0}
    assert run("Count", [{"type": "Nothing"}])["error"]["number"] == 91
    square = project_objects(modules)["shape"][2]
    assert run("AreaOf", [square])["return"] == {"type": "Double", "value": 0.0}


def test_the_tests_make_them_in_the_translated_package(tmp_path, monkeypatch):
    package = tmp_path / "geo_pkg"
    (package / "vba_support").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "vba_support" / "__init__.py").write_text("")
    (package / "mod_geo.py").write_text(
        "from dataclasses import dataclass\n\n\n@dataclass\nclass Point:\n"
        "    x: int = 0\n    name: str = '   '\n\n\nclass Shape:\n    pass\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    harness = Harness(tmp_path, "geo_pkg", None, lambda *a: None)
    try:
        data = {
            "type": "UDT",
            "name": "Point",
            "module": "mod_geo",
            "value": {
                "X": {"type": "Long", "value": 7},
                "Name": {"type": "String", "value": "ab "},
            },
        }
        arg = decode(data)
        assert isinstance(arg, UdtArgument)
        (point,) = resolve_arguments([arg], harness.make)
        assert dataclasses.asdict(point) == {"x": 7, "name": "ab "}
        (shape,) = resolve_arguments([NewObject("Shape", "mod_geo")], harness.make)
        assert type(shape).__name__ == "Shape"
    finally:
        for name in [m for m in sys.modules if m.startswith("geo_pkg")]:
            del sys.modules[name]
