"""Convert a legacy project into a Python package, module by module, with a summary of
what the rules translated and what is left as explicit markers."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import libcst
import tree_sitter

from transform.characterize import characterize_output, has_cases
from transform.files import replace_folder
from transform.ingest import SourceModule, ingest
from transform.parse.languages import get_language
from transform.report import build_report
from transform.translate.engine import Translation, python_name
from transform.translate.module import translate_module
from transform.translate.rules import RuleSet, load_rules
from transform.translate.scope import procedure_scope, public_procedures
from transform.translate.support import support_files
from transform.verify import verify as run_verify

MARKER_FILE = ".transform-output"


@dataclass
class ProcedureStatus:
    name: str
    translated: bool  # by rules alone, no marker inside
    markers: int


@dataclass
class ModuleResult:
    source: str
    module: str  # python module name
    lines: int
    procedures: list[ProcedureStatus] = field(default_factory=list)
    markers: int = 0
    rules: dict[str, int] = field(default_factory=dict)
    error: str | None = None


@dataclass
class ConvertResult:
    out_dir: Path
    package: str
    modules: list[ModuleResult]
    errors: list[str]
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage

    @property
    def procedure_count(self) -> int:
        return sum(len(m.procedures) for m in self.modules)

    @property
    def translated_count(self) -> int:
        return sum(p.translated for m in self.modules for p in m.procedures)

    def summary(self) -> dict:
        total = self.procedure_count
        return {
            "package": self.package,
            "modules": len(self.modules),
            "procedures": total,
            "translated_by_rules": self.translated_count,
            "share_translated": round(self.translated_count / total, 4) if total else None,
            "markers": sum(m.markers for m in self.modules),
            "errors": self.errors,
            "per_module": [asdict(m) for m in self.modules],
        }


def convert(
    paths: list[Path],
    out_dir: Path,
    rules_dirs: tuple[Path, ...] = (),
    package: str | None = None,
    verify: bool = True,
) -> ConvertResult:
    seconds: dict[str, float] = {}
    with _stage(seconds, "ingest"):
        language = get_language("vba")
        rules = load_rules(language, extra_dirs=rules_dirs)
        ingested = ingest(paths)
    modules = [m for m in ingested.modules if m.language in ("vba", "vbscript")]
    package = package or python_name(Path(paths[0]).resolve().name) or "converted"
    files: dict[str, str] = {}
    results, helpers, details = [], set(), {}
    with _stage(seconds, "translate"):
        project = _project_procedures(modules, language)
        for module in modules:
            result, translation = _convert_module(module, rules, language, project)
            results.append(result)
            if translation is not None:
                python_path = f"{package}/{result.module}.py"
                files[python_path] = translation.code
                helpers |= translation.helpers
                details[result.module] = _details(module, translation, python_path)
        files[f"{package}/__init__.py"] = f'"""{package}: converted by transform."""\n'
        for relative, text in support_files(helpers).items():
            files[f"{package}/{relative}"] = text
    errors = [str(e) for e in ingested.errors] + [
        f"{r.source}: {r.error}" for r in results if r.error
    ]
    result = ConvertResult(out_dir, package, results, errors, seconds)
    files["translation.json"] = json.dumps(
        {**result.summary(), "modules_detail": details}, indent=2, default=str
    )
    with _stage(seconds, "characterize"):
        unreadable: list[str] = []  # modules the oracle cannot run: said, not fatal
        files.update(characterize_output(files, out_dir, modules, unreadable))
        result.errors.extend(unreadable)
    with _stage(seconds, "write"):
        _write_atomically(out_dir, files)
    if verify and has_cases(files):
        with _stage(seconds, "verify"):
            run_verify(out_dir)  # DIR/verify.json, so the report shows parity
    with _stage(seconds, "report"):
        build_report(out_dir)
    return result


@contextmanager
def _stage(seconds: dict[str, float], name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started


def _project_procedures(modules: list[SourceModule], language: tree_sitter.Language) -> dict:
    project: dict[str, tuple[str, str | None]] = {}
    for module in modules:
        data = module.text.encode("utf-8")
        tree = tree_sitter.Parser(language).parse(data)
        text = _text_of(data)
        for name, return_type in public_procedures(tree.root_node, text):
            project.setdefault(name.lower(), (python_name(module.name), return_type))
    return project


def _text_of(data: bytes):
    def text(node: tree_sitter.Node) -> str:
        return data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    return text


def _convert_module(
    module: SourceModule, rules: RuleSet, language: tree_sitter.Language, project: dict
) -> tuple[ModuleResult, Translation | None]:
    name = python_name(module.name)
    result = ModuleResult(source=module.display, module=name, lines=module.text.count("\n") + 1)
    try:
        translation = translate_module(rules, language, module.text, name, module.display, project)
    except Exception as error:  # a rule or the engine failed on this input: say where, go on
        where = getattr(error, "vba_position", "")
        result.error = (
            f"translation failed{' at ' + where if where else ''}: "
            f"{type(error).__name__}: {error}; module left out"
        )
        result.procedures = _procedure_statuses(module, language, None)
        return result, None
    try:
        libcst.parse_module(translation.code)
    except libcst.ParserSyntaxError as error:
        result.error = f"generated Python does not parse (line {error.raw_line}): {error.message}"
    result.markers = len(translation.fragments)
    result.rules = dict(translation.rule_counts)
    result.procedures = _procedure_statuses(module, language, translation)
    return result, translation


def _procedure_statuses(
    module: SourceModule, language: tree_sitter.Language, translation: Translation | None
) -> list[ProcedureStatus]:
    """Per procedure: translated by rules alone (no marker inside); none is when the
    module's translation failed."""
    data = module.text.encode("utf-8")
    tree = tree_sitter.Parser(language).parse(data)
    text = _text_of(data)
    statuses = []
    for child in tree.root_node.named_children:
        if child.type in ("sub_declaration", "function_declaration", "property_declaration"):
            name = procedure_scope(child, text).name
            if translation is None:
                statuses.append(ProcedureStatus(name, False, 0))
                continue
            markers = sum(1 for f in translation.fragments if f.procedure == name)
            statuses.append(ProcedureStatus(name, markers == 0, markers))
        elif child.type == "class_declaration" and child.child_by_field_name("body"):
            statuses += _class_statuses(child, text, translation)
    return statuses


def _class_statuses(node, text, translation: Translation) -> list[ProcedureStatus]:
    """The members of a VBScript class block, as `Class.Member` (a class module's are
    counted by their own names, the module being the class)."""
    statuses = []
    cls = text(node.child_by_field_name("name"))
    for child in node.child_by_field_name("body").named_children:
        if child.type in ("sub_declaration", "function_declaration", "property_declaration"):
            first, last = child.start_point[0] + 1, child.end_point[0] + 1
            markers = sum(
                1 for f in translation.fragments if first <= f.start_line and f.end_line <= last
            )
            name = f"{cls}.{procedure_scope(child, text).name}"
            statuses.append(ProcedureStatus(name, markers == 0, markers))
    return statuses


def _details(module: SourceModule, translation: Translation, python_path: str) -> dict:
    return {
        "source": module.display,
        "python_path": python_path,
        "legacy_text": module.text,
        "kind": module.kind,
        "fragments": [asdict(f) for f in translation.fragments],
        "origins": [asdict(o) if o else None for o in translation.origins],
    }


def _write_atomically(out_dir: Path, files: dict[str, str]) -> None:
    """Swap the whole output in at once (a failure never leaves a half-written one), and
    replace only a previous transform output, never a folder of the user's."""
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / MARKER_FILE).exists():
        raise FileExistsError(f"{out_dir} exists and is not a transform output; not replacing it")
    replace_folder(out_dir, {**files, MARKER_FILE: "generated by transform convert\n"})
