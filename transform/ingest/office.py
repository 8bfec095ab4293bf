"""Read the VBA modules stored inside Office files (.xlsm, .xls, .docm, .ppt, ...).

oletools does the container work: it opens OLE compound files, OOXML packages and PowerPoint's
special layout, finds every VBA project, reads the ``dir`` stream ([MS-OVBA] 2.3.4.2) and
decompresses each module stream (2.4.1). We use its ``VBA_Project``/``VBA_Module`` objects
rather than its one-call extraction because they also give the module type record
(MODULETYPE, 2.3.4.2.3.2.8), the project's code page (PROJECTCODEPAGE, 2.3.4.2.1.4) and the
module's raw bytes, which we need to decode strictly and to hash.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import olefile

with warnings.catch_warnings():
    # oletools builds its pyparsing grammars at import time with names pyparsing 3 deprecates;
    # the warnings are about oletools' code, not ours, and would only clutter every run.
    warnings.simplefilter("ignore", DeprecationWarning)
    from oletools import crypto, olevba

from .decode import detect_newline
from .headers import has_vb_base, vb_name
from .model import IngestError, Kind, SourceModule

log = logging.getLogger(__name__)

_ZIP_MAGIC = b"PK\x03\x04"
# MODULETYPE record ids ([MS-OVBA] 2.3.4.2.3.2.8).
_PROCEDURAL = 0x0021


@dataclass(frozen=True)
class _Declared:
    """Module kinds as the PROJECT stream ([MS-OVBA] 2.3.1) declares them, by lowercase name."""

    documents: frozenset[str]
    classes: frozenset[str]
    designers: frozenset[str]
    standards: frozenset[str]


def _parse_project_stream(text: str) -> _Declared:
    """Collect the ``Document=``, ``Class=``, ``BaseClass=`` and ``Module=`` declarations."""
    keys = ("Document", "Class", "BaseClass", "Module")
    found: dict[str, set[str]] = {key: set() for key in keys}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            break
        key, sep, value = line.partition("=")
        if sep and key in found:
            found[key].add(value.split("/", 1)[0].strip().lower())
    return _Declared(
        documents=frozenset(found["Document"]),
        classes=frozenset(found["Class"]),
        designers=frozenset(found["BaseClass"]),
        standards=frozenset(found["Module"]),
    )


def _module_kind(module: olevba.VBA_Module, declared: _Declared, text: str) -> Kind:
    """Kind from the MODULETYPE record, refined by the PROJECT stream's declarations.

    MODULETYPE only separates procedural modules from the rest; the PROJECT stream says which
    of the rest are documents (ThisWorkbook, Sheet1, ThisDocument), classes or designers.
    """
    name = (module.name or "").lower()
    if module.type == _PROCEDURAL or (module.type is None and name in declared.standards):
        return "standard"
    if name in declared.documents:
        return "document"
    if name in declared.designers:
        return "form"
    if name in declared.classes:
        return "class"
    # Not declared at all: document and designer modules carry VB_Base, classes do not.
    return "document" if has_vb_base(text) else "class"


def _decode_module(raw: bytes, codec: str) -> str:
    """Decode module bytes strictly in the project code page (cp1252 as Windows reads it)."""
    errors = "transform-windows-c1" if codecs.lookup(codec).name == "cp1252" else "strict"
    return raw.decode(codec, errors=errors)


def _precheck(path: Path, raw: bytes) -> IngestError | None:
    """Catch encrypted, corrupt and foreign files before oletools guesses at them."""
    if olefile.isOleFile(data=raw):
        try:
            with olefile.OleFileIO(raw) as ole:
                encrypted = crypto.is_encrypted(ole)
        except Exception as exc:  # noqa: BLE001 - any parse failure means a corrupt file
            return IngestError(path, f"corrupt OLE compound file: {exc}")
        if encrypted:
            return IngestError(
                path,
                "encrypted (password-protected) Office file; decrypt it "
                "(for example with msoffcrypto-tool) and run again",
            )
        return None
    if raw.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as package:
                bad = package.testzip()
        except Exception as exc:  # noqa: BLE001 - zipfile raises zlib, EOF, OS and its own errors
            return IngestError(path, f"corrupt Office file (damaged ZIP package): {exc}")
        if bad is not None:
            return IngestError(path, f"corrupt Office file: ZIP member {bad!r} is damaged")
        return None
    return IngestError(path, "not an Office file: neither an OLE compound file nor a ZIP package")


def _ole_parsers(parser: olevba.VBA_Parser) -> Iterator[tuple[olevba.VBA_Parser, str]]:
    """Each parser holding an OLE file, with the prefix that locates it inside the container."""
    if parser.ole_file is not None:
        yield parser, ""
    for sub in parser.ole_subfiles:
        prefix = f"{sub.filename}/" if sub.filename else ""
        for inner, inner_prefix in _ole_parsers(sub):
            yield inner, prefix + inner_prefix


def _project_modules(
    path: Path, ole: olefile.OleFileIO, location: tuple[str, str, str], prefix: str
) -> tuple[list[SourceModule], list[IngestError]]:
    """Read one VBA project: parse ``dir``, then build a SourceModule per module stream."""
    vba_root, project_path, dir_path = location
    project = olevba.VBA_Project(ole, vba_root, project_path, dir_path, relaxed=True)
    declared = _parse_project_stream(project.decode_bytes(ole.openstream(project_path).read()))
    for _ in project.parse_modules():
        pass
    modules: list[SourceModule] = []
    errors: list[IngestError] = []
    for module in project.modules:
        member = prefix + (module.code_path or f"{vba_root}VBA/{module.streamname or module.name}")
        if module.code_raw is None:
            errors.append(IngestError(path, "module stream missing or empty", member=member))
            continue
        raw = bytes(module.code_raw)
        try:
            text = _decode_module(raw, project.codec)
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            message = f"module is not valid in code page {project.codepage}: {exc.reason}"
            errors.append(IngestError(path, message, member=member, line=line))
            continue
        modules.append(
            SourceModule(
                path=path,
                member=member,
                name=vb_name(text) or module.name,
                kind=_module_kind(module, declared, text),
                language="vba",
                dialect="vba",
                text=text,
                encoding=codecs.lookup(project.codec).name,
                newline=detect_newline(text),
                sha256=hashlib.sha256(raw).hexdigest(),
            )
        )
    return modules, errors


def _all_modules(
    path: Path, parser: olevba.VBA_Parser
) -> tuple[list[SourceModule], list[IngestError]]:
    modules: list[SourceModule] = []
    errors: list[IngestError] = []
    for ole_parser, prefix in _ole_parsers(parser):
        for location in ole_parser.find_vba_projects() or []:
            try:
                found, problems = _project_modules(path, ole_parser.ole_file, location, prefix)
            except Exception as exc:  # noqa: BLE001 - oletools raises many types on bad data
                member = prefix + location[0] + "VBA/dir"
                errors.append(IngestError(path, f"corrupt VBA project: {exc}", member=member))
                continue
            modules.extend(found)
            errors.extend(problems)
    return modules, errors


def read_office_modules(path: Path | str) -> tuple[list[SourceModule], list[IngestError]]:
    """All modules of an Office file plus every problem met, file-level or per module.

    ``member`` is the module stream's path inside the file, prefixed by the package part for
    OOXML (``xl/vbaProject.bin/VBA/Module1``); ``sha256`` hashes the module's decompressed
    source bytes, so an unchanged module keeps its hash when the workbook around it changes.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [IngestError(path, f"cannot read file: {exc.strerror}")]
    problem = _precheck(path, raw)
    if problem is not None:
        return [], [problem]
    try:
        parser = olevba.VBA_Parser(str(path), data=raw, relaxed=True)
    except Exception as exc:  # noqa: BLE001 - FileOpenError and parse errors alike
        return [], [IngestError(path, f"corrupt or unsupported Office file: {exc}")]
    try:
        modules, errors = _all_modules(path, parser)
    finally:
        parser.close()
    if not modules and not errors:
        errors.append(IngestError(path, "no VBA macros: the file contains no VBA project"))
    return modules, errors


def read_office(path: Path | str) -> list[SourceModule] | IngestError:
    """The VBA modules of one Office file, or the error that kept any from being read.

    Per-module problems in a file that still yielded modules are only reported by
    ``read_office_modules`` (which ``ingest`` uses); this is the simple single-file view.
    """
    modules, errors = read_office_modules(path)
    if modules or not errors:
        return modules
    return errors[0]
