"""Format / Format$ ("Format function (Visual Basic for Applications)"), en-US locale.

A format string is split into ``;`` sections, each tokenised once (cached),
then rendered as a number, date/time or string format depending on which
placeholders it holds.  Rounding in numeric formats is half away from zero
on the number's shortest decimal form, as Format (unlike Round) does.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass
from functools import lru_cache

from .coerce import (
    format_number,
    parse_number,
    to_date,
    to_double,
    to_long,
    to_string,
)
from .dateserial import (
    DAY_NAMES,
    MONTH_NAMES,
    format_general_date,
    serial_to_parts,
    weekday_of,
)
from .values import Currency, Date, Empty, Missing, Null, Single, VbaError

NAMED_NUMERIC = {
    "general number": None,
    "currency": "$#,##0.00;($#,##0.00)",
    "fixed": "0.00",
    "standard": "#,##0.00",
    "percent": "0.00%",
    "scientific": "0.00E+00",
}
NAMED_DATE = {
    "long date": "dddd, mmmm d, yyyy",
    "medium date": "dd-mmm-yy",
    "short date": "m/d/yyyy",
    "long time": "h:mm:ss AM/PM",
    "medium time": "hh:mm AM/PM",
    "short time": "hh:mm",
}
NAMED_BOOL = {"yes/no": ("Yes", "No"), "true/false": ("True", "False"), "on/off": ("On", "Off")}

# ------------------------------------------------------------------ tokens


@dataclass(frozen=True)
class Tok:
    """One format token: ``kind`` is 'lit' (text), a placeholder, or a date code."""

    kind: str
    text: str = ""


_DATE_CODES = [
    "dddddd",
    "ddddd",
    "dddd",
    "ddd",
    "dd",
    "d",
    "ww",
    "w",
    "mmmm",
    "mmm",
    "mm",
    "m",
    "q",
    "yyyy",
    "yy",
    "y",
    "hh",
    "h",
    "nn",
    "n",
    "ss",
    "s",
    "ttttt",
    "c",
    "aaaa",
]
_AMPM = ["am/pm", "a/p", "ampm"]


def _split_sections(fmt: str) -> list[str]:
    """Split on ``;`` outside quotes and backslash escapes."""
    sections, cur, i, quoted = [], [], 0, False
    while i < len(fmt):
        c = fmt[i]
        if c == '"':
            quoted = not quoted
        elif c == "\\" and not quoted and i + 1 < len(fmt):
            cur.append(fmt[i : i + 2])
            i += 2
            continue
        elif c == ";" and not quoted:
            sections.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    sections.append("".join(cur))
    return sections


@lru_cache(maxsize=512)
def _tokens(section: str) -> tuple[Tok, ...]:
    """Tokenise one section; letters become date codes, symbols numeric/string codes."""
    out: list[Tok] = []
    i, n = 0, len(section)
    while i < n:
        c = section[i]
        low = section[i:].lower()
        if c == '"':
            end = section.find('"', i + 1)
            end = n if end < 0 else end
            out.append(Tok("lit", section[i + 1 : end]))
            i = end + 1
            continue
        if c == "\\":
            out.append(Tok("lit", section[i + 1 : i + 2]))
            i += 2
            continue
        amp = next((a for a in _AMPM if low.startswith(a)), None)
        if amp:
            out.append(Tok("ampm", section[i : i + len(amp)]))
            i += len(amp)
            continue
        if c in "Ee" and i + 1 < n and section[i + 1] in "+-":
            out.append(Tok("exp", section[i : i + 2]))
            i += 2
            continue
        code = next((d for d in _DATE_CODES if low.startswith(d)), None)
        if code:
            out.append(Tok("date", code))
            i += len(code)
            continue
        if c in "0#.,%@&<>!:/":
            out.append(Tok(c))
        else:
            out.append(Tok("lit", c))
        i += 1
    return tuple(out)


def _kind_of(tokens: tuple[Tok, ...]) -> str:
    kinds = {t.kind for t in tokens}
    if kinds & {"date", "ampm"}:
        return "date"
    if kinds & {"0", "#", ".", "%", "exp", ","}:
        return "number"
    if kinds & {"@", "&", "<", ">", "!"}:
        return "string"
    return "literal"


# ----------------------------------------------------------------- numbers


def _to_decimal(v: object) -> decimal.Decimal:
    if type(v) is Currency:
        return v.to_decimal()
    if isinstance(v, decimal.Decimal):
        return v
    if type(v) is Single:
        return decimal.Decimal(format_number(float(v), 7))
    if isinstance(v, bool):
        return decimal.Decimal(-1 if v else 0)
    if isinstance(v, int):
        return decimal.Decimal(int(v))
    return decimal.Decimal(repr(float(v)))


def _round_half_up(d: decimal.Decimal, places: int) -> decimal.Decimal:
    return d.quantize(decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)


def _group(digits: str) -> str:
    out = []
    for i, ch in enumerate(reversed(digits)):
        if i and i % 3 == 0:
            out.append(",")
        out.append(ch)
    return "".join(reversed(out))


def _format_number_section(tokens: tuple[Tok, ...], d: decimal.Decimal) -> str:
    """Render |d| with one numeric section (the caller handles the sign)."""
    d = abs(d)
    toks = list(tokens)
    d *= decimal.Decimal(100) ** sum(1 for t in toks if t.kind == "%")
    exp_idx = next((i for i, t in enumerate(toks) if t.kind == "exp"), None)
    mant_toks = toks if exp_idx is None else toks[:exp_idx]
    dot = next((i for i, t in enumerate(mant_toks) if t.kind == "."), None)
    int_toks = mant_toks if dot is None else mant_toks[:dot]
    frac_toks = [] if dot is None else mant_toks[dot + 1 :]
    # scaling commas: commas directly left of the decimal point (or the end of digits)
    last_digit = max((i for i, t in enumerate(int_toks) if t.kind in "0#"), default=-1)
    scale = 0
    j = last_digit + 1
    while j < len(int_toks) and int_toks[j].kind == ",":
        scale += 1
        j += 1
    d /= decimal.Decimal(1000) ** scale
    first_digit = next((i for i, t in enumerate(int_toks) if t.kind in "0#"), len(int_toks))
    grouping = any(t.kind == "," for t in int_toks[first_digit:last_digit])
    int_ph = [t.kind for t in int_toks if t.kind in "0#"]
    frac_ph = [t.kind for t in frac_toks if t.kind in "0#"]
    exponent = 0
    if exp_idx is not None and d != 0:
        lead = max(len(int_ph), 1)
        exponent = d.adjusted() - (lead - 1)
        d = d.scaleb(-exponent)
        d = _round_half_up(d, len(frac_ph))
        if d.adjusted() >= lead:  # rounding carried into a new digit
            d = d.scaleb(-1)
            exponent += 1
    d = _round_half_up(d, len(frac_ph))
    int_digits, _, frac_digits = format(d, "f").partition(".")
    int_digits = int_digits.lstrip("0")
    frac_digits = frac_digits.ljust(len(frac_ph), "0")
    text = _fill_int(int_toks, int_digits, grouping)
    if dot is not None:
        text += "." + _fill_frac(frac_toks, frac_digits)
    if exp_idx is not None:
        text += _render_exponent(toks[exp_idx:], exponent)
    return text


def _fill_int(toks: list[Tok], digits: str, grouping: bool) -> str:
    ph = [i for i, t in enumerate(toks) if t.kind in "0#"]
    if not ph:
        return "".join(_lit(t) for t in toks) + ("" if not digits else "")
    zeros = len(ph) - next((k for k, i in enumerate(ph) if toks[i].kind == "0"), len(ph))
    digits = digits.rjust(zeros, "0")
    if grouping:
        block = _group(digits)
        before = "".join(_lit(t) for t in toks[: ph[0]])
        after = "".join(_lit(t) for t in toks[ph[0] :] if t.kind not in "0#,")
        return before + block + after
    out: list[str] = []
    remaining = digits
    for idx in range(len(toks) - 1, -1, -1):
        t = toks[idx]
        if t.kind in "0#":
            if idx == ph[0]:
                out.append(remaining)
                remaining = ""
            else:
                out.append(remaining[-1:] if remaining else "")
                remaining = remaining[:-1]
        elif t.kind != ",":
            out.append(_lit(t))
    return "".join(reversed(out))


def _fill_frac(toks: list[Tok], digits: str) -> str:
    kinds = [t.kind for t in toks if t.kind in "0#"]
    keep = len(digits)
    while keep > 0 and kinds[keep - 1] == "#" and digits[keep - 1] == "0":
        keep -= 1
    out, k = [], 0
    for t in toks:
        if t.kind in "0#":
            if k < keep:
                out.append(digits[k])
            k += 1
        elif t.kind != ",":
            out.append(_lit(t))
    return "".join(out)


def _render_exponent(toks: list[Tok], exponent: int) -> str:
    mark = toks[0].text
    width = sum(1 for t in toks[1:] if t.kind == "0")
    sign = "-" if exponent < 0 else ("+" if mark[1] == "+" else "")
    rest = "".join(_lit(t) for t in toks[1:] if t.kind not in "0#")
    return mark[0] + sign + str(abs(exponent)).rjust(width, "0") + rest


def _lit(t: Tok) -> str:
    if t.kind == "lit":
        return t.text
    if t.kind in (":", "/", "%", ".", ","):
        return t.kind
    if t.kind == "date":
        return t.text
    return "" if t.kind in "0#@&<>!" else t.text


def _format_numeric(v: object, sections: list[str]) -> str:
    d = _to_decimal(v)
    negative = d < 0
    section = sections[0]
    sign = "-" if negative else ""
    if negative and len(sections) > 1 and sections[1] != "":
        section, sign = sections[1], ""
    if d == 0 and len(sections) > 2 and sections[2] != "":
        section, sign = sections[2], ""
    tokens = _tokens(section)
    kind = _kind_of(tokens)
    if kind == "date":
        return sign + _format_date(to_date(float(abs(d))), tokens)
    if kind != "number":
        return sign + "".join(_lit(t) for t in tokens)
    return sign + _format_number_section(tokens, d)


# -------------------------------------------------------------------- dates


def _format_date(serial: float, tokens: tuple[Tok, ...], fdow: int = 1, fwoy: int = 1) -> str:
    y, mo, d, h, mi, s = serial_to_parts(serial)
    twelve = any(t.kind == "ampm" for t in tokens)
    out: list[str] = []
    prev_hour = False
    for idx, t in enumerate(tokens):
        if t.kind == "date":
            code = t.text
            if code in ("m", "mm") and (prev_hour or _next_is_second(tokens, idx)):
                out.append(str(mi) if code == "m" else f"{mi:02d}")
            else:
                out.append(_date_code(code, serial, y, mo, d, h, mi, s, twelve, fdow, fwoy))
            prev_hour = code in ("h", "hh")
        elif t.kind == "ampm":
            out.append(_ampm(t.text, h))
        else:
            out.append(_lit(t))
    return "".join(out)


def _next_is_second(tokens: tuple[Tok, ...], idx: int) -> bool:
    """Whether the next date code after ``idx`` is seconds (m in "m:ss" is minutes)."""
    for t in tokens[idx + 1 :]:
        if t.kind == "date":
            return t.text in ("s", "ss")
    return False


def _ampm(text: str, h: int) -> str:
    low = text.lower()
    pm = h >= 12
    if low == "ampm":
        return "PM" if pm else "AM"
    if low == "a/p":
        ch = "p" if pm else "a"
        return ch.upper() if text[0 if not pm else 2].isupper() else ch
    am_text, pm_text = text.split("/")
    return pm_text if pm else am_text


def _date_code(
    code: str,
    serial: float,
    y: int,
    mo: int,
    d: int,
    h: int,
    mi: int,
    s: int,
    twelve: bool,
    fdow: int,
    fwoy: int,
) -> str:
    from .datetime_ import _week_of_year

    hour = (h % 12 or 12) if twelve else h
    table = {
        "d": str(d),
        "dd": f"{d:02d}",
        "m": str(mo),
        "mm": f"{mo:02d}",
        "yy": f"{y % 100:02d}",
        "yyyy": str(y),
        "h": str(hour),
        "hh": f"{hour:02d}",
        "n": str(mi),
        "nn": f"{mi:02d}",
        "s": str(s),
        "ss": f"{s:02d}",
        "q": str((mo - 1) // 3 + 1),
    }
    if code in table:
        return table[code]
    wd = weekday_of(serial, 1)
    if code in ("ddd",):
        return DAY_NAMES[wd - 1][:3]
    if code in ("dddd", "aaaa"):
        return DAY_NAMES[wd - 1]
    if code == "mmm":
        return MONTH_NAMES[mo - 1][:3]
    if code == "mmmm":
        return MONTH_NAMES[mo - 1]
    if code == "ddddd":
        return f"{mo}/{d}/{y}"
    if code == "dddddd":
        return f"{DAY_NAMES[wd - 1]}, {MONTH_NAMES[mo - 1]} {d:02d}, {y}"
    if code == "w":
        return str(weekday_of(serial, fdow))
    if code == "ww":
        return str(_week_of_year(serial, fdow, fwoy))
    if code == "y":
        import datetime as _dt

        return str(_dt.date(y, mo, d).timetuple().tm_yday)
    if code == "ttttt":
        return f"{h % 12 or 12}:{mi:02d}:{s:02d} {'PM' if h >= 12 else 'AM'}"
    if code == "c":
        return format_general_date(serial)
    return code


# ------------------------------------------------------------------ strings


def _format_string(text: str, tokens: tuple[Tok, ...]) -> str:
    kinds = [t.kind for t in tokens]
    if "<" in kinds:
        text = text.lower()
    if ">" in kinds:
        text = text.upper()
    slots = [i for i, t in enumerate(tokens) if t.kind in "@&"]
    if not slots:
        return "".join(_lit(t) for t in tokens if t.kind not in "<>!") + text
    chars = list(text)
    fill: dict[int, str] = {}
    if "!" in kinds:
        for i in slots:
            fill[i] = chars.pop(0) if chars else (" " if tokens[i].kind == "@" else "")
        tail = "".join(chars)
        first_extra = ""
    else:
        for i in reversed(slots):
            fill[i] = chars.pop() if chars else (" " if tokens[i].kind == "@" else "")
        first_extra, tail = "".join(chars), ""
    out = []
    for i, t in enumerate(tokens):
        if i in fill:
            out.append((first_extra if i == slots[0] else "") + fill[i])
        elif t.kind not in "<>!":
            out.append(_lit(t))
    return "".join(out) + tail


# --------------------------------------------------------------------- main


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float, Currency, decimal.Decimal)) and type(v) is not Date


def format_value(
    expression: object,
    fmt: object = "",
    firstdayofweek: object = 1,
    firstweekofyear: object = 1,
) -> object:
    """Format(expression[, format[, firstdayofweek[, firstweekofyear]]]) in en-US."""
    fmt_text = "" if fmt in (None, Empty) else to_string(fmt)
    if expression is Null:
        sections = _split_sections(fmt_text) if fmt_text else []
        if len(sections) >= 4:
            return _render_literal(sections[3])
        return Null
    if expression is Empty:
        if not fmt_text:
            return ""
        expression = 0 if _kind_of(_tokens(_split_sections(fmt_text)[0])) != "string" else ""
    if not fmt_text:
        return _default_text(expression)
    low = fmt_text.strip().lower()
    if low == "general date":
        return format_general_date(to_date(expression))
    if low in NAMED_BOOL:
        yes, no = NAMED_BOOL[low]
        return no if to_double(expression) == 0 else yes
    if low in NAMED_NUMERIC:
        named = NAMED_NUMERIC[low]
        if named is None:
            return _general_number(expression)
        fmt_text = named
    elif low in NAMED_DATE:
        return _format_date(to_date(expression), _tokens(NAMED_DATE[low]))
    sections = _split_sections(fmt_text)
    first = _tokens(sections[0])
    kind = _kind_of(first)
    fdow = 1 if firstdayofweek in (None, 0) else int(to_double(firstdayofweek))
    fwoy = 1 if firstweekofyear in (None, 0) else int(to_double(firstweekofyear))
    if kind == "date":
        if isinstance(expression, str) and parse_number(expression) is None:
            expression = to_date(expression)
        return _format_date(to_date(expression), first, fdow, fwoy)
    if kind == "string" or (isinstance(expression, str) and parse_number(expression) is None):
        text = to_string(expression)
        if text == "" and len(sections) > 1:
            return _format_string(text, _tokens(sections[1]))
        return _format_string(text, first) if kind == "string" else text
    value = expression
    if isinstance(value, str):
        value = float(parse_number(value))
    elif type(value) is Date:
        value = float(value)
    return _format_numeric(value, sections)


def _render_literal(section: str) -> str:
    return "".join(_lit(t) for t in _tokens(section))


def _general_number(v: object) -> str:
    if isinstance(v, str):
        v = to_double(v)
    if type(v) is bool:
        return "-1" if v else "0"
    return to_string(v if type(v) is not Date else float(v))


def _default_text(v: object) -> str:
    """Format without a format string: CStr without the sign space."""
    return to_string(v)


def format_dollar(expression: object, fmt: object = "", *rest: object) -> str:
    """Format$: like Format but a String (Null becomes "")."""
    r = format_value(expression, fmt, *rest)
    return "" if r is Null else r


# FormatDateTime's NamedFormat: vbGeneralDate 0 (General Date, what CStr gives), vbLongDate 1,
# vbShortDate 2, vbLongTime 3 (en-US, as the named formats of Format), vbShortTime 4 (hh:mm).
_NAMED_DATETIME = {1: "long date", 2: "short date", 3: "long time", 4: "short time"}


def format_datetime(expression: object, named_format: object = 0) -> str:
    """FormatDateTime(Date[, NamedFormat]) in the en-US locale of Format and CStr:
    vbGeneralDate (0) is the General Date text (a date part as a short date, a time part
    as a long time, both if present), vbLongDate (1) "dddd, mmmm d, yyyy", vbShortDate (2)
    "m/d/yyyy", vbLongTime (3) "h:mm:ss AM/PM", vbShortTime (4) "hh:mm" in 24 hours.
    A String result (MS-VBAL declares it As String), so Null is error 94; any other
    NamedFormat is error 5."""
    if expression is Null:
        raise VbaError(94)
    kind = 0 if named_format is None or isinstance(named_format, Missing) else to_long(named_format)
    if kind not in (0, *_NAMED_DATETIME):
        raise VbaError(5)
    serial = to_date(expression)
    if kind == 0:
        return format_general_date(serial)
    return _format_date(serial, _tokens(NAMED_DATE[_NAMED_DATETIME[kind]]))


def format_currency(
    expression: object, digits: object = -1, leading: object = -2, parens: object = -2, group=-2
):
    """FormatCurrency with en-US defaults: ``$1,234.50``, negatives in parentheses."""
    return _format_fixed(expression, digits, leading, parens, group, "$", True)


def format_number_fn(
    expression: object, digits: object = -1, leading: object = -2, parens: object = -2, group=-2
):
    """FormatNumber with en-US defaults: ``1,234.50``."""
    return _format_fixed(expression, digits, leading, parens, group, "", False)


def format_percent(
    expression: object, digits: object = -1, leading: object = -2, parens: object = -2, group=-2
):
    """FormatPercent: value times 100 with two decimals and ``%``."""
    if expression is Null:
        return Null
    return (
        _format_fixed(to_double(expression) * 100, digits, leading, parens, group, "", False) + "%"
    )


def _format_fixed(expression, digits, leading, parens, group, symbol, default_parens) -> object:
    if expression is Null:
        return Null
    n = 2 if int(to_double(digits)) == -1 else int(to_double(digits))
    use_group = int(to_double(group)) != 0
    use_parens = default_parens if int(to_double(parens)) == -2 else int(to_double(parens)) != 0
    d = _round_half_up(_to_decimal(to_double(expression)), n)
    int_digits, _, frac = format(abs(d), "f").partition(".")
    if int_digits == "0" and int(to_double(leading)) == 0:
        int_digits = ""
    body = symbol + (_group(int_digits) if use_group else int_digits) + ("." + frac if n else "")
    if d < 0:
        return f"({body})" if use_parens else "-" + body
    return body
