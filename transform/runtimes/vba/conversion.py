"""Conversion functions: C* ("Type conversion functions"), Val, Str, Hex, Oct, CVErr.

The C* functions are Let-coercions (coerce.py) to the named type; Null is
error 94 for all but CVar.
"""

from __future__ import annotations

import re

from .coerce import (
    format_number,
    to_boolean,
    to_byte,
    to_currency,
    to_date,
    to_decimal,
    to_double,
    to_integer,
    to_long,
    to_longlong,
    to_single,
    to_string,
)
from .values import (
    Byte,
    Currency,
    Date,
    Empty,
    ErrorValue,
    Integer,
    LongLong,
    Null,
    Single,
    VbaError,
)

cbool = to_boolean
cbyte = to_byte
ccur = to_currency
cdate = to_date
cdbl = to_double
cdec = to_decimal
cint = to_integer
clng = to_long
clnglng = to_longlong
csng = to_single
cstr = to_string


def cvar(v: object) -> object:
    """CVar: the value as a Variant (unchanged)."""
    return v


def cverr(number: object) -> ErrorValue:
    """CVErr: an Error-subtype Variant; error 5 outside 0..65535."""
    n = to_long(number)
    if not 0 <= n <= 65535:
        raise VbaError(5)
    return ErrorValue(n)


_VAL_RADIX = re.compile(r"&([hH][0-9a-fA-F]+|[oO]?[0-7]+)")
_VAL_NUM = re.compile(r"[+-]?(\d*)(\.\d*)?([eEdD][+-]?\d+)?")


def val(s: object) -> float:
    """Val: the number at the start of a string; blanks, tabs and line feeds are ignored.

    Reading stops at the first character that cannot continue a number
    ("Val function": Val(" 2 45 7") = 2457, Val("24 and 57") = 24).
    """
    if s is Null:
        raise VbaError(94)
    text = re.sub(r"[ \t\r\n]", "", to_string(s))
    m = _VAL_RADIX.match(text)
    if m:
        body = m.group(1)
        base = 16 if body[0] in "hH" else 8
        digits = body[1:] if body[0] in "hHoO" else body
        raw = int(digits, base)
        for bits in (16, 32):
            if raw < 2**bits:
                return float(raw - 2**bits if raw >= 2 ** (bits - 1) else raw)
        raise VbaError(6)
    m = _VAL_NUM.match(text)
    if not m or not (m.group(1) or (m.group(2) and len(m.group(2)) > 1)):
        return 0.0
    number = m.group(0).replace("d", "e").replace("D", "e")
    if number.endswith("."):
        number += "0"
    try:
        return float(number)
    except ValueError:
        return 0.0


def str_(v: object) -> object:
    """Str: like CStr for numbers but with a leading space for non-negative values."""
    if v is Null:
        return Null
    if type(v) is str:
        v = to_double(v)
    text = to_string(v)
    if type(v) is Date or type(v) is bool:
        return text
    return text if text.startswith("-") else " " + text


def _hex_oct(v: object, base: int) -> object:
    if v is Null:
        return Null
    if v is Empty:
        return "0"
    t = type(v)
    if t in (Integer, Byte, bool):
        n, bits = int(to_integer(v)), 16
    elif t is LongLong:
        n, bits = int(v), 64
    else:
        n, bits = to_long(v), 32
    if n < 0:
        n += 2**bits
    return format(n, "X" if base == 16 else "o")


def hex_(v: object) -> object:
    """Hex: two's complement in the value's width (Hex(-1) = "FFFF" for an Integer)."""
    return _hex_oct(v, 16)


def oct_(v: object) -> object:
    """Oct: octal text, two's complement for negatives like Hex."""
    return _hex_oct(v, 8)


def numeric_text(v: object) -> str:
    """String form of a number without Str's sign space (used by Format/Print helpers)."""
    if type(v) is Single:
        return format_number(float(v), 7)
    if type(v) is float:
        return format_number(v, 15)
    if type(v) is Currency:
        return to_string(v)
    return to_string(v)
