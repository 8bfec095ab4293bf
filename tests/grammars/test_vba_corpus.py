"""The VBA grammar against its corpus (grammars/vba/test/corpus/*.txt) and its queries.

Each corpus case is one pytest case. The parser is the committed grammars/vba/src/parser.c,
compiled on first use; tests/grammar/test_committed_grammars.py checks that it is what the
generator makes of grammar.js.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tree_sitter import Language, Parser, Query, QueryCursor

from transform.grammar.build import load_language
from transform.grammar.corpus import read_corpus, run_case

ROOT = Path(__file__).resolve().parents[2]
GRAMMAR = ROOT / "grammars" / "vba"
CORPUS = sorted((GRAMMAR / "test" / "corpus").glob("*.txt"))
CASES = [case for path in CORPUS for case in read_corpus(path)]


@pytest.fixture(scope="module")
def language() -> Language:
    return load_language(GRAMMAR)


def test_corpus_is_large_enough():
    assert len(CASES) >= 400
    assert sum(case.attributes.error for case in CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[f"{c.path.stem}:{c.name}" for c in CASES])
def test_corpus_case(language, case):
    result = run_case(language, case)
    assert result.passed, f"{case.location}\n{result.message}"


@pytest.mark.parametrize("name", ["tags", "highlights"])
def test_query_compiles(language, name):
    Query(language, (GRAMMAR / "queries" / f"{name}.scm").read_text())


def _captures(language: Language, query: str, source: str) -> dict[str, list[str]]:
    tree = Parser(language).parse(source.encode())
    found = QueryCursor(Query(language, query)).captures(tree.root_node)
    return {name: sorted(n.text.decode() for n in nodes) for name, nodes in found.items()}


def test_tags_find_definitions_and_references(language):
    source = (
        'Attribute VB_Name = "Utils"\n'
        "Private Type Pair\n    a As Long\nEnd Type\n"
        "Public Const LIMIT = 5\n"
        "Private m_count As Long\n"
        "Public Function Twice(ByVal x As Long) As Long\n"
        "    Twice = Helper(x) * 2\n"
        "End Function\n"
        "Sub Main()\n    Call Twice(1)\n    Log.Write 3\nEnd Sub\n"
    )
    tags = _captures(language, (GRAMMAR / "queries" / "tags.scm").read_text(), source)
    assert tags["definition.module"] == ['Attribute VB_Name = "Utils"']
    assert tags["definition.type"] == ["Private Type Pair\n    a As Long\nEnd Type"]
    function_names = {
        n for n in tags["name"] if n in {"Twice", "Main", "Helper", "Write", "Pair", "Long"}
    }
    assert function_names == {"Twice", "Main", "Helper", "Write", "Pair", "Long"}
    assert "Long" in _captures(language, "(type_name (identifier) @t .)", "Dim x As Long")["t"]
    assert len(tags["reference.call"]) == 3  # Helper(x), Twice(1), Log.Write
    assert len(tags["definition.function"]) == 2
    assert len(tags["definition.variable"]) == 1
    assert len(tags["definition.constant"]) == 1
