"""`transform verify`: parity per procedure, written as the report stage reads it.

The legacy project and a hand-written translation are in calc.py; a deliberately broken
translation must be caught, markers must never count as passing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from transform.cli import main
from transform.report.model import VerifyResult
from transform.verify import verify

from .calc import CALC_PY, write_project


def by_name(data: dict) -> dict[str, dict]:
    return {p["procedure"]: p for p in data["procedures"]}


@pytest.fixture(scope="module")
def correct(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("calc")
    write_project(out)
    return out, verify(out)


def test_a_faithful_translation_has_parity(correct):
    out, data = correct
    procs = by_name(data)
    for name in ("Half", "Greet", "SafeDivide", "Twice"):
        assert procs[name]["status"] == "pass", procs[name]["failures"][:1]
        assert procs[name]["cases"] == procs[name]["passed"] > 0
    assert data["schema"] == 1 and data["oracle"] == "interpreter"
    assert json.loads((out / "verify.json").read_text()) == data
    parsed = VerifyResult.from_json(data)  # the report's contract
    assert parsed.lookup("mod_calc", "half").status == "pass"


def test_byref_values_come_back_by_the_translation_convention(correct):
    """Twice doubles its ByRef argument: the translation returns the new value, the test
    stores it back into the argument list and compares it with the golden ByRef value."""
    out, data = correct
    assert by_name(data)["Twice"]["status"] == "pass"
    text = (out / "tests" / "test_mod_calc.py").read_text()
    assert "return byref_out(module.twice(*args), args, (0,), function=False)" in text


def test_a_byref_write_the_python_does_not_return_is_caught(tmp_path):
    write_project(tmp_path, CALC_PY.replace("    return n * 2  # the ByRef", "    n * 2  # the"))
    twice = by_name(verify(tmp_path))["Twice"]
    assert twice["status"] == "fail"
    failure = next(f for f in twice["failures"] if f["arguments"][0]["value"] == "1")
    assert failure["arguments"][0]["name"] == "n"
    assert failure["expected"]["byref"]["n"] == "2"
    assert failure["actual"]["byref"]["n"] == "None"
    assert "ByRef n" in failure["message"]


def test_a_broken_translation_is_caught(tmp_path):
    """Floor division differs from VBA's truncating \\ for negative odd numbers."""
    write_project(tmp_path, CALC_PY.replace("return int(x / 2)", "return x // 2"))
    data = verify(tmp_path)
    half = by_name(data)["Half"]
    assert half["status"] == "fail"
    failure = next(f for f in half["failures"] if f["arguments"][0]["value"] == "-1")
    assert failure["expected"]["return_value"] == "0"
    assert failure["actual"]["return_value"] == "-1"
    assert by_name(data)["Greet"]["status"] == "pass"
    result = CliRunner().invoke(main, ["verify", str(tmp_path)])
    assert result.exit_code == 1
    assert "fail: mod_calc.Half" in result.output


def test_markers_are_never_reported_as_passing(tmp_path):
    python = CALC_PY.replace(
        "def greet(s_name):\n",
        "def greet(s_name):\n    raise NotImplementedError('VBA: Debug.Print')\n",
    )
    write_project(tmp_path, python, markers={"Half": 1})
    procs = by_name(verify(tmp_path))
    assert procs["Half"]["status"] == "not_translated"  # its cases pass, markers remain
    assert procs["Half"]["error"].startswith("not translated")
    greet = procs["Greet"]
    assert greet["status"] == "not_translated" and greet["passed"] == 0
    assert greet["failures"][0]["actual"]["error"]["description"].startswith("not translated")
    assert VerifyResult.from_json(verify(tmp_path)).lookup("mod_calc", "Greet").status == "error"


def test_a_module_that_does_not_import_makes_its_procedures_fail(tmp_path):
    write_project(tmp_path, CALC_PY + "\nraise RuntimeError('boom')\n")
    procs = by_name(verify(tmp_path))
    assert all(p["status"] == "fail" and p["passed"] == 0 for p in procs.values())
    assert "boom" in procs["Half"]["failures"][0]["actual"]["error"]["description"]


def test_plain_pytest_runs_the_generated_tests(correct):
    out, _ = correct
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-c",
            "/dev/null",
            str(out),
            "-k",
            "half or greet",
        ],
        capture_output=True,
        text=True,
        cwd=out,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    assert " passed" in done.stdout


def test_verify_without_tests_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["verify", str(tmp_path)])
    assert result.exit_code == 2 and "transform convert" in result.output
