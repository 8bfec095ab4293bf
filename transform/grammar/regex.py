"""Regular-expression front end of the lexer generator.

A tree-sitter ``grammar.json`` stores each ``PATTERN`` as the ``source`` of a JavaScript RegExp
literal. The lexer generator only understands plain grammar rules (``SEQ``, ``CHOICE``,
``REPEAT``, ...), so this module translates a pattern into a rule tree of plain dicts whose
leaves are ``CHARSET`` nodes: sets of Unicode code points given as inclusive, sorted,
non-overlapping, merged ``[lo, hi]`` ranges.

The syntax is JavaScript's (with Annex B leniency for a stray ``{``, ``}`` or ``]``); the
semantics are what a tree-sitter lexer can do: no anchors, lookarounds, word boundaries or
backreferences. Code point 0 is what the lexer sees at end of input, so complemented sets
(``[^...]``, ``.``, ``\\D``, ``\\P{...}``) never contain it; otherwise a token could loop at EOF.
"""

from __future__ import annotations

import bisect
import copy
import functools
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = [
    "MAX_CODE_POINT",
    "RegexError",
    "charset",
    "complement",
    "fold_case",
    "intersect",
    "parse_pattern",
    "string_to_rule",
    "subtract",
    "union",
]

MAX_CODE_POINT = 0x10FFFF
MAX_REPEAT_COUNT = 1000  # {n,m} is expanded into copies; guard against absurd sizes.

Ranges = list[list[int]]
Rule = dict
RangeTuple = tuple[tuple[int, int], ...]


class RegexError(ValueError):
    """A pattern that is malformed or uses syntax a tree-sitter lexer cannot implement.

    Carries ``pattern``, ``offset`` (character index into the pattern, or into the flags for
    a bad flag) and ``reason`` so callers can point the grammar author at the exact spot.
    """

    def __init__(self, pattern: str, offset: int, reason: str, *, in_flags: bool = False):
        where = "flags offset" if in_flags else "offset"
        super().__init__(f"invalid pattern /{pattern}/ at {where} {offset}: {reason}")
        self.pattern = pattern
        self.offset = offset
        self.reason = reason


# ---------------------------------------------------------------------------------------------
# Range-list algebra. Every public helper accepts any iterable of (lo, hi) pairs and returns a
# fresh normalized list, so callers never share (and accidentally mutate) cached tables.
# ---------------------------------------------------------------------------------------------


def _normalize(ranges: Iterable[Sequence[int]]) -> Ranges:
    """Sort and merge overlapping or adjacent ranges: the canonical form of a CHARSET."""
    merged: Ranges = []
    for lo, hi in sorted((int(lo), int(hi)) for lo, hi in ranges):
        if lo > hi or lo < 0 or hi > MAX_CODE_POINT:
            raise ValueError(f"invalid code point range [{lo}, {hi}]")
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return merged


def _invert(ranges: Ranges, low: int) -> Ranges:
    """Complement of normalized ``ranges`` within ``low..MAX_CODE_POINT``."""
    result: Ranges = []
    nxt = low
    for lo, hi in ranges:
        if hi < nxt:
            continue
        if lo > nxt:
            result.append([nxt, lo - 1])
        nxt = hi + 1
    if nxt <= MAX_CODE_POINT:
        result.append([nxt, MAX_CODE_POINT])
    return result


def charset(ranges: Iterable[Sequence[int]]) -> Rule:
    """Build a normalized CHARSET node, so equal sets always compare equal as dicts."""
    return {"type": "CHARSET", "ranges": _normalize(ranges)}


def union(a: Iterable[Sequence[int]], b: Iterable[Sequence[int]]) -> Ranges:
    """Code points in ``a`` or ``b``."""
    return _normalize([*a, *b])


def intersect(a: Iterable[Sequence[int]], b: Iterable[Sequence[int]]) -> Ranges:
    """Code points in both ``a`` and ``b`` (two-pointer sweep, linear in the range counts)."""
    left, right = _normalize(a), _normalize(b)
    result: Ranges = []
    i = j = 0
    while i < len(left) and j < len(right):
        lo = max(left[i][0], right[j][0])
        hi = min(left[i][1], right[j][1])
        if lo <= hi:
            result.append([lo, hi])
        if left[i][1] < right[j][1]:
            i += 1
        else:
            j += 1
    return result


def subtract(a: Iterable[Sequence[int]], b: Iterable[Sequence[int]]) -> Ranges:
    """Code points in ``a`` but not in ``b`` (0 is kept if it is in ``a``)."""
    return intersect(a, _invert(_normalize(b), 0))


def complement(ranges: Iterable[Sequence[int]]) -> Ranges:
    """Code points 1..0x10FFFF not in ``ranges``; 0 is excluded because it marks end of input."""
    return _invert(_normalize(ranges), 1)


# ---------------------------------------------------------------------------------------------
# Case folding.
# ---------------------------------------------------------------------------------------------


# U+0131 DOTLESS I uppercases to 'I', but Unicode's default case folding (CaseFolding.txt,
# status C/S, which JS /iu and tree-sitter use) links it to nothing: only the Turkic-specific
# (T) folding does. Keeping the edge would make case-insensitive "if" match "\u0131f".
_TURKIC_ONLY = frozenset({0x131})


def _case_edges() -> Iterable[tuple[int, int]]:
    """Pairs (c, d) where d is the single-code-point lower or upper case of c.

    This matches Unicode simple case folding classes except for the Turkic dotless i.

    Scans in blocks and skips blocks that case mapping leaves unchanged, which keeps the
    one-off scan of all 0x110000 code points cheap.
    """
    block = 512
    for start in range(0, MAX_CODE_POINT + 1, block):
        text = "".join(map(chr, range(start, min(start + block, MAX_CODE_POINT + 1))))
        if text.lower() == text and text.upper() == text:
            continue
        for offset, char in enumerate(text):
            if start + offset in _TURKIC_ONLY:
                continue
            for mapped in (char.lower(), char.upper()):
                if mapped != char and len(mapped) == 1:
                    yield start + offset, ord(mapped)


@functools.lru_cache(maxsize=1)
def _case_classes() -> tuple[tuple[int, ...], dict[int, tuple[int, ...]]]:
    """Sorted code points that have case variants, and each one's full equivalence class.

    Classes are the connected components of the lower/upper relation, so 'k', 'K' and the
    Kelvin sign U+212A all land in one class even though no single mapping links all three.
    """
    neighbours: dict[int, set[int]] = {}
    for a, b in _case_edges():
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    classes: dict[int, tuple[int, ...]] = {}
    for start in neighbours:
        if start in classes:
            continue
        members, todo = {start}, [start]
        while todo:
            for other in neighbours[todo.pop()]:
                if other not in members:
                    members.add(other)
                    todo.append(other)
        group = tuple(sorted(members))
        for member in group:
            classes[member] = group
    return tuple(sorted(classes)), classes


def fold_case(ranges: Iterable[Sequence[int]], unicode: bool = False) -> Ranges:
    """Close a set under simple case mapping, as the ``i`` flag requires.

    Without the ``u`` flag JavaScript never folds a non-ASCII character into ASCII (ECMA-262
    Canonicalize), so /k/i does not match the Kelvin sign and `/lock/i` stays within an
    ASCII identifier pattern; with ``u`` full simple case folding applies.
    Only the few thousand code points with case variants are visited (found by bisection),
    so even a near-complete set folds quickly.
    """
    base = _normalize(ranges)
    cased, classes = _case_classes()
    extra: list[tuple[int, int]] = []
    for lo, hi in base:
        for index in range(bisect.bisect_left(cased, lo), bisect.bisect_right(cased, hi)):
            point = cased[index]
            extra.extend(
                (cp, cp) for cp in classes[point] if unicode or (cp < 128) == (point < 128)
            )
    return _normalize([*base, *extra])


def string_to_rule(text: str, case_insensitive: bool = False) -> Rule:
    """A STRING rule as a SEQ of single-character CHARSETs, so the lexer sees one rule kind."""
    members = []
    for char in text:
        ranges = [[ord(char), ord(char)]]
        members.append(charset(fold_case(ranges) if case_insensitive else ranges))
    return _seq(members)


# ---------------------------------------------------------------------------------------------
# Unicode properties.
# ---------------------------------------------------------------------------------------------

_CATEGORY_NAMES: dict[str, tuple[str, ...]] = {
    # Long name -> two-letter categories it covers. Short names map through _CATEGORY_ALIASES.
    "Cased_Letter": ("Lu", "Ll", "Lt"),
    "Letter": ("Lu", "Ll", "Lt", "Lm", "Lo"),
    "Mark": ("Mn", "Mc", "Me"),
    "Number": ("Nd", "Nl", "No"),
    "Punctuation": ("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"),
    "Symbol": ("Sm", "Sc", "Sk", "So"),
    "Separator": ("Zs", "Zl", "Zp"),
    "Other": ("Cc", "Cf", "Cs", "Co", "Cn"),
}

_CATEGORY_ALIASES: dict[str, str] = {
    "LC": "Cased_Letter",
    "L": "Letter",
    "M": "Mark",
    "Combining_Mark": "Mark",
    "N": "Number",
    "P": "Punctuation",
    "punct": "Punctuation",
    "S": "Symbol",
    "Z": "Separator",
    "C": "Other",
}

_SUBCATEGORY_LONG_NAMES: dict[str, str] = {
    "Uppercase_Letter": "Lu",
    "Lowercase_Letter": "Ll",
    "Titlecase_Letter": "Lt",
    "Modifier_Letter": "Lm",
    "Other_Letter": "Lo",
    "Nonspacing_Mark": "Mn",
    "Spacing_Mark": "Mc",
    "Enclosing_Mark": "Me",
    "Decimal_Number": "Nd",
    "digit": "Nd",
    "Letter_Number": "Nl",
    "Other_Number": "No",
    "Connector_Punctuation": "Pc",
    "Dash_Punctuation": "Pd",
    "Open_Punctuation": "Ps",
    "Close_Punctuation": "Pe",
    "Initial_Punctuation": "Pi",
    "Final_Punctuation": "Pf",
    "Other_Punctuation": "Po",
    "Math_Symbol": "Sm",
    "Currency_Symbol": "Sc",
    "Modifier_Symbol": "Sk",
    "Other_Symbol": "So",
    "Space_Separator": "Zs",
    "Line_Separator": "Zl",
    "Paragraph_Separator": "Zp",
    "Control": "Cc",
    "cntrl": "Cc",
    "Format": "Cf",
    "Surrogate": "Cs",
    "Private_Use": "Co",
    "Unassigned": "Cn",
}


@functools.lru_cache(maxsize=1)
def _category_table() -> dict[str, RangeTuple]:
    """Ranges of every two-letter general category, from a single pass over all code points."""
    runs: dict[str, list[tuple[int, int]]] = {}
    category = unicodedata.category
    previous, start = category("\0"), 0
    for cp in range(1, MAX_CODE_POINT + 1):
        current = category(chr(cp))
        if current != previous:
            runs.setdefault(previous, []).append((start, cp - 1))
            previous, start = current, cp
    runs.setdefault(previous, []).append((start, MAX_CODE_POINT))
    return {name: tuple(ranges) for name, ranges in runs.items()}


def _general_category(name: str) -> Ranges | None:
    """Ranges for a general category given by short or long name, or None if not one."""
    name = _CATEGORY_ALIASES.get(name, name)
    name = _SUBCATEGORY_LONG_NAMES.get(name, name)
    if name in _CATEGORY_NAMES:
        parts = _CATEGORY_NAMES[name]
    elif len(name) == 2 and any(name in group for group in _CATEGORY_NAMES.values()):
        parts = (name,)
    else:
        return None
    table = _category_table()
    return _normalize(r for part in parts for r in table.get(part, ()))


def _is_xid_start(char: str) -> bool:
    # Python identifiers are XID_Start/XID_Continue, plus '_' allowed as a start character.
    return char != "_" and char.isidentifier()


def _is_xid_continue(char: str) -> bool:
    return ("a" + char).isidentifier()


_PREDICATES = {
    "XID_Start": _is_xid_start,
    "XID_Continue": _is_xid_continue,
    "Alphabetic": str.isalpha,
    "White_Space": str.isspace,
}


@functools.cache
def _scan(property_name: str) -> RangeTuple:
    """Ranges of code points satisfying a ``str`` predicate (one pass, cached per property)."""
    predicate = _PREDICATES[property_name]
    ranges: list[tuple[int, int]] = []
    start = None
    for cp in range(MAX_CODE_POINT + 2):
        inside = cp <= MAX_CODE_POINT and predicate(chr(cp))
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            ranges.append((start, cp - 1))
            start = None
    return tuple(ranges)


_BINARY_PROPERTIES: dict[str, str] = {
    "XID_Start": "XID_Start",
    "XIDS": "XID_Start",
    "XID_Continue": "XID_Continue",
    "XIDC": "XID_Continue",
    "Alphabetic": "Alphabetic",
    "Alpha": "Alphabetic",
    "White_Space": "White_Space",
    "space": "White_Space",
}


def _unicode_property(name: str) -> Ranges | None:
    """Ranges for ``\\p{name}``; None when the property is unknown or unsupported."""
    if "=" in name:
        key, _, value = name.partition("=")
        return _general_category(value) if key in ("General_Category", "gc") else None
    if name == "Any":
        return [[0, MAX_CODE_POINT]]
    if name == "ASCII":
        return [[0, 0x7F]]
    found = _general_category(name)
    if found is not None:
        return found
    if name in _BINARY_PROPERTIES:
        return [list(r) for r in _scan(_BINARY_PROPERTIES[name])]
    return None


# ---------------------------------------------------------------------------------------------
# Rule constructors with the trivial simplifications the lexer generator relies on.
# ---------------------------------------------------------------------------------------------

_BLANK: Rule = {"type": "BLANK"}


def _blank() -> Rule:
    return dict(_BLANK)


def _seq(members: Iterable[Rule]) -> Rule:
    """SEQ with nested SEQs flattened and BLANKs dropped; 0 members is BLANK, 1 is itself."""
    flat: list[Rule] = []
    for member in members:
        if member["type"] == "SEQ":
            flat.extend(member["members"])
        elif member["type"] != "BLANK":
            flat.append(member)
    if not flat:
        return _blank()
    return flat[0] if len(flat) == 1 else {"type": "SEQ", "members": flat}


def _choice(members: Iterable[Rule]) -> Rule:
    """CHOICE with nested CHOICEs flattened and duplicate alternatives dropped."""
    flat: list[Rule] = []
    for member in members:
        for alternative in member["members"] if member["type"] == "CHOICE" else [member]:
            if alternative not in flat:
                flat.append(alternative)
    return flat[0] if len(flat) == 1 else {"type": "CHOICE", "members": flat}


def _optional(rule: Rule) -> Rule:
    return _choice([rule, _blank()])


def _repeat(rule: Rule, at_least_one: bool) -> Rule:
    """REPEAT/REPEAT1, collapsing repeats of repeats and repeats of the empty string."""
    if rule["type"] == "BLANK":
        return rule
    if rule["type"] in ("REPEAT", "REPEAT1"):
        if rule["type"] == "REPEAT1" and not at_least_one:
            return {"type": "REPEAT", "content": rule["content"]}
        return rule
    return {"type": "REPEAT1" if at_least_one else "REPEAT", "content": rule}


def _bounded(rule: Rule, low: int, high: int | None) -> Rule:
    """Expand ``rule{low,high}`` (high None = unbounded) into copies of the rule."""
    if high is None:
        if low <= 1:
            return _repeat(rule, at_least_one=low == 1)
        return _seq([*(copy.deepcopy(rule) for _ in range(low)), _repeat(rule, False)])
    tail: Rule | None = None
    for _ in range(high - low):
        inner = rule if tail is None else _seq([copy.deepcopy(rule), tail])
        tail = _optional(copy.deepcopy(inner))
    required = [copy.deepcopy(rule) for _ in range(low)]
    return _seq([*required, tail] if tail is not None else required)


# ---------------------------------------------------------------------------------------------
# The parser.
# ---------------------------------------------------------------------------------------------

_DIGITS: Ranges = [[0x30, 0x39]]
_WORD: Ranges = [[0x30, 0x39], [0x41, 0x5A], [0x5F, 0x5F], [0x61, 0x7A]]
_SPACE: Ranges = _normalize(
    [
        (0x09, 0x0D),
        (0x20, 0x20),
        (0xA0, 0xA0),
        (0x1680, 0x1680),
        (0x2000, 0x200A),
        (0x2028, 0x2029),
        (0x202F, 0x202F),
        (0x205F, 0x205F),
        (0x3000, 0x3000),
        (0xFEFF, 0xFEFF),
    ]
)
_CLASS_ESCAPES: dict[str, tuple[Ranges, bool]] = {
    "d": (_DIGITS, False),
    "D": (_DIGITS, True),
    "w": (_WORD, False),
    "W": (_WORD, True),
    "s": (_SPACE, False),
    "S": (_SPACE, True),
}
_CONTROL_ESCAPES = {"n": 0x0A, "r": 0x0D, "t": 0x09, "f": 0x0C, "v": 0x0B}
_KNOWN_FLAGS = "dgimsuy"
_HEX = "0123456789abcdefABCDEF"


class _Parser:
    """Recursive-descent parser over the pattern text; one instance per pattern."""

    def __init__(self, pattern: str, ignore_case: bool, dot_all: bool, unicode: bool = False):
        self.pattern = pattern
        self.pos = 0
        self.ignore_case = ignore_case
        self.unicode = unicode
        self.dot_all = dot_all

    # -- helpers ------------------------------------------------------------------------------

    def error(self, reason: str, offset: int | None = None) -> RegexError:
        return RegexError(self.pattern, self.pos if offset is None else offset, reason)

    def peek(self, ahead: int = 0) -> str:
        index = self.pos + ahead
        return self.pattern[index] if index < len(self.pattern) else ""

    def startswith(self, text: str) -> bool:
        return self.pattern.startswith(text, self.pos)

    def finish_set(self, ranges: Ranges, negated: bool) -> Ranges:
        """Fold before negating, so ``[^a]`` with ``i`` excludes both 'a' and 'A' (as in JS)."""
        if self.ignore_case:
            ranges = fold_case(ranges, self.unicode)
        return complement(ranges) if negated else ranges

    # -- structure ----------------------------------------------------------------------------

    def parse(self) -> Rule:
        rule = self.alternation()
        if self.pos < len(self.pattern):  # only a ')' can stop an alternation early
            raise self.error("unbalanced ')' without a matching '('")
        return rule

    def alternation(self) -> Rule:
        alternatives = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            alternatives.append(self.sequence())
        return _choice(alternatives)

    def sequence(self) -> Rule:
        members: list[Rule] = []
        while self.peek() not in ("", "|", ")"):
            members.append(self.quantified())
        return _seq(members)

    def quantified(self) -> Rule:
        atom = self.atom()
        bounds = self.quantifier()
        if bounds is None:
            return atom
        if self.peek() == "?":  # lazy: same language
            self.pos += 1
        if self.peek() in ("*", "+", "?") or self.brace_quantifier_at(self.pos):
            raise self.error("nothing to repeat (a quantifier cannot follow a quantifier)")
        low, high = bounds
        return _bounded(atom, low, high)

    def quantifier(self) -> tuple[int, int | None] | None:
        char = self.peek()
        simple = {"*": (0, None), "+": (1, None), "?": (0, 1)}
        if char in simple:
            self.pos += 1
            return simple[char]
        parsed = self.brace_quantifier_at(self.pos)
        if parsed is None:
            return None
        low, high, end = parsed
        if high is not None and high < low:
            raise self.error(f"numbers out of order in {{{low},{high}}} quantifier")
        if max(low, high or 0) > MAX_REPEAT_COUNT:
            raise self.error(f"repeat count above {MAX_REPEAT_COUNT} is not supported")
        self.pos = end
        return low, high

    def brace_quantifier_at(self, start: int) -> tuple[int, int | None, int] | None:
        """Parse ``{n}``, ``{n,}`` or ``{n,m}`` at ``start``; None if the brace is a literal."""
        text = self.pattern
        if start >= len(text) or text[start] != "{":
            return None
        end = text.find("}", start)
        if end < 0:
            return None
        low, comma, high = text[start + 1 : end].partition(",")
        if not low.isascii() or not low.isdigit():
            return None
        if high and (not high.isascii() or not high.isdigit()):
            return None
        upper = int(high) if high else (None if comma else int(low))
        return int(low), upper, end + 1

    # -- atoms --------------------------------------------------------------------------------

    def atom(self) -> Rule:
        char = self.peek()
        if char in ("*", "+", "?") or self.brace_quantifier_at(self.pos):
            raise self.error(f"nothing to repeat before quantifier {char!r}")
        if char in ("^", "$"):
            raise self.error(f"anchor {char!r} is not supported in tree-sitter tokens")
        if char == "(":
            return self.group()
        if char == "[":
            return charset(self.char_class())
        if char == ".":
            self.pos += 1
            return charset(complement([] if self.dot_all else [[0x0A, 0x0A]]))
        if char == "\\":
            return charset(self.escape_outside_class())
        self.pos += 1
        return charset(self.finish_set([[ord(char), ord(char)]], False))

    def group(self) -> Rule:
        start = self.pos
        self.pos += 1
        if self.peek() == "?":
            self.group_prefix(start)
        rule = self.alternation()
        if self.peek() != ")":
            raise self.error("unterminated group: missing ')'", start)
        self.pos += 1
        return rule

    def group_prefix(self, start: int) -> None:
        """Consume ``?:`` or ``?<name>``; reject lookarounds and other ``(?`` forms."""
        for prefix in ("?=", "?!", "?<=", "?<!"):
            if self.startswith(prefix):
                raise self.error("lookaround assertions are not supported", start)
        if self.startswith("?:"):
            self.pos += 2
            return
        if self.startswith("?<"):
            end = self.pattern.find(">", self.pos)
            name = self.pattern[self.pos + 2 : end] if end >= 0 else ""
            if not name.isidentifier():
                raise self.error("invalid capture group name", start)
            self.pos = end + 1
            return
        raise self.error("unsupported group syntax '(?'", start)

    # -- classes ------------------------------------------------------------------------------

    def char_class(self) -> Ranges:
        """Parse ``[...]``; JS rules: ``[]`` matches nothing and ``[^]`` matches anything."""
        start = self.pos
        self.pos += 1
        negated = self.peek() == "^"
        if negated:
            self.pos += 1
        items: Ranges = []
        while self.peek() != "]":
            if self.peek() == "":
                raise self.error("unterminated character class: missing ']'", start)
            items.extend(self.class_item())
        self.pos += 1
        return complement(items) if negated else items

    def class_item(self) -> Ranges:
        """One class member: a character, a range ``a-z`` or a class escape like ``\\d``."""
        item_start = self.pos
        first = self.class_atom()
        if self.peek() != "-" or self.peek(1) in ("]", ""):
            return first if isinstance(first, list) else self.finish_set([[first, first]], False)
        self.pos += 1
        last = self.class_atom()
        if isinstance(first, list) or isinstance(last, list):
            raise self.error("a class escape cannot be a range endpoint", item_start)
        if first > last:
            raise self.error(
                f"range out of order in character class: {chr(first)!r}-{chr(last)!r}",
                item_start,
            )
        return self.finish_set([[first, last]], False)

    def class_atom(self) -> int | Ranges:
        """A code point, or an already finished set for escapes like ``\\w``/``\\p{L}``."""
        char = self.peek()
        if char != "\\":
            self.pos += 1
            return ord(char)
        if self.peek(1) == "b":
            self.pos += 2
            return 0x08
        if self.peek(1) == "-":
            self.pos += 2
            return ord("-")
        return self.escape(in_class=True)

    # -- escapes ------------------------------------------------------------------------------

    def escape_outside_class(self) -> Ranges:
        result = self.escape(in_class=False)
        return result if isinstance(result, list) else self.finish_set([[result, result]], False)

    def escape(self, in_class: bool) -> int | Ranges:
        """Parse an escape starting at the backslash: a code point or a finished set."""
        start = self.pos
        self.pos += 1
        char = self.peek()
        if char == "":
            raise self.error("pattern ends with a trailing backslash", start)
        self.pos += 1
        if char in _CLASS_ESCAPES:
            ranges, negated = _CLASS_ESCAPES[char]
            return self.finish_set(ranges, negated)
        if char in ("p", "P"):
            return self.finish_set(self.property_escape(start), char == "P")
        if char in _CONTROL_ESCAPES:
            return _CONTROL_ESCAPES[char]
        if char == "0":
            if self.peek().isdigit():
                raise self.error("legacy octal escapes are not supported", start)
            return 0
        if char.isascii() and char.isdigit():
            if in_class:
                raise self.error("legacy octal escapes are not supported", start)
            raise self.error("backreferences are not supported in tree-sitter tokens", start)
        return self.letter_escape(char, start, in_class)

    def letter_escape(self, char: str, start: int, in_class: bool) -> int:
        """Escapes introduced by a letter (or identity escapes of punctuation)."""
        if char == "x":
            return self.hex_digits(2, start)
        if char == "u":
            return self.unicode_escape(start)
        if char == "c":
            letter = self.peek()
            if not (letter.isascii() and letter.isalpha()):
                raise self.error("\\c must be followed by an ASCII letter", start)
            self.pos += 1
            return ord(letter) % 32
        if char in ("b", "B") and not in_class:
            raise self.error("word boundary assertions are not supported", start)
        if char == "k":
            raise self.error("named backreferences are not supported", start)
        if char.isascii() and char.isalnum():
            raise self.error(f"unknown escape '\\{char}'", start)
        return ord(char)

    def hex_digits(self, count: int, start: int) -> int:
        digits = self.pattern[self.pos : self.pos + count]
        if len(digits) != count or any(d not in _HEX for d in digits):
            raise self.error(f"expected {count} hex digits in escape", start)
        self.pos += count
        return int(digits, 16)

    def unicode_escape(self, start: int) -> int:
        """``\\uHHHH`` (joining a surrogate pair, as JS does with ``u``) or ``\\u{H...}``."""
        if self.peek() == "{":
            end = self.pattern.find("}", self.pos)
            digits = self.pattern[self.pos + 1 : end] if end >= 0 else ""
            if not digits or any(d not in _HEX for d in digits) or int(digits, 16) > 0x10FFFF:
                raise self.error("invalid \\u{...} escape", start)
            self.pos = end + 1
            return int(digits, 16)
        value = self.hex_digits(4, start)
        if 0xD800 <= value <= 0xDBFF and self.startswith("\\u"):
            low = self.pattern[self.pos + 2 : self.pos + 6]
            if len(low) == 4 and all(d in _HEX for d in low) and 0xDC00 <= int(low, 16) <= 0xDFFF:
                self.pos += 6
                return 0x10000 + ((value - 0xD800) << 10) + (int(low, 16) - 0xDC00)
        return value

    def property_escape(self, start: int) -> Ranges:
        if self.peek() != "{":
            raise self.error("\\p and \\P must be followed by {Property}", start)
        end = self.pattern.find("}", self.pos)
        if end < 0:
            raise self.error("unterminated \\p{...}", start)
        name = self.pattern[self.pos + 1 : end]
        ranges = _unicode_property(name)
        if ranges is None:
            raise self.error(f"unknown or unsupported Unicode property {name!r}", start)
        self.pos = end + 1
        return ranges


def _check_flags(pattern: str, flags: str) -> None:
    for index, flag in enumerate(flags):
        if flag not in _KNOWN_FLAGS:
            raise RegexError(pattern, index, f"unknown flag {flag!r}", in_flags=True)
        if flag in flags[:index]:
            raise RegexError(pattern, index, f"duplicate flag {flag!r}", in_flags=True)


def parse_pattern(pattern: str, flags: str = "") -> Rule:
    """Translate a grammar.json PATTERN (JS RegExp source plus flags) into a rule tree.

    Flags: ``i`` closes every set under case mapping, ``s`` lets ``.`` match newline; ``u``,
    ``g``, ``m``, ``y`` and ``d`` are accepted and do not change the token's language.
    """
    _check_flags(pattern, flags)
    parser = _Parser(pattern, ignore_case="i" in flags, dot_all="s" in flags, unicode="u" in flags)
    return parser.parse()
