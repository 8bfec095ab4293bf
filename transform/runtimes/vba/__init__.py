"""VBA value semantics: the foundation of the VBA interpreter and of generated code's helpers.

Pure Python, no parser dependency.  Module map: values (representation),
coerce (Let-coercion, VarType/TypeName), operators (MS-VBAL 5.6.9), strings,
conversion, maths, datetime_, info, format, printing, arrays, builtins
(the BUILTINS dispatch table).  See docs/vba-runtime.md.
"""

from .arrays import VbaArray
from .builtins import BUILTINS
from .values import (
    MISSING,
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
    VbaObject,
)

__all__ = [
    "BUILTINS",
    "MISSING",
    "Byte",
    "Currency",
    "Date",
    "Empty",
    "ErrorValue",
    "Integer",
    "LongLong",
    "Nothing",
    "Null",
    "Single",
    "VbaArray",
    "VbaDecimal",
    "VbaError",
    "VbaObject",
]
