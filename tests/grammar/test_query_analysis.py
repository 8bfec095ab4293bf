"""The runtime's query analyser accepts every pattern our parsers can produce.

`tree_sitter.Query` rejects a pattern as "Impossible pattern" when its static walk over the
parse table finds no way to build it. The walk reads the table through the runtime's
lookahead iterator, which decodes each group of a small state's row once, by the kind of its
first symbol: a group mixing terminals and non-terminals (our emitter made one whenever an
action-list id equalled a goto state of the same row) sent the walk along a wrong edge, and
patterns on some node types became "impossible" depending on how states were numbered
(docs/grammar-compiler.md, "Query analysis").

For every test grammar and the committed VBA parser: the patterns `(T)`, `(T (_))`,
`(T field: (_))` (or `_` for a field that only holds tokens), `(T field: (C))` and `(T (C))`
for the types node-types.json lists compile, and the same shapes seen in the corpus trees
also match there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import tree_sitter

from transform.grammar.build import load_language
from transform.grammar.corpus import read_corpus
from transform.grammar.generate import generate
from transform.grammar.source import load_grammar

ROOT = Path(__file__).resolve().parents[2]
GRAMMAR_FIXTURES = ROOT / "tests" / "grammar" / "fixtures"
VBA = ROOT / "grammars" / "vba"
FIXTURES = sorted(p.name for p in GRAMMAR_FIXTURES.iterdir() if (p / "corpus.txt").exists())
GRAMMARS = [*FIXTURES, "vba"]


def _node(type_: str, named: bool) -> str:
    return f"({type_})" if named else json.dumps(type_, ensure_ascii=False)


def node_type_patterns(node_types: list[dict]) -> list[str]:
    """One pattern per node type, child and field that node-types.json promises."""
    patterns = []
    for entry in node_types:
        if not entry["named"] or "subtypes" in entry:
            continue
        name = entry["type"]
        patterns.append(f"({name})")
        fields = entry.get("fields", {})
        children = entry.get("children", {}).get("types", [])
        if children or any(t["named"] for f in fields.values() for t in f["types"]):
            patterns.append(f"({name} (_))")
        for field, info in sorted(fields.items()):
            wildcard = "(_)" if any(t["named"] for t in info["types"]) else "_"
            patterns.append(f"({name} {field}: {wildcard})")
            patterns += [f"({name} {field}: {_node(t['type'], t['named'])})" for t in info["types"]]
        patterns += [f"({name} {_node(t['type'], t['named'])})" for t in children]
    return patterns


def observed_patterns(roots: Iterable[tree_sitter.Node]) -> set[str]:
    """The same shapes, as the trees show them. Extras are left out: the analyser only lets
    an extra stand between two children of a node, so the fixture json's
    `(document (comment))`, a comment before or after its single value, is "impossible" on
    any LR table of that grammar)."""
    patterns: set[str] = set()
    for root in roots:
        for node in _walk(root):
            if not node.is_named or node.is_error or node.is_missing:
                continue
            name = node.type
            patterns.add(f"({name})")
            for index, child in enumerate(node.children):
                if child.is_extra:
                    continue
                field = node.field_name_for_child(index)
                if child.is_named:
                    patterns.add(f"({name} (_))")
                    patterns.add(f"({name} ({child.type}))")
                if field:
                    patterns.add(f"({name} {field}: {'(_)' if child.is_named else '_'})")
                    patterns.add(f"({name} {field}: {_node(child.type, child.is_named)})")
    return patterns


def _walk(node: tree_sitter.Node) -> Iterator[tree_sitter.Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(current.children)


def impossible(language: tree_sitter.Language, patterns: Iterable[str]) -> list[str]:
    failures = []
    for pattern in patterns:
        try:
            tree_sitter.Query(language, pattern)
        except tree_sitter.QueryError as error:
            failures.append(f"{pattern}: {str(error).splitlines()[0]}")
    return failures


@pytest.fixture(scope="module")
def grammar(fixture_language):
    """name -> (language, node types, corpus trees without errors)."""
    cache: dict[str, tuple] = {}

    def load(name: str):
        if name not in cache:
            if name == "vba":
                language = load_language(VBA)
                node_types = json.loads((VBA / "src" / "node-types.json").read_text())
                cases = [
                    c
                    for p in sorted((VBA / "test" / "corpus").glob("*.txt"))
                    for c in read_corpus(p)
                ]
            else:
                folder = GRAMMAR_FIXTURES / name
                language = fixture_language(name)
                node_types = json.loads(
                    generate(load_grammar(folder / "grammar.json")[0]).node_types_json
                )
                cases = read_corpus(folder / "corpus.txt")
            parser = tree_sitter.Parser(language)
            trees = [parser.parse(case.source.encode()) for case in cases]
            cache[name] = (language, node_types, [t for t in trees if not t.root_node.has_error])
        return cache[name]

    return load


@pytest.mark.parametrize("name", GRAMMARS)
def test_patterns_of_every_node_type_compile(grammar, name):
    language, node_types, _ = grammar(name)
    patterns = node_type_patterns(node_types)
    assert len(patterns) > 10
    assert impossible(language, patterns) == []


@pytest.mark.parametrize("name", GRAMMARS)
def test_shapes_seen_in_the_corpus_compile_and_match(grammar, name):
    language, _, trees = grammar(name)
    patterns = sorted(observed_patterns(t.root_node for t in trees))
    try:
        query = tree_sitter.Query(language, "\n".join(patterns))
    except tree_sitter.QueryError:
        assert impossible(language, patterns) == []
        raise
    matched: set[int] = set()
    for tree in trees:
        matched.update(index for index, _ in tree_sitter.QueryCursor(query).matches(tree.root_node))
    assert [p for i, p in enumerate(patterns) if i not in matched] == []


_GROUP = re.compile(r"\s+\d+, \d+, (.*),$")


@pytest.mark.parametrize("name", FIXTURES)
def test_small_table_groups_hold_one_kind_of_symbol(name):
    """Each (value, symbols) group of the small parse table lists only terminals (the value
    is an action list) or only non-terminals (the value is a goto state), as tree-sitter's
    generator writes them."""
    generated = generate(load_grammar(GRAMMAR_FIXTURES / name / "grammar.json")[0])
    text = generated.parser_c
    token_count = int(re.search(r"#define TOKEN_COUNT (\d+)", text).group(1))
    body = text.split("ts_small_parse_table[] = {", 1)[1].split("};", 1)[0]
    groups = [m.group(1).split(", ") for m in map(_GROUP.match, body.splitlines()) if m]
    assert groups
    for symbols in groups:
        ids = [0 if s == "ts_builtin_sym_end" else int(s.rsplit("_", 1)[1]) for s in symbols]
        assert len({i < token_count for i in ids}) == 1, symbols
