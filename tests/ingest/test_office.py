"""Office files built from the specifications, read back through oletools by ``read_office``."""

from __future__ import annotations

import hashlib
import io
import random
import zipfile
from pathlib import Path

import msoffcrypto
import olefile
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transform.ingest import IngestError, ingest, read_office, read_office_modules

# Through our module, which imports oletools with its pyparsing deprecation noise silenced.
from transform.ingest.office import olevba

from .office_builder import (
    Module,
    build_cfb,
    compress,
    vba_project_bin,
    vba_streams,
    write_xls,
    write_xlsm,
)

STANDARD = Module(
    "Pricing",
    "standard",
    'Attribute VB_Name = "Pricing"\r\nOption Explicit\r\n\r\n'
    "Function WithVat(ByVal net As Currency) As Currency\r\n"
    "    WithVat = net * 1.2 ' TVA à 20 %, prix en €\r\n"
    "End Function\r\n",
)
DOCUMENT = Module(
    "ThisWorkbook",
    "document",
    'Attribute VB_Name = "ThisWorkbook"\r\n'
    'Attribute VB_Base = "0{00020819-0000-0000-C000-000000000046}"\r\n'
    "Attribute VB_PredeclaredId = True\r\n"
    "Private Sub Workbook_Open()\r\nEnd Sub\r\n",
)
SHEET = Module("Sheet1", "document", 'Attribute VB_Name = "Sheet1"\r\n')
CLASS = Module(
    "Invoice",
    "class",
    'Attribute VB_Name = "Invoice"\r\nAttribute VB_PredeclaredId = False\r\n'
    "Public Total As Double\r\n",
)
FORM = Module(
    "frmEntry",
    "form",
    'Attribute VB_Name = "frmEntry"\r\n'
    'Attribute VB_Base = "0{00000000-0000-0000-0000-000000000000}"\r\n',
)
PROJECT = [DOCUMENT, SHEET, STANDARD, CLASS, FORM]


def expected(path: Path, prefix: str) -> set[tuple[object, ...]]:
    return {
        (path, prefix + m.name, m.name, m.kind, "vba", "vba", m.code, "cp1252", "\r\n")
        for m in PROJECT
    }


def found(modules: list) -> set[tuple[object, ...]]:
    return {
        (m.path, m.member, m.name, m.kind, m.language, m.dialect, m.text, m.encoding, m.newline)
        for m in modules
    }


def test_oletools_itself_reads_the_built_files(tmp_path: Path) -> None:
    """Acceptance check of the builder: oletools' own extraction finds every module."""
    for path in (write_xlsm(tmp_path / "a.xlsm", PROJECT), write_xls(tmp_path / "a.xls", PROJECT)):
        parser = olevba.VBA_Parser(str(path))
        try:
            assert parser.detect_vba_macros()
            codes = {
                stream.rsplit("/", 1)[-1]: code for _, stream, _, code in parser.extract_macros()
            }
        finally:
            parser.close()
        assert codes == {m.name: m.code for m in PROJECT}


def test_xlsm_modules(tmp_path: Path) -> None:
    path = write_xlsm(tmp_path / "Book.xlsm", PROJECT)
    modules = read_office(path)
    assert isinstance(modules, list)
    assert found(modules) == expected(path, "xl/vbaProject.bin/VBA/")
    pricing = next(m for m in modules if m.name == "Pricing")
    # The hash covers the module's decompressed source bytes in the project code page.
    assert pricing.sha256 == hashlib.sha256(STANDARD.code.encode("cp1252")).hexdigest()
    assert "TVA à 20 %, prix en €" in pricing.text


def test_legacy_xls_modules(tmp_path: Path) -> None:
    path = write_xls(tmp_path / "Book.xls", PROJECT)
    assert found(read_office(path)) == expected(path, "_VBA_PROJECT_CUR/VBA/")  # type: ignore[arg-type]


def test_project_code_page_is_used(tmp_path: Path) -> None:
    # PROJECTCODEPAGE 1251 ([MS-OVBA] 2.3.4.2.1.4): module bytes are Windows-1251 Cyrillic.
    module = Module("Отчет", "standard", 'Attribute VB_Name = "Отчет"\r\nMsgBox "Привет"\r\n')
    path = write_xlsm(tmp_path / "ru.xlsm", [module], codepage=1251)
    (read,) = read_office(path)  # type: ignore[misc]
    assert (read.name, read.text, read.encoding) == ("Отчет", module.code, "cp1251")


def test_stream_name_differs_and_no_vb_name_attribute(tmp_path: Path) -> None:
    # Without Attribute VB_Name the module name comes from the MODULENAME record.
    module = Module("Helpers", "standard", "Sub A()\r\nEnd Sub\r\n", stream_name="Helpers1")
    (read,) = read_office(write_xlsm(tmp_path / "b.xlsm", [module]))  # type: ignore[misc]
    assert (read.name, read.member) == ("Helpers", "xl/vbaProject.bin/VBA/Helpers1")


def test_large_module_spans_chunks_and_regular_sectors(tmp_path: Path) -> None:
    lines = [f'    Const NAME_{i} = "value number {i * 7919 % 10007}"\r\n' for i in range(600)]
    big = Module("Constants", "standard", 'Attribute VB_Name = "Constants"\r\n' + "".join(lines))
    assert len(compress(big.code.encode())) > 4096  # stored outside the mini stream
    (read,) = read_office(write_xls(tmp_path / "big.xls", [big]))  # type: ignore[misc]
    assert read.text == big.code


def test_missing_module_stream_is_reported_other_modules_read(tmp_path: Path) -> None:
    streams = vba_streams([STANDARD, CLASS])
    del streams["VBA/Invoice"]
    path = tmp_path / "partial.xlsm"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("xl/vbaProject.bin", build_cfb(streams))
    modules, errors = read_office_modules(path)
    assert [m.name for m in modules] == ["Pricing"]
    assert len(errors) == 1 and errors[0].member == "xl/vbaProject.bin/VBA/Invoice"
    assert "missing" in errors[0].message


def test_corrupt_dir_stream_is_reported(tmp_path: Path) -> None:
    streams = vba_streams([STANDARD])
    streams["VBA/dir"] = compress(b"\x01\x00\x04\x00\x00\x00")  # PROJECTSYSKIND, then nothing
    path = tmp_path / "Broken.xls"
    path.write_bytes(build_cfb(streams))
    result = read_office(path)
    assert isinstance(result, IngestError)
    assert result.message.startswith("corrupt VBA project")


def test_encrypted_workbook(tmp_path: Path) -> None:
    plain = io.BytesIO(write_xlsm(tmp_path / "plain.xlsm", PROJECT).read_bytes())
    encrypted = tmp_path / "Secret.xlsm"
    with encrypted.open("wb") as out:
        msoffcrypto.OfficeFile(plain).encrypt("s3cret", out)
    result = read_office(encrypted)
    assert isinstance(result, IngestError)
    assert "encrypted" in result.message and "password" in result.message


def test_corrupt_zip(tmp_path: Path) -> None:
    good = write_xlsm(tmp_path / "good.xlsm", PROJECT).read_bytes()
    truncated = tmp_path / "Truncated.xlsm"
    truncated.write_bytes(good[: len(good) // 2])
    result = read_office(truncated)
    assert isinstance(result, IngestError) and "corrupt" in result.message


def test_damaged_zip_member(tmp_path: Path) -> None:
    data = bytearray(write_xlsm(tmp_path / "good.xlsm", PROJECT).read_bytes())
    at = data.index(b"xl/vbaProject.bin") + len("xl/vbaProject.bin") + 40
    data[at] ^= 0xFF  # flip a byte inside the compressed member: its CRC no longer matches
    damaged = tmp_path / "Damaged.xlsm"
    damaged.write_bytes(bytes(data))
    result = read_office(damaged)
    assert isinstance(result, IngestError) and "corrupt" in result.message


def test_not_an_office_file(tmp_path: Path) -> None:
    path = tmp_path / "fake.xls"
    path.write_text("Name,Value\r\nA,1\r\n")
    result = read_office(path)
    assert isinstance(result, IngestError) and "not an Office file" in result.message


def test_macro_free_workbooks(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "no macros here"
    for name in ("plain.xlsx", "saved_without_macros.xlsm"):
        book.save(tmp_path / name)
        result = read_office(tmp_path / name)
        assert isinstance(result, IngestError) and "no VBA macros" in result.message


def test_batch_goes_on_past_bad_office_files(tmp_path: Path) -> None:
    write_xlsm(tmp_path / "a_good.xlsm", [STANDARD])
    (tmp_path / "b_corrupt.xlsm").write_bytes(b"PK\x03\x04 truncated")
    (tmp_path / "c.bas").write_text('Attribute VB_Name = "C"\r\n')
    write_xls(tmp_path / "d_good.xls", [CLASS])
    result = ingest([tmp_path])
    assert [(m.path.name, m.name) for m in result.modules] == [
        ("a_good.xlsm", "Pricing"),
        ("c.bas", "C"),
        ("d_good.xls", "Invoice"),
    ]
    assert [(e.path.name, "corrupt" in e.message) for e in result.errors] == [
        ("b_corrupt.xlsm", True)
    ]


# --- the builder's own formats -----------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.binary(max_size=9000)
    | st.text(alphabet="Sub End ()\r\n'xy=1", max_size=9000).map(str.encode)
)
def test_compression_round_trips_through_oletools(data: bytes) -> None:
    assert olevba.decompress_stream(bytearray(compress(data))) == data


def test_compression_compresses_and_stores_raw_chunks() -> None:
    text = b"Debug.Print 1\r\n" * 1000
    assert len(compress(text)) < len(text) // 10
    noise = random.Random(20).randbytes(4096)  # too few repeats to fit 4096 bytes compressed
    packed = compress(noise)
    assert packed[2] >> 7 == 0  # CompressedChunkFlag clear: a raw chunk, [MS-OVBA] 2.4.1.1.5
    assert olevba.decompress_stream(bytearray(packed)) == noise


def test_compound_file_is_strictly_valid(tmp_path: Path) -> None:
    streams = {f"S{i:02}/stream{i}": bytes([i]) * (i * 300) for i in range(1, 25)}
    streams["Top"] = b"x" * 5000
    path = tmp_path / "c.cfb"
    path.write_bytes(build_cfb(streams))
    with olefile.OleFileIO(str(path), raise_defects=olefile.DEFECT_INCORRECT) as ole:
        listed = {"/".join(parts) for parts in ole.listdir()}
        assert listed == set(streams)
        for name, data in streams.items():
            assert ole.openstream(name).read() == data


def test_vba_project_bin_has_the_required_streams() -> None:
    with olefile.OleFileIO(vba_project_bin(PROJECT), raise_defects=olefile.DEFECT_INCORRECT) as ole:
        names = {"/".join(parts) for parts in ole.listdir()}
    assert {"PROJECT", "VBA/_VBA_PROJECT", "VBA/dir"} | {f"VBA/{m.name}" for m in PROJECT} == names


@pytest.mark.parametrize("module", PROJECT, ids=lambda m: m.name)
def test_kinds_follow_project_declarations(tmp_path: Path, module: Module) -> None:
    (read,) = read_office(write_xlsm(tmp_path / "k.xlsm", [module]))  # type: ignore[misc]
    assert read.kind == module.kind
