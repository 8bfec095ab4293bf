"""Operators, MS-VBAL 5.6.9 and the operator pages of the VBA reference."""

import pytest

from transform.runtimes.vba import operators as o
from transform.runtimes.vba.coerce import to_string, typename
from transform.runtimes.vba.values import (
    Byte,
    Currency,
    Date,
    Empty,
    Integer,
    LongLong,
    Nothing,
    Null,
    Single,
    VbaDecimal,
    VbaError,
    VbaObject,
)


def err(number, fn, *args, **kw):
    with pytest.raises(VbaError) as info:
        fn(*args, **kw)
    assert info.value.number == number


I = Integer  # noqa: E741  VBA integer literals are Integer (MS-VBAL 3.3.2)


# --- + ("+ operator" page) ------------------------------------------------------
@pytest.mark.parametrize(
    "a, b, expected",
    [
        (I(2), I(2), 4),  # page example: 2 + 2 = 4
        (4257.04, 98112, 102369.04),  # page example
        ("34", I(6), 40),  # page example: Var1 = "34": Var2 = 6 -> 40
        ("34", "6", "346"),  # page example: both strings concatenate
        (Empty, I(5), 5),  # page: one Empty -> the other unchanged
        ("a", Empty, "a"),
        (True, True, -2),  # "Boolean data type": True is -1
    ],
)
def test_add(a, b, expected):
    assert o.add(a, b) == expected


def test_add_types():
    # "+ operator": result type is that of the most precise operand
    assert type(o.add(I(1), I(2))) is Integer
    assert type(o.add(Byte(1), Byte(2))) is Byte
    assert type(o.add(I(1), 2)) is int  # Long
    assert type(o.add(Single(1), I(2))) is Single
    assert type(o.add(Single(1), 2)) is float  # exception: Single + Long is Double
    assert type(o.add(1.0, Currency(10000))) is Currency  # + order: Double < Currency
    assert type(o.add(Date(1), I(1))) is Date  # "A Date is added to any data type: Date"
    assert type(o.add(Empty, Empty)) is Integer  # "both Empty -> Integer"
    assert type(o.add(VbaDecimal(1), 1.5)) is VbaDecimal  # Decimal is most precise
    assert type(o.add(LongLong(1), I(1))) is LongLong


def test_add_null():
    # "+ operator": either expression Null -> Null
    assert o.add(Null, I(1)) is Null
    assert o.add("a", Null) is Null


def test_add_string_number_not_numeric():
    # MS-VBAL 5.6.9.3.2: String operand is Let-coerced to Double; "a" -> error 13
    err(13, o.add, "a", I(1))


# --- overflow and Variant promotion ----------------------------------------------
@pytest.mark.parametrize(
    "fn, a, b",
    [
        (o.add, I(32767), I(1)),  # notes/MS-VBAL 5.6.9.3: Integer + Integer overflows
        (o.mul, I(200), I(200)),  # notes: 200 * 200 overflows (Integer)
        (o.sub, I(-32768), I(1)),
        (o.add, 2147483647, I(1)),  # Long
        (o.sub, Byte(1), Byte(2)),  # Byte is unsigned
        (o.mul, Byte(16), Byte(16)),
        (o.add, Currency(2**63 - 1), Currency(1)),  # "Currency data type" range
        (o.mul, 1e200, 1e200),  # "Double data type" range
    ],
)
def test_overflow_error_6(fn, a, b):
    err(6, fn, a, b)


@pytest.mark.parametrize(
    "fn, a, b, expected, tname",
    [
        # "Variant data type": an overflowing Byte becomes Integer, Integer Long, Long Double
        (o.add, I(32767), I(1), 32768, "Long"),
        (o.mul, I(200), I(200), 40000, "Long"),
        (o.add, Byte(255), Byte(1), 256, "Integer"),
        (o.add, 2147483647, I(1), 2147483648.0, "Double"),
        # "* operator": Long/Single/Date variant overflows -> Double
        (o.mul, Single(3e38), Single(10), 3e39, "Double"),
    ],
)
def test_variant_promotion(fn, a, b, expected, tname):
    r = fn(a, b, variant=True)
    assert r == pytest.approx(expected) and typename(r) == tname


def test_variant_currency_still_overflows():
    # "Variant data type": Currency, Decimal and Double raise an error past their range
    err(6, o.add, Currency(2**63 - 1), Currency(1), variant=True)


# --- - ("- operator" page) -------------------------------------------------------
@pytest.mark.parametrize(
    "a, b, expected",
    [
        (I(4), I(2), 2),  # page example: 4 - 2 = 2
        (459.35, 334.90, 124.45),  # page example
        (Empty, I(3), -3),  # Empty is 0
    ],
)
def test_sub(a, b, expected):
    assert o.sub(a, b) == pytest.approx(expected)


def test_date_minus_date_is_double():
    # MS-VBAL 5.6.9.3.3: Date - Date gives Double, Date - number gives Date
    assert type(o.sub(Date(10), Date(3))) is float and o.sub(Date(10), Date(3)) == 7
    assert type(o.sub(Date(10), I(3))) is Date


# --- * ("* operator" page) ---------------------------------------------------------
@pytest.mark.parametrize(
    "a, b, expected",
    [
        (I(2), I(2), 4),  # page example
        (459.35, 334.90, 153836.315),  # page example
        (Null, I(2), Null),  # page: Null expression -> Null
        (Empty, I(2), 0),  # page: Empty treated as 0
    ],
)
def test_mul(a, b, expected):
    r = o.mul(a, b)
    assert r is Null if expected is Null else r == pytest.approx(expected)


def test_mul_currency_double_is_double():
    # "* operator": multiplication order is ... Single, Currency, Double, Decimal
    assert type(o.mul(Currency(10000), 2.0)) is float
    assert type(o.mul(Single(2), 3)) is float  # exception: Single and Long -> Double
    assert type(o.mul(Currency(10000), I(3))) is Currency


# --- / ("/ operator" page, MS-VBAL 5.6.9.3.5) ------------------------------------------
@pytest.mark.parametrize(
    "a, b, expected",
    [
        (I(10), I(4), 2.5),  # page example
        (I(10), I(3), 10 / 3),  # page example: 3.333333
        (Null, I(2), Null),
    ],
)
def test_div(a, b, expected):
    r = o.div(a, b)
    assert r is Null if expected is Null else r == pytest.approx(expected)


def test_div_by_zero():
    # notes / MS-VBAL 5.6.9.3.5: 1 / 0 raises 11; 0 / 0 raises 6
    err(11, o.div, I(1), I(0))
    err(6, o.div, I(0), I(0))
    err(11, o.div, 1.5, Empty)


def test_div_types():
    # "/ operator": Single operands give Single; Decimal gives Decimal; otherwise Double
    assert type(o.div(Single(1), Single(2))) is Single
    assert type(o.div(5, 2)) is float
    assert type(o.div(VbaDecimal(1), I(3))) is VbaDecimal


# --- \ ("\ operator" page) -------------------------------------------------------------
@pytest.mark.parametrize(
    "a, b, expected",
    [
        (I(11), I(4), 2),  # page example
        (I(9), I(3), 3),  # page example
        (I(100), I(3), 33),  # page example
        (-7, 2, -3),  # truncated toward zero
        (2.5, 1, 2),  # operands rounded first (Banker's): 2.5 -> 2
        (3.5, 1, 4),
        (Empty, 5, 0),  # page: Empty treated as 0
    ],
)
def test_intdiv(a, b, expected):
    assert o.intdiv(a, b) == expected


def test_intdiv_null_and_zero():
    assert o.intdiv(Null, 1) is Null  # "\ operator": Null -> Null
    err(11, o.intdiv, 5, 0)  # "Division by zero"
    err(11, o.intdiv, 5, 0.4)  # 0.4 rounds to 0


def test_intdiv_types():
    # "\ operator": result is Byte, Integer or Long
    assert type(o.intdiv(Byte(9), Byte(2))) is Byte
    assert type(o.intdiv(I(9), I(2))) is Integer
    assert type(o.intdiv(9.0, 2.0)) is int


# --- Mod ("Mod operator" page) ---------------------------------------------------------
@pytest.mark.parametrize(
    "a, b, expected",
    [
        (I(10), I(5), 0),  # page example
        (I(10), I(3), 1),  # page example
        (I(12), 4.3, 0),  # page example
        (12.6, I(5), 3),  # page example
        (-7, 3, -1),  # notes: sign follows the dividend
        (7, -3, 1),
        (5.5, 2, 0),  # notes: 5.5 rounds to 6
        (Empty, 3, 0),  # page: Empty treated as 0
    ],
)
def test_mod(a, b, expected):
    assert o.mod(a, b) == expected


def test_mod_null_zero():
    assert o.mod(Null, 2) is Null  # "Mod operator": Null -> Null
    err(11, o.mod, 5, 0)


# --- ^ ("^ operator" page) ---------------------------------------------------------------
@pytest.mark.parametrize(
    "a, b, expected",
    [
        (I(2), I(2), 4.0),  # page example
        (o.power(I(3), I(3)), I(3), 19683.0),  # page example: 3 ^ 3 ^ 3 (left-assoc) = 19683
        (I(-5), I(3), -125.0),  # page example
        (I(2), -1, 0.5),
    ],
)
def test_power(a, b, expected):
    r = o.power(a, b)
    assert r == expected and type(r) is float


def test_power_errors():
    # "^ operator": a negative number can be raised only to an integral power
    err(5, o.power, -8, 1 / 3)
    assert o.power(Null, 2) is Null


# --- unary minus (MS-VBAL 5.6.9.3.1) -----------------------------------------------------
def test_negation():
    assert o.neg(I(5)) == -5 and type(o.neg(I(5))) is Integer
    err(6, o.neg, I(-32768))  # Integer range
    assert o.neg(I(-32768), variant=True) == 32768  # Variant promotion to Long
    assert o.neg(Null) is Null
    assert o.neg(Empty) == 0
    assert o.neg(True) == 1


# --- & ("& operator" page) -----------------------------------------------------------
@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("Hello", " World", "Hello World"),  # page example
        ("Check ", I(123), "Check 123"),  # page example
        (Null, "x", "x"),  # page: only one Null -> treated as ""
        ("x", Empty, "x"),  # page: Empty -> ""
        (I(4534), I(0), "45340"),  # "Type conversion functions" CVar example (MyInt & 000)
        (True, 1.5, "True1.5"),
    ],
)
def test_concat(a, b, expected):
    assert o.concat(a, b) == expected


def test_concat_both_null():
    assert o.concat(Null, Null) is Null  # "& operator": both Null -> Null


# --- comparisons ("Comparison operators" page, MS-VBAL 5.6.9.5) ---------------------------
@pytest.mark.parametrize(
    "fn, a, b, expected",
    [
        (o.lt, I(45), I(35), False),  # page example
        (o.eq, I(45), I(45), True),  # page example
        (o.ne, I(4), I(3), True),  # page example
        (o.gt, "5", "4", True),  # page example
        (o.gt, "5", I(4), True),  # page example: Var1 = "5": Var2 = 4
        (o.gt, I(5), Empty, True),  # page example: Var1 = 5: Var2 = Empty
        (o.eq, I(0), Empty, True),  # page example: Var1 = 0: Var2 = Empty
        (o.eq, "", Empty, True),  # page: Empty vs String compares as ""
        (o.eq, Empty, Empty, True),
        (o.lt, "B", "a", True),  # "Option Compare statement": binary A < B < a
        (o.ge, 2.5, I(2), True),
        (o.le, Currency(10000), 1.0, True),
        (o.eq, True, I(-1), True),  # "Boolean data type": True is -1
        (o.eq, Date(1), I(1), True),
    ],
)
def test_comparisons(fn, a, b, expected):
    assert fn(a, b) is expected


def test_comparison_null():
    # "Comparison operators": either expression Null -> Null; IsNull page: Var = Null is Null
    for fn in (o.eq, o.ne, o.lt, o.le, o.gt, o.ge):
        assert fn(Null, I(1)) is Null
        assert fn("a", Null) is Null


def test_text_compare():
    # "Option Compare statement": Text is case-insensitive (A=a) < (B=b)
    assert o.eq("ABC", "abc", text=True) is True
    assert o.eq("ABC", "abc") is False
    assert o.lt("a", "B", text=True) is True
    assert o.compare_strings("AAA", "aaa", text=True) == 0


def test_variant_number_vs_string():
    # "Comparison operators": two Variants, one numeric and one string -> numeric is less
    assert o.lt(I(5), "4", a_variant=True, b_variant=True) is True
    # a numeric expression against a string that cannot be a number -> Type mismatch
    err(13, o.eq, I(5), "abc")
    # "One expression is a String and the other any Variant except Null: string comparison"
    assert o.eq(I(5), "5.0", a_variant=True) is False


# --- Like ("Like operator" page) ----------------------------------------------------------
@pytest.mark.parametrize(
    "s, pattern, expected",
    [
        ("aBBBa", "a*a", True),  # page example
        ("F", "[A-Z]", True),  # page example
        ("F", "[!A-Z]", False),  # page example
        ("a2a", "a#a", True),  # page example
        ("aM5b", "a[L-P]#[!c-e]", True),  # page example (pattern without the space typo)
        ("BAT123khg", "B?T*", True),  # page example
        ("CAT123khg", "B?T*", False),  # page example
        ("ab", "a*b", True),  # page example
        ("a*b", "a[*]b", True),  # page: brackets match the special character itself
        ("axxxxxb", "a[*]b", False),  # page example
        ("a[xyz", "a[[]*", True),  # page example
        ("abc", "ABC", False),  # binary compare by default
        ("", "*", True),
        ("", "?", False),
        ("x-y", "x[-]y", True),  # page: hyphen at the start of a charlist matches itself
        ("!", "!", True),  # page: "!" outside brackets matches itself
        ("ab", "a[]b", True),  # page: "[]" is a zero-length string
        ("a1", "a[0-9]", True),
    ],
)
def test_like(s, pattern, expected):
    assert o.like(s, pattern) is expected


def test_like_text_and_null():
    # "Like operator": Option Compare Text is case-insensitive; Null -> Null
    assert o.like("ABC", "abc", text=True) is True
    assert o.like("F", "[a-z]", text=True) is True
    assert o.like(Null, "a") is Null
    assert o.like("a", Null) is Null


def test_like_invalid_pattern():
    # "Like operator" example: "a [xyz" Like "a [*" throws error 93
    err(93, o.like, "a [xyz", "a [*")
    err(93, o.like, "F", "[Z-A]")  # page: ranges must be in ascending order


# --- logical operators (MS-VBAL 5.6.9.8 and operator pages) ---------------------------------
A, B, C = I(10), I(8), I(6)


@pytest.mark.parametrize(
    "fn, a, b, expected",
    [
        # "And operator" example: A = 10: B = 8: C = 6: D = Null
        (o.and_, True, True, True),  # A > B And B > C
        (o.and_, False, True, False),  # B > A And B > C
        (o.and_, True, Null, Null),  # A > B And B > D
        (o.and_, A, B, 8),  # A And B (bitwise)
        (o.and_, False, Null, False),  # truth table: False And Null = False
        # "Or operator" example
        (o.or_, True, True, True),
        (o.or_, False, True, True),
        (o.or_, True, Null, True),  # A > B Or B > D
        (o.or_, Null, False, Null),  # B > D Or B > A
        (o.or_, A, B, 10),
        # "Xor operator" example
        (o.xor, True, True, False),
        (o.xor, False, True, True),
        (o.xor, False, False, False),
        (o.xor, Null, True, Null),
        (o.xor, A, B, 2),
        # "Eqv operator" example
        (o.eqv, True, True, True),
        (o.eqv, False, True, False),
        (o.eqv, True, Null, Null),
        (o.eqv, A, B, -3),
        # "Imp operator" example
        (o.imp, True, True, True),
        (o.imp, True, False, False),
        (o.imp, False, False, True),
        (o.imp, False, Null, True),  # B > A Imp C > D
        (o.imp, Null, False, Null),  # C > D Imp B > A
        (o.imp, Null, True, True),  # truth table: Null Imp True = True
        (o.imp, True, Null, Null),
        (o.imp, B, A, -1),  # B Imp A (bitwise)
    ],
)
def test_logical(fn, a, b, expected):
    r = fn(a, b)
    assert r is expected if isinstance(expected, bool) or expected is Null else r == expected


@pytest.mark.parametrize(
    "a, expected",
    [
        (True, False),  # "Not operator" example: Not (A > B)
        (False, True),  # Not (B > A)
        (Null, Null),  # Not (C > D)
        (A, -11),  # Not A (bitwise)
        (I(0), -1),  # notes: Not 0 = -1
        (I(5), -6),  # notes: Not 5 = -6
        (Byte(0), 255),  # Byte stays Byte
    ],
)
def test_not(a, expected):
    r = o.not_(a)
    assert r is expected if isinstance(expected, bool) or expected is Null else r == expected


def test_logical_types():
    # MS-VBAL 5.6.9.8: Boolean op Boolean is Boolean; integral operands keep their type
    assert type(o.and_(True, False)) is bool
    assert type(o.and_(I(3), I(1))) is Integer
    assert type(o.or_(3, 1)) is int
    assert type(o.and_(Byte(3), Byte(1))) is Byte
    assert o.and_(2.5, 3) == 2  # floats rounded to Long first (Banker's: 2.5 -> 2)


# --- Is ("Is operator" page) -------------------------------------------------------------
def test_is():
    x, y = VbaObject(), VbaObject()
    assert o.is_(x, x) is True  # page: both refer to the same object -> True
    assert o.is_(x, y) is False
    assert o.is_(Nothing, Nothing) is True
    assert o.is_(x, Nothing) is False
    err(424, o.is_, I(1), x)  # "Object required" for a non-object operand


def test_string_of_results():
    # "+ operator" example: 4257.04 + 98112 displays as 102369.04
    assert to_string(o.add(4257.04, 98112)) == "102369.04"
