"""End to end on samples/string-utils: convert (translate, characterize, verify), then every
procedure the rules translated must pass all of its characterization cases.

Known failures are listed with the bug they show (reported to the translation owner); they
are expected failures, not hidden ones: pytest -ra lists them, and once fixed they XPASS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transform.convert.pipeline import convert

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "string-utils"

KNOWN_BUGS = {
    "Clamp": 'Variant comparison without a_variant/b_variant ("" < 0 raises 13); If Null',
    "NumberToWords": "Long arithmetic past 2^31 does not raise Overflow (error 6): Long uses "
    "Python's int, a deviation documented in docs/translation.md",
    "BenchmarkTitleCase": "Declare'd GetTickCount raises 453 in Python; the oracle records it",
}


@pytest.fixture(scope="module")
def parity(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("string-utils") / "out"
    convert([SAMPLE], out)
    assert (out / "report" / "index.html").exists()
    return json.loads((out / "verify.json").read_text(encoding="utf-8"))


def test_every_public_procedure_has_golden_cases(parity):
    names = {p["procedure"] for p in parity["procedures"]}
    assert {"IsValidLuhn", "ToRoman", "FromRoman", "TitleCase", "IsoWeekNumber"} <= names
    assert parity["totals"]["cases"] > 300


def test_translated_procedures_keep_parity(parity):
    broken = {
        p["procedure"]: p["failures"][0]["message"] if p["failures"] else p.get("error")
        for p in parity["procedures"]
        if p["status"] in ("fail", "error") and p["procedure"] not in KNOWN_BUGS
    }
    assert not broken


@pytest.mark.parametrize("procedure", sorted(KNOWN_BUGS))
def test_known_translation_bugs(parity, procedure):
    entry = next(p for p in parity["procedures"] if p["procedure"] == procedure)
    if entry["status"] != "pass":
        pytest.xfail(f"{procedure}: {KNOWN_BUGS[procedure]}")
