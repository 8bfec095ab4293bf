"""Golden files: building, reading and the rule that protects foreign recordings.

Why the ``source`` field: a golden file recorded elsewhere (by the same procedures in real
Excel, say) is a better oracle than our interpreter, so a file whose source is not
``interpreter`` is never overwritten by a re-run; it is carried into the new output as is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .inputs import parameters
from .record import STEP_LIMIT, TIME_LIMIT, Target
from .vba_golden import FORMAT

OURS = "interpreter"
GOLDEN_DIR = "golden"
WORKBOOK_DIR = "golden/workbooks"


def has_cases(files: dict[str, str]) -> bool:
    """Do these output files hold recorded cases? (Workbook states alone are not cases.)"""
    return any(
        path.startswith("golden/") and not path.startswith(WORKBOOK_DIR + "/") for path in files
    )


def golden_path(module: str, procedure: str) -> str:
    """Relative path of a procedure's golden file (VBA names, as people look them up)."""
    return f"{GOLDEN_DIR}/{folder(module)}/{_safe(procedure)}.json"


def folder(module: str) -> str:
    """The folder of a module's golden files inside golden/."""
    return _safe(module)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "_-" else "_" for c in name)


def golden_file(
    target: Target, python_name: str, seed: int, cases: list[dict], note: str = ""
) -> dict:
    """The golden data of one procedure, as docs/characterize.md describes it."""
    proc = target.proc
    data: dict[str, Any] = {
        "format": FORMAT,
        "source": OURS,
        "module": target.module.name,
        "python_module": target.python_module,
        "class": target.class_name,
        "procedure": target.member,
        "python_name": python_name,
        "kind": proc.kind,
        "parameters": [
            {
                "name": p.name,
                "type": p.type,
                "mode": p.mode,
                "optional": p.optional,
                "array": p.array,
            }
            for p in parameters(proc)
        ],
        "returns": proc.return_type.name if proc.return_type else None,
        "entry_point": target.entry or None,
        "translated": target.translated,
        "seed": seed,
        "limits": {"steps": STEP_LIMIT, "seconds": TIME_LIMIT},
        "cases": cases,
    }
    if note:
        data["note"] = note
    return data


def dumps(data: dict) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def foreign_files(previous: Path | None) -> dict[str, str]:
    """Golden files (and workbook states) in a previous output that we did not record."""
    if previous is None or not (previous / GOLDEN_DIR).is_dir():
        return {}
    kept = {}
    for path in sorted((previous / GOLDEN_DIR).rglob("*.json")):
        text = path.read_text(encoding="utf-8")
        try:
            source = json.loads(text).get("source", OURS)
        except (json.JSONDecodeError, AttributeError):
            source = "unreadable"  # not ours either: keep it, the test run will say why
        if source != OURS:
            kept[path.relative_to(previous).as_posix()] = text
    return kept


def read_golden(root: Path, relative: str) -> dict | None:
    """A golden file's data; None when absent or unreadable."""
    path = root / relative
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
