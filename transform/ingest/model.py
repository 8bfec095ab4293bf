"""Plain data exchanged by the ingest stage.

Everything here is a frozen dataclass of JSON-friendly fields so later stages can cache on it
(by ``sha256``) and serialise it without knowing how it was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Kind = Literal["standard", "class", "form", "document", "usercontrol", "script", "shell"]
Language = Literal["vba", "vbscript", "bash"]
Newline = Literal["\r\n", "\n", "\r", "mixed", ""]


@dataclass(frozen=True)
class SourceModule:
    """One decoded unit of legacy source: a file on disk or a module inside an Office file.

    ``text`` keeps the line endings exactly as decoded (only a byte-order mark is dropped), so
    positions computed on ``text.encode("utf-8")`` by the parser map back to real lines without
    any bookkeeping; ``newline`` tells writers which line ending the original used.
    """

    path: Path
    member: str | None
    name: str
    kind: Kind
    language: Language
    dialect: str
    text: str
    encoding: str
    newline: Newline
    sha256: str

    @property
    def display(self) -> str:
        """Where the module came from, as users want to read it in messages."""
        return f"{self.path}:{self.member}" if self.member else str(self.path)


@dataclass(frozen=True)
class IngestError:
    """A problem with one input; collected, never raised, so the rest of a batch goes on."""

    path: Path
    message: str
    member: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = str(self.path)
        if self.member:
            where += f":{self.member}"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


@dataclass
class IngestResult:
    """What ``ingest`` found: modules in discovery order, and every per-file error."""

    modules: list[SourceModule] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
