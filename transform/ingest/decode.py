"""Turn the raw bytes of a source file into text, choosing the encoding the way the tools did.

VBA/VB6 exports and VBScript files are written in the machine's ANSI code page (Windows-1252 in
the western world) with no marker; newer editors write UTF-8, sometimes with a byte-order mark;
Notepad's "Unicode" is UTF-16 with a BOM. We honour a BOM, then try strict UTF-8 (which ANSI text
with accents almost never passes by accident), then fall back to Windows-1252.
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
    Encoding names: ``utf-8``, ``utf-8-sig``, ``utf-16-le``, ``utf-16-be``, ``cp1252``; pure ASCII
    reports ``utf-8``.
    """
    path = Path(path)
    decoded = _decode_with_bom(raw, path)
    if decoded is None:
        try:
            decoded = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            decoded = raw.decode("cp1252", errors="transform-windows-c1"), "cp1252"
    _check_text(decoded[0], path, decoded[1])
    return decoded


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
