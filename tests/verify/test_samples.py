"""End to end on the VBA/VB6 samples: convert (translate, characterize, verify), then the
samples translate by rules alone and every characterized procedure passes all of its
cases: the translation prints and returns what the legacy code does (issue #6). One
conversion per sample serves every test of this module."""

from __future__ import annotations

import json
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
