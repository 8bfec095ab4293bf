"""Financial functions of the VBA library (MS-VBAL 6.1.2.4 Financial module): Pmt, IPmt,
PPmt, FV, PV, NPer, Rate, NPV, IRR, MIRR, SLN, SYD, DDB. Every one returns a Double.

The annuity functions solve the one equation the "PV function" pages state for an annuity
of ``nper`` payments ``pmt`` at ``rate``, due at the end (type 0) or the beginning (type 1)
of each period:

    pv * (1 + rate) ^ nper + pmt * (1 + rate * type) * ((1 + rate) ^ nper - 1) / rate + fv = 0

(``pv + pmt * nper + fv = 0`` when rate is 0), cash paid out negative, cash received
positive. IRR and Rate have no closed form: they iterate from ``guess`` ("IRR function",
"Rate function": until the result is accurate to within 0.00001 percent; if no result is
found after 20 tries, the function fails), here with the secant method, and fail with
error 5 (invalid procedure call) when 20 steps do not converge. Arguments outside a
function's domain are error 5 as well (NPer of a zero payment at rate 0, a period outside
1..nper, a rate of -1 or less ...).
"""

from __future__ import annotations

import math

from .arrays import VbaArray
from .coerce import to_double
from .values import Empty, Missing, Null, VbaError

TOLERANCE = 1e-7
"""0.00001 percent: how close successive IRR / Rate iterates must be ("IRR function")."""
TRIES = 20
"""Iterations IRR and Rate make before failing ("If IRR can't find a result after 20 tries,
it fails")."""


def _d(v: object) -> float:
    """A Double argument: Null is error 94, Empty 0 (Let-coercion to Double)."""
    if v is Null:
        raise VbaError(94)
    return to_double(v)


def _opt(v: object, default: float) -> float:
    """An optional Variant argument: omitted means ``default``."""
    if v is None or isinstance(v, Missing):
        return default
    return _d(v)


def _due(v: object) -> float:
    """The type argument: 0 for the end of the period, anything else the beginning."""
    return 0.0 if _opt(v, 0.0) == 0 else 1.0


def _growth(rate: float, nper: float) -> float:
    """(1 + rate) ^ nper, error 5 where it is not a real number."""
    try:
        result = (1.0 + rate) ** nper
    except (OverflowError, ZeroDivisionError):
        raise VbaError(5) from None
    if isinstance(result, complex):
        raise VbaError(5)
    return result


def _annuity(rate: float, nper: float) -> float:
    """((1 + rate) ^ nper - 1) / rate, and nper at rate 0 (its limit)."""
    if rate == 0:
        return nper
    if rate > -1:
        return math.expm1(nper * math.log1p(rate)) / rate
    return (_growth(rate, nper) - 1.0) / rate


def _balance(rate: float, nper: float, pmt: float, pv: float, due: float) -> float:
    """The left-hand side of the annuity equation without fv: minus the future value."""
    if rate == 0:
        return pv + pmt * nper
    return pv * _growth(rate, nper) + pmt * (1.0 + rate * due) * _annuity(rate, nper)


# ------------------------------------------------------------------- annuities


def fv(rate: object, nper: object, pmt: object, pv: object = None, due: object = None) -> float:
    """FV(rate, nper, pmt[, pv[, type]]): the future value of the annuity."""
    return -_balance(_d(rate), _d(nper), _d(pmt), _opt(pv, 0.0), _due(due))


def pv(rate: object, nper: object, pmt: object, fv: object = None, due: object = None) -> float:
    """PV(rate, nper, pmt[, fv[, type]]): the present value of the annuity."""
    r, n, p, f, t = _d(rate), _d(nper), _d(pmt), _opt(fv, 0.0), _due(due)
    if r == 0:
        return -(f + p * n)
    return -(f + p * (1.0 + r * t) * _annuity(r, n)) / _growth(r, n)


def pmt(rate: object, nper: object, pv: object, fv: object = None, due: object = None) -> float:
    """Pmt(rate, nper, pv[, fv[, type]]): the payment of each period; error 5 for nper 0."""
    r, n, p, f, t = _d(rate), _d(nper), _d(pv), _opt(fv, 0.0), _due(due)
    if n == 0:
        raise VbaError(5)
    if r == 0:
        return -(p + f) / n
    factor = (1.0 + r * t) * _annuity(r, n)
    if factor == 0:
        raise VbaError(5)
    return -(f + p * _growth(r, n)) / factor


def _period(per: object, nper: object) -> tuple[float, float]:
    p, n = _d(per), _d(nper)
    if p <= 0 or p >= n + 1:
        raise VbaError(5)
    return p, n


def ipmt(
    rate: object,
    per: object,
    nper: object,
    pv: object,
    fv: object = None,
    due: object = None,
) -> float:
    """IPmt(rate, per, nper, pv[, fv[, type]]): the interest part of payment ``per``: the
    rate times the balance the period starts with (nothing for the first payment of an
    annuity due, which is made before any interest accrues)."""
    r, (p, n), v, f, t = _d(rate), _period(per, nper), _d(pv), _opt(fv, 0.0), _due(due)
    payment = pmt(r, n, v, f, t)
    if t == 1:
        if p < 2:
            return 0.0
        return -(_balance(r, p - 2, payment, v, 1.0) + payment) * r
    return -_balance(r, p - 1, payment, v, 0.0) * r


def ppmt(
    rate: object,
    per: object,
    nper: object,
    pv: object,
    fv: object = None,
    due: object = None,
) -> float:
    """PPmt(rate, per, nper, pv[, fv[, type]]): the principal part of payment ``per``
    (the payment minus its interest part)."""
    r, (p, n), v, f, t = _d(rate), _period(per, nper), _d(pv), _opt(fv, 0.0), _due(due)
    return pmt(r, n, v, f, t) - ipmt(r, p, n, v, f, t)


def nper(rate: object, pmt: object, pv: object, fv: object = None, due: object = None) -> float:
    """NPer(rate, pmt, pv[, fv[, type]]): the number of periods; error 5 when no number of
    periods balances the annuity (a zero payment at rate 0, a rate of -1 or less ...)."""
    r, p, v, f, t = _d(rate), _d(pmt), _d(pv), _opt(fv, 0.0), _due(due)
    if r == 0:
        if p == 0:
            raise VbaError(5)
        return -(v + f) / p
    if r <= -1:
        raise VbaError(5)
    k = p * (1.0 + r * t) / r
    if v + k == 0:
        raise VbaError(5)
    ratio = (k - f) / (v + k)
    if ratio <= 0:
        raise VbaError(5)
    return math.log(ratio) / math.log1p(r)


def _secant(f, guess: float) -> float:
    """A root of ``f`` near ``guess``: secant steps until two iterates are within
    TOLERANCE, error 5 after TRIES steps or where a step cannot be taken."""
    x0, x1 = guess, guess + 1e-5
    f0, f1 = f(x0), f(x1)
    for _ in range(TRIES):
        if f1 == 0:
            return x1
        if f1 == f0:
            raise VbaError(5)
        x2 = x1 - f1 * (x1 - x0) / (f1 - f0)
        if not math.isfinite(x2) or x2 <= -1:
            raise VbaError(5)
        if abs(x2 - x1) < TOLERANCE:
            return x2
        x0, f0, x1 = x1, f1, x2
        f1 = f(x1)
    raise VbaError(5)


def rate(
    nper: object,
    pmt: object,
    pv: object,
    fv: object = None,
    due: object = None,
    guess: object = None,
) -> float:
    """Rate(nper, pmt, pv[, fv[, type[, guess]]]): the rate per period that balances the
    annuity, by iteration from guess (0.1 if omitted); error 5 for nper <= 0 or when it
    does not converge."""
    n, p, v, f, t = _d(nper), _d(pmt), _d(pv), _opt(fv, 0.0), _due(due)
    start = _opt(guess, 0.1)
    if n <= 0 or start <= -1:
        raise VbaError(5)

    def gap(r: float) -> float:
        if r <= -1:
            raise VbaError(5)
        return _balance(r, n, p, v, t) + f

    return _secant(gap, start)


# ------------------------------------------------------------------- cash flows


def _values(values: object) -> list[float]:
    """The cash flows of an array argument (a one-dimensional array of numbers)."""
    if not isinstance(values, VbaArray) or not values.allocated:
        raise VbaError(13)
    if len(values.bounds) != 1:
        raise VbaError(5)
    return [0.0 if v is Empty else _d(v) for v in values]


def _discounted(r: float, flows: list[float], first: int) -> float:
    """Sum of flows[i] / (1 + r) ^ (i + first)."""
    base = 1.0 + r
    return math.fsum(v / base ** (i + first) for i, v in enumerate(flows))


def npv(rate: object, values: object) -> float:
    """NPV(rate, values()): the flows discounted from one period before the first
    ("NPV function": the investment begins one period before the first cash flow);
    error 5 for a rate of -1."""
    r = _d(rate)
    flows = _values(values)
    if r == -1:
        raise VbaError(5)
    return _discounted(r, flows, 1)


def irr(values: object, guess: object = None) -> float:
    """IRR(values()[, guess]): the rate at which the flows (the first one now, one per
    period after it) are worth 0, by iteration from guess (0.1 if omitted); error 5 when
    the flows lack a payment or a receipt, or the iteration does not converge."""
    flows = _values(values)
    start = _opt(guess, 0.1)
    if start <= -1 or not (any(v < 0 for v in flows) and any(v > 0 for v in flows)):
        raise VbaError(5)

    def worth(r: float) -> float:
        if r <= -1:
            raise VbaError(5)
        return _discounted(r, flows, 0)

    return _secant(worth, start)


def mirr(values: object, finance_rate: object, reinvest_rate: object) -> float:
    """MIRR(values(), finance_rate, reinvest_rate): the rate that grows the payments'
    value now (discounted at finance_rate) into the receipts' value at the last period
    (compounded at reinvest_rate); error 5 for a rate of -1 or flows without both a
    payment and a receipt, which the "MIRR function" page requires."""
    flows = _values(values)
    fr, rr = _d(finance_rate), _d(reinvest_rate)
    if fr == -1 or rr == -1 or len(flows) < 2:
        raise VbaError(5)
    last = len(flows) - 1
    paid = _discounted(fr, [v if v < 0 else 0.0 for v in flows], 0)
    received = math.fsum(v * (1.0 + rr) ** (last - i) for i, v in enumerate(flows) if v > 0)
    if paid == 0 or received == 0:
        raise VbaError(5)
    return (received / -paid) ** (1.0 / last) - 1.0


# ------------------------------------------------------------------ depreciation


def sln(cost: object, salvage: object, life: object) -> float:
    """SLN(cost, salvage, life): straight-line depreciation per period, (cost - salvage) /
    life; error 5 for a life of 0."""
    c, s, n = _d(cost), _d(salvage), _d(life)
    if n == 0:
        raise VbaError(5)
    return (c - s) / n


def syd(cost: object, salvage: object, life: object, period: object) -> float:
    """SYD(cost, salvage, life, period): sum-of-years' digits depreciation,
    (cost - salvage) * (life - period + 1) / (life * (life + 1) / 2); error 5 unless
    salvage >= 0, life > 0 and 0 < period <= life."""
    c, s, n, p = _d(cost), _d(salvage), _d(life), _d(period)
    if s < 0 or n <= 0 or p <= 0 or p > n:
        raise VbaError(5)
    return (c - s) * (n - p + 1) * 2 / (n * (n + 1))


def ddb(cost: object, salvage: object, life: object, period: object, factor: object = None):
    """DDB(cost, salvage, life, period[, factor]): declining-balance depreciation at
    factor / life (factor 2 if omitted) of what the prior periods left, never taking the
    value below salvage: Min((cost - prior depreciation) * factor / life, cost - salvage -
    prior depreciation), as WorksheetFunction.Ddb states it; error 5 for factor <= 0,
    salvage < 0, period <= 0 or period > life."""
    c, s, n, p = _d(cost), _d(salvage), _d(life), _d(period)
    k = _opt(factor, 2.0)
    if s < 0 or n <= 0 or p <= 0 or p > n or k <= 0:
        raise VbaError(5)
    share = min(k / n, 1.0)  # a rate of 100% or more writes the value off at once
    left = c * (1.0 - share) ** (p - 1)  # the value the prior periods left
    return max(min(left * share, left - s), 0.0)
