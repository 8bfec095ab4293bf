"""Non-terminal extras and shift-item precedence, on minimal grammars of our own.

Expected trees follow what tree-sitter's generator and runtime do:
- build_parse_table.rs: each first token of a non-terminal extra (an `extras` entry that is
  a syntax rule: Rust's and Lua's comments, Ruby's heredoc bodies) gets an entry state whose
  items are the extra's productions past that token, with a special lookahead that ends
  the extra; every state but those ending an extra shifts the token into it (unless it
  already has an action for it) and has the extra's goto pointing back to itself. A state
  that ends an extra does nothing else ("Extra rules must have unambiguous endings").
- the runtime (lib/src/parser.c): such a state has no lex mode (0xFFFF), so the parser
  reduces on the `end` entry without lexing; a reduction whose goto leads back to the
  state it came from marks the node as extra. Extras just before a reduction stay outside
  the reduced node.
- item.rs: an item's precedence and associativity are those of the step *before* its dot
  (`prev_step`); flatten_grammar.rs: leaving a `prec` group that does not end the
  production gives its last step the enclosing precedence back.
"""

from __future__ import annotations

import json

import pytest
import tree_sitter
from grammar_rules import (
    ALIAS,
    BLANK,
    CHOICE,
    FIELD,
    PREC,
    REPEAT,
    SEQ,
    SPACES,
    P,
    S,
    Y,
    build,
    parse,
)

from transform.grammar.generate import generate
from transform.grammar.model import GrammarError
from transform.grammar.prepare import prepare

BLOCK_COMMENT = {
    "name": "block_extra",
    "extras": [*SPACES, Y("comment")],
    "rules": {
        "doc": REPEAT(CHOICE(S("a"), Y("pair"))),
        "pair": SEQ(S("("), S("a"), S(")")),
        "comment": SEQ(S("/*"), P("[a-z]*"), S("*/")),
    },
}


@pytest.fixture(scope="module")
def block_comment(tmp_path_factory) -> tree_sitter.Language:
    return build(tmp_path_factory.mktemp("block"), BLOCK_COMMENT)


@pytest.mark.parametrize(
    "text, tree",
    [
        ("a /*x*/ a", "(doc (comment))"),
        ("/*x*/", "(doc (comment))"),
        ("a/**/a", "(doc (comment))"),
        ("/*x*/ a /*y*/ /*z*/", "(doc (comment) (comment) (comment))"),
        # between two tokens of another rule, the comment is that rule's child
        ("( /*x*/ a )", "(doc (pair (comment)))"),
        # just before a reduction it stays outside the reduced node
        ("(a) /*x*/ a", "(doc (pair) (comment))"),
    ],
)
def test_a_non_terminal_extra_is_parsed_between_any_two_tokens(block_comment, text, tree):
    root = parse(block_comment, text)
    assert str(root) == tree
    assert not root.has_error
    comments = [n for n in _walk(root) if n.type == "comment"]
    assert comments and all(n.is_extra for n in comments)


def test_an_empty_matching_token_inside_an_extra_is_taken_before_separators(block_comment):
    # `[a-z]*` matches the empty string: right after `/*` the lexer accepts it before
    # skipping a separator (tree-sitter's prefer_transition), so `/* x */` is an error
    # where `/*x*/` is not, as with the official generator
    assert parse(block_comment, "a /* x */ a").has_error
    assert not parse(block_comment, "a /*x*/ a").has_error


def test_a_token_that_matches_the_empty_string_gets_a_lex_mode_of_its_own(tmp_path):
    # Sharing a lex mode with it would hide every other token behind an empty match
    # (tree-sitter's token conflict map sees the empty match beating the separators).
    grammar = {
        "name": "empty_token",
        "extras": SPACES,
        "rules": {"doc": SEQ(REPEAT(CHOICE(SEQ(S("-"), P("[a-z]*")), S("+"))), S(";"))},
    }
    root = parse(build(tmp_path, grammar), "+ -ab - + ;")
    assert str(root) == "(doc)"
    assert not root.has_error


def test_after_a_non_terminal_extra_the_parser_is_back_in_the_state_it_left(block_comment):
    # The runtime marks a reduced node as extra when the goto on it leads back to the
    # state it was reduced in (ts_parser__reduce: `next_state == state`).
    comment = block_comment.id_for_node_kind("comment", True)
    for state in range(block_comment.parse_state_count):
        target = block_comment.next_state(state, comment)
        assert target in (0, state)
    assert block_comment.next_state(1, comment) == 1


def test_a_non_terminal_extra_after_an_error_is_still_an_extra(block_comment):
    # the error state shifts an extra's first token into the extra too (tree-sitter adds
    # that action before populate_error_state fills in RECOVER)
    root = parse(block_comment, "a ) /*x*/ a")
    assert root.has_error
    comments = [n for n in _walk(root) if n.type == "comment"]
    assert len(comments) == 1 and comments[0].is_extra and not comments[0].has_error


def test_non_terminal_extras_with_states_merged_during_construction(tmp_path, monkeypatch):
    # grammars above the canonical budget (VBA's) merge states while building: states
    # inside an extra must not merge with states outside it
    import transform.grammar.generate as generate_module

    monkeypatch.setattr(generate_module, "build_canonical_table", lambda grammar, budget: None)
    language = build(tmp_path, {**BLOCK_COMMENT, "name": "block_extra_pager"})
    assert str(parse(language, "( /*x*/ a ) /*y*/ a")) == "(doc (pair (comment)) (comment))"


def test_node_types_mark_a_non_terminal_extra(tmp_path):
    generated = generate(BLOCK_COMMENT)
    entries = {(e["type"], e["named"]): e for e in json.loads(generated.node_types_json)}
    assert entries[("comment", True)].get("extra") is True
    assert "extra" not in entries[("pair", True)]


def test_a_non_terminal_extra_keeps_its_fields_aliases_and_inner_rules(tmp_path):
    # Lua's comment: fields and an aliased pattern; Ruby's heredoc body: inner rules
    grammar = {
        "name": "lua_like",
        "extras": [Y("comment"), *SPACES],
        "rules": {
            "doc": REPEAT(S("x")),
            "comment": SEQ(
                FIELD("start", S("--")),
                FIELD("content", ALIAS(P("[a-z]+"), "comment_content")),
            ),
            "body": SEQ(S("<<"), REPEAT(CHOICE(Y("word"), Y("interpolation"))), S(">>")),
            "word": P("[a-z]+"),
            "interpolation": SEQ(S("#{"), S("x"), S("}")),
        },
    }
    grammar["extras"].append(Y("body"))
    language = build(tmp_path, grammar)
    root = parse(language, "x -- note\nx << ab #{ x } cd >> x")
    assert str(root) == (
        "(doc (comment content: (comment_content)) (body (word) (interpolation) (word)))"
    )
    assert not root.has_error
    assert root.children[1].child_by_field_name("start").type == "--"


def test_extras_are_parsed_inside_a_non_terminal_extra(tmp_path):
    # every state but those ending an extra shifts the first tokens of the extras
    grammar = {
        "name": "nested_extra",
        "extras": [*SPACES, Y("block"), Y("line")],
        "rules": {
            "doc": REPEAT(S("a")),
            "block": SEQ(S("{*"), REPEAT(S("w")), S("*}")),
            "line": SEQ(S("#"), S("x")),
        },
    }
    root = parse(build(tmp_path, grammar), "a {* w # x w *} a")
    assert str(root) == "(doc (block (line)))"
    assert not root.has_error


def test_productions_of_extras_sharing_a_first_token_share_one_entry_state(tmp_path):
    grammar = {
        "name": "shared_start",
        "extras": [*SPACES, Y("short"), Y("long")],
        "rules": {
            "doc": REPEAT(S("a")),
            "short": SEQ(S("#"), S("x")),
            "long": SEQ(S("#"), S("y"), S("z")),
        },
    }
    root = parse(build(tmp_path, grammar), "a # x a # y z a")
    assert str(root) == "(doc (short) (long))"


def test_a_token_with_a_meaning_of_its_own_is_not_taken_as_an_extra_start(tmp_path):
    # the entry shift is added only where the state has no action for the token yet:
    # after `a`, `#` is the grammar's own operator
    grammar = {
        "name": "own_meaning",
        "extras": [*SPACES, Y("comment")],
        "rules": {
            "doc": REPEAT(Y("item")),
            "item": SEQ(S("a"), CHOICE(SEQ(S("#"), S("b")), BLANK)),
            "comment": SEQ(S("#"), S("c")),
        },
    }
    root = parse(build(tmp_path, grammar), "# c a # b")
    assert str(root) == "(doc (comment) (item))"
    assert not root.has_error


def test_an_extra_must_end_unambiguously():
    grammar = {
        "name": "ambiguous_end",
        "extras": [*SPACES, Y("comment")],
        "rules": {"doc": REPEAT(S("a")), "comment": SEQ(S("/*"), CHOICE(S("x"), BLANK))},
    }
    with pytest.raises(GrammarError, match="unambiguous endings"):
        generate(grammar)


def test_an_extra_must_start_with_a_token():
    grammar = {
        "name": "starts_with_rule",
        "extras": [*SPACES, Y("comment")],
        "rules": {
            "doc": REPEAT(S("a")),
            "comment": SEQ(Y("start"), S("x")),
            "start": SEQ(S("/"), S("*")),
        },
    }
    with pytest.raises(GrammarError, match="non-terminal `extra`"):
        generate(grammar)


# -- shift-item precedence ------------------------------------------------------------------

# `?` binds its right operand at precedence 2, but the item `expr → expr • ? expr` has only
# passed `expr`, outside that group: its precedence is none, so a reduction of `-` (1)
# or of `?` (2) wins over shifting `?`. Reading the step at the dot (2) instead shifted
# `?` after `x - x` and left `x ? x • ?` unresolved.
TERNARY_LIKE = {
    "name": "shift_prec",
    "extras": SPACES,
    "rules": {
        "doc": Y("expr"),
        "expr": CHOICE(
            PREC("PREC_LEFT", 1, SEQ(Y("expr"), S("-"), Y("expr"))),
            SEQ(Y("expr"), PREC("PREC", 2, SEQ(S("?"), Y("expr")))),
            S("x"),
        ),
    },
}


@pytest.mark.parametrize(
    "text, tree",
    [
        ("x - x ? x", "(doc (expr (expr (expr) (expr)) (expr)))"),
        ("x ? x - x", "(doc (expr (expr (expr) (expr)) (expr)))"),
        ("x ? x ? x", "(doc (expr (expr (expr) (expr)) (expr)))"),
    ],
)
def test_a_shift_item_has_the_precedence_of_the_step_before_its_dot(tmp_path, text, tree):
    root = parse(build(tmp_path, TERNARY_LIKE), text)
    assert str(root) == tree


def _steps(grammar: dict, rule: str) -> list[list[tuple[str, object, object]]]:
    prepared = prepare(grammar)
    names = [s.name for s in prepared.symbols]
    lhs = names.index(rule)
    return [
        [(names[s.symbol], s.precedence, s.associativity) for s in prepared.productions[p].steps]
        for p in prepared.productions_of[lhs]
    ]


def test_leaving_a_prec_group_that_does_not_end_the_production_restores_the_outer_one():
    # flatten_grammar.rs test_flatten_grammar: seq(1, prec_left(101, seq(2,
    # choice(prec_right(102, seq(3, 4)), 5), 6)), 7)
    rules = {
        "test": SEQ(
            Y("n1"),
            PREC(
                "PREC_LEFT",
                101,
                SEQ(
                    Y("n2"),
                    CHOICE(PREC("PREC_RIGHT", 102, SEQ(Y("n3"), Y("n4"))), Y("n5")),
                    Y("n6"),
                ),
            ),
            Y("n7"),
        ),
        **{f"n{i}": SEQ(S(f"t{i}"), S(f"u{i}")) for i in range(1, 8)},
    }
    assert _steps({"name": "flatten", "rules": rules}, "test") == [
        [
            ("n1", None, None),
            ("n2", 101, "left"),
            ("n3", 102, "right"),
            ("n4", 101, "left"),
            ("n6", None, None),
            ("n7", None, None),
        ],
        [
            ("n1", None, None),
            ("n2", 101, "left"),
            ("n5", 101, "left"),
            ("n6", None, None),
            ("n7", None, None),
        ],
    ]


def test_a_prec_group_that_ends_the_production_keeps_its_precedence():
    # flatten_grammar.rs test_flatten_grammar_with_final_precedence
    rules = {
        "test": PREC("PREC_LEFT", 101, SEQ(Y("n1"), Y("n2"))),
        "n1": SEQ(S("a"), S("b")),
        "n2": SEQ(S("c"), S("d")),
    }
    assert _steps({"name": "final", "rules": rules}, "test") == [
        [("n1", 101, "left"), ("n2", 101, "left")]
    ]


def test_prec_without_associativity_keeps_the_enclosing_one_and_outer_wrappers_win():
    # flatten_grammar.rs keeps an associativity stack apart from the precedence stack;
    # rules.rs add_metadata merges directly nested wrappers, the outer settings last
    rules = {
        "test": CHOICE(
            PREC("PREC_LEFT", 1, SEQ(Y("n1"), PREC("PREC", 2, Y("n2")))),
            PREC("PREC", 3, PREC("PREC_RIGHT", 4, Y("n1"))),
        ),
        "n1": SEQ(S("a"), S("b")),
        "n2": SEQ(S("c"), S("d")),
    }
    assert _steps({"name": "nested", "rules": rules}, "test") == [
        [("n1", 1, "left"), ("n2", 2, "left")],
        [("n1", 3, "right")],
    ]


def _walk(node: tree_sitter.Node):
    yield node
    for child in node.children:
        yield from _walk(child)
