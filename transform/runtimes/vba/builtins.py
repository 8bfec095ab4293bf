"""BUILTINS: the VBA library functions by lower-case name, for the interpreter's call dispatch.

Each entry takes already-evaluated VBA values positionally (optional
arguments may be left off).  ``name$`` entries return a String and raise
error 94 where the Variant form would return Null.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import bytestrings as bs
from . import conversion as cv
from . import datetime_ as dt
from . import finance, info, interaction, maths, strings
from .arrays import lbound, make_array, ubound
from .coerce import to_string, typename, vartype
from .format import (
    format_currency,
    format_datetime,
    format_number_fn,
    format_percent,
    format_value,
)
from .values import Null, VbaError


def _dollar(fn: Callable[..., Any]) -> Callable[..., str]:
    """The ``$`` form: a String result, so a Null argument is error 94."""

    def wrapper(*args: Any) -> str:
        if args and args[0] is Null:
            raise VbaError(94)
        result = fn(*args)
        if result is Null:
            raise VbaError(94)
        return to_string(result)

    wrapper.__doc__ = f"{fn.__name__}$ (String-returning form)."
    return wrapper


def _format_dollar(*args: Any) -> str:
    result = format_value(*args)
    return "" if result is Null else result


BUILTINS: dict[str, Callable[..., Any]] = {
    # strings
    "len": strings.length,
    "left": strings.left,
    "right": strings.right,
    "mid": strings.mid,
    "instr": strings.instr,
    "instrrev": strings.instrrev,
    "replace": strings.replace,
    "split": strings.split,
    "join": strings.join,
    "filter": strings.filter_,
    "trim": strings.trim,
    "ltrim": strings.ltrim,
    "rtrim": strings.rtrim,
    "ucase": strings.ucase,
    "lcase": strings.lcase,
    "strcomp": strings.strcomp,
    "strreverse": strings.strreverse,
    "strconv": strings.strconv,
    "space": strings.space,
    "string": strings.string_,
    "asc": strings.asc,
    "ascw": strings.ascw,
    "chr": strings.chr_,
    "chrw": strings.chrw,
    # byte functions (VBA strings are UTF-16: two bytes a character)
    "lenb": bs.lenb,
    "leftb": bs.leftb,
    "rightb": bs.rightb,
    "midb": bs.midb,
    "instrb": bs.instrb,
    "ascb": bs.ascb,
    "chrb": bs.chrb,
    # conversion
    "cbool": cv.cbool,
    "cbyte": cv.cbyte,
    "ccur": cv.ccur,
    "cdate": cv.cdate,
    "cvdate": cv.cdate,
    "cdbl": cv.cdbl,
    "cdec": cv.cdec,
    "cint": cv.cint,
    "clng": cv.clng,
    "clnglng": cv.clnglng,
    "clngptr": cv.clnglng,
    "csng": cv.csng,
    "cstr": cv.cstr,
    "cvar": cv.cvar,
    "cverr": cv.cverr,
    "val": cv.val,
    "str": cv.str_,
    "hex": cv.hex_,
    "oct": cv.oct_,
    # math
    "abs": maths.abs_,
    "sgn": maths.sgn,
    "sqr": maths.sqr,
    "exp": maths.exp,
    "log": maths.log,
    "sin": maths.sin,
    "cos": maths.cos,
    "tan": maths.tan,
    "atn": maths.atn,
    "int": maths.int_,
    "fix": maths.fix,
    "round": maths.round_,
    "rnd": maths.rnd,
    "randomize": maths.randomize,
    # financial
    "pmt": finance.pmt,
    "ipmt": finance.ipmt,
    "ppmt": finance.ppmt,
    "fv": finance.fv,
    "pv": finance.pv,
    "nper": finance.nper,
    "rate": finance.rate,
    "npv": finance.npv,
    "irr": finance.irr,
    "mirr": finance.mirr,
    "sln": finance.sln,
    "syd": finance.syd,
    "ddb": finance.ddb,
    # date/time
    "now": dt.now,
    "date": dt.date,
    "time": dt.time,
    "timer": dt.timer,
    "dateserial": dt.dateserial,
    "timeserial": dt.timeserial,
    "datevalue": dt.datevalue,
    "timevalue": dt.timevalue,
    "dateadd": dt.dateadd,
    "datediff": dt.datediff,
    "datepart": dt.datepart,
    "year": dt.year,
    "month": dt.month,
    "day": dt.day,
    "hour": dt.hour,
    "minute": dt.minute,
    "second": dt.second,
    "weekday": dt.weekday,
    "weekdayname": dt.weekdayname,
    "monthname": dt.monthname,
    # information
    "isnumeric": info.isnumeric,
    "isdate": info.isdate,
    "isempty": info.isempty,
    "isnull": info.isnull,
    "isarray": info.isarray,
    "isobject": info.isobject,
    "iserror": info.iserror,
    "ismissing": info.ismissing,
    "typename": typename,
    "vartype": vartype,
    "qbcolor": interaction.qbcolor,
    "partition": interaction.partition,
    # arrays
    "array": make_array,
    "lbound": lbound,
    "ubound": ubound,
    # formatting
    "format": format_value,
    "formatcurrency": format_currency,
    "formatnumber": format_number_fn,
    "formatpercent": format_percent,
    "formatdatetime": format_datetime,
}

for _name in (
    "left",
    "right",
    "mid",
    "trim",
    "ltrim",
    "rtrim",
    "ucase",
    "lcase",
    "space",
    "string",
    "chr",
    "chrw",
    "leftb",
    "rightb",
    "midb",
    "chrb",
    "str",
    "hex",
    "oct",
):
    BUILTINS[_name + "$"] = _dollar(BUILTINS[_name])
BUILTINS["format$"] = _format_dollar
BUILTINS["date$"] = lambda: dt.format_date_dollar()
BUILTINS["time$"] = lambda: dt.format_time_dollar()
