"""FormatDateTime, the byte functions, the financial functions, QBColor, Partition and the
settings statements and functions, translated: each test translates a module with our
rules, runs the Python, and checks the values the VBA language reference pages give (or
that are worked out by hand from the formula a page states, cited in the docstring); the
same calls run in our VBA interpreter (the oracle), which must agree."""

from __future__ import annotations

import pytest

from transform.runtimes.vba.interpreter import load_source


def oracle(source: str, entry: str, *args):
    observation = load_source(source).call(entry, list(args))
    if observation.error is not None:
        return ("error", observation.error["number"])
    return observation.result


def outcome(call, *args):
    try:
        return call(*args)
    except Exception as exc:  # noqa: BLE001 - the support package's VbaError
        return ("error", getattr(exc, "number", repr(exc)))


def agree(module, source: str, entry: str, *args):
    """The translation's outcome, after checking the oracle gives the same."""
    from transform.translate.engine import python_name

    mine = outcome(getattr(module, python_name(entry)), *args)
    theirs = oracle(source, entry, *args)
    assert mine == theirs, (entry, args, mine, theirs)
    return mine


FORMATS = """
Function Stamp(ByVal kind As Integer) As String
    Stamp = FormatDateTime(#1/27/1993 5:04:23 PM#, kind)
End Function

Function General(ByVal d As Date) As String
    General = FormatDateTime(d)
End Function
"""


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (0, "1/27/1993 5:04:23 PM"),  # vbGeneralDate: short date and long time
        (1, "Wednesday, January 27, 1993"),  # vbLongDate
        (2, "1/27/1993"),  # vbShortDate
        (3, "5:04:23 PM"),  # vbLongTime
        (4, "17:04"),  # vbShortTime: "the 24-hour format (hh:mm)"
        (5, ("error", 5)),  # not a NamedFormat setting
    ],
)
def test_format_datetime(run_vba, kind, expected):
    """Page "FormatDateTime function", NamedFormat settings table, in the en-US locale
    (the "Format function" page's named formats give the same texts for this date)."""
    module = run_vba(FORMATS)
    assert agree(module, FORMATS, "Stamp", kind) == expected


def test_format_datetime_general_date_shows_the_parts_present(run_vba):
    """Page "FormatDateTime function", vbGeneralDate: "If there is a date part, display it
    as a short date. If there is a time part, display it as a long time." (12:00:00 AM
    alone is the time part of day 0)."""
    module = run_vba(FORMATS)
    source = FORMATS.replace("ByVal d As Date", "ByVal d")
    assert agree(module, source, "General", "1/27/1993") == "1/27/1993"
    assert agree(module, source, "General", "17:04:23") == "5:04:23 PM"


BYTES = """
Function MidMbcs(ByVal str As String, start, length)
    MidMbcs = StrConv(MidB(StrConv(str, vbFromUnicode), start, length), vbUnicode)
End Function

Function Examples() As String
    Dim MyString As String
    MyString = "AbCdEfG"
    Examples = LenB("ABc") & "|" & MidB(MyString, 3, 4) & "|" & MidMbcs(MyString, 3, 4) _
        & "|" & LeftB$("abc", 4) & "|" & RightB("abc", 2) & "|" & InStrB("abcb", "c") _
        & "|" & AscB("A") & "|" & LenB(LeftB("abc", 3))
End Function

Function FromBytes() As String
    Dim s As String, i As Integer, codes
    codes = Array(72, 105, 33, 252)
    For i = 0 To 3
        s = s & ChrB$(codes(i))
    Next
    FromBytes = LenB(s) & "|" & StrConv(s, vbUnicode) & "|" & AscB(MidB(s, 2, 1))
End Function

Function Bad(ByVal what As Integer)
    Select Case what
        Case 1: Bad = ChrB(256)
        Case 2: Bad = AscB("")
        Case 3: Bad = LeftB("abc", -1)
        Case 4: Bad = MidB("abc", 0)
    End Select
End Function
"""


def test_byte_functions(run_vba):
    """Page "Len function": LenB("ABc") "Returns 6 - 6 bytes used for Unicode"; page "Mid
    function": MidB("AbCdEfG", 3, 4) "Returns "bC"", and its MidMbcs, through ANSI in a
    single-byte locale, four characters from the third, "CdEf"; LeftB/RightB/InStrB count
    bytes (Left, Right, InStr pages), AscB is the first byte (Asc page); three bytes of
    "abc" stay three bytes."""
    module = run_vba(BYTES)
    assert agree(module, BYTES, "Examples") == "6|bC|CdEf|ab|c|5|65|3"


def test_text_from_bytes(run_vba):
    """ChrB returns "a single byte" (Chr page); StrConv vbUnicode converts ANSI bytes to
    Unicode text ("StrConv function"), whichever way the bytes were appended."""
    module = run_vba(BYTES)
    assert agree(module, BYTES, "FromBytes") == "4|Hi!ü|105"


@pytest.mark.parametrize("what", [1, 2, 3, 4])
def test_byte_function_errors(run_vba, what):
    """A byte is 0..255 (ChrB); AscB of "" and negative lengths or a start below 1 are
    invalid arguments as for Asc, Left and Mid: error 5."""
    module = run_vba(BYTES)
    assert agree(module, BYTES, "Bad", what) == ("error", 5)


FINANCE = """
Function Loan(ByVal what As Integer) As Double
    Select Case what
        Case 1: Loan = Pmt(0.1, 2, 1000)
        Case 2: Loan = IPmt(0.1, 1, 2, 1000)
        Case 3: Loan = PPmt(0.1, 1, 2, 1000)
        Case 4: Loan = FV(0.1, 2, 0, -1000)
        Case 5: Loan = PV(0, 12, -100)
        Case 6: Loan = NPer(0, -100, 1200)
        Case 7: Loan = Rate(2, Pmt(0.1, 2, 1000), 1000)
        Case 8: Loan = IPmt(0.1, 1, 2, 1000, 0, 1)
        Case 9: Loan = Pmt(0.1, 0, 1000)
    End Select
End Function

Function Flows(ByVal what As Integer) As Double
    Dim Values(5) As Double
    Values(0) = -70000
    Values(1) = 22000: Values(2) = 25000
    Values(3) = 28000: Values(4) = 31000
    Select Case what
        Case 1: Flows = NPV(0.0625, Values())
        Case 2: Flows = IRR(Values(), 0.1)
        Case 3: Flows = MIRR(Values(), 0.1, 0.12)
    End Select
End Function

Function Depreciation(ByVal what As Integer) As Double
    Select Case what
        Case 1: Depreciation = SLN(2400, 300, 10)
        Case 2: Depreciation = SYD(2400, 300, 10, 1)
        Case 3: Depreciation = DDB(2400, 300, 10, 1)
        Case 4: Depreciation = DDB(2400, 300, 10, 2, 1.5)
        Case 5: Depreciation = DDB(2400, 300, 10, 11)
    End Select
End Function
"""

FLOWS = [-70000.0, 22000.0, 25000.0, 28000.0, 31000.0, 0.0]


@pytest.mark.parametrize(
    ("what", "expected"),
    [
        # the annuity equation of the "PV function" page for a loan of 1000 at 10% in two
        # payments: 1000 * 1.21 = -p * 2.1
        (1, -1000 * 1.21 * 0.1 / 0.21),
        (2, -100.0),  # interest of the first period: 10% of 1000 ("IPmt function")
        (3, -1000 * 1.21 * 0.1 / 0.21 + 100),  # the rest of the payment is principal
        (4, 1210.0),  # 1000 after two years at 10% ("FV function")
        (5, 1200.0),  # at rate 0 the payments' sum ("PV function")
        (6, 12.0),  # "NPer function"
        (7, 0.1),  # "Rate function": the rate the payment was made at
        (8, 0.0),  # due at the beginning: the first payment carries no interest
        (9, ("error", 5)),  # no periods
    ],
)
def test_annuity_functions(run_vba, what, expected):
    """Pages "Pmt function", "IPmt function", "PPmt function", "FV function", "PV
    function", "NPer function", "Rate function": one annuity, cash paid out negative."""
    module = run_vba(FINANCE)
    actual = agree(module, FINANCE, "Loan", what)
    if isinstance(expected, tuple):
        assert actual == expected
    else:
        assert actual == pytest.approx(expected, rel=1e-9, abs=1e-9)


def test_cash_flow_functions_of_the_page_examples(run_vba):
    """Pages "NPV function", "IRR function", "MIRR function", with their example's
    Values(5): NPV discounts the first flow one period ("The NPV investment begins one
    period before the date of the first cash flow value"); IRR is accurate "to within
    0.00001 percent" (the root found by bisection here); MIRR grows the payments' value
    at the finance rate into the receipts' value at the reinvestment rate."""
    module = run_vba(FINANCE)
    npv = sum(v / 1.0625 ** (i + 1) for i, v in enumerate(FLOWS))
    assert agree(module, FINANCE, "Flows", 1) == pytest.approx(npv, rel=1e-12)
    low, high = 0.0, 1.0
    for _ in range(200):
        middle = (low + high) / 2
        worth = sum(v / (1 + middle) ** i for i, v in enumerate(FLOWS))
        low, high = (middle, high) if worth > 0 else (low, middle)
    assert agree(module, FINANCE, "Flows", 2) == pytest.approx(low, abs=1e-7)
    paid = -70000.0
    received = sum(v * 1.12 ** (5 - i) for i, v in enumerate(FLOWS) if v > 0)
    mirr = (received / -paid) ** (1 / 5) - 1
    assert agree(module, FINANCE, "Flows", 3) == pytest.approx(mirr, rel=1e-12)


@pytest.mark.parametrize(
    ("what", "expected"),
    [
        (1, 210.0),  # (cost - salvage) / life ("SLN function")
        (2, 2100 * 10 / 55),  # sum-of-years' digits, first year ("SYD function")
        (3, 480.0),  # 2 / 10 of 2400 ("DDB function")
        (4, 306.0),  # 1.5 / 10 of the 2040 left after the first year
        (5, ("error", 5)),  # period > life
    ],
)
def test_depreciation_functions(run_vba, what, expected):
    """Pages "SLN function", "SYD function", "DDB function" (with the Min(...) formula of
    WorksheetFunction.Ddb): an asset of 2400, salvage 300, a life of 10 years."""
    module = run_vba(FINANCE)
    actual = agree(module, FINANCE, "Depreciation", what)
    if isinstance(expected, tuple):
        assert actual == expected
    else:
        assert actual == pytest.approx(expected, rel=1e-12)


INTERACTION = """
Function Ranges() As String
    Ranges = "[" & Partition(-1, 0, 99, 5) & "][" & Partition(0, 0, 99, 5) & "][" & _
        Partition(97, 0, 99, 5) & "][" & Partition(100, 0, 99, 5) & "][" & _
        Partition(1005, 100, 1010, 20) & "][" & Partition(100, 0, 1000, 1) & "]"
End Function

Function Colors() As String
    Colors = QBColor(0) & "," & QBColor(12) & "," & QBColor(9) & "," & QBColor(15)
End Function

Function NullRange()
    NullRange = IsNull(Partition(Null, 0, 99, 5))
End Function
"""


def test_partition(run_vba):
    """Page "Partition function": the table's ranges for start 0, stop 99, interval 5
    (before the first, the first, the last, after the last) and for start 100, stop 1010,
    interval 20 (the last range ends at stop), each side padded to stop's digits plus one;
    an interval of 1 gives number:number; Null gives Null."""
    module = run_vba(INTERACTION)
    assert agree(module, INTERACTION, "Ranges") == (
        "[   : -1][  0:  4][ 95: 99][100:   ][ 1000: 1010][  100:  100]"
    )
    assert agree(module, INTERACTION, "NullRange") is True


def test_qbcolor(run_vba):
    """Page "QBColor function": 0 Black, 12 Light red, 9 Light blue, 15 Bright white as
    RGB codes, red in the least-significant byte."""
    module = run_vba(INTERACTION)
    assert agree(module, INTERACTION, "Colors") == "0,255,16711680,16777215"


SETTINGS = """
Function Example() As String
    Dim MySettings As Variant, intSettings As Integer, out As String
    SaveSetting appname := "MyApp", section := "Startup", _
    key := "Top", setting := 75
    Call SaveSetting("MyApp","Startup", "Left", 50)
    out = GetSetting(appname := "MyApp", section := "Startup", key := "Left", default := "25")
    MySettings = GetAllSettings(appname := "MyApp", section := "Startup")
    For intSettings = LBound(MySettings, 1) To UBound(MySettings, 1)
        out = out & "|" & MySettings(intSettings, 0) & "=" & MySettings(intSettings, 1)
    Next intSettings
    DeleteSetting "MyApp", "Startup"
    Example = out & "|" & GetSetting("MyApp", "Startup", "Left", "gone") & "|" & _
        IsEmpty(GetAllSettings("MyApp", "Startup"))
End Function

Function Fresh() As String
    Fresh = GetSetting("MyApp", "Startup", "Top")
End Function

Sub DeleteMissing()
    DeleteSetting "MyApp", "Nowhere", "Top"
End Sub
"""


def test_settings_examples(run_vba):
    """Pages "GetSetting function" and "GetAllSettings function", their examples: two
    settings saved, GetSetting "Left" is 50, GetAllSettings lists (key, value) rows
    indexed (i, 0) and (i, 1); after DeleteSetting of the section GetSetting gives its
    default and GetAllSettings "an uninitialized Variant"."""
    module = run_vba(SETTINGS)
    assert agree(module, SETTINGS, "Example") == "50|Top=75|Left=50|gone|True"


def test_settings_are_recorded_and_never_kept_between_runs(run_vba):
    """The settings store is the program's own, empty at the start (the oracle's: "If any
    of the items named in the GetSetting arguments don't exist, GetSetting returns the
    value of default", "" if omitted), and every call is recorded in vba.effects."""
    module = run_vba(SETTINGS)
    module.vba.effects.clear()
    module.example()
    kinds = [e["kind"] for e in module.vba.effects]
    assert kinds[:3] == ["savesetting", "savesetting", "getsetting"]
    assert module.vba.effects[0] == {
        "kind": "savesetting",
        "appname": "MyApp",
        "section": "Startup",
        "key": "Top",
        "setting": "75",
    }
    assert agree(run_vba(SETTINGS), SETTINGS, "Fresh") == ""


def test_deletesetting_of_a_missing_section_is_error_5(run_vba):
    """Page "DeleteSetting statement": "A run-time error occurs if you attempt to use the
    DeleteSetting statement on a non-existent section or key setting"."""
    module = run_vba(SETTINGS)
    assert agree(module, SETTINGS, "DeleteMissing") == ("error", 5)


SCRIPT = """
Function Periods(x)
    nper = x + 1
    rate = nper * 2
    Periods = rate + nper
End Function
"""


def test_a_script_variable_named_like_a_vba_library_function(run_vba):
    """VBScript declares a variable on first use and has no financial functions (its
    function list has no NPer or Rate), so in a script `nper` and `rate` are variables: a
    bare name of a library function that needs arguments is never a call (in VBA it would
    be "Argument not optional"). The interpreter runs the script the same way."""
    from transform.parse.vba_lower import parse_text
    from transform.runtimes.vba.interpreter import Project

    module = run_vba(SCRIPT, name="periods", file="periods.vbs")
    assert module.periods(3) == 12
    observation = Project([parse_text(SCRIPT, "periods.vbs")]).call("Periods", [3])
    assert observation.error is None and observation.result == 12
