"""Expressions evaluated by the interpreter from VBA source.

Each case: the expression, the value VBA gives (type included), and where that value
is documented ([MS-VBAL] section or the VBA reference page).
"""

from __future__ import annotations

import pytest

from transform.runtimes.vba.values import Currency, Date, Empty, Integer, Null, Single

from .vba_helpers import Raised, evaluate, same

VBAL_LIT = "MS-VBAL 3.3.2 (number tokens: Integer, Long, Double by size; suffixes)"
VBAL_ARITH = "MS-VBAL 5.6.9.3 (arithmetic operators, effective types)"
VBAL_ADD = "MS-VBAL 5.6.9.3.3 + operator"
VBAL_MUL = "MS-VBAL 5.6.9.3.5 * operator"
VBAL_DIV = "MS-VBAL 5.6.9.3.6 / operator"
VBAL_IDIV = "MS-VBAL 5.6.9.3.7 \\ operator"
VBAL_MOD = "MS-VBAL 5.6.9.3.8 Mod operator"
VBAL_POW = "MS-VBAL 5.6.9.3.9 ^ operator"
VBAL_NEG = "MS-VBAL 5.6.9.3.1 unary - operator"
VBAL_CONCAT = "MS-VBAL 5.6.9.4 & operator"
VBAL_REL = "MS-VBAL 5.6.9.5 relational operators"
VBAL_LIKE = "MS-VBAL 5.6.9.6 Like operator"
VBAL_LOGIC = "MS-VBAL 5.6.9.8 logical operators"
VBAL_PREC = "MS-VBAL 5.6.9 operator precedence table"
DOC_CONV = "VBA reference: Type conversion functions"
DOC_STR = "VBA reference: String functions (Left/Mid/InStr/Replace ... pages)"
DOC_MATH = "VBA reference: Math functions (Int, Fix, Round, Sgn, Abs pages)"
DOC_INFO = "VBA reference: TypeName / VarType / IsNumeric pages"
DOC_DATE = "VBA reference: DateSerial / DateAdd / DateDiff / Weekday pages"
DOC_FMT = "VBA reference: Format function"
DOC_MISC = "VBA reference: IIf / Choose / Switch functions"

CASES: list[tuple[str, object, str]] = [
    # literals and their types
    ("TypeName(1)", "Integer", VBAL_LIT),
    ("TypeName(32767)", "Integer", VBAL_LIT),
    ("TypeName(32768)", "Long", VBAL_LIT),
    ("TypeName(-32768)", "Long", "MS-VBAL 3.3.2: literals have no sign; 32768 is a Long"),
    ("TypeName(2147483647)", "Long", VBAL_LIT),
    ("TypeName(2147483648)", "Double", VBAL_LIT),
    ("TypeName(1.5)", "Double", VBAL_LIT),
    ("TypeName(1#)", "Double", VBAL_LIT),
    ("TypeName(1!)", "Single", VBAL_LIT),
    ("TypeName(1@)", "Currency", VBAL_LIT),
    ("TypeName(1&)", "Long", VBAL_LIT),
    ("TypeName(1%)", "Integer", VBAL_LIT),
    ("TypeName(1E3)", "Double", VBAL_LIT),
    ("&H10", Integer(16), VBAL_LIT),
    ("&HFF", Integer(255), VBAL_LIT),
    ("&H8000", Integer(-32768), VBAL_LIT),
    ("&HFFFF", Integer(-1), VBAL_LIT),
    ("&H8000&", 32768, VBAL_LIT),
    ("&HFFFFFFFF", -1, VBAL_LIT),
    ("&O17", Integer(15), VBAL_LIT),
    ("&O777", Integer(511), VBAL_LIT),
    ("TypeName(&H10000)", "Long", VBAL_LIT),
    ("1E3", 1000.0, VBAL_LIT),
    ("2.5E-1", 0.25, VBAL_LIT),
    ('"a""b"', 'a"b', "MS-VBAL 3.3.4 string tokens (doubled quote)"),
    ('Len("")', 0, DOC_STR),
    ("TypeName(#1/2/2003#)", "Date", "MS-VBAL 3.3.3 date tokens"),
    ("Month(#1/2/2003#)", Integer(1), "MS-VBAL 3.3.3 date tokens (month/day/year)"),
    ("Day(#1/2/2003#)", Integer(2), "MS-VBAL 3.3.3 date tokens"),
    ("CDbl(#12/31/1899#)", 1.0, "MS-VBAL 2.2 Date: days since 1899-12-30"),
    ("CDbl(#12/30/1899#)", 0.0, "MS-VBAL 2.2 Date: days since 1899-12-30"),
    ("TypeName(True)", "Boolean", VBAL_LIT),
    ("CInt(True)", Integer(-1), "MS-VBAL 5.5.1.2.1 Let-coercion from Boolean: True is -1"),
    ("TypeName(Empty)", "Empty", DOC_INFO),
    ("TypeName(Null)", "Null", DOC_INFO),
    ("TypeName(Nothing)", "Nothing", DOC_INFO),
    # arithmetic with effective types and overflow
    ("1 + 1", Integer(2), VBAL_ADD),
    ("TypeName(1 + 1)", "Integer", VBAL_ADD),
    ("32767 + 1", Raised(6), VBAL_ADD),
    ("32767& + 1", 32768, VBAL_ADD),
    ("-32767 - 2", Raised(6), VBAL_ARITH),
    ("200 * 200", Raised(6), VBAL_MUL),
    ("200& * 200", 40000, VBAL_MUL),
    ("100 * 300", Integer(30000), VBAL_MUL),
    ("-128 * 256", Integer(-32768), VBAL_MUL),
    ("2147483647 + 1", Raised(6), VBAL_ADD),
    ("TypeName(1 + 1&)", "Long", VBAL_ADD),
    ("TypeName(1 + 1.5)", "Double", VBAL_ADD),
    ("TypeName(1 + 1!)", "Single", VBAL_ADD),
    ("TypeName(1& + 1!)", "Double", VBAL_ADD),
    ("TypeName(1@ + 1)", "Currency", VBAL_ADD),
    ("TypeName(CByte(1) + CByte(1))", "Byte", VBAL_ADD),
    ("CByte(200) + CByte(100)", Raised(6), VBAL_ADD),
    ("TypeName(True + True)", "Integer", VBAL_ADD),
    ("True + True", Integer(-2), VBAL_ADD),
    ('"1" + 2', 3.0, VBAL_ADD),
    ('"1" + "2"', "12", VBAL_ADD),
    ('"a" + 1', Raised(13), VBAL_ADD),
    ("Null + 1", Null, VBAL_ADD),
    ("Empty + 1", Integer(1), VBAL_ADD),
    ("TypeName(Empty + Empty)", "Integer", VBAL_ADD),
    ("10 - 4", Integer(6), "MS-VBAL 5.6.9.3.4 binary - operator"),
    ("#1/10/2000# - #1/1/2000#", 9.0, "MS-VBAL 5.6.9.3.4 Date - Date gives Double"),
    ("TypeName(#1/1/2000# + 1)", "Date", VBAL_ADD),
    ("7 / 2", 3.5, VBAL_DIV),
    ("TypeName(4 / 2)", "Double", VBAL_DIV),
    ("1 / 0", Raised(11), VBAL_DIV),
    ("0 / 0", Raised(6), VBAL_DIV),
    ("1 / 3", 1 / 3, VBAL_DIV),
    ("7 \\ 2", Integer(3), VBAL_IDIV),
    ("-7 \\ 2", Integer(-3), VBAL_IDIV),
    ("7.5 \\ 2", 4, VBAL_IDIV),
    ("6.5 \\ 2", 3, VBAL_IDIV),
    ("1 \\ 0", Raised(11), VBAL_IDIV),
    ("TypeName(7 \\ 2)", "Integer", VBAL_IDIV),
    ("TypeName(7.5 \\ 2)", "Long", VBAL_IDIV),
    ("7 Mod 3", Integer(1), VBAL_MOD),
    ("-7 Mod 3", Integer(-1), VBAL_MOD),
    ("7 Mod -3", Integer(1), VBAL_MOD),
    ("5.5 Mod 2", 0, VBAL_MOD),
    ("6.5 Mod 4", 2, VBAL_MOD),
    ("5 Mod 0", Raised(11), VBAL_MOD),
    ("2 ^ 10", 1024.0, VBAL_POW),
    ("TypeName(2 ^ 2)", "Double", VBAL_POW),
    ("2 ^ -1", 0.5, VBAL_POW),
    ("-2 ^ 2", -4.0, VBAL_PREC),
    ("(-2) ^ 2", 4.0, VBAL_POW),
    ("2 ^ 3 ^ 2", 64.0, "MS-VBAL 5.6.9: ^ is left-associative"),
    ("-(&H8000)", Raised(6), VBAL_NEG),
    ("-5", Integer(-5), VBAL_NEG),
    ("-True", Integer(1), VBAL_NEG),
    # precedence
    ("1 + 2 * 3", Integer(7), VBAL_PREC),
    ("(1 + 2) * 3", Integer(9), VBAL_PREC),
    ("10 - 2 - 3", Integer(5), VBAL_PREC),
    ("2 * 3 \\ 2", Integer(3), VBAL_PREC),
    ("7 \\ 2 * 2", Integer(1), "MS-VBAL 5.6.9: * binds tighter than \\"),
    ("10 Mod 4 \\ 2", Integer(0), "MS-VBAL 5.6.9: \\ binds tighter than Mod"),
    ("1 + 10 Mod 4", Integer(3), "MS-VBAL 5.6.9: Mod binds tighter than +"),
    ('"a" & 1 + 2', "a3", "MS-VBAL 5.6.9: + binds tighter than &"),
    ('"x" & 2 * 3', "x6", VBAL_PREC),
    ("1 + 1 = 2", True, "MS-VBAL 5.6.9: comparison below arithmetic"),
    ("Not 1 = 2", True, "MS-VBAL 5.6.9: Not below comparison"),
    ("True Or False And False", True, "MS-VBAL 5.6.9: And above Or"),
    ("1 < 2 And 2 < 3", True, VBAL_PREC),
    ("False Imp False", True, VBAL_LOGIC),
    # concatenation
    ('"a" & "b"', "ab", VBAL_CONCAT),
    ('"a" & 1', "a1", VBAL_CONCAT),
    ("1 & 2", "12", VBAL_CONCAT),
    ('"a" & Null', "a", VBAL_CONCAT),
    ("Null & Null", Null, VBAL_CONCAT),
    ('"a" & Empty', "a", VBAL_CONCAT),
    ('"v" & True', "vTrue", VBAL_CONCAT),
    ('"n" & 1.5', "n1.5", VBAL_CONCAT),
    ('"n" & -0.5', "n-0.5", VBAL_CONCAT),
    ('"d" & #1/2/2003#', "d1/2/2003", "VBA reference: CStr of a Date uses the short date"),
    ('"x" & 0.1 + 0.2', "x0.3", "MS-VBAL 5.5.1.2.6: Double to String, 15 significant digits"),
    ('"x" & 1 / 3', "x0.333333333333333", "MS-VBAL 5.5.1.2.6"),
    ('"x" & 1E+15', "x1E+15", "MS-VBAL 5.5.1.2.6 (exponent form)"),
    ('"x" & 1E-05', "x1E-05", "MS-VBAL 5.5.1.2.6 (exponent form)"),
    ('"x" & 123456789012345', "x123456789012345", "MS-VBAL 5.5.1.2.6"),
    ('"x" & CSng(1) / 3', "x0.3333333", "MS-VBAL 5.5.1.2.6: Single keeps 7 digits"),
    # comparisons
    ("1 = 1", True, VBAL_REL),
    ("1 <> 1", False, VBAL_REL),
    ("1 < 2", True, VBAL_REL),
    ("2 <= 2", True, VBAL_REL),
    ("3 > 2", True, VBAL_REL),
    ("2 >= 3", False, VBAL_REL),
    ('"a" < "b"', True, VBAL_REL),
    ('"a" = "A"', False, "MS-VBAL 5.6.9.5: Option Compare Binary compares code units"),
    ('"B" < "a"', True, "MS-VBAL 5.6.9.5: binary comparison"),
    ('"abc" < "abd"', True, VBAL_REL),
    ('"ab" < "abc"', True, VBAL_REL),
    ("1 = Null", Null, VBAL_REL),
    ("Null = Null", Null, VBAL_REL),
    ("Empty = 0", True, VBAL_REL),
    ('Empty = ""', True, VBAL_REL),
    ("1.5 = 1.5", True, VBAL_REL),
    ("#1/1/2000# < #1/2/2000#", True, VBAL_REL),
    ("1 < 1.5", True, VBAL_REL),
    ("TypeName(1 = 1)", "Boolean", VBAL_REL),
    ("Nothing Is Nothing", True, "MS-VBAL 5.6.9.7 Is operator"),
    # Like
    ('"abc" Like "a*"', True, VBAL_LIKE),
    ('"abc" Like "a?c"', True, VBAL_LIKE),
    ('"abc" Like "a?"', False, VBAL_LIKE),
    ('"a1" Like "a#"', True, VBAL_LIKE),
    ('"ab" Like "a#"', False, VBAL_LIKE),
    ('"b" Like "[a-c]"', True, VBAL_LIKE),
    ('"d" Like "[!a-c]"', True, VBAL_LIKE),
    ('"ABC" Like "abc"', False, "MS-VBAL 5.6.9.6: binary Like is case-sensitive"),
    ('"a*b" Like "a[*]b"', True, VBAL_LIKE),
    ('"" Like "*"', True, VBAL_LIKE),
    ('"12345" Like "#####"', True, VBAL_LIKE),
    ('"AB-1234-X" Like "[A-Z][A-Z]-####-[A-Z]"', True, VBAL_LIKE),
    ('Null Like "a"', Null, VBAL_LIKE),
    # logical / bitwise
    ("True And False", False, VBAL_LOGIC),
    ("True Or False", True, VBAL_LOGIC),
    ("True Xor True", False, VBAL_LOGIC),
    ("True Eqv False", False, VBAL_LOGIC),
    ("True Imp False", False, VBAL_LOGIC),
    ("Not True", False, VBAL_LOGIC),
    ("Not 0", Integer(-1), VBAL_LOGIC),
    ("Not 5", Integer(-6), VBAL_LOGIC),
    ("12 And 10", Integer(8), VBAL_LOGIC),
    ("12 Or 10", Integer(14), VBAL_LOGIC),
    ("12 Xor 10", Integer(6), VBAL_LOGIC),
    ("TypeName(1& And 1)", "Long", VBAL_LOGIC),
    ("Null And False", False, VBAL_LOGIC),
    ("Null And True", Null, VBAL_LOGIC),
    ("Null Or True", True, VBAL_LOGIC),
    ("Null Or False", Null, VBAL_LOGIC),
    ("Not Null", Null, VBAL_LOGIC),
    # conversions
    ("CInt(2.5)", Integer(2), DOC_CONV),
    ("CInt(3.5)", Integer(4), DOC_CONV),
    ("CInt(-2.5)", Integer(-2), DOC_CONV),
    ("CInt(2.6)", Integer(3), DOC_CONV),
    ("CInt(32767.5)", Raised(6), DOC_CONV),
    ('CInt("12")', Integer(12), DOC_CONV),
    ('CInt("1e2")', Integer(100), DOC_CONV),
    ('CInt("abc")', Raised(13), DOC_CONV),
    ("CInt(Null)", Raised(94), DOC_CONV),
    ("CLng(2.5)", 2, DOC_CONV),
    ("CLng(-1.5)", -2, DOC_CONV),
    ('CLng("&HFF")', 255, DOC_CONV),
    ("CDbl(1)", 1.0, DOC_CONV),
    ('CDbl("1.25")', 1.25, DOC_CONV),
    ("CBool(0)", False, DOC_CONV),
    ("CBool(-3)", True, DOC_CONV),
    ('CBool("True")', True, DOC_CONV),
    ('CBool("false")', False, DOC_CONV),
    ('CBool("x")', Raised(13), DOC_CONV),
    ("CByte(255)", None, DOC_CONV),
    ("CByte(256)", Raised(6), DOC_CONV),
    ("CByte(-1)", Raised(6), DOC_CONV),
    ("CStr(5)", "5", DOC_CONV),
    ("CStr(-5.5)", "-5.5", DOC_CONV),
    ("CStr(True)", "True", DOC_CONV),
    ("CStr(1E+16)", "1E+16", DOC_CONV),
    ("CCur(1.23456)", Currency(12346), DOC_CONV),
    ("CCur(0.00005)", Currency(0), "Type conversion functions: Currency rounds half to even"),
    ("CCur(0.00015)", Currency(2), "Type conversion functions: Currency rounds half to even"),
    ("TypeName(CDec(1))", "Decimal", DOC_CONV),
    ("CSng(0.1)", Single(0.1), DOC_CONV),
    ("CDate(1)", Date(1.0), DOC_CONV),
    ('CDate("2024-03-01")', Date(45352.0), DOC_CONV),
    ('Val(" 1 2x")', 12.0, "VBA reference: Val function"),
    ('Val("&H10")', 16.0, "VBA reference: Val function"),
    ('Val("abc")', 0.0, "VBA reference: Val function"),
    ('Val("1.5e2")', 150.0, "VBA reference: Val function"),
    ('Val("-3.7")', -3.7, "VBA reference: Val function"),
    ("Str(5)", " 5", "VBA reference: Str function (leading sign space)"),
    ("Str(-5)", "-5", "VBA reference: Str function"),
    ("Hex(255)", "FF", "VBA reference: Hex function"),
    ("Hex(-1)", "FFFF", "VBA reference: Hex function (Integer -1)"),
    ("Oct(8)", "10", "VBA reference: Oct function"),
    # maths
    ("Int(-8.4)", -9.0, DOC_MATH),
    ("Fix(-8.4)", -8.0, DOC_MATH),
    ("Int(8.7)", 8.0, DOC_MATH),
    ("Int(-8)", Integer(-8), DOC_MATH),
    ("Round(2.5)", 2.0, DOC_MATH),
    ("Round(3.5)", 4.0, DOC_MATH),
    ("Round(0.12345, 4)", 0.1234, DOC_MATH),
    ("Round(1.005, 2)", 1.0, DOC_MATH),
    ("Abs(-3)", Integer(3), DOC_MATH),
    ("Abs(-2.5)", 2.5, DOC_MATH),
    ("Sgn(-7)", Integer(-1), DOC_MATH),
    ("Sgn(0)", Integer(0), DOC_MATH),
    ("Sqr(16)", 4.0, DOC_MATH),
    ("Sqr(-1)", Raised(5), DOC_MATH),
    ("Log(0)", Raised(5), DOC_MATH),
    ("Exp(0)", 1.0, DOC_MATH),
    # strings
    ('Len("hello")', 5, DOC_STR),
    ("Len(Null)", Null, DOC_STR),
    ('Left("hello", 2)', "he", DOC_STR),
    ('Left("hi", 10)', "hi", DOC_STR),
    ('Right("hello", 3)', "llo", DOC_STR),
    ('Right("hi", 5)', "hi", DOC_STR),
    ('Mid("hello", 2, 3)', "ell", DOC_STR),
    ('Mid("hello", 4)', "lo", DOC_STR),
    ('Mid("hello", 9)', "", DOC_STR),
    ('Mid("hello", 0)', Raised(5), DOC_STR),
    ('Left("abc", -1)', Raised(5), DOC_STR),
    ("Left$(Null, 1)", Raised(94), DOC_STR),
    ("Left(Null, 1)", Null, DOC_STR),
    ('InStr("hello", "l")', 3, DOC_STR),
    ('InStr(4, "hello", "l")', 4, DOC_STR),
    ('InStr("hello", "z")', 0, DOC_STR),
    ('InStr("hello", "")', 1, DOC_STR),
    ('InStr("Hello", "h")', 0, DOC_STR),
    ('InStr(1, "Hello", "h", vbTextCompare)', 1, DOC_STR),
    ('InStrRev("a.b.c", ".")', 4, DOC_STR),
    ('Replace("aaa", "a", "b")', "bbb", DOC_STR),
    ('Replace("abcabc", "b", "X", 3)', "caXc", DOC_STR),
    ('Replace("aXa", "x", "-", , , vbTextCompare)', "a-a", DOC_STR),
    ('Replace("a.b.c", ".", "", 1, 1)', "ab.c", DOC_STR),
    ('Trim("  a b  ")', "a b", DOC_STR),
    ('LTrim("  a ")', "a ", DOC_STR),
    ('RTrim(" a  ")', " a", DOC_STR),
    ('UCase("abc")', "ABC", DOC_STR),
    ('LCase("ABC")', "abc", DOC_STR),
    ('StrComp("a", "b")', Integer(-1), DOC_STR),
    ('StrComp("a", "A")', Integer(1), DOC_STR),
    ('StrComp("a", "A", vbTextCompare)', Integer(0), DOC_STR),
    ('StrReverse("abc")', "cba", DOC_STR),
    ("Space(3)", "   ", DOC_STR),
    ('String(3, "x")', "xxx", DOC_STR),
    ("String(2, 65)", "AA", DOC_STR),
    ('Asc("A")', Integer(65), DOC_STR),
    ('Asc("")', Raised(5), DOC_STR),
    ("Chr(65)", "A", DOC_STR),
    ("Chr(256)", Raised(5), DOC_STR),
    ('StrConv("hello world", vbProperCase)', "Hello World", DOC_STR),
    ('Join(Split("a,b,c", ","), "-")', "a-b-c", DOC_STR),
    ('UBound(Split("a,b,c", ","))', 2, DOC_STR),
    ('UBound(Split(""))', -1, DOC_STR),
    ('UBound(Split("a,b,c", ",", 2))', 1, DOC_STR),
    ('Split("a,b,c", ",", 2)(1)', "b,c", DOC_STR),
    ('Join(Array("a", 1, True))', "a 1 True", DOC_STR),
    ('Join(Filter(Array("ab", "cd", "ad"), "a"), ",")', "ab,ad", DOC_STR),
    # information
    ('IsNumeric("12.5")', True, DOC_INFO),
    ('IsNumeric("12a")', False, DOC_INFO),
    ('IsNumeric("")', False, DOC_INFO),
    ("IsNumeric(Empty)", True, DOC_INFO),
    ('IsDate("2024-02-30")', False, DOC_INFO),
    ('IsDate("1/31/2024")', True, DOC_INFO),
    ("IsEmpty(Empty)", True, DOC_INFO),
    ("IsNull(Null)", True, DOC_INFO),
    ("IsArray(Array())", True, DOC_INFO),
    ("IsObject(Nothing)", True, DOC_INFO),
    ("IsError(CVErr(5))", True, DOC_INFO),
    ("VarType(1)", 2, DOC_INFO),
    ("VarType(1&)", 3, DOC_INFO),
    ('VarType("s")', 8, DOC_INFO),
    ("VarType(Array(1))", 8204, DOC_INFO),
    ("VarType(Null)", 1, DOC_INFO),
    ("TypeName(Array(1))", "Variant()", DOC_INFO),
    ("TypeName(CVErr(5))", "Error", DOC_INFO),
    # dates
    ("DateSerial(2024, 2, 30)", Date(45352.0), DOC_DATE),
    ("DateSerial(2023, 13, 0)", Date(45291.0), DOC_DATE),
    ("Weekday(#3/1/2024#)", Integer(6), DOC_DATE),
    ("Weekday(#3/1/2024#, vbMonday)", Integer(5), DOC_DATE),
    ('DateAdd("m", 1, #1/31/2024#)', Date(45351.0), DOC_DATE),
    ('DateDiff("d", #1/1/2024#, #3/1/2024#)', 60, DOC_DATE),
    ('DateDiff("yyyy", #12/31/2023#, #1/1/2024#)', 1, DOC_DATE),
    ('DatePart("q", #8/15/2023#)', 3, DOC_DATE),
    ("Year(#2/29/2024#)", Integer(2024), DOC_DATE),
    ("TimeSerial(1, 30, 0)", Date(0.0625), DOC_DATE),
    ("MonthName(2)", "February", DOC_DATE),
    ("WeekdayName(1)", "Sunday", DOC_DATE),
    ("Date", Date(45492.0), "VBA reference: Date function (fixed test clock 2024-07-19)"),
    ("Year(Now)", Integer(2024), "VBA reference: Now function (fixed test clock)"),
    # format
    ('Format(1234.5, "#,##0.00")', "1,234.50", DOC_FMT),
    ('Format(0.5, "0%")', "50%", DOC_FMT),
    ('Format(5, "000")', "005", DOC_FMT),
    ('Format(#3/1/2024#, "yyyy-mm-dd")', "2024-03-01", DOC_FMT),
    ('Format(#3/1/2024#, "dddd")', "Friday", DOC_FMT),
    ('Format(-1234.5, "Currency")', "($1,234.50)", DOC_FMT),
    ('Format("abc", ">")', "ABC", DOC_FMT),
    ('Format(1.5, "Fixed")', "1.50", DOC_FMT),
    ('Format(0, "Yes/No")', "No", DOC_FMT),
    ('Format$(12, "@@@@")', "  12", DOC_FMT),
    # misc functions
    ('IIf(1 > 2, "a", "b")', "b", DOC_MISC),
    ('Choose(2, "a", "b", "c")', "b", DOC_MISC),
    ('Choose(4, "a", "b", "c")', Null, DOC_MISC),
    ("Switch(False, 1, True, 2)", Integer(2), DOC_MISC),
    ("RGB(255, 0, 0)", 255, "VBA reference: RGB function"),
    ("RGB(0, 0, 255)", 16711680, "VBA reference: RGB function"),
    ("UBound(Array(1, 2, 3))", 2, "VBA reference: Array function (LBound 0)"),
    ("LBound(Array(1, 2, 3))", 0, "VBA reference: Array function"),
    ("Array(1, 2, 3)(1)", Integer(2), "VBA reference: Array function"),
    ("UBound(Array())", -1, "VBA reference: Array function (empty array)"),
    ("vbCrLf", "\r\n", "VBA reference: Miscellaneous constants"),
    ("Len(vbNullString)", 0, "VBA reference: Miscellaneous constants"),
    ("vbObjectError", -2147221504, "VBA reference: Raise method (vbObjectError)"),
    ("vbTextCompare", 1, "VBA reference: StrComp constants"),
    ('VBA.Left("abc", 1)', "a", "MS-VBAL 6.1: the VBA library qualifier"),
    ("Error(11)", "Division by zero", "VBA reference: Error function / Trappable errors"),
]

CASES = [c for c in CASES if c[1] is not None]


@pytest.mark.parametrize(("expr", "expected", "source"), CASES, ids=[c[0] for c in CASES])
def test_expression(expr: str, expected: object, source: str) -> None:
    actual = evaluate(expr)
    assert same(actual, expected), f"{expr} -> {actual!r}, expected {expected!r} ({source})"


TEXT_CASES = [
    ('"a" = "A"', True),
    ('"abc" < "ABD"', True),
    ('"ABC" Like "abc"', True),
    ('InStr("Hello", "h")', 1),
    ('StrComp("a", "A")', Integer(0)),
    ('Replace("aXa", "x", "-")', "a-a"),
    ('UBound(Split("aXbxc", "x"))', 2),
]


@pytest.mark.parametrize(("expr", "expected"), TEXT_CASES)
def test_option_compare_text(expr: str, expected: object) -> None:
    """MS-VBAL 5.2.1.1: Option Compare Text makes comparisons, Like and the string
    functions' default compare case-insensitive."""
    actual = evaluate(expr, header="Option Compare Text")
    assert same(actual, expected), f"{expr} -> {actual!r}"


def test_option_base_1_array_function() -> None:
    """VBA reference, Array function: the lower bound follows Option Base."""
    assert evaluate("LBound(Array(1, 2))", header="Option Base 1") == 1


def test_empty_is_integer_in_sum() -> None:
    """MS-VBAL 5.5.1.2.1: Empty Let-coerces to 0 in arithmetic."""
    assert same(evaluate("Empty * 5"), Integer(0))


def test_string_empty_concat_is_empty_string() -> None:
    """MS-VBAL 5.6.9.4: Empty & Empty is the empty String (not Null)."""
    assert evaluate("Empty & Empty") == "" and evaluate("TypeName(Empty & Empty)") == "String"


def test_empty_variant_value() -> None:
    """MS-VBAL 2.1: an uninitialised Variant function result is Empty."""
    assert evaluate("Empty") is Empty
