"""Golden cases recorded from the legacy code, and the pytest files rendered from them.

Expected values come from the VBA language reference, cited per test; the interpreter is
the oracle under test here, the characterize stage the code under test."""

from __future__ import annotations

import datetime as dt
import decimal
import importlib.util
import json
from pathlib import Path

import pytest

from transform.characterize import characterize
from transform.characterize.golden import foreign_files
from transform.characterize.inputs import argument_lists, seed_for
from transform.characterize.vba_golden import decode, display, encode, same
from transform.parse.vba_lower import parse_text
from transform.runtimes.vba import values as V

_SPEC = importlib.util.spec_from_file_location(
    "calc_project", Path(__file__).parent.parent / "verify" / "calc.py"
)
calc = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(calc)


@pytest.fixture(scope="module")
def recorded() -> dict[str, str]:
    return characterize(calc.translation(), "out").files


def golden(files: dict[str, str], procedure: str) -> dict:
    return json.loads(files[f"golden/modCalc/{procedure}.json"])


def cases(files: dict[str, str], procedure: str) -> list[dict]:
    return [c for c in golden(files, procedure)["cases"] if "expect" in c]


def test_public_procedures_get_golden_files_private_ones_do_not(recorded):
    names = {p for p in recorded if p.startswith("golden/modCalc/")}
    assert names == {f"golden/modCalc/{p}.json" for p in ("Half", "Greet", "SafeDivide", "Twice")}
    data = golden(recorded, "Half")
    assert data["source"] == "interpreter" and data["format"] == "transform-golden/1"
    assert data["python_module"] == "mod_calc" and data["python_name"] == "half"
    assert data["parameters"] == [
        {"name": "x", "type": "Integer", "mode": "byval", "optional": False, "array": False}
    ]


def test_integer_division_truncates_and_boundaries_are_tried(recorded):
    """'\\ operator': operands rounded to Integer/Long, the quotient truncated toward zero."""
    seen = set()
    for case in cases(recorded, "Half"):
        x = case["arguments"][0]["value"]
        seen.add(x)
        expected = abs(x) // 2 * (1 if x >= 0 else -1)
        assert case["expect"]["return"] == {"type": "Integer", "value": expected}
        assert case["expect"]["error"] is None and case["expect"]["output"] == []
    assert {0, -1, 32767, -32768} <= seen


def test_debug_print_lines_are_recorded(recorded):
    """Debug.Print writes one line per statement to the Immediate window ("Print method")."""
    found = cases(recorded, "Greet")
    assert found
    for case in found:
        name = case["arguments"][0]["value"]
        assert case["expect"]["output"] == [f"Hello, {name}"]
        assert case["expect"]["return"] is None
    assert "" in {c["arguments"][0]["value"] for c in found}


def test_raised_errors_are_recorded_with_number_and_description(recorded):
    """Err.Raise 11: 'Division by zero' (Trappable errors table); -2147483648 \\ -1 does not
    fit a Long: 'Overflow (Error 6)'."""
    by_args = {
        tuple(a["value"] for a in c["arguments"]): c["expect"]
        for c in cases(recorded, "SafeDivide")
    }
    zero = [e for (a, b), e in by_args.items() if b == 0]
    assert zero and all(
        e["error"] == {"number": 11, "description": "Division by zero"} for e in zero
    )
    assert all(e["return"] is None for e in zero)
    for (a, b), expect in by_args.items():
        if b != 0 and -(2**31) <= int(a / b) < 2**31:
            assert expect["return"] == {"type": "Long", "value": int(a / b)}


def test_byref_arguments_are_recorded_after_the_call(recorded):
    """A ByRef argument is the caller's variable: the Sub's assignment is seen after the
    call ('Passing arguments efficiently'); on Overflow the variable keeps its value."""
    for case in cases(recorded, "Twice"):
        n = case["arguments"][0]["value"]
        after = case["expect"]["byref"]["n"]
        if -(2**31) <= 2 * n < 2**31:
            assert after == {"type": "Long", "value": 2 * n}
        else:
            assert case["expect"]["error"]["number"] == 6 and after["value"] == n


def test_recording_is_reproducible(recorded):
    again = characterize(calc.translation(), "out").files
    assert again == recorded


def test_inputs_come_from_types_literals_and_a_fixed_seed():
    module = parse_text(
        "Public Function F(ByVal s As String, ByVal d As Date) As Long\n"
        '    If s = "MAGIC" Then F = 1\n'
        "End Function\n",
        "Module1.bas",
    )
    proc = module.procedures[0]
    seed = seed_for("Module1", "F")
    lists = argument_lists(proc, seed)
    assert lists == argument_lists(proc, seed) and 1 < len(lists) <= 24
    strings = {a[0]["value"] for a in lists}
    dates = {a[1]["text"] for a in lists}
    assert "MAGIC" in strings and "" in strings
    assert "1899-12-30 00:00:00" in dates  # the Date epoch (MS-VBAL 2.2)


def test_rendered_tests_call_the_translation_the_documented_way(recorded):
    text = recorded["tests/test_mod_calc.py"]
    assert "def call_half(module, args, workbook):" in text
    assert "return module.half(*args)" in text
    assert "harness.check(case, MODULE, call_twice, byref=((0, 'n'),))" in text
    assert "return byref_out(module.twice(*args), args, (0,), function=False)" in text
    assert 'load_cases(GOLDEN / "SafeDivide.json")' in text
    assert "hidden" not in text
    compile(text, "test_mod_calc.py", "exec")
    assert 'PACKAGE = "calc"' in recorded["tests/conftest.py"]
    assert "class Harness" in recorded["tests/vba_golden.py"]


def test_golden_files_recorded_elsewhere_are_kept(tmp_path):
    theirs = {
        "format": "transform-golden/1",
        "source": "excel-16.0",
        "procedure": "Half",
        "cases": [],
    }
    target = tmp_path / "golden" / "modCalc"
    target.mkdir(parents=True)
    (target / "Half.json").write_text(json.dumps(theirs))
    (target / "Greet.json").write_text(json.dumps({"source": "interpreter", "cases": []}))
    assert set(foreign_files(tmp_path)) == {"golden/modCalc/Half.json"}
    files = characterize(calc.translation(), "out", previous=tmp_path).files
    assert json.loads(files["golden/modCalc/Half.json"]) == theirs
    assert json.loads(files["golden/modCalc/Greet.json"])["source"] == "interpreter"


def test_values_compare_by_vba_type_not_python_type():
    """Integer/Long are integral types; Boolean True is -1 only after conversion, so a
    bool is not an int here; Currency keeps four decimals (Data type summary)."""
    assert same(encode(V.Integer(5)), 5)
    assert not same(encode(-1), True)
    assert not same(encode(V.Empty), None)
    assert same(encode(V.Currency.from_decimal(decimal.Decimal("1.5"))), decimal.Decimal("1.50"))
    assert same(encode(V.Date(45322.0)), dt.datetime(2024, 1, 31))
    assert same(encode(V.Single(0.1)), 0.1)
    assert (
        display(encode('a"b')) == '"a""b"'
        and display(encode(V.Date(0.5))) == "#1899-12-30 12:00:00#"
    )
    assert type(decode(encode(V.Integer(3)), V)) is V.Integer
    assert decode({"type": "Date", "value": -1.25}) == dt.datetime(1899, 12, 29, 6, 0)
