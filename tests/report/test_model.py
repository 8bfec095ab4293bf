"""The report's input contracts: verify.json and translation.json loading, statuses, diffs."""

from __future__ import annotations

import copy

import pytest

from transform.report.assemble import compare_outcomes, output_diff
from transform.report.model import (
    InputError,
    Outcome,
    ProcedureParity,
    TranslationSummary,
    VbaError,
    VerifyResult,
)

from .outputs import translation_json, verify_json


def test_verify_json_round_trip_of_the_documented_shape() -> None:
    result = VerifyResult.from_json(verify_json())
    shout = result.lookup("mod_greet", "SHOUT")  # VBA names are case-insensitive
    assert shout is not None and shout.status == "fail"
    failure = shout.failures[0]
    assert failure.arguments[0].name == "sText"
    assert failure.expected.byref == {"sText": '"ABC"'}
    assert failure.actual.error == VbaError(None, "NotImplementedError: VBA: sText = UCase$")
    assert result.lookup("mod_greet", "Greet").status == "pass"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.pop("schema"), "missing field 'schema'"),
        (lambda d: d.update(schema=99), "schema 99 is newer"),
        (lambda d: d["procedures"][0].update(cases="3"), "procedures[0].cases: expected int"),
        (
            lambda d: d["procedures"][1]["failures"][0].pop("expected"),
            "procedures[1].failures[0]: missing field 'expected'",
        ),
        (
            lambda d: d["procedures"][1]["failures"][0]["actual"].update(error={}),
            "actual.error: an error needs a 'number' or a 'description'",
        ),
    ],
)
def test_malformed_verify_json_names_the_field(edit, message: str) -> None:
    data = copy.deepcopy(verify_json())
    edit(data)
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        VerifyResult.from_json(data)


@pytest.mark.parametrize(
    ("counts", "error", "status"),
    [
        ((3, 3, 0), None, "pass"),
        ((3, 2, 1), None, "fail"),
        ((0, 0, 0), None, "untested"),
        ((1, 1, 0), "module does not import", "error"),
    ],
)
def test_parity_status(counts, error, status) -> None:
    assert ProcedureParity("m", "P", *counts, error=error).status == status


def test_vba_error_display() -> None:
    assert VbaError(5, "Invalid procedure call or argument").display() == (
        "Error 5: Invalid procedure call or argument"
    )
    assert VbaError(11).display() == "Error 11"
    assert VbaError(None, "TypeError: boom").display() == "TypeError: boom"


def test_translation_json_keeps_origins_aligned_with_python_lines() -> None:
    summary = TranslationSummary.from_json(translation_json())
    module = summary.modules[0]
    assert module.python_path == "greet/mod_greet.py"
    assert module.origins[0] is None
    assert (module.origins[4].start_line, module.origins[4].rule) == (5, "VBA-STMT-001")
    assert module.fragments[0].procedure == "Shout"


def test_compare_outcomes_lists_every_field_either_side_has() -> None:
    expected = Outcome.from_json(
        {
            "return_value": "3",
            "byref": {"a": "1"},
            "cells": [{"sheet": "S", "address": "A1", "value": 1}],
        },
        "e",
    )
    actual = Outcome.from_json(
        {
            "return_value": "3",
            "byref": {"b": "2"},
            "error": {"number": 6, "description": "Overflow"},
            "cells": [
                {"sheet": "S", "address": "A1", "value": "1"},
                {"sheet": "S", "address": "B2"},
            ],
        },
        "a",
    )
    fields = {
        f.label: (f.expected, f.actual, f.differs) for f in compare_outcomes(expected, actual)
    }
    assert fields["return value"] == ("3", "3", False)
    assert fields["error"] == ("(none)", "Error 6: Overflow", True)
    assert fields["ByRef a"] == ("1", "(nothing)", True)
    assert fields["ByRef b"] == ("(nothing)", "2", True)
    assert fields["cell S!A1"] == ("1", "1", False)
    assert fields["cell S!B2"] == ("(nothing)", "(nothing)", False)


def test_output_diff_marks_legacy_and_python_lines() -> None:
    assert output_diff(["a", "b"], ["a", "b"]) == []
    assert output_diff(["a", "B", "c"], ["a", "b", "c"]) == [
        (" ", "a"),
        ("-", "B"),
        ("+", "b"),
        (" ", "c"),
    ]
