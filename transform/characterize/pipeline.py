"""Characterize a converted project: golden cases from the legacy code, pytest files from
the golden cases.  Output is a dict of relative path → text, so `transform convert` writes
it in the same atomic swap as the translated package.

What is characterized: every non-private Sub/Function of every module, plus the private
ones the index stage calls entry points (event handlers, Auto_Open...).  Property
procedures are left to the class tests of the procedures that use them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from transform.ingest import SourceModule
from transform.parse import vba_ast as A
from transform.parse.vba_lower import parse_text
from transform.parse.vba_reader import VbaSyntaxError
from transform.translate.engine import python_name

from . import golden
from .closure import ModuleClosures
from .inputs import (
    argument_lists,
    omitted_optionals,
    parameters,
    register_enums,
    seed_for,
    unsupported,
)
from .objects import project_objects
from .record import Budget, Recorder, Target
from .render import TestedProcedure, harness_source, render_conftest, render_test_module
from .vba_golden import workbook_from_state
from .workbooks import EXCEL_OBJECTS, excel_inputs, sheet_names, workbook_states

CLASS_KINDS = ("class", "form", "document", "usercontrol")
AST_KINDS = ("standard", "class", "form", "document", "script")
PROCEDURE_KINDS = ("sub", "function")
PYTEST_INI = (
    "# Written by transform: `pytest DIR` runs the characterization tests with this\n"
    "# configuration, not with that of a project DIR happens to sit in.\n"
    "[pytest]\ntestpaths = tests\naddopts = -p no:cacheprovider\n"
)
EXCEL_CASES = 6  # argument lists tried per workbook state for an Excel macro


@dataclass
class CharacterizeResult:
    """Files to write plus figures and problems for the convert summary."""

    files: dict[str, str] = field(default_factory=dict)
    procedures: int = 0
    cases: int = 0
    skipped: list[str] = field(default_factory=list)  # procedures without cases, and why
    problems: list[str] = field(default_factory=list)  # cases the oracle could not record
    unreadable: list[str] = field(default_factory=list)  # modules the oracle cannot read
    seconds: float = 0.0


@dataclass
class ProjectFacts:
    """What the index knows that characterization uses, keyed by lower-case Module.Proc."""

    entry_points: dict[str, str] = field(default_factory=dict)
    excel: set[str] = field(default_factory=set)


def characterize_output(
    files: dict[str, str],
    out_dir: Path,
    sources: Sequence[SourceModule] = (),
    unreadable: list[str] | None = None,
) -> dict[str, str]:
    """The characterization files for a conversion about to be written to ``out_dir``
    (reads translation.json from ``files``; keeps foreign golden files of the old output).
    Modules the oracle cannot read are added to ``unreadable``."""
    translation = json.loads(files["translation.json"])
    previous = Path(out_dir) if Path(out_dir).is_dir() else None
    data_dirs = sorted(
        {s.path.parent / "data" for s in sources if (s.path.parent / "data").is_dir()}
    )
    result = characterize(translation, Path(out_dir).name, sources, previous, data_dirs)
    if unreadable is not None:
        unreadable.extend(result.unreadable)
    return result.files


def characterize(
    translation: dict,
    out_name: str = "out",
    sources: Sequence[SourceModule] = (),
    previous: Path | None = None,
    data_dirs: Sequence[Path] = (),
) -> CharacterizeResult:
    """Record golden cases for every characterized procedure and render the tests."""
    started = time.monotonic()
    result = CharacterizeResult()
    package = translation.get("package") or "converted"
    modules = _modules(translation, result.unreadable)
    asts = [ast for ast, _ in modules]
    register_enums(asts)
    facts = project_facts(sources)
    details = translation.get("modules_detail", {})
    recorder = Recorder(
        ModuleClosures(asts, [details[summary["module"]]["legacy_text"] for _, summary in modules])
    )
    texts = [d.get("legacy_text", "") for d in details.values()]
    states = workbook_states(list(data_dirs), texts) if facts.excel or _any_document(asts) else {}
    mentioned = sheet_names(texts)
    objects = project_objects(((ast, summary["module"]) for ast, summary in modules))
    for name, state in states.items():
        result.files[f"{golden.WORKBOOK_DIR}/{name}.json"] = golden.dumps(
            {"source": golden.OURS, **state}
        )
    kept = golden.foreign_files(previous)
    for ast, summary in modules:
        tested = []
        outs = byref_outs(translation["modules_detail"][summary["module"]]["legacy_text"])
        for target in _targets(ast, summary, facts):
            target.byref_out = outs.get(target.member.lower(), ())
            relative = golden.golden_path(ast.name, target.member)
            if relative not in kept:
                data = _record_procedure(target, recorder, states, mentioned, objects, result)
                result.files[relative] = golden.dumps(data)
            tested.append(_tested(target, relative))
        if tested:
            result.files[f"tests/test_{summary['module']}.py"] = render_test_module(
                package,
                summary["module"],
                summary.get("source", ""),
                golden.folder(ast.name),
                tested,
            )
    result.files.update(kept)
    result.files["tests/conftest.py"] = render_conftest(package, out_name)
    result.files["pytest.ini"] = PYTEST_INI
    result.files["tests/vba_golden.py"] = harness_source()
    result.problems = result.unreadable + recorder.problems
    result.seconds = time.monotonic() - started
    return result


def _modules(translation: dict, unreadable: list[str]) -> list[tuple[A.Module, dict]]:
    """(legacy AST, per_module summary) of every translated module that parses; a module
    the oracle cannot read is left out and said in ``unreadable`` (file, line, column)."""
    details = translation.get("modules_detail", {})
    out = []
    for summary in translation.get("per_module", []):
        detail = details.get(summary["module"])
        if not detail or summary.get("error"):
            continue
        kind = detail.get("kind")
        file = Path(str(detail.get("source", "Module1.bas")).split(":")[-1]).name
        try:
            ast = parse_text(detail["legacy_text"], file, kind if kind in AST_KINDS else None)
        except VbaSyntaxError as error:
            unreadable.append(
                f"{summary['module']}: not characterized, the oracle cannot read it: {error}"
            )
            continue
        out.append((ast, summary))
    return out


def byref_outs(legacy_text: str) -> dict[str, tuple[int, ...]]:
    """Procedure → positions of the ByRef parameters its translation returns, by the
    translation stage's own definition (ByRef parameters the body assigns as a whole)."""
    import tree_sitter

    from transform.parse.languages import get_language
    from transform.translate.scope import procedure_scope

    data = legacy_text.encode("utf-8")
    tree = tree_sitter.Parser(get_language("vba")).parse(data)

    def text(node: tree_sitter.Node) -> str:
        return data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    found: dict[str, tuple[int, ...]] = {}
    members = [(child, "") for child in tree.root_node.named_children]
    for block in tree.root_node.named_children:  # VBScript classes: `Class.Member`
        if block.type == "class_declaration" and block.child_by_field_name("body") is not None:
            owner = text(block.child_by_field_name("name")).lower() + "."
            members += [(c, owner) for c in block.child_by_field_name("body").named_children]
    for child, owner in members:
        if child.type not in ("sub_declaration", "function_declaration"):
            continue
        try:
            scope = procedure_scope(child, text)
            outs = getattr(scope, "byref_out", [])
            found[owner + scope.name.lower()] = tuple(scope.parameters.index(p) for p in outs)
        except (AttributeError, ValueError):
            continue
    return found


def _any_document(asts: list[A.Module]) -> bool:
    return any(a.kind == "document" for a in asts)


def project_facts(sources: Sequence[SourceModule]) -> ProjectFacts:
    """Entry points and Excel-touching procedures from the index stage (none without
    sources: then only public procedures are characterized, without workbooks)."""
    facts = ProjectFacts()
    if not sources:
        return facts
    from transform.index.analyses import analyse
    from transform.index.graph import build_graph
    from transform.index.pipeline import index_modules

    index = index_modules(list(sources)).index
    analyses = analyse(index, build_graph(index))
    for entry in analyses.entry_points:
        facts.entry_points[_key(entry.id)] = entry.reason
    for effect in analyses.effects:
        if "host" in effect.direct or "host" in effect.transitive:
            facts.excel.add(_key(effect.id))
    return facts


def _key(node_id: str) -> str:
    """Index ids are ``Module.Proc`` (``[get]`` suffixes for properties, ``@project``)."""
    return node_id.split("[")[0].replace("@", ".").lower()


def _targets(ast: A.Module, summary: dict, facts: ProjectFacts) -> list[Target]:
    translated = {p["name"].lower(): p["translated"] for p in summary.get("procedures", [])}
    class_like = ast.kind in CLASS_KINDS
    out = []
    for proc in ast.procedures:
        key = f"{ast.name}.{proc.name}".lower()
        entry = facts.entry_points.get(key, "")
        if proc.kind not in PROCEDURE_KINDS or (proc.visibility == "private" and not entry):
            continue
        out.append(
            Target(
                module=ast,
                proc=proc,
                python_module=summary["module"],
                translated=translated.get(proc.name.lower(), False),
                entry=entry,
                excel=key in facts.excel or ast.kind == "document",
                class_name=ast.name if class_like else None,
            )
        )
    for cls in ast.classes if ast.kind == "script" else ():
        for proc in cls.procedures:  # a VBScript class's public members, on a new instance
            member = f"{cls.name}.{proc.name}"
            if proc.kind not in PROCEDURE_KINDS or proc.visibility == "private":
                continue
            out.append(
                Target(
                    module=ast,
                    proc=proc,
                    python_module=summary["module"],
                    translated=translated.get(member.lower(), False),
                    class_name=cls.name,
                )
            )
    return out


def _record_procedure(
    target: Target,
    recorder: Recorder,
    states: dict[str, dict],
    mentioned: list[str],
    objects: dict[str, list],
    result: CharacterizeResult,
) -> dict:
    """``objects``: candidates of object and Type parameters (objects.project_objects)."""
    seed = seed_for(target.module.name, target.member)
    name = python_name(target.proc.name)
    excel = EXCEL_OBJECTS if target.excel and states else ()
    reason = unsupported_reason(target, (*excel, *objects))
    if reason:
        result.skipped.append(f"{target.qualified}: {reason}")
        return golden.golden_file(target, name, seed, [], note=reason)
    cases = _cases(target, recorder, states, mentioned, seed, objects)
    result.procedures += 1
    result.cases += sum(1 for c in cases if "skip" not in c)
    return golden.golden_file(target, name, seed, cases)


def unsupported_reason(target: Target, objects: tuple[str, ...] = ()) -> str | None:
    return unsupported(parameters(target.proc), objects)


def _argument_lists(
    target: Target, seed: int, objects: dict | None = None, literals: list | None = None
) -> tuple[list[list[dict]], list[list[dict]]]:
    """Generated argument lists, and the same with trailing optional arguments left out."""
    lists = argument_lists(target.proc, seed, objects=objects, literals=literals)
    extra = [o for o in (omitted_optionals(target.proc, a) for a in lists[:3]) if o is not None]
    omitted: list[list[dict]] = []
    for arguments in extra:
        if arguments not in lists and arguments not in omitted:
            omitted.append(arguments)
    return lists, omitted


def _cases(
    target: Target,
    recorder: Recorder,
    states: dict[str, dict],
    mentioned: list[str],
    seed: int,
    objects: dict[str, list] | None = None,
) -> list[dict]:
    """Run every generated argument list; an Excel macro runs per workbook state, with
    the state's objects for its Workbook/Worksheet/Range parameters and its sheet names
    (and those the code mentions) among the strings, omitted optionals kept in the few
    lists each state gets."""
    runs: list[tuple[list[dict], str | None]] = []
    if target.excel and states:
        for name, state in states.items():
            excel, literals = excel_inputs(state, mentioned)
            lists, omitted = _argument_lists(target, seed, {**(objects or {}), **excel}, literals)
            omitted = omitted[: EXCEL_CASES // 3]
            runs += [(a, name) for a in lists[: EXCEL_CASES - len(omitted)] + omitted]
    else:
        lists, omitted = _argument_lists(target, seed, objects)
        runs = [(a, None) for a in lists + omitted]
    budget = Budget()
    cases = []
    for number, (arguments, state) in enumerate(runs, start=1):
        if budget.spent:
            break
        book = _workbook(states, state)
        expect = recorder.record(target, arguments, book)
        budget.charge(recorder.last_steps)
        case: dict = {"id": f"{target.proc.name.lower()}-{number:03d}", "arguments": arguments}
        if state:
            case["workbook"] = state
        if "skip" in expect:
            case["skip"] = expect["skip"]
        else:
            case["expect"] = expect
        cases.append(case)
    return cases


def _workbook(states: dict[str, dict], state: str | None):
    if state is None:
        return None
    return workbook_from_state(states[state])


def _tested(target: Target, relative: str) -> TestedProcedure:
    return TestedProcedure(
        target=target,
        golden_file=relative.rsplit("/", 1)[-1],
        python_name=python_name(target.proc.name),
        python_class=target.class_name,
    )
