"""Run-time representation of VBA values.

Why this shape: the interpreter evaluates millions of operations, so the common
types are native Python objects (``str`` String, ``bool`` Boolean, ``float``
Double, ``int`` Long) and the rarer ones are thin ``int``/``float`` subclasses
(Integer, Byte, LongLong, Single, Date) or small slotted classes (Currency,
ErrorValue).  ``type(v)`` alone tells the VBA type, so dispatch is one dict
lookup.  See docs/vba-runtime.md for the full table.
"""

from __future__ import annotations

import decimal
import struct

# Ranges (MS-VBAL 2.2 "Data values and value types").
INTEGER_MIN, INTEGER_MAX = -32768, 32767
LONG_MIN, LONG_MAX = -(2**31), 2**31 - 1
LONGLONG_MIN, LONGLONG_MAX = -(2**63), 2**63 - 1
BYTE_MIN, BYTE_MAX = 0, 255
CURRENCY_SCALE = 10000
SINGLE_MAX = 3.4028234663852886e38
DATE_MIN, DATE_MAX = -657434.0, 2958465.99998843  # 1/1/100 .. 12/31/9999 23:59:59
DECIMAL_MAX = decimal.Decimal(2**96 - 1)

# Decimal arithmetic context: 29 significant digits, VBA rounds half-even.
DECIMAL_CONTEXT = decimal.Context(prec=29, rounding=decimal.ROUND_HALF_EVEN)


class VbaError(Exception):
    """A VBA run-time error (what ``Err.Raise`` and failing operations raise).

    The interpreter maps it onto the ``Err`` object, so it keeps VBA's number,
    description and source rather than a Python message.
    """

    def __init__(self, number: int, description: str | None = None, source: str = "") -> None:
        self.number = number
        self.description = description if description is not None else error_message(number)
        self.source = source
        super().__init__(f"Run-time error '{number}': {self.description}")


# Standard messages ("Trappable errors" page of the VBA reference).
ERROR_MESSAGES: dict[int, str] = {
    3: "Return without GoSub",
    5: "Invalid procedure call or argument",
    6: "Overflow",
    7: "Out of memory",
    9: "Subscript out of range",
    10: "This array is fixed or temporarily locked",
    11: "Division by zero",
    13: "Type mismatch",
    14: "Out of string space",
    16: "Expression too complex",
    17: "Can't perform requested operation",
    18: "User interrupt occurred",
    20: "Resume without error",
    28: "Out of stack space",
    35: "Sub or Function not defined",
    47: "Too many DLL application clients",
    48: "Error in loading DLL",
    49: "Bad DLL calling convention",
    51: "Internal error",
    52: "Bad file name or number",
    53: "File not found",
    54: "Bad file mode",
    55: "File already open",
    57: "Device I/O error",
    58: "File already exists",
    59: "Bad record length",
    61: "Disk full",
    62: "Input past end of file",
    63: "Bad record number",
    67: "Too many files",
    68: "Device unavailable",
    70: "Permission denied",
    71: "Disk not ready",
    74: "Can't rename with different drive",
    75: "Path/File access error",
    76: "Path not found",
    91: "Object variable or With block variable not set",
    92: "For loop not initialized",
    93: "Invalid pattern string",
    94: "Invalid use of Null",
    97: "Can not call friend function on object which is not an instance of defining class",
    98: (
        "A property or method call cannot include a reference to a private object, "
        "either as an argument or as a return value"
    ),
    298: "System DLL could not be loaded",
    320: "Can't use character device names in specified file names",
    321: "Invalid file format",
    322: "Can't create necessary temporary file",
    325: "Invalid format in resource file",
    327: "Data value named not found",
    328: "Illegal parameter; can't write arrays",
    335: "Could not access system registry",
    336: "Component not correctly registered",
    337: "Component not found",
    338: "Component did not run correctly",
    360: "Object already loaded",
    361: "Can't load or unload this object",
    363: "Control specified not found",
    364: "Object was unloaded",
    365: "Unable to unload within this context",
    368: "The specified file is out of date. This program requires a later version",
    371: "The specified object can't be used as an owner form for Show",
    380: "Invalid property value",
    381: "Invalid property-array index",
    382: "Property Set can't be executed at run time",
    383: "Property Set can't be used with a read-only property",
    385: "Need property-array index",
    387: "Property Set not permitted",
    393: "Property Get can't be executed at run time",
    394: "Property Get can't be executed on write-only property",
    400: "Form already displayed; can't show modally",
    402: "Code must close topmost modal form first",
    419: "Permission to use object denied",
    422: "Property not found",
    423: "Property or method not found",
    424: "Object required",
    425: "Invalid object use",
    429: "ActiveX component can't create object",
    430: "Class does not support Automation or does not support expected interface",
    432: "File name or class name not found during Automation operation",
    438: "Object doesn't support this property or method",
    440: "Automation error",
    442: "Connection to type library or object library for remote process has been lost",
    443: "Automation object does not have a default value",
    445: "Object doesn't support this action",
    446: "Object doesn't support named arguments",
    447: "Object doesn't support current locale setting",
    448: "Named argument not found",
    449: "Argument not optional",
    450: "Wrong number of arguments or invalid property assignment",
    451: "Property let procedure not defined and property get procedure did not return an object",
    452: "Invalid ordinal",
    453: "Specified DLL function not found",
    454: "Code resource not found",
    455: "Code resource lock error",
    457: "This key is already associated with an element of this collection",
    458: "Variable uses an Automation type not supported in Visual Basic",
    459: "Object or class does not support the set of events",
    460: "Invalid clipboard format",
    461: "Method or data member not found",
    462: "The remote server machine does not exist or is unavailable",
    463: "Class not registered on local machine",
    481: "Invalid picture",
    482: "Printer error",
    735: "Can't save file to TEMP",
    744: "Search text not found",
    746: "Replacements too long",
}


def error_message(number: int) -> str:
    """VBA's message for ``number`` ("Application-defined or object-defined error" else)."""
    return ERROR_MESSAGES.get(number, "Application-defined or object-defined error")


# --------------------------------------------------------------------------- types


class Integer(int):
    """VBA Integer (16-bit signed). Range is enforced by the coercions, not here."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Integer({int(self)})"


class Byte(int):
    """VBA Byte (8-bit unsigned)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Byte({int(self)})"


class LongLong(int):
    """VBA LongLong (64-bit signed). Plain ``int`` is Long."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"LongLong({int(self)})"


class Single(float):
    """VBA Single: a float already rounded to IEEE single precision."""

    __slots__ = ()

    def __new__(cls, value: float = 0.0) -> Single:
        return float.__new__(cls, round_single(float(value)))

    def __repr__(self) -> str:
        return f"Single({float(self)!r})"


class Date(float):
    """VBA Date: days since 1899-12-30 (fraction = time of day), MS-VBAL 2.2."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Date({float(self)!r})"


class Currency:
    """VBA Currency: a 64-bit integer counting ten-thousandths.

    Kept as the scaled integer so sums of money stay exact, as in VBA.
    """

    __slots__ = ("scaled",)

    def __init__(self, scaled: int) -> None:
        self.scaled = scaled

    @classmethod
    def from_decimal(cls, value: decimal.Decimal) -> Currency:
        """Currency nearest to ``value`` (Banker's rounding at the 4th decimal)."""
        q = (value * CURRENCY_SCALE).to_integral_value(rounding=decimal.ROUND_HALF_EVEN)
        return cls(int(q))

    def to_decimal(self) -> decimal.Decimal:
        return decimal.Decimal(self.scaled).scaleb(-4)

    def __float__(self) -> float:
        return self.scaled / CURRENCY_SCALE

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Currency):
            return self.scaled == other.scaled
        if isinstance(other, (int, float, decimal.Decimal)):
            return self.to_decimal() == decimal.Decimal(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.to_decimal())

    def __repr__(self) -> str:
        return f"Currency({self.to_decimal()})"


class VbaDecimal(decimal.Decimal):
    """VBA Decimal (only ever inside a Variant, made by CDec)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"VbaDecimal('{decimal.Decimal.__str__(self)}')"


class _Singleton:
    """Base of Empty, Null and Nothing: one instance each, compared with ``is``."""

    __slots__ = ()
    _name = ""

    def __repr__(self) -> str:
        return self._name

    def __reduce__(self) -> str:
        return self._name

    def __copy__(self) -> _Singleton:
        return self

    def __deepcopy__(self, memo: dict) -> _Singleton:
        return self


class _EmptyType(_Singleton):
    __slots__ = ()
    _name = "Empty"

    def __bool__(self) -> bool:
        return False


class _NullType(_Singleton):
    __slots__ = ()
    _name = "Null"

    def __bool__(self) -> bool:
        raise VbaError(94)


class _NothingType(_Singleton):
    __slots__ = ()
    _name = "Nothing"

    def __bool__(self) -> bool:
        return False

    def __getitem__(self, key: object) -> object:
        """Translated code indexing an object variable that holds Nothing (a worksheet's
        ``ws["A1"]``): error 91, as using any member of Nothing is in VBA."""
        raise VbaError(91)

    def __getattr__(self, name: str) -> object:
        """Translated code using a member of an object variable that holds Nothing
        (`o.sku`, `o.init()`): error 91, "Object variable or With block variable not set".
        Raised as an AttributeError too, so `getattr(x, name, default)` still works."""
        if name.startswith("__"):
            raise AttributeError(name)
        raise NothingMemberError(91)

    def __setattr__(self, name: str, value: object) -> None:
        raise NothingMemberError(91)


class NothingMemberError(VbaError, AttributeError):
    """Error 91 from using a member of Nothing (an AttributeError for Python's own
    attribute protocol)."""


Empty = _EmptyType()
Null = _NullType()
Nothing = _NothingType()


class ErrorValue:
    """A Variant of subtype Error (made by CVErr)."""

    __slots__ = ("number",)

    def __init__(self, number: int) -> None:
        self.number = number

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ErrorValue) and other.number == self.number

    def __hash__(self) -> int:
        return hash(("ErrorValue", self.number))

    def __repr__(self) -> str:
        return f"ErrorValue({self.number})"


class Missing(_Singleton):
    """An omitted optional Variant argument (IsMissing is True for it)."""

    __slots__ = ()
    _name = "Missing"


MISSING = Missing()


class VbaObject:
    """Base class for objects the interpreter exposes (Collection, class instances...).

    ``vba_typename`` is what TypeName returns for it.
    """

    vba_typename = "Object"


# ------------------------------------------------------------------ helpers


def round_single(x: float) -> float:
    """Round a Python float to the nearest IEEE single; error 6 past its range."""
    if x != x or x in (float("inf"), float("-inf")):
        return x
    if abs(x) > SINGLE_MAX:
        raise VbaError(6)
    return struct.unpack("f", struct.pack("f", x))[0]


NUMERIC_TYPES = (int, float, Currency, decimal.Decimal)


def is_numeric_value(v: object) -> bool:
    """True for any VBA numeric value type (Boolean included, Date excluded)."""
    return isinstance(v, NUMERIC_TYPES) and type(v) is not Date
