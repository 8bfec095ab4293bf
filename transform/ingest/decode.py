"""Turn the raw bytes of a source file into text, choosing the encoding the way the tools did.

VBA/VB6 exports and VBScript files are written in the machine's ANSI code page (Windows-1252 in
the western world) with no marker; newer editors write UTF-8, sometimes with a byte-order mark;
Notepad's "Unicode" is UTF-16 with a BOM. We honour a BOM, then try strict UTF-8 (which ANSI text
with accents almost never passes by accident), then the other ANSI code pages VBA is much
written in, each only when the text is unmistakably in it (see ``_other_code_page``), then fall
back to Windows-1252.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

from .model import Newline

# Control characters that do not belong in source text. Tab, LF, VT, FF and CR do, and so does
# the old DOS end-of-file marker (Ctrl-Z, 0x1A), which some VB6-era tools appended.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f]")
# Share of control characters above which a file is judged binary rather than text.
_CONTROL_RATIO = 0.05

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)


class DecodeError(ValueError):
    """Raised by ``decode`` when bytes are not text; ``ingest`` turns it into an IngestError."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _windows_c1(error: UnicodeError) -> tuple[str, int]:
    """Map the five bytes Python's cp1252 leaves undefined to U+0080..U+009F, as Windows does.

    Windows' MultiByteToWideChar turns 0x81, 0x8D, 0x8F, 0x90 and 0x9D into the C1 control with
    the same number instead of failing, so a file Windows could read must not be rejected here.
    """
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(b) for b in bad), error.end


codecs.register_error("transform-windows-c1", _windows_c1)


def _position(data: bytes | str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``data`` (columns count bytes or characters)."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    line = data.count(newline, 0, offset) + 1
    column = offset - (data.rfind(newline, 0, offset) + 1) + 1
    return line, column


def _decode_with_bom(raw: bytes, path: Path) -> tuple[str, str] | None:
    """Decode strictly according to a byte-order mark, or return None when there is none."""
    for bom, codec, name in _BOMS:
        if not raw.startswith(bom):
            continue
        body = raw[len(bom) :]
        try:
            return body.decode(codec), name
        except UnicodeDecodeError as exc:
            line, column = _position(body, exc.start)
            raise DecodeError(
                f"{path}: starts with a {codec.upper()} byte-order mark but is not valid "
                f"{codec.upper()} at byte {exc.start + len(bom)}: {exc.reason}",
                line,
                column,
            ) from exc
    return None


def _check_text(text: str, path: Path, encoding: str) -> None:
    """Reject binary data that happened to decode: NUL bytes or many control characters."""
    nul = text.find("\x00")
    if nul >= 0:
        line, column = _position(text, nul)
        hint = ""
        if encoding in ("utf-8", "cp1252") and text.count("\x00") * 3 >= len(text):
            hint = " (it may be UTF-16 without a byte-order mark; re-save it with one)"
        raise DecodeError(f"{path}: binary file, NUL byte found{hint}", line, column)
    controls = _CONTROL_RE.findall(text)
    if text and len(controls) / len(text) > _CONTROL_RATIO:
        first = _CONTROL_RE.search(text)
        assert first is not None
        line, column = _position(text, first.start())
        raise DecodeError(
            f"{path}: binary file, {len(controls)} control characters in {len(text)}", line, column
        )


def decode(raw: bytes, path: Path | str) -> tuple[str, str]:
    """Decode a source file's bytes; return ``(text, encoding name)`` or raise DecodeError.

    The BOM is not part of the text. Line endings are kept as they are (see ``detect_newline``).
    Encoding names: ``utf-8``, ``utf-8-sig``, ``utf-16-le``, ``utf-16-be``, ``cp932``, ``cp949``,
    ``gbk``, ``cp950``, ``cp1251``, ``cp1252``; pure ASCII reports ``utf-8``.
    """
    path = Path(path)
    decoded = _decode_with_bom(raw, path)
    if decoded is None:
        try:
            decoded = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            decoded = _other_code_page(raw) or (
                raw.decode("cp1252", errors="transform-windows-c1"),
                "cp1252",
            )
    _check_text(decoded[0], path, decoded[1])
    return decoded


def _share(chars: list[str], wanted: Callable[[str], bool]) -> float:
    return sum(1 for c in chars if wanted(c)) / len(chars) if chars else 0.0


def _high(text: str) -> list[str]:
    return [c for c in text if c >= "\u0080"]


def _in_runs(text: str, length: int) -> float:
    """Share of the non-ASCII characters that stand in runs of at least ``length`` of them:
    CJK and Cyrillic words are such runs, while an accented Western letter stands alone."""
    runs = [len(run) for run in re.findall(r"[^\x00-\x7f]+", text)]
    return sum(n for n in runs if n >= length) / sum(runs) if runs else 0.0


def _kana(c: str) -> bool:
    return "\u3040" <= c <= "\u30ff"


def _japanese(c: str) -> bool:
    """Kana, kanji, and the punctuation and symbols of JIS X 0208 (arrows, shapes, box
    drawing, full-width forms)."""
    return (
        _kana(c)
        or "\u4e00" <= c <= "\u9fff"
        or "\u3000" <= c <= "\u303f"
        or "\u2010" <= c <= "\u27bf"
        or c >= "\uff01"
        or c in "§¨°±´¶×÷"
    )


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or c >= "\uff01" or c == "·"


def _common_in(codec: str, leads: Callable[[int], bool]) -> Callable[[str], bool]:
    """Is a character double-byte in ``codec`` with a lead byte ``leads`` accepts (the
    code page's rows of frequent characters and symbols)?"""

    def common(c: str) -> bool:
        try:
            code = c.encode(codec)
        except UnicodeEncodeError:
            return False
        return len(code) == 2 and leads(code[0])

    return common


# GB 2312 rows 1-9 (symbols) and 16-55 (level 1: the 3,755 most common characters); Big5's
# symbols (A1-A3) and frequent characters (A4-C6).
_GB2312_COMMON = _common_in("gb2312", lambda b: 0xA1 <= b <= 0xA9 or 0xB0 <= b <= 0xD7)
_BIG5_COMMON = _common_in("big5", lambda b: 0xA1 <= b <= 0xC6)


def _hangul(c: str) -> bool:
    return "\uac00" <= c <= "\ud7a3" or "\u3130" <= c <= "\u318f"


# Some of the most frequent Korean syllables: Korean text is full of them, while Chinese text
# in GBK (whose byte ranges overlap Korean's in Windows-949) decodes to rare, random ones.
_COMMON_HANGUL = frozenset(
    "이다의는에가을하고지기로한리사자어도대수아인시정일니요있를보우스해오나주전적것서입습합과들"
)


def _russian_letter(c: str) -> bool:
    return "\u0410" <= c <= "\u044f" or c in "Ёё"


def _reads_japanese(text: str) -> bool:
    chars = _high(text)
    return any(map(_kana, chars)) and _share(chars, _japanese) >= 0.95


def _reads_korean(text: str) -> bool:
    chars = _high(text)
    return (
        len(chars) >= 2
        and _share(chars, _hangul) >= 0.8
        and _share(chars, _COMMON_HANGUL.__contains__) >= 0.15
    )


def _reads_chinese(common: Callable[[str], bool], share: float) -> Callable[[str], bool]:
    """Chinese: ideographs and Chinese punctuation only, mostly in words, and at least
    ``share`` of them among the code page's frequent characters (Cyrillic words decode to
    rare ones)."""

    def reads(text: str) -> bool:
        chars = _high(text)
        return (
            len(chars) >= 2
            and _share(chars, _han) >= 0.9
            and _in_runs(text, 2) >= 0.6
            and _share(chars, common) >= share
        )

    return reads


def _reads_russian(text: str) -> bool:
    """Every Cyrillic letter is a high byte in Windows-1251, so words are runs of them."""
    chars = _high(text)
    return len(chars) >= 4 and _in_runs(text, 3) >= 0.7 and _share(chars, _russian_letter) >= 0.9


# A code page is taken only when the bytes decode strictly AND the result reads as that
# script, which text in another code page practically never does (Western accents decode
# as rare characters or fail; Cyrillic words decode in GBK as rare level-2 characters;
# Japanese is recognised by its kana).
_OTHER_CODE_PAGES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("cp932", _reads_japanese),
    ("cp949", _reads_korean),
    ("gbk", _reads_chinese(_GB2312_COMMON, 0.4)),
    ("cp950", _reads_chinese(_BIG5_COMMON, 0.9)),
    ("cp1251", _reads_russian),
)


def _other_code_page(raw: bytes) -> tuple[str, str] | None:
    """Text in a Japanese, Korean, Chinese or Cyrillic ANSI code page, when it clearly is:
    read as Windows-1252 its names and strings would come out as mojibake (a Shift-JIS
    trail byte can even be ``[`` and break the syntax)."""
    for codec, reads_as in _OTHER_CODE_PAGES:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if reads_as(text):
            return text, codec
    return None


def detect_newline(text: str) -> Newline:
    """Which line ending the text uses: one of CRLF, LF, CR, "mixed", or "" for none at all."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    kinds = [nl for nl, n in (("\r\n", crlf), ("\n", lf), ("\r", cr)) if n]
    if not kinds:
        return ""
    if len(kinds) > 1:
        return "mixed"
    return kinds[0]  # type: ignore[return-value]
