"""`transform verify DIR`: run the characterization tests, write DIR/verify.json.

The contract of verify.json is the report stage's (transform/report/model.py,
docs/report.md); we add compatible fields the report may ignore: ``status`` (with
``not_translated``), ``translated``, ``skipped`` and ``source`` per procedure, and
``totals``.  A procedure with markers is never reported as passing: it gets ``error``
"not translated ...", even when its cases happen to pass.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from transform.characterize.render import snake
from transform.characterize.vba_golden import display

from .plugin import LOG_VARIABLE

SCHEMA = 1
TIMEOUT = 900.0


class VerifyError(Exception):
    """DIR is not a converted project (no tests or golden files to run)."""


@dataclass
class Golden:
    """One golden file as verify needs it."""

    python_module: str
    procedure: str
    source: str
    parameters: list[str]
    cases: dict[str, dict]  # case id → case
    test_name: str


@dataclass
class Run:
    """What the pytest run said, per case id and per test file."""

    records: dict[tuple[str, str, str], dict] = field(default_factory=dict)
    by_node: dict[str, dict] = field(default_factory=dict)
    collect_errors: dict[str, str] = field(default_factory=dict)
    returncode: int = 0
    stderr: str = ""


def verify(out_dir: Path, timeout: float = TIMEOUT) -> dict:
    """Run DIR's tests and return (and write) the verify.json data."""
    out_dir = Path(out_dir)
    goldens = load_goldens(out_dir)
    if not (out_dir / "tests").is_dir() or not goldens:
        raise VerifyError(f"{out_dir}: no tests/ or golden/ here; run `transform convert` first")
    run = run_tests(out_dir, timeout)
    translated = _translated(out_dir)
    data = parity(goldens, run, translated)
    write_json(out_dir / "verify.json", data)
    return data


def load_goldens(out_dir: Path) -> list[Golden]:
    out = []
    for path in sorted((out_dir / "golden").glob("*/*.json")):
        if path.parent.name == "workbooks":
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        out.append(_golden(data))
    return out


def _golden(data: dict) -> Golden:
    name = data.get("python_name") or ""
    cls = data.get("class")
    test_name = f"{snake(cls)}_{name}" if cls else name
    return Golden(
        python_module=data.get("python_module", ""),
        procedure=data.get("procedure", ""),
        source=str(data.get("source", "")),
        parameters=[p.get("name", "") for p in data.get("parameters", [])],
        cases={str(c.get("id")): c for c in data.get("cases", [])},
        test_name=test_name,
    )


def run_tests(out_dir: Path, timeout: float) -> Run:
    """pytest in a subprocess (the translated code never runs inside the tool), with our
    plugin writing one JSON line per test."""
    with tempfile.TemporaryDirectory(prefix="transform-verify-") as scratch:
        log = Path(scratch) / "results.jsonl"
        # The generated tests need no third-party pytest plugins (loading them costs
        # seconds), and their per-case re-imports should reuse the bytecode of the
        # translated package rather than compile it again (PYTHONDONTWRITEBYTECODE).
        env = {**os.environ, LOG_VARIABLE: str(log), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        command = [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "transform.verify.plugin",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(out_dir),
            str(out_dir / "tests"),
        ]
        try:
            done = subprocess.run(
                command, cwd=out_dir, env=env, capture_output=True, text=True, timeout=timeout
            )
            returncode, stderr = done.returncode, done.stdout[-4000:] + done.stderr[-4000:]
        except subprocess.TimeoutExpired:
            returncode, stderr = -1, f"the tests did not finish within {timeout:.0f} s"
        run = _read_log(log)
    run.returncode, run.stderr = returncode, stderr
    if not run.records and not run.by_node and returncode != 0:
        # pytest itself did not run (not installed, bad plugin, usage error): say so
        # rather than report every case as failing.
        raise VerifyError(f"{out_dir}: the characterization tests could not run:\n{stderr}")
    return run


def _read_log(log: Path) -> Run:
    run = Run()
    if not log.exists():
        return run
    for line in log.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if "collect_error" in entry:
            run.collect_errors[entry["nodeid"]] = entry["collect_error"]
            continue
        run.by_node[entry["nodeid"]] = entry
        if entry.get("case"):
            case = json.loads(entry["case"])
            key = (case.get("module", ""), str(case.get("procedure", "")).lower(), case["case"])
            run.records[key] = {**case, "outcome": entry["outcome"]}
    return run


def _translated(out_dir: Path) -> dict[tuple[str, str], int]:
    """(python module, lower-case procedure) → markers left, from translation.json."""
    try:
        data = json.loads((out_dir / "translation.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    markers: dict[tuple[str, str], int] = defaultdict(int)
    for module in data.get("per_module", []):
        for proc in module.get("procedures", []):
            key = (module["module"], proc["name"].lower())
            markers[key] += int(proc.get("markers", 0)) or (0 if proc.get("translated") else 1)
    return dict(markers)


# --------------------------------------------------------------------------- parity


def parity(goldens: list[Golden], run: Run, markers: dict[tuple[str, str], int]) -> dict:
    procedures = [_procedure(g, run, markers) for g in goldens]
    errors = [
        f"{node}: {text.strip().splitlines()[-1] if text.strip() else 'collection failed'}"
        for node, text in run.collect_errors.items()
    ]
    if run.returncode not in (0, 1) and not run.records:
        errors.append(f"pytest exited with {run.returncode}: {run.stderr.strip()[-500:]}")
    return {
        "schema": SCHEMA,
        "oracle": _oracle(goldens),
        "errors": errors,
        "totals": _totals(procedures),
        "procedures": procedures,
    }


def _oracle(goldens: list[Golden]) -> str:
    sources = sorted({g.source for g in goldens if g.source})
    return ", ".join(sources) or "interpreter"


def _procedure(golden: Golden, run: Run, markers: dict[tuple[str, str], int]) -> dict:
    key_module, key_proc = golden.python_module, golden.procedure.lower()
    passed = failed = skipped = 0
    failures = []
    missing = []
    for case_id, case in golden.cases.items():
        record = run.records.get((key_module, key_proc, case_id))
        if case.get("skip"):
            skipped += 1
        elif record is None:
            outcome = _node_outcome(run, golden, case_id)
            if outcome == "skipped":
                skipped += 1
                continue
            failed += 1
            missing.append(case_id)
            failures.append(_failure(golden, case, None, "the test did not run"))
        elif record["outcome"] == "passed":
            passed += 1
        else:
            failed += 1
            failures.append(_failure(golden, case, record, "; ".join(record.get("problems", []))))
    entry: dict = {
        "module": golden.python_module,
        "procedure": golden.procedure,
        "cases": passed + failed,
        "passed": passed,
        "failed": failed,
        "skipped": skipped,
        "source": golden.source,
        "failures": failures,
    }
    left = markers.get((key_module, key_proc), 0)
    blocked = _all_not_translated(failures)
    entry["translated"] = left == 0 and not blocked
    if left:
        entry["error"] = f"not translated: {left} marker(s) left in the Python"
    elif blocked:
        entry["error"] = (
            f"not translated: every case stopped at a marker ({failures[0]['message']})"
        )
    elif missing:
        entry["error"] = _why_missing(run, golden)
    entry["status"] = _status(entry)
    return entry


def _all_not_translated(failures: list[dict]) -> bool:
    """Every failing case hit a marker (e.g. a module-level one the import runs), though
    translation.json counts none in the procedure itself."""
    return bool(failures) and all(f["message"].startswith("not translated") for f in failures)


def _node_outcome(run: Run, golden: Golden, case_id: str) -> str | None:
    node = f"tests/test_{golden.python_module}.py::test_{golden.test_name}[{case_id}]"
    entry = run.by_node.get(node)
    return entry["outcome"] if entry else None


def _why_missing(run: Run, golden: Golden) -> str:
    for node, text in run.collect_errors.items():
        if node.endswith(f"test_{golden.python_module}.py"):
            lines = [line for line in text.strip().splitlines() if line.strip()]
            return f"tests could not be collected: {lines[-1] if lines else 'collection failed'}"
    return "some cases did not run (see the pytest output of `pytest DIR`)"


def _status(entry: dict) -> str:
    if not entry["translated"]:
        return "not_translated"
    if entry.get("error"):
        return "error"
    if entry["failed"]:
        return "fail"
    return "pass" if entry["cases"] else "untested"


def _failure(golden: Golden, case: dict, record: dict | None, message: str) -> dict:
    names = golden.parameters
    arguments = [
        {"name": names[i] if i < len(names) else f"arg{i + 1}", "value": display(a) or ""}
        for i, a in enumerate(case.get("arguments", []))
    ]
    actual = record.get("actual", {}) if record else {}
    return {
        "case": str(case.get("id")),
        "arguments": arguments,
        "message": message,
        "expected": outcome(case.get("expect", {})),
        "actual": outcome(actual),
    }


def outcome(data: dict) -> dict:
    """A golden or actual outcome as the report's Outcome (display strings)."""
    error = data.get("error")
    return {
        "return_value": display(data.get("return")),
        "output": list(data.get("output", [])),
        "error": {"number": error.get("number"), "description": error.get("description") or ""}
        if error
        else None,
        "byref": {k: display(v) or "" for k, v in (data.get("byref") or {}).items()},
        "cells": [
            {"sheet": c["sheet"], "address": c["cell"], "value": display(c.get("value"))}
            for c in data.get("cells", [])
        ],
    }


def _totals(procedures: list[dict]) -> dict:
    count = defaultdict(int)
    for p in procedures:
        count[p["status"]] += 1
    return {
        "procedures": len(procedures),
        "passing": count["pass"],
        "failing": count["fail"] + count["error"],
        "not_translated": count["not_translated"],
        "untested": count["untested"],
        "cases": sum(p["cases"] for p in procedures),
        "cases_passed": sum(p["passed"] for p in procedures),
        "cases_failed": sum(p["failed"] for p in procedures),
        "cases_skipped": sum(p["skipped"] for p in procedures),
    }


def write_json(path: Path, data: dict) -> None:
    """Temp file then rename: a reader never sees half a verify.json."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
