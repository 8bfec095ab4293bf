"""Decoding source bytes: BOMs, UTF-8, the Windows-1252 fallback, line endings, binary input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from transform.ingest import DecodeError, decode, detect_newline

SOURCE = 'Sub Greet()\r\n    MsgBox "Café à 5 €"\r\nEnd Sub\r\n'
P = Path("Module1.bas")


def test_plain_ascii_reports_utf8() -> None:
    assert decode(b"Sub A()\nEnd Sub\n", P) == ("Sub A()\nEnd Sub\n", "utf-8")


def test_utf8_without_bom() -> None:
    assert decode(SOURCE.encode("utf-8"), P) == (SOURCE, "utf-8")


def test_utf8_bom_is_dropped_from_text() -> None:
    text, encoding = decode(codecs.BOM_UTF8 + SOURCE.encode("utf-8"), P)
    assert (text, encoding) == (SOURCE, "utf-8-sig")
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
def test_utf16_with_bom(bom: bytes, codec: str, name: str) -> None:
    assert decode(bom + SOURCE.encode(codec), P) == (SOURCE, name)


def test_windows_1252_fallback_decodes_accents_and_euro() -> None:
    # In Windows-1252, 0xE9 is "é", 0xE0 is "à" and 0x80 is "€" (the code page's published
    # table); none of these bytes alone is valid UTF-8, so the fallback must be taken.
    raw = b'MsgBox "Caf\xe9 \xe0 5 \x80"\r\n'
    assert decode(raw, P) == ('MsgBox "Café à 5 €"\r\n', "cp1252")


def test_windows_1252_undefined_bytes_become_c1_controls() -> None:
    # 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned in Windows-1252; Windows maps them to the C1
    # control with the same value instead of failing.
    assert decode(b"' x\x81\x9d\xe9\n", P) == ("' x\x81\x9dé\n", "cp1252")


def test_invalid_utf8_after_bom_is_an_error_with_position() -> None:
    with pytest.raises(DecodeError) as caught:
        decode(codecs.BOM_UTF8 + b"Sub A()\r\n  x = \xff\r\n", P)
    assert "UTF-8" in caught.value.message and "Module1.bas" in caught.value.message
    assert (caught.value.line, caught.value.column) == (2, 7)


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(DecodeError) as caught:
        decode(b"GIF89a\x01\x00\x02\x00", Path("form.frx"))
    assert "binary" in caught.value.message
    assert (caught.value.line, caught.value.column) == (1, 8)


def test_utf16_without_bom_is_rejected_with_a_hint() -> None:
    with pytest.raises(DecodeError, match="UTF-16 without a byte-order mark"):
        decode("Sub A()\r\nEnd Sub\r\n".encode("utf-16-le"), P)


def test_many_control_characters_mean_binary() -> None:
    raw = bytes(range(1, 9)) * 20 + b"text"
    with pytest.raises(DecodeError, match="control characters"):
        decode(raw, P)


def test_a_few_control_characters_are_tolerated() -> None:
    # A literal ESC in an echo line, and a trailing Ctrl-Z end-of-file marker.
    text = 'echo "\x1b[31mred\x1b[0m"\n' + "echo plain text here\n" * 5 + "\x1a"
    assert decode(text.encode(), Path("x.sh"))[0] == text


def test_line_endings_are_kept() -> None:
    text, _ = decode(b"a\r\nb\nc\rd", P)
    assert text == "a\r\nb\nc\rd"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\nb\r\n", "\r\n"),
        ("a\nb\n", "\n"),
        ("a\rb\r", "\r"),
        ("a\r\nb\n", "mixed"),
        ("a\rb\n", "mixed"),
        ("no line break", ""),
        ("", ""),
    ],
)
def test_detect_newline(text: str, expected: str) -> None:
    assert detect_newline(text) == expected


# Modules saved by the VBA editor on Japanese, Chinese, Korean and Russian Windows: the text
# is in that machine's ANSI code page (Shift-JIS = Windows-932, GBK = 936, 949, 1251).
LEGACY_CODE_PAGES = [
    ('Sub 集計()\r\n    MsgBox "エラーが発生しました"\r\nEnd Sub\r\n', "cp932"),
    ('Sub 汇总()\r\n    MsgBox "请输入数据"\r\nEnd Sub\r\n', "gbk"),
    ('Attribute Calc.VB_Description = "計算平均值"\r\n', "cp950"),
    ('Sub Test()\r\n    MsgBox "작업이 완료되었습니다"\r\nEnd Sub\r\n', "cp949"),
    ('Sub Test()\r\n    MsgBox "Привет, мир" \' комментарий\r\nEnd Sub\r\n', "cp1251"),
]


@pytest.mark.parametrize(("text", "codec"), LEGACY_CODE_PAGES)
def test_other_ansi_code_pages_are_recognised(text: str, codec: str) -> None:
    assert decode(text.encode(codec), P) == (text, codec)


def test_a_shift_jis_trail_byte_is_not_read_as_a_bracket() -> None:
    # "ー" is 0x81 0x5B in Windows-932: read as Windows-1252 the 0x5B would be "[".
    text = 'Const 長音 = "ー"\r\n'
    decoded, codec = decode(text.encode("cp932"), P)
    assert (decoded, codec) == (text, "cp932")


@pytest.mark.parametrize(
    "text",
    [
        "' Schlüssel für Größe; Überprüfung\r\n",
        'MsgBox "Déjà été créé"\r\n',
        "' Räkna ut årets försäljning\r\n",
        'x = "Atenção: não há dados"\r\n',
        "' Beregn økonomi for året; Æble\r\n",
        "Private ¨hash As String, ¨count As Long\r\n¨count = ¨count + 1\r\n",
    ],
)
def test_western_text_stays_windows_1252(text: str) -> None:
    assert decode(text.encode("cp1252"), P) == (text, "cp1252")
