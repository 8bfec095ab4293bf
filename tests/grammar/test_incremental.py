"""Incremental reparsing after random edits: the tree covers the new text consistently,
equals a fresh parse wherever the text parses without errors, and undoing the edits gives the
original tree back; no input crashes a generated parser. This is what catches table shapes
the runtime rebalances badly (see notes/tree-sitter-abi.md on repetition).

After error recovery an incremental reparse may recover differently from a fresh parse (it
reuses old subtrees): tree-sitter's official parsers do so about as often as ours, 5 to 9 in
100,000 random edits (benchmarks/incremental_divergence.py, docs/grammar-compiler.md), and
tree-sitter's own corpus test checks only the guarantees above."""

from __future__ import annotations

import os

import tree_sitter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("INCREMENTAL_EXAMPLES", "150"))
SEEDS = {
    "json": '{"a": [1, 2, {"b": null}], "c": "x\\ny", "d": [true, false, -1.5e3]}',
    "arith": "x = 1;\n1 + 2 * 3 - -4 ^ 2 ^ 1;\n(a + b) * c; # note\nd / e;",
    "keywords": 'LET a = 1\nIF a = 1 THEN PRINT "yes" ELSE PRINT a.end\nDATA 1, x1, "s"\nEND\n',
    "shapes": 'circle 1, 2 3\nrect "r" 0, 0 2, 2\ngroup g x 2 { polygon 0,0 1,1 }',
    "nested": "alpha << x << y >> z >> (key << v >>) omega",
}
ALPHABETS = {
    "json": '{}[],:"0123456789.-e \ntruefalsn\\',
    "arith": "xyab0123+-*/^();# \n",
    "keywords": 'LETIFHNPRSDAlet ifthenprintdata=<>+-*/"., \n$',
    "shapes": 'circlerectpolygongroupx{}, "0123-\n',
    "nested": "<<>>()ab \n",
}


def edits(name: str):
    text = st.text(alphabet=ALPHABETS[name], max_size=6)
    edit = st.tuples(st.floats(0, 1), st.integers(0, 5), text)
    return st.lists(edit, min_size=1, max_size=12)


def point_at(data: bytes, offset: int) -> tuple[int, int]:
    row = data.count(b"\n", 0, offset)
    column = offset - (data.rfind(b"\n", 0, offset) + 1)
    return row, column


def apply_edit(data: bytes, tree: tree_sitter.Tree, where: float, length: int, insert: str):
    start = int(where * len(data))
    return edit_bytes(data, tree, start, min(len(data), start + length), insert.encode())


def edit_bytes(data: bytes, tree: tree_sitter.Tree, start: int, old_end: int, inserted: bytes):
    """Replace data[start:old_end] by `inserted` and tell the tree; returns the new text."""
    new = data[:start] + inserted + data[old_end:]
    tree.edit(
        start_byte=start,
        old_end_byte=old_end,
        new_end_byte=start + len(inserted),
        start_point=point_at(data, start),
        old_end_point=point_at(data, old_end),
        new_end_point=point_at(new, start + len(inserted)),
    )
    return new


def shape(node: tree_sitter.Node) -> list:
    """Every node with its type, range and field, so equal shapes mean equal trees."""
    out = []
    cursor = node.walk()
    stack = [True]
    while stack:
        current = cursor.node
        out.append((current.type, current.start_byte, current.end_byte, cursor.field_name))
        if cursor.goto_first_child():
            stack.append(True)
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return out
            stack.pop()
    return out


def assert_consistent(node: tree_sitter.Node) -> None:
    """Children lie inside their parent, in order, without overlapping."""
    end = node.start_byte
    for child in node.children:
        assert end <= child.start_byte <= child.end_byte <= node.end_byte, (node, child)
        end = child.end_byte
        assert_consistent(child)


def check_incremental(language: tree_sitter.Language, name: str, steps) -> None:
    parser = tree_sitter.Parser(language)
    data = SEEDS[name].encode()
    tree = parser.parse(data)
    original = shape(tree.root_node)
    undo = []
    for where, length, insert in steps:
        start = int(where * len(data))
        old_end = min(len(data), start + length)
        undo.append((start, start + len(insert.encode()), data[start:old_end]))
        data = apply_edit(data, tree, where, length, insert)
        tree = parser.parse(data, tree)
        fresh = parser.parse(data)
        assert_consistent(tree.root_node)
        assert tree.root_node.end_byte == fresh.root_node.end_byte, data
        if not fresh.root_node.has_error:
            assert shape(tree.root_node) == shape(fresh.root_node), data
    for start, end, removed in reversed(undo):
        data = edit_bytes(data, tree, start, end, removed)
    assert data == SEEDS[name].encode()
    assert shape(parser.parse(data, tree).root_node) == original


# Derandomized: CI sees the same examples every run (set INCREMENTAL_EXAMPLES higher and
# HYPOTHESIS_SEED-free runs locally to explore further).
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=os.environ.get("INCREMENTAL_RANDOM") != "1",
)


@SETTINGS
@given(steps=edits("json"))
def test_json_incremental_matches_fresh(fixture_language, steps):
    check_incremental(fixture_language("json"), "json", steps)


@SETTINGS
@given(steps=edits("arith"))
def test_arith_incremental_matches_fresh(fixture_language, steps):
    check_incremental(fixture_language("arith"), "arith", steps)


@SETTINGS
@given(steps=edits("keywords"))
def test_keywords_incremental_matches_fresh(fixture_language, steps):
    check_incremental(fixture_language("keywords"), "keywords", steps)


@SETTINGS
@given(steps=edits("shapes"))
def test_shapes_incremental_matches_fresh(fixture_language, steps):
    check_incremental(fixture_language("shapes"), "shapes", steps)


@SETTINGS
@given(steps=edits("nested"))
def test_external_scanner_incremental_matches_fresh(fixture_language, steps):
    check_incremental(fixture_language("nested"), "nested", steps)


@settings(max_examples=EXAMPLES, deadline=None)
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(fixture_language, data):
    for name in ("json", "keywords", "nested"):
        tree = tree_sitter.Parser(fixture_language(name)).parse(data)
        assert tree.root_node.end_byte <= len(data)


def test_error_recovery_may_differ_but_undo_restores_the_tree(fixture_language):
    """An example where the incremental reparse recovers from errors differently from a
    fresh parse (it used to be a strict xfail): the text has errors, so only the weaker
    guarantees hold, and they do."""
    steps = [
        (1.0, 0, "000"),
        (1.0, 0, "00000"),
        (0.046875, 2, "00\n0a("),
        (0.4375, 1, ""),
        (0.0, 0, "0"),
    ]
    language = fixture_language("arith")
    parser = tree_sitter.Parser(language)
    data = SEEDS["arith"].encode()
    tree = parser.parse(data)
    for step in steps:
        data = apply_edit(data, tree, *step)
        tree = parser.parse(data, tree)
    assert parser.parse(data).root_node.has_error
    check_incremental(language, "arith", steps)
