"""The sample projects run end to end; outputs checked against their EXPECTED.md
(hand-computed from MS-VBAL and the VBA reference, not from any interpreter)."""

from __future__ import annotations

import csv
import datetime
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from transform.parse.vba_lower import parse_file, parse_text
from transform.runtimes.vba.datetime_ import Clock, set_clock
from transform.runtimes.vba.interpreter import Project, load_project
from transform.runtimes.vba.values import Currency, Integer

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
CODE = (".bas", ".cls", ".frm", ".ctl")


def expected_blocks(project: str) -> list[list[str]]:
    text = (SAMPLES / project / "EXPECTED.md").read_text(encoding="utf-8")
    return [b.split("\n")[:-1] for b in re.findall(r"```expected-output\n(.*?)```", text, re.S)]


def code_files(project: str) -> list[Path]:
    return sorted(p for p in (SAMPLES / project).iterdir() if p.suffix.lower() in CODE)


def with_harness(project: str, cases: list[tuple[str, object]]) -> Project:
    """The project plus a module with one function per case expression."""
    lines = []
    for i, (expr, _) in enumerate(cases):
        setter = "Set " if expr.startswith("Set:") else ""
        body = expr.removeprefix("Set:")
        lines.append(f"Public Function Case{i}()\n    {setter}Case{i} = {body}\nEnd Function")
    harness = parse_text("\n".join(lines) + "\n", "Harness.bas")
    return Project([parse_file(p) for p in code_files(project)] + [harness])


def check_cases(project: str, cases: list[tuple[str, object]], tmp_path: Path) -> None:
    p = with_harness(project, cases)
    for i, (expr, expected) in enumerate(cases):
        obs = p.call(f"Harness.Case{i}", sandbox_dir=tmp_path)
        if isinstance(expected, Exception):
            assert obs.error is not None and obs.error["number"] == expected.args[0], expr
            if len(expected.args) > 1:
                assert obs.error["description"] == expected.args[1], expr
            continue
        assert obs.error is None, (expr, obs.error)
        assert obs.result == expected, (expr, obs.result)
        if type(expected) in (Integer, Currency, str, bool):
            assert type(obs.result) is type(expected), (expr, type(obs.result))


@pytest.fixture(autouse=True)
def fixed_clock() -> None:
    set_clock(Clock.fixed(datetime.datetime(2024, 7, 19, 10, 0, 0)))


def test_string_utils_main(tmp_path: Path) -> None:
    obs = load_project(code_files("string-utils")).call("Main", sandbox_dir=tmp_path)
    assert obs.error is None, obs.error
    assert obs.output == expected_blocks("string-utils")[0]


def test_string_utils_functions(tmp_path: Path) -> None:
    cases = [
        ('PadText("7", 3, psLeft, "0")', "007"),
        ('PadText("toolong", 3)', "toolong"),
        ('PadText("ab", 5, psCentre, "-=")', "-ab--"),
        ('TitleCase("a tale of two cities")', "A Tale of Two Cities"),
        ('WordCount("")', 0),
        ('CountOccurrences("Banana bandana", "AN")', 0),
        ('CountOccurrences("Banana bandana", "AN", vbTextCompare)', 4),
        ('UBound(SplitCsvLine(""))', 0),
        ('SplitCsvLine("a;b;""c;d""", ";")(2)', "c;d"),
        ('FillTemplate("{a}", "a")', VbaErr(-2147220991)),
        ('FillTemplate("no placeholders")', "no placeholders"),
        ('MakeFixedRecord("X", "Y", -3)', "X     Y                -3.00"),
        ('IsValidLuhn("4111-1111-1111-1112")', False),
        ('IsValidLuhn("12a4")', False),
        ('LuhnCheckDigit("7992739871")', Integer(3)),
        ("ToRoman(3999)", "MMMCMXCIX"),
        ("ToRoman(0)", VbaErr(5)),
        ('FromRoman("ABC")', VbaErr(5)),
        ("NumberToWords(0)", "zero"),
        (
            "NumberToWords(2147483647)",
            "two billion one hundred forty-seven million four "
            "hundred eighty-three thousand six hundred forty-seven",
        ),
        ("NumberToWords(-2147483648)", VbaErr(6)),
        ("ChequeWords(100)", "One hundred and 00/100"),
        ("ChequeWords(0.07)", "Zero and 07/100"),
        ("FormatMoney(0.125)", "$0.12"),
        ("FormatMoney(0)", "$0.00"),
        ("CheckedProduct(-128, 256)", "-32768"),
        ("CheckedProduct(128, 256)", "#ERR 6: Overflow"),
        ('Format$(LastDayOfMonth(#12/5/2023#), "yyyy-mm-dd")', "2023-12-31"),
        ("IsoWeekNumber(#1/1/2024#)", Integer(1)),
        ("BusinessDaysBetween(#3/31/2024#, #3/1/2024#)", -21),
        ("AgeInYears(#2/29/2000#, #2/28/2023#)", 22),
        ("AgeInYears(#2/29/2000#, #3/1/2023#)", 23),
        ("FiscalYear(#5/1/2023#)", 2024),
        ("FiscalYear(#1/15/2024#, 1)", 2025),
        ('CheckAccountCode("GB1234K")', "length must be 9, got 7"),
        ('CheckAccountCode("GB-12X4-K")', "expected AA-9999-A"),
        ("DescribeScore(89)", "good"),
        ("DescribeScore(50)", "fair"),
        ("DescribeScore(101)", "invalid"),
        ("PercentChange(80, 100)", 0.25),
        ("IsNull(PercentChange(0, 5))", True),
        ("Clamp(15, 1, 10)", 10),
    ]
    check_cases("string-utils", cases, tmp_path)


class VbaErr(Exception):
    """Expected: the call raises this VBA error number (and description)."""


def test_order_model_main(tmp_path: Path) -> None:
    obs = load_project(code_files("order-model")).call("Main", sandbox_dir=tmp_path)
    assert obs.error is None, obs.error
    assert obs.output == expected_blocks("order-model")[0]


def test_order_model_procedures(tmp_path: Path) -> None:
    cases = [
        ("TierToName(ctSilver)", "Silver"),
        ("TierToName(7)", "Tier 7"),
        ("StatusToName(osCancelled)", "Cancelled"),
        ("ErrorCode(vbObjectError + 1003)", 1003),
        ("ErrorCode(9)", 9),
        ('NewCustomer("c7", "X").Id', VbaErr(-2147220496, "Customer id must look like C999: C7")),
        ('NewCustomer("c001", "X").CreditLimit', Currency(10000000)),
        ('NewCustomer("c001", "X").Tier', 0),
        ('BuildCatalog().OnHand("gad-002")', 10),
        ('BuildCatalog().OnHand("NOPE")', VbaErr(-2147220502, "Unknown SKU: NOPE")),
        # EXPECTED.md: 100 x 2.50 + 10 x 12 + 5 x 8.75 = 413.75
        ("BuildCatalog().StockValue", Currency(4137500)),
        ('Join(BuildCatalog().Skus, ",")', "WID-001,GAD-002,BOK-003"),
    ]
    check_cases("order-model", cases, tmp_path)


def test_vb6_inventory_selftest(tmp_path: Path) -> None:
    obs = load_project(code_files("vb6-inventory")).call("SelfTest", sandbox_dir=tmp_path)
    assert obs.error is None, obs.error
    blocks = expected_blocks("vb6-inventory")
    assert obs.output == blocks[0]
    assert (tmp_path / "stock.txt").read_bytes().decode() == "\r\n".join(blocks[1]) + "\r\n"
    assert (tmp_path / "notes.txt").read_bytes() == (
        b"Counted by    J. Smith\r\nItems: 4 \r\nChecked\r\n"
    )
    data = (tmp_path / "stock.dat").read_bytes()
    assert len(data) == 168
    assert data[:32] == b"WID-001 Widget" + b" " * 18
    assert data[32:42] == bytes.fromhex("7800A861000000000000")


def test_vb6_inventory_procedures(tmp_path: Path) -> None:
    cases = [
        ("SafeUnitCost(300, 120)", "2.50"),
        ("SafeUnitCost(7, 2)", "3.50"),
        ("SafeUnitCost(100, 0)", "error 11 at line 20"),
        ('NewItem(" abc ", " Thing ", 3, 1.5).Code', "ABC"),
        ('NewItem("A", "B", 3, 1.5).Value', Currency(45000)),
        ('NewItem("A", "B", 3, 1.5).ListText', "A\tB\t3"),
    ]
    check_cases("vb6-inventory", cases, tmp_path)


@pytest.mark.parametrize(
    ("script", "args", "block", "exit_code"),
    [
        ("IniReader.vbs", [], [0], 0),
        ("LogParser.vbs", [], [1], 1),
        ("LogParser.vbs", ["/errors"], [1, 2], 1),
    ],
)
def test_vbscript_tools(
    tmp_path: Path, script: str, args: list[str], block: list[int], exit_code: int
) -> None:
    shutil.copytree(SAMPLES / "vbscript-tools" / "data", tmp_path / "data")
    project = load_project([SAMPLES / "vbscript-tools" / script])
    obs = project.call(None, sandbox_dir=tmp_path, script_args=args)
    assert obs.error is None, obs.error
    blocks = expected_blocks("vbscript-tools")
    assert obs.output == [line for b in block for line in blocks[b]]
    assert obs.exit_code == exit_code


def test_vbscript_missing_log(tmp_path: Path) -> None:
    """EXPECTED.md: an unreadable log prints `Cannot open <path> (error 53)`, exit 2."""
    project = load_project([SAMPLES / "vbscript-tools" / "LogParser.vbs"])
    obs = project.call(None, sandbox_dir=tmp_path, script_args=["missing.log"])
    assert obs.output == ["Cannot open missing.log (error 53)"]
    assert obs.exit_code == 2


def sales_workbook() -> openpyxl.Workbook:
    """The workbook described in excel-report/README.md, built from data/sales.csv."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    with open(SAMPLES / "excel-report" / "data" / "sales.csv", newline="") as f:
        for i, row in enumerate(csv.reader(f)):
            if i:
                row = [
                    datetime.datetime.fromisoformat(row[0]),
                    row[1],
                    row[2],
                    row[3],
                    int(row[4]),
                    float(row[5]),
                ]
            ws.append(row)
    return wb


def test_excel_report(tmp_path: Path) -> None:
    wb = sales_workbook()
    project = load_project(code_files("excel-report"))
    obs = project.call("BuildReport", workbook=wb, sandbox_dir=tmp_path)
    assert obs.error is None, obs.error
    blocks = expected_blocks("excel-report")
    assert obs.output == blocks[0]
    csv_bytes = (tmp_path / "sales_summary.csv").read_bytes()
    assert csv_bytes.decode() == "\r\n".join(blocks[1]) + "\r\n"
    s = wb["Summary"]
    assert s["A1"].value == "Regional Sales Report"
    assert s["A2"].value == "Source: Data sheet, 60 rows"
    assert [c.value for c in s[3]] == [
        "Region",
        "Jan 2024",
        "Feb 2024",
        "Mar 2024",
        "Apr 2024",
        "Total",
        "Orders",
        "Share",
    ]
    assert [c.value for c in s[6]][:5] == ["South", 1359.32, 1099.45, 1032.02, 0]
    assert s["F4"].value == "=SUM(B4:E4)" and s["G5"].value == "=COUNTIF(Data!$B:$B,$A5)"
    assert s["H8"].value == "=F8/$F$8" and s["B8"].value == "=SUM(B4:B7)"
    assert s["B4"].number_format == "#,##0.00" and s["H4"].number_format == "0.0%"
    assert {c["sheet"] for c in obs.cells_changed} == {"Summary"}


def test_excel_report_bad_header(tmp_path: Path) -> None:
    """EXPECTED.md error path: B1 = "Area" → message, MsgBox, no Summary, no CSV."""
    wb = sales_workbook()
    wb["Data"]["B1"] = "Area"
    obs = load_project(code_files("excel-report")).call(
        "BuildReport", workbook=wb, sandbox_dir=tmp_path
    )
    assert obs.error is None, obs.error
    assert obs.output == [
        "BuildReport failed: -2147219502 Column 2 should be 'Region' but is 'Area'"
    ]
    assert [e["kind"] for e in obs.effects].count("msgbox") == 1
    assert "Summary" not in wb.sheetnames
    assert not (tmp_path / "sales_summary.csv").exists()


def test_excel_sheet_utils(tmp_path: Path) -> None:
    cases = [
        ("ColumnLetter(1)", "A"),
        ("ColumnLetter(26)", "Z"),
        ("ColumnLetter(28)", "AB"),
        ("ColumnLetter(703)", "AAA"),
        ('LastRow(Worksheets("Data"))', 61),
        ('LastRow(Worksheets("Data"), 5)', 61),
        ('LastCol(Worksheets("Data"))', 6),
        ('SheetExists("Data")', True),
        ('SheetExists("Nope")', False),
    ]
    p = with_harness("excel-report", cases)
    for i, (expr, expected) in enumerate(cases):
        obs = p.call(f"Harness.Case{i}", workbook=sales_workbook(), sandbox_dir=tmp_path)
        assert obs.error is None and obs.result == expected, (expr, obs.result, obs.error)


def test_order_entry_form_runs_headless(tmp_path: Path) -> None:
    """A UserForm runs without a screen: UserForm_Initialize fills its controls, Show is a
    recorded effect (design: UI is never performed)."""
    project = load_project(code_files("order-model"))
    obs = project.call("ShowOrderEntry", sandbox_dir=tmp_path)
    assert obs.error is None, obs.error
    assert [e["kind"] for e in obs.effects] == ["form.show"]
    form = project.modules["frmorderentry"].default_instance
    combo = form.controls["cboproduct"]
    assert [row[0] for row in combo.rows] == ["WID-001", "GAD-002", "BOK-003"]
    assert form.controls["txtqty"].props["value"] == "1"
    assert form.controls["cmdadd"].props["enabled"] is False
