"""Date and time functions (MS-VBAL 6.1.2.3 DateTime module) with an injectable clock.

Characterization runs must be reproducible, so Now/Date/Time/Timer read a
``Clock`` that tests and the interpreter can pin with ``set_clock``.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import math
from collections.abc import Callable

from . import coerce as _coerce
from .coerce import to_date, to_double, to_long, to_string
from .dateserial import (
    DAY_NAMES,
    EPOCH_ORDINAL,
    MONTH_NAMES,
    days_from_ymd,
    make_serial,
    parse_date,
    serial_to_parts,
    split_serial,
    two_digit_year,
    weekday_of,
)
from .values import Date, Integer, Missing, Null, Single, VbaError

# ---------------------------------------------------------------- the clock


class Clock:
    """Source of the current date-time; ``fixed`` pins it for reproducible runs."""

    def __init__(self, now: Callable[[], _dt.datetime] | None = None) -> None:
        self._now = now or _dt.datetime.now

    @classmethod
    def fixed(cls, moment: _dt.datetime) -> Clock:
        return cls(lambda: moment)

    def now(self) -> _dt.datetime:
        return self._now()


_CLOCK = [Clock()]


def set_clock(clock: Clock) -> None:
    """Install the clock Now/Date/Time/Timer (and year-less date strings) read."""
    _CLOCK[0] = clock
    _coerce.set_current_year_source(lambda: clock.now().year)


def get_clock() -> Clock:
    return _CLOCK[0]


def from_datetime(moment: _dt.datetime) -> Date:
    """The Date serial of a Python datetime."""
    secs = moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6
    return make_serial(moment.toordinal() - EPOCH_ORDINAL, secs)


def to_datetime(d: object) -> _dt.datetime:
    """A Python datetime for a VBA Date (to the second)."""
    y, mo, da, h, mi, s = serial_to_parts(to_date(d))
    return _dt.datetime(y, mo, da, h, mi, s)


def now() -> Date:
    """Now: current date and time."""
    return from_datetime(_CLOCK[0].now())


def date() -> Date:
    """Date: current date (no time part)."""
    n = _CLOCK[0].now()
    return Date(float(n.toordinal() - EPOCH_ORDINAL))


def time() -> Date:
    """Time: current time of day (date part 0)."""
    n = _CLOCK[0].now()
    return make_serial(0, n.hour * 3600 + n.minute * 60 + n.second)


def timer() -> Single:
    """Timer: seconds since midnight as a Single (fractions kept)."""
    n = _CLOCK[0].now()
    return Single(n.hour * 3600 + n.minute * 60 + n.second + n.microsecond / 1e6)


# ------------------------------------------------------------- construction


def dateserial(year: object, month: object, day: object) -> Date:
    """DateSerial: out-of-range months and days roll over (DateSerial(1990, 13, 0))."""
    y, m, d = to_long(year), to_long(month), to_long(day)
    if 0 <= y <= 99:
        y = two_digit_year(y)
    days = days_from_ymd(y, m, 1) + d - 1
    return make_serial(days, 0)


def timeserial(hour: object, minute: object, second: object) -> Date:
    """TimeSerial: components may overflow or be negative; the total is what counts."""
    total = to_long(hour) * 3600 + to_long(minute) * 60 + to_long(second)
    days, secs = divmod(total, 86400)
    if total < 0:
        # Negative totals count back from midnight of day 0 (e.g. -1 h = 12/29/1899 11 PM)
        return Date(total / 86400.0)
    return make_serial(days, secs)


def datevalue(s: object) -> object:
    """DateValue: the date part of a date string (or Date)."""
    if s is Null:
        return Null
    d = to_date(s)
    day, _ = split_serial(d)
    return Date(float(day))


def timevalue(s: object) -> object:
    """TimeValue: the time part of a date string (or Date)."""
    if s is Null:
        return Null
    d = to_date(s)
    _, secs = split_serial(d)
    return make_serial(0, secs)


# --------------------------------------------------------------- components


def _parts(d: object) -> tuple[int, int, int, int, int, int]:
    return serial_to_parts(to_date(d))


def _component(index: int) -> Callable[[object], object]:
    def fn(d: object) -> object:
        if d is Null:
            return Null
        return Integer(_parts(d)[index])

    fn.__doc__ = f"{['Year', 'Month', 'Day', 'Hour', 'Minute', 'Second'][index]}(date)."
    return fn


year = _component(0)
month = _component(1)
day = _component(2)
hour = _component(3)
minute = _component(4)
second = _component(5)


def _fdow(v: object) -> int:
    if v is None or isinstance(v, Missing):
        return 1
    n = to_long(v)
    if n == 0:
        return 1  # vbUseSystem: en-US system setting is Sunday
    if not 1 <= n <= 7:
        raise VbaError(5)
    return n


def weekday(d: object, firstdayofweek: object = 1) -> object:
    """Weekday(date[, firstdayofweek]): 1..7, Sunday = 1 by default."""
    if d is Null:
        return Null
    return Integer(weekday_of(to_date(d), _fdow(firstdayofweek)))


def weekdayname(n: object, abbreviate: object = False, firstdayofweek: object = 1) -> str:
    """WeekdayName(weekday[, abbreviate[, firstdayofweek]])."""
    k = to_long(n)
    if not 1 <= k <= 7:
        raise VbaError(5)
    name = DAY_NAMES[(k - 1 + _fdow(firstdayofweek) - 1) % 7]
    return name[:3] if _coerce.to_boolean(abbreviate) else name


def monthname(n: object, abbreviate: object = False) -> str:
    """MonthName(month[, abbreviate])."""
    k = to_long(n)
    if not 1 <= k <= 12:
        raise VbaError(5)
    name = MONTH_NAMES[k - 1]
    return name[:3] if _coerce.to_boolean(abbreviate) else name


# ------------------------------------------------------------ DateAdd & co.

_SECONDS = {"h": 3600, "n": 60, "s": 1}


def _interval(v: object) -> str:
    text = to_string(v).lower()
    if text not in ("yyyy", "q", "m", "y", "d", "w", "ww", "h", "n", "s"):
        raise VbaError(5)
    return text


def _add_months(serial: float, months: int) -> Date:
    y, mo, d, h, mi, s = serial_to_parts(serial)
    total = (y * 12 + mo - 1) + months
    ny, nm = divmod(total, 12)
    nm += 1
    if not 100 <= ny <= 9999:
        raise VbaError(5)
    last = calendar.monthrange(ny, nm)[1]
    days = days_from_ymd(ny, nm, min(d, last))
    return make_serial(days, h * 3600 + mi * 60 + s)


def dateadd(interval: object, number: object, d: object) -> object:
    """DateAdd: month arithmetic clamps to the month's last day (Jan 31 + 1 m = Feb 28/29)."""
    if d is Null:
        return Null
    unit = _interval(interval)
    n = math.trunc(to_double(number))  # fractional numbers are truncated
    serial = to_date(d)
    if unit in ("yyyy", "q", "m"):
        return _add_months(serial, n * {"yyyy": 12, "q": 3, "m": 1}[unit])
    day, secs = split_serial(serial)
    if unit in ("y", "d", "w"):
        return make_serial(day + n, secs)
    if unit == "ww":
        return make_serial(day + 7 * n, secs)
    total = day * 86400 + secs + n * _SECONDS[unit]
    days, secs = divmod(total, 86400)
    return make_serial(days, secs)


def _abs_seconds(serial: float) -> int:
    day, secs = split_serial(serial)
    return day * 86400 + secs


def _week_start(day: int, fdow: int) -> int:
    """Day number of the first day (``fdow``) of the week containing ``day``."""
    return day - (weekday_of(float(day), fdow) - 1)


def datediff(
    interval: object,
    date1: object,
    date2: object,
    firstdayofweek: object = 1,
    firstweekofyear: object = 1,
) -> object:
    """DateDiff: counts interval boundaries crossed from date1 to date2 ("DateDiff function")."""
    if date1 is Null or date2 is Null:
        return Null
    unit = _interval(interval)
    s1, s2 = to_date(date1), to_date(date2)
    y1, m1, *_ = serial_to_parts(s1)
    y2, m2, *_ = serial_to_parts(s2)
    if unit == "yyyy":
        return y2 - y1
    if unit == "q":
        return (y2 * 4 + (m2 - 1) // 3) - (y1 * 4 + (m1 - 1) // 3)
    if unit == "m":
        return (y2 * 12 + m2) - (y1 * 12 + m1)
    d1, _ = split_serial(s1)
    d2, _ = split_serial(s2)
    if unit in ("y", "d"):
        return d2 - d1
    if unit == "w":
        return int((d2 - d1) / 7)
    if unit == "ww":
        fd = _fdow(firstdayofweek)
        return (_week_start(d2, fd) - _week_start(d1, fd)) // 7
    a, b = _abs_seconds(s1), _abs_seconds(s2)
    size = _SECONDS[unit]
    return b // size - a // size


def _week_of_year(serial: float, fdow: int, fwoy: int) -> int:
    y, *_ = serial_to_parts(serial)
    day, _ = split_serial(serial)
    jan1 = days_from_ymd(y, 1, 1)
    start = _week_start(jan1, fdow)
    if fwoy == 2:  # first week with at least four days in the new year
        if jan1 - start >= 4:
            start += 7
    elif fwoy == 3 and start != jan1:  # first full week
        start += 7
    if day < start:
        return _week_of_year(float(jan1 - 1), fdow, fwoy)
    return (day - start) // 7 + 1


def datepart(
    interval: object, d: object, firstdayofweek: object = 1, firstweekofyear: object = 1
) -> object:
    """DatePart(interval, date[, firstdayofweek[, firstweekofyear]])."""
    if d is Null:
        return Null
    unit = _interval(interval)
    serial = to_date(d)
    y, mo, da, h, mi, s = serial_to_parts(serial)
    fd = _fdow(firstdayofweek)
    if unit == "yyyy":
        return y
    if unit == "q":
        return (mo - 1) // 3 + 1
    if unit == "m":
        return mo
    if unit == "y":
        return _dt.date(y, mo, da).timetuple().tm_yday
    if unit == "d":
        return da
    if unit == "w":
        return weekday_of(serial, fd)
    if unit == "ww":
        fw = 1 if firstweekofyear in (None, 0) else to_long(firstweekofyear)
        return _week_of_year(serial, fd, fw)
    return {"h": h, "n": mi, "s": s}[unit]


def isdate(v: object) -> bool:
    """IsDate: True for a Date or a string CDate can read."""
    if type(v) is Date:
        return True
    if isinstance(v, str):
        return parse_date(v, _CLOCK[0].now().year) is not None
    return False


def format_date_dollar() -> str:
    """Date$: the current date as ``mm-dd-yyyy``."""
    n = _CLOCK[0].now()
    return f"{n.month:02d}-{n.day:02d}-{n.year:04d}"


def format_time_dollar() -> str:
    """Time$: the current time as ``hh:mm:ss`` (24-hour)."""
    n = _CLOCK[0].now()
    return f"{n.hour:02d}:{n.minute:02d}:{n.second:02d}"
