"""A small legacy project written for these tests, and a hand-written "translation" of it.

Why hand-written Python: the characterize and verify stages are tested on their own, so a
change in the translation rules cannot make these tests pass or fail; the end-to-end tests
on samples/ cover the real translation.
"""

from __future__ import annotations

import json
from pathlib import Path

from transform.characterize import characterize

CALC_BAS = """Attribute VB_Name = "modCalc"
Option Explicit

Public Function Half(ByVal x As Integer) As Integer
    Half = x \\ 2
End Function

Public Sub Greet(ByVal sName As String)
    Debug.Print "Hello, " & sName
End Sub

Public Function SafeDivide(ByVal a As Long, ByVal b As Long) As Long
    If b = 0 Then Err.Raise 11
    SafeDivide = a \\ b
End Function

Public Sub Twice(ByRef n As Long)
    n = n * 2
End Sub

Private Function Hidden() As Long
    Hidden = 1
End Function
"""

CALC_PY = '''"""mod_calc: hand-written translation of modCalc."""


class VbaError(Exception):
    def __init__(self, number):
        super().__init__(number)
        self.number = number


def half(x):
    return int(x / 2)


def greet(s_name):
    print("Hello, " + s_name)


def safe_divide(a, b):
    if b == 0:
        raise VbaError(11)
    q = abs(a) // abs(b) * (1 if (a < 0) == (b < 0) else -1)
    if not -(2**31) <= q < 2**31:
        raise VbaError(6)
    return q


def twice(n):
    if not -(2**31) <= n * 2 < 2**31:
        raise VbaError(6)
    return n * 2  # the ByRef convention: a Sub returns the ByRef values it assigns
'''

PROCEDURES = ["Half", "Greet", "SafeDivide", "Twice", "Hidden"]


def translation(markers: dict[str, int] | None = None) -> dict:
    """translation.json as `transform convert` writes it, for the calc project."""
    markers = markers or {}
    procedures = [
        {"name": p, "translated": not markers.get(p), "markers": markers.get(p, 0)}
        for p in PROCEDURES
    ]
    return {
        "package": "calc",
        "modules": 1,
        "per_module": [
            {
                "source": "modCalc.bas",
                "module": "mod_calc",
                "lines": 24,
                "procedures": procedures,
                "markers": sum(markers.values()),
                "rules": {},
                "error": None,
            }
        ],
        "modules_detail": {
            "mod_calc": {
                "source": "modCalc.bas",
                "python_path": "calc/mod_calc.py",
                "legacy_text": CALC_BAS,
                "kind": "standard",
                "fragments": [],
                "origins": [],
            }
        },
        "errors": [],
    }


def write_project(out: Path, python: str = CALC_PY, markers: dict[str, int] | None = None) -> dict:
    """DIR as convert leaves it: package, translation.json, golden files and tests."""
    data = translation(markers)
    out.mkdir(parents=True, exist_ok=True)
    (out / "calc").mkdir(exist_ok=True)
    (out / "calc" / "__init__.py").write_text("")
    (out / "calc" / "mod_calc.py").write_text(python)
    (out / "translation.json").write_text(json.dumps(data))
    result = characterize(data, out.name)
    for relative, text in result.files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return result.files
