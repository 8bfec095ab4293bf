"""`transform run` (DESIGN.md CLI contract): output, result, ByRef args, errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from transform.runtimes.vba.cli import parse_arg, run_command
from transform.runtimes.vba.values import Date

SRC = """Attribute VB_Name = "modT"
Function Twice(ByVal n As Long) As Long
    Debug.Print "twice"; n
    Twice = n * 2
End Function
Sub Bump(n As Long)
    n = n + 1
End Sub
Sub Fail()
    Err.Raise 5
End Sub
Sub Cells1()
    Range("A1").Value = "hi"
    MsgBox "done"
End Sub
"""


def write(tmp_path: Path, text: str = SRC, name: str = "modT.bas") -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


def test_run_prints_output_and_result(tmp_path: Path) -> None:
    r = CliRunner().invoke(run_command, [str(write(tmp_path)), "--entry", "Twice", "--arg", "21"])
    assert r.exit_code == 0, r.output
    assert "twice 21 " in r.output and "result: 42 (Long)" in r.output


def test_run_json_byref_and_error(tmp_path: Path) -> None:
    f = str(write(tmp_path))
    r = CliRunner().invoke(run_command, [f, "--entry", "modT.Bump", "--arg", "1", "--json"])
    doc = json.loads(r.output)
    assert r.exit_code == 0 and doc["byref"] == [{"type": "Long", "value": 2}]
    r = CliRunner().invoke(run_command, [f, "--entry", "Fail", "--json"])
    doc = json.loads(r.output)
    assert r.exit_code == 1
    assert doc["error"]["number"] == 5 and doc["error"]["line"] == 10


def test_run_workbook_and_save(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "in.xlsx")
    out = tmp_path / "out.xlsx"
    r = CliRunner().invoke(
        run_command,
        [
            str(write(tmp_path)),
            "--entry",
            "Cells1",
            "--workbook",
            str(tmp_path / "in.xlsx"),
            "--save-workbook",
            str(out),
            "--json",
        ],
    )
    doc = json.loads(r.output)
    assert r.exit_code == 0, r.output
    assert doc["cells_changed"][0]["cell"] == "A1" and doc["effects"][0]["kind"] == "msgbox"
    assert openpyxl.load_workbook(out).active["A1"].value == "hi"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    f = str(write(tmp_path))
    assert CliRunner().invoke(run_command, [f]).exit_code == 2
    assert CliRunner().invoke(run_command, [f, "--entry", "Nope"]).exit_code == 2
    assert CliRunner().invoke(run_command, [str(tmp_path / "x.bas"), "--entry", "A"]).exit_code == 2


def test_syntax_error_names_position(tmp_path: Path) -> None:
    bad = write(tmp_path, "Sub A()\n    x = (1 +\nEnd Sub\n", "bad.bas")
    r = CliRunner().invoke(run_command, [str(bad), "--entry", "A"])
    assert r.exit_code == 1 and "bad.bas:2:" in r.output


def test_vbscript_without_entry(tmp_path: Path) -> None:
    f = write(tmp_path, 'WScript.Echo "hi " & WScript.Arguments(0)\nWScript.Quit 3\n', "s.vbs")
    r = CliRunner().invoke(run_command, [str(f), "--script-arg", "there"])
    assert r.exit_code == 3 and r.output.startswith("hi there")


def test_parse_arg() -> None:
    assert parse_arg("42") == 42 and type(parse_arg("42")) is int
    assert parse_arg("1.5") == 1.5 and parse_arg("True") is True
    assert parse_arg('"007"') == "007" and parse_arg("abc") == "abc"
    assert parse_arg("#1/2/2003#") == Date(37623.0)
