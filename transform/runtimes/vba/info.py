"""Information functions: IsNumeric, IsEmpty, IsNull, IsObject, IsError, IsArray, IsMissing."""

from __future__ import annotations

import decimal

from .arrays import VbaArray
from .coerce import is_missing, parse_number, typename, vartype
from .datetime_ import isdate
from .values import Currency, Date, Empty, ErrorValue, Missing, Nothing, Null, VbaObject


def isnumeric(v: object) -> bool:
    """IsNumeric: numbers, Booleans, Empty and strings that read as numbers; not Dates."""
    if v is Empty:
        return True
    t = type(v)
    if t is Date:
        return False
    if isinstance(v, (bool, int, float, Currency, decimal.Decimal)):
        return True
    if t is str:
        return parse_number(v) is not None
    return False


def isempty(v: object) -> bool:
    """IsEmpty: only an uninitialised Variant."""
    return v is Empty


def isnull(v: object) -> bool:
    """IsNull."""
    return v is Null


def isobject(v: object) -> bool:
    """IsObject: object references, Nothing included."""
    return (
        v is Nothing
        or isinstance(v, VbaObject)
        or (
            not isinstance(
                v, (bool, int, float, str, Currency, decimal.Decimal, ErrorValue, VbaArray)
            )
            and v is not Empty
            and v is not Null
            and not isinstance(v, Missing)
        )
    )


def iserror(v: object) -> bool:
    """IsError: an Error-subtype Variant (CVErr), including a missing optional argument."""
    return isinstance(v, (ErrorValue, Missing))


def isarray(v: object) -> bool:
    """IsArray."""
    return isinstance(v, VbaArray)


def ismissing(v: object) -> bool:
    """IsMissing: an omitted optional Variant parameter."""
    return is_missing(v)


__all__ = [
    "isarray",
    "isdate",
    "isempty",
    "iserror",
    "ismissing",
    "isnull",
    "isnumeric",
    "isobject",
    "typename",
    "vartype",
]
