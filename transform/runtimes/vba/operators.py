"""VBA operators (MS-VBAL 5.6.9) over run-time values.

Arithmetic picks an *effective value type* from the operand types, computes
in it and raises error 6 when the result does not fit.  When the expression's
declared type is Variant (``variant=True``) an overflowing result is promoted
instead, as the operator pages of the VBA reference document (Byte -> Integer
-> Long -> Double; Single and Date -> Double).  The interpreter knows declared
types, the values do not, hence the flag.
"""

from __future__ import annotations

import decimal
import math
import re
from functools import lru_cache

from .coerce import (
    format_decimal,
    make_decimal,
    parse_number,
    to_double,
    to_integral,
    to_string,
)
from .dateserial import parse_date
from .values import (
    BYTE_MAX,
    DATE_MAX,
    DATE_MIN,
    DECIMAL_CONTEXT,
    INTEGER_MAX,
    INTEGER_MIN,
    LONG_MAX,
    LONG_MIN,
    LONGLONG_MAX,
    LONGLONG_MIN,
    SINGLE_MAX,
    Byte,
    Currency,
    Date,
    Empty,
    ErrorValue,
    Integer,
    LongLong,
    Nothing,
    Null,
    Single,
    VbaDecimal,
    VbaError,
)

# Effective-type kinds, ordered for the +/- precision list of the "+ operator" page.
BYTE, INTEGER, LONG, LONGLONG, SINGLE, DOUBLE, CURRENCY, DECIMAL, DATE = range(9)

_KIND_BY_TYPE: dict[type, int] = {
    Byte: BYTE,
    Integer: INTEGER,
    bool: INTEGER,
    int: LONG,
    LongLong: LONGLONG,
    Single: SINGLE,
    float: DOUBLE,
    Currency: CURRENCY,
    VbaDecimal: DECIMAL,
    decimal.Decimal: DECIMAL,
    Date: DATE,
}

_INT_RANGES = {
    BYTE: (0, BYTE_MAX),
    INTEGER: (INTEGER_MIN, INTEGER_MAX),
    LONG: (LONG_MIN, LONG_MAX),
    LONGLONG: (LONGLONG_MIN, LONGLONG_MAX),
}
_INT_CTORS = {BYTE: Byte, INTEGER: Integer, LONG: int, LONGLONG: LongLong}
_PROMOTE = {BYTE: INTEGER, INTEGER: LONG, LONG: DOUBLE, SINGLE: DOUBLE, DATE: DOUBLE}


class _Op:
    ADD, SUB, MUL = 0, 1, 2


def _operand(v: object) -> tuple[object, int]:
    """(numeric value, kind) of an arithmetic operand; strings read as Double."""
    kind = _KIND_BY_TYPE.get(type(v))
    if kind is not None:
        return (Integer(-1 if v else 0), INTEGER) if type(v) is bool else (v, kind)
    if v is Empty:
        return Integer(0), INTEGER
    if type(v) is str:
        num = parse_number(v)
        if num is None:
            raise VbaError(13)
        return float(num), DOUBLE
    if v is Nothing:
        raise VbaError(91)
    if isinstance(v, ErrorValue):
        raise VbaError(13)
    default = getattr(v, "vba_default", None)
    if default is not None:
        return _operand(default())
    raise VbaError(13)


def _result_kind(ka: int, kb: int, op: int) -> int:
    """Effective value type of ``a op b`` for + - * (MS-VBAL 5.6.9.3)."""
    if ka == DECIMAL or kb == DECIMAL:
        return DECIMAL
    if ka == DATE or kb == DATE:
        if op == _Op.MUL:
            ka = DOUBLE if ka == DATE else ka
            kb = DOUBLE if kb == DATE else kb
        elif op == _Op.SUB and ka == DATE and kb == DATE:
            return DOUBLE
        else:
            return DATE
    lo, hi = (ka, kb) if ka <= kb else (kb, ka)
    if hi == SINGLE and lo in (LONG, LONGLONG):
        return DOUBLE
    if op == _Op.MUL and {lo, hi} == {DOUBLE, CURRENCY}:
        return DOUBLE  # "* operator": Currency is less precise than Double there
    return hi


def _to_dec(v: object) -> decimal.Decimal:
    if type(v) is Currency:
        return v.to_decimal()
    if isinstance(v, decimal.Decimal):
        return v
    if isinstance(v, float):
        return decimal.Decimal(repr(float(v)))
    return decimal.Decimal(int(v))


def _fit_int(n: int, kind: int, variant: bool) -> object:
    while True:
        lo, hi = _INT_RANGES[kind]
        if lo <= n <= hi:
            return _INT_CTORS[kind](n)
        if not variant or kind not in _PROMOTE:
            raise VbaError(6)
        kind = _PROMOTE[kind]
        if kind == DOUBLE:
            return float(n)


def _fit_float(x: float, kind: int, variant: bool) -> object:
    if math.isinf(x) or math.isnan(x):
        raise VbaError(6)
    if kind == SINGLE:
        if abs(x) <= SINGLE_MAX:
            return Single(x)
        if variant:
            return x
        raise VbaError(6)
    if kind == DATE:
        if DATE_MIN <= x <= DATE_MAX:
            return Date(x)
        if variant:
            return x
        raise VbaError(6)
    return x


def _fit_currency(d: decimal.Decimal) -> Currency:
    cur = Currency.from_decimal(d)
    if not -(2**63) <= cur.scaled <= 2**63 - 1:
        raise VbaError(6)
    return cur


def _arith(a: object, b: object, op: int, variant: bool) -> object:
    if a is Null or b is Null:
        return Null
    va, ka = _operand(a)
    vb, kb = _operand(b)
    kind = _result_kind(ka, kb, op)
    if kind <= LONGLONG:
        x, y = int(va), int(vb)
        n = x + y if op == _Op.ADD else x - y if op == _Op.SUB else x * y
        return _fit_int(n, kind, variant)
    if kind in (CURRENCY, DECIMAL):
        x, y = _to_dec(va), _to_dec(vb)
        ctx = DECIMAL_CONTEXT
        d = (
            ctx.add(x, y)
            if op == _Op.ADD
            else ctx.subtract(x, y)
            if op == _Op.SUB
            else ctx.multiply(x, y)
        )
        return _fit_currency(d) if kind == CURRENCY else make_decimal(d)
    fx, fy = float(va), float(vb)
    r = fx + fy if op == _Op.ADD else fx - fy if op == _Op.SUB else fx * fy
    return _fit_float(r, kind, variant)


def add(a: object, b: object, variant: bool = False) -> object:
    """``a + b``: numeric addition, or concatenation when both are Strings ("+ operator")."""
    ta, tb = type(a), type(b)
    if ta is int and tb is int:
        r = a + b
        if LONG_MIN <= r <= LONG_MAX:
            return r
    elif ta is Integer and tb is Integer:
        r = int.__add__(a, b)
        if INTEGER_MIN <= r <= INTEGER_MAX:
            return Integer(r)
    elif ta is float and tb is float:
        r = a + b
        if not math.isinf(r):
            return r
    elif ta is str:
        if tb is str:
            return a + b
        if b is Empty:
            return a
    elif tb is str and a is Empty:
        return b
    if a is Empty and b is not Null:
        return Integer(0) if b is Empty else b
    if b is Empty and a is not Null:
        return a
    return _arith(a, b, _Op.ADD, variant)


def sub(a: object, b: object, variant: bool = False) -> object:
    """``a - b`` (MS-VBAL 5.6.9.3.3)."""
    ta, tb = type(a), type(b)
    if ta is int and tb is int:
        r = a - b
        if LONG_MIN <= r <= LONG_MAX:
            return r
    elif ta is Integer and tb is Integer:
        r = int.__sub__(a, b)
        if INTEGER_MIN <= r <= INTEGER_MAX:
            return Integer(r)
    return _arith(a, b, _Op.SUB, variant)


def mul(a: object, b: object, variant: bool = False) -> object:
    """``a * b`` (MS-VBAL 5.6.9.3.4, "* operator")."""
    if type(a) is int and type(b) is int:
        r = a * b
        if LONG_MIN <= r <= LONG_MAX:
            return r
    return _arith(a, b, _Op.MUL, variant)


def div(a: object, b: object, variant: bool = False) -> object:
    """``a / b``: Double (Single for Single/Byte/Integer pairs, Decimal with Decimal).

    x / 0 raises 11 and 0 / 0 raises 6 (MS-VBAL 5.6.9.3.5).
    """
    if a is Null or b is Null:
        return Null
    va, ka = _operand(a)
    vb, kb = _operand(b)
    if ka == DECIMAL or kb == DECIMAL:
        x, y = _to_dec(va), _to_dec(vb)
        if y == 0:
            raise VbaError(6 if x == 0 else 11)
        return make_decimal(DECIMAL_CONTEXT.divide(x, y))
    fx, fy = float(va), float(vb)
    if fy == 0:
        raise VbaError(6 if fx == 0 else 11)
    r = fx / fy
    single = SINGLE in (ka, kb) and {ka, kb} <= {SINGLE, BYTE, INTEGER}
    return _fit_float(r, SINGLE if single else DOUBLE, variant)


def _int_kind(v: object) -> tuple[int, int]:
    """Operand of ``\\``/Mod rounded to an integral type (Banker's rounding)."""
    if v is Empty:
        return 0, INTEGER
    if type(v) is bool:
        return (-1 if v else 0), INTEGER
    kind = _KIND_BY_TYPE.get(type(v))
    if kind in (BYTE, INTEGER, LONG, LONGLONG):
        return int(v), kind
    if kind is None and type(v) is not str:
        v = _operand(v)[0]
        kind = _KIND_BY_TYPE.get(type(v))
        if kind in (BYTE, INTEGER, LONG, LONGLONG):
            return int(v), kind
    return to_integral(v, LONG_MIN, LONG_MAX), LONG


def _int_result_kind(ka: int, kb: int) -> int:
    if ka == BYTE and kb == BYTE:
        return BYTE
    return max(ka, kb, INTEGER) if max(ka, kb) <= LONGLONG else LONG


def intdiv(a: object, b: object, variant: bool = False) -> object:
    """``a \\ b``: round both to integers, divide, truncate ("\\ operator")."""
    if a is Null or b is Null:
        return Null
    x, ka = _int_kind(a)
    y, kb = _int_kind(b)
    if y == 0:
        raise VbaError(11)
    q = abs(x) // abs(y)
    if (x < 0) != (y < 0):
        q = -q
    return _fit_int(q, _int_result_kind(ka, kb), variant)


def mod(a: object, b: object, variant: bool = False) -> object:
    """``a Mod b``: remainder after rounding both; its sign follows ``a`` ("Mod operator")."""
    if a is Null or b is Null:
        return Null
    x, ka = _int_kind(a)
    y, kb = _int_kind(b)
    if y == 0:
        raise VbaError(11)
    r = abs(x) % abs(y)
    if x < 0:
        r = -r
    return _fit_int(r, _int_result_kind(ka, kb), variant)


def power(a: object, b: object, variant: bool = False) -> object:
    """``a ^ b``: always Double ("^ operator"); a negative base needs an integral exponent."""
    if a is Null or b is Null:
        return Null
    x, y = float(_operand(a)[0]), float(_operand(b)[0])
    if x < 0 and y != int(y):
        raise VbaError(5)
    if x == 0 and y < 0:
        raise VbaError(5)
    try:
        r = x**y
    except OverflowError as exc:
        raise VbaError(6) from exc
    if math.isinf(r):
        raise VbaError(6)
    return r


def neg(a: object, variant: bool = False) -> object:
    """Unary ``-a``: same type as ``a`` (Boolean and Byte become Integer)."""
    if a is Null:
        return Null
    t = type(a)
    if t is int and a != LONG_MIN:
        return -a
    if t is float:
        return -a
    v, kind = _operand(a)
    if kind == BYTE:
        kind = INTEGER
    if kind <= LONGLONG:
        return _fit_int(-int(v), kind, variant)
    if kind == CURRENCY:
        return _fit_currency(-v.to_decimal())
    if kind == DECIMAL:
        return make_decimal(-v)
    return _fit_float(-float(v), kind, variant)


def concat(a: object, b: object) -> object:
    """``a & b``: both as Strings; Null counts as "" unless both are Null ("& operator")."""
    if type(a) is str and type(b) is str:
        return a + b
    if a is Null:
        return Null if b is Null else to_string(b)
    if b is Null:
        return to_string(a)
    return to_string(a) + to_string(b)


# --------------------------------------------------------------- comparison


def _text_key(s: str) -> str:
    return s.casefold()


def compare_strings(a: str, b: str, text: bool = False) -> int:
    """-1/0/1 comparing two strings: binary by code unit, or case-insensitive text."""
    if text:
        a, b = _text_key(a), _text_key(b)
    return (a > b) - (a < b)


def _numeric_key(v: object) -> object:
    t = type(v)
    if t is Currency:
        return v.to_decimal()
    if t is bool:
        return -1 if v else 0
    return v


def _num_cmp(x: object, y: object) -> int:
    x, y = _numeric_key(x), _numeric_key(y)
    if isinstance(x, decimal.Decimal) and isinstance(y, float):
        y = decimal.Decimal(repr(y))
    elif isinstance(y, decimal.Decimal) and isinstance(x, float):
        x = decimal.Decimal(repr(x))
    return (x > y) - (x < y)


def _is_num(v: object) -> bool:
    return type(v) in _KIND_BY_TYPE


def _string_as_number(s: str, other: object) -> object:
    if type(other) is Date:
        d = parse_date(s)
        if d is not None:
            return d
    num = parse_number(s)
    if num is None:
        raise VbaError(13)
    return float(num)


def compare(
    a: object, b: object, text: bool = False, a_variant: bool = False, b_variant: bool = False
) -> object:
    """-1/0/1 for a relational operator, or Null (MS-VBAL 5.6.9.5, "Comparison operators").

    ``a_variant``/``b_variant`` say whether each operand's *declared* type is
    Variant: two Variants holding a number and a string compare the number as
    smaller; otherwise the string is read as a number (error 13 if it is not one),
    unless only the numeric side is a Variant, when the number is read as a string.
    """
    if a is Null or b is Null:
        return Null
    ta, tb = type(a), type(b)
    if ta is str and tb is str:
        return compare_strings(a, b, text)
    if ta in _KIND_BY_TYPE and tb in _KIND_BY_TYPE:
        return _num_cmp(a, b)
    if a is Empty:
        a = "" if tb is str else Integer(0)
        return compare(a, b, text, a_variant, b_variant)
    if b is Empty:
        b = "" if ta is str else Integer(0)
        return compare(a, b, text, a_variant, b_variant)
    if ta is str and tb in _KIND_BY_TYPE:
        return -_mixed(b, a, text, b_variant, a_variant)
    if tb is str and ta in _KIND_BY_TYPE:
        return _mixed(a, b, text, a_variant, b_variant)
    a = _operand(a)[0] if ta not in _KIND_BY_TYPE and ta is not str else a
    b = _operand(b)[0] if tb not in _KIND_BY_TYPE and tb is not str else b
    return compare(a, b, text, a_variant, b_variant)


def _mixed(num: object, s: str, text: bool, num_variant: bool, s_variant: bool) -> int:
    """Compare a number with a string (number on the left)."""
    if num_variant and s_variant:
        return -1
    if num_variant and not s_variant:
        return compare_strings(to_string(num), s, text)
    return _num_cmp(num, _string_as_number(s, num))


def _rel(result: object, test: int) -> object:
    if result is Null:
        return Null
    return test


def eq(a: object, b: object, text: bool = False, **kw: bool) -> object:
    """``a = b``."""
    if type(a) is type(b) and type(a) in (int, str, float) and not text:
        return a == b
    r = compare(a, b, text, **kw)
    return Null if r is Null else r == 0


def ne(a: object, b: object, text: bool = False, **kw: bool) -> object:
    """``a <> b``."""
    r = compare(a, b, text, **kw)
    return Null if r is Null else r != 0


def lt(a: object, b: object, text: bool = False, **kw: bool) -> object:
    """``a < b``."""
    if type(a) is int and type(b) is int:
        return a < b
    r = compare(a, b, text, **kw)
    return Null if r is Null else r < 0


def le(a: object, b: object, text: bool = False, **kw: bool) -> object:
    """``a <= b``."""
    if type(a) is int and type(b) is int:
        return a <= b
    r = compare(a, b, text, **kw)
    return Null if r is Null else r <= 0


def gt(a: object, b: object, text: bool = False, **kw: bool) -> object:
    """``a > b``."""
    if type(a) is int and type(b) is int:
        return a > b
    r = compare(a, b, text, **kw)
    return Null if r is Null else r > 0


def ge(a: object, b: object, text: bool = False, **kw: bool) -> object:
    """``a >= b``."""
    if type(a) is int and type(b) is int:
        return a >= b
    r = compare(a, b, text, **kw)
    return Null if r is Null else r >= 0


def is_(a: object, b: object) -> bool:
    """``a Is b``: object identity; both sides must be objects (error 424 otherwise)."""
    for v in (a, b):
        if v is not Nothing and (type(v) in _KIND_BY_TYPE or type(v) is str or v in (Empty, Null)):
            raise VbaError(424)
    return a is b


# --------------------------------------------------------------------- Like


def _like_regex(pattern: str, text: bool) -> re.Pattern[str]:
    return _compile_like(pattern, text)


@lru_cache(maxsize=512)
def _compile_like(pattern: str, text: bool) -> re.Pattern[str]:
    """Translate a Like pattern to a regular expression; error 93 if malformed."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "?":
            out.append(".")
        elif c == "*":
            out.append(".*")
        elif c == "#":
            out.append("[0-9]")
        elif c == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                raise VbaError(93)
            out.append(_charlist(pattern[i + 1 : end], text))
            i = end
        else:
            out.append(re.escape(c))
        i += 1
    flags = re.DOTALL | (re.IGNORECASE if text else 0)
    return re.compile("".join(out), flags)


def _charlist(body: str, text: bool) -> str:
    """Regex for a ``[charlist]``; ``[]`` matches the empty string."""
    if body == "":
        return ""
    negate = body.startswith("!")
    if negate:
        body = body[1:]
        if body == "":
            return re.escape("!")  # "[!]" matches "!" literally
    parts: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if i + 2 < len(body) and body[i + 1] == "-":
            lo, hi = c, body[i + 2]
            if (lo.casefold() if text else lo) > (hi.casefold() if text else hi):
                raise VbaError(93)
            parts.append(f"{re.escape(lo)}-{re.escape(hi)}")
            i += 3
        else:
            parts.append(re.escape(c))
            i += 1
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


def like(s: object, pattern: object, text: bool = False) -> object:
    """``s Like pattern`` ("Like operator"): ? * # [list] [!list]; Null gives Null."""
    if s is Null or pattern is Null:
        return Null
    rx = _like_regex(to_string(pattern), text)
    return rx.fullmatch(to_string(s)) is not None


# ------------------------------------------------------------------ logical

_LOGICAL_KIND = {Byte: BYTE, bool: -1, Integer: INTEGER, int: LONG, LongLong: LONGLONG}


def _logical_operand(v: object) -> tuple[int, int]:
    """(integer value, kind) for Not/And/Or...; kind -1 is Boolean."""
    kind = _LOGICAL_KIND.get(type(v))
    if kind == -1:
        return (-1 if v else 0), -1
    if kind is not None:
        return int(v), kind
    if v is Empty:
        return 0, INTEGER
    if type(v) is str:
        low = v.strip().lower()
        if low in ("true", "false"):
            return (-1 if low == "true" else 0), -1
    return to_integral(v, LONG_MIN, LONG_MAX), LONG


def _logical_result(n: int, ka: int, kb: int) -> object:
    if ka == -1 and kb == -1:
        return n != 0
    kinds = [k for k in (ka, kb) if k != -1] or [INTEGER]
    if ka == -1 or kb == -1:
        kinds.append(INTEGER)
    kind = BYTE if kinds and all(k == BYTE for k in kinds) else max(max(kinds), INTEGER)
    if kind == BYTE:
        return Byte(n & 0xFF)
    bits = 64 if kind == LONGLONG else 32 if kind == LONG else 16
    n &= (1 << bits) - 1
    if n >= 1 << (bits - 1):
        n -= 1 << bits
    return _INT_CTORS[kind](n)


def not_(a: object) -> object:
    """``Not a``: bitwise complement in a's type; Not Null is Null."""
    if a is Null:
        return Null
    if type(a) is bool:
        return not a
    n, kind = _logical_operand(a)
    if kind == -1:
        return n == 0
    if kind == BYTE:
        return Byte(~n & 0xFF)
    return _logical_result(~n, kind, kind)


def _null_logic(a: object, b: object, op: str) -> object:
    """Null rows of the truth tables (MS-VBAL 5.6.9.8, And/Or/Imp operator pages)."""
    other = b if a is Null else a
    if other is Null:
        return Null
    n, kind = _logical_operand(other)
    if op == "and" and n == 0:
        return _logical_result(0, kind, kind)
    if op == "or" and n == -1:
        return _logical_result(-1, kind, kind)
    if op == "imp":
        if a is Null and n == -1:
            return _logical_result(-1, kind, kind)
        if b is Null and n == 0:
            return _logical_result(-1, kind, kind)
    return Null


def _logical(a: object, b: object, op: str) -> object:
    if type(a) is bool and type(b) is bool:
        if op == "and":
            return a and b
        if op == "or":
            return a or b
        if op == "xor":
            return a != b
        if op == "eqv":
            return a == b
        return (not a) or b
    if a is Null or b is Null:
        return _null_logic(a, b, op)
    x, ka = _logical_operand(a)
    y, kb = _logical_operand(b)
    if op == "and":
        n = x & y
    elif op == "or":
        n = x | y
    elif op == "xor":
        n = x ^ y
    elif op == "eqv":
        n = ~(x ^ y)
    else:
        n = ~x | y
    return _logical_result(n, ka, kb)


def and_(a: object, b: object) -> object:
    """``a And b`` (bitwise on numbers; both sides always evaluated by the caller)."""
    return _logical(a, b, "and")


def or_(a: object, b: object) -> object:
    """``a Or b``."""
    return _logical(a, b, "or")


def xor(a: object, b: object) -> object:
    """``a Xor b``."""
    return _logical(a, b, "xor")


def eqv(a: object, b: object) -> object:
    """``a Eqv b``."""
    return _logical(a, b, "eqv")


def imp(a: object, b: object) -> object:
    """``a Imp b``."""
    return _logical(a, b, "imp")


__all__ = [
    "add",
    "sub",
    "mul",
    "div",
    "intdiv",
    "mod",
    "power",
    "neg",
    "concat",
    "compare",
    "compare_strings",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "is_",
    "like",
    "not_",
    "and_",
    "or_",
    "xor",
    "eqv",
    "imp",
    "format_decimal",
    "to_double",
]
