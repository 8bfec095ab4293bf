"""A small conversion output folder, written as the stages would write it, for report tests.

The legacy code carries a string that closes a script tag: the report must show it as text."""

from __future__ import annotations

import json
from pathlib import Path

HOSTILE = "</script><script>alert(1)</script><b>&amp;"

LEGACY = (
    'Attribute VB_Name = "modGreet"\r\n'  # 1
    "Option Explicit\r\n"  # 2
    "\r\n"  # 3
    "Public Function Greet(ByVal sName As String) As String\r\n"  # 4
    f'    Greet = "Hello {HOSTILE} " & sName\r\n'  # 5
    "End Function\r\n"  # 6
    "\r\n"  # 7
    "Public Sub Shout(ByRef sText As String)\r\n"  # 8
    "    sText = UCase$(sText)\r\n"  # 9
    "    Debug.Print sText\r\n"  # 10
    "End Sub\r\n"  # 11
)

PYTHON_LINES = [
    ('"""modGreet: converted by transform."""', None),
    ("from greet import vba_support as vba", None),
    ("", None),
    ("def greet(s_name: str) -> str:", (4, 6, "VBA-PROC-001")),
    (f'    return "Hello {HOSTILE} " + s_name', (5, 5, "VBA-STMT-001")),
    ("", None),
    ("def shout(s_text):", (8, 11, "VBA-PROC-001")),
    ("    # sText = UCase$(sText)", (9, 9, "marker")),
    ("    raise NotImplementedError('VBA: sText = UCase$(sText)')", (9, 9, "marker")),
    ("    print(s_text)", (10, 10, "VBA-STMT-060")),
]


def translation_json() -> dict:
    """translation.json as transform/convert/pipeline.py writes it."""
    origins = [
        {"start_line": o[0], "end_line": o[1], "rule": o[2]} if o else None for _, o in PYTHON_LINES
    ]
    return {
        "package": "greet",
        "modules": 1,
        "procedures": 2,
        "translated_by_rules": 1,
        "share_translated": 0.5,
        "markers": 1,
        "errors": [],
        "per_module": [
            {
                "source": "legacy/modGreet.bas",
                "module": "mod_greet",
                "lines": 12,
                "procedures": [
                    {"name": "Greet", "translated": True, "markers": 0},
                    {"name": "Shout", "translated": False, "markers": 1},
                ],
                "markers": 1,
                "rules": {"VBA-PROC-001": 2, "VBA-STMT-001": 1},
                "error": None,
            }
        ],
        "modules_detail": {
            "mod_greet": {
                "source": "legacy/modGreet.bas",
                "python_path": "greet/mod_greet.py",
                "legacy_text": LEGACY,
                "kind": "standard",
                "fragments": [
                    {
                        "kind": "statement",
                        "node_type": "assignment_statement",
                        "text": "sText = UCase$(sText)",
                        "start_line": 9,
                        "end_line": 9,
                        "procedure": "Shout",
                    }
                ],
                "origins": origins,
            }
        },
    }


def verify_json() -> dict:
    """verify.json in the contract of transform/report/model.py (VerifyResult)."""
    return {
        "schema": 1,
        "oracle": "interpreter",
        "procedures": [
            {"module": "mod_greet", "procedure": "Greet", "cases": 3, "passed": 3, "failed": 0},
            {
                "module": "mod_greet",
                "procedure": "Shout",
                "cases": 2,
                "passed": 1,
                "failed": 1,
                "failures": [
                    {
                        "case": "shout-002",
                        "arguments": [{"name": "sText", "value": f'"{HOSTILE}"'}],
                        "expected": {
                            "return_value": None,
                            "output": ["LINE ONE", "ABC"],
                            "byref": {"sText": '"ABC"'},
                        },
                        "actual": {
                            "output": ["LINE ONE", "abc"],
                            "byref": {"sText": '"abc"'},
                            "error": {"description": "NotImplementedError: VBA: sText = UCase$"},
                        },
                        "message": "ByRef sText differs",
                    }
                ],
            },
        ],
    }


def index_json() -> dict:
    """index.json as `transform scan` writes it: {"index": ProjectIndex, "analyses": ...}."""
    location = {"file": "legacy/modMain.bas", "line": 3, "column": 0}
    return {
        "index": {
            "schema": 1,
            "modules": [
                {
                    "id": "modGreet",
                    "name": "modGreet",
                    "kind": "standard",
                    "file": "legacy/modGreet.bas",
                    "lines": 12,
                },
                {
                    "id": "modMain",
                    "name": "modMain",
                    "kind": "standard",
                    "file": "legacy/modMain.bas",
                    "lines": 20,
                },
            ],
            "procedures": [
                {"id": "modGreet.Greet", "module": "modGreet", "name": "Greet"},
                {"id": "modGreet.Shout", "module": "modGreet", "name": "Shout"},
                {"id": "modMain.Main", "module": "modMain", "name": "Main"},
            ],
            "externals": [{"id": "host:Excel.Range", "kind": "host", "name": "Excel.Range"}],
            "references": [
                {
                    "kind": "calls",
                    "source": "modMain.Main",
                    "target": "modGreet.Greet",
                    "location": location,
                    "count": 2,
                },
                {
                    "kind": "uses_host",
                    "source": "modMain.Main",
                    "target": "host:Excel.Range",
                    "location": location,
                },
            ],
            "unresolved": [
                {
                    "name": f"Frob{HOSTILE}",
                    "kind": "name",
                    "scope": "modMain.Main",
                    "location": location,
                    "note": "not declared",
                }
            ],
        },
        "analyses": {
            "recursion": [],
            "module_cycles": [],
            "module_order": [["modGreet"], ["modMain"]],
            "entry_points": [{"id": "modMain.Main", "reason": "Sub Main"}],
            "effects": [
                {"id": "modGreet.Shout", "direct": ["ui"], "transitive": {"ui": ["Debug.Print"]}},
                {
                    "id": "modMain.Main",
                    "direct": ["host"],
                    "transitive": {"host": ["Excel.Range"], "ui": ["Debug.Print"]},
                },
            ],
        },
    }


def write_output(root: Path, verify: bool = False, index: bool = False) -> Path:
    """A conversion output folder: translation.json, the Python file, optional stages."""
    out = root / "out"
    (out / "greet").mkdir(parents=True)
    (out / "translation.json").write_text(json.dumps(translation_json()), encoding="utf-8")
    python = "\n".join(line for line, _ in PYTHON_LINES) + "\n"
    (out / "greet" / "mod_greet.py").write_text(python, encoding="utf-8")
    if verify:
        (out / "verify.json").write_text(json.dumps(verify_json()), encoding="utf-8")
    if index:
        (out / "index.json").write_text(json.dumps(index_json()), encoding="utf-8")
    return out
