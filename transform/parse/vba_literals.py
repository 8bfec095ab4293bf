"""Literal tokens → VBA values (MS-VBAL 3.3.2 number tokens, 3.3.3 date tokens, 3.3.4 strings).

Why here: both the hand-written reader and the tree-sitter lowering turn literal
text into the same values, and a literal's *type* matters (``32767 + 1``
overflows because both literals are Integers).
"""

from __future__ import annotations

import decimal

from transform.runtimes.vba.coerce import to_date
from transform.runtimes.vba.values import Currency, Integer, LongLong, Single, VbaError


def number_literal(text: str) -> object:
    """The value of a numeric literal, typed per MS-VBAL 3.3.2: the smallest of
    Integer, Long, Double that holds it unless a type suffix says otherwise."""
    suffix = text[-1] if text[-1] in "%&^!#@" else ""
    body = text[:-1] if suffix else text
    low = body.lower()
    if low.startswith("&h") or low.startswith("&o") or (low.startswith("&") and len(low) > 1):
        digits = low[2:] if low[1] in "ho" else low[1:]
        n = int(digits, 16 if low[1] == "h" else 8)
        return _radix_value(n, suffix)
    if suffix == "@":
        return Currency.from_decimal(decimal.Decimal(body.replace("d", "e").replace("D", "e")))
    is_float = any(c in low for c in ".ed")
    value: float | int = float(low.replace("d", "e")) if is_float else int(low)
    if suffix == "%":
        return Integer(int(value))
    if suffix == "&":
        return int(value)
    if suffix == "^":
        return LongLong(int(value))
    if suffix == "!":
        return Single(float(value))
    if suffix == "#" or is_float:
        return float(value)
    if -32768 <= value <= 32767:
        return Integer(value)
    if -(2**31) <= value <= 2**31 - 1:
        return int(value)
    return float(value)


def _radix_value(n: int, suffix: str) -> object:
    """&H/&O literals are two's complement in the smallest type that fits 16/32/64 bits."""
    if suffix == "^":
        return LongLong(n - 2**64 if n >= 2**63 else n)
    if suffix == "" and n <= 0xFFFF:
        return Integer(n - 0x10000 if n >= 0x8000 else n)
    if suffix == "%":
        if n > 0xFFFF:
            raise VbaError(6)
        return Integer(n - 0x10000 if n >= 0x8000 else n)
    if n <= 0xFFFFFFFF:
        return n - 2**32 if n >= 2**31 else n
    return LongLong(n - 2**64 if n >= 2**63 else n)


def date_literal(text: str) -> object:
    """``#1/2/2003#`` → Date (month/day/year, as MS-VBAL 3.3.3's en-US reading)."""
    return to_date(text.strip("#").strip())


def literal_value(token: object) -> object:
    """Value of a num/str/date token from the reader's lexer."""
    kind = token.kind  # type: ignore[attr-defined]
    if kind == "num":
        return number_literal(token.text)  # type: ignore[attr-defined]
    if kind == "date":
        return date_literal(token.text)  # type: ignore[attr-defined]
    return token.value  # type: ignore[attr-defined]
