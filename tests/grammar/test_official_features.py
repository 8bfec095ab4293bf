"""Features the official grammars use (Python, JavaScript, TypeScript, Bash, CSS, HTML,
C++), each on a minimal grammar of our own. Expected trees follow tree-sitter's generator:
the module named in each test is where it decides the behaviour."""

from __future__ import annotations

from grammar_rules import BLANK, CHOICE, REPEAT, SEQ, SPACES, P, S, Y, build, parse

# A scanner that never recognises anything: the internal lexer must do all the work.
NULL_SCANNER = """
#include "tree_sitter/parser.h"
void *tree_sitter_NAME_external_scanner_create(void) { return 0; }
void tree_sitter_NAME_external_scanner_destroy(void *p) { (void)p; }
unsigned tree_sitter_NAME_external_scanner_serialize(void *p, char *b) {
  (void)p; (void)b; return 0;
}
void tree_sitter_NAME_external_scanner_deserialize(void *p, const char *b, unsigned n) {
  (void)p; (void)b; (void)n;
}
bool tree_sitter_NAME_external_scanner_scan(void *p, TSLexer *l, const bool *valid) {
  (void)p; (void)l; (void)valid; return false;
}
"""


def null_scanner(grammar: dict) -> str:
    return NULL_SCANNER.replace("NAME", grammar["name"])


def test_an_external_that_is_also_a_rule_is_lexed_internally_when_the_scanner_declines(
    tmp_path,
):
    # extract_tokens.rs: an external naming a rule gets that rule as its internal token
    # (Python's and JavaScript's `comment`, TypeScript's `escape_sequence`).
    grammar = {
        "name": "ext_rule",
        "externals": [Y("comment")],
        "extras": [*SPACES, Y("comment")],
        "rules": {"doc": REPEAT(S("a")), "comment": P("#[^\\n]*")},
    }
    root = parse(build(tmp_path, grammar, null_scanner(grammar)), "a # c\na")
    assert str(root) == "(doc (comment))"


def test_string_and_pattern_externals_are_ordinary_tokens_too(tmp_path):
    # Bash declares `/\n/` as an external; Python and HTML declare `)`, `]`, `/>`: the
    # internal lexer must still produce them when the scanner does not.
    pattern = {
        "name": "ext_pattern",
        "externals": [P("\\n")],
        "extras": [P("[ \\t]")],
        "rules": {"doc": REPEAT(SEQ(S("a"), P("\\n")))},
    }
    root = parse(build(tmp_path / "p", pattern, null_scanner(pattern)), "a\na\n")
    assert str(root) == "(doc)" and not root.has_error
    string = {
        "name": "ext_string",
        "externals": [S(")")],
        "extras": SPACES,
        "rules": {"doc": REPEAT(SEQ(S("("), S("a"), S(")")))},
    }
    root = parse(build(tmp_path / "s", string, null_scanner(string)), "(a)(a)")
    assert str(root) == "(doc)" and not root.has_error


def test_an_immediate_token_beats_the_same_string_declared_as_a_plain_token(tmp_path):
    # expand_tokens.rs get_implicit_precedence: 2 for a string, +1 for token.immediate (CSS
    # `rgb(1)` is a call, `a (b)` is not).
    grammar = {
        "name": "immediate",
        "extras": SPACES,
        "rules": {
            "doc": REPEAT(CHOICE(Y("paren"), Y("call"), Y("id"))),
            "paren": SEQ(S("("), S(")")),
            "call": SEQ(Y("id"), {"type": "IMMEDIATE_TOKEN", "content": S("(")}, S(")")),
            "id": P("[a-z]+"),
        },
    }
    root = parse(build(tmp_path, grammar), "f() g ()")
    assert str(root) == "(doc (call (id)) (id) (paren))"


def test_precedence_lists_may_name_rules(tmp_path):
    # build_parse_table.rs compare_precedence matches SYMBOL entries of `precedences`
    # against the rules being reduced or shifted (JavaScript's `import.meta`).
    grammar = {
        "name": "symbol_prec",
        "extras": SPACES,
        "precedences": [[Y("meta"), Y("imp")]],
        "rules": {
            "doc": REPEAT(CHOICE(Y("meta"), Y("member"))),
            "meta": SEQ(S("import"), S("."), S("meta")),
            "member": SEQ(Y("imp"), S("."), P("[a-z]+")),
            "imp": S("import"),
        },
    }
    assert str(parse(build(tmp_path, grammar), "import.meta")) == "(doc (meta))"


def test_a_repeat_conflict_need_not_come_from_a_binary_production(tmp_path):
    # build_parse_table.rs handle_conflict: when every conflicting item belongs to one
    # repeat's auxiliary rule, the ambiguity is the repeat's own (JavaScript class bodies:
    # `repeat(choice(seq(member, optional(';')), ';'))`).
    grammar = {
        "name": "repeat_conflict",
        "extras": SPACES,
        "rules": {
            "doc": SEQ(S("{"), REPEAT(CHOICE(SEQ(S("m"), CHOICE(S(";"), BLANK)), S(";"))), S("}"))
        },
    }
    root = parse(build(tmp_path, grammar), "{ m ; m ; ; }")
    assert str(root) == "(doc)" and not root.has_error


def test_an_inlined_rule_takes_the_alias_of_the_place_it_is_inlined_into(tmp_path):
    # process_inlines.rs: the step being inlined keeps its alias and field over those of
    # the inserted steps (Bash's `for ((i = 0; ...))` variable names).
    grammar = {
        "name": "inline_alias",
        "extras": SPACES,
        "inline": ["_w"],
        "rules": {
            "doc": REPEAT(
                CHOICE(
                    {"type": "ALIAS", "content": Y("_w"), "named": True, "value": "v"},
                    SEQ(S("!"), Y("_w")),
                )
            ),
            "_w": {"type": "ALIAS", "content": P("[a-z]+"), "named": True, "value": "w"},
        },
    }
    assert str(parse(build(tmp_path, grammar), "x ! y")) == "(doc (v) (w))"
