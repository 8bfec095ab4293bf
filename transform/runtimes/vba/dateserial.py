"""Date serial arithmetic shared by coercion, the date functions and Format.

A VBA Date is a Double counting days from 1899-12-30 (MS-VBAL 2.2). For
negative serials the integer part is the day and the fraction is still a
positive time of day, so -1.25 is 1899-12-29 06:00, which is why conversion
cannot be a plain ``timedelta`` from the epoch.
"""

from __future__ import annotations

import datetime as _dt
import re

from .values import DATE_MAX, DATE_MIN, Date, VbaError

EPOCH_ORDINAL = _dt.date(1899, 12, 30).toordinal()

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def split_serial(serial: float) -> tuple[int, int]:
    """(day number, seconds into the day) of a serial, rounded to the second."""
    day = int(serial)  # truncates toward zero
    frac = abs(serial - day)
    secs = int(frac * 86400 + 0.5)
    if secs >= 86400:
        secs -= 86400
        day += 1 if serial >= 0 else -1
    return day, secs


def serial_to_parts(serial: float) -> tuple[int, int, int, int, int, int]:
    """(year, month, day, hour, minute, second) of a Date serial."""
    if not DATE_MIN <= serial < DATE_MAX + 1:
        raise VbaError(5)
    day, secs = split_serial(serial)
    d = _dt.date.fromordinal(EPOCH_ORDINAL + day)
    return d.year, d.month, d.day, secs // 3600, secs // 60 % 60, secs % 60


def days_from_ymd(year: int, month: int, day: int) -> int:
    """Day number of a date, normalising month/day overflow like DateSerial."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    if not 100 <= year <= 9999:
        raise VbaError(5)
    return _dt.date(year, month, 1).toordinal() - EPOCH_ORDINAL + day - 1


def make_serial(days: int, seconds: float) -> Date:
    """Combine a day number and a time in seconds the way VBA stores them."""
    frac = seconds / 86400.0
    value = days + frac if days >= 0 else days - frac
    if not DATE_MIN <= value <= DATE_MAX:
        raise VbaError(5)
    return Date(value)


def weekday_of(serial: float, first_day: int = 1) -> int:
    """Weekday number, 1 = ``first_day`` (1 = Sunday, the VBA default)."""
    day, _ = split_serial(serial)
    sunday_based = (day + 6) % 7 + 1  # serial 0 (1899-12-30) was a Saturday -> 7
    return (sunday_based - first_day) % 7 + 1


def two_digit_year(y: int) -> int:
    """Windows' default two-digit-year window: 00-29 -> 2000s, 30-99 -> 1900s."""
    return 2000 + y if y < 30 else 1900 + y


# ----------------------------------------------------------------- formatting


def format_time_part(secs: int) -> str:
    """Long Time in en-US: ``h:mm:ss AM``."""
    h, m, s = secs // 3600, secs // 60 % 60, secs % 60
    ampm = "AM" if h < 12 else "PM"
    h12 = h % 12 or 12
    return f"{h12}:{m:02d}:{s:02d} {ampm}"


def format_general_date(serial: float) -> str:
    """General Date (what CStr, Print and & produce) for the en-US locale."""
    y, mo, d, h, mi, s = serial_to_parts(serial)
    day, secs = split_serial(serial)
    if day == 0:
        return format_time_part(secs)
    text = f"{mo}/{d}/{y}"
    if secs:
        text += " " + format_time_part(secs)
    return text


# -------------------------------------------------------------------- parsing

_MONTHS = {name[:3].lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
_TIME_RE = re.compile(
    r"(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}(?:\.\d*)?))?\s*([ap]\.?m?\.?)?$", re.IGNORECASE
)
_AMPM_ONLY = re.compile(r"(\d{1,2})\s*([ap]\.?m?\.?)$", re.IGNORECASE)


def _parse_time(text: str) -> int | None:
    """Seconds of a time-of-day string, or None."""
    text = text.strip()
    m = _TIME_RE.match(text)
    if not m or (m.group(2) is None and m.group(4) is None):
        return None
    h = int(m.group(1))
    mi = int(m.group(2) or 0)
    s = float(m.group(3) or 0)
    if m.group(4):
        if not 1 <= h <= 12 and h != 0:
            return None
        pm = m.group(4)[0].lower() == "p"
        h = h % 12 + (12 if pm else 0)
    if h > 23 or mi > 59 or s >= 60:
        return None
    return h * 3600 + mi * 60 + int(s + 0.5)


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s,/\-.]+", text.strip()) if t]


def _ymd_from_tokens(tokens: list[str], this_year: int) -> tuple[int, int, int] | None:
    """Interpret date tokens in en-US order (month first), like VBA's CDate."""
    month_name = [i for i, t in enumerate(tokens) if t[:3].lower() in _MONTHS and not t.isdigit()]
    if len(month_name) > 1 or any(
        not t.isdigit() for i, t in enumerate(tokens) if i not in month_name
    ):
        return None
    if month_name:
        idx = month_name[0]
        month = _MONTHS[tokens[idx][:3].lower()]
        if not MONTH_NAMES[month - 1].lower().startswith(tokens[idx].lower()):
            return None
        nums = [int(t) for i, t in enumerate(tokens) if i != idx]
        lens = [len(t) for i, t in enumerate(tokens) if i != idx]
        if len(nums) == 1:
            if lens[0] >= 3 or nums[0] > 31:
                return (nums[0], month, 1)
            return (this_year, month, nums[0])
        if len(nums) != 2:
            return None
        if lens[0] >= 3:
            return (nums[0], month, nums[1])
        return (_year(nums[1], lens[1]), month, nums[0])
    nums = [int(t) for t in tokens]
    lens = [len(t) for t in tokens]
    if len(nums) == 2:
        a, b = nums
        if lens[0] >= 3:
            return (a, b, 1)
        if lens[1] >= 3 or b > 31:
            return (_year(b, lens[1]), a, 1)
        return _swap_if_needed(this_year, a, b)
    if len(nums) != 3:
        return None
    if lens[0] >= 3:  # ISO order y-m-d
        return (nums[0], nums[1], nums[2])
    y = _year(nums[2], lens[2])
    return _swap_if_needed(y, nums[0], nums[1])


def _year(value: int, length: int) -> int:
    return two_digit_year(value) if length <= 2 else value


def _swap_if_needed(y: int, m: int, d: int) -> tuple[int, int, int]:
    """m/d in en-US, but VBA accepts d/m when the first number cannot be a month."""
    if m > 12 and d <= 12:
        m, d = d, m
    return (y, m, d)


def parse_date(text: str, this_year: int = 2000) -> Date | None:
    """Parse a date and/or time string as CDate does in en-US; None if it cannot."""
    text = text.strip()
    if not text:
        return None
    secs = _parse_time(text)
    if secs is not None:
        return make_serial(0, secs)
    # split a trailing time (contains ':' or AM/PM) from the date part
    m = re.match(
        r"(.*?)[\s,]+(\d{1,2}(?::\d{1,2}){1,2}(?:\.\d*)?(?:\s*[ap]\.?m?\.?)?|\d{1,2}\s*[ap]\.?m?\.?)$",
        text,
        re.IGNORECASE,
    )
    date_text, secs = text, 0
    if m:
        t = _parse_time(m.group(2))
        if t is None:
            return None
        date_text, secs = m.group(1), t
    ymd = _ymd_from_tokens(_tokens(date_text), this_year)
    if ymd is None:
        return None
    y, mo, d = ymd
    try:
        _dt.date(y, mo, d)
    except ValueError:
        return None
    if not 100 <= y <= 9999:
        return None
    return make_serial(days_from_ymd(y, mo, d), secs)
