"""The ingest stage's entry point: paths in, decoded SourceModules and IngestErrors out."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from .decode import DecodeError, decode, detect_newline
from .discover import COMPANION_EXTENSIONS, discover, shebang_dialect, source_type
from .headers import looks_like_vb6, vb_kind, vb_name
from .model import IngestError, IngestResult, SourceModule
from .office import read_office_modules


class _ProjectFolders:
    """Remembers which folders hold a VB6 ``.vbp`` project file, listing each folder once."""

    def __init__(self) -> None:
        self._cache: dict[Path, bool] = {}

    def has_vbp(self, folder: Path) -> bool:
        if folder not in self._cache:
            try:
                found = any(p.suffix.lower() == ".vbp" for p in folder.iterdir() if p.is_file())
            except OSError:
                found = False
            self._cache[folder] = found
        return self._cache[folder]


def _text_module(path: Path, raw: bytes, kind_of: str, vbp: _ProjectFolders) -> SourceModule:
    """Decode one text source and describe it; raises DecodeError for binary or bad input."""
    text, encoding = decode(raw, path)
    if kind_of == "vb":
        vb6 = vbp.has_vbp(path.parent) or looks_like_vb6(path, text)
        kind, language, dialect = vb_kind(path, text), "vba", "vb6" if vb6 else "vba"
        name = vb_name(text) or path.stem
    elif kind_of == "vbscript":
        kind, language, dialect, name = "script", "vbscript", "vbscript", path.stem
    else:
        kind, language, name = "shell", "bash", path.stem if path.suffix else path.name
        dialect = shebang_dialect(raw.split(b"\n", 1)[0]) or "bash"
    return SourceModule(
        path=path,
        member=None,
        name=name,
        kind=kind,
        language=language,
        dialect=dialect,
        text=text,
        encoding=encoding,
        newline=detect_newline(text),
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def _unsupported(path: Path) -> IngestError:
    if path.suffix.lower() in COMPANION_EXTENSIONS:
        return IngestError(path, "binary resource companion of a VB6 form or control, not source")
    return IngestError(path, "not a recognised source file (unknown extension and no shebang)")


def ingest_file(path: Path, result: IngestResult, vbp: _ProjectFolders | None = None) -> None:
    """Read one discovered file into ``result``; every failure becomes an IngestError."""
    if not path.exists():
        result.errors.append(IngestError(path, "no such file or directory"))
        return
    kind_of = source_type(path)
    if kind_of is None:
        result.errors.append(_unsupported(path))
        return
    if kind_of == "office":
        modules, errors = read_office_modules(path)
        result.modules.extend(modules)
        result.errors.extend(errors)
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        result.errors.append(IngestError(path, f"cannot read file: {exc.strerror}"))
        return
    try:
        result.modules.append(_text_module(path, raw, kind_of, vbp or _ProjectFolders()))
    except DecodeError as exc:
        result.errors.append(IngestError(path, exc.message, line=exc.line, column=exc.column))


def ingest(paths: Iterable[Path | str], exclude: Iterable[str] = ()) -> IngestResult:
    """Discover and read every source under ``paths``; one bad file never stops the batch."""
    result = IngestResult()
    vbp = _ProjectFolders()
    for path in discover(paths, exclude, errors=result.errors):
        ingest_file(path, result, vbp)
    return result
