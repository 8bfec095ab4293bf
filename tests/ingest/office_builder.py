"""Build real Office files containing VBA, from first principles, for the ingest tests.

Nothing here is a binary fixture: every byte is produced from the published formats, so the
tests show that our reader handles files laid out as the specifications say.

- [MS-OVBA] 2.4.1: the compression used for the ``dir`` stream and module source.
- [MS-CFB]: the OLE compound file (version 3: 512-byte sectors, 64-byte mini sectors, a mini
  stream for streams under 4096 bytes).
- [MS-OVBA] 2.3: the VBA storage (``PROJECT``, ``VBA/_VBA_PROJECT``, ``VBA/dir``, modules).
- [ECMA-376] Open Packaging Conventions: the ``.xlsm`` ZIP package around ``vbaProject.bin``.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# [MS-OVBA] 2.4.1 compression

_CHUNK = 4096


def _copy_token_layout(difference: int) -> tuple[int, int]:
    """(bit count for the length, maximum match length) at ``difference`` bytes into a chunk.

    [MS-OVBA] 2.4.1.3.19.1: the offset field uses ceil(log2(difference)) bits, at least 4; the
    length field gets the rest of the 16 bits, and lengths are stored minus 3.
    """
    bit_count = max((difference - 1).bit_length(), 4)
    length_bits = 16 - bit_count
    return length_bits, (1 << length_bits) - 1 + 3


def _longest_match(chunk: bytes, pos: int) -> tuple[int, int]:
    """Best earlier occurrence (offset, length) of the bytes at ``pos``; length 0 if none >= 3."""
    _, max_length = _copy_token_layout(pos)
    limit = min(max_length, len(chunk) - pos)
    best_offset, best_length = 0, 0
    for start in range(pos - 1, -1, -1):
        length = 0
        # Matches may overlap the current position, as in LZ77: compare byte by byte.
        while length < limit and chunk[start + length] == chunk[pos + length]:
            length += 1
        if length > best_length:
            best_offset, best_length = pos - start, length
            if length == limit:
                break
    return (best_offset, best_length) if best_length >= 3 else (0, 0)


def _compress_tokens(chunk: bytes) -> bytes:
    """Token sequences for one chunk: a flag byte, then up to 8 literal bytes or copy tokens."""
    out = bytearray()
    pos = 0
    while pos < len(chunk):
        flag_index = len(out)
        out.append(0)
        for bit in range(8):
            if pos >= len(chunk):
                break
            offset, length = _longest_match(chunk, pos) if pos else (0, 0)
            if length:
                length_bits, _ = _copy_token_layout(pos)
                token = ((offset - 1) << length_bits) | (length - 3)
                out += struct.pack("<H", token)
                out[flag_index] |= 1 << bit
                pos += length
            else:
                out.append(chunk[pos])
                pos += 1
    return bytes(out)


def compress(data: bytes) -> bytes:
    """A CompressedContainer: signature 0x01, then one chunk per 4096 input bytes."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), _CHUNK):
        chunk = data[start : start + _CHUNK]
        body = _compress_tokens(chunk)
        if len(body) <= _CHUNK:
            # Header: size-3 in bits 0-11, signature 0b011 in bits 12-14, compressed flag bit 15.
            out += struct.pack("<H", 0xB000 | (len(body) + 2 - 3)) + body
        elif len(chunk) == _CHUNK:
            out += struct.pack("<H", 0x3000 | (_CHUNK + 2 - 3)) + chunk  # raw chunk
        else:
            raise ValueError("incompressible final chunk cannot be stored without padding")
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# [MS-CFB] compound file writer

_SECTOR = 512
_MINI_SECTOR = 64
_MINI_CUTOFF = 4096
_FREESECT, _ENDOFCHAIN, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
_STORAGE, _STREAM, _ROOT = 1, 2, 5
_RED, _BLACK = 0, 1


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: list[_Entry] | None = None
    sid: int = 0
    start: int = _ENDOFCHAIN
    left: int = _NOSTREAM
    right: int = _NOSTREAM
    child: int = _NOSTREAM
    color: int = _BLACK


def _cfb_order(entry: _Entry) -> tuple[int, str]:
    """[MS-CFB] 2.6.4: siblings sort by name length first, then by upper-cased name."""
    return len(entry.name), entry.name.upper()


def _tree(paths: dict[str, bytes]) -> _Entry:
    """Turn ``{"A/B/stream": data}`` into a storage tree under a root entry."""
    root = _Entry("Root Entry", _ROOT, children=[])
    for path, data in paths.items():
        node = root
        *storages, leaf = path.split("/")
        for name in storages:
            found = next((c for c in node.children or [] if c.name == name), None)
            if found is None:
                found = _Entry(name, _STORAGE, children=[])
                node.children.append(found)  # type: ignore[union-attr]
            node = found
        node.children.append(_Entry(leaf, _STREAM, data=data))  # type: ignore[union-attr]
    return root


def _flatten(root: _Entry) -> list[_Entry]:
    """Directory order: root first, then each storage's children, depth first."""
    entries = [root]
    pending = [root]
    while pending:
        node = pending.pop(0)
        for child in sorted(node.children or [], key=_cfb_order):
            child.sid = len(entries)
            entries.append(child)
            if child.children is not None:
                pending.append(child)
    return entries


def _link_siblings(siblings: list[_Entry], depth: int, height: int) -> int:
    """Balanced binary search tree of siblings; returns the sid of its root.

    Colouring every node on the deepest level red and the rest black gives each path the same
    number of black nodes, so the tree is a valid red-black tree as [MS-CFB] 2.6.4 requires.
    """
    if not siblings:
        return _NOSTREAM
    middle = len(siblings) // 2
    node = siblings[middle]
    node.color = _RED if depth == height and depth > 0 else _BLACK
    node.left = _link_siblings(siblings[:middle], depth + 1, height)
    node.right = _link_siblings(siblings[middle + 1 :], depth + 1, height)
    return node.sid


def _link(entries: list[_Entry]) -> None:
    for node in entries:
        if node.children:
            ordered = sorted(node.children, key=_cfb_order)
            height = len(ordered).bit_length() - 1
            node.child = _link_siblings(ordered, 0, height)


def _directory_entry(entry: _Entry) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\x00\x00"
    if len(name) > 64:
        raise ValueError(f"CFB names are limited to 31 characters: {entry.name!r}")
    # A stream's size is its length; the root's is the length of the mini stream it holds.
    size = len(entry.data) if entry.kind in (_STREAM, _ROOT) else 0
    return (
        name.ljust(64, b"\x00")
        + struct.pack(
            "<HBB3I", len(name), entry.kind, entry.color, entry.left, entry.right, entry.child
        )
        + b"\x00" * 16  # CLSID
        + struct.pack("<I", 0)  # state bits
        + b"\x00" * 16  # creation and modified times
        + struct.pack("<IQ", entry.start, size)
    )


_EMPTY_ENTRY = (
    b"\x00" * 64 + struct.pack("<HBB3I", 0, 0, 0, _NOSTREAM, _NOSTREAM, _NOSTREAM) + (b"\x00" * 48)
)


def _chain(fat: list[int], first: int, count: int) -> None:
    for i in range(count):
        fat[first + i] = first + i + 1 if i < count - 1 else _ENDOFCHAIN


def _pad(data: bytes, size: int) -> bytes:
    return data + b"\x00" * (-len(data) % size)


def build_cfb(streams: dict[str, bytes]) -> bytes:
    """A version 3 compound file holding ``streams`` (paths use "/" between storages)."""
    entries = _flatten(_tree(streams))
    _link(entries)
    mini = bytearray()
    big: list[_Entry] = []
    for entry in entries:
        if entry.kind != _STREAM or not entry.data:
            continue
        if len(entry.data) < _MINI_CUTOFF:
            entry.start = len(mini) // _MINI_SECTOR
            mini += _pad(entry.data, _MINI_SECTOR)
        else:
            big.append(entry)
    minifat = [_FREESECT] * (len(mini) // _MINI_SECTOR)
    for entry in entries:
        if entry.kind == _STREAM and 0 < len(entry.data) < _MINI_CUTOFF:
            _chain(minifat, entry.start, -(-len(entry.data) // _MINI_SECTOR))

    body: list[bytes] = []
    fat_marks: list[tuple[int, int]] = []  # (first sector, count) of each chain

    def place(data: bytes) -> int:
        first = sum(len(b) for b in body) // _SECTOR
        body.append(_pad(data, _SECTOR))
        fat_marks.append((first, len(body[-1]) // _SECTOR))
        return first

    for entry in big:
        entry.start = place(entry.data)
    root = entries[0]
    root.start = place(bytes(mini)) if mini else _ENDOFCHAIN
    root.data = bytes(mini)  # the root entry's size is the mini stream's size
    minifat_bytes = b"".join(struct.pack("<I", v) for v in minifat)
    minifat_start = place(minifat_bytes) if minifat else _ENDOFCHAIN
    minifat_count = len(_pad(minifat_bytes, _SECTOR)) // _SECTOR
    directory = b"".join(_directory_entry(e) for e in entries)
    directory += _EMPTY_ENTRY * (-len(entries) % 4)
    directory_start = place(directory)

    data_sectors = sum(len(b) for b in body) // _SECTOR
    fat_count = 1
    while fat_count * (_SECTOR // 4) < data_sectors + fat_count:
        fat_count += 1
    if fat_count > 109:
        raise ValueError("test builder supports files of up to 109 FAT sectors only")
    fat = [_FREESECT] * (fat_count * _SECTOR // 4)
    for first, count in fat_marks:
        _chain(fat, first, count)
    for i in range(fat_count):
        fat[data_sectors + i] = _FATSECT
    difat = [data_sectors + i for i in range(fat_count)] + [_FREESECT] * (109 - fat_count)
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack(
            "<IIIIIIIII",
            0,
            fat_count,
            directory_start,
            0,
            _MINI_CUTOFF,
            minifat_start,
            minifat_count if minifat else 0,
            _ENDOFCHAIN,
            0,
        )
        + struct.pack("<109I", *difat)
    )
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    return header + b"".join(body) + fat_bytes


# ---------------------------------------------------------------------------------------------
# [MS-OVBA] 2.3 VBA project storage


@dataclass(frozen=True)
class Module:
    """One VBA module to store: its name, kind and source exactly as the VBA editor keeps it."""

    name: str
    kind: str  # "standard", "class", "document" or "form"
    code: str
    stream_name: str | None = None  # defaults to the module name


def _record(record_id: int, payload: bytes) -> bytes:
    return struct.pack("<HI", record_id, len(payload)) + payload


def _dual(record_id: int, text: bytes, reserved: int, unicode: bytes) -> bytes:
    """Records that hold an MBCS string followed by its UTF-16 twin ([MS-OVBA] 2.3.4.2)."""
    return _record(record_id, text) + _record(reserved, unicode)


def _module_record(module: Module, codepage: str, text_offset: int) -> bytes:
    """MODULE record, [MS-OVBA] 2.3.4.2.3.2."""
    name = module.name.encode(codepage)
    stream = (module.stream_name or module.name).encode(codepage)
    stream_u = (module.stream_name or module.name).encode("utf-16-le")
    module_type = 0x0021 if module.kind == "standard" else 0x0022
    return (
        _record(0x0019, name)  # MODULENAME
        + _record(0x0047, module.name.encode("utf-16-le"))  # MODULENAMEUNICODE
        + _dual(0x001A, stream, 0x0032, stream_u)  # MODULESTREAMNAME
        + _dual(0x001C, b"", 0x0048, b"")  # MODULEDOCSTRING
        + _record(0x0031, struct.pack("<I", text_offset))  # MODULEOFFSET
        + _record(0x001E, struct.pack("<I", 0))  # MODULEHELPCONTEXT
        + _record(0x002C, struct.pack("<H", 0xFFFF))  # MODULECOOKIE
        + struct.pack("<HI", module_type, 0)  # MODULETYPE
        + struct.pack("<HI", 0x002B, 0)  # Terminator
    )


def dir_stream(modules: list[Module], codepage: int, project_name: str = "VBAProject") -> bytes:
    """Decompressed ``dir`` stream, [MS-OVBA] 2.3.4.2, with no references."""
    codec = f"cp{codepage}"
    information = (
        _record(0x0001, struct.pack("<I", 1))  # PROJECTSYSKIND: 32-bit Windows
        + _record(0x0002, struct.pack("<I", 0x409))  # PROJECTLCID
        + _record(0x0014, struct.pack("<I", 0x409))  # PROJECTLCIDINVOKE
        + _record(0x0003, struct.pack("<H", codepage))  # PROJECTCODEPAGE
        + _record(0x0004, project_name.encode(codec))  # PROJECTNAME
        + _dual(0x0005, b"", 0x0040, b"")  # PROJECTDOCSTRING
        + _dual(0x0006, b"", 0x003D, b"")  # PROJECTHELPFILEPATH
        + _record(0x0007, struct.pack("<I", 0))  # PROJECTHELPCONTEXT
        + _record(0x0008, struct.pack("<I", 0))  # PROJECTLIBFLAGS
        + struct.pack("<HIIH", 0x0009, 4, 1, 0)  # PROJECTVERSION (Reserved=4, major, minor)
        + _dual(0x000C, b"", 0x003C, b"")  # PROJECTCONSTANTS
    )
    records = _record(0x000F, struct.pack("<H", len(modules)))  # PROJECTMODULES
    records += _record(0x0013, struct.pack("<H", 0xFFFF))  # PROJECTCOOKIE
    for module in modules:
        records += _module_record(module, codec, MODULE_TEXT_OFFSET)
    return information + records + struct.pack("<HI", 0x0010, 0)  # dir Terminator


# Bytes before the compressed source in each module stream (where Office keeps compiled
# P-code, the PerformanceCache); a non-zero offset checks that readers honour MODULEOFFSET.
MODULE_TEXT_OFFSET = 16


def project_stream(modules: list[Module], codepage: int) -> bytes:
    """PROJECT stream, [MS-OVBA] 2.3.1: the text declarations of each module."""
    lines = ['ID="{00000000-0000-0000-0000-000000000000}"']
    keyword = {"standard": "Module", "class": "Class", "form": "BaseClass"}
    for module in modules:
        if module.kind == "document":
            lines.append(f"Document={module.name}/&H00000000")
        else:
            lines.append(f"{keyword[module.kind]}={module.name}")
    lines += ['Name="VBAProject"', 'HelpContextID="0"', 'VersionCompatible32="393222000"', ""]
    lines += [
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
    ]
    return "\r\n".join(lines).encode(f"cp{codepage}")


def vba_streams(modules: list[Module], codepage: int = 1252, root: str = "") -> dict[str, bytes]:
    """All streams of a VBA project storage, keyed by path under ``root``."""
    codec = f"cp{codepage}"
    streams = {
        f"{root}PROJECT": project_stream(modules, codepage),
        # _VBA_PROJECT, [MS-OVBA] 2.3.4.1: Reserved1 0x61CC, Version, Reserved2, Reserved3;
        # no PerformanceCache, which makes Office recompile from source.
        f"{root}VBA/_VBA_PROJECT": struct.pack("<HHBH", 0x61CC, 0xFFFF, 0x00, 0x0000),
        f"{root}VBA/dir": compress(dir_stream(modules, codepage)),
    }
    for module in modules:
        stream = module.stream_name or module.name
        cache = bytes(range(MODULE_TEXT_OFFSET))
        streams[f"{root}VBA/{stream}"] = cache + compress(module.code.encode(codec))
    return streams


def vba_project_bin(modules: list[Module], codepage: int = 1252) -> bytes:
    """A ``vbaProject.bin`` as stored in OOXML packages: the project storage at the root."""
    return build_cfb(vba_streams(modules, codepage))


# ---------------------------------------------------------------------------------------------
# Containers: OOXML .xlsm and legacy .xls

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PKG = "http://schemas.openxmlformats.org/package/2006"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def _content_types() -> str:
    return (
        f'{_XML}<Types xmlns="{_PKG}/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        f'relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_MACRO_WORKBOOK_TYPE}"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_WORKSHEET_TYPE}"/>'
        "</Types>"
    )


def _relationships(*relations: tuple[str, str]) -> str:
    items = "".join(
        f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate(relations, start=1)
    )
    return f'{_XML}<Relationships xmlns="{_PKG}/relationships">{items}</Relationships>'


def _workbook() -> str:
    return (
        f'{_XML}<workbook xmlns="{_SML}" xmlns:r="{_DOC_REL}">'
        '<workbookPr codeName="ThisWorkbook"/>'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def _sheet() -> str:
    return f'{_XML}<worksheet xmlns="{_SML}"><sheetPr codeName="Sheet1"/><sheetData/></worksheet>'


def write_xlsm(path: Path, modules: list[Module], codepage: int = 1252) -> Path:
    """A minimal macro-enabled workbook package with ``xl/vbaProject.bin``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _content_types())
        package.writestr(
            "_rels/.rels", _relationships((f"{_DOC_REL}/officeDocument", "xl/workbook.xml"))
        )
        package.writestr("xl/workbook.xml", _workbook())
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            _relationships(
                (f"{_DOC_REL}/worksheet", "worksheets/sheet1.xml"), (_VBA_REL, "vbaProject.bin")
            ),
        )
        package.writestr("xl/worksheets/sheet1.xml", _sheet())
        package.writestr("xl/vbaProject.bin", vba_project_bin(modules, codepage))
    return path


def _biff_record(record_type: int, payload: bytes) -> bytes:
    return struct.pack("<HH", record_type, len(payload)) + payload


def minimal_biff8_workbook() -> bytes:
    """A ``Workbook`` stream with just BOF (globals, BIFF8) and EOF records ([MS-XLS] 2.4)."""
    bof = struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06)
    return _biff_record(0x0809, bof) + _biff_record(0x000A, b"")


def write_xls(path: Path, modules: list[Module], codepage: int = 1252) -> Path:
    """A legacy Excel file: an OLE file with ``Workbook`` and a ``_VBA_PROJECT_CUR`` storage."""
    streams = {"Workbook": minimal_biff8_workbook()}
    streams.update(vba_streams(modules, codepage, root="_VBA_PROJECT_CUR/"))
    path.write_bytes(build_cfb(streams))
    return path
