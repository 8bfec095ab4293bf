"""Join the stage outputs into one picture: modules, code lines, procedures, parity, graph.

Why a separate step: the three formats (HTML, Markdown, JSON) must state the same facts, so
every number and status is computed once here and the templates only lay them out."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .graph import GraphLayout, layout
from .highlight import highlight_lines, split_lines
from .indexview import index_view
from .model import (
    CaseFailure,
    IndexView,
    InputError,
    ModuleTranslation,
    Origin,
    Outcome,
    ProcedureParity,
    ProcedureRow,
    Totals,
    TranslationSummary,
    VerifyResult,
)

TRANSLATION_FILE = "translation.json"
VERIFY_FILE = "verify.json"
INDEX_FILE = "index.json"
UNTRANSLATED_CALL = "untranslated("
HEADER = re.compile(
    r"^\s*(?:(?:public|private|friend|global)\s+)?(?:static\s+)?"
    r"(?:sub|function|property\s+(?:get|let|set))\s+([\w]+)",
    re.IGNORECASE,
)
FOOTER = re.compile(r"^\s*end\s+(?:sub|function|property)\b", re.IGNORECASE)


class ReportError(Exception):
    """The report cannot be built at all (no readable translation.json)."""


@dataclass
class InputState:
    """Whether an optional input was there: ``ok``, ``absent`` or ``invalid`` (message)."""

    name: str
    state: str
    message: str = ""


@dataclass
class CodeLine:
    number: int
    html: Markup
    origin: Origin | None = None
    marker: bool = False


@dataclass
class FieldDiff:
    """One compared field of a failing case (return value, error, a ByRef, a cell)."""

    label: str
    expected: str
    actual: str

    @property
    def differs(self) -> bool:
        return self.expected != self.actual


@dataclass
class FailureView:
    module: str
    procedure: str
    failure: CaseFailure
    fields: list[FieldDiff]
    output_diff: list[tuple[str, str]]
    anchor: str = ""


@dataclass
class ModuleView:
    anchor: str
    translation: ModuleTranslation
    legacy: list[CodeLine]
    python: list[CodeLine]
    procedures: list[ProcedureRow]
    python_lines: int
    python_problem: str = ""

    @property
    def parity(self) -> tuple[int, int, int] | None:
        """(cases, passed, failed) over the module's procedures, None when none ran."""
        runs = [p.parity for p in self.procedures if p.parity is not None]
        if not runs:
            return None
        return (
            sum(r.cases for r in runs),
            sum(r.passed for r in runs),
            sum(r.failed for r in runs),
        )


@dataclass
class Report:
    """Everything the templates render."""

    package: str
    out_dir: Path
    totals: Totals
    modules: list[ModuleView]
    failures: list[FailureView]
    inputs: dict[str, InputState]
    errors: list[str]
    verify: VerifyResult | None = None
    index: IndexView | None = None
    graph: GraphLayout | None = None
    unmatched_parity: list[ProcedureParity] = field(default_factory=list)


# --------------------------------------------------------------------------- loading


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path.name}: {error}") from error


def load_translation(out_dir: Path) -> TranslationSummary:
    path = out_dir / TRANSLATION_FILE
    if not path.exists():
        raise ReportError(f"{path}: not found; run `transform convert PATH --out {out_dir}` first")
    try:
        return TranslationSummary.from_json(_read_json(path))
    except InputError as error:
        raise ReportError(f"{path}: {error}") from error


def load_optional(out_dir: Path, name: str, parse) -> tuple[Any, InputState]:
    """Parse an optional input; absence and damage become states the report shows."""
    path = out_dir / name
    if not path.exists():
        return None, InputState(name, "absent")
    try:
        return parse(_read_json(path)), InputState(name, "ok")
    except InputError as error:
        return None, InputState(name, "invalid", str(error))


# --------------------------------------------------------------------------- assembling


def assemble(out_dir: Path) -> Report:
    """Read DIR's stage outputs and compute everything the report shows."""
    out_dir = Path(out_dir)
    translation = load_translation(out_dir)
    verify, verify_state = load_optional(out_dir, VERIFY_FILE, VerifyResult.from_json)
    index, index_state = load_optional(out_dir, INDEX_FILE, index_view)
    modules = [
        _module_view(f"m{i}", m, out_dir, verify, index) for i, m in enumerate(translation.modules)
    ]
    errors = list(translation.errors) + (verify.errors if verify else [])
    report = Report(
        package=translation.package or out_dir.name,
        out_dir=out_dir,
        totals=_totals(modules, verify is not None, errors),
        modules=modules,
        failures=_failures(modules),
        inputs={"verify": verify_state, "index": index_state},
        errors=errors,
        verify=verify,
        index=index,
        graph=layout(index) if index and index.nodes else None,
    )
    if verify:
        report.unmatched_parity = _unmatched(verify, modules)
    return report


def _module_view(
    anchor: str,
    module: ModuleTranslation,
    out_dir: Path,
    verify: VerifyResult | None,
    index: IndexView | None,
) -> ModuleView:
    python_text, problem = _python_text(module, out_dir)
    legacy = _legacy_lines(module)
    python = _python_lines(python_text, module.origins)
    spans = _procedure_spans(split_lines(module.legacy_text), [p.name for p in module.procedures])
    rows = [
        _procedure_row(module, status, span, verify, index)
        for status, span in zip(module.procedures, spans, strict=True)
    ]
    for row in rows:
        row.python_line = _python_line_of(row.legacy_span, python)
    return ModuleView(anchor, module, legacy, python, rows, len(python), problem)


def _python_text(module: ModuleTranslation, out_dir: Path) -> tuple[str, str]:
    if not module.python_path:
        return "", module.error or "no Python was written for this module"
    path = out_dir / module.python_path
    try:
        return path.read_text(encoding="utf-8"), ""
    except OSError as error:
        return "", f"{module.python_path}: {error.strerror or error}"


def _legacy_lines(module: ModuleTranslation) -> list[CodeLine]:
    marked: set[int] = set()
    for fragment in module.fragments:
        marked.update(range(fragment.start_line, fragment.end_line + 1))
    html = highlight_lines(module.legacy_text, "vba") if module.legacy_text else []
    return [CodeLine(n, h, None, n in marked) for n, h in enumerate(html, start=1)]


def _python_lines(text: str, origins: list[Origin | None]) -> list[CodeLine]:
    if not text:
        return []
    raw = split_lines(text)
    lines = []
    for number, html in enumerate(highlight_lines(text, "python"), start=1):
        origin = origins[number - 1] if number <= len(origins) else None
        marker = (origin is not None and origin.rule == "marker") or (
            UNTRANSLATED_CALL in raw[number - 1]
        )
        lines.append(CodeLine(number, html, origin, marker))
    return lines


def _procedure_spans(lines: list[str], names: list[str]) -> list[tuple[int, int] | None]:
    """Legacy line span of each listed procedure, the k-th same-named header for the k-th
    listing (Property Get/Let/Set share a name).  Display only: it lets the reader jump."""
    headers: dict[str, list[tuple[int, int]]] = {}
    start = None
    for number, line in enumerate(lines, start=1):
        match = HEADER.match(line)
        if match and start is None:
            start = (number, match.group(1).lower())
        elif start and FOOTER.match(line):
            headers.setdefault(start[1], []).append((start[0], number))
            start = None
    seen: dict[str, int] = {}
    spans: list[tuple[int, int] | None] = []
    for name in names:
        key = name.lower()
        found = headers.get(key, [])
        k = seen.get(key, 0)
        spans.append(found[k] if k < len(found) else None)
        seen[key] = k + 1
    return spans


def _python_line_of(span: tuple[int, int] | None, python: list[CodeLine]) -> int | None:
    """The first Python line produced from the procedure's header line."""
    if span is None:
        return None
    for line in python:
        origin = line.origin
        if origin and origin.rule != "comment" and origin.start_line == span[0]:
            return line.number
    return None


def _procedure_row(module, status, span, verify, index) -> ProcedureRow:
    row = ProcedureRow(module.module, status.name, status.translated, status.markers)
    row.legacy_span = span
    if verify:
        row.parity = verify.lookup(module.module, status.name)
    if index:
        _attach_index(row, module, index)
    return row


def _index_module_id(module: ModuleTranslation, index: IndexView) -> str | None:
    """The index names modules as VBA does; match on the source file, then on the name."""
    for node in index.nodes:
        if not node.external and node.file and node.file == module.source:
            return node.id
    squashed = module.module.replace("_", "").lower()
    for node in index.nodes:
        if not node.external and node.id.replace("_", "").lower() == squashed:
            return node.id
    return None


def _attach_index(row: ProcedureRow, module: ModuleTranslation, index: IndexView) -> None:
    module_id = _index_module_id(module, index)
    if module_id is None:
        return
    prefix = f"{module_id}.{row.name}".lower()

    def same(node_id: str) -> bool:
        return node_id.lower() == prefix or node_id.lower().startswith(prefix + "[")

    row.entry_point = next((r for i, r in index.entry_points.items() if same(i)), "")
    categories: set[str] = set()
    for effect in index.effects:
        if same(effect.procedure):
            categories.update(effect.direct)
            categories.update(effect.transitive)
    row.effects = sorted(categories)


def _totals(modules: list[ModuleView], parity_ran: bool, errors: list[str]) -> Totals:
    rows = [r for m in modules for r in m.procedures]
    runs = [r.parity for r in rows if r.parity is not None]
    return Totals(
        modules=len(modules),
        procedures=len(rows),
        legacy_lines=sum(m.translation.lines for m in modules),
        python_lines=sum(m.python_lines for m in modules),
        translated_by_rules=sum(r.translated for r in rows),
        markers=sum(m.translation.markers for m in modules),
        errors=len(errors),
        parity_ran=parity_ran,
        parity_cases=sum(p.cases for p in runs),
        parity_passed=sum(p.passed for p in runs),
        parity_failed=sum(p.failed for p in runs),
        procedures_passing=sum(p.status == "pass" for p in runs),
        procedures_failing=sum(p.status in ("fail", "error") for p in runs),
        procedures_untested=len(rows) - sum(p.status != "untested" for p in runs),
    )


def _failures(modules: list[ModuleView]) -> list[FailureView]:
    views = []
    for module in modules:
        for row in module.procedures:
            for failure in row.parity.failures if row.parity else []:
                view = failure_view(module.translation.module, row.name, failure)
                view.anchor = f"f{len(views)}"
                views.append(view)
    return views


def _unmatched(verify: VerifyResult, modules: list[ModuleView]) -> list[ProcedureParity]:
    known = {(r.module, r.name.lower()) for m in modules for r in m.procedures}
    return [p for p in verify.procedures if (p.module, p.procedure.lower()) not in known]


# --------------------------------------------------------------------------- diffs


def failure_view(module: str, procedure: str, failure: CaseFailure) -> FailureView:
    """Field-by-field comparison and a line diff of the output of one failing case."""
    return FailureView(
        module=module,
        procedure=procedure,
        failure=failure,
        fields=compare_outcomes(failure.expected, failure.actual),
        output_diff=output_diff(failure.expected.output, failure.actual.output),
    )


def compare_outcomes(expected: Outcome, actual: Outcome) -> list[FieldDiff]:
    """Every field either side has, so a missing ByRef or cell shows as a difference."""
    fields = [
        FieldDiff("return value", _shown(expected.return_value), _shown(actual.return_value)),
        FieldDiff(
            "error",
            expected.error.display() if expected.error else "(none)",
            actual.error.display() if actual.error else "(none)",
        ),
    ]
    for name in _union(expected.byref, actual.byref):
        fields.append(
            FieldDiff(
                f"ByRef {name}", _shown(expected.byref.get(name)), _shown(actual.byref.get(name))
            )
        )
    cells_e = {c.key: c.value for c in expected.cells}
    cells_a = {c.key: c.value for c in actual.cells}
    for key in _union(cells_e, cells_a):
        fields.append(FieldDiff(f"cell {key}", _shown(cells_e.get(key)), _shown(cells_a.get(key))))
    return fields


def output_diff(expected: list[str], actual: list[str]) -> list[tuple[str, str]]:
    """(tag, line) pairs: ' ' same, '-' expected only, '+' actual only; empty if equal."""
    if expected == actual:
        return []
    pairs = []
    for line in difflib.ndiff(expected, actual):
        if line[:1] in (" ", "-", "+"):
            pairs.append((line[0], line[2:]))
    return pairs


def _union(first: dict, second: dict) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def _shown(value: str | None) -> str:
    return "(nothing)" if value is None else value
