"""Byte functions of the VBA library: LenB, LeftB, RightB, MidB, InStrB, AscB, ChrB, and the
byte strings StrConv's vbFromUnicode / vbUnicode convert to and from.

A VBA String is a sequence of bytes, two for each UTF-16 code unit, low byte first ("Len
function": LenB("ABc") is 6, "6 bytes used for Unicode"); a Python ``str`` holds the code
units. The byte functions count, cut and search those bytes, so a String can end up with an
odd number of bytes (``LeftB("abc", 3)``, ``ChrB(65)``). The last byte of such a String
belongs to no character: it is kept as one character of the private-use range
U+10FF00..U+10FFFF (``LONE`` + the byte), which these functions read back as that single
byte wherever it stands. So ``s & ChrB(b)`` repeated and then ``StrConv(s, vbUnicode)``
(the usual way of building text from bytes) gives VBA's result, whether the pieces are
joined by the interpreter, ``vba.concat`` or Python's ``+``. Character functions (Len, Mid,
=) see such a String's pieces, not re-paired bytes: ``Len(ChrB(65) & ChrB(0))`` is 2 here
where VBA, pairing the bytes into "A", says 1; a String passed through StrConv, MidB, LeftB
or RightB is re-paired.
"""

from __future__ import annotations

from .coerce import to_long, to_string
from .values import Integer, Missing, Null, VbaError

LONE = 0x10FF00
"""``chr(LONE + b)`` stands for the single byte ``b`` of a String with an odd byte count."""
_FIRST_LONE = chr(LONE)
ANSI = "cp1252"
"""The code page of vbFromUnicode / vbUnicode, as Asc and Chr use it (en-US)."""


def to_bytes(text: str) -> bytes:
    """The bytes of a VBA String: UTF-16LE code units, a lone-byte character as its byte."""
    if not text or max(text) < _FIRST_LONE:
        return text.encode("utf-16-le", "surrogatepass")
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code >= LONE:
            out.append(code - LONE)
        else:
            out += ch.encode("utf-16-le", "surrogatepass")
    return bytes(out)


def from_bytes(data: bytes) -> str:
    """The String of these bytes: pairs are UTF-16LE code units, an odd last byte stays lone."""
    even = len(data) & ~1
    text = data[:even].decode("utf-16-le", "surrogatepass")
    if even < len(data):
        text += chr(LONE + data[-1])
    return text


def _count(n: object) -> int:
    k = to_long(n)
    if k < 0:
        raise VbaError(5)
    return k


def lenb(s: object) -> object:
    """LenB(string): bytes used to represent the String ("Len function" note); Null gives
    Null, like Len."""
    if s is Null:
        return Null
    text = to_string(s)
    if text.isascii():
        return 2 * len(text)
    return len(to_bytes(text))


def leftb(s: object, n: object) -> object:
    """LeftB(string, length): the first ``length`` bytes; error 5 for a negative length."""
    if s is Null:
        return Null
    k = _count(n)
    return from_bytes(to_bytes(to_string(s))[:k])


def rightb(s: object, n: object) -> object:
    """RightB(string, length): the last ``length`` bytes."""
    if s is Null:
        return Null
    k = _count(n)
    data = to_bytes(to_string(s))
    return from_bytes(data[max(len(data) - k, 0) :] if k else b"")


def midb(s: object, start: object, n: object = None) -> object:
    """MidB(string, start[, length]): bytes from the 1-based byte ``start`` ("Mid function"
    note: the arguments count bytes); error 5 if start < 1 or length < 0."""
    if s is Null:
        return Null
    i = to_long(start)
    if i < 1:
        raise VbaError(5)
    data = to_bytes(to_string(s))
    if n is None or isinstance(n, Missing):
        return from_bytes(data[i - 1 :])
    return from_bytes(data[i - 1 : i - 1 + _count(n)])


def instr_arguments(args: tuple) -> tuple[int, object, object, object]:
    """The argument rules InStr and InStrB share: ([start, ]string1, string2[, compare])
    with start Null an error 94, below 1 an error 5."""
    if len(args) == 2:
        return 1, args[0], args[1], None
    if len(args) not in (3, 4):
        raise VbaError(450)
    start = args[0]
    if start is Null:
        raise VbaError(94)
    start = 1 if isinstance(start, Missing) else to_long(start)
    if start < 1:
        raise VbaError(5)
    return start, args[1], args[2], args[3] if len(args) == 4 else None


def instrb(*args: object) -> object:
    """InStrB([start, ]string1, string2[, compare]): the byte position of string2 in string1
    (a match may start at any byte), 0 if none; the argument rules are InStr's."""
    start, s1, s2, compare = instr_arguments(args)
    if s1 is Null or s2 is Null:
        return Null
    hay, needle = to_string(s1), to_string(s2)
    if compare is not None and not isinstance(compare, Missing):
        mode = to_long(compare)
        if mode not in (-1, 0, 1, 2):
            raise VbaError(5)
        if mode == 1:
            hay, needle = hay.lower(), needle.lower()
    data, sought = to_bytes(hay), to_bytes(needle)
    if start > len(data):
        return 0
    if not sought:
        return start
    return data.find(sought, start - 1) + 1


def ascb(s: object) -> Integer:
    """AscB(string): the first byte; error 5 for "", 94 for Null (as Asc)."""
    if s is Null:
        raise VbaError(94)
    data = to_bytes(to_string(s))
    if not data:
        raise VbaError(5)
    return Integer(data[0])


def chrb(code: object) -> str:
    """ChrB(charcode): a String of the single byte 0..255 (error 5 otherwise)."""
    c = to_long(code)
    if not 0 <= c <= 255:
        raise VbaError(5)
    return chr(LONE + c)


def from_unicode(text: str) -> str:
    """StrConv(text, vbFromUnicode): the text in the ANSI code page, one byte per character
    ("?" for a character it lacks, as Asc reads it), as a byte String."""
    return from_bytes(text.encode(ANSI, errors="replace"))


def to_unicode(text: str) -> str:
    """StrConv(text, vbUnicode): each byte of the String read as an ANSI character (the
    five bytes Windows-1252 leaves undefined map to U+0081 ... as Windows maps them)."""
    return "".join(_ANSI_CHARS[b] for b in to_bytes(text))


def _ansi_char(b: int) -> str:
    try:
        return bytes([b]).decode(ANSI)
    except UnicodeDecodeError:
        return chr(b)


_ANSI_CHARS = [_ansi_char(b) for b in range(256)]
