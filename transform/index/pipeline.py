"""From ingested modules to a :class:`ProjectIndex`: parse, extract, link.

Why modules are grouped into projects: VBA resolves unqualified public names within one
project, so two Excel workbooks scanned together must not see each other's modules.  A
project is an Office file, the folder of a VB6 ``.vbp``, a single VBScript file, or else a
directory the user named on the command line (all plain modules found under it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from transform.ingest import IngestError, SourceModule, ingest

from .extract import ModuleFacts, extract_module
from .link import Linker, detect_hosts
from .model import FileRecord, ParseFailure, ProjectIndex, ProjectInfo
from .parsing import ParseError, parse_vba

# progress(done, total, description): called as modules are read; total 0 = unknown.
Progress = Callable[[int, int, str], None]

_INDEXED_LANGUAGES = {"vba", "vbscript"}


@dataclass
class IndexRun:
    """An index plus the seconds spent per step (the benchmark reads them)."""

    index: ProjectIndex
    timings: dict[str, float] = field(default_factory=dict)


def index_paths(
    paths: Sequence[str | Path], exclude: Sequence[str] = (), progress: Progress | None = None
) -> IndexRun:
    """Ingest ``paths`` and index what was found; unreadable inputs become file records."""
    started = time.perf_counter()
    result = ingest([Path(p) for p in paths], exclude=list(exclude))
    ingest_seconds = time.perf_counter() - started
    run = index_modules(result.modules, [Path(p) for p in paths], progress, result.errors)
    run.timings = {"ingest": ingest_seconds, **run.timings}
    return run


def index_modules(
    sources: Sequence[SourceModule],
    roots: Sequence[Path] = (),
    progress: Progress | None = None,
    ingest_errors: Iterable[IngestError] = (),
) -> IndexRun:
    """Parse and extract each module (dropping its tree at once), then link the project."""
    index = ProjectIndex()
    timings = {"parse": 0.0, "extract": 0.0}
    facts: list[ModuleFacts] = []
    projects = _ProjectKeys(roots)
    ids = _ModuleIds()
    for error in ingest_errors:
        index.files.append(
            FileRecord(_where(error), "", "", "", "", 0, 0, "unreadable", str(error))
        )
    for done, source in enumerate(sources, start=1):
        record = _file_record(source)
        index.files.append(record)
        if progress is not None:
            progress(done, len(sources), source.display)
        if source.language not in _INDEXED_LANGUAGES:
            record.status = "skipped"
            record.message = f"{source.language} is not indexed"
            continue
        t0 = time.perf_counter()
        try:
            tree = parse_vba(source)
        except ParseError as error:
            timings["parse"] += time.perf_counter() - t0
            record.status = "parse_error"
            record.message = str(error)
            index.failures.append(ParseFailure(error.file, error.line, error.column, error.message))
            continue
        t1 = time.perf_counter()
        project = projects.key(source)
        facts.extend(extract_module(tree, source, ids.take(tree.name, project), project))
        timings["parse"] += t1 - t0
        timings["extract"] += time.perf_counter() - t1
    t0 = time.perf_counter()
    _link(index, facts)
    timings["link"] = time.perf_counter() - t0
    return IndexRun(index, timings)


def _link(index: ProjectIndex, facts: list[ModuleFacts]) -> None:
    by_project: dict[str, list] = {}
    for f in facts:
        by_project.setdefault(f.module.project, []).append(f.module)
    for name, modules in by_project.items():
        hosts, assumed = detect_hosts(modules)
        index.projects.append(ProjectInfo(name, hosts, assumed, [m.id for m in modules]))
    result = Linker(facts, index.projects).link()
    for f in facts:
        index.modules.append(f.module)
        index.procedures.extend(f.procedures)
        index.variables.extend(f.variables)
        index.constants.extend(f.constants)
        index.types.extend(f.types)
        index.enums.extend(f.enums)
        index.declares.extend(f.declares)
        index.events.extend(f.events)
        index.controls.extend(f.controls)
    index.references = result.references
    index.unresolved = result.unresolved
    index.externals = result.externals


def _file_record(source: SourceModule) -> FileRecord:
    text = source.text
    lines = text.count("\n") + (1 if text and not text.endswith("\n") else 0)
    return FileRecord(
        file=source.display,
        module=source.name,
        language=source.language,
        dialect=source.dialect,
        kind=source.kind,
        lines=lines,
        bytes=len(text.encode("utf-8")),
        status="indexed",
    )


def _where(error: IngestError) -> str:
    return f"{error.path}:{error.member}" if error.member else str(error.path)


class _ModuleIds:
    """Module ids are module names; a second module of the same name (another project in
    the same scan) becomes ``Name@project``."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def take(self, name: str, project: str) -> str:
        node = name
        if node.lower() in self.taken:
            node = f"{name}@{project}"
        n = 1
        while node.lower() in self.taken:
            n += 1
            node = f"{name}@{project}#{n}"
        self.taken.add(node.lower())
        return node


class _ProjectKeys:
    """Which project a module belongs to (see the module docstring)."""

    def __init__(self, roots: Sequence[Path]) -> None:
        self.roots = [r.resolve() for r in roots]
        self.labels = {r.resolve(): str(r) for r in roots}
        self.vbp: dict[Path, bool] = {}

    def key(self, source: SourceModule) -> str:
        if source.member is not None:
            return str(source.path)
        if source.kind == "script":
            return source.display
        folder = source.path.resolve().parent
        if self._has_vbp(folder):
            return self._label(folder)
        for root in self.roots:
            if root.is_dir() and (root == folder or root in folder.parents):
                return self.labels[root]
        return self._label(folder)

    def _has_vbp(self, folder: Path) -> bool:
        found = self.vbp.get(folder)
        if found is None:
            found = self.vbp[folder] = any(folder.glob("*.vbp"))
        return found

    def _label(self, folder: Path) -> str:
        try:
            return str(folder.relative_to(Path.cwd()))
        except ValueError:
            return str(folder)
