"""Find the legacy sources under the paths a user gives, in a stable order.

Batch users point the CLI at whole repositories, so discovery must skip what the repository
itself says is not source (``.gitignore``), what the user says to skip (``.transformignore``,
``--exclude``) and version-control metadata, and must list files in the same order on every
machine so that reports and caches are reproducible.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pathspec

from .headers import VB_EXTENSIONS
from .model import IngestError

SourceType = Literal["vb", "vbscript", "shell", "office"]

OFFICE_EXTENSIONS = frozenset(
    {".xlsm", ".xlsb", ".xls", ".xlam", ".xla", ".docm", ".dotm", ".doc", ".pptm", ".ppt", ".potm"}
)
VBSCRIPT_EXTENSIONS = frozenset({".vbs"})
SHELL_EXTENSIONS = frozenset({".sh", ".bash"})
# Binary companions of VB6 forms, controls, property pages and designers: never sources.
COMPANION_EXTENSIONS = frozenset({".frx", ".ctx", ".pgx", ".dsx", ".dca", ".dcx"})
SKIPPED_DIRECTORIES = frozenset({".git", ".hg", ".svn"})
IGNORE_FILE = ".transformignore"
GITIGNORE_FILE = ".gitignore"
# Interpreters named on a shebang line that we treat as shell scripts, and their dialect.
_SHELLS = {"bash": "bash", "sh": "sh", "dash": "sh"}


def read_shebang(path: Path) -> str | None:
    """Dialect ("bash" or "sh") named by a ``#!`` line, or None; reads only the first line."""
    try:
        with path.open("rb") as handle:
            head = handle.readline(256)
    except OSError:
        return None
    return shebang_dialect(head)


def shebang_dialect(head: bytes) -> str | None:
    """Parse ``#!/bin/bash``, ``#! /bin/sh``, ``#!/usr/bin/env bash`` or ``env -S bash -e``."""
    if not head.startswith(b"#!"):
        return None
    words = head[2:].decode("latin-1").split()
    if not words:
        return None
    program = words[0].rsplit("/", 1)[-1]
    if program == "env":
        rest = [w for w in words[1:] if not w.startswith("-") and "=" not in w]
        program = rest[0].rsplit("/", 1)[-1] if rest else ""
    return _SHELLS.get(program)


def source_type(path: Path) -> SourceType | None:
    """What kind of input a file is, from its extension, or for other files from a shebang."""
    suffix = path.suffix.lower()
    if suffix in VB_EXTENSIONS:
        return "vb"
    if suffix in VBSCRIPT_EXTENSIONS:
        return "vbscript"
    if suffix in SHELL_EXTENSIONS:
        return "shell"
    if suffix in OFFICE_EXTENSIONS:
        return "office"
    if suffix in COMPANION_EXTENSIONS:
        return None
    return "shell" if read_shebang(path) else None


@dataclass(frozen=True)
class _Rules:
    """gitignore-style pattern sets, each anchored at the directory its file sits in."""

    specs: tuple[tuple[Path, pathspec.PathSpec], ...] = ()

    def plus(self, base: Path, lines: Iterable[str]) -> _Rules:
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
        return _Rules((*self.specs, (base, spec))) if spec.patterns else self

    def plus_file(self, base: Path, name: str) -> _Rules:
        try:
            lines = (base / name).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return self
        return self.plus(base, lines)

    def ignores(self, path: Path, is_dir: bool) -> bool:
        """Git's rule: the last matching pattern decides, deeper files overriding shallower."""
        ignored = False
        for base, spec in self.specs:
            rel = path.relative_to(base).as_posix() + ("/" if is_dir else "")
            result = spec.check_file(rel)
            if result.include is not None:
                ignored = result.include
        return ignored


def _walk(
    directory: Path, rules: _Rules, found: set[Path], errors: list[IngestError] | None
) -> None:
    """Collect source files under ``directory``; never follows symlinked directories."""
    rules = rules.plus_file(directory, GITIGNORE_FILE)
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        if errors is not None:
            errors.append(IngestError(directory, f"cannot list directory: {exc.strerror}"))
        return
    for entry in entries:
        path = Path(entry.path)
        is_dir = entry.is_dir(follow_symlinks=False)
        if (is_dir and entry.name in SKIPPED_DIRECTORIES) or rules.ignores(path, is_dir):
            continue
        if is_dir:
            _walk(path, rules, found, errors)
        elif entry.is_file() and source_type(path) is not None:
            found.add(path)


def discover(
    paths: Iterable[Path | str],
    exclude: Iterable[str] = (),
    errors: list[IngestError] | None = None,
) -> Iterator[Path]:
    """Yield the source files under ``paths``, sorted by path components, each once.

    Directories are walked recursively, honouring ``.gitignore`` files (each relative to its
    own directory), a ``.transformignore`` at the given directory, and ``exclude`` patterns in
    the same gitignore syntax relative to that directory. A file named directly is yielded
    whatever its type (the user asked for it; ``ingest`` explains if it cannot be read) unless
    an ``exclude`` pattern matches its name. Problems listing a directory go to ``errors``.
    """
    exclude = list(exclude)
    found: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            rules = _Rules().plus(path, exclude).plus_file(path, IGNORE_FILE)
            _walk(path, rules, found, errors)
        elif not _Rules().plus(path.parent, exclude).ignores(path, is_dir=False):
            found.add(path)
    yield from sorted(found)
