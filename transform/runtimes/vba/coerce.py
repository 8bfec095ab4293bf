"""Let-coercion (MS-VBAL 5.5.1.2) and VarType/TypeName.

Every ``to_<type>`` function takes any VBA value and returns the value of that
declared type, raising the VbaError the spec names (6 Overflow, 13 Type
mismatch, 94 Invalid use of Null, 91 for Nothing).  Assignment, argument
passing and the C* conversion functions all go through here, so the rules
live in one place.
"""

from __future__ import annotations

import decimal
import math
import re
from collections.abc import Callable

from .dateserial import format_general_date, parse_date
from .values import (
    BYTE_MAX,
    CURRENCY_SCALE,
    DATE_MAX,
    DATE_MIN,
    DECIMAL_CONTEXT,
    DECIMAL_MAX,
    INTEGER_MAX,
    INTEGER_MIN,
    LONG_MAX,
    LONG_MIN,
    LONGLONG_MAX,
    LONGLONG_MIN,
    MISSING,
    Byte,
    Currency,
    Date,
    Empty,
    ErrorValue,
    Integer,
    LongLong,
    Missing,
    Nothing,
    Null,
    Single,
    VbaDecimal,
    VbaError,
    VbaObject,
    round_single,
)

# VarType constants (VarType function page).
vbEmpty, vbNull, vbInteger, vbLong, vbSingle, vbDouble = 0, 1, 2, 3, 4, 5
vbCurrency, vbDate, vbString, vbObject, vbError, vbBoolean = 6, 7, 8, 9, 10, 11
vbVariant, vbDataObject, vbDecimal, vbByte, vbLongLong, vbUserDefinedType = 12, 13, 14, 17, 20, 36
vbArray = 8192

VARTYPE_BY_TYPE: dict[type, int] = {
    type(Empty): vbEmpty,
    type(Null): vbNull,
    Integer: vbInteger,
    int: vbLong,
    Single: vbSingle,
    float: vbDouble,
    Currency: vbCurrency,
    Date: vbDate,
    str: vbString,
    ErrorValue: vbError,
    Missing: vbError,
    bool: vbBoolean,
    VbaDecimal: vbDecimal,
    decimal.Decimal: vbDecimal,
    Byte: vbByte,
    LongLong: vbLongLong,
    type(Nothing): vbObject,
}

TYPENAME_BY_VARTYPE = {
    vbEmpty: "Empty",
    vbNull: "Null",
    vbInteger: "Integer",
    vbLong: "Long",
    vbSingle: "Single",
    vbDouble: "Double",
    vbCurrency: "Currency",
    vbDate: "Date",
    vbString: "String",
    vbError: "Error",
    vbBoolean: "Boolean",
    vbDecimal: "Decimal",
    vbByte: "Byte",
    vbLongLong: "LongLong",
    vbVariant: "Variant",
}


def vartype(v: object) -> int:
    """VarType(v): the subtype code of a value (arrays add vbArray)."""
    vt = VARTYPE_BY_TYPE.get(type(v))
    if vt is not None:
        return vt
    elem = getattr(v, "vba_element_vartype", None)
    if elem is not None:  # VbaArray
        return vbArray + elem
    default = getattr(v, "vba_default", None)
    if default is not None:
        return vartype(default())
    return vbObject


def typename(v: object) -> str:
    """TypeName(v): the subtype's name, the class name for objects, ``X()`` for arrays."""
    vt = VARTYPE_BY_TYPE.get(type(v))
    if vt is not None:
        return "Nothing" if vt == vbObject else TYPENAME_BY_VARTYPE[vt]
    elem = getattr(v, "vba_element_vartype", None)
    if elem is not None:
        return TYPENAME_BY_VARTYPE.get(elem, "Variant") + "()"
    return getattr(v, "vba_typename", type(v).__name__)


# ------------------------------------------------------------- number parsing

_NUM_RE = re.compile(
    r"""^\s*(?P<paren>\()?\s*(?P<sign>[+-])?\s*\$?\s*(?P<sign2>[+-])?
        (?P<int>\d[\d,]*)?(?:\.(?P<frac>\d*))?
        (?:[eEdD](?P<exp>[+-]?\d+))?\s*(?P<close>\))?\s*$""",
    re.VERBOSE,
)
_RADIX_RE = re.compile(r"^\s*&([hHoO])([0-9a-fA-F]+)[%&^]?\s*$")


def parse_radix(text: str) -> int | None:
    """Value of ``&Hxx``/``&Oxx``: like a literal, 16-bit if it fits, else 32/64-bit."""
    m = _RADIX_RE.match(text)
    if not m:
        return None
    base = 16 if m.group(1) in "hH" else 8
    try:
        raw = int(m.group(2), base)
    except ValueError:
        return None
    for bits in (16, 32, 64):
        if raw < 2**bits:
            return raw - 2**bits if raw >= 2 ** (bits - 1) else raw
    raise VbaError(6)


def parse_number(text: str) -> decimal.Decimal | None:
    """Numeric value of a string as VBA's String Let-coercion reads it (en-US), or None.

    Accepts surrounding blanks, a sign, a ``$``, thousands commas, a decimal
    point, an exponent (E or D), a parenthesised negative and ``&H``/``&O``.
    """
    radix = parse_radix(text)
    if radix is not None:
        return decimal.Decimal(radix)
    m = _NUM_RE.match(text)
    if not m or (m.group("int") is None and not m.group("frac")):
        return None
    if bool(m.group("paren")) != bool(m.group("close")):
        return None
    if m.group("sign") and m.group("sign2"):
        return None
    digits = (m.group("int") or "0").replace(",", "")
    body = f"{digits}.{m.group('frac') or '0'}E{m.group('exp') or '0'}"
    value = decimal.Decimal(body)
    if m.group("paren") or "-" in (m.group("sign") or "", m.group("sign2") or ""):
        value = -value
    return value


def _string_to_decimal(s: str) -> decimal.Decimal:
    value = parse_number(s)
    if value is None:
        raise VbaError(13)
    return value


# ------------------------------------------------------------ Banker's rounding


def bankers_round(x: float) -> int:
    """Round half to even (MS-VBAL 5.5.1.2.1.1); error 6 for inf/NaN."""
    if math.isinf(x) or math.isnan(x):
        raise VbaError(6)
    return round(x)


def _round_decimal(d: decimal.Decimal) -> int:
    return int(d.to_integral_value(rounding=decimal.ROUND_HALF_EVEN))


# ------------------------------------------------------------------- integral


def _int_value(v: object) -> int:
    """Integer value of an integral or Boolean value (True is -1, MS-VBAL 5.5.1.2.2)."""
    if type(v) is bool:
        return -1 if v else 0
    return int(v)


def _simple(v: object) -> object:
    """Reduce an object to its default value; reject Null/Nothing/errors/arrays."""
    if v is Null:
        raise VbaError(94)
    if v is Nothing:
        raise VbaError(91)
    if isinstance(v, (ErrorValue, Missing)):
        raise VbaError(13)
    default = getattr(v, "vba_default", None)
    if default is not None:
        return default()
    if isinstance(v, VbaObject):
        raise VbaError(438)
    raise VbaError(13)


def to_integral(v: object, lo: int, hi: int) -> int:
    """The integer a value Let-coerces to, range-checked (error 6 outside lo..hi)."""
    t = type(v)
    if t is int or t is Integer or t is Byte or t is LongLong:
        n = int(v)
    elif t is bool:
        n = -1 if v else 0
    elif t is float or t is Single or t is Date:
        n = bankers_round(v)
    elif t is str:
        n = _round_decimal(_string_to_decimal(v))
    elif t is Currency:
        n = _round_decimal(v.to_decimal())
    elif isinstance(v, decimal.Decimal):
        n = _round_decimal(v)
    elif v is Empty:
        n = 0
    else:
        return to_integral(_simple(v), lo, hi)
    if lo <= n <= hi:
        return n
    raise VbaError(6)


def to_integer(v: object) -> Integer:
    """Let-coerce to Integer (CInt)."""
    if type(v) is Integer:
        return v
    return Integer(to_integral(v, INTEGER_MIN, INTEGER_MAX))


def to_long(v: object) -> int:
    """Let-coerce to Long (CLng). Long is a plain int."""
    if type(v) is int and LONG_MIN <= v <= LONG_MAX:
        return v
    return int(to_integral(v, LONG_MIN, LONG_MAX))


def to_longlong(v: object) -> LongLong:
    """Let-coerce to LongLong (CLngLng)."""
    return LongLong(to_integral(v, LONGLONG_MIN, LONGLONG_MAX))


def to_byte(v: object) -> Byte:
    """Let-coerce to Byte (CByte)."""
    return Byte(to_integral(v, 0, BYTE_MAX))


# -------------------------------------------------------------- floating point


def to_double(v: object) -> float:
    """Let-coerce to Double (CDbl)."""
    t = type(v)
    if t is float:
        return v
    if t is bool:
        return -1.0 if v else 0.0
    if t in (int, Integer, Byte, LongLong, Single, Date):
        return float(v)
    if t is str:
        return float(_string_to_decimal(v))
    if t is Currency:
        return v.scaled / CURRENCY_SCALE
    if isinstance(v, decimal.Decimal):
        return float(v)
    if v is Empty:
        return 0.0
    return to_double(_simple(v))


def to_single(v: object) -> Single:
    """Let-coerce to Single (CSng); error 6 beyond ±3.402823E38."""
    if type(v) is Single:
        return v
    return Single(round_single(to_double(v)))


# ----------------------------------------------------------------- fixed point

CURRENCY_MIN = -(2**63)
CURRENCY_MAX = 2**63 - 1


def to_currency(v: object) -> Currency:
    """Let-coerce to Currency (CCur): 4 decimals, Banker's rounding, error 6 on overflow."""
    t = type(v)
    if t is Currency:
        return v
    if t in (int, Integer, Byte, LongLong, bool):
        cur = Currency(_int_value(v) * CURRENCY_SCALE)
    elif t in (float, Single, Date):
        if math.isinf(v) or math.isnan(v):
            raise VbaError(6)
        cur = Currency.from_decimal(decimal.Decimal(repr(float(v))))
    elif t is str:
        cur = Currency.from_decimal(_string_to_decimal(v))
    elif isinstance(v, decimal.Decimal):
        cur = Currency.from_decimal(v)
    elif v is Empty:
        cur = Currency(0)
    else:
        return to_currency(_simple(v))
    if not CURRENCY_MIN <= cur.scaled <= CURRENCY_MAX:
        raise VbaError(6)
    return cur


def make_decimal(d: decimal.Decimal) -> VbaDecimal:
    """A VbaDecimal from an exact decimal: 28 fractional digits at most, error 6 past 2^96."""
    if not d.is_finite():
        raise VbaError(6)
    d = d.normalize(DECIMAL_CONTEXT) if d else decimal.Decimal(0)
    if d.as_tuple().exponent < -28:
        d = d.quantize(decimal.Decimal(1).scaleb(-28), context=DECIMAL_CONTEXT)
    if abs(d) > DECIMAL_MAX:
        raise VbaError(6)
    return VbaDecimal(d)


def to_decimal(v: object) -> VbaDecimal:
    """Let-coerce to Decimal (CDec)."""
    t = type(v)
    if t is VbaDecimal:
        return v
    if t in (int, Integer, Byte, LongLong, bool):
        return make_decimal(decimal.Decimal(_int_value(v)))
    if t in (float, Single, Date):
        if math.isinf(v) or math.isnan(v):
            raise VbaError(6)
        return make_decimal(decimal.Decimal(format_number(float(v), 15 if t is not Single else 7)))
    if t is str:
        return make_decimal(_string_to_decimal(v))
    if t is Currency:
        return make_decimal(v.to_decimal())
    if isinstance(v, decimal.Decimal):
        return make_decimal(v)
    if v is Empty:
        return VbaDecimal(0)
    return to_decimal(_simple(v))


# ------------------------------------------------------------------ boolean


def to_boolean(v: object) -> bool:
    """Let-coerce to Boolean (CBool): non-zero is True; "True"/"False" strings."""
    t = type(v)
    if t is bool:
        return v
    if t in (int, Integer, Byte, LongLong, float, Single, Date):
        return v != 0
    if t is str:
        low = v.strip().lower()
        if low in ("true", "#true#"):
            return True
        if low in ("false", "#false#"):
            return False
        return _string_to_decimal(v) != 0
    if t is Currency:
        return v.scaled != 0
    if isinstance(v, decimal.Decimal):
        return v != 0
    if v is Empty:
        return False
    return to_boolean(_simple(v))


# --------------------------------------------------------------------- date

_CLOCK_YEAR: list[Callable[[], int]] = [lambda: 2000]


def set_current_year_source(fn: Callable[[], int]) -> None:
    """Where a date string without a year takes its year from (the injectable clock)."""
    _CLOCK_YEAR[0] = fn


def to_date(v: object) -> Date:
    """Let-coerce to Date (CDate): numbers are serials, strings are parsed (en-US)."""
    t = type(v)
    if t is Date:
        return v
    if t is str:
        d = parse_date(v, _CLOCK_YEAR[0]())
        if d is None:
            num = parse_number(v)
            if num is None:
                raise VbaError(13)
            return to_date(float(num))
        return d
    if v is Empty:
        return Date(0.0)
    if t in (int, Integer, Byte, LongLong, bool, float, Single) or isinstance(
        v, (Currency, decimal.Decimal)
    ):
        x = to_double(v)
        if not DATE_MIN <= x <= DATE_MAX:
            raise VbaError(6)
        return Date(x)
    return to_date(_simple(v))


# ------------------------------------------------------------------- string


def format_number(x: float, digits: int = 15) -> str:
    """Number -> String as VBA does: ``digits`` significant digits, E form outside 1E-5..1E15.

    Double uses 15 digits and Single 7; trailing zeros go, ``1E+15``/``1E-05``.
    """
    if x == 0:
        return "0"
    if math.isinf(x) or math.isnan(x):
        return ("-" if x < 0 else "") + "1.#INF" if math.isinf(x) else "-1.#IND"
    mant, exp_text = f"{abs(x):.{digits - 1}e}".split("e")
    exp = int(exp_text)
    sig = mant.replace(".", "").rstrip("0") or "0"
    sign = "-" if x < 0 else ""
    if -5 < exp < digits:
        if exp >= 0:
            int_part = sig[: exp + 1].ljust(exp + 1, "0")
            frac = sig[exp + 1 :]
        else:
            int_part = "0"
            frac = "0" * (-exp - 1) + sig
        return sign + int_part + ("." + frac if frac else "")
    body = sig[0] + ("." + sig[1:] if len(sig) > 1 else "")
    return f"{sign}{body}E{'+' if exp >= 0 else '-'}{abs(exp):02d}"


def format_decimal(d: decimal.Decimal) -> str:
    """Fixed-point text of a Decimal/Currency value, no exponent, no trailing zeros."""
    if d == 0:
        return "0"
    text = format(d.normalize(DECIMAL_CONTEXT), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def to_string(v: object) -> str:
    """Let-coerce to String (CStr)."""
    t = type(v)
    if t is str:
        return v
    if t is bool:
        return "True" if v else "False"
    if t in (int, Integer, Byte, LongLong):
        return str(int(v))
    if t is float:
        return format_number(v, 15)
    if t is Single:
        return format_number(v, 7)
    if t is Date:
        return format_general_date(v)
    if t is Currency:
        return format_decimal(v.to_decimal())
    if isinstance(v, decimal.Decimal):
        return format_decimal(v)
    if v is Empty:
        return ""
    if isinstance(v, ErrorValue):
        return f"Error {v.number}"
    return to_string(_simple(v))


# ------------------------------------------------------------------ variant


def to_variant(v: object) -> object:
    """Let-coerce to Variant: the value itself (MISSING stays MISSING)."""
    return v


LET_COERCIONS: dict[str, Callable[[object], object]] = {
    "integer": to_integer,
    "long": to_long,
    "longlong": to_longlong,
    "longptr": to_longlong,
    "byte": to_byte,
    "single": to_single,
    "double": to_double,
    "currency": to_currency,
    "decimal": to_decimal,
    "boolean": to_boolean,
    "date": to_date,
    "string": to_string,
    "variant": to_variant,
}


def let_coerce(v: object, declared_type: str) -> object:
    """Coerce ``v`` to a declared type named as in VBA source (case-insensitive)."""
    fn = LET_COERCIONS.get(declared_type.lower())
    if fn is None:
        raise ValueError(f"unknown declared type {declared_type!r}")
    return fn(v)


DEFAULT_VALUES: dict[str, object] = {
    "integer": Integer(0),
    "long": 0,
    "longlong": LongLong(0),
    "longptr": LongLong(0),
    "byte": Byte(0),
    "single": Single(0.0),
    "double": 0.0,
    "currency": Currency(0),
    "boolean": False,
    "date": Date(0.0),
    "string": "",
    "variant": Empty,
    "object": Nothing,
}


def default_value(declared_type: str) -> object:
    """The value a freshly declared variable of that type holds (MS-VBAL 5.2.3.1)."""
    return DEFAULT_VALUES.get(declared_type.lower(), Nothing)


def is_missing(v: object) -> bool:
    """IsMissing: only an omitted optional Variant parameter."""
    return v is MISSING
