"""End to end on the VBA/VB6 samples: convert (translate, characterize, verify), then the
samples translate by rules alone and every characterized procedure passes all of its
cases: the translation prints and returns what the legacy code does (issue #6). One
conversion per sample serves every test of this module."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from transform.convert.pipeline import convert

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
# Procedures each sample must characterize (a sample of its public surface, by kind:
# functions, a UDT parameter, object parameters, forms, GoSub, Put/Get, Erl, App).
MUST_HAVE = {
    "string-utils": {"IsValidLuhn", "ToRoman", "FromRoman", "TitleCase", "FormatSortName"},
    "order-model": {"ShowOrderEntry", "AddProduct", "CalculateDiscount", "txtQty_KeyPress"},
    "vb6-inventory": {"SelfTest", "FormatReport", "ReadRecord", "SafeUnitCost", "DataPath"},
    # VBScript classes inside scripts, each member on a new instance
    "vbscript-tools": {
        "IniFile.GetInt",
        "IniFile.Load",
        "LogStats.AddLine",
        "LogStats.BusiestModule",
    },
}


@pytest.fixture(scope="module", params=sorted(MUST_HAVE))
def converted(request, tmp_path_factory) -> tuple[str, dict, dict]:
    sample = request.param
    out = tmp_path_factory.mktemp(sample) / "out"
    convert([SAMPLES / sample], out)
    assert (out / "report" / "index.html").exists()
    parity = json.loads((out / "verify.json").read_text(encoding="utf-8"))
    translation = json.loads((out / "translation.json").read_text(encoding="utf-8"))
    return sample, parity, translation


def test_every_procedure_translates_by_rules(converted):
    sample, _, translation = converted
    left = [
        f"{module['module']}.{p['name']}"
        for module in translation["per_module"]
        for p in module["procedures"]
        if not p["translated"]
    ]
    assert not left, f"{sample}: markers left in {left}"


def test_every_public_procedure_has_golden_cases(converted):
    sample, parity, _ = converted
    names = {p["procedure"] for p in parity["procedures"]}
    assert MUST_HAVE[sample] <= names
    untested = [p["procedure"] for p in parity["procedures"] if p["status"] == "untested"]
    assert not untested, f"{sample}: no cases for {untested}"


def test_every_characterized_procedure_keeps_parity(converted):
    sample, parity, _ = converted
    broken = {
        p["procedure"]: p["failures"][0]["message"] if p["failures"] else p.get("error")
        for p in parity["procedures"]
        if p["status"] != "pass"
    }
    assert not broken, f"{sample}: {broken}"
    totals = parity["totals"]
    assert totals["passing"] == totals["procedures"] > 0
    assert totals["cases_failed"] == 0 and totals["cases_passed"] > 100


# --------------------------------------------------------------------------- VBScript programs


@pytest.fixture(scope="module")
def scripts(tmp_path_factory) -> Path:
    """samples/vbscript-tools translated (no characterization run needed here)."""
    out = tmp_path_factory.mktemp("vbscript-tools") / "out"
    convert([SAMPLES / "vbscript-tools"], out, verify=False)
    return out


def _run_script(out: Path, module: str, *args: str) -> tuple[list[str], int]:
    """The translated script run as a program from the sample's folder, as EXPECTED.md
    runs the legacy one (`cscript //nologo <script> [args]`)."""
    env = {**os.environ, "PYTHONPATH": str(out)}
    done = subprocess.run(
        [sys.executable, "-m", f"vbscript_tools.{module}", *args],
        cwd=SAMPLES / "vbscript-tools",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert not done.stderr, done.stderr
    return done.stdout.splitlines(), done.returncode


def _expected_blocks() -> list[list[str]]:
    text = (SAMPLES / "vbscript-tools" / "EXPECTED.md").read_text(encoding="utf-8")
    return [b.splitlines() for b in re.findall(r"```expected-output\n(.*?)```", text, re.S)]


def test_vbscript_programs_print_what_expected_md_gives(scripts):
    """EXPECTED.md (hand-computed from the VBScript rules): output and exit codes of
    IniReader.vbs and LogParser.vbs, with and without arguments."""
    ini, log, errors = _expected_blocks()
    assert _run_script(scripts, "ini_reader") == (ini, 0)
    assert _run_script(scripts, "log_parser") == (log, 1)  # the log has ERROR lines
    assert _run_script(scripts, "log_parser", "/errors") == (log + errors, 1)
    assert _run_script(scripts, "ini_reader", "nope.ini") == (["Cannot read nope.ini"], 1)
    missing = _run_script(scripts, "log_parser", "nope.log")
    assert missing == (["Cannot open nope.log (error 53)"], 2)


def test_vbscript_class_members_return_what_expected_md_gives(scripts, tmp_path, monkeypatch):
    """EXPECTED.md, "Class members"; importing a script runs none of its program."""
    import importlib

    monkeypatch.syspath_prepend(str(scripts))
    monkeypatch.chdir(tmp_path)
    ini_reader = importlib.import_module("vbscript_tools.ini_reader")
    log_parser = importlib.import_module("vbscript_tools.log_parser")
    try:
        (tmp_path / "a.ini").write_text(
            "[Export]\nKeepDays = 14\nFolder=D:\\x\n[Database]\nTimeout=30\noops\n"
        )
        ini = ini_reader.IniFile()
        assert ini.load("a.ini") is True
        assert ini.get_int("Export", "KeepDays", 7) == 14
        assert ini.get_int("Export", "Folder", 7) == 7
        assert ini.get_bool("Export", "Missing", True) is True
        assert ini.has_key("DATABASE", "timeout") is True
        assert ini.bad_lines == 1
        stats = log_parser.LogStats()
        assert stats.duration_seconds == 0
        stats.add_line("garbage")
        assert stats.unparsed == 1
    finally:
        for name in [m for m in sys.modules if m.startswith("vbscript_tools")]:
            del sys.modules[name]
