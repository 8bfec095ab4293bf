"""String functions of the VBA library (MS-VBAL 6.1.2.11 Strings module).

Functions returning a Variant propagate Null ("Left function": "If string
contains Null, Null is returned"); the ``$`` forms in the BUILTINS registry
turn that into error 94.  ``compare`` is the VBA argument: 0 binary, 1 text,
-1 (vbUseCompareOption) means the caller's Option Compare, which the
interpreter resolves before calling (binary here).
"""

from __future__ import annotations

import re

from .arrays import VbaArray
from .bytestrings import from_unicode, instr_arguments, to_unicode
from .coerce import to_long, to_string
from .operators import compare_strings
from .values import Empty, Integer, Missing, Null, VbaError

vbBinaryCompare, vbTextCompare, vbUseCompareOption = 0, 1, -1


def _s(v: object) -> str:
    return to_string(v)


def _n(v: object) -> int:
    return to_long(v)


def _is_text(compare: object) -> bool:
    if compare is None or isinstance(compare, Missing):
        return False
    c = _n(compare)
    if c not in (-1, 0, 1, 2):
        raise VbaError(5)
    return c == 1


def length(s: object) -> object:
    """Len(string): characters in the value's String form; Null gives Null."""
    if s is Null:
        return Null
    return len(_s(s))


def left(s: object, n: object) -> object:
    """Left(string, length); error 5 for a negative length."""
    if s is Null:
        return Null
    k = _n(n)
    if k < 0:
        raise VbaError(5)
    return _s(s)[:k]


def right(s: object, n: object) -> object:
    """Right(string, length)."""
    if s is Null:
        return Null
    k = _n(n)
    if k < 0:
        raise VbaError(5)
    text = _s(s)
    return text[max(len(text) - k, 0) :] if k else ""


def mid(s: object, start: object, n: object = None) -> object:
    """Mid(string, start[, length]); start is 1-based, error 5 if start < 1."""
    if s is Null:
        return Null
    i = _n(start)
    if i < 1:
        raise VbaError(5)
    text = _s(s)
    if n is None or isinstance(n, Missing):
        return text[i - 1 :]
    k = _n(n)
    if k < 0:
        raise VbaError(5)
    return text[i - 1 : i - 1 + k]


def mid_assign(target: str, start: object, replacement: object, n: object = None) -> str:
    """The Mid statement (MS-VBAL 5.4.3.5): overwrite in place, never changing the length."""
    i = _n(start)
    if i < 1 or i > len(target):
        raise VbaError(5)
    rep = _s(replacement)
    count = len(rep) if n is None else min(_n(n), len(rep))
    count = min(count, len(target) - i + 1)
    return target[: i - 1] + rep[:count] + target[i - 1 + count :]


def _find(hay: str, needle: str, start: int, text: bool) -> int:
    if text:
        hay, needle = hay.casefold(), needle.casefold()
    return hay.find(needle, start - 1) + 1


def instr(*args: object) -> object:
    """InStr([start, ]string1, string2[, compare]): 1-based position or 0."""
    start, s1, s2, compare = instr_arguments(args)
    if s1 is Null or s2 is Null:
        return Null
    hay, needle = _s(s1), _s(s2)
    if start > len(hay):
        return 0
    if needle == "":
        return start
    return _find(hay, needle, start, _is_text(compare))


def instrrev(s1: object, s2: object, start: object = -1, compare: object = None) -> object:
    """InStrRev(stringcheck, stringmatch[, start[, compare]]): last match at or before start."""
    if s1 is Null or s2 is Null:
        return Null
    hay, needle = _s(s1), _s(s2)
    st = _n(start)
    if st == 0 or st < -1:
        raise VbaError(5)
    if st == -1:
        st = len(hay)
    if st > len(hay):
        return 0
    if needle == "":
        return st
    if _is_text(compare):
        hay, needle = hay.casefold(), needle.casefold()
    return hay.rfind(needle, 0, st) + 1


def replace(
    expression: object,
    find: object,
    replacement: object,
    start: object = 1,
    count: object = -1,
    compare: object = None,
) -> object:
    """Replace(...): the result starts at ``start`` (the text before it is dropped)."""
    if expression is Null or find is Null or replacement is Null:
        raise VbaError(94)
    text, f, r = _s(expression), _s(find), _s(replacement)
    st, cnt = _n(start), _n(count)
    if st < 1 or cnt < -1:
        raise VbaError(5)
    text = text[st - 1 :]
    if f == "" or cnt == 0:
        return text
    if not _is_text(compare):
        return text.replace(f, r, cnt if cnt > 0 else -1)
    rx = re.compile(re.escape(f), re.IGNORECASE)
    return rx.sub(lambda _m: r, text, count=max(cnt, 0))


def split(expression: object, delimiter: object = " ", limit: object = -1, compare: object = None):
    """Split(...): a 0-based String array; "" gives an empty array (UBound -1)."""
    if expression is Null:
        raise VbaError(94)
    text, delim, lim = _s(expression), _s(delimiter), _n(limit)
    if lim < -1:
        raise VbaError(5)
    if text == "" or lim == 0:
        return VbaArray.from_list([])
    if delim == "":
        return VbaArray.from_list([text])
    if _is_text(compare):
        parts = re.split(re.escape(delim), text, maxsplit=max(lim - 1, 0), flags=re.IGNORECASE)
    else:
        parts = text.split(delim, lim - 1 if lim > 0 else -1)
    return VbaArray.from_list(parts)


def join(source: object, delimiter: object = " ") -> str:
    """Join(sourcearray[, delimiter]) of a 1-D array."""
    if not isinstance(source, VbaArray):
        raise VbaError(13)
    if len(source.bounds) > 1:
        raise VbaError(5)
    return _s(delimiter).join(_s(v) for v in source)


def filter_(
    source: object, match: object, include: object = True, compare: object = None
) -> VbaArray:
    """Filter(sourcearray, match[, include[, compare]]): a 0-based array of matches."""
    if not isinstance(source, VbaArray):
        raise VbaError(13)
    needle, text = _s(match), _is_text(compare)
    keep = bool(include)
    out = [v for v in source if (_find(_s(v), needle, 1, text) > 0) == keep]
    return VbaArray.from_list([_s(v) for v in out])


def trim(s: object) -> object:
    """Trim: removes leading and trailing spaces (only spaces, not tabs)."""
    return Null if s is Null else _s(s).strip(" ")


def ltrim(s: object) -> object:
    """LTrim."""
    return Null if s is Null else _s(s).lstrip(" ")


def rtrim(s: object) -> object:
    """RTrim."""
    return Null if s is Null else _s(s).rstrip(" ")


def ucase(s: object) -> object:
    """UCase."""
    return Null if s is Null else _s(s).upper()


def lcase(s: object) -> object:
    """LCase."""
    return Null if s is Null else _s(s).lower()


def strcomp(s1: object, s2: object, compare: object = None) -> object:
    """StrComp: -1, 0 or 1; Null if either string is Null."""
    if s1 is Null or s2 is Null:
        return Null
    return Integer(compare_strings(_s(s1), _s(s2), _is_text(compare)))


def strreverse(s: object) -> str:
    """StrReverse; error 94 for Null."""
    if s is Null:
        raise VbaError(94)
    return _s(s)[::-1]


def space(n: object) -> str:
    """Space(number)."""
    k = _n(n)
    if k < 0:
        raise VbaError(5)
    return " " * k


def string_(n: object, character: object) -> object:
    """String(number, character): ``character`` is a code or a string's first character."""
    if character is Null:
        return Null
    k = _n(n)
    if k < 0:
        raise VbaError(5)
    if isinstance(character, str):
        if character == "":
            raise VbaError(5)
        ch = character[0]
    else:
        ch = chr_(_n(character) % 256)
    return ch * k


def _ansi_code(ch: str) -> int:
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return 63  # "?" as the system code page substitutes it


def asc(s: object) -> int:
    """Asc: ANSI code (Windows-1252 in en-US) of the first character; error 5 for ""."""
    if s is Null:
        raise VbaError(94)
    text = _s(s)
    if not text:
        raise VbaError(5)
    return Integer(_ansi_code(text[0]))


def ascw(s: object) -> int:
    """AscW: the UTF-16 code unit of the first character, as a signed Integer."""
    if s is Null:
        raise VbaError(94)
    text = _s(s)
    if not text:
        raise VbaError(5)
    code = ord(text[0])
    if code > 0xFFFF:
        code = 0xD800 + ((code - 0x10000) >> 10)
    return Integer(code - 0x10000 if code > 0x7FFF else code)


def chr_(code: object) -> str:
    """Chr: character of an ANSI code 0..255 (error 5 otherwise)."""
    if (type(code) is int or type(code) is Integer) and 0 <= code < 128:
        return chr(code)  # ASCII: the same in every code page (fast path)
    c = _n(code)
    if not 0 <= c <= 255:
        raise VbaError(5)
    try:
        return bytes([c]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(c)


def chrw(code: object) -> str:
    """ChrW: character of a UTF-16 code -32768..65535 (negative = code + 65536)."""
    c = _n(code)
    if not -32768 <= c <= 65535:
        raise VbaError(5)
    return chr(c % 65536)


def strconv(s: object, conversion: object, lcid: object = None) -> object:
    """StrConv for vbUpperCase (1), vbLowerCase (2), vbProperCase (3), and vbUnicode (64) /
    vbFromUnicode (128), which convert between text and its ANSI bytes (bytestrings.py)."""
    if s is Null:
        return Null
    text, conv = _s(s), _n(conversion)
    case, code_page = conv & ~(64 | 128), conv & (64 | 128)
    if case not in (0, 1, 2, 3) or code_page == 64 | 128 or conv == 0:
        raise VbaError(5)
    if code_page == 64:
        text = to_unicode(text)
    if case == 3:
        text = re.sub(r"[^\W_]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:].lower(), text)
    elif case == 1:
        text = text.upper()
    elif case == 2:
        text = text.lower()
    return from_unicode(text) if code_page == 128 else text


def lset(target: str, value: object) -> str:
    """LSet: left-align in the target's length (pad with spaces or truncate)."""
    text = _s(value)
    return text[: len(target)].ljust(len(target))


def rset(target: str, value: object) -> str:
    """RSet: right-align in the target's length."""
    text = _s(value)
    return text[: len(target)].rjust(len(target))


def fixed_string(value: object, size: int) -> str:
    """Value of a ``String * size`` variable: padded with spaces or truncated."""
    if value is Empty:
        value = ""
    return _s(value)[:size].ljust(size)
