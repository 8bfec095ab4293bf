"""Committed parsers are what the generator makes of the committed grammars, and the
`transform grammar build` command writes the files it promises."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from transform.cli import main
from transform.grammar.generate import generate
from transform.grammar.source import load_grammar, node_executable

ROOT = Path(__file__).resolve().parents[2]
GRAMMARS = sorted(p for p in (ROOT / "grammars").glob("*") if (p / "grammar.js").exists())


@pytest.mark.parametrize("grammar_dir", GRAMMARS, ids=lambda p: p.name)
def test_committed_parser_matches_regeneration(grammar_dir):
    committed_json = (grammar_dir / "src" / "grammar.json").read_text()
    if node_executable():
        grammar, _ = load_grammar(grammar_dir / "grammar.js")
        assert json.loads(committed_json) == grammar, "grammar.js changed: regenerate src/"
    generated = generate(json.loads(committed_json))
    for relative, text in generated.files().items():
        committed = (grammar_dir / relative).read_text()
        if committed != text:  # not `assert ==`: pytest's diff of a 1 MB parser.c takes hours
            line = _first_difference(committed, text)
            pytest.fail(f"{relative} is stale (first difference at line {line}): regenerate src/")


def _first_difference(old: str, new: str) -> int:
    for number, (a, b) in enumerate(zip(old.splitlines(), new.splitlines(), strict=False), 1):
        if a != b:
            return number
    return min(old.count("\n"), new.count("\n")) + 1


FIXTURES = ROOT / "tests" / "grammar" / "fixtures"


def test_build_command_writes_the_four_files(tmp_path):
    result = CliRunner().invoke(
        main, ["grammar", "build", str(FIXTURES / "arith" / "grammar.json"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    for relative in ("parser.c", "tree_sitter/parser.h", "node-types.json", "grammar.json"):
        assert (tmp_path / "src" / relative).is_file()
    assert "tree_sitter_arith" in (tmp_path / "src" / "parser.c").read_text()


def test_build_command_reports_a_bad_grammar_with_its_file(tmp_path):
    bad = tmp_path / "grammar.json"
    rules = {"program": {"type": "SYMBOL", "name": "nowhere"}}
    bad.write_text(json.dumps({"name": "bad", "rules": rules}))
    result = CliRunner().invoke(main, ["grammar", "build", str(bad), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert str(bad) in result.output and "undefined symbol `nowhere`" in result.output
    assert not (tmp_path / "o").exists()


@pytest.mark.skipif(not node_executable(), reason="node is not on PATH")
def test_build_from_a_grammar_directory_runs_grammar_js(tmp_path):
    shutil.copy(FIXTURES / "shapes" / "grammar.js", tmp_path / "grammar.js")
    result = CliRunner().invoke(main, ["grammar", "build", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "src" / "grammar.json").read_text())
    assert written == json.loads((FIXTURES / "shapes" / "grammar.json").read_text())


@pytest.mark.skipif(not node_executable(), reason="node is not on PATH")
def test_build_command_points_at_the_grammar_js_line_of_a_conflict(tmp_path):
    (tmp_path / "grammar.js").write_text(
        "module.exports = grammar({\n"
        "  name: 'bad',\n"
        "  rules: {\n"
        "    program: $ => $.expression,\n"
        "    expression: $ => choice(seq($.expression, '+', $.expression), /\\d+/),\n"
        "  }\n"
        "});\n"
    )
    result = CliRunner().invoke(main, ["grammar", "build", str(tmp_path)])
    assert result.exit_code == 1
    assert "Unresolved conflict" in result.output
    assert f"{tmp_path / 'grammar.js'}:5: rule `expression`" in result.output
