"""Tests of reading corpus files and comparing trees (transform/grammar/corpus.py).

The format rules come from tree-sitter's "Writing Tests" documentation and the behaviour of
``tree-sitter test``; the trees expected from the official JSON parser are written by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import tree_sitter_json
from tree_sitter import Language, Node, Parser

from transform.grammar import corpus
from transform.grammar.corpus import (
    CaseAttributes,
    CorpusCase,
    CorpusFormatError,
    format_sexp,
    normalize_sexp,
    parse_corpus,
    read_corpus,
    run_corpus,
    tree_sexp,
)

FIXTURES = Path(__file__).parent / "fixtures"
JSON = Language(tree_sitter_json.language())


def parse_json(text: str) -> Node:
    return Parser(JSON).parse(text.encode("utf-8")).root_node


# ---------------------------------------------------------------------------------------------
# Reading


TWO_CASES = """\
Text before the first header is ignored.

==================
First test
==================

{"a": 1}

---

(document (object))

=====
Second test
=====
[1]
---
(document
  (array (number)))
"""


def test_reads_names_sources_and_expectations() -> None:
    first, second = parse_corpus(TWO_CASES, "x.txt")
    assert first.name == "First test"
    assert first.source == '\n{"a": 1}\n'
    assert first.expected == "(document (object))"
    assert first.path == Path("x.txt")
    assert first.line == 3
    assert first.attributes == CaseAttributes()
    assert second.name == "Second test"
    assert second.source == "[1]"
    assert second.expected == "(document\n  (array (number)))"
    assert second.line == 13


def test_exactly_one_trailing_newline_is_removed() -> None:
    text = "===\nt\n===\nline\n\n\n---\n(x)\n"
    assert parse_corpus(text)[0].source == "line\n\n"


def test_crlf_line_endings() -> None:
    text = "===\r\nt\r\n===\r\na\r\n---\r\n(x)\r\n"
    (case,) = parse_corpus(text)
    assert case.name == "t"
    assert case.source == "a"
    assert case.expected == "(x)"


def test_attributes() -> None:
    text = """\
===
Everything
:skip
:fail-fast
:language(json)
:platform(linux)
:platform(macos)
===
x
---
(x)
===
Error case
  :error
===
x
---
"""
    everything, error = parse_corpus(text)
    assert everything.name == "Everything"
    assert everything.attributes == CaseAttributes(
        skip=True, fail_fast=True, languages=("json",), platforms=("linux", "macos")
    )
    assert error.name == "Error case"
    assert error.attributes.error
    assert error.expected == ""


def test_skip_overrides_error() -> None:
    (case,) = parse_corpus("===\nt\n:error\n:skip\n===\nx\n---\n")
    assert case.attributes.skip
    assert not case.attributes.error


@pytest.mark.parametrize("attribute", [":erorr", ":language()", ":skip(now)", ":platform"])
def test_unknown_or_malformed_attribute_is_an_error(attribute: str) -> None:
    with pytest.raises(CorpusFormatError, match=r"c\.txt:3: unknown attribute"):
        parse_corpus(f"===\nname\n{attribute}\n===\nx\n---\n(x)\n", "c.txt")


def test_case_without_divider_is_an_error() -> None:
    with pytest.raises(CorpusFormatError, match=r"c\.txt:1: test 'lonely' has no '---'"):
        parse_corpus("===\nlonely\n===\nx\n(x)\n", "c.txt")


def test_custom_suffix_separators() -> None:
    # The first header's suffix applies to the whole file, so plain === and --- lines are
    # ordinary input text.
    text = """\
===|||
Suffixed
===|||
===
not a header
===
---
---|||
(x)
===|||
Next
===|||
y
---|||
(y)
"""
    first, second = parse_corpus(text)
    assert first.name == "Suffixed"
    assert first.source == "===\nnot a header\n===\n---"
    assert second.name == "Next"
    assert second.source == "y"


def test_longest_divider_separates_input_from_output() -> None:
    text = "===\nt\n===\na\n---\nb\n-----\n(x)\n"
    (case,) = parse_corpus(text)
    assert case.source == "a\n---\nb"
    assert case.expected == "(x)"


def test_equally_long_dividers_take_the_last() -> None:
    (case,) = parse_corpus("===\nt\n===\na\n---\nb\n---\n(x)\n")
    assert case.source == "a\n---\nb"


def test_equals_line_in_input_is_not_a_header_without_a_name() -> None:
    (case,) = parse_corpus("===\nt\n===\na\n===\n\n---\n(x)\n")
    assert case.source == "a\n===\n"


def test_read_corpus_directory(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("===\nB\n===\nb\n---\n(b)\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("===\nA\n===\na\n---\n(a)\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("===\nN\n===\nn\n---\n(n)\n", encoding="utf-8")
    cases = read_corpus(tmp_path)
    assert [case.name for case in cases] == ["A", "B"]
    assert cases[0].path == tmp_path / "a.txt"


@pytest.mark.parametrize(
    ("name", "count"),
    [("arith", 16), ("glr", 10), ("json", 17), ("keywords", 15), ("shapes", 11)],
)
def test_fixture_corpora_read(name: str, count: int) -> None:
    cases = read_corpus(FIXTURES / name / "corpus.txt")
    assert len(cases) == count
    for case in cases:
        assert case.attributes.error or normalize_sexp(case.expected).startswith("(")


# ---------------------------------------------------------------------------------------------
# S-expressions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(a (b) (c))", "(a (b) (c))"),
        ("  (a\n\t(b )\n   ( c))  ", "(a (b) (c))"),
        ("(a\n  ; a comment line\n  (b)) ; trailing comment", "(a (b))"),
        ("(pair key:(string) value:  (number))", "(pair key: (string) value: (number))"),
        ('(x (MISSING ";") (MISSING ")"))', '(x (MISSING ";") (MISSING ")"))'),
        ("(ERROR (UNEXPECTED '(') (UNEXPECTED ';'))", "(ERROR (UNEXPECTED '(') (UNEXPECTED ';'))"),
        ("", ""),
    ],
)
def test_normalize_sexp(text: str, expected: str) -> None:
    assert normalize_sexp(text) == expected


def test_format_sexp_puts_one_node_per_line() -> None:
    assert format_sexp("(a f: (b (c)) (d))") == "(a\n  f: (b\n    (c))\n  (d))"


# ---------------------------------------------------------------------------------------------
# Trees from the official tree-sitter-json parser


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("null", "(document (null))"),
        (
            '{"a": [1, true]}',
            "(document (object (pair key: (string (string_content))"
            " value: (array (number) (true)))))",
        ),
        ('"x\\ny"', "(document (string (string_content) (escape_sequence) (string_content)))"),
        ("// note\n[]", "(document (comment) (array))"),
        (
            '{"a": }',
            "(document (object (pair key: (string (string_content)) value: (MISSING number))))",
        ),
        ("[1, 2", '(document (array (number) (number) (MISSING "]")))'),
        ("[1 @ 2]", "(document (array (number) (ERROR (UNEXPECTED '@') (number))))"),
    ],
)
def test_tree_sexp_matches_the_official_format(source: str, expected: str) -> None:
    assert tree_sexp(parse_json(source)) == expected


def test_tree_sexp_without_fields() -> None:
    root = parse_json('{"k": {"j": null}}')
    assert tree_sexp(root, fields=False) == (
        "(document (object (pair (string (string_content))"
        " (object (pair (string (string_content)) (null))))))"
    )


# ---------------------------------------------------------------------------------------------
# Running


def case(source: str, expected: str, **attributes: bool | tuple[str, ...]) -> CorpusCase:
    """A case named "case" at t.txt:1 with the given attributes."""
    return CorpusCase("case", source, expected, Path("t.txt"), 1, CaseAttributes(**attributes))


def test_passing_case_with_and_without_fields() -> None:
    with_fields = case(
        '{"a": 1}', "(document (object (pair key: (string (string_content)) value: (number))))"
    )
    without = case('{"a": 1}', "(document\n  (object (pair (string (string_content)) (number))))")
    results = run_corpus(JSON, [with_fields, without])
    assert [r.outcome for r in results] == ["passed", "passed"]


def test_wrong_field_name_fails() -> None:
    (result,) = run_corpus(
        JSON,
        [
            case(
                '{"a": 1}',
                "(document (object (pair k: (string (string_content)) value: (number))))",
            )
        ],
    )
    assert result.failed


def test_failure_shows_a_diff() -> None:
    (result,) = run_corpus(JSON, [case("[1, true]", "(document (array (number) (false)))")])
    assert result.failed
    assert result.actual == "(document (array (number) (true)))"
    assert "--- expected" in result.message
    assert "-    (false)))" in result.message
    assert "+    (true)))" in result.message
    assert result.describe().startswith("t.txt:1: failed: case")


def test_error_cases() -> None:
    results = run_corpus(
        JSON,
        [
            case("[1, ", "", error=True),
            case("[1]", "", error=True),
            case("[1, 2", '(document (array (number) (number) (MISSING "]")))', error=True),
            case("[1, 2", "(document (array (number)))", error=True),
        ],
    )
    assert [r.outcome for r in results] == ["passed", "failed", "passed", "failed"]
    assert "expected a parse error" in results[1].message


def test_skip_platform_and_cst(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "current_platform", lambda: "linux")
    results = run_corpus(
        JSON,
        [
            case("[", "(nonsense)", skip=True),
            case("[]", "(document (array))", platforms=("windows",)),
            case("[]", "(document (array))", platforms=("macos", "linux")),
            case("[]", "(document (array))", cst=True),
        ],
    )
    assert [r.outcome for r in results] == ["skipped", "skipped", "passed", "skipped"]


def test_fail_fast_stops_the_run() -> None:
    results = run_corpus(
        JSON,
        [
            case("[]", "(document (array))"),
            case("[]", "(document (object))", fail_fast=True),
            case("[]", "(document (array))"),
        ],
    )
    assert [r.outcome for r in results] == ["passed", "failed", "skipped"]
    assert ":fail-fast" in results[2].message


def test_language_attribute_picks_from_a_mapping() -> None:
    languages = {"json": JSON, "other": JSON}
    results = run_corpus(
        languages,
        [
            case("[]", "(document (array))"),
            case("[]", "(document (array))", languages=("other",)),
            case("[]", "(document (array))", languages=("absent",)),
        ],
    )
    assert [r.outcome for r in results] == ["passed", "passed", "failed"]
    assert "unknown language" in results[2].message


# Cases of our JSON fixture where the official grammar intentionally differs (see the
# comments in the corpus): RFC 8259 allows "e+" exponents and makes \uXXXX one escape.
OFFICIAL_JSON_DIFFERS = {"Exponent with a plus sign", "Unicode escape is one escape sequence"}


def test_json_fixture_corpus_against_the_official_parser() -> None:
    results = run_corpus(JSON, read_corpus(FIXTURES / "json" / "corpus.txt"))
    unexpected = [
        r.describe() for r in results if r.passed == (r.case.name in OFFICIAL_JSON_DIFFERS)
    ]
    assert not unexpected, "\n\n".join(unexpected)
