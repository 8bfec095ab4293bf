"""Tests for the regex front end of the lexer generator (transform/grammar/regex.py).

Expected sets come from the ECMAScript specification (RegExp syntax, the \\s / \\w / \\d
definitions in "CharacterClassEscape") and from the Unicode Character Database
(UnicodeData.txt general categories and case mappings); each test names its source.
"""

from __future__ import annotations

import re

import pytest
from grammar_rules import CHOICE, REPEAT, REPEAT1, SEQ
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transform.grammar.regex import (
    MAX_CODE_POINT,
    RegexError,
    charset,
    complement,
    fold_case,
    intersect,
    parse_pattern,
    string_to_rule,
    subtract,
    union,
)

MAX = MAX_CODE_POINT
BLANK = {"type": "BLANK"}


def cs(*items: str | tuple[str, str] | tuple[int, int] | int) -> dict:
    """Expected CHARSET from characters, (lo, hi) pairs of chars or ints, or int code points."""
    ranges = []
    for item in items:
        if isinstance(item, tuple):
            lo, hi = (ord(x) if isinstance(x, str) else x for x in item)
            ranges.append([lo, hi])
        else:
            cp = ord(item) if isinstance(item, str) else item
            ranges.append([cp, cp])
    return charset(ranges)


def contains(rule: dict, char: str) -> bool:
    """Whether a CHARSET node contains a character."""
    assert rule["type"] == "CHARSET", f"expected a CHARSET, got {rule['type']}"
    return any(lo <= ord(char) <= hi for lo, hi in rule["ranges"])


def error_of(pattern: str, flags: str = "") -> RegexError:
    with pytest.raises(RegexError) as info:
        parse_pattern(pattern, flags)
    return info.value


# --- literals, sequences, alternation, groups -------------------------------------------------


def test_single_literal_is_a_charset():
    assert parse_pattern("a") == cs("a")


def test_sequence_of_literals():
    assert parse_pattern("ab") == SEQ(cs("a"), cs("b"))


def test_non_bmp_literal_is_one_code_point():
    assert parse_pattern("\U0001f600") == cs(0x1F600)


def test_empty_pattern_is_blank():
    assert parse_pattern("") == BLANK


def test_alternation():
    assert parse_pattern("a|bc") == CHOICE(cs("a"), SEQ(cs("b"), cs("c")))


def test_empty_alternatives_become_blank():
    assert parse_pattern("a|") == CHOICE(cs("a"), BLANK)
    assert parse_pattern("|a") == CHOICE(BLANK, cs("a"))
    assert parse_pattern("a||b") == CHOICE(cs("a"), BLANK, cs("b"))


def test_groups_are_transparent_and_nested_seqs_flatten():
    expected = SEQ(cs("a"), cs("b"), cs("c"))
    assert parse_pattern("(ab)c") == expected
    assert parse_pattern("(?:ab)c") == expected
    assert parse_pattern("(?<name>ab)c") == expected


def test_group_with_alternation():
    assert parse_pattern("(?:a|b)c") == SEQ(CHOICE(cs("a"), cs("b")), cs("c"))


def test_nested_choices_flatten():
    assert parse_pattern("(a|b)|c") == CHOICE(cs("a"), cs("b"), cs("c"))


def test_empty_group_is_blank():
    assert parse_pattern("a()b") == SEQ(cs("a"), cs("b"))
    assert parse_pattern("()*") == BLANK


def test_ecma_annex_b_stray_braces_and_bracket_are_literals():
    # ECMAScript Annex B.1.2 (ExtendedPatternCharacter): '{' not starting a quantifier, '}'
    # and ']' are literal characters.
    assert parse_pattern("]") == cs("]")
    assert parse_pattern("a{") == SEQ(cs("a"), cs("{"))
    assert parse_pattern("}") == cs("}")
    assert parse_pattern("a{,5}") == SEQ(cs("a"), cs("{"), cs(","), cs("5"), cs("}"))


def test_dot_excludes_newline_and_nul():
    assert parse_pattern(".") == cs((1, 9), (11, MAX))


def test_dot_with_s_flag_includes_newline():
    assert parse_pattern(".", "s") == cs((1, MAX))


# --- quantifiers ------------------------------------------------------------------------------


def test_star_plus_question():
    assert parse_pattern("a*") == REPEAT(cs("a"))
    assert parse_pattern("a+") == REPEAT1(cs("a"))
    assert parse_pattern("a?") == CHOICE(cs("a"), BLANK)


def test_quantifier_binds_to_last_atom():
    assert parse_pattern("ab*") == SEQ(cs("a"), REPEAT(cs("b")))


def test_quantified_group():
    assert parse_pattern("(ab)+") == REPEAT1(SEQ(cs("a"), cs("b")))


def test_lazy_quantifiers_have_the_same_tree():
    for greedy in ["a*", "a+", "a?", "a{2}", "a{2,}", "a{1,3}"]:
        assert parse_pattern(greedy + "?") == parse_pattern(greedy), greedy


def test_exact_count():
    a = cs("a")
    assert parse_pattern("a{3}") == SEQ(a, a, a)
    assert parse_pattern("a{1}") == a
    assert parse_pattern("a{0}") == BLANK
    assert parse_pattern("a{0,0}") == BLANK


def test_bounded_count_has_nested_optional_tail():
    a = cs("a")
    assert parse_pattern("a{2,4}") == SEQ(a, a, CHOICE(SEQ(a, CHOICE(a, BLANK)), BLANK))
    assert parse_pattern("a{0,1}") == CHOICE(a, BLANK)
    assert parse_pattern("a{1,2}") == SEQ(a, CHOICE(a, BLANK))


def test_unbounded_count():
    a = cs("a")
    assert parse_pattern("a{2,}") == SEQ(a, a, REPEAT(a))
    assert parse_pattern("a{1,}") == REPEAT1(a)
    assert parse_pattern("a{0,}") == REPEAT(a)


def test_repeat_of_repeat_collapses():
    a = cs("a")
    assert parse_pattern("(a*)*") == REPEAT(a)
    assert parse_pattern("(a+)*") == REPEAT(a)
    assert parse_pattern("(a+)+") == REPEAT1(a)
    assert parse_pattern("(a*)+") == REPEAT(a)


def test_copies_do_not_share_objects():
    rule = parse_pattern("a{2}")
    rule["members"][0]["ranges"].append([200, 200])
    assert rule["members"][1] == cs("a")


# --- character classes ------------------------------------------------------------------------


def test_class_ranges_are_sorted_and_merged():
    assert parse_pattern("[a-zA-Z_]") == cs(("A", "Z"), "_", ("a", "z"))
    assert parse_pattern("[cba]") == cs(("a", "c"))
    assert parse_pattern("[a-fb-z]") == cs(("a", "z"))


def test_negated_class_excludes_nul():
    assert parse_pattern('[^"\\\\\\n]') == cs((1, 9), (11, 0x21), (0x23, 0x5B), (0x5D, MAX))


def test_dash_first_or_last_is_literal():
    assert parse_pattern("[-a]") == cs("-", "a")
    assert parse_pattern("[a-]") == cs("-", "a")
    assert parse_pattern("[^-]") == cs((1, 0x2C), (0x2E, MAX))
    assert parse_pattern("[+-]") == cs("+", "-")


def test_dash_after_range_is_literal():
    # ECMAScript: in [a-c-e] the second '-' follows a complete range, so it is literal.
    assert parse_pattern("[a-c-e]") == cs("-", ("a", "c"), "e")


def test_escaped_dash_and_bracket_in_class():
    assert parse_pattern("[\\-\\]\\[]") == cs("-", "[", "]")


def test_empty_class_matches_nothing_and_caret_class_matches_anything():
    # ECMAScript: [] is the empty class, [^] any character (we exclude NUL, see module doc).
    assert parse_pattern("[]") == {"type": "CHARSET", "ranges": []}
    assert parse_pattern("[^]") == cs((1, MAX))


def test_bracket_right_after_open_closes_the_class():
    # In JavaScript /[]a]/ is the empty class followed by the literals 'a' and ']'.
    assert parse_pattern("[]a]") == SEQ(charset([]), cs("a"), cs("]"))


def test_caret_not_first_is_literal_in_class():
    assert parse_pattern("[a^]") == cs("^", "a")


def test_class_escapes_inside_class():
    assert parse_pattern("[\\d_]") == cs(("0", "9"), "_")
    assert parse_pattern("[\\s\\d]") == charset(union(JS_SPACE["ranges"], [[48, 57]]))


def test_negated_class_escape_inside_class():
    assert parse_pattern("[\\Da]") == cs((1, 0x2F), (0x3A, MAX))


def test_negated_class_of_negated_escape():
    assert parse_pattern("[^\\D]") == cs(("0", "9"))


def test_backspace_escape_in_class():
    assert parse_pattern("[\\b]") == cs(8)


def test_escapes_as_range_endpoints():
    assert parse_pattern("[\\x41-\\x43]") == cs(("A", "C"))
    assert parse_pattern("[\\u0000-\\u001f]") == cs((0, 0x1F))


# --- escapes ----------------------------------------------------------------------------------

# ECMAScript CharacterClassEscape and WhiteSpace/LineTerminator productions.
JS_SPACE = cs(
    (9, 13), 0x20, 0xA0, 0x1680, (0x2000, 0x200A), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF
)


def test_digit_word_space_escapes():
    assert parse_pattern("\\d") == cs(("0", "9"))
    assert parse_pattern("\\w") == cs(("0", "9"), ("A", "Z"), "_", ("a", "z"))
    assert parse_pattern("\\s") == JS_SPACE


def test_negated_digit_word_space_escapes_exclude_nul():
    assert parse_pattern("\\D") == cs((1, 0x2F), (0x3A, MAX))
    assert parse_pattern("\\W") == charset(complement(parse_pattern("\\w")["ranges"]))
    assert parse_pattern("\\S") == charset(complement(JS_SPACE["ranges"]))
    assert not contains(parse_pattern("\\S"), "\0")


def test_control_escapes():
    expected = {"n": 10, "r": 13, "t": 9, "f": 12, "v": 11, "0": 0}
    for letter, cp in expected.items():
        assert parse_pattern("\\" + letter) == cs(cp), letter


def test_hex_and_unicode_escapes():
    assert parse_pattern("\\x41") == cs("A")
    assert parse_pattern("\\u00e9") == cs(0xE9)
    assert parse_pattern("\\u{1F600}") == cs(0x1F600)
    assert parse_pattern("\\u{41}") == cs("A")


def test_surrogate_pair_escape_is_one_code_point():
    assert parse_pattern("\\uD83D\\uDE00") == cs(0x1F600)
    assert parse_pattern("\\uD83D") == cs(0xD83D)


def test_control_letter_escape():
    # ECMAScript: \cX is the code point of X modulo 32.
    assert parse_pattern("\\cJ") == cs(10)
    assert parse_pattern("\\cj") == cs(10)


def test_punctuation_escapes_itself():
    for char in ".\\/-[](){}|*+?^$\"'_,#&~ <>=!:@%`;":
        assert parse_pattern("\\" + char) == cs(char), char


def test_readme_example_number_pattern():
    digits = REPEAT1(cs(("0", "9")))
    assert parse_pattern("\\d+(\\.\\d+)?([eE][+-]?\\d+)?") == SEQ(
        digits,
        CHOICE(SEQ(cs("."), digits), BLANK),
        CHOICE(SEQ(cs("E", "e"), CHOICE(cs("+", "-"), BLANK), digits), BLANK),
    )


def test_identifier_and_hex_literal_patterns():
    assert parse_pattern("[a-zA-Z_][a-zA-Z0-9_]*") == SEQ(
        cs(("A", "Z"), "_", ("a", "z")), REPEAT(cs(("0", "9"), ("A", "Z"), "_", ("a", "z")))
    )
    assert parse_pattern("&[hH][0-9a-fA-F]+") == SEQ(
        cs("&"), cs("H", "h"), REPEAT1(cs(("0", "9"), ("A", "F"), ("a", "f")))
    )


# --- Unicode properties (tables are cached, so each is computed once per session) -------------


@pytest.fixture(scope="session")
def letters() -> dict:
    return parse_pattern("\\p{L}")


def test_letter_property_facts(letters):
    # UnicodeData.txt: U+00E9 Ll, U+03A9 Lu, U+4E2D Lo, U+0661 Nd, U+0020 Zs.
    for char in "aZ\u00e9\u03a9\u4e2d\u01c5":
        assert contains(letters, char), hex(ord(char))
    for char in "1_ \u0661\u00a0":
        assert not contains(letters, char), hex(ord(char))


def test_letter_property_long_names_are_equivalent(letters):
    assert parse_pattern("\\p{Letter}") == letters
    assert parse_pattern("\\p{General_Category=Letter}") == letters
    assert parse_pattern("\\p{gc=L}") == letters
    assert parse_pattern("\\p{General_Category=L}") == letters


def test_letter_property_is_union_of_subcategories(letters):
    parts = [parse_pattern(f"\\p{{{name}}}")["ranges"] for name in ["Lu", "Ll", "Lt", "Lm", "Lo"]]
    combined: list[list[int]] = []
    for part in parts:
        combined = union(combined, part)
    assert combined == letters["ranges"]


def test_space_separator_is_exact():
    # UnicodeData.txt (Unicode 14): Zs = U+0020, U+00A0, U+1680, U+2000..U+200A, U+202F,
    # U+205F, U+3000.
    expected = cs(0x20, 0xA0, 0x1680, (0x2000, 0x200A), 0x202F, 0x205F, 0x3000)
    assert parse_pattern("\\p{Zs}") == expected
    assert parse_pattern("\\p{Space_Separator}") == expected


def test_subcategory_facts():
    checks = {
        "Lu": ("A\u03a9", "a1"),
        "Uppercase_Letter": ("A", "a"),
        "Ll": ("a\u00df", "A"),
        "Lowercase_Letter": ("a", "A"),
        "Lt": ("\u01c5", "A"),
        "Lm": ("\u02b0", "a"),
        "Lo": ("\u4e2d", "a"),
        "N": ("1\u00bd\u2160", "a"),
        "Nd": ("7\u0661", "\u00bd"),
        "Nl": ("\u2160", "1"),
        "No": ("\u00bd", "1"),
        "P": ("!.,", "a+"),
        "S": ("+$^", "!"),
        "Z": (" \u2028", "\t"),
        "M": ("\u0301\u0903", "a"),
        "Mn": ("\u0301", "\u0903"),
        "Mc": ("\u0903", "\u0301"),
        "C": ("\0\u200b\ue000", "a"),
        "Cc": ("\0\n\x7f", " "),
    }
    for name, (inside, outside) in checks.items():
        rule = parse_pattern(f"\\p{{{name}}}")
        for char in inside:
            assert contains(rule, char), f"{name} should contain U+{ord(char):04X}"
        for char in outside:
            assert not contains(rule, char), f"{name} should not contain U+{ord(char):04X}"


def test_negated_property_is_complement_without_nul(letters):
    assert parse_pattern("\\P{L}") == charset(complement(letters["ranges"]))
    assert not contains(parse_pattern("\\P{L}"), "\0")


def test_property_in_class_and_quantified(letters):
    assert parse_pattern("[\\p{L}_]") == charset(union(letters["ranges"], [[95, 95]]))
    assert parse_pattern("\\p{L}+") == REPEAT1(letters)


def test_binary_properties():
    xid_start = parse_pattern("\\p{XID_Start}")
    xid_continue = parse_pattern("\\p{XID_Continue}")
    # DerivedCoreProperties.txt: '_' and digits are XID_Continue but not XID_Start.
    assert contains(xid_start, "a") and contains(xid_start, "\u00e9")
    assert not contains(xid_start, "_") and not contains(xid_start, "1")
    assert contains(xid_continue, "_") and contains(xid_continue, "1")
    assert not contains(xid_continue, "-")
    assert parse_pattern("\\p{Alpha}") == parse_pattern("\\p{Alphabetic}")
    assert contains(parse_pattern("\\p{Alpha}"), "\u00e9")
    white = parse_pattern("\\p{White_Space}")
    assert contains(white, "\u3000") and contains(white, "\n") and not contains(white, "a")


def test_unknown_property_is_an_error():
    for name in ["Foo", "letter", "Script=Latin", "gc=Nope", ""]:
        err = error_of(f"a\\p{{{name}}}")
        assert err.offset == 1, name
        assert "property" in str(err), name


def test_property_without_braces_is_an_error():
    assert error_of("\\pL").offset == 0
    assert error_of("\\p{L").offset == 0


# --- flags ------------------------------------------------------------------------------------


def test_case_insensitive_literals_and_ranges():
    assert parse_pattern("a", "i") == cs("A", "a")
    assert parse_pattern("[a-c]", "i") == cs(("A", "C"), ("a", "c"))
    assert parse_pattern("1", "i") == cs("1")


def test_case_insensitive_with_u_uses_full_case_classes():
    # UnicodeData.txt: U+212A KELVIN SIGN lowercases to 'k'; U+017F LONG S uppercases to 'S';
    # U+00B5 MICRO SIGN uppercases to U+039C, whose lowercase is U+03BC.
    assert parse_pattern("k", "iu") == cs("K", "k", 0x212A)
    assert parse_pattern("s", "iu") == cs("S", "s", 0x17F)
    assert parse_pattern("\\u00b5", "i") == cs(0xB5, 0x39C, 0x3BC)


def test_case_insensitive_without_u_never_folds_non_ascii_into_ascii():
    # ECMA-262 Canonicalize (non-unicode mode): "If the numeric value of ch >= 128 and the
    # numeric value of cu < 128, return ch" - so /k/i does not match the Kelvin sign, and a
    # case-insensitive keyword stays inside an ASCII identifier pattern.
    assert parse_pattern("k", "i") == cs("K", "k")
    assert parse_pattern("s", "i") == cs("S", "s")


def test_case_insensitive_i_excludes_turkic_dotless_i():
    # CaseFolding.txt folds U+0131 DOTLESS I only under the Turkic (T) status, so the default
    # folding used by JS /iu and tree-sitter keeps 'i' and 'I' to themselves.
    assert parse_pattern("i", "i") == cs("I", "i")
    assert parse_pattern("\\u0131", "i") == cs(0x131)


def test_case_insensitive_negated_class_folds_before_negating():
    # ECMAScript: /[^a]/i matches neither 'a' nor 'A'.
    assert parse_pattern("[^a]", "i") == cs((1, 0x40), (0x42, 0x60), (0x62, MAX))


def test_case_insensitive_string():
    assert string_to_rule("If", case_insensitive=True) == SEQ(cs("I", "i"), cs("F", "f"))


def test_ignored_flags_do_not_change_the_tree():
    for flags in ["g", "m", "u", "y", "gmuy"]:
        assert parse_pattern("a.[^b]", flags) == parse_pattern("a.[^b]"), flags


def test_unknown_and_duplicate_flags_are_errors():
    err = error_of("a", "gx")
    assert err.offset == 1 and "'x'" in str(err)
    assert error_of("a", "ii").offset == 1
    assert error_of("a", "v").offset == 0


# --- unsupported syntax and invalid patterns --------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "offset", "words"),
    [
        ("a^", 1, "anchor"),
        ("a$", 1, "anchor"),
        ("a(?=b)", 1, "lookaround"),
        ("a(?!b)", 1, "lookaround"),
        ("(?<=b)a", 0, "lookaround"),
        ("(?<!b)a", 0, "lookaround"),
        ("(a)\\1", 3, "backreference"),
        ("(?<x>a)\\k<x>", 7, "backreference"),
        ("a\\b", 1, "word boundary"),
        ("a\\B", 1, "word boundary"),
        ("(?i)a", 0, "group"),
        ("(?<1x>a)", 0, "group name"),
    ],
)
def test_unsupported_syntax(pattern, offset, words):
    err = error_of(pattern)
    assert err.offset == offset, str(err)
    assert words in str(err)


@pytest.mark.parametrize(
    ("pattern", "offset", "words"),
    [
        ("(ab", 0, "missing ')'"),
        ("a(b(c)", 1, "missing ')'"),
        ("ab)", 2, "unbalanced ')'"),
        ("[ab", 0, "missing ']'"),
        ("x[^", 1, "missing ']'"),
        ("*a", 0, "nothing to repeat"),
        ("a|+", 2, "nothing to repeat"),
        ("(?)", 0, "group syntax"),
        ("{2}", 0, "nothing to repeat"),
        ("a**", 2, "nothing to repeat"),
        ("a{2}{3}", 4, "nothing to repeat"),
        ("a*??", 3, "nothing to repeat"),
        ("a{2,1}", 1, "out of order"),
        ("a{2000}", 1, "repeat count"),
        ("[z-a]", 1, "out of order"),
        ("ab\\", 2, "trailing backslash"),
        ("[a\\", 2, "trailing backslash"),
        ("\\x4", 0, "hex digits"),
        ("\\xZZ", 0, "hex digits"),
        ("\\u12", 0, "hex digits"),
        ("\\u{110000}", 0, "\\u{...}"),
        ("\\u{}", 0, "\\u{...}"),
        ("\\c1", 0, "ASCII letter"),
        ("\\q", 0, "unknown escape"),
        ("[\\B]", 1, "unknown escape"),
        ("\\01", 0, "octal"),
        ("[\\1]", 1, "octal"),
        ("[\\d-z]", 1, "range endpoint"),
        ("[a-\\w]", 1, "range endpoint"),
    ],
)
def test_invalid_patterns_report_offset(pattern, offset, words):
    err = error_of(pattern)
    assert err.offset == offset, str(err)
    assert words in str(err), str(err)


def test_error_message_names_pattern_and_offset():
    err = error_of("ab[c")
    assert isinstance(err, ValueError)
    assert err.pattern == "ab[c"
    assert "/ab[c/" in str(err) and "offset 2" in str(err)


# --- range-list helpers -----------------------------------------------------------------------


def test_charset_normalizes():
    assert charset([(5, 7), [1, 2], (3, 4), (6, 10)]) == {"type": "CHARSET", "ranges": [[1, 10]]}
    assert charset([(5, 7), [1, 2], (6, 10)]) == {"type": "CHARSET", "ranges": [[1, 2], [5, 10]]}
    assert charset([(1, 2), (4, 5)]) == {"type": "CHARSET", "ranges": [[1, 2], [4, 5]]}
    assert charset([]) == {"type": "CHARSET", "ranges": []}


def test_charset_rejects_bad_ranges():
    for bad in [[(3, 2)], [(-1, 2)], [(0, MAX + 1)]]:
        with pytest.raises(ValueError):
            charset(bad)


def test_union():
    assert union([[1, 3]], [[4, 6], [10, 12]]) == [[1, 6], [10, 12]]
    assert union([], [[2, 2]]) == [[2, 2]]


def test_intersect():
    assert intersect([[1, 10], [20, 30]], [[5, 25]]) == [[5, 10], [20, 25]]
    assert intersect([[1, 3]], [[4, 6]]) == []
    assert intersect([[0, MAX]], [[7, 7]]) == [[7, 7]]


def test_subtract():
    assert subtract([[1, 10]], [[3, 4], [8, 20]]) == [[1, 2], [5, 7]]
    assert subtract([[0, 5]], [[1, 5]]) == [[0, 0]]
    assert subtract([[1, 3]], []) == [[1, 3]]


def test_complement_excludes_nul():
    assert complement([]) == [[1, MAX]]
    assert complement([[0, 0]]) == [[1, MAX]]
    assert complement([[1, MAX]]) == []
    assert complement([[5, 9], [MAX, MAX]]) == [[1, 4], [10, MAX - 1]]


def test_fold_case():
    assert fold_case([[ord("a"), ord("c")]]) == [[65, 67], [97, 99]]
    assert fold_case([[ord("0"), ord("9")]]) == [[48, 57]]
    assert fold_case([[0x212A, 0x212A]], unicode=True) == [[75, 75], [107, 107], [0x212A, 0x212A]]
    assert fold_case([[0x212A, 0x212A]]) == [[0x212A, 0x212A]]
    # Greek: U+03A3 SIGMA lowercases to U+03C3; final sigma U+03C2 uppercases to U+03A3.
    assert fold_case([[0x3C3, 0x3C3]]) == [[0x3A3, 0x3A3], [0x3C2, 0x3C3]]


def test_fold_case_skips_multi_character_mappings():
    # U+00DF SHARP S uppercases to "SS" (two characters), so it has no single-character variant
    # except U+1E9E CAPITAL SHARP S, whose lowercase is U+00DF.
    assert fold_case([[0xDF, 0xDF]]) == [[0xDF, 0xDF], [0x1E9E, 0x1E9E]]


def test_fold_case_of_everything_is_everything():
    assert fold_case([[0, MAX]]) == [[0, MAX]]
    assert fold_case([[0, MAX]], unicode=True) == [[0, MAX]]


def test_string_to_rule():
    assert string_to_rule("") == BLANK
    assert string_to_rule("x") == cs("x")
    assert string_to_rule("a+") == SEQ(cs("a"), cs("+"))


def test_helpers_do_not_alias_inputs():
    source = [[1, 2]]
    result = union(source, [])
    result[0][1] = 99
    assert source == [[1, 2]]


# --- property test against Python's re, on syntax where Python and JavaScript agree ------------

ATOMS = [
    "a",
    "b",
    "c",
    "0",
    "_",
    " ",
    "\\.",
    "\\-",
    ".",
    "\\d",
    "\\D",
    "\\w",
    "\\W",
    "\\s",
    "\\S",
    "[abc]",
    "[^a]",
    "[a-c0]",
    "[-a]",
    "[\\d_]",
    "[^\\s]",
    "[^\\w.]",
    "\\x61",
    "\\u0062",
    "\\n",
]
QUANTIFIERS = ["*", "+", "?", "{2}", "{0,2}", "{1,3}", "{2,}", "*?", "+?", "??", "{1,2}?"]
TEXT_ALPHABET = "abcAB0_ .-\n\tx"


def _regexes() -> st.SearchStrategy[str]:
    atoms = st.sampled_from(ATOMS)
    quantified_atom = st.builds(lambda a, q: a + q, atoms, st.sampled_from(QUANTIFIERS))

    def extend(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.builds(lambda a, b: a + b, children, children),
            st.builds(lambda a, b: a + "|" + b, children, children),
            st.builds(lambda a, q: "(?:" + a + ")" + q, children, st.sampled_from(QUANTIFIERS)),
            children.map(lambda a: "(" + a + ")"),
        )

    return st.recursive(st.one_of(atoms, quantified_atom), extend, max_leaves=6)


def to_python_regex(rule: dict) -> str:
    """Render our rule tree back into a Python ``re`` pattern (test oracle only)."""
    kind = rule["type"]
    if kind == "CHARSET":
        if not rule["ranges"]:
            return "(?!)"
        body = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in rule["ranges"])
        return f"[{body}]"
    if kind == "BLANK":
        return ""
    if kind == "SEQ":
        return "".join(f"(?:{to_python_regex(m)})" for m in rule["members"])
    if kind == "CHOICE":
        return "(?:" + "|".join(to_python_regex(m) for m in rule["members"]) + ")"
    suffix = "*" if kind == "REPEAT" else "+"
    return f"(?:{to_python_regex(rule['content'])}){suffix}"


PY_FLAGS = {"": 0, "i": re.IGNORECASE, "s": re.DOTALL, "is": re.IGNORECASE | re.DOTALL}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pattern=_regexes(), flags=st.sampled_from(sorted(PY_FLAGS)), data=st.data())
def test_same_language_as_python_re(pattern, flags, data):
    expected = re.compile(pattern, PY_FLAGS[flags])
    ours = re.compile(to_python_regex(parse_pattern(pattern, flags)))
    samples = data.draw(st.lists(st.text(TEXT_ALPHABET, max_size=6), max_size=15))
    matching = data.draw(
        st.lists(st.from_regex(expected, fullmatch=True, alphabet=TEXT_ALPHABET), max_size=5)
    )
    for text in samples + matching:
        want = expected.fullmatch(text) is not None
        got = ours.fullmatch(text) is not None
        assert got == want, f"/{pattern}/{flags} on {text!r}: ours {got}, Python re {want}"
