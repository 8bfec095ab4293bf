"""FormatDateTime, the byte functions, the financial functions, QBColor, Partition and the
settings functions (SaveSetting, GetSetting, GetAllSettings, DeleteSetting), run as VBA
source through the interpreter (the oracle).

Every expected value comes from the function's VBA language reference page or MS-VBAL
(cited in each test), or is worked out by hand from the formula or definition the page
states; the locale is en-US, as everywhere in the library (docs/vba-runtime.md, Locale).
"""

from __future__ import annotations

import pytest

from transform.runtimes.vba.interpreter import load_source
from transform.runtimes.vba.values import Integer, Null

from .vba_helpers import Raised, evaluate, output, run

# ------------------------------------------------------------------ FormatDateTime


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        # vbGeneralDate (the default): "If there is a date part, display it as a short
        # date. If there is a time part, display it as a long time. If present, both
        # parts are displayed."
        ("FormatDateTime(#1/27/1993 5:04:23 PM#)", "1/27/1993 5:04:23 PM"),
        ("FormatDateTime(#1/27/1993#, vbGeneralDate)", "1/27/1993"),
        ("FormatDateTime(#5:04:23 PM#, 0)", "5:04:23 PM"),
        # vbLongDate, vbShortDate, vbLongTime: the en-US long date, short date and time
        # formats (those the "Format function" page's named formats give for the same
        # date: "Wednesday, January 27, 1993", "1/27/1993", "5:04:23 PM")
        ("FormatDateTime(#1/27/1993 5:04:23 PM#, vbLongDate)", "Wednesday, January 27, 1993"),
        ("FormatDateTime(#1/27/1993 5:04:23 PM#, vbShortDate)", "1/27/1993"),
        ("FormatDateTime(#1/27/1993 5:04:23 PM#, vbLongTime)", "5:04:23 PM"),
        # vbShortTime: "Display a time using the 24-hour format (hh:mm)"
        ("FormatDateTime(#1/27/1993 5:04:23 PM#, vbShortTime)", "17:04"),
        ("FormatDateTime(#1/27/1993 9:05:00 AM#, 4)", "09:05"),
        # Date: "Date expression to be formatted": a String that reads as a date is one
        ('FormatDateTime("January 27, 1993", 1)', "Wednesday, January 27, 1993"),
        # the page's own example: FormatDateTime(Date, 1) (the tests' clock: 2024-07-19)
        ("FormatDateTime(Date, 1)", "Friday, July 19, 2024"),
    ],
)
def test_format_datetime(expr, expected):
    """FormatDateTime page (NamedFormat settings table); MS-VBAL declares the function
    As String."""
    assert evaluate(expr) == expected
    assert evaluate(f"TypeName({expr})") == "String"


@pytest.mark.parametrize(
    ("expr", "number"),
    [
        ("FormatDateTime(#1/27/1993#, 5)", 5),  # NamedFormat outside 0..4
        ("FormatDateTime(#1/27/1993#, -1)", 5),
        ('FormatDateTime("not a date")', 13),  # not a date expression
        ("FormatDateTime(Null)", 94),  # a String result cannot be Null
    ],
)
def test_format_datetime_errors(expr, number):
    """FormatDateTime page: NamedFormat is one of the five settings; MS-VBAL's
    declaration returns a String, so a Null date is "Invalid use of Null" (94) as for
    every String-returning function."""
    assert isinstance(evaluate(expr), Raised)
    assert evaluate(expr).number == number


# ------------------------------------------------------------------ byte functions


def test_lenb_counts_the_bytes_of_unicode_text():
    """Page "Len function", second example: MyString = "ABc", LenB(MyString) "Returns 6 - 6
    bytes used for Unicode"; Len of the same string is 3."""
    assert evaluate('LenB("ABc")') == 6
    assert evaluate('Len("ABc")') == 3
    assert evaluate('LenB("")') == 0
    assert evaluate("LenB(Null)") is Null  # as Len: "If string contains Null, Null is returned"


def test_lenmbcs_of_the_len_page_in_an_ansi_single_byte_locale():
    """Page "Len function", second example: LenMbcs(str) = LenB(StrConv(str, vbFromUnicode)),
    the ANSI byte count. In en-US (Windows-1252) every character of "ABc" is one byte, so
    3 (the page's 5 is for a double-byte locale where "A" and "B" take two bytes)."""
    src = """
Function LenMbcs(ByVal str As String)
    LenMbcs = LenB(StrConv(str, vbFromUnicode))
End Function
Function T()
    T = LenMbcs("ABc") & "," & LenMbcs("Grüße")
End Function
"""
    assert run(src, "T").result == "3,5"


def test_midb_counts_bytes():
    """Page "Mid function", second example: with MyString = "AbCdEfG", MidB(MyString, 3, 4)
    "Returns "bC"": bytes 3 to 6 of the Unicode string, two per character. MidMbcs
    (the page's StrConv round trip through ANSI) in a single-byte locale takes four
    characters from the third, as Mid does: "CdEf"."""
    src = """
Function MidMbcs(ByVal str as String, start, length)
    MidMbcs = StrConv(MidB(StrConv(str, vbFromUnicode), start, length), vbUnicode)
End Function
Function T()
    Dim MyString
    MyString = "AbCdEfG"
    T = Mid(MyString, 3, 4) & "|" & MidB(MyString, 3, 4) & "|" & MidMbcs(MyString, 3, 4)
End Function
"""
    assert run(src, "T").result == "CdEf|bC|CdEf"
    assert evaluate('MidB("AbCdEfG", 5)') == "CdEfG"  # length omitted: to the end
    assert evaluate('MidB("AbC", 9, 2)') == ""  # start past the end: ""
    assert evaluate('MidB("AbC", 0, 2)').number == 5  # start < 1, as Mid
    assert evaluate('MidB("AbC", 1, -1)').number == 5


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        # LeftB / RightB take bytes ("Left function" / "Right function" notes: "Use the
        # LeftB function with byte data contained in a string. Instead of specifying the
        # number of characters to return, length specifies the number of bytes.")
        ('LeftB("abc", 4)', "ab"),
        ('RightB("abc", 2)', "c"),
        ('LeftB("abc", 0)', ""),
        ('RightB("abc", 10)', "abc"),
        ('LeftB$("abc", 2)', "a"),
        ('MidB$("abc", 3, 2)', "b"),
        # an odd number of bytes: three bytes of "abc" are "a" and the low byte of "b"
        ('LenB(LeftB("abc", 3))', 3),
        ('AscB(RightB(LeftB("abc", 3), 1))', Integer(98)),
        # InStrB: "Instead of returning the character position of the first occurrence
        # of one string within another, InStrB returns the byte position" (InStr page)
        ('InStrB("abc", "b")', 3),
        ('InStrB(4, "abcb", "b")', 7),
        ('InStrB("abc", "z")', 0),
        ('InStrB(3, "abc", "")', 3),
        ('InStrB(9, "abc", "a")', 0),
        # AscB: the first byte ("Asc function": "The AscB function is used with byte
        # data contained in a string. Instead of returning the character code for the
        # first character, AscB returns the first byte.")
        ('AscB("A")', Integer(65)),
        ("AscB(ChrW(&H20AC))", Integer(0xAC)),  # the euro sign's low byte first
        # ChrB: "Instead of returning a character, which may be one or two bytes, ChrB
        # always returns a single byte" (Chr page)
        ("LenB(ChrB(65))", 1),
        ("AscB(ChrB(200))", Integer(200)),
        ("LenB(ChrB$(0))", 1),
    ],
)
def test_byte_functions(expr, expected):
    """Left/Right/Mid/InStr/Asc/Chr pages, notes on the B forms: the arguments and results
    count bytes, two per character of a VBA (Unicode) string ("Len function")."""
    actual = evaluate(expr)
    assert actual == expected and type(actual) is type(expected)


@pytest.mark.parametrize(
    ("expr", "number"),
    [
        ('LeftB("abc", -1)', 5),  # as Left: a negative length is an invalid argument
        ('RightB("abc", -1)', 5),
        ('InStrB(0, "abc", "b")', 5),  # as InStr: start must be >= 1
        ('AscB("")', 5),  # as Asc: "If the string contains no characters, a run-time
        ("AscB(Null)", 94),  # error occurs"
        ("ChrB(256)", 5),  # a byte is 0..255
        ("ChrB(-1)", 5),
        ("LeftB$(Null, 1)", 94),  # the $ forms return a String, never Null
    ],
)
def test_byte_function_errors(expr, number):
    """The B forms follow their character forms' argument rules (Left, Right, InStr, Asc,
    Chr pages); a byte value is 0..255."""
    assert evaluate(expr).number == number


def test_text_built_from_bytes_with_chrb_and_strconv():
    """The usual VB idiom: append single bytes with ChrB, then StrConv(s, vbUnicode)
    converts the ANSI bytes to text ("StrConv function": vbUnicode "Converts the string to
    Unicode using the default code page of the system"; vbFromUnicode the reverse)."""
    src = """
Function T()
    Dim s As String, i As Integer, codes
    codes = Array(72, 105, 33, 252)
    For i = 0 To 3
        s = s & ChrB(codes(i))
    Next
    T = LenB(s) & "|" & StrConv(s, vbUnicode) & "|" & AscB(MidB(s, 2, 1)) & "|" & _
        StrConv(StrConv("Grüße", vbFromUnicode), vbUnicode)
End Function
"""
    assert run(src, "T").result == "4|Hi!ü|105|Grüße"


# ------------------------------------------------------------------ financial functions

APPROX = {"rel": 1e-12, "abs": 1e-9}


def _vba_values(flows: list[float]) -> str:
    lines = [f"    Values({i}) = {v!r}" for i, v in enumerate(flows)]
    return "\n".join(lines)


def _number(expr: str, header: str = "") -> float:
    value = evaluate(expr, header)
    assert type(value) is float, (expr, value)
    return value


def test_pmt_fv_pv_nper_solve_the_annuity_equation():
    """Page "Pmt function" / "FV function" / "PV function" / "NPer function": the annuity of
    the PV page's equation pv * (1 + rate) ^ nper + pmt * (1 + rate * type) * ((1 +
    rate) ^ nper - 1) / rate + fv = 0, cash paid out negative. A loan of 1000 at 10% paid
    in two yearly payments: 1000 * 1.21 = p * 2.1, so p = -576.19...; due at the start
    of each period (type 1) the payments are 1.1 times smaller."""
    loan = -1000 * 1.21 * 0.1 / 0.21
    assert _number("Pmt(0.1, 2, 1000)") == pytest.approx(loan, **APPROX)
    assert _number("Pmt(0.1, 2, 1000, 0, 1)") == pytest.approx(loan / 1.1, **APPROX)
    assert _number("FV(0.1, 2, -576.19047619047619, 1000)") == pytest.approx(0, abs=1e-9)
    assert _number("PV(0.1, 2, -576.19047619047619)") == pytest.approx(1000, **APPROX)
    assert _number("NPer(0.1, -576.19047619047619, 1000)") == pytest.approx(2, **APPROX)
    # saving 100 a month for a year at 0%: FV is the sum of the deposits
    assert _number("FV(0, 12, -100)") == 1200
    assert _number("PV(0, 12, -100)") == 1200
    assert _number("Pmt(0, 12, 1200)") == -100
    assert _number("NPer(0, -100, 1200)") == 12
    # future value of 1000 deposited for 2 years at 10%, no payments
    assert _number("FV(0.1, 2, 0, -1000)") == pytest.approx(1210, **APPROX)


def test_ipmt_and_ppmt_split_each_payment():
    """Page "IPmt function": the interest payment for a given period; "PPmt function": the
    principal payment. For the loan of 1000 at 10% in two payments of 576.19: period 1
    pays 10% of 1000 in interest, period 2 10% of the 523.81 left; paid in advance
    (type 1), the first payment carries no interest."""
    payment = -1000 * 1.21 * 0.1 / 0.21
    assert _number("IPmt(0.1, 1, 2, 1000)") == pytest.approx(-100, **APPROX)
    left = 1000 * 1.1 + payment  # what the first payment leaves: 523.81
    assert _number("IPmt(0.1, 2, 2, 1000)") == pytest.approx(-left * 0.1, **APPROX)
    assert _number("PPmt(0.1, 1, 2, 1000)") == pytest.approx(payment + 100, **APPROX)
    assert _number("PPmt(0.1, 1, 2, 1000) + PPmt(0.1, 2, 2, 1000)") == pytest.approx(-1000)
    due = payment / 1.1
    assert _number("IPmt(0.1, 1, 2, 1000, 0, 1)") == 0
    assert _number("IPmt(0.1, 2, 2, 1000, 0, 1)") == pytest.approx(-(1000 + due) * 0.1)


def test_rate_iterates_to_the_annuity_rate():
    """Page "Rate function": "Rate is calculated by iteration. Starting with the value of
    guess, Rate cycles through the calculation until the result is accurate to within
    0.00001 percent." The loan above was at 10%; the page's car loan, 48 monthly payments
    at an APR of 10 percent (0.1 / 12 a month), paying off 10000: 253.63 a month."""
    assert _number("Rate(2, -576.19047619047619, 1000)") == pytest.approx(0.1, abs=1e-7)
    monthly = -10000 * (0.1 / 12) / (1 - (1 + 0.1 / 12) ** -48)
    assert _number(f"Rate(48, {monthly!r}, 10000)") == pytest.approx(0.1 / 12, abs=1e-7)
    assert _number(f"Rate(48, {monthly!r}, 10000, 0, 0, 0.01)") == pytest.approx(0.1 / 12, abs=1e-7)


# The "IRR function", "NPV function" and "MIRR function" pages' example: Static Values(5)
# As Double (six elements, the last left at 0), start-up costs of 70000, then four years
# of income.
FLOWS = [-70000.0, 22000.0, 25000.0, 28000.0, 31000.0, 0.0]
EXAMPLE = f"""
Function Flows()
    Static Values(5) As Double
{_vba_values(FLOWS)}
    Flows = Values
End Function
"""


def _worth(rate: float) -> float:
    return sum(v / (1 + rate) ** i for i, v in enumerate(FLOWS))


def test_npv_of_the_page_example():
    """Page "NPV function": "The NPV investment begins one period before the date of the first
    cash flow value and ends with the last cash flow value in the array": the first
    value is discounted one period. The page's example: RetRate = .0625."""
    expected = sum(v / 1.0625 ** (i + 1) for i, v in enumerate(FLOWS))
    assert _number("NPV(0.0625, Flows())", EXAMPLE) == pytest.approx(expected, **APPROX)


def test_irr_of_the_page_example_is_accurate_to_the_documented_tolerance():
    """Page "IRR function": the rate at which the flows are worth nothing, "calculated by
    iteration ... until the result is accurate to within 0.00001 percent". The root is
    found here by bisection of the same sum."""
    low, high = 0.0, 1.0
    for _ in range(200):
        middle = (low + high) / 2
        low, high = (middle, high) if _worth(middle) > 0 else (low, middle)
    assert _number("IRR(Flows(), 0.1)", EXAMPLE) == pytest.approx(low, abs=1e-7)
    assert _number("IRR(Flows())", EXAMPLE) == pytest.approx(low, abs=1e-7)  # guess 0.1


PAGE_EXAMPLES = """
Sub IrrExample()
    Dim Guess, Fmt, RetRate, Msg
    Static Values(5) As Double    ' Set up array.
    Guess = .1    ' Guess starts at 10 percent.
    Fmt = "#0.00"    ' Define percentage format.
    Values(0) = -70000    ' Business start-up costs.
    ' Positive cash flows reflecting income for four successive years.
    Values(1) = 22000 : Values(2) = 25000
    Values(3) = 28000 : Values(4) = 31000
    RetRate = IRR(Values(), Guess) * 100    ' Calculate internal rate.
    Msg = "The internal rate of return for these five cash flows is "
    Msg = Msg & Format(RetRate, Fmt) & " percent."
    MsgBox Msg    ' Display internal return rate.
End Sub

Sub NpvExample()
    Dim Fmt, Guess, RetRate, NetPVal, Msg
    Static Values(5) As Double    ' Set up array.
    Fmt = "###,##0.00"    ' Define money format.
    Guess = .1    ' Guess starts at 10 percent.
    RetRate = .0625    ' Set fixed internal rate.
    Values(0) = -70000    ' Business start-up costs.
    ' Positive cash flows reflecting income for four successive years.
    Values(1) = 22000 : Values(2) = 25000
    Values(3) = 28000 : Values(4) = 31000
    NetPVal = NPV(RetRate, Values())    ' Calculate net present value.
    Msg = "The net present value of these cash flows is "
    Msg = Msg & Format(NetPVal, Fmt) & "."
    MsgBox Msg    ' Display net present value.
End Sub

Sub MirrExample()
    Dim LoanAPR, InvAPR, Fmt, RetRate, Msg
    Static Values(5) As Double    ' Set up array.
    LoanAPR = .1    ' Loan rate.
    InvAPR = .12    ' Reinvestment rate.
    Fmt = "#0.00"    ' Define money format.
    Values(0) = -70000    ' Business start-up costs.
    ' Positive cash flows reflecting income for four successive years.
    Values(1) = 22000 : Values(2) = 25000
    Values(3) = 28000 : Values(4) = 31000
    RetRate = MIRR(Values(), LoanAPR, InvAPR)    ' Calculate internal rate.
    Msg = "The modified internal rate of return for these five cash flows is"
    Msg = Msg & Format(Abs(RetRate) * 100, Fmt) & "%."
    MsgBox Msg    ' Display internal return rate.
End Sub
"""


def test_the_irr_npv_and_mirr_pages_examples_run_as_written():
    """The examples of pages "IRR function", "NPV function" and "MIRR function", verbatim
    (the array passed as ``Values()``); the figures their message boxes show are worked
    out here from each page's definition (IRR by bisection of the flows' worth, NPV
    discounting from one period before the first flow, MIRR from the payments' value at
    10% and the receipts' at 12%)."""
    low, high = 0.0, 1.0
    for _ in range(200):
        middle = (low + high) / 2
        low, high = (middle, high) if _worth(middle) > 0 else (low, middle)
    npv = sum(v / 1.0625 ** (i + 1) for i, v in enumerate(FLOWS))
    received = sum(v * 1.12 ** (5 - i) for i, v in enumerate(FLOWS) if v > 0)
    mirr = (received / 70000) ** (1 / 5) - 1
    expected = {
        "IrrExample": f"The internal rate of return for these five cash flows is "
        f"{low * 100:.2f} percent.",
        "NpvExample": f"The net present value of these cash flows is {npv:,.2f}.",
        "MirrExample": "The modified internal rate of return for these five cash flows "
        f"is{mirr * 100:.2f}%.",
    }
    for entry, prompt in expected.items():
        obs = run(PAGE_EXAMPLES, entry)
        assert obs.error is None, obs.error
        assert [e["prompt"] for e in obs.effects if e["kind"] == "msgbox"] == [prompt]


def test_irr_fails_without_a_result():
    """Page "IRR function": the array "must contain at least one negative value (a payment)
    and one positive value (a receipt)"; "If IRR can't find a result after 20 tries, it
    fails" (1 - x + x^2, x = 1 / (1 + rate), is never 0): error 5."""
    src = """
Function T(kind)
    Dim v(2) As Double
    v(0) = 1: v(1) = -1: v(2) = 1
    If kind = 1 Then v(1) = 1
    T = IRR(v)
End Function
"""
    assert load_source(src).call("T", [0]).error["number"] == 5
    assert load_source(src).call("T", [1]).error["number"] == 5


def test_mirr_of_the_page_example():
    """Page "MIRR function": the internal rate of return "when payments and receipts are
    financed at different rates": the payments' value now at finance_rate (LoanAPR =
    .1) grows, over the five periods after the first, into the receipts' value at the
    last period compounded at reinvest_rate (InvAPR = .12)."""
    paid = sum(v / 1.1**i for i, v in enumerate(FLOWS) if v < 0)
    received = sum(v * 1.12 ** (5 - i) for i, v in enumerate(FLOWS) if v > 0)
    expected = (received / -paid) ** (1 / 5) - 1
    assert _number("MIRR(Flows(), 0.1, 0.12)", EXAMPLE) == pytest.approx(expected, **APPROX)


def test_depreciation_functions():
    """Page "SLN function": straight-line depreciation (cost - salvage) / life; "SYD function":
    sum-of-years' digits; "DDB function": double-declining balance, highest in the first
    period, the rate factor / life (factor 2 if omitted) applied to what the prior
    periods left, Min((cost - prior) * (factor / life), cost - salvage - prior) as the
    WorksheetFunction.Ddb page states it. An asset of 2400, salvage 300, over 10 years."""
    assert _number("SLN(2400, 300, 10)") == 210
    assert _number("SYD(2400, 300, 10, 1)") == pytest.approx(2100 * 10 / 55, **APPROX)
    assert _number("SYD(2400, 300, 10, 10)") == pytest.approx(2100 * 1 / 55, **APPROX)
    assert _number("DDB(2400, 300, 10, 1)") == pytest.approx(480, **APPROX)  # 2400 * 20%
    # year 2 at factor 1.5: 15% of the 2040 left after 360
    assert _number("DDB(2400, 300, 10, 2, 1.5)") == pytest.approx(306, **APPROX)
    # year 10: 20% of 2400 * 0.8^9 = 322.12 would go below the salvage: 22.12 is left
    assert _number("DDB(2400, 300, 10, 10)") == pytest.approx(2400 * 0.8**9 - 300, **APPROX)


@pytest.mark.parametrize(
    "expr",
    [
        "Pmt(0.1, 0, 1000)",  # no periods
        "IPmt(0.1, 3, 2, 1000)",  # per must be in 1..nper
        "PPmt(0.1, 0, 2, 1000)",
        "NPer(0, 0, 1000)",  # nothing is paid: never balanced
        "Rate(0, -100, 1000)",
        "SLN(2400, 300, 0)",
        "SYD(2400, 300, 10, 11)",  # period > life
        "DDB(2400, 300, 10, 11)",
        "DDB(2400, 300, 10, 1, 0)",  # factor must be positive
        "DDB(2400, -1, 10, 1)",  # salvage must not be negative
    ],
)
def test_financial_argument_errors(expr):
    """The pages' argument rules ("the life and period arguments must be expressed in
    the same units", "all arguments must be positive numbers", per "in the range 1
    through nper"): an invalid procedure call or argument, error 5."""
    assert evaluate(expr).number == 5


def test_financial_results_are_doubles():
    """Each page: "Returns a Double"."""
    for expr in ("SLN(2400, 300, 10)", "Pmt(0, 12, 1200)", "DDB(2400, 300, 10, 1)"):
        assert evaluate(f"TypeName({expr})") == "Double"


# ------------------------------------------------------------------ QBColor, Partition


def test_qbcolor():
    """Page "QBColor function": "Returns a Long representing the RGB color code corresponding
    to the specified color number"; "Starting with the least-significant byte, the
    returned value specifies the red, green, and blue values". 0 Black, 15 Bright white,
    12 Light red, 9 Light blue, 4 Red (a darker red than 12)."""
    assert evaluate("QBColor(0)") == 0
    assert evaluate("QBColor(15)") == 0xFFFFFF
    assert evaluate("QBColor(12)") == 0x0000FF
    assert evaluate("QBColor(9)") == 0xFF0000
    red = evaluate("QBColor(4)")
    assert 0 < red < evaluate("QBColor(12)") and red <= 0xFF
    assert evaluate("TypeName(QBColor(7))") == "Long"
    assert evaluate("QBColor(16)").number == 5  # "an integer in the range 0-15"
    assert evaluate("QBColor(-1)").number == 5


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # the page's table: start 0, stop 99, interval 5; each side as wide as stop's
        # digits plus one
        ("-1, 0, 99, 5", "   : -1"),  # before first
        ("0, 0, 99, 5", "  0:  4"),  # first range
        ("97, 0, 99, 5", " 95: 99"),  # last range
        ("100, 0, 99, 5", "100:   "),  # after last
        # start 20, stop 199, interval 10
        ("19, 20, 199, 10", "    :  19"),
        ("20, 20, 199, 10", "  20:  29"),
        ("199, 20, 199, 10", " 190: 199"),
        ("500, 20, 199, 10", " 200:    "),
        # start 100, stop 1010, interval 20: the last range ends at stop (11 numbers)
        ("99, 100, 1010, 20", "     :   99"),
        ("100, 100, 1010, 20", "  100:  119"),
        ("1005, 100, 1010, 20", " 1000: 1010"),
        ("1011, 100, 1010, 20", " 1011:     "),
        # "If interval is 1, the range is number:number, regardless of the start and stop
        # arguments. For example, if interval is 1, number is 100 and stop is 1000,
        # Partition returns " 100: 100"" (padded to stop's four digits plus one)
        ("100, 0, 1000, 1", "  100:  100"),
        # "Any argument can be a decimal value, but it will be rounded to the nearest even
        # integer before processing": 4.5 is 4, 5.5 is 6
        ("4.5, 0, 99, 5", "  0:  4"),
        ("5.5, 0, 99, 5", "  5:  9"),
    ],
)
def test_partition(args, expected):
    """Page "Partition function" table and remarks."""
    assert evaluate(f"Partition({args})") == expected


def test_partition_null_and_errors():
    """Page "Partition function": "If any of the parts is Null, Partition returns a Null";
    start "can't be less than 0", stop "can't be equal to or less than start", interval
    "can't be less than 1"."""
    assert evaluate("Partition(Null, 0, 99, 5)") is Null
    assert evaluate("Partition(5, 0, Null, 5)") is Null
    assert evaluate("Partition(5, -1, 99, 5)").number == 5
    assert evaluate("Partition(5, 10, 10, 5)").number == 5
    assert evaluate("Partition(5, 0, 99, 0)").number == 5


# ------------------------------------------------------------------ settings

SETTINGS_EXAMPLE = """
Sub Main()
    ' Variant to hold 2-dimensional array returned by GetAllSettings
    ' Integer to hold counter.
    Dim MySettings As Variant, intSettings As Integer
    ' Place some settings in the registry.
    SaveSetting appname := "MyApp", section := "Startup", _
    key := "Top", setting := 75
    SaveSetting "MyApp","Startup", "Left", 50
    Debug.Print GetSetting(appname := "MyApp", section := "Startup", _
                           key := "Left", default := "25")
    ' Retrieve the settings.
    MySettings = GetAllSettings(appname := "MyApp", section := "Startup")
    For intSettings = LBound(MySettings, 1) To UBound(MySettings, 1)
        Debug.Print MySettings(intSettings, 0); "="; MySettings(intSettings, 1)
    Next intSettings
    DeleteSetting "MyApp", "Startup"
    Debug.Print GetSetting("MyApp", "Startup", "Left", "deleted");
    Debug.Print IsEmpty(GetAllSettings("MyApp", "Startup"))
End Sub
"""


def test_settings_examples_of_the_reference_pages():
    """The "GetSetting function" and "GetAllSettings function" examples: two settings
    saved, GetSetting "Left" gives 50 (its default 25 only if it were missing), the
    GetAllSettings loop shows each key and value (indexed (i, 0) and (i, 1), as the
    example does); after DeleteSetting of the section, GetSetting returns the default
    ("If any of the items named in the GetSetting arguments don't exist, GetSetting
    returns the value of default") and GetAllSettings "returns an uninitialized Variant if
    either appname or section does not exist"."""
    assert output(SETTINGS_EXAMPLE) == ["50", "Top=75", "Left=50", "deletedTrue"]


def test_settings_are_recorded_effects_of_a_store_of_the_run():
    """Running legacy code never touches the host (docs/vba-runtime.md, Sandbox): every
    settings call is recorded, and a new run starts with no settings."""
    obs = run(SETTINGS_EXAMPLE)
    assert [e["kind"] for e in obs.effects] == [
        "savesetting",
        "savesetting",
        "getsetting",
        "getallsettings",
        "deletesetting",
        "getsetting",
        "getallsettings",
    ]
    assert obs.effects[0] == {
        "kind": "savesetting",
        "appname": "MyApp",
        "section": "Startup",
        "key": "Top",
        "setting": "75",
    }
    src = 'Function T()\n    T = GetSetting("MyApp", "Startup", "Top", "none")\nEnd Function\n'
    assert run(src, "T").result == "none"


def test_setting_values_are_strings_and_names_ignore_case():
    """MS-VBAL GetSetting: "Function GetSetting(AppName As String, Section As String, Key
    As String, Optional Default As Variant) As String"; the default is "a zero-length
    string ("")" if omitted. Names are registry key names, which ignore case."""
    src = """
Function T()
    SaveSetting "MyApp", "Startup", "Top", 75
    SaveSetting "MYAPP", "startup", "TOP", 80
    T = TypeName(GetSetting("myapp", "STARTUP", "top")) & "|" & _
        GetSetting("myapp", "STARTUP", "top") & "|" & _
        Len(GetSetting("MyApp", "Startup", "Missing")) & "|" & _
        GetAllSettings("MyApp", "Startup")(0, 0) & "|" & _
        UBound(GetAllSettings("MyApp", "Startup"), 1)
End Function
"""
    assert run(src, "T").result == "String|80|0|Top|0"


def test_deletesetting_of_a_missing_key_or_section_is_an_error():
    """Page "DeleteSetting statement": "If only appname and section are provided, the
    specified section is deleted along with all related key settings ... A run-time error
    occurs if you attempt to use the DeleteSetting statement on a non-existent section or
    key setting" (error 5, invalid procedure call or argument)."""
    src = """
Function T(what)
    SaveSetting "MyApp", "Startup", "Top", 75
    Select Case what
        Case 1: DeleteSetting "MyApp", "Startup", "Left"
        Case 2: DeleteSetting "MyApp", "Other"
        Case 3: DeleteSetting "Other", "Startup"
        Case 4
            DeleteSetting "MyApp", "Startup", "Top"
            T = GetSetting("MyApp", "Startup", "Top", "gone")
    End Select
End Function
"""
    for what in (1, 2, 3):
        assert load_source(src).call("T", [what]).error["number"] == 5
    assert load_source(src).call("T", [4]).result == "gone"
