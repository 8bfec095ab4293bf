"""Math functions (MS-VBAL 6.1.2.7 Math module) and the Rnd generator.

Int, Fix, Abs and Round keep their argument's type ("Int, Fix functions":
"always return a value of the same type as is passed in"); the transcendental
functions return Double and reject Null with error 94.
"""

from __future__ import annotations

import decimal
import math
import struct

from .coerce import make_decimal, to_double
from .operators import neg
from .values import (
    Byte,
    Currency,
    Date,
    Empty,
    Integer,
    LongLong,
    Null,
    Single,
    VbaError,
)

_INTEGRAL = (int, Integer, Byte, LongLong)


def _num(v: object) -> object:
    """A numeric argument: strings read as Double, Booleans as Integer, Empty as Integer 0."""
    if v is Empty:
        return Integer(0)
    if type(v) is bool:
        return Integer(-1 if v else 0)
    if type(v) is str:
        return to_double(v)
    if isinstance(v, (int, float, Currency, decimal.Decimal)):
        return v
    return to_double(v)


def _same_type(v: object, x: float | decimal.Decimal) -> object:
    t = type(v)
    if t is Currency:
        return Currency.from_decimal(decimal.Decimal(x))
    if isinstance(v, decimal.Decimal):
        return make_decimal(decimal.Decimal(x))
    if t in (Single, Date):
        return t(x)
    return float(x)


def _to_integral(v: object, decimal_rounding: str, float_rounding) -> object:
    """Int and Fix differ only in the direction they round; both keep v's type."""
    if v is Null:
        return Null
    v = _num(v)
    if type(v) in _INTEGRAL:
        return v
    if isinstance(v, (Currency, decimal.Decimal)):
        d = v.to_decimal() if type(v) is Currency else v
        return _same_type(v, d.to_integral_value(rounding=decimal_rounding))
    return _same_type(v, float(float_rounding(v)))


def int_(v: object) -> object:
    """Int: largest integer <= v (Int(-8.4) = -9), same type as v; Null gives Null."""
    return _to_integral(v, decimal.ROUND_FLOOR, math.floor)


def fix(v: object) -> object:
    """Fix: truncates toward zero (Fix(-8.4) = -8), same type as v."""
    return _to_integral(v, decimal.ROUND_DOWN, math.trunc)


def abs_(v: object) -> object:
    """Abs: same type as v (Abs of the Integer -32768 overflows)."""
    if v is Null:
        return Null
    v = _num(v)
    if type(v) is Currency:
        return v if v.scaled >= 0 else neg(v)
    return neg(v) if v < 0 else v


def sgn(v: object) -> Integer:
    """Sgn: -1, 0 or 1 as an Integer."""
    if v is Null:
        raise VbaError(94)
    x = to_double(_num(v))
    return Integer((x > 0) - (x < 0))


def _dbl(v: object) -> float:
    if v is Null:
        raise VbaError(94)
    return to_double(_num(v))


def sqr(v: object) -> float:
    """Sqr: error 5 for a negative argument."""
    x = _dbl(v)
    if x < 0:
        raise VbaError(5)
    return math.sqrt(x)


def exp(v: object) -> float:
    """Exp: error 6 when e^x exceeds Double (x > 709.782712893384)."""
    x = _dbl(v)
    try:
        return math.exp(x)
    except OverflowError as exc:
        raise VbaError(6) from exc


def log(v: object) -> float:
    """Log (natural): error 5 for x <= 0."""
    x = _dbl(v)
    if x <= 0:
        raise VbaError(5)
    return math.log(x)


def sin(v: object) -> float:
    """Sin (radians)."""
    return math.sin(_dbl(v))


def cos(v: object) -> float:
    """Cos (radians)."""
    return math.cos(_dbl(v))


def tan(v: object) -> float:
    """Tan (radians)."""
    return math.tan(_dbl(v))


def atn(v: object) -> float:
    """Atn: arctangent in radians."""
    return math.atan(_dbl(v))


def round_(v: object, places: object = 0) -> object:
    """Round(expression[, numdecimalplaces]): Banker's rounding, same type as expression.

    Works on the shortest decimal form of a Double, which is what makes the
    "Round function" page's Round(0.12345, 4) = 0.1234 come out.
    """
    if v is Null:
        return Null
    n = int(to_double(places))
    if n < 0:
        raise VbaError(5)
    v = _num(v)
    if type(v) in _INTEGRAL:
        return v
    if type(v) is Currency:
        d = v.to_decimal()
    elif isinstance(v, decimal.Decimal):
        d = v
    else:
        x = float(v)
        if math.isinf(x) or math.isnan(x):
            return v
        d = decimal.Decimal(repr(x) if type(v) is not Single else format(x, ".7g"))
    q = d.quantize(decimal.Decimal(1).scaleb(-n), rounding=decimal.ROUND_HALF_EVEN)
    if type(v) is Currency:
        return Currency.from_decimal(q)
    if isinstance(v, decimal.Decimal):
        return make_decimal(q)
    return _same_type(v, float(q))


# ----------------------------------------------------------------- Rnd


class RandomState:
    """VBA's Rnd generator: a 24-bit linear congruential generator.

    x' = (x * 0x43FD43FD + 0xC39EC3) mod 2^24, Rnd = x' / 2^24, initial seed
    0x50000; the first Rnd of a fresh session is 0.7055475.  Seedable, so runs
    are reproducible.
    """

    __slots__ = ("seed", "last")

    def __init__(self, seed: int = 0x50000) -> None:
        self.seed = seed
        self.last = 0.0

    def _step(self) -> float:
        self.seed = (self.seed * 0x43FD43FD + 0xC39EC3) & 0xFFFFFF
        self.last = self.seed / 16777216.0
        return self.last

    def rnd(self, number: object = None) -> Single:
        """Rnd([number]): <0 reseeds from number, 0 repeats the last value, else next."""
        if number is None or number is Empty:
            return Single(self._step())
        x = to_double(number)
        if x < 0:
            bits = struct.unpack("<I", struct.pack("<f", x))[0]
            self.seed = ((bits & 0xFFFFFF) + (bits >> 24)) & 0xFFFFFF
            return Single(self._step())
        if x == 0:
            return Single(self.last)
        return Single(self._step())

    def randomize(self, number: object) -> None:
        """Randomize number: mixes the Double's high word into the middle seed bytes."""
        x = to_double(number)
        hi = struct.unpack("<Q", struct.pack("<d", x))[0] >> 32
        mixed = ((hi & 0xFFFF) ^ (hi >> 16)) << 8
        self.seed = (self.seed & 0xFF0000FF) | (mixed & 0x00FFFF00)


RANDOM = RandomState()


def rnd(number: object = None) -> Single:
    """Rnd using the module-wide generator (the interpreter may keep its own)."""
    return RANDOM.rnd(number)


def randomize(number: object = None, timer: float | None = None) -> None:
    """Randomize [number]; without a number the caller's Timer value seeds it."""
    if number is None or number is Empty:
        number = timer if timer is not None else 0.0
    RANDOM.randomize(number)
