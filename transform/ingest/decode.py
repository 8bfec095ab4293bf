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


def _share(chars: list[str], wanted) -> float:
    return sum(1 for c in chars if wanted(c)) / len(chars) if chars else 0.0


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


def _gb2312_common(c: str) -> bool:
    """One of the 3,755 most common Chinese characters (GB 2312 level 1, rows 16-55) or
    GB 2312's punctuation and symbols (rows 1-9)."""
    try:
        code = c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and (0xA1 <= code[0] <= 0xA9 or 0xB0 <= code[0] <= 0xD7)


def _chinese(chars: list[str], text: str, common, share: float) -> bool:
    """Chinese: ideographs and Chinese punctuation only, most of them next to another
    (words; an accented Western letter decodes to a lone character), and at least ``share``
    of them among the code page's frequent characters (Cyrillic words decode to rare ones)."""
    return (
        len(chars) >= 2
        and _share(chars, _han) >= 0.9
        and _in_runs(text) >= 0.6
        and _share(chars, common) >= share
    )


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or c >= "\uff01" or c == "·"


def _in_runs(text: str) -> float:
    """Share of the non-ASCII characters that stand next to another non-ASCII character."""
    high = [c >= "\u0080" for c in text]
    total = sum(high)
    paired = sum(
        1
        for i, h in enumerate(high)
        if h and ((i > 0 and high[i - 1]) or (i + 1 < len(high) and high[i + 1]))
    )
    return paired / total if total else 0.0


def _big5_common(c: str) -> bool:
    """One of Big5's 5,401 frequent characters (lead bytes A4-C6) or its symbols (A1-A3)."""
    try:
        code = c.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xA1 <= code[0] <= 0xC6


def _hangul(c: str) -> bool:
    return "\uac00" <= c <= "\ud7a3" or "\u3130" <= c <= "\u318f"


# Some of the most frequent Korean syllables: Korean text is full of them, while Chinese text
# in GBK (whose byte ranges overlap Korean's in Windows-949) decodes to rare, random ones.
_COMMON_HANGUL = frozenset(
    "이다의는에가을하고지기로한리사자어도대수아인시정일니요있를보우스해오나주전적것서입습합과들"
)


def _korean(chars: list[str]) -> bool:
    return _share(chars, _hangul) >= 0.8 and _share(chars, _COMMON_HANGUL.__contains__) >= 0.15


def _cyrillic_words(raw: bytes, text: str) -> bool:
    """Russian, Ukrainian... in Windows-1251: every letter is a high byte, so words are runs
    of them, while Western text has lone accented letters between ASCII ones."""
    runs = re.findall(rb"[\x80-\xff]+", raw)
    in_words = sum(len(r) for r in runs if len(r) >= 3)
    letters = [c for c in text if c >= "\u0080"]
    return in_words >= 0.7 * sum(map(len, runs)) and _share(letters, _russian_letter) >= 0.9


def _russian_letter(c: str) -> bool:
    return "\u0410" <= c <= "\u044f" or c in "Ёё"


# (code page, test on the decoded non-ASCII characters): a code page is taken only when the
# bytes decode strictly AND the result reads as that script, which text in another code page
# practically never does (Western accents decode as rare characters or fail; Cyrillic words
# decode in GBK as rare level-2 characters; Japanese is recognised by its kana).
_OTHER_CODE_PAGES = (
    (
        "cp932",
        lambda chars, raw, text: any(map(_kana, chars)) and _share(chars, _japanese) >= 0.95,
    ),
    ("cp949", lambda chars, raw, text: len(chars) >= 2 and _korean(chars)),
    ("gbk", lambda chars, raw, text: _chinese(chars, text, _gb2312_common, 0.4)),
    ("cp950", lambda chars, raw, text: _chinese(chars, text, _big5_common, 0.9)),
    ("cp1251", lambda chars, raw, text: len(chars) >= 4 and _cyrillic_words(raw, text)),
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
        chars = [c for c in text if c >= "\u0080"]
        if reads_as(chars, raw, text):
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
