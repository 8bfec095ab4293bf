"""The grammar compiler end to end: our parser.c, loaded by py-tree-sitter, parses as the
grammar says. Expected trees are hand-written in each fixture's corpus.txt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import tree_sitter
from grammar_rules import CHOICE, REPEAT, REPEAT1, SEQ, S, Y, grammar_of, parse

from transform.grammar.corpus import read_corpus, run_case
from transform.grammar.generate import generate
from transform.grammar.model import GrammarError
from transform.grammar.source import load_grammar

GRAMMAR_FIXTURES = Path(__file__).parent / "fixtures"

FIXTURES = sorted(p.name for p in GRAMMAR_FIXTURES.iterdir() if (p / "corpus.txt").exists())
CASES = [
    pytest.param(name, case, id=f"{name}:{case.name}")
    for name in FIXTURES
    for case in read_corpus(GRAMMAR_FIXTURES / name / "corpus.txt")
]


@pytest.mark.parametrize(("grammar", "case"), CASES)
def test_fixture_corpus(fixture_language, grammar, case):
    result = run_case(fixture_language(grammar), case)
    assert result.passed, result.message


def test_fields_are_reachable_through_the_node_api(fixture_language):
    root = parse(fixture_language("arith"), "1 - 2 ^ 3;")
    expression = root.named_children[0].named_children[0]
    assert expression.child_by_field_name("operator").type == "-"
    assert expression.child_by_field_name("left").text == b"1"
    power = expression.child_by_field_name("right")
    assert power.child_by_field_name("left").text == b"2"
    assert power.child_by_field_name("right").text == b"3"


def test_fields_inherited_from_hidden_rules(fixture_language):
    circle = parse(fixture_language("shapes"), "circle 1, 2 5").named_children[0]
    assert circle.type == "circle"
    assert [circle.child_by_field_name(f).text for f in ("x", "y", "radius")] == [b"1", b"2", b"5"]


def test_field_on_a_repetition_lists_every_node(fixture_language):
    polygon = parse(fixture_language("shapes"), "polygon 0,0 1,0 1,1").named_children[0]
    vertices = polygon.children_by_field_name("vertex")
    assert [v.type for v in vertices] == ["point", "point", "point"]


def test_queries_match_aliases_and_fields(fixture_language):
    language = fixture_language("shapes")
    tree = tree_sitter.Parser(language).parse(b"rect 0, 0 10, 20 group g { circle 1, 1 1 }")
    query = tree_sitter.Query(language, "(rect size: (size x: (number) @w)) (group_name) @g")
    captures = tree_sitter.QueryCursor(query).captures(tree.root_node)
    assert [n.text for n in captures["w"]] == [b"10"]
    assert [n.text for n in captures["g"]] == [b"g"]


def test_supertypes_are_exposed(fixture_language):
    language = fixture_language("shapes")
    supertypes = [language.node_kind_for_id(s) for s in language.supertypes]
    assert supertypes == ["_shape"]
    subtypes = {language.node_kind_for_id(s) for s in language.subtypes(language.supertypes[0])}
    assert subtypes == {"circle", "rect", "polygon"}


def test_case_insensitive_keywords_and_keywords_as_identifiers(fixture_language):
    language = fixture_language("keywords")
    upper = parse(language, "IF x THEN PRINT x ELSE END\nFOR to = 1 TO step\n")
    lower = parse(language, "if x then print x else end\nfor to = 1 to step\n")
    assert str(upper) == str(lower)
    assert not upper.has_error


def test_glr_dynamic_precedence_picks_the_declaration(fixture_language):
    root = parse(fixture_language("glr"), "a * b;")
    assert root.named_children[0].type == "declaration"


JSON_DOCUMENTS = [
    '{"a": [1, 2.5, -0, true, false, null, "x\\n\\"y"], "b": {}}',
    "[]",
    "[[[[]]]]",
    '{"nested": {"deeper": {"list": [1, {"k": "v"}]}}}',
    '"just a string"',
    "-12.5e3",
]


@pytest.mark.parametrize("document", JSON_DOCUMENTS)
def test_json_trees_match_the_official_parser(fixture_language, document):
    tree_sitter_json = pytest.importorskip("tree_sitter_json")
    official = tree_sitter.Language(tree_sitter_json.language())
    assert str(parse(fixture_language("json"), document)) == str(parse(official, document))


@pytest.mark.parametrize(
    "document", ['{"a": }', "[1 2]", '{"a" 1, "b": tru}', "[1,,2]", '{"x": [1, 2}', '{"a":1}}']
)
def test_json_error_recovery_matches_the_official_parser(fixture_language, document):
    tree_sitter_json = pytest.importorskip("tree_sitter_json")
    official = tree_sitter.Language(tree_sitter_json.language())
    ours = parse(fixture_language("json"), document)
    assert ours.has_error
    assert str(ours) == str(parse(official, document))


AMBIGUOUS = grammar_of(
    program=Y("expression"),
    expression=CHOICE(SEQ(Y("expression"), S("+"), Y("expression")), Y("number")),
    number={"type": "PATTERN", "value": "\\d+"},
)


def test_unresolved_conflict_is_reported_like_tree_sitter():
    with pytest.raises(GrammarError) as error:
        generate(AMBIGUOUS)
    message = str(error.value)
    assert "Unresolved conflict for symbol sequence:" in message
    assert "expression  '+'  expression  •  '+'" in message
    assert "Add a conflict for these rules: `expression`" in message
    assert "associativity" in message


def test_declared_conflict_makes_a_glr_parser():
    grammar = {**AMBIGUOUS, "conflicts": [["expression"]]}
    assert "REDUCE(" in generate(grammar).parser_c


@pytest.mark.parametrize(
    ("grammar", "fragment"),
    [
        (grammar_of(program=Y("missing")), "undefined symbol `missing`"),
        (grammar_of(program=S("")), "empty string is not a valid token"),
        (grammar_of(program={"type": "PATTERN", "value": "(a"}), "rule `program`"),
        ({"name": "probe", "rules": {}}, "no rules"),
        ({**grammar_of(program=S("a")), "word": "nope"}, "`word` names an undefined rule"),
    ],
)
def test_bad_grammars_get_clear_errors(grammar, fragment):
    with pytest.raises(GrammarError, match=None) as error:
        generate(grammar)
    assert fragment in str(error.value)


def test_generation_is_deterministic():
    grammar, _ = load_grammar(GRAMMAR_FIXTURES / "keywords" / "grammar.json")
    first, second = generate(grammar), generate(json.loads(json.dumps(grammar)))
    assert first.files() == second.files()


def test_node_types_follow_the_official_schema():
    grammar, _ = load_grammar(GRAMMAR_FIXTURES / "shapes" / "grammar.json")
    types = {(t["type"], t["named"]): t for t in json.loads(generate(grammar).node_types_json)}
    assert [s["type"] for s in types[("_shape", True)]["subtypes"]] == ["circle", "polygon", "rect"]
    circle = types[("circle", True)]["fields"]
    assert circle["radius"] == {
        "multiple": False,
        "required": True,
        "types": [{"type": "number", "named": True}],
    }
    assert circle["x"]["required"] and not circle["x"]["multiple"]
    assert types[("polygon", True)]["fields"]["vertex"]["multiple"]
    assert types[("rect", True)]["fields"]["label"]["required"] is False
    assert ("circle", False) in types  # the anonymous keyword token
    assert types[("scene", True)].get("root") is True


def test_a_token_that_can_match_nothing_is_accepted_as_tree_sitter_does(tmp_path):
    # Go's raw strings are token(prec(1, /[^`]*/)): legal, the token may be empty.
    from transform.grammar.build import generate_and_load

    body = {"type": "TOKEN", "content": {"type": "PATTERN", "value": "[^`]*"}}
    grammar = grammar_of(program=SEQ(S("`"), body, S("`")))
    language = generate_and_load(grammar, tmp_path)
    assert str(parse(language, "`abc`")) == "(program)"
    assert not parse(language, "``").has_error


def test_invalid_utf8_inside_a_negated_class_is_not_an_error(fixture_language):
    # The runtime reads an undecodable byte as lookahead -1; [^"]* must still take it.
    language = fixture_language("json")
    tree = tree_sitter.Parser(language).parse(b'["caf\xe9", 1]')
    assert not tree.root_node.has_error


def test_alias_of_a_choice_renames_each_alternative(tmp_path):
    # tree-sitter applies an alias to every step of its content (Java's grammar relies on
    # alias(CHOICE('open', 'sealed', ...), $.identifier) to make contextual keywords names).
    from transform.grammar.build import generate_and_load

    renamed = {
        "type": "ALIAS",
        "named": True,
        "value": "name",
        "content": CHOICE(S("open"), S("sealed")),
    }
    grammar = grammar_of(s={"type": "REPEAT1", "content": renamed})
    root = parse(generate_and_load(grammar, tmp_path), "open sealed")
    assert str(root) == "(s (name) (name))"


def _error_state_tokens(language: tree_sitter.Language) -> set[str]:
    return {name for _, name in language.lookahead_iterator(0)}


def test_error_recovery_lexes_the_tokens_tree_sitter_keeps(tmp_path):
    # tree-sitter's populate_error_state drops a token from the error state only if it
    # could take text from a *conflict-free* token it never appears beside. We used to drop
    # it if it could take text from any such token: here `char` (inside brackets only)
    # matches "(" and "a", and `letter` / "(" were dropped, so after a stray ")" nothing
    # could be lexed and the rest of the input became one ERROR. `char` also matches a
    # newline, which the separators skip: that makes it the one to leave out, as in the
    # official regex grammar's class_character.
    from transform.grammar.build import generate_and_load

    grammar = {
        "name": "probe",
        "extras": [{"type": "PATTERN", "value": "\\r?\\n"}],
        "rules": {
            "pattern": REPEAT1(CHOICE(Y("letter"), Y("group"), Y("set"))),
            "group": SEQ(S("(?"), S(":"), REPEAT(Y("letter")), S(")")),
            "set": SEQ(S("["), REPEAT(Y("char")), S("]")),
            "letter": {"type": "PATTERN", "value": "[^()\\[\\]\\r\\n]"},
            "char": {"type": "PATTERN", "value": "[^\\]]"},
        },
    }
    language = generate_and_load(grammar, tmp_path)
    assert _error_state_tokens(language) >= {"letter", "(?", ":", ")", "[", "]"}
    assert "char" not in _error_state_tokens(language)
    root = parse(language, ")ab")
    assert str(root) == "(pattern (ERROR) (letter) (letter))"


def test_only_tokens_starting_with_a_letter_become_keywords():
    # tree-sitter's identify_keywords takes a token as a keyword only if the word token
    # matches it and its first character is a letter or `_` (all_chars_are_alphabetical);
    # Make's `-include` and `%` match its word pattern but stay ordinary tokens, while a
    # keyword may go on with other characters (VBA's `Mid$`).
    from transform.grammar.lexer import LexicalAnalysis
    from transform.grammar.prepare import prepare

    grammar = grammar_of(
        file=REPEAT(CHOICE(Y("include"), Y("call"), Y("percent"), Y("name"))),
        include=SEQ(S("-include"), Y("name")),
        call=SEQ(S("mid$"), Y("name")),
        percent=SEQ(S("%"), Y("name")),
        name={"type": "PATTERN", "value": "[a-z_%$-]+"},
    )
    grammar["word"] = "name"
    prepared = prepare(grammar)
    keywords = {prepared.symbols[t].name for t in LexicalAnalysis(prepared).keywords}
    assert keywords == {"mid$"}


def test_a_completed_token_does_not_run_on_through_a_separator(tmp_path):
    # tree-sitter's prefer_transition: once a token is complete, the lexer does not go on
    # into another token through a separator if *any* NFA state leaves through one
    # (build_lex_table asks transition_chars, before grouping). Make's grammar: in
    # `a =` + newline, the newline token ends the assignment; the text token (which cannot
    # hold a newline) must not take `b = c` by skipping the newline as a separator.
    from transform.grammar.build import generate_and_load

    newline = {"type": "IMMEDIATE_TOKEN", "content": {"type": "PATTERN", "value": "[\\r\\n]+"}}
    grammar = grammar_of(
        file=REPEAT(Y("assign")),
        assign=SEQ(Y("name"), S("="), CHOICE(Y("text"), {"type": "BLANK"}), newline),
        name={"type": "PATTERN", "value": "[a-z]+"},
        text={"type": "PATTERN", "value": "[^\\r\\n=]+"},
    )
    language = generate_and_load(grammar, tmp_path)
    root = parse(language, "a =\nb = c\n")
    assert str(root) == "(file (assign (name)) (assign (name) (text)))"


def test_a_grammar_over_the_canonical_budget_is_built_by_merging_during_construction(
    tmp_path,
):
    # `transform grammar build --canonical-budget N`: past N canonical states the tables
    # come from construction-time merging; that parser must pass the fixture corpus too.
    from transform.grammar.build import load_language
    from transform.grammar.generate import write_files

    grammar, _ = load_grammar(GRAMMAR_FIXTURES / "keywords" / "grammar.json")
    merged = generate(grammar, canonical_budget=0)
    assert merged.parser_c != generate(grammar).parser_c
    write_files(merged, tmp_path)
    language = load_language(tmp_path, grammar["name"])
    for case in read_corpus(GRAMMAR_FIXTURES / "keywords" / "corpus.txt"):
        assert run_case(language, case).passed, case.name
