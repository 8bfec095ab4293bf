"""Tests of the grammar.js DSL shim (dsl.js) and of loading grammars (source.py).

Expected JSON is written by hand from the grammar.json format (rule types SEQ, CHOICE, ...;
top-level keys name, rules, extras, conflicts, ...), not captured from the shim's output.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from transform.grammar import source
from transform.grammar.source import GrammarSourceError, load_grammar, regenerate_json

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_NAMES = ["arith", "glr", "json", "keywords", "shapes"]

needs_node = pytest.mark.skipif(
    shutil.which("node") is None, reason="node is not on PATH, so dsl.js cannot be evaluated"
)

S = {"type": "PATTERN", "value": "\\s"}


def sym(name: str) -> dict[str, Any]:
    return {"type": "SYMBOL", "name": name}


def string(value: str) -> dict[str, Any]:
    return {"type": "STRING", "value": value}


def build(tmp_path: Path, body: str, filename: str = "grammar.js") -> dict[str, Any]:
    """Evaluate a grammar.js whose text is ``body`` and return its grammar.json."""
    path = tmp_path / filename
    path.write_text(body, encoding="utf-8")
    grammar, origin = load_grammar(path)
    assert origin == path
    return grammar


def rule_of(tmp_path: Path, expression: str, extra_rules: str = "") -> dict[str, Any]:
    """The JSON of one rule body ``expression`` (other rules: a, b, c are defined)."""
    body = f"""
module.exports = grammar({{
  name: "t",
  rules: {{
    start: $ => {expression},
    a: _ => "a", b: _ => "b", c: _ => "c",
    {extra_rules}
  }},
}});
"""
    return build(tmp_path, body)["rules"]["start"]


# ---------------------------------------------------------------------------------------------
# Rule functions


@needs_node
@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('"if"', string("if")),
        ("/[a-z]+/", {"type": "PATTERN", "value": "[a-z]+"}),
        ("/if/i", {"type": "PATTERN", "value": "if", "flags": "i"}),
        ('new RustRegex("(?i)ab")', {"type": "PATTERN", "value": "(?i)ab"}),
        ("$.a", sym("a")),
        ("blank()", {"type": "BLANK"}),
        ('seq($.a, "x")', {"type": "SEQ", "members": [sym("a"), string("x")]}),
        ("choice($.a, $.b)", {"type": "CHOICE", "members": [sym("a"), sym("b")]}),
        ("optional($.a)", {"type": "CHOICE", "members": [sym("a"), {"type": "BLANK"}]}),
        ("repeat($.a)", {"type": "REPEAT", "content": sym("a")}),
        ("repeat1($.a)", {"type": "REPEAT1", "content": sym("a")}),
        (
            'token(seq("#", /.*/))',
            {
                "type": "TOKEN",
                "content": {
                    "type": "SEQ",
                    "members": [string("#"), {"type": "PATTERN", "value": ".*"}],
                },
            },
        ),
        ('token.immediate("$")', {"type": "IMMEDIATE_TOKEN", "content": string("$")}),
        ("prec(2, $.a)", {"type": "PREC", "value": 2, "content": sym("a")}),
        ('prec("sum", $.a)', {"type": "PREC", "value": "sum", "content": sym("a")}),
        ("prec.left($.a)", {"type": "PREC_LEFT", "value": 0, "content": sym("a")}),
        ("prec.left(-1, $.a)", {"type": "PREC_LEFT", "value": -1, "content": sym("a")}),
        ("prec.right($.a)", {"type": "PREC_RIGHT", "value": 0, "content": sym("a")}),
        ("prec.right(3, $.a)", {"type": "PREC_RIGHT", "value": 3, "content": sym("a")}),
        ("prec.dynamic(5, $.a)", {"type": "PREC_DYNAMIC", "value": 5, "content": sym("a")}),
        ('field("left", $.a)', {"type": "FIELD", "name": "left", "content": sym("a")}),
        ("alias($.a, $.b)", {"type": "ALIAS", "content": sym("a"), "named": True, "value": "b"}),
        ('alias($.a, "op")', {"type": "ALIAS", "content": sym("a"), "named": False, "value": "op"}),
        (
            "alias($.a, $.not_a_rule)",
            {"type": "ALIAS", "content": sym("a"), "named": True, "value": "not_a_rule"},
        ),
        (
            'reserved("names", $.a)',
            {"type": "RESERVED", "context_name": "names", "content": sym("a")},
        ),
        (
            'token(prec(1, "x"))',
            {
                "type": "TOKEN",
                "content": {"type": "PREC", "value": 1, "content": string("x")},
            },
        ),
    ],
)
def test_rule_function(tmp_path: Path, expression: str, expected: dict[str, Any]) -> None:
    assert rule_of(tmp_path, expression) == expected


@needs_node
def test_regex_source_keeps_escapes(tmp_path: Path) -> None:
    # A JS regex literal's source is kept as written: `\/` and `\d` stay escaped.
    assert rule_of(tmp_path, r"/a\/\d+/") == {"type": "PATTERN", "value": r"a\/\d+"}


# ---------------------------------------------------------------------------------------------
# Grammar-level options


@needs_node
def test_minimal_grammar_defaults(tmp_path: Path) -> None:
    grammar = build(tmp_path, 'module.exports = grammar({name: "m", rules: {s: _ => "x"}});')
    assert grammar == {
        "name": "m",
        "rules": {"s": string("x")},
        "extras": [S],
        "conflicts": [],
        "precedences": [],
        "externals": [],
        "inline": [],
        "supertypes": [],
        "reserved": {},
    }


@needs_node
def test_rules_keep_their_order(tmp_path: Path) -> None:
    grammar = build(
        tmp_path,
        'module.exports = grammar({name: "m", rules: {zz: $ => $.aa, aa: _ => "a", mm: _ => "m"}})',
    )
    assert list(grammar["rules"]) == ["zz", "aa", "mm"]


@needs_node
def test_grammar_options(tmp_path: Path) -> None:
    grammar = build(
        tmp_path,
        """
module.exports = grammar({
  name: "opts",
  word: $ => $.identifier,
  extras: $ => [/\\s/, $.comment],
  conflicts: $ => [[$.a, $.b], [$.expr]],
  precedences: $ => [["unary", $.b, "binary"]],
  inline: $ => [$._inner],
  supertypes: $ => [$._inner],
  externals: $ => [$.indent, "&&"],
  reserved: { global: $ => ["if", /else/i], other: $ => [] },
  rules: {
    expr: $ => choice($.a, $.b, $._inner, $.indent),
    a: $ => $.identifier,
    b: $ => $.identifier,
    _inner: $ => $.identifier,
    identifier: _ => /[a-z]+/,
    comment: _ => /#.*/,
  },
});
""",
    )
    assert grammar["word"] == "identifier"
    assert grammar["extras"] == [S, sym("comment")]
    assert grammar["conflicts"] == [["a", "b"], ["expr"]]
    assert grammar["precedences"] == [[string("unary"), sym("b"), string("binary")]]
    assert grammar["inline"] == ["_inner"]
    assert grammar["supertypes"] == ["_inner"]
    assert grammar["externals"] == [sym("indent"), string("&&")]
    assert grammar["reserved"] == {
        "global": [string("if"), {"type": "PATTERN", "value": "else", "flags": "i"}],
        "other": [],
    }
    assert grammar["rules"]["expr"]["members"][3] == sym("indent")


@needs_node
def test_empty_extras(tmp_path: Path) -> None:
    grammar = build(
        tmp_path, 'module.exports = grammar({name: "m", extras: $ => [], rules: {s: _ => "x"}});'
    )
    assert grammar["extras"] == []


BASE = """
module.exports = grammar({
  name: "base",
  word: $ => $.identifier,
  extras: $ => [/\\s/, $.comment],
  conflicts: $ => [[$.a, $.b]],
  inline: $ => [$._x],
  supertypes: $ => [$._x],
  reserved: { global: $ => ["if"] },
  rules: {
    start: $ => repeat(choice($.a, $.b)),
    a: $ => $.identifier,
    b: $ => seq("b", $._x),
    _x: $ => $.identifier,
    identifier: _ => /[a-z]+/,
    comment: _ => /#.*/,
  },
});
"""


@needs_node
def test_inheritance(tmp_path: Path) -> None:
    (tmp_path / "base.js").write_text(BASE, encoding="utf-8")
    grammar = build(
        tmp_path,
        """
module.exports = grammar(require("./base.js"), {
  name: "child",
  conflicts: ($, original) => original.concat([[$.c]]),
  inline: ($, original) => [...original, $.c],
  supertypes: ($, original) => original,
  extras: ($, original) => [...original, "\\\\"],
  rules: {
    b: ($, original) => choice(original, $.c),
    c: $ => seq("c", $.a),
  },
});
""",
        filename="child.js",
    )
    assert grammar["name"] == "child"
    assert grammar["inherits"] == "base"
    assert grammar["word"] == "identifier"
    assert list(grammar["rules"]) == ["start", "a", "b", "_x", "identifier", "comment", "c"]
    assert grammar["rules"]["b"] == {
        "type": "CHOICE",
        "members": [{"type": "SEQ", "members": [string("b"), sym("_x")]}, sym("c")],
    }
    assert grammar["conflicts"] == [["a", "b"], ["c"]]
    assert grammar["inline"] == ["_x", "c"]
    assert grammar["supertypes"] == ["_x"]
    assert grammar["extras"] == [S, sym("comment"), string("\\")]
    assert grammar["reserved"] == {"global": [string("if")]}


@needs_node
def test_inheritance_keeps_options_not_overridden(tmp_path: Path) -> None:
    (tmp_path / "base.js").write_text(BASE, encoding="utf-8")
    grammar = build(
        tmp_path,
        'module.exports = grammar(require("./base.js"), {name: "c2", rules: {}});',
        filename="child.js",
    )
    assert grammar["conflicts"] == [["a", "b"]]
    assert grammar["extras"] == [S, sym("comment")]
    assert grammar["inline"] == ["_x"]
    assert list(grammar["rules"])[0] == "start"


# ---------------------------------------------------------------------------------------------
# Errors


@needs_node
@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'grammar({name: "e", rules: {s: $ => seq($.nope, "x")}})',
            "Rule 's': Undefined symbol 'nope'",
        ),
        (
            'grammar({name: "e", rules: {s: $ => optional($.missing)}})',
            "Undefined symbol 'missing'",
        ),
        (
            'grammar({name: "e", conflicts: $ => [[$.s, $.ghost]], rules: {s: _ => "x"}})',
            "conflicts: Undefined symbol 'ghost'",
        ),
        (
            'grammar({name: "e", word: $ => $.ident, rules: {s: _ => "x"}})',
            "word: Undefined symbol 'ident'",
        ),
        ('grammar({name: "e", rules: {s: "x"}})', "Rule 's' must be a function"),
        ('grammar({rules: {s: _ => "x"}})', "`name`"),
        ('grammar({name: "e", rules: {s: _ => undefined}})', "Rule 's': Invalid rule"),
        ('grammar({name: "e", rules: {s: _ => prec(1)}})', "Invalid rule"),
        ('grammar({name: "e", rules: {s: _ => alias("x", 3)}})', "Invalid alias target"),
        ('grammar({name: "e", rules: {s: _ => 42}})', "Invalid rule: 42"),
        ('grammar({name: "e", inline: $ => ["s"], rules: {s: _ => "x"}})', "must list symbols"),
        ("({})", "module.exports is not the result of grammar"),
        ("syntax error here", "grammar.js"),
    ],
)
def test_errors(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "grammar.js"
    path.write_text(f"module.exports = {body};\n", encoding="utf-8")
    with pytest.raises(GrammarSourceError) as caught:
        load_grammar(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


# ---------------------------------------------------------------------------------------------
# Committed fixtures


@needs_node
@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_json_is_current(name: str) -> None:
    """The committed grammar.json is exactly what the generator would write today."""
    fixture = FIXTURES / name
    committed = (fixture / "grammar.json").read_text(encoding="utf-8")
    assert committed == regenerate_json(fixture / "grammar.js")


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_json_loads(name: str) -> None:
    grammar, origin = load_grammar(FIXTURES / name / "grammar.json")
    assert grammar["name"] == name
    assert origin.name == "grammar.json"


# ---------------------------------------------------------------------------------------------
# Loading (source.py) without needing node


def test_directory_without_node_uses_committed_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "grammar.js").write_text("this is not evaluated", encoding="utf-8")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "grammar.json").write_text(
        '{"name": "g", "rules": {"s": {"type": "BLANK"}}}', encoding="utf-8"
    )
    monkeypatch.setattr(source, "node_executable", lambda: None)
    grammar, origin = load_grammar(tmp_path)
    assert grammar == {"name": "g", "rules": {"s": {"type": "BLANK"}}}
    assert origin == tmp_path / "src" / "grammar.json"


def test_directory_json_beside_grammar(tmp_path: Path) -> None:
    (tmp_path / "grammar.json").write_text(
        '{"name": "g", "rules": {"s": {"type": "BLANK"}}}', encoding="utf-8"
    )
    assert load_grammar(tmp_path)[1] == tmp_path / "grammar.json"


@needs_node
def test_directory_prefers_grammar_js(tmp_path: Path) -> None:
    (tmp_path / "grammar.js").write_text(
        'module.exports = grammar({name: "fromjs", rules: {s: _ => "x"}});', encoding="utf-8"
    )
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "grammar.json").write_text(
        '{"name": "stale", "rules": {"s": {"type": "BLANK"}}}', encoding="utf-8"
    )
    grammar, origin = load_grammar(tmp_path)
    assert grammar["name"] == "fromjs"
    assert origin == tmp_path / "grammar.js"


def test_empty_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GrammarSourceError, match="no grammar to load"):
        load_grammar(tmp_path)


def test_grammar_js_without_node(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "grammar.js"
    path.write_text("", encoding="utf-8")
    monkeypatch.setattr(source, "node_executable", lambda: None)
    with pytest.raises(GrammarSourceError, match="node is not on PATH"):
        load_grammar(path)


def test_invalid_json_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "name": "g",\n  "rules": {,}\n}\n', encoding="utf-8")
    with pytest.raises(GrammarSourceError) as caught:
        load_grammar(path)
    assert f"{path}:3:13: invalid JSON" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "must be a JSON object"),
        ('{"rules": {"s": {"type": "BLANK"}}}', "no string 'name'"),
        ('{"name": "g", "rules": {}}', "no 'rules' object"),
    ],
)
def test_json_shape_is_checked(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "g.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GrammarSourceError, match=message):
        load_grammar(path)


def test_missing_and_unknown_paths(tmp_path: Path) -> None:
    with pytest.raises(GrammarSourceError, match="no such file"):
        load_grammar(tmp_path / "absent.json")
    other = tmp_path / "grammar.txt"
    other.write_text("", encoding="utf-8")
    with pytest.raises(GrammarSourceError, match="expected a grammar directory"):
        load_grammar(other)


@needs_node
def test_regenerate_json_format(tmp_path: Path) -> None:
    path = tmp_path / "grammar.js"
    path.write_text(
        'module.exports = grammar({name: "u", rules: {s: _ => "é"}});', encoding="utf-8"
    )
    text = regenerate_json(path)
    assert text.endswith("}\n")
    assert text == json.dumps(json.loads(text), indent=2) + "\n"
    assert '"\\u00e9"' in text


def test_dsl_js_is_package_data() -> None:
    assert source.dsl_js_resource().is_file()
