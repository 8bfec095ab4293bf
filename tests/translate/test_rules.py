"""Every rule's before/after examples hold, and the engine's promises: untranslated code
becomes explicit markers recorded as data, every line maps back to its legacy lines, user
rules override ours without an engine change, and bad rule files are named precisely."""

from __future__ import annotations

import ast
import textwrap

import pytest

from transform.translate.examples import translate_example
from transform.translate.module import translate_module
from transform.translate.rules import RULES_DIR, RuleError, load_rules

RULE_FILES = sorted((RULES_DIR / "vba").glob("*.yaml"))


def _examples():
    import yaml

    for path in RULE_FILES:
        for rule in yaml.safe_load(path.read_text())["rules"]:
            for index, _example in enumerate(rule["examples"]):
                yield pytest.param(rule["id"], index, id=f"{rule['id']}#{index + 1}")


@pytest.mark.parametrize(("rule_id", "index"), list(_examples()))
def test_rule_example(vba_rules, vba_language, rule_id, index):
    example = vba_rules.get(rule_id).examples[index]
    actual = translate_example(vba_rules, vba_language, example)
    assert actual.strip() == example.python.strip(), f"{rule_id}\nVBA:\n{example.vba}"


MODULE = """Attribute VB_Name = "Demo"
Option Explicit
' Sums the numbers from 1 to n
Public Function SumTo(ByVal n As Long) As Long
    Dim i As Long, total As Long
    For i = 1 To n
        total = total + i
    Next i
    SumTo = total
End Function

Public Sub Odd()
    GoSub Handler
    Debug.Print SumTo(3)
    Exit Sub
Handler:
    Debug.Print Err.Description
End Sub
"""


def translate(vba_rules, vba_language, text=MODULE):
    return translate_module(vba_rules, vba_language, text, "demo", "Demo.bas")


def test_translated_module_is_valid_python(vba_rules, vba_language):
    code = translate(vba_rules, vba_language).code
    ast.parse(code)
    assert "def sum_to(n: int) -> int:" in code
    assert "for i in range(1, n + 1):" in code


def test_untranslated_statements_are_markers_and_fragments(vba_rules, vba_language):
    translation = translate(vba_rules, vba_language)
    assert "raise NotImplementedError('VBA: GoSub Handler')" in translation.code
    on_error = [f for f in translation.fragments if f.node_type == "gosub_statement"]
    assert len(on_error) == 1
    assert on_error[0].procedure == "Odd"
    assert on_error[0].start_line == 13
    assert on_error[0].text == "GoSub Handler"


def test_every_generated_line_maps_to_its_legacy_lines(vba_rules, vba_language):
    translation = translate(vba_rules, vba_language)
    lines = translation.code.splitlines()
    assert len(translation.origins) == len(lines)
    by_text = {
        line.strip(): origin for line, origin in zip(lines, translation.origins, strict=True)
    }
    assert by_text["for i in range(1, n + 1):"].start_line == 6
    assert by_text["total = vba.add(total, i)"].start_line == 7
    assert by_text["total = vba.add(total, i)"].rule == "VBA-STMT-002"
    assert by_text["result = total"].rule == "VBA-STMT-001"
    assert by_text["# Sums the numbers from 1 to n"].rule == "comment"


def test_user_rules_override_and_extend_ours(tmp_path, vba_language):
    (tmp_path / "mine.yaml").write_text(
        textwrap.dedent(
            """
            family: house style
            rules:
              - id: VBA-STMT-060
                description: Debug.Print goes to our logger.
                pattern: |-
                  (print_statement object: (identifier) @object) @node
                template: "log.debug({{ print_items(node) }})"
                examples:
                  - vba: 'Debug.Print "x"'
                    python: "log.debug('x')"
            """
        )
    )
    rules = load_rules(vba_language, extra_dirs=(tmp_path,))
    example = rules.get("VBA-STMT-060").examples[0]
    assert translate_example(rules, vba_language, example) == "log.debug('x')"
    assert rules.get("VBA-STMT-060").family == "house style"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("rules:\n  - id: X\n", "missing description, pattern, template"),
        (
            "rules:\n  - id: X\n    description: d\n    pattern: (nonsense_node) @node\n"
            "    template: x\n    examples: [{vba: a, python: b}]\n",
            "invalid pattern",
        ),
        (
            "rules:\n  - id: X\n    description: d\n    pattern: (identifier)\n"
            "    template: x\n    examples: [{vba: a, python: b}]\n",
            "must capture the translated node as @node",
        ),
        (
            "rules:\n  - id: X\n    description: d\n    pattern: (identifier) @node\n"
            "    template: x\n",
            "needs at least one example",
        ),
        ("rules: [\n", "not valid YAML"),
        (
            "rules:\n  - id: X\n    description: d\n    pattern: (identifier) @literal @node\n"
            "    template: x\n    examples: [{vba: a, python: b}]\n",
            "capture names @literal would hide template functions",
        ),
    ],
)
def test_bad_rule_files_are_reported_with_file_and_rule(tmp_path, vba_language, content, message):
    (tmp_path / "bad.yaml").write_text(content)
    with pytest.raises(RuleError) as error:
        load_rules(vba_language, extra_dirs=(tmp_path,))
    assert str(tmp_path / "bad.yaml") in str(error.value)
    assert message in str(error.value)


def test_compound_operands_keep_their_precedence(vba_rules, vba_language):
    # Trim$(a & b & " " & s) once became `a + b + ' ' + s.strip(' ')`: Trim applied to the
    # last operand only (found by characterization of NumberToWords).
    from transform.translate.rules import Example

    vba = 'Dim a, b As String, s As String\nx = Trim$(a & b & " " & s)'  # a is a Variant
    code = translate_example(vba_rules, vba_language, Example(vba, "", "statement"))
    last = code.splitlines()[-1]
    from transform.runtimes.vba import operators

    class Support:
        concat = staticmethod(operators.concat)

    namespace: dict = {}
    exec(last, {"vba": Support, "a": " p", "b": "q ", "s": "r "}, namespace)
    # "Trim function": removes leading and trailing spaces of the whole string " pq  r ".
    assert namespace["x"] == "pq  r"


@pytest.mark.parametrize(
    ("code", "atom"),
    [
        ("x", True),
        ("vba.concat(a, b)", True),
        ("(a - b)", True),
        ("vba.concat(a, b) + c", False),  # the old `startswith("vba.")` test called this atomic
        ("(a) + (b)", False),
        ("-1", False),
        ("not f", False),
    ],
)
def test_operands_are_parenthesised_unless_atomic(code, atom):
    from transform.translate.engine import _is_atom

    assert _is_atom(code) is atom
