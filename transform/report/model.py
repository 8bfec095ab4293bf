"""Data the report stage reads and writes, as plain dataclasses.

Why here: the report is the last stage, so its inputs are other stages' outputs.  The
``verify.json`` contract is defined in this module (the verify stage writes it, the report
reads it) and documented in docs/report.md; ``translation.json`` is read as convert writes
it; ``index.json`` is read through the few fields the report shows (see ``IndexView``).
Every loader checks shapes and raises ``InputError`` naming the file and the field, so a
malformed input becomes a visible "could not read" state in the report, not a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VERIFY_SCHEMA = 1
REPORT_SCHEMA = 1


class InputError(ValueError):
    """An input file of the report exists but does not have the documented shape."""


# --------------------------------------------------------------------------- helpers


def _require(data: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    """Fetch ``data[key]`` and check its type, so errors name the exact field."""
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected an object, got {type(data).__name__}")
    if key not in data:
        raise InputError(f"{where}: missing field {key!r}")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise InputError(f"{where}.{key}: expected {_kind_name(kind)}, got {type(value).__name__}")
    return value


def _optional(data: dict, key: str, kind: type | tuple[type, ...], where: str, default: Any) -> Any:
    """Like ``_require`` for fields that writers may leave out."""
    if data.get(key) is None:
        return default
    return _require(data, key, kind, where)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def _display(value: Any) -> str | None:
    """Values in verify.json are display strings; tolerate numbers and booleans too."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "True" if value else "False"
    return str(value)


# --------------------------------------------------------------------------- verify.json


@dataclass
class VbaError:
    """A raised error: ``number`` as Err.Number, ``description`` as Err.Description.

    ``number`` is None for a Python exception that is no VBA error (a marker's
    NotImplementedError, a TypeError in generated code); ``description`` then says what."""

    number: int | None
    description: str = ""

    @classmethod
    def from_json(cls, data: Any, where: str) -> VbaError | None:
        if data is None:
            return None
        number = _optional(data, "number", int, where, None)
        description = _optional(data, "description", str, where, "")
        if number is None and not description:
            raise InputError(f"{where}: an error needs a 'number' or a 'description'")
        return cls(number, description)

    def display(self) -> str:
        if self.number is None:
            return self.description
        return (
            f"Error {self.number}: {self.description}"
            if self.description
            else f"Error {self.number}"
        )


@dataclass
class CellValue:
    """One worksheet cell after the run: ``value`` is a display string, None when empty."""

    sheet: str
    address: str
    value: str | None

    @property
    def key(self) -> str:
        return f"{self.sheet}!{self.address}"


@dataclass
class Outcome:
    """What one run of a procedure did, as compared by the characterization tests.

    Values are display strings (VBA literal style, e.g. ``"abc"``, ``12``, ``#2024-01-31#``,
    ``Empty``, ``Null``) so the report never has to know VBA's type system."""

    return_value: str | None = None
    output: list[str] = field(default_factory=list)
    error: VbaError | None = None
    byref: dict[str, str] = field(default_factory=dict)
    cells: list[CellValue] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: Any, where: str) -> Outcome:
        if not isinstance(data, dict):
            raise InputError(f"{where}: expected an object, got {type(data).__name__}")
        output = _optional(data, "output", list, where, [])
        byref = _optional(data, "byref", dict, where, {})
        cells = [
            CellValue(
                _require(c, "sheet", str, f"{where}.cells[{i}]"),
                _require(c, "address", str, f"{where}.cells[{i}]"),
                _display(c.get("value")),
            )
            for i, c in enumerate(_optional(data, "cells", list, where, []))
        ]
        return cls(
            return_value=_display(data.get("return_value")),
            output=[str(line) for line in output],
            error=VbaError.from_json(data.get("error"), f"{where}.error"),
            byref={str(k): _display(v) or "" for k, v in byref.items()},
            cells=cells,
        )


@dataclass
class Argument:
    """One argument of a case: the parameter name and its display value."""

    name: str
    value: str


@dataclass
class CaseFailure:
    """A case whose Python outcome differs from the legacy (golden) outcome."""

    case: str
    arguments: list[Argument]
    expected: Outcome
    actual: Outcome
    message: str = ""

    @classmethod
    def from_json(cls, data: Any, where: str) -> CaseFailure:
        args = [
            Argument(
                _require(a, "name", str, f"{where}.arguments[{i}]"),
                _display(a.get("value")) or "",
            )
            for i, a in enumerate(_require(data, "arguments", list, where))
        ]
        return cls(
            case=_require(data, "case", str, where),
            arguments=args,
            expected=Outcome.from_json(
                _require(data, "expected", dict, where), f"{where}.expected"
            ),
            actual=Outcome.from_json(_require(data, "actual", dict, where), f"{where}.actual"),
            message=_optional(data, "message", str, where, ""),
        )


@dataclass
class ProcedureParity:
    """Parity of one procedure: how many golden cases ran, passed and failed.

    ``error`` is set when the cases could not run at all (the module does not import, the
    test file is missing...); then the counts describe what did run."""

    module: str
    procedure: str
    cases: int
    passed: int
    failed: int
    failures: list[CaseFailure] = field(default_factory=list)
    error: str | None = None

    @classmethod
    def from_json(cls, data: Any, where: str) -> ProcedureParity:
        return cls(
            module=_require(data, "module", str, where),
            procedure=_require(data, "procedure", str, where),
            cases=_require(data, "cases", int, where),
            passed=_require(data, "passed", int, where),
            failed=_require(data, "failed", int, where),
            failures=[
                CaseFailure.from_json(f, f"{where}.failures[{i}]")
                for i, f in enumerate(_optional(data, "failures", list, where, []))
            ],
            error=_optional(data, "error", str, where, None),
        )

    @property
    def status(self) -> str:
        """pass / fail / error / untested: the one word the report shows."""
        if self.error:
            return "error"
        if self.failed:
            return "fail"
        return "pass" if self.cases else "untested"


@dataclass
class VerifyResult:
    """What ``transform verify DIR`` writes to ``DIR/verify.json``."""

    schema: int
    procedures: list[ProcedureParity]
    oracle: str = "interpreter"
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: Any, where: str = "verify.json") -> VerifyResult:
        schema = _require(data, "schema", int, where)
        if schema > VERIFY_SCHEMA:
            raise InputError(
                f"{where}: schema {schema} is newer than this report ({VERIFY_SCHEMA})"
            )
        return cls(
            schema=schema,
            procedures=[
                ProcedureParity.from_json(p, f"{where}.procedures[{i}]")
                for i, p in enumerate(_require(data, "procedures", list, where))
            ],
            oracle=_optional(data, "oracle", str, where, "interpreter"),
            errors=[str(e) for e in _optional(data, "errors", list, where, [])],
        )

    def lookup(self, module: str, procedure: str) -> ProcedureParity | None:
        """Procedure names compare case-insensitively, as VBA names do."""
        for parity in self.procedures:
            if parity.module == module and parity.procedure.lower() == procedure.lower():
                return parity
        return None


# --------------------------------------------------------------------------- translation.json


@dataclass
class Origin:
    """Where one generated Python line came from: legacy lines and the rule id."""

    start_line: int
    end_line: int
    rule: str


@dataclass
class Fragment:
    """Legacy code no rule covered, left as an explicit marker."""

    kind: str
    node_type: str
    text: str
    start_line: int
    end_line: int
    procedure: str | None


@dataclass
class ProcedureStatus:
    name: str
    translated: bool
    markers: int


@dataclass
class ModuleTranslation:
    """One module as convert reported it, with its detail when the Python was written."""

    module: str
    source: str
    lines: int
    procedures: list[ProcedureStatus]
    markers: int
    rules: dict[str, int]
    error: str | None = None
    python_path: str | None = None
    legacy_text: str = ""
    kind: str = ""
    fragments: list[Fragment] = field(default_factory=list)
    origins: list[Origin | None] = field(default_factory=list)


@dataclass
class TranslationSummary:
    """``translation.json``, as convert writes it (see transform/convert/pipeline.py)."""

    package: str
    modules: list[ModuleTranslation]
    errors: list[str]

    @classmethod
    def from_json(cls, data: Any, where: str = "translation.json") -> TranslationSummary:
        details = _optional(data, "modules_detail", dict, where, {})
        modules = [
            _module_from_json(m, details, f"{where}.per_module[{i}]")
            for i, m in enumerate(_require(data, "per_module", list, where))
        ]
        return cls(
            package=_optional(data, "package", str, where, ""),
            modules=modules,
            errors=[str(e) for e in _optional(data, "errors", list, where, [])],
        )


def _module_from_json(data: Any, details: dict, where: str) -> ModuleTranslation:
    name = _require(data, "module", str, where)
    procedures = [
        ProcedureStatus(
            _require(p, "name", str, f"{where}.procedures[{i}]"),
            bool(p.get("translated")),
            int(p.get("markers") or 0),
        )
        for i, p in enumerate(_optional(data, "procedures", list, where, []))
    ]
    module = ModuleTranslation(
        module=name,
        source=_optional(data, "source", str, where, name),
        lines=_optional(data, "lines", int, where, 0),
        procedures=procedures,
        markers=_optional(data, "markers", int, where, 0),
        rules={str(k): int(v) for k, v in _optional(data, "rules", dict, where, {}).items()},
        error=_optional(data, "error", str, where, None),
    )
    detail = details.get(name)
    if isinstance(detail, dict):
        _attach_detail(module, detail, f"modules_detail.{name}")
    return module


def _attach_detail(module: ModuleTranslation, detail: dict, where: str) -> None:
    module.python_path = _optional(detail, "python_path", str, where, None)
    module.legacy_text = _optional(detail, "legacy_text", str, where, "")
    module.kind = _optional(detail, "kind", str, where, "")
    module.fragments = [
        Fragment(
            kind=str(f.get("kind", "")),
            node_type=str(f.get("node_type", "")),
            text=str(f.get("text", "")),
            start_line=int(f.get("start_line") or 0),
            end_line=int(f.get("end_line") or f.get("start_line") or 0),
            procedure=f.get("procedure"),
        )
        for f in _optional(detail, "fragments", list, where, [])
        if isinstance(f, dict)
    ]
    module.origins = [
        Origin(int(o["start_line"]), int(o["end_line"]), str(o.get("rule", "")))
        if isinstance(o, dict) and "start_line" in o and "end_line" in o
        else None
        for o in _optional(detail, "origins", list, where, [])
    ]


# --------------------------------------------------------------------------- index.json


@dataclass
class GraphNode:
    """A node of the dependency graph the report draws (a module or an external thing)."""

    id: str
    label: str
    kind: str
    external: bool = False
    detail: str = ""
    file: str = ""


@dataclass
class GraphEdge:
    """References from one node to another, aggregated by kind."""

    source: str
    target: str
    kinds: dict[str, int]


@dataclass
class UnresolvedName:
    name: str
    kind: str
    scope: str
    file: str
    line: int
    note: str = ""


@dataclass
class ProcedureEffect:
    """External effects of one procedure: its own categories and what it reaches."""

    procedure: str
    direct: list[str]
    transitive: dict[str, list[str]]


@dataclass
class IndexView:
    """The part of ``index.json`` the report shows, reduced to modules.

    Why reduced: a migration lead plans by module, and a procedure-level graph of a real
    project is unreadable as a picture; procedure detail goes into the tables instead."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    cycles: list[list[str]]
    recursion: list[list[str]]
    order: list[list[str]]
    entry_points: dict[str, str]
    unresolved: list[UnresolvedName]
    effects: list[ProcedureEffect]


# --------------------------------------------------------------------------- report.json


@dataclass
class ProcedureRow:
    """One procedure as the report lists it: translation, markers, parity, effects."""

    module: str
    name: str
    translated: bool
    markers: int
    parity: ProcedureParity | None = None
    legacy_span: tuple[int, int] | None = None
    python_line: int | None = None
    entry_point: str = ""
    effects: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        """The procedure's headline: fail beats markers beats untested beats pass."""
        if self.parity and self.parity.status in ("fail", "error"):
            return "parity " + self.parity.status
        if not self.translated:
            return "markers"
        return "translated" if self.parity is None else "parity " + self.parity.status


@dataclass
class Totals:
    """The headline numbers at the top of every report format."""

    modules: int
    procedures: int
    legacy_lines: int
    python_lines: int
    translated_by_rules: int
    markers: int
    errors: int
    parity_ran: bool = False
    parity_cases: int = 0
    parity_passed: int = 0
    parity_failed: int = 0
    procedures_passing: int = 0
    procedures_failing: int = 0
    procedures_untested: int = 0

    @property
    def share_translated(self) -> float:
        return self.translated_by_rules / self.procedures if self.procedures else 1.0

    @property
    def share_passing(self) -> float | None:
        if not self.parity_ran:
            return None
        tested = self.procedures_passing + self.procedures_failing
        return self.procedures_passing / tested if tested else None
