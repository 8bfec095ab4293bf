"""`transform convert` never stops on one module's input: a module whose translation
fails is reported with its file and the place in it, and the other modules convert."""

from __future__ import annotations

import json

from transform.convert.pipeline import convert

BROKEN_RULE = """\
family: broken
rules:
  - id: TEST-BROKEN-001
    description: A rule whose template fails on every Close statement.
    pattern: |-
      (close_statement) @node
    priority: 100
    template: "{{ node.named_children[7].type }}"
    examples:
      - vba: "Close #1"
        python: "never rendered"
"""


def test_a_module_whose_translation_fails_is_reported_and_the_run_goes_on(tmp_path):
    sources = tmp_path / "project"
    sources.mkdir()
    (sources / "Good.bas").write_text(
        'Attribute VB_Name = "Good"\r\nPublic Function Twice(ByVal n As Long) As Long\r\n'
        "    Twice = n * 2\r\nEnd Function\r\n"
    )
    (sources / "Bad.bas").write_text(
        'Attribute VB_Name = "Bad"\r\nPublic Sub Shut()\r\n    Close #1\r\nEnd Sub\r\n'
    )
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "broken.yaml").write_text(BROKEN_RULE)

    result = convert([sources], tmp_path / "out", rules_dirs=(rules,), verify=False)

    [error] = result.errors
    assert "Bad.bas" in error
    assert "line 3, column 5, rule TEST-BROKEN-001" in error
    assert (tmp_path / "out" / "project" / "good.py").exists()
    assert not (tmp_path / "out" / "project" / "bad.py").exists()
    summary = json.loads((tmp_path / "out" / "translation.json").read_text())
    statuses = {p["name"]: p["translated"] for m in summary["per_module"] for p in m["procedures"]}
    assert statuses == {"Twice": True, "Shut": False}


def test_a_module_the_oracle_cannot_read_is_reported_and_the_others_are_characterized(
    tmp_path,
):
    """VB6 graphics statements (`p.PSet (1, 2), 0`) are not in the interpreter: the module
    gets no golden cases and an error naming the file and position; the run goes on."""
    sources = tmp_path / "project"
    sources.mkdir()
    (sources / "Good.bas").write_text(
        'Attribute VB_Name = "Good"\r\nPublic Function Twice(ByVal n As Long) As Long\r\n'
        "    Twice = n * 2\r\nEnd Function\r\n"
    )
    (sources / "Pic.bas").write_text(
        'Attribute VB_Name = "Pic"\r\nPublic Sub Draw(ByVal p As Object)\r\n'
        "    p.PSet (1, 2), 0\r\nEnd Sub\r\n"
    )

    result = convert([sources], tmp_path / "out", verify=False)

    [error] = result.errors
    assert "pic: not characterized" in error and "Pic.bas:3:12" in error
    assert (tmp_path / "out" / "golden" / "Good" / "Twice.json").exists()
    assert not (tmp_path / "out" / "golden" / "Pic").exists()
