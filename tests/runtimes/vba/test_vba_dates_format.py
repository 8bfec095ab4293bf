"""Date functions, Format, Print output and arrays (VBA reference pages, MS-VBAL)."""

import datetime as pydt

import pytest

from transform.runtimes.vba import datetime_ as dt
from transform.runtimes.vba.arrays import VbaArray, lbound, make_array, ubound
from transform.runtimes.vba.coerce import to_date, to_integer, to_string
from transform.runtimes.vba.format import (
    format_currency,
    format_dollar,
    format_number_fn,
    format_percent,
    format_value,
)
from transform.runtimes.vba.printing import COMMA, SEMICOLON, Printer, Spc, Tab, print_items
from transform.runtimes.vba.values import (
    Currency,
    Date,
    Empty,
    ErrorValue,
    Integer,
    Null,
    Single,
    VbaError,
)


def err(number, fn, *args, **kw):
    with pytest.raises(VbaError) as info:
        fn(*args, **kw)
    assert info.value.number == number


FEB12_1969 = to_date("February 12, 1969")
T163517 = to_date("4:35:17 PM")


@pytest.fixture
def clock():
    moment = pydt.datetime(2024, 3, 15, 13, 45, 30, 250000)
    dt.set_clock(dt.Clock.fixed(moment))
    yield moment
    dt.set_clock(dt.Clock())


# --- components ("Year/Month/Day/Hour/Minute/Second/Weekday function" pages) --------
@pytest.mark.parametrize(
    "fn, value, expected",
    [
        (dt.year, FEB12_1969, 1969),  # "Year function" example
        (dt.month, FEB12_1969, 2),  # "Month function" example
        (dt.day, FEB12_1969, 12),  # "Day function" example
        (dt.weekday, FEB12_1969, 4),  # "Weekday function" example: Wednesday
        (dt.hour, T163517, 16),  # "Hour function" example
        (dt.minute, T163517, 35),  # "Minute function" example
        (dt.second, T163517, 17),  # "Second function" example
        (dt.day, Date(1), 31),  # notes: CDate(1) = 12/31/1899
        (dt.year, Date(1), 1899),
        (dt.day, Date(-1), 29),  # "Date data type": negative numbers are before 12/30/1899
        (dt.hour, Date(-1.25), 6),  # the fraction is the time even for negative dates
        (dt.month, "2/12/1969", 2),  # date strings are read as dates
    ],
)
def test_components(fn, value, expected):
    assert fn(value) == expected


def test_components_null():
    # "Year/Month/Day function": Null -> Null
    assert dt.year(Null) is Null and dt.hour(Null) is Null and dt.weekday(Null) is Null


@pytest.mark.parametrize(
    "fdow, expected",
    [(1, 4), (2, 3), (4, 1), (7, 5)],  # "Weekday function": firstdayofweek settings
)
def test_weekday_first_day(fdow, expected):
    assert dt.weekday(FEB12_1969, fdow) == expected


# --- DateSerial / TimeSerial / DateValue / TimeValue ------------------------------
@pytest.mark.parametrize(
    "args, expected",
    [
        ((1969, 2, 12), "2/12/1969"),  # "DateSerial function" example
        ((1990 - 10, 8 - 2, 1 - 1), "5/31/1980"),  # "DateSerial function" remarks
        ((2000, 13, 1), "1/1/2001"),  # remarks: out-of-range units carry over
        ((2000, 1, 35), "2/4/2000"),  # remarks: 35 days
        ((29, 1, 1), "1/1/2029"),  # remarks: 0-29 -> 2000-2029
        ((30, 1, 1), "1/1/1930"),  # remarks: 30-99 -> 1930-1999
        ((1899, 12, 30), "12:00:00 AM"),  # day 0 has no date part to show
    ],
)
def test_dateserial(args, expected):
    assert to_string(dt.dateserial(*args)) == expected


@pytest.mark.parametrize(
    "args, expected",
    [
        ((16, 35, 17), "4:35:17 PM"),  # "TimeSerial function" example
        ((12 - 6, -15, 0), "5:45:00 AM"),  # "TimeSerial function" remarks
        ((0, 0, 90), "12:01:30 AM"),  # units carry over
    ],
)
def test_timeserial(args, expected):
    assert to_string(dt.timeserial(*args)) == expected


def test_datevalue_timevalue():
    # "DateValue function" example: DateValue("February 12, 1969") -> #2/12/69#
    assert dt.datevalue("February 12, 1969") == FEB12_1969
    # "TimeValue function" example: TimeValue("4:35:17 PM") -> #4:35:17 PM#
    assert to_string(dt.timevalue("4:35:17 PM")) == "4:35:17 PM"
    assert dt.datevalue(Date(25246.75)) == 25246.0
    assert dt.datevalue(Null) is Null


def test_dateserial_range():
    err(5, dt.dateserial, 10000, 1, 1)  # "DateSerial function": outside the date range


# --- DateAdd / DateDiff / DatePart -------------------------------------------------------
@pytest.mark.parametrize(
    "args, expected",
    [
        (("m", 1, "31-Jan-95"), "2/28/1995"),  # "DateAdd function" remarks
        (("m", 1, "31-Jan-96"), "2/29/1996"),  # remarks: leap year
        (("d", 30, "1/1/2000"), "1/31/2000"),
        (("w", 7, "1/1/2000"), "1/8/2000"),  # remarks: "w" adds days, not workdays
        (("y", 1, "12/31/1999"), "1/1/2000"),
        (("yyyy", -1, "2/29/2000"), "2/28/1999"),
        (("q", 1, "1/31/2000"), "4/30/2000"),
        (("ww", 2, "1/1/2000"), "1/15/2000"),
        (("h", 25, "1/1/2000"), "1/2/2000 1:00:00 AM"),
        (("n", 45, "1/1/2000 11:30:00 PM"), "1/2/2000 12:15:00 AM"),
        (("s", -1, "1/1/2000"), "12/31/1999 11:59:59 PM"),
    ],
)
def test_dateadd(args, expected):
    assert to_string(dt.dateadd(*args)) == expected


def test_dateadd_errors():
    err(5, dt.dateadd, "yyyy", -2000, "1/1/2000")  # remarks: before year 100 -> error
    err(5, dt.dateadd, "x", 1, "1/1/2000")  # invalid interval


@pytest.mark.parametrize(
    "args, expected",
    [
        (("yyyy", "12/31/1999", "1/1/2000"), 1),  # "DateDiff function": Dec 31 -> Jan 1 is 1
        (("d", "1/1/2000", "1/31/2000"), 30),
        (("y", "1/1/2000", "1/31/2000"), 30),  # remarks: "y" same as "d"
        (("d", "1/31/2000", "1/1/2000"), -30),  # remarks: date1 later -> negative
        (("m", "1/31/2000", "2/1/2000"), 1),
        (("q", "3/31/2000", "4/1/2000"), 1),
        (("w", "1/3/2000", "1/17/2000"), 2),  # remarks: weeks from a Monday
        (("w", "1/3/2000", "1/16/2000"), 1),
        (("ww", "1/1/2000", "1/2/2000"), 1),  # remarks: counts Sundays (1/2/2000 is Sunday)
        (("ww", "1/2/2000", "1/8/2000"), 0),  # date1 Sunday is not counted
        (("h", "1/1/2000 1:59:00 AM", "1/1/2000 2:00:00 AM"), 1),
        (("n", "1/1/2000", "1/1/2000 12:10:00 AM"), 10),
        (("s", "1/1/2000", "1/1/2000 12:00:30 AM"), 30),
    ],
)
def test_datediff(args, expected):
    assert dt.datediff(*args) == expected


@pytest.mark.parametrize(
    "interval, expected",
    [
        ("yyyy", 1969),  # "DatePart function" settings table
        ("q", 1),
        ("m", 2),
        ("y", 43),
        ("d", 12),
        ("w", 4),
        ("ww", 7),
        ("h", 0),
    ],
)
def test_datepart(interval, expected):
    assert dt.datepart(interval, FEB12_1969) == expected


def test_datepart_first_week_rules():
    # "DatePart function": firstweekofyear 1 = week of Jan 1, 2 = first 4-day week, 3 = full
    jan1_2000 = to_date("1/1/2000")  # a Saturday
    assert dt.datepart("ww", jan1_2000) == 1
    assert dt.datepart("ww", jan1_2000, 1, 2) == 52
    assert dt.datepart("ww", jan1_2000, 1, 3) == 52


@pytest.mark.parametrize(
    "fn, args, expected",
    [
        (dt.monthname, (1,), "January"),  # "MonthName function"
        (dt.monthname, (12, True), "Dec"),
        (dt.weekdayname, (1,), "Sunday"),  # "WeekdayName function": 1 = Sunday by default
        (dt.weekdayname, (2, True), "Mon"),
        (dt.weekdayname, (1, False, 2), "Monday"),  # firstdayofweek = vbMonday
    ],
)
def test_names(fn, args, expected):
    assert fn(*args) == expected


def test_names_range():
    err(5, dt.monthname, 13)
    err(5, dt.weekdayname, 0)


# --- Now / Date / Time / Timer with the injectable clock ----------------------------------
def test_clock_functions(clock):
    # "Now function", "Date function", "Time function", "Timer function"
    assert to_string(dt.now()) == "3/15/2024 1:45:30 PM"
    assert to_string(dt.date()) == "3/15/2024"
    assert to_string(dt.time()) == "1:45:30 PM"
    assert float(dt.timer()) == pytest.approx(13 * 3600 + 45 * 60 + 30.25)
    assert type(dt.timer()) is Single
    assert dt.format_date_dollar() == "03-15-2024"  # "Date function": Date$ is mm-dd-yyyy
    assert dt.format_time_dollar() == "13:45:30"  # "Time function": Time$ is hh:mm:ss


def test_year_less_date_uses_clock(clock):
    # "DateDiff function" remarks: a date string without a year takes the current year
    assert dt.year("2/12") == 2024


# --- Format: the page's example table ------------------------------------------------------
MYTIME = to_date("17:04:23")
MYDATE = to_date("January 27, 1993")


@pytest.mark.parametrize(
    "value, fmt, expected",
    [
        (MYTIME, "h:m:s", "17:4:23"),  # "Format function" example
        (MYTIME, "hh:mm:ss am/pm", "05:04:23 pm"),  # example
        (MYTIME, "hh:mm:ss AM/PM", "05:04:23 PM"),  # example
        (MYDATE, "dddd, mmm d yyyy", "Wednesday, Jan 27 1993"),  # example
        (Integer(23), "", "23"),  # example: Format(23) -> "23"
        (5459.4, "##,##0.00", "5,459.40"),  # example
        (334.9, "###0.00", "334.90"),  # example
        (Integer(5), "0.00%", "500.00%"),  # example
        ("HELLO", "<", "hello"),  # example
        ("This is it", ">", "THIS IS IT"),  # example
    ],
)
def test_format_page_examples(value, fmt, expected):
    assert format_value(value, fmt) == expected


@pytest.mark.parametrize(
    "value, fmt, expected",
    [
        # "Format function" > Named numeric formats, en-US
        (1234.5, "General Number", "1234.5"),  # no thousand separator
        (1234.5, "Currency", "$1,234.50"),  # thousand separator, two decimals
        (-1234.5, "Currency", "($1,234.50)"),  # en-US negative currency
        (1234.567, "Fixed", "1234.57"),  # at least one digit left, two right
        (0.5, "Fixed", "0.50"),
        (1234567.891, "Standard", "1,234,567.89"),  # thousand separator, two decimals
        (0.25, "Percent", "25.00%"),  # times 100 with two decimals
        (1234.5, "Scientific", "1.23E+03"),  # standard scientific notation
        (0, "Yes/No", "No"),  # 0 -> No
        (5, "Yes/No", "Yes"),  # otherwise Yes
        (0, "True/False", "False"),
        (-1, "True/False", "True"),
        (0, "On/Off", "Off"),
        (2, "On/Off", "On"),
        # Named date/time formats (en-US system settings)
        (MYDATE, "Long Date", "Wednesday, January 27, 1993"),
        (MYDATE, "Medium Date", "27-Jan-93"),
        (MYDATE, "Short Date", "1/27/1993"),
        (MYTIME, "Long Time", "5:04:23 PM"),
        (MYTIME, "Medium Time", "05:04 PM"),  # 12-hour with hours and minutes and AM/PM
        (MYTIME, "Short Time", "17:04"),  # 24-hour format, e.g. 17:45
        (MYDATE, "General Date", "1/27/1993"),  # no fractional part -> date only
        (MYTIME, "General Date", "5:04:23 PM"),  # no integer part -> time only
    ],
)
def test_format_named(value, fmt, expected):
    assert format_value(value, fmt) == expected


@pytest.mark.parametrize(
    "value, fmt, expected",
    [
        # "Format function" > User-defined numeric formats (character table rules)
        (5, "0.00", "5.00"),  # 0: display trailing zeros
        (5, "00.0", "05.0"),  # 0: display leading zeros
        (123.456, "0.00", "123.46"),  # more digits right -> rounded
        (12345, "00", "12345"),  # more digits left -> shown unchanged
        (0.5, "#.##", ".5"),  # only # left of the point: begins with the separator
        (0.5, "0.##", "0.5"),
        (5, "#.##", "5."),  # the decimal placeholder is still displayed
        (1234567, "#,##0", "1,234,567"),  # thousand separator
        (100000000, "##0,,", "100"),  # page: "##0,," shows 100 million as 100
        (999999, "##0,,", "1"),  # scaled by 1e6 with rounding
        (1234, "#,##0,", "1"),  # comma left of the point scales by 1000
        (2.5, "0", "3"),  # Format rounds half away from zero
        (0.125, "0.00", "0.13"),
        (-5, "0.00", "-5.00"),  # one section: minus sign shown
        (-5, "$#,##0;($#,##0)", "($5)"),  # page: second section for negatives
        (5, "$#,##0;($#,##0)", "$5"),
        (0, "$#,##0;;\\Z\\e\\r\\o", "Zero"),  # page: empty section uses the positive one
        (-5, "$#,##0;;\\Z\\e\\r\\o", "-$5"),
        (0, "0.0;-0.0;\\z\\e\\r\\o", "zero"),  # three sections: third for zero
        (1234.5, "0.00E+00", "1.23E+03"),  # E+: sign for positive exponents
        (0.00015, "0.0E-00", "1.5E-04"),  # E-: minus only
        (1234.5, "0.0E-0", "1.2E3"),
        (123456789, "000-00-0000", "123-45-6789"),  # literal characters between digits
        (5, '0 "units"', "5 units"),  # quoted literal
        (5, "\\#0", "#5"),  # backslash literal
        (0.256, "0%", "26%"),  # % multiplies by 100
        (3.14159, "(0.0)", "(3.1)"),  # ( ) are literal characters
        (1, "+0", "+1"),  # + is a literal character
    ],
)
def test_format_numeric(value, fmt, expected):
    assert format_value(value, fmt) == expected


@pytest.mark.parametrize(
    "value, fmt, expected",
    [
        # "Format function" > User-defined date/time formats
        (MYDATE, "d", "27"),
        (MYDATE, "dd", "27"),
        (MYDATE, "ddd", "Wed"),
        (MYDATE, "dddd", "Wednesday"),
        (MYDATE, "ddddd", "1/27/1993"),  # short date
        (MYDATE, "dddddd", "Wednesday, January 27, 1993"),  # long date
        (MYDATE, "w", "4"),  # day of week, Sunday = 1
        (MYDATE, "ww", "5"),  # week of year
        (MYDATE, "m", "1"),
        (MYDATE, "mm", "01"),
        (MYDATE, "mmm", "Jan"),
        (MYDATE, "mmmm", "January"),
        (MYDATE, "q", "1"),
        (MYDATE, "y", "27"),  # day of year
        (MYDATE, "yy", "93"),
        (MYDATE, "yyyy", "1993"),
        (MYDATE, "mm/dd/yyyy", "01/27/1993"),
        (MYDATE, "d-mmm-yy", "27-Jan-93"),
        (MYTIME, "h", "17"),
        (MYTIME, "hh:nn", "17:04"),
        (MYTIME, "h:mm", "17:4".replace(":4", ":04")),  # m after h is minutes
        (MYTIME, "n", "4"),
        (MYTIME, "ss", "23"),
        (MYTIME, "ttttt", "5:04:23 PM"),
        (MYTIME, "h A/P", "5 P"),
        (MYTIME, "h a/p", "5 p"),
        (MYTIME, "hh AMPM", "05 PM"),
        (to_date("9:05:07"), "hh:nn:ss AM/PM", "09:05:07 AM"),
        (to_date("12:00:00"), "h AM/PM", "12 PM"),
        (to_date("00:30:00"), "h:nn AM/PM", "12:30 AM"),
        (MYDATE + 0.5, "c", "1/27/1993 12:00:00 PM"),  # c: date and time
        (Integer(1), "dd/mm/yyyy", "31/12/1899"),  # numbers are date serials
    ],
)
def test_format_dates(value, fmt, expected):
    assert format_value(Date(value) if isinstance(value, float) else value, fmt) == expected


@pytest.mark.parametrize(
    "value, fmt, expected",
    [
        # "Format function" > User-defined string formats
        ("abc", "@@@@@", "  abc"),  # @: space where no character; right-to-left fill
        ("abc", "!@@@@@", "abc  "),  # !: left-to-right fill
        ("abc", "&&&&&", "abc"),  # &: nothing where no character
        ("5551234", "@@@-@@@@", "555-1234"),
        ("abcdef", "@@@", "abcdef"),  # extra characters are kept
        ("", "@;\\e\\m\\p\\t\\y", "empty"),  # second section: zero-length strings
        ("Hello", ">@@@@@@", " HELLO"),
    ],
)
def test_format_strings(value, fmt, expected):
    assert format_value(value, fmt) == expected


def test_format_null_and_empty():
    # "Format function": the fourth numeric section applies to Null values
    assert format_value(Null, "0;-0;\\z;\\n\\u\\l\\l") == "null"
    assert format_value(Null) is Null
    assert format_dollar(Null) == ""  # Format$ returns a String
    assert format_value(Empty) == ""
    assert format_value(True) == "True"


def test_format_no_sign_space():
    # "Format function": unlike Str, no leading space for positive numbers
    assert format_value(Integer(459)) == "459"
    assert format_value(-459.65) == "-459.65"
    assert format_value(Currency(12345)) == "1.2345"


def test_format_numeric_strings():
    # "Format function": a numeric string is formatted as the number it holds
    assert format_value("1234.5", "#,##0.00") == "1,234.50"


@pytest.mark.parametrize(
    "fn, args, expected",
    [
        (format_currency, (1234.5,), "$1,234.50"),  # "FormatCurrency function", en-US
        (format_currency, (-1234.5,), "($1,234.50)"),
        (format_currency, (0.5, 0), "$1"),
        (format_number_fn, (1234.5678,), "1,234.57"),  # "FormatNumber function"
        (format_number_fn, (-0.5, 2, 0), "-.50"),  # IncludeLeadingDigit False
        (format_number_fn, (1234.5, 1, -2, -2, 0), "1234.5"),  # GroupDigits False
        (format_percent, (0.256,), "25.60%"),  # "FormatPercent function"
    ],
)
def test_format_helpers(fn, args, expected):
    assert fn(*args) == expected


# --- Print output (MS-VBAL 5.4.5.8, "Print # statement") -----------------------------------
@pytest.mark.parametrize(
    "items, expected",
    [
        (("This is a test",), "This is a test\n"),  # page example
        ((), "\n"),  # page: no output list -> blank line
        (("Zone 1", Tab(), "Zone 2"), "Zone 1" + " " * 8 + "Zone 2\n"),  # page example
        (("Hello", SEMICOLON, " ", SEMICOLON, "World"), "Hello World\n"),  # page example
        ((Spc(5), SEMICOLON, "5 leading spaces "), "     5 leading spaces \n"),  # page example
        ((Tab(10), SEMICOLON, "Hello"), " " * 9 + "Hello\n"),  # page example: column 10
        ((False, SEMICOLON, " is a Boolean value"), "False is a Boolean value\n"),  # page
        ((Null, SEMICOLON, " is a null value"), "Null is a null value\n"),  # page example
        ((ErrorValue(32767), SEMICOLON, " is an error value"), "Error 32767 is an error value\n"),
        ((Empty,), "\n"),  # page: nothing is written for Empty
        ((Date(25246.0), SEMICOLON, " is a date"), "2/12/1969 is a date\n"),  # short date
        ((Integer(5),), " 5 \n"),  # MS-VBAL 5.4.5.8: sign space and trailing space
        ((Integer(-5),), "-5 \n"),
        ((Integer(1), SEMICOLON, Integer(2)), " 1  2 \n"),
        ((1.5, SEMICOLON, "x"), " 1.5 x\n"),
        (("a", COMMA, "b"), "a" + " " * 13 + "b\n"),  # "," moves to the next 14-column zone
        (("a", COMMA, COMMA, "b"), "a" + " " * 27 + "b\n"),
        (("x", SEMICOLON), "x"),  # trailing ";" keeps the line open
        (("x", COMMA), "x" + " " * 13),  # trailing "," too
        (("abc", Tab(2), "d"), "abc\n d\n"),  # Tab to a passed column goes to the next line
        ((Currency(15000),), " 1.5 \n"),
        ((True,), "True\n"),  # page: Booleans print as True/False
    ],
)
def test_print(items, expected):
    assert print_items(*items) == expected


def test_print_column_carries_over():
    # "Print # statement": a trailing separator leaves the position after the last character
    p = Printer()
    p.print_list(["ab", SEMICOLON])
    p.print_list(["cd", COMMA, "e"])
    assert p.text() == "abcd" + " " * 10 + "e\n"


# --- arrays ("Dim statement", "ReDim statement", "LBound/UBound", "Erase") -----------------
def test_array_bounds():
    a = VbaArray([(0, 5)])  # notes: Dim a(5) has 6 elements
    assert len(a) == 6 and lbound(a) == 0 and ubound(a) == 5
    b = VbaArray([(1, 100), (0, 3), (-3, 4)])  # "LBound function" example
    assert lbound(b, 1) == 1 and lbound(b, 2) == 0 and lbound(b, 3) == -3
    assert ubound(b, 1) == 100 and ubound(b, 2) == 3 and ubound(b, 3) == 4  # "UBound" example
    err(9, b.lbound, 4)  # dimension out of range -> error 9
    err(13, lbound, 5)


def test_array_subscripts():
    a = VbaArray([(1, 3)], coerce=to_integer, default=Integer(0))
    a.set([2], 2.5)
    assert a.get(2) == 2 and type(a.get(2)) is Integer  # elements are Let-coerced
    err(9, a.get, 4)  # notes: out-of-range index raises 9
    err(9, a.get, 0)
    m = VbaArray([(0, 1), (0, 2)])
    m.set([1, 2], "x")
    assert m.get(1, 2) == "x" and m.get(0, 0) is Empty
    err(9, m.get, 1)  # wrong number of subscripts


def test_redim_preserve():
    a = VbaArray([(0, 2)])
    for i in range(3):
        a.set([i], i)
    a.redim([(0, 4)], preserve=True)  # "ReDim statement": Preserve keeps the data
    assert a.to_list() == [0, 1, 2, Empty, Empty]
    a.redim([(0, 1)], preserve=True)  # shrinking loses the data past the new bound
    assert a.to_list() == [0, 1]
    a.redim([(0, 3)])  # without Preserve the elements are reinitialised
    assert a.to_list() == [Empty] * 4
    m = VbaArray([(0, 1), (0, 1)])
    m.set([1, 1], "k")
    m.redim([(0, 1), (0, 2)], preserve=True)  # only the last dimension may change
    assert m.get(1, 1) == "k"
    err(9, m.redim, [(0, 2), (0, 2)], True)  # changing another dimension -> error 9
    err(10, VbaArray([(0, 1)], fixed=True).redim, [(0, 3)])  # fixed array


def test_erase_and_copy():
    fixed = VbaArray([(0, 1)], fixed=True, default=Integer(0))
    fixed.set([0], 5)
    fixed.erase()  # "Erase statement": fixed numeric array elements set to zero
    assert fixed.to_list() == [0, 0]
    dyn = make_array(1, 2)
    dyn.erase()  # "Erase statement": dynamic array storage is freed
    err(9, dyn.ubound)
    a = make_array(1, 2)
    b = a.copy()  # array assignment copies
    b.set([0], 9)
    assert a.get(0) == 1


def test_array_function():
    # "Array function": lower bound 0 unless Option Base 1
    a = make_array("a", "b")
    assert lbound(a) == 0 and ubound(a) == 1
    assert lbound(make_array("a", base=1)) == 1
    assert ubound(make_array()) == -1
