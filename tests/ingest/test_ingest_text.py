"""Text sources through ``ingest``: module names, kinds and dialects from exported headers."""

from __future__ import annotations

import hashlib
from pathlib import Path

from transform.ingest import IngestError, SourceModule, ingest

VBA_STANDARD = 'Attribute VB_Name = "Utilities"\r\nOption Explicit\r\n\r\nSub Main()\r\nEnd Sub\r\n'

VBA_CLASS = """VERSION 1.0 CLASS
BEGIN
  MultiUse = -1  'True
END
Attribute VB_Name = "Account"
Attribute VB_GlobalNameSpace = False
Attribute VB_Creatable = False
Attribute VB_PredeclaredId = False
Attribute VB_Exposed = False
Private mBalance As Currency
""".replace("\n", "\r\n")

VBA_DOCUMENT = """VERSION 1.0 CLASS
BEGIN
  MultiUse = -1  'True
END
Attribute VB_Name = "ThisWorkbook"
Attribute VB_Base = "0{00020819-0000-0000-C000-000000000046}"
Attribute VB_GlobalNameSpace = False
Attribute VB_Creatable = False
Attribute VB_PredeclaredId = True
Attribute VB_Exposed = True
Private Sub Workbook_Open()
End Sub
""".replace("\n", "\r\n")

VBA_USERFORM = """VERSION 5.00
Begin {C62A69F0-16DC-11CE-9E98-00AA00574A4F} frmLogin
   Caption         =   "Sign in"
   ClientHeight    =   2400
   ClientWidth     =   4560
End
Attribute VB_Name = "frmLogin"
Attribute VB_Base = "0{5A1B7F3C-0000-0000-0000-000000000000}{00000000-0000-0000-0000-000000000000}"
Attribute VB_GlobalNameSpace = False
Attribute VB_Creatable = False
Attribute VB_PredeclaredId = True
Attribute VB_Exposed = False
Private Sub cmdOK_Click()
End Sub
""".replace("\n", "\r\n")

VB6_FORM = """VERSION 5.00
Begin VB.Form frmMain
   Caption         =   "Orders"
   Begin VB.CommandButton cmdSave
      Caption         =   "Save"
   End
End
Attribute VB_Name = "frmMain"
Attribute VB_GlobalNameSpace = False
Attribute VB_Creatable = False
Attribute VB_PredeclaredId = True
Attribute VB_Exposed = False
""".replace("\n", "\r\n")

VB6_CLASS = """VERSION 1.0 CLASS
BEGIN
  MultiUse = -1  'True
  Persistable = 0  'NotPersistable
  DataBindingBehavior = 0  'vbNone
  DataSourceBehavior  = 0  'vbNone
  MTSTransactionMode  = 0  'NotAnMTSObject
END
Attribute VB_Name = "clsOrder"
""".replace("\n", "\r\n")

VB6_CONTROL = """VERSION 5.00
Begin VB.UserControl Gauge
   ClientHeight    =   600
End
Attribute VB_Name = "Gauge"
""".replace("\n", "\r\n")


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("cp1252") if isinstance(content, str) else content)
    return root


def by_file(modules: list[SourceModule]) -> dict[str, SourceModule]:
    return {m.path.name: m for m in modules}


def test_vba_exports_names_kinds_and_dialect(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "renamed_utils.bas": VBA_STANDARD,
            "Account.cls": VBA_CLASS,
            "ThisWorkbook.cls": VBA_DOCUMENT,
            "frmLogin.frm": VBA_USERFORM,
            "NoHeader.bas": "Sub X()\r\nEnd Sub\r\n",
        },
    )
    result = ingest([tmp_path])
    assert result.errors == []
    found = {
        name: (m.name, m.kind, m.language, m.dialect) for name, m in by_file(result.modules).items()
    }
    assert found == {
        # The module name is the VB_Name attribute, not the file name.
        "renamed_utils.bas": ("Utilities", "standard", "vba", "vba"),
        "Account.cls": ("Account", "class", "vba", "vba"),
        "ThisWorkbook.cls": ("ThisWorkbook", "document", "vba", "vba"),
        # A VBA UserForm also starts with VERSION 5.00 but is not VB6.
        "frmLogin.frm": ("frmLogin", "form", "vba", "vba"),
        "NoHeader.bas": ("NoHeader", "standard", "vba", "vba"),
    }


def test_vb6_recognised_from_headers(tmp_path: Path) -> None:
    write(tmp_path, {"frmMain.frm": VB6_FORM, "clsOrder.cls": VB6_CLASS, "Gauge.ctl": VB6_CONTROL})
    result = ingest([tmp_path])
    found = {m.name: (m.kind, m.dialect) for m in result.modules}
    assert found == {
        "frmMain": ("form", "vb6"),
        "clsOrder": ("class", "vb6"),
        "Gauge": ("usercontrol", "vb6"),
    }


def test_vbp_in_the_same_folder_makes_modules_vb6(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "app/Project1.vbp": "Type=Exe\r\nModule=Utilities; Utils.bas\r\n",
            "app/Utils.bas": VBA_STANDARD,
            "app/Account.cls": VBA_CLASS,
            "elsewhere/Utils.bas": VBA_STANDARD,
        },
    )
    dialects = {
        m.path.relative_to(tmp_path).as_posix(): m.dialect for m in ingest([tmp_path]).modules
    }
    assert dialects == {
        "app/Account.cls": "vb6",
        "app/Utils.bas": "vb6",
        "elsewhere/Utils.bas": "vba",
    }


def test_vbscript_and_shell_modules(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "cleanup.vbs": 'WScript.Echo "done"\r\n',
            "build.sh": "echo build\n",
            "bin/deploy": "#!/bin/sh\necho deploy\n",
            "bin/release": "#!/usr/bin/env bash\necho release\n",
        },
    )
    found = {
        m.path.name: (m.name, m.kind, m.language, m.dialect, m.newline)
        for m in ingest([tmp_path]).modules
    }
    assert found == {
        "cleanup.vbs": ("cleanup", "script", "vbscript", "vbscript", "\r\n"),
        "build.sh": ("build", "shell", "bash", "bash", "\n"),
        "deploy": ("deploy", "shell", "bash", "sh", "\n"),
        "release": ("release", "shell", "bash", "bash", "\n"),
    }


def test_module_keeps_text_encoding_and_hash_of_raw_bytes(tmp_path: Path) -> None:
    raw = 'Attribute VB_Name = "Prix"\r\nConst Euro = "€ é"\r\n'.encode("cp1252")
    write(tmp_path, {"Prix.bas": raw})
    (module,) = ingest([tmp_path]).modules
    assert module.text == 'Attribute VB_Name = "Prix"\r\nConst Euro = "€ é"\r\n'
    assert module.encoding == "cp1252"
    assert module.newline == "\r\n"
    assert module.member is None
    assert module.sha256 == hashlib.sha256(raw).hexdigest()


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a_good.bas": VBA_STANDARD,
            "b_binary.bas": b"\x00\x01\x02\x03binary",
            "c_good.vbs": "WScript.Echo 1\r\n",
            "named/notes.txt": "hello\n",
            "named/f.frx": b"\x00\x01",
        },
    )
    named = tmp_path / "named"
    result = ingest([tmp_path, tmp_path / "missing.bas", named / "notes.txt", named / "f.frx"])
    assert [m.path.name for m in result.modules] == ["a_good.bas", "c_good.vbs"]
    errors = {e.path.name: e for e in result.errors}
    assert set(errors) == {"b_binary.bas", "missing.bas", "notes.txt", "f.frx"}
    assert (errors["b_binary.bas"].line, errors["b_binary.bas"].column) == (1, 1)
    assert "binary" in errors["b_binary.bas"].message
    assert errors["missing.bas"].message == "no such file or directory"
    assert "not a recognised source" in errors["notes.txt"].message
    assert "companion" in errors["f.frx"].message


def test_error_renders_with_file_and_position() -> None:
    error = IngestError(Path("m.bas"), "binary file", line=3, column=7)
    assert str(error) == "m.bas:3:7: binary file"
    member = IngestError(Path("b.xlsm"), "bad", member="xl/vbaProject.bin/VBA/M")
    assert str(member) == "b.xlsm:xl/vbaProject.bin/VBA/M: bad"
