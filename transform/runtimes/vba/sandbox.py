"""File I/O confined to a scratch directory (MS-VBAL 5.4.5 file statements, the
FileSystemObject and TextStream objects).

Why: running legacy code must never touch the host.  Every path the code names
is resolved against the sandbox root; relative paths and absolute paths inside the
root work, anything else is recorded as an effect and not performed (reads see
"file not found", writes go nowhere).  Text files are Windows-1252 with CRLF line
ends, as VBA writes them.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import shutil
import struct
from pathlib import Path
from typing import Any

from .arrays import VbaArray
from .coerce import (
    parse_number,
    to_boolean,
    to_date,
    to_double,
    to_long,
    to_string,
)
from .objects import NativeObject, UdtValue
from .printing import Printer
from .registry import Settings
from .values import (
    MISSING,
    Byte,
    Currency,
    Date,
    Empty,
    Integer,
    LongLong,
    Null,
    Single,
    VbaError,
)

ENCODING = "cp1252"
APP_PATH = "C:\\Sandbox"
"""The program's folder as the code sees it (VB6's App.Path): a fixed name, so results that
contain it do not depend on where a run's scratch directory happens to be; paths under it
are the scratch directory."""


class Channel:
    """An open file number."""

    def __init__(self, path: Path | None, mode: str, record_length: int) -> None:
        self.path = path
        self.mode = mode
        self.record_length = record_length
        self.text = ""
        self.pos = 0
        self.out: list[str] = []
        self.data = bytearray()
        self.printer = Printer(self.out.append)
        if path is not None and mode in ("input",):
            self.text = path.read_bytes().decode(ENCODING, errors="replace")
        if path is not None and mode in ("binary", "random") and path.exists():
            self.data = bytearray(path.read_bytes())
        if path is not None and mode == "append" and path.exists():
            self.out.append(path.read_bytes().decode(ENCODING, errors="replace"))

    def flush(self) -> None:
        if self.path is None:
            return
        if self.mode in ("output", "append"):
            text = "".join(self.out).replace("\r\n", "\n").replace("\n", "\r\n")
            self.path.write_bytes(text.encode(ENCODING, errors="replace"))
        elif self.mode in ("binary", "random"):
            self.path.write_bytes(bytes(self.data))


def read_line(text: str, pos: int) -> tuple[str, int]:
    """The line starting at ``pos`` and where the next one starts: a line ends at CR, LF or
    CR LF (Line Input # and TextStream.ReadLine alike); reading past the end is error 62."""
    if pos >= len(text):
        raise VbaError(62)
    end = pos
    while end < len(text) and text[end] not in "\r\n":
        end += 1
    line = text[pos:end]
    if end < len(text) and text[end] == "\r":
        end += 1
    if end < len(text) and text[end] == "\n":
        end += 1
    return line, end


class Sandbox:
    """The scratch directory and the open file numbers of one run."""

    def __init__(self, root: Path, rt: Any) -> None:
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.rt = rt
        self.channels: dict[int, Channel] = {}
        self.cwd = self.root
        self._dir_matches: list[str] = []
        self.settings = Settings()  # SaveSetting/GetSetting: this run's own store

    # ------------------------------------------------------------------ paths

    def vba_path(self, rel: str) -> str:
        """How a path inside the sandbox looks to the code."""
        return str(self.root / rel) if rel else str(self.root)

    def resolve(self, path: str, action: str) -> Path | None:
        """Real path inside the sandbox, or None (and an effect) for anything outside."""
        p = path.replace("\\", "/")
        app = APP_PATH.replace("\\", "/").lower()
        if p.lower() == app or p.lower().startswith(app + "/"):
            p = str(self.root) + p[len(app) :]
        if len(p) >= 2 and p[1] == ":":
            candidate = Path(p)
            self.rt.effect("outside-sandbox", action=action, path=path)
            return None
        candidate = Path(p) if p.startswith("/") else self.cwd / p
        try:
            real = Path(os.path.normpath(candidate))
        except ValueError:
            return None
        if real == self.root or self.root in real.parents:
            return real
        self.rt.effect("outside-sandbox", action=action, path=path)
        return None

    # ------------------------------------------------------------------ Open/Close

    def open(self, path: str, mode: str, access: str, number: object, reclen: object) -> None:
        n = to_long(number)
        if n in self.channels:
            raise VbaError(55)
        if not 1 <= n <= 511:
            raise VbaError(52)
        real = self.resolve(path, f"open for {mode}")
        if real is None:
            if mode == "input":
                raise VbaError(53)
        elif mode == "input" and not real.is_file():
            raise VbaError(53)
        elif not real.parent.is_dir():
            raise VbaError(76)
        rl = to_long(reclen) if reclen is not None else 128
        ch = Channel(real, mode, rl)
        if real is not None and mode == "output":
            real.write_bytes(b"")
        self.channels[n] = ch

    def close(self, numbers: list[object]) -> None:
        keys = [to_long(x) for x in numbers] if numbers else list(self.channels)
        for k in keys:
            ch = self.channels.pop(k, None)
            if ch is not None:
                ch.flush()

    def close_all(self) -> None:
        self.close([])

    def _channel(self, number: object, *modes: str) -> Channel:
        ch = self.channels.get(to_long(number))
        if ch is None:
            raise VbaError(52)
        if modes and ch.mode not in modes:
            raise VbaError(54)
        return ch

    # ------------------------------------------------------------------ sequential

    def print_to(self, number: object, items: list) -> None:
        ch = self._channel(number, "output", "append")
        ch.printer.print_list(items)

    def write_to(self, number: object, values: list) -> None:
        """Write #: comma-separated, Strings quoted, #TRUE#/#NULL#/#date# forms
        ("Write # statement" page), then CRLF."""
        ch = self._channel(number, "output", "append")
        ch.out.append(",".join(_write_form(v) for v in values) + "\n")

    def line_input(self, number: object) -> str:
        ch = self._channel(number, "input")
        line, ch.pos = read_line(ch.text, ch.pos)
        return line

    def input_item(self, number: object) -> object:
        """One Input # field: quoted strings, numbers, #TRUE#, #NULL#, dates."""
        ch = self._channel(number, "input")
        text, i = ch.text, ch.pos
        while i < len(text) and text[i] in " \t":
            i += 1
        if i >= len(text):
            raise VbaError(62)
        if text[i] == '"':
            j = text.find('"', i + 1)
            j = len(text) if j < 0 else j
            value: object = text[i + 1 : j]
            i = j + 1
            while i < len(text) and text[i] in " \t":
                i += 1
        else:
            j = i
            while j < len(text) and text[j] not in ",\r\n":
                j += 1
            raw = text[i:j].strip()
            value = _read_form(raw)
            i = j
        if i < len(text) and text[i] == ",":
            i += 1
        elif i < len(text) and text[i] in "\r\n":
            if text[i] == "\r":
                i += 1
            if i < len(text) and text[i] == "\n":
                i += 1
        ch.pos = i
        return value

    def input_chars(self, n: int, number: object) -> str:
        ch = self._channel(number, "input", "binary")
        if ch.mode == "binary":
            out = ch.data[ch.pos : ch.pos + n].decode(ENCODING, errors="replace")
            ch.pos += n
            return out
        if ch.pos + n > len(ch.text):
            raise VbaError(62)
        out = ch.text[ch.pos : ch.pos + n]
        ch.pos += n
        return out

    # ------------------------------------------------------------------ random/binary

    def put(self, number: object, record: object, value: object) -> None:
        ch = self._channel(number, "random", "binary")
        data = _encode(value, ch.mode == "random")
        pos = self._position(ch, record)
        if ch.mode == "random":
            if len(data) > ch.record_length:
                raise VbaError(59)
            data = data + b"\0" * (ch.record_length - len(data))
        if len(ch.data) < pos:
            ch.data.extend(b"\0" * (pos - len(ch.data)))
        ch.data[pos : pos + len(data)] = data
        ch.pos = pos + len(data)

    def get(self, number: object, record: object, current: object) -> object:
        ch = self._channel(number, "random", "binary")
        pos = self._position(ch, record)
        value, used = _decode(current, bytes(ch.data), pos, ch.mode == "random")
        ch.pos = pos + (ch.record_length if ch.mode == "random" else used)
        return value

    def _position(self, ch: Channel, record: object) -> int:
        if record is None or record is MISSING:
            return ch.pos
        r = to_long(record)
        if r < 1:
            raise VbaError(63)
        return (r - 1) * ch.record_length if ch.mode == "random" else r - 1

    def misc(self, kind: str, number: object, args: list) -> None:
        if kind == "seek":
            ch = self._channel(number)
            r = to_long(args[0])
            ch.pos = (r - 1) * ch.record_length if ch.mode == "random" else r - 1

    # ------------------------------------------------------------------ functions

    def freefile(self, rangenumber: object = 0) -> int:
        lo = 256 if to_long(rangenumber) == 1 else 1
        for n in range(lo, lo + 255):
            if n not in self.channels:
                return n
        raise VbaError(67)

    def eof(self, number: object) -> bool:
        ch = self._channel(number)
        if ch.mode == "input":
            return ch.pos >= len(ch.text)
        return ch.pos >= len(ch.data)

    def lof(self, number: object) -> int:
        ch = self._channel(number)
        if ch.mode == "input":
            return len(ch.text.encode(ENCODING, errors="replace"))
        if ch.mode in ("output", "append"):
            return len("".join(ch.out).encode(ENCODING, errors="replace"))
        return len(ch.data)

    def loc(self, number: object) -> int:
        ch = self._channel(number)
        if ch.mode == "random":
            return ch.pos // max(ch.record_length, 1)
        return ch.pos

    def seek_fn(self, number: object) -> int:
        ch = self._channel(number)
        if ch.mode == "random":
            return ch.pos // max(ch.record_length, 1) + 1
        return ch.pos + 1

    def dir(self, pattern: object = MISSING, attributes: object = 0) -> str:
        """Dir: first match of a pattern, then the next on each Dir() call."""
        if pattern is not MISSING:
            text = to_string(pattern).replace("\\", "/")
            folder, _, mask = text.rpartition("/")
            real = self.resolve(folder or ".", "dir")
            if real is None or not real.is_dir():
                self._dir_matches = []
                return ""
            mask = mask or "*"
            want_dirs = to_long(attributes) & 16
            names = sorted(
                e.name
                for e in real.iterdir()
                if fnmatch.fnmatch(e.name.lower(), mask.lower().replace("*.*", "*"))
                and (e.is_file() or want_dirs)
            )
            self._dir_matches = names
        if not self._dir_matches:
            return ""
        return self._dir_matches.pop(0)

    def _existing(self, path: object, action: str) -> Path | None:
        real = self.resolve(to_string(path), action)
        if real is None:
            return None
        if not real.exists():
            raise VbaError(53)
        return real

    def filelen(self, path: object) -> int:
        real = self._existing(path, "filelen")
        if real is None:
            raise VbaError(53)
        return real.stat().st_size

    def filedatetime(self, path: object) -> Date:
        real = self._existing(path, "filedatetime")
        if real is None:
            raise VbaError(53)
        from .datetime_ import now  # the run's clock decides "now"

        return now()

    def getattr_fn(self, path: object) -> int:
        real = self._existing(path, "getattr")
        if real is None:
            raise VbaError(53)
        return 16 if real.is_dir() else 32

    def setattr_fn(self, path: object, attributes: object) -> None:
        self.rt.effect("setattr", path=to_string(path), attributes=to_long(attributes))

    def curdir(self, drive: object = MISSING) -> str:
        return str(self.cwd)

    def kill(self, pattern: object) -> None:
        text = to_string(pattern).replace("\\", "/")
        folder, _, mask = text.rpartition("/")
        real = self.resolve(folder or ".", "kill")
        if real is None:
            self.rt.effect("kill", path=to_string(pattern))
            return
        hits = [
            e
            for e in real.iterdir()
            if e.is_file() and fnmatch.fnmatch(e.name.lower(), mask.lower())
        ]
        if not hits:
            raise VbaError(53)
        for h in hits:
            h.unlink()

    def mkdir(self, path: object) -> None:
        real = self.resolve(to_string(path), "mkdir")
        if real is None:
            return
        if real.exists():
            raise VbaError(75)
        real.mkdir()

    def rmdir(self, path: object) -> None:
        real = self.resolve(to_string(path), "rmdir")
        if real is None:
            return
        if not real.is_dir():
            raise VbaError(76)
        if any(real.iterdir()):
            raise VbaError(75)
        real.rmdir()

    def chdir(self, path: object) -> None:
        real = self.resolve(to_string(path), "chdir")
        if real is None:
            return
        if not real.is_dir():
            raise VbaError(76)
        self.cwd = real

    def chdrive(self, drive: object) -> None:
        self.rt.effect("chdrive", drive=to_string(drive))

    def filecopy(self, source: object, dest: object) -> None:
        src = self._existing(source, "filecopy")
        dst = self.resolve(to_string(dest), "filecopy")
        if src is None or dst is None:
            return
        shutil.copyfile(src, dst)

    def rename(self, old: str, new: str) -> None:
        src = self.resolve(old, "name")
        dst = self.resolve(new, "name")
        if src is None or dst is None:
            return
        if not src.exists():
            raise VbaError(53)
        if dst.exists():
            raise VbaError(58)
        src.rename(dst)

    def file_system_object(self) -> FileSystemObject:
        return FileSystemObject(self)


# --------------------------------------------------------------------------- formats


def _write_form(v: object) -> str:
    if type(v) is str:
        return '"' + v + '"'
    if type(v) is bool:
        return "#TRUE#" if v else "#FALSE#"
    if v is Null:
        return "#NULL#"
    if v is Empty:
        return ""
    if type(v) is Date:
        d = float(v)
        from .format import format_value

        if d == int(d):
            return "#" + format_value(v, "yyyy-mm-dd") + "#"
        if 0 <= d < 1:
            return "#" + format_value(v, "hh:nn:ss") + "#"
        return "#" + format_value(v, "yyyy-mm-dd hh:nn:ss") + "#"
    from .values import ErrorValue

    if isinstance(v, ErrorValue):
        return f"#ERROR {v.number}#"
    return to_string(v)


def _read_form(raw: str) -> object:
    up = raw.upper()
    if up == "#TRUE#":
        return True
    if up == "#FALSE#":
        return False
    if up == "#NULL#":
        return Null
    if raw.startswith("#") and raw.endswith("#"):
        return to_date(raw[1:-1])
    if raw == "":
        return Empty
    n = parse_number(raw)
    if n is not None:
        f = float(n)
        return int(f) if f == int(f) and abs(f) < 2**31 else f
    return raw


_PACK = {
    Integer: "<h",
    int: "<i",
    Byte: "<B",
    LongLong: "<q",
    Single: "<f",
    float: "<d",
    Date: "<d",
    bool: "<h",
}


def _encode(v: object, random: bool) -> bytes:
    """Binary form used by Put (MS-VBAL 5.4.5.11: little-endian, fixed sizes)."""
    t = type(v)
    if t in _PACK:
        x: object = -1 if v is True else 0 if v is False else v
        return struct.pack(_PACK[t], x)
    if t is Currency:
        return struct.pack("<q", v.scaled)  # type: ignore[union-attr]
    if t is str:
        data = v.encode(ENCODING, errors="replace")  # type: ignore[union-attr]
        return data
    if isinstance(v, UdtValue):
        return b"".join(_encode(c.v, False) for c in v.fields.values())
    if isinstance(v, VbaArray):
        return b"".join(_encode(x, False) for x in v.data)
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        # a translated Type (a dataclass): its members in declaration order, as a UDT's
        return b"".join(_encode(getattr(v, f.name), False) for f in dataclasses.fields(v))
    raise VbaError(13)


def _decode(current: object, data: bytes, pos: int, random: bool) -> tuple[object, int]:
    """Read a value shaped like ``current`` at ``pos`` (what Get fills in)."""
    t = type(current)
    if t in _PACK:
        fmt = _PACK[t]
        size = struct.calcsize(fmt)
        chunk = data[pos : pos + size].ljust(size, b"\0")
        x = struct.unpack(fmt, chunk)[0]
        if t is bool:
            return x != 0, size
        return (t(x) if t is not int else x), size
    if t is Currency:
        chunk = data[pos : pos + 8].ljust(8, b"\0")
        return Currency(struct.unpack("<q", chunk)[0]), 8
    if t is str:
        n = len(current)  # type: ignore[arg-type]
        return data[pos : pos + n].ljust(n, b" ").decode(ENCODING, errors="replace"), n
    if isinstance(current, UdtValue):
        out = current.copy()
        used = 0
        for cell in out.fields.values():
            cell.v, k = _decode(cell.v, data, pos + used, False)
            used += k
        return out, used
    if dataclasses.is_dataclass(current) and not isinstance(current, type):
        made = current.copy() if hasattr(current, "copy") else dataclasses.replace(current)
        used = 0
        for f in dataclasses.fields(made):
            value, k = _decode(getattr(made, f.name), data, pos + used, False)
            object.__setattr__(made, f.name, value)
            used += k
        return made, used
    raise VbaError(13)


def byte_length(v: object) -> int:
    """Len of a UDT or typed value: its size in a file record."""
    return len(_encode(v, False))


# --------------------------------------------------------------------------- FSO


class FileSystemObject(NativeObject):
    """Scripting.FileSystemObject over the sandbox ("FileSystemObject object" page)."""

    vba_typename = "FileSystemObject"

    def __init__(self, box: Sandbox) -> None:
        self.box = box

    def _path(self, path: object, action: str) -> Path | None:
        return self.box.resolve(to_string(path), action)

    def vba_fileexists(self, path: object) -> bool:
        real = self._path(path, "fileexists")
        return real is not None and real.is_file()

    def vba_folderexists(self, path: object) -> bool:
        real = self._path(path, "folderexists")
        return real is not None and real.is_dir()

    def vba_createfolder(self, path: object) -> object:
        real = self._path(path, "createfolder")
        if real is not None:
            if real.exists():
                raise VbaError(58)
            real.mkdir(parents=True)
        return Empty

    def vba_deletefile(self, path: object, force: object = False) -> None:
        self.box.kill(path)

    def vba_deletefolder(self, path: object, force: object = False) -> None:
        real = self._path(path, "deletefolder")
        if real is not None:
            if not real.is_dir():
                raise VbaError(76)
            shutil.rmtree(real)

    def vba_copyfile(self, src: object, dst: object, overwrite: object = True) -> None:
        self.box.filecopy(src, dst)

    def vba_movefile(self, src: object, dst: object) -> None:
        self.box.rename(to_string(src), to_string(dst))

    def vba_getfilename(self, path: object) -> str:
        return to_string(path).replace("\\", "/").rstrip("/").rpartition("/")[2]

    def vba_getbasename(self, path: object) -> str:
        name = self.vba_getfilename(path)
        return name.rpartition(".")[0] if "." in name else name

    def vba_getextensionname(self, path: object) -> str:
        name = self.vba_getfilename(path)
        return name.rpartition(".")[2] if "." in name else ""

    def vba_getparentfoldername(self, path: object) -> str:
        text = to_string(path)
        cut = max(text.rfind("\\"), text.rfind("/"))
        return text[:cut] if cut > 0 else ""

    def vba_buildpath(self, path: object, name: object) -> str:
        p, n = to_string(path), to_string(name)
        if not p:
            return n
        sep = "/" if "/" in p and "\\" not in p else "\\"
        return p if not n else (p if p.endswith(("\\", "/")) else p + sep) + n

    def vba_getabsolutepathname(self, path: object) -> str:
        real = self._path(path, "getabsolutepathname")
        return str(real) if real is not None else to_string(path)

    def vba_gettempname(self) -> str:
        return "rad0001.tmp"

    def vba_opentextfile(
        self, path: object, mode: object = 1, create: object = False, fmt: object = 0
    ) -> TextStream:
        real = self._path(path, "opentextfile")
        m = to_long(mode)
        if m == 1:
            if real is None or not real.is_file():
                raise VbaError(53)
            return TextStream(real, "r", self.box)
        if real is None:
            return TextStream(None, "w", self.box)
        if not real.exists() and not to_boolean(create):
            raise VbaError(53)
        return TextStream(real, "a" if m == 8 else "w", self.box)

    def vba_createtextfile(self, path: object, overwrite: object = True, unicode: object = False):
        real = self._path(path, "createtextfile")
        if real is not None and real.exists() and not to_boolean(overwrite):
            raise VbaError(58)
        return TextStream(real, "w", self.box)

    def vba_getfile(self, path: object) -> FileInfo:
        real = self._path(path, "getfile")
        if real is None or not real.is_file():
            raise VbaError(53)
        return FileInfo(real)

    def vba_getfolder(self, path: object) -> FolderInfo:
        real = self._path(path, "getfolder")
        if real is None or not real.is_dir():
            raise VbaError(76)
        return FolderInfo(real)

    def vba_getspecialfolder(self, kind: object) -> str:
        return str(self.box.root)


class TextStream(NativeObject):
    """TextStream: ReadLine/ReadAll/AtEndOfStream for reading, Write/WriteLine for writing."""

    vba_typename = "TextStream"

    def __init__(self, path: Path | None, mode: str, box: Sandbox) -> None:
        self.path = path
        self.mode = mode
        self.line = 1
        self.pos = 0
        self.text = ""
        self.out: list[str] = []
        if mode == "r" and path is not None:
            self.text = path.read_bytes().decode(ENCODING, errors="replace")
        if mode == "a" and path is not None and path.exists():
            self.out.append(path.read_bytes().decode(ENCODING, errors="replace"))
        if mode in ("w", "a") and path is not None:
            path.write_bytes("".join(self.out).encode(ENCODING, errors="replace"))

    def _need(self, mode: str) -> None:
        if (mode == "r") != (self.mode == "r"):
            raise VbaError(54)

    def vba_atendofstream(self) -> bool:
        self._need("r")
        return self.pos >= len(self.text)

    def vba_atendofline(self) -> bool:
        self._need("r")
        return self.pos >= len(self.text) or self.text[self.pos] in "\r\n"

    def vba_line(self) -> int:
        return self.line

    def vba_readline(self) -> str:
        self._need("r")
        line, self.pos = read_line(self.text, self.pos)
        self.line += 1
        return line

    def vba_skipline(self) -> None:
        self.vba_readline()

    def vba_readall(self) -> str:
        self._need("r")
        if self.pos >= len(self.text):
            raise VbaError(62)
        out = self.text[self.pos :]
        self.pos = len(self.text)
        return out

    def vba_read(self, n: object) -> str:
        self._need("r")
        k = to_long(n)
        out = self.text[self.pos : self.pos + k]
        self.pos += len(out)
        return out

    def vba_write(self, text: object) -> None:
        self._need("w")
        self.out.append(to_string(text))
        self._flush()

    def vba_writeline(self, text: object = "") -> None:
        self._need("w")
        self.out.append(to_string(text) + "\r\n")
        self._flush()

    def vba_writeblanklines(self, n: object) -> None:
        self._need("w")
        self.out.append("\r\n" * to_long(n))
        self._flush()

    def _flush(self) -> None:
        if self.path is not None:
            self.path.write_bytes("".join(self.out).encode(ENCODING, errors="replace"))

    def vba_close(self) -> None:
        if self.mode != "r":
            self._flush()


class _PathInfo(NativeObject):
    """What FSO's File and Folder objects share: a path, its Name, Path as default member."""

    vba_default_member = "path"

    def __init__(self, path: Path) -> None:
        self.p = path

    def vba_name(self) -> str:
        return self.p.name

    def vba_path(self) -> str:
        return str(self.p)


class FileInfo(_PathInfo):
    vba_typename = "File"

    def vba_size(self) -> float:
        return float(self.p.stat().st_size)


class FolderInfo(_PathInfo):
    vba_typename = "Folder"

    def vba_files(self) -> VbaArray:
        return VbaArray.from_list([FileInfo(e) for e in sorted(self.p.iterdir()) if e.is_file()])

    def vba_subfolders(self) -> VbaArray:
        return VbaArray.from_list([FolderInfo(e) for e in sorted(self.p.iterdir()) if e.is_dir()])


__all__ = ["FileSystemObject", "Sandbox", "TextStream", "byte_length", "to_double"]
