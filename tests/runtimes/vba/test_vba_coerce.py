"""Value representation, Let-coercion, VarType/TypeName.

Every expected value cites its source: an [MS-VBAL] section or a page of the
VBA language reference.
"""

import decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transform.runtimes.vba import coerce as c
from transform.runtimes.vba.arrays import VbaArray
from transform.runtimes.vba.values import (
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
    error_message,
)


def err(number, fn, *args):
    with pytest.raises(VbaError) as info:
        fn(*args)
    assert info.value.number == number


# --- VarType ("VarType function" page, return-value table) ---------------------
@pytest.mark.parametrize(
    "value, expected",
    [
        (Empty, 0),  # vbEmpty
        (Null, 1),  # vbNull
        (Integer(459), 2),  # page example: IntVar = 459 -> 2
        (5, 3),  # vbLong
        (Single(1.5), 4),  # vbSingle
        (1.5, 5),  # vbDouble
        (Currency(10000), 6),  # vbCurrency
        (Date(25246.0), 7),  # page example: DateVar = #2/12/69# -> 7
        ("Hello World", 8),  # page example: StrVar -> 8
        (Nothing, 9),  # vbObject
        (ErrorValue(5), 10),  # vbError
        (True, 11),  # vbBoolean
        (VbaDecimal(1), 14),  # vbDecimal
        (Byte(1), 17),  # vbByte
        (LongLong(1), 20),  # vbLongLong
    ],
)
def test_vartype(value, expected):
    assert c.vartype(value) == expected


def test_vartype_array_adds_vbarray():
    # "VarType function": an array of integers is vbInteger + vbArray = 8194
    arr = VbaArray([(0, 2)], element_vartype=2)
    assert c.vartype(arr) == 8194
    # vbVariant (12) is only returned with vbArray: Variant array -> 8204
    assert c.vartype(VbaArray([(0, 2)])) == 8204


# --- TypeName ("TypeName function" page) ---------------------------------------
@pytest.mark.parametrize(
    "value, expected",
    [
        ("abc", "String"),  # page example: StrVar -> "String"
        (Integer(1), "Integer"),  # page example: IntVar -> "Integer"
        (Currency(0), "Currency"),  # page example: CurVar -> "Currency"
        (Null, "Null"),  # page example: NullVar -> "Null"
        (Empty, "Empty"),  # return table: Empty
        (Nothing, "Nothing"),  # return table: Nothing
        (True, "Boolean"),
        (Byte(1), "Byte"),
        (5, "Long"),
        (1.0, "Double"),
        (Single(1), "Single"),
        (Date(0.0), "Date"),
        (ErrorValue(1), "Error"),
        (VbaDecimal(1), "Decimal"),
    ],
)
def test_typename(value, expected):
    assert c.typename(value) == expected


def test_typename_integer_array():
    # "TypeName function" example: ArrayVar (Integer array) -> "Integer()"
    assert c.typename(VbaArray([(1, 5)], element_vartype=2)) == "Integer()"


# --- Numeric Let-coercion, MS-VBAL 5.5.1.2.1 -------------------------------------
# CInt/CLng round half to even ("Type conversion functions": 0.5 -> 0, 1.5 -> 2)
@pytest.mark.parametrize(
    "value, expected",
    [
        (0.5, 0),  # "Type conversion functions" remarks
        (1.5, 2),  # "Type conversion functions" remarks
        (2.5, 2),  # MS-VBAL 5.5.1.2.1.1 Banker's rounding
        (3.5, 4),  # MS-VBAL 5.5.1.2.1.1
        (-2.5, -2),  # MS-VBAL 5.5.1.2.1.1
        (-3.5, -4),  # MS-VBAL 5.5.1.2.1.1
        (2345.5678, 2346),  # "Type conversion functions" CInt example
        (32767, 32767),  # "Integer data type": upper bound
        (-32768, -32768),  # "Integer data type": lower bound
        (True, -1),  # "Boolean data type": True becomes -1
        (False, 0),  # "Boolean data type": False becomes 0
        (Empty, 0),  # "Variant data type": Empty is 0 in numeric context
        ("12", 12),  # MS-VBAL 5.5.1.2.1.2 String to numeric
        (" 12 ", 12),  # MS-VBAL 5.5.1.2.1.2 surrounding blanks allowed
        ("1.5", 2),  # MS-VBAL 5.5.1.2.1.2 then Banker's rounding
        ("&HFF", 255),  # MS-VBAL 5.5.1.2.1.2 hex string reads as a literal
        ("&HFFFF", -1),  # MS-VBAL 3.3.2 &HFFFF is the Integer -1
        (Currency(25000), 2),  # MS-VBAL 5.5.1.2.1: 2.5 Currency rounds to even
    ],
)
def test_cint(value, expected):
    r = c.to_integer(value)
    assert r == expected and type(r) is Integer


@pytest.mark.parametrize(
    "fn, value",
    [
        (c.to_integer, 32768),  # "Integer data type" range; MS-VBAL 5.5.1.2.1 error 6
        (c.to_integer, -32769),
        (c.to_integer, 32767.5),  # rounds to 32768
        (c.to_long, 2147483648),  # "Long data type" range
        (c.to_long, -2147483649),
        (c.to_byte, 256),  # "Byte data type": 0 to 255
        (c.to_byte, -1),
        (c.to_longlong, 2**63),  # "LongLong data type" range
        (c.to_integer, float("inf")),  # MS-VBAL 5.5.1.2.1: non-finite -> error 6
        (c.to_single, 1e39),  # "Single data type" range
        (c.to_currency, 1e15),  # "Currency data type" range
    ],
)
def test_numeric_overflow_is_error_6(fn, value):
    err(6, fn, value)


@pytest.mark.parametrize(
    "fn",
    [c.to_integer, c.to_long, c.to_byte, c.to_double, c.to_single, c.to_currency, c.to_string],
)
def test_null_is_error_94(fn):
    # MS-VBAL 5.5.1.2.7 (Null Let-coercion): error 94 to any type but Variant
    err(94, fn, Null)


@pytest.mark.parametrize("fn", [c.to_integer, c.to_double, c.to_boolean, c.to_date])
def test_non_numeric_string_is_type_mismatch(fn):
    # MS-VBAL 5.5.1.2.1.2: a string that is not a number raises error 13
    err(13, fn, "abc")


@pytest.mark.parametrize("fn", [c.to_integer, c.to_string, c.to_double])
def test_nothing_is_error_91(fn):
    # MS-VBAL 5.5.1.2.8 (object Let-coercion): Nothing raises error 91
    err(91, fn, Nothing)


@pytest.mark.parametrize("fn", [c.to_integer, c.to_double, c.to_boolean, c.to_date])
def test_error_value_is_type_mismatch(fn):
    # MS-VBAL 5.5.1.2.6 (Error Let-coercion): error 13 to any non-Variant type
    # (String is the documented exception: the CStr table gives "Error n")
    err(13, fn, ErrorValue(5))


@pytest.mark.parametrize(
    "value, expected",
    [
        (125.5678, 126),  # "Type conversion functions" CByte example
        (255, 255),  # "Byte data type"
        (0, 0),
    ],
)
def test_cbyte(value, expected):
    r = c.to_byte(value)
    assert r == expected and type(r) is Byte


@pytest.mark.parametrize(
    "value, expected",
    [
        (25427.45, 25427),  # "Type conversion functions" CLng example
        (25427.55, 25428),  # "Type conversion functions" CLng example
        (2147483647, 2147483647),  # "Long data type"
        (-2147483648, -2147483648),  # "Long data type"
    ],
)
def test_clng(value, expected):
    r = c.to_long(value)
    assert r == expected and type(r) is int


def test_clnglng_range():
    # "Type conversion functions": CLngLng range is -2^63 .. 2^63-1
    assert c.to_longlong(-(2**63)) == -(2**63)
    assert type(c.to_longlong(1.5)) is LongLong and c.to_longlong(1.5) == 2


@pytest.mark.parametrize(
    "value, expected",
    [
        (75.3421115, 75.34211),  # "Type conversion functions" CSng example
        (75.3421555, 75.34216),  # "Type conversion functions" CSng example
    ],
)
def test_csng_example(value, expected):
    r = c.to_single(value)
    assert type(r) is Single
    assert c.to_string(r) == repr(expected)


def test_ccur_example():
    # "Type conversion functions" CCur example: CCur(543.214588 * 2) = 1086.4292
    r = c.to_currency(543.214588 * 2)
    assert type(r) is Currency
    assert r.to_decimal() == decimal.Decimal("1086.4292")


@pytest.mark.parametrize(
    "value, expected",
    [
        (0.00005, "0"),  # MS-VBAL 5.5.1.2.1: Currency rounds half to even at 4 places
        (0.00015, "0.0002"),
        (1.23456, "1.2346"),
        ("$1,234.56", "1234.56"),  # "Type conversion functions": CCur reads locale currency
    ],
)
def test_ccur_rounding(value, expected):
    assert c.to_string(c.to_currency(value)) == expected


def test_cdec_example():
    # "Type conversion functions" CDec example: CDec(CCur(10000000.0587))
    r = c.to_decimal(c.to_currency(10000000.0587))
    assert type(r) is VbaDecimal and c.to_string(r) == "10000000.0587"


def test_cdec_keeps_28_places():
    # "Decimal data type": up to 28 places to the right of the decimal point
    r = c.to_decimal("7.9228162514264337593543950335")
    assert c.to_string(r) == "7.9228162514264337593543950335"


def test_cdec_overflow():
    # "Decimal data type": +/-79,228,162,514,264,337,593,543,950,335 is the largest value
    err(6, c.to_decimal, "79228162514264337593543950336")


# --- Boolean, MS-VBAL 5.5.1.2.2 / "Boolean data type" ----------------------------
@pytest.mark.parametrize(
    "value, expected",
    [
        (0, False),  # "Boolean data type": 0 becomes False
        (5, True),  # "Type conversion functions" CBool: nonzero -> True
        (-0.5, True),
        (Integer(0), False),
        ("True", True),  # MS-VBAL 5.5.1.2.2: "True" string
        ("false", False),  # case-insensitive
        ("5", True),  # numeric string nonzero
        ("0", False),
        (Empty, False),  # "Variant data type": Empty is 0
        (Currency(0), False),
    ],
)
def test_cbool(value, expected):
    assert c.to_boolean(value) is expected


@pytest.mark.parametrize(
    "value, expected",
    [
        (True, -1.0),  # "Boolean data type": True becomes -1
        (False, 0.0),
        ("1e3", 1000.0),  # MS-VBAL 5.5.1.2.1.2 exponent
        ("-2.5", -2.5),
        ("(5)", -5.0),  # MS-VBAL 5.5.1.2.1.2 parenthesised negative (locale number)
        ("1,000", 1000.0),  # en-US thousands separator
        (Date(1.5), 1.5),  # "Date data type": dates are stored as numbers
        (Empty, 0.0),
        (Currency(15000), 1.5),
    ],
)
def test_cdbl(value, expected):
    r = c.to_double(value)
    assert type(r) is float and r == expected


# --- Date ("Date data type", "Type conversion functions" CDate) --------------------
@pytest.mark.parametrize(
    "value, expected",
    [
        (1, 1.0),  # notes/"Date data type": 1 is 12/31/1899
        (0.5, 0.5),  # "Date data type": midday is 0.5
        ("February 12, 1969", 25246.0),  # "Type conversion functions" CDate example
        ("2/12/1969", 25246.0),  # en-US short date
        ("1969-02-12", 25246.0),  # ISO order
        ("12-Feb-1969", 25246.0),
        ("4:35:47 PM", (16 * 3600 + 35 * 60 + 47) / 86400),  # CDate example MyTime
        ("12/30/1899", 0.0),  # "Date data type": day 0
    ],
)
def test_cdate(value, expected):
    r = c.to_date(value)
    assert type(r) is Date and abs(float(r) - expected) < 1e-9


def test_cdate_rejects_text():
    # "Type conversion functions": CDate needs a valid date expression (error 13)
    err(13, c.to_date, "Hello")


def test_cdate_out_of_range():
    # "Date data type": January 1, 100 to December 31, 9999
    err(6, c.to_date, 1e7)


# --- String, MS-VBAL 5.5.1.2 (to String) and "Type conversion functions" CStr -------
@pytest.mark.parametrize(
    "value, expected",
    [
        (437.324, "437.324"),  # "Type conversion functions" CStr example
        (True, "True"),  # CStr table: Boolean -> "True"/"False"
        (False, "False"),
        (Empty, ""),  # CStr table: Empty -> zero-length string
        (ErrorValue(5), "Error 5"),  # CStr table: "Error" followed by the number
        (Integer(5), "5"),  # notes: CStr(5) = "5"
        (0.1 + 0.2, "0.3"),  # MS-VBAL 5.5.1.2: 15 significant digits
        (1 / 3, "0.333333333333333"),
        (2 / 3, "0.666666666666667"),
        (1e15, "1E+15"),
        (1e-5, "1E-05"),
        (123456789012345.0, "123456789012345"),
        (0.0001, "0.0001"),
        (1.5e300, "1.5E+300"),
        (-1e-10, "-1E-10"),
        (100.0, "100"),
        (-0.5, "-0.5"),
        (1.7976931348623157e308, "1.79769313486232E+308"),  # "Double data type" max
        (Single(1 / 3), "0.3333333"),  # Single: 7 significant digits
        (Single(1e7), "1E+07"),
        (Single(1234567), "1234567"),
        (Currency(12345), "1.2345"),
        (Currency(-10000), "-1"),
        (VbaDecimal("1.50"), "1.5"),
        (Date(25246.0), "2/12/1969"),  # CStr table: short date; date only if no time
        (Date(0.5), "12:00:00 PM"),  # "Print # statement": only the part provided
        (Date(25246.75), "2/12/1969 6:00:00 PM"),
    ],
)
def test_cstr(value, expected):
    assert c.to_string(value) == expected


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300))
def test_cstr_double_round_trips_to_15_digits(x):
    # MS-VBAL 5.5.1.2: Double -> String keeps 15 significant digits, and String -> Double
    # reads it back; the round trip is x to 15 significant digits.
    back = c.to_double(c.to_string(x))
    assert back == float(f"{x:.14e}")


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_bankers_rounding_matches_half_even(x):
    # MS-VBAL 5.5.1.2.1.1: Banker's rounding = round half to even on the exact value
    expected = int(decimal.Decimal(x).to_integral_value(rounding=decimal.ROUND_HALF_EVEN))
    assert c.to_long(x) == expected


# --- parse_number: String -> number (MS-VBAL 5.5.1.2.1.2) -------------------------
@pytest.mark.parametrize(
    "text, ok",
    [
        ("53", True),  # "IsNumeric function" example
        ("459.95", True),  # "IsNumeric function" example
        ("45 Help", False),  # "IsNumeric function" example
        ("", False),
        (".5", True),
        ("5.", True),
        ("-", False),
        ("1e", False),
        ("&H1F", True),
        ("&O17", True),
    ],
)
def test_parse_number(text, ok):
    assert (c.parse_number(text) is not None) is ok


# --- declared-type defaults (MS-VBAL 5.2.3.1.1 "Variable default values") ---------
@pytest.mark.parametrize(
    "name, expected",
    [
        ("Integer", 0),
        ("Long", 0),
        ("Double", 0.0),
        ("String", ""),
        ("Boolean", False),
        ("Variant", Empty),
        ("Object", Nothing),
    ],
)
def test_default_values(name, expected):
    v = c.default_value(name)
    assert v is expected if expected in (Empty, Nothing) else v == expected


def test_let_coerce_by_name():
    # MS-VBAL 5.5.1.2: Let-coercion is driven by the declared type
    assert type(c.let_coerce(2.5, "Integer")) is Integer
    assert c.let_coerce(2.5, "integer") == 2
    assert c.let_coerce(5, "String") == "5"


# --- error messages ("Trappable errors" page) ---------------------------------------
@pytest.mark.parametrize(
    "number, text",
    [
        (5, "Invalid procedure call or argument"),
        (6, "Overflow"),
        (9, "Subscript out of range"),
        (11, "Division by zero"),
        (13, "Type mismatch"),
        (28, "Out of stack space"),
        (91, "Object variable or With block variable not set"),
        (94, "Invalid use of Null"),
        (424, "Object required"),
        (438, "Object doesn't support this property or method"),
        (457, "This key is already associated with an element of this collection"),
    ],
)
def test_error_messages(number, text):
    assert error_message(number) == text
    assert VbaError(number).description == text
