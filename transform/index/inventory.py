"""The inventory a migration lead reads before anything is converted: inventory.json/.md.

Why a difficulty *estimate* with its factors shown: a single number ranks modules for
planning, but a lead must be able to see (and disagree with) why a module scores high.
Each factor is listed next to the total; the formula is in docs/index.md and below.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import networkx as nx

from .model import (
    Analyses,
    ExternalDependency,
    Inventory,
    ModuleInventory,
    ModuleSymbol,
    ProcedureInventory,
    ProcedureSymbol,
    ProjectIndex,
)

# Points per module-level effect category present (own effects of its procedures).
EFFECT_WEIGHTS = {
    "dll": 3.0,
    "shell": 3.0,
    "com": 2.0,
    "host": 2.0,
    "network": 2.0,
    "database": 2.0,
    "registry": 1.0,
    "file_io": 1.0,
    "ui": 1.0,
    "environment": 0.5,
    "nondeterministic": 0.5,
}
LEVELS = ((5.0, "low"), (15.0, "medium"), (40.0, "high"))
_UNSTRUCTURED = {"goto": 1.0, "gosub": 1.0, "on_goto": 1.0, "on_gosub": 1.0, "end": 1.0}


def build_inventory(
    index: ProjectIndex, graph: nx.MultiDiGraph, analyses: Analyses, roots: Sequence[str] = ()
) -> Inventory:
    """Summarise an indexed project for people (inventory.md) and scripts (.json)."""
    entries = {e.id: e.reason for e in analyses.entry_points}
    dead = {d.id for d in analyses.dead_code}
    effects = {e.id: e for e in analyses.effects}
    procedures = [
        ProcedureInventory(
            id=p.id,
            module=p.module,
            name=p.name,
            kind=p.kind,
            visibility=p.visibility,
            lines=p.lines,
            complexity=p.complexity,
            params=len(p.params),
            effects=sorted(effects[p.id].transitive) if p.id in effects else [],
            entry_point=entries.get(p.id, ""),
            dead=p.id in dead,
        )
        for p in index.procedures
    ]
    modules = module_rows(index, graph, analyses)
    return Inventory(
        roots=list(roots),
        projects=index.projects,
        totals=_totals(index, analyses),
        files=index.files,
        modules=sorted(modules, key=lambda m: (-m.difficulty, m.name.lower())),
        procedures=procedures,
        external_dependencies=_externals(index, graph),
        entry_points=analyses.entry_points,
        recursion=analyses.recursion,
        module_cycles=analyses.module_cycles,
        conversion_order=analyses.module_order,
        dead_code=analyses.dead_code,
        unresolved=index.unresolved,
        failures=index.failures,
    )


def _totals(index: ProjectIndex, analyses: Analyses) -> dict[str, int]:
    status = Counter(f.status for f in index.files)
    return {
        "files": len(index.files),
        "indexed": status["indexed"],
        "parse_errors": status["parse_error"],
        "skipped": status["skipped"],
        "unreadable": status["unreadable"],
        "lines": sum(f.lines for f in index.files if f.status == "indexed"),
        "modules": len(index.modules),
        "procedures": len(index.procedures),
        "references": sum(r.count for r in index.references),
        "edges": len(index.references),
        "external_dependencies": len(index.externals),
        "entry_points": len(analyses.entry_points),
        "dead_procedures": len(analyses.dead_code),
        "unresolved": len(index.unresolved),
        "recursive_groups": len(analyses.recursion),
        "module_cycles": len(analyses.module_cycles),
    }


def _externals(index: ProjectIndex, graph: nx.MultiDiGraph) -> list[ExternalDependency]:
    out = []
    for e in sorted(index.externals, key=lambda e: (e.kind, e.id.lower())):
        users = {graph.nodes[u].get("module", "") for u, _ in graph.in_edges(e.id)}
        out.append(ExternalDependency(e.id, e.kind, e.name, e.provider, sorted(users - {""})))
    return out


# --------------------------------------------------------------------------- difficulty


def module_rows(
    index: ProjectIndex, graph: nx.MultiDiGraph, analyses: Analyses
) -> list[ModuleInventory]:
    by_module: dict[str, list[ProcedureSymbol]] = defaultdict(list)
    for p in index.procedures:
        by_module[p.module].append(p)
    ids = {m.id for m in index.modules}
    unresolved = Counter(_module_of_scope(u.scope, ids) for u in index.unresolved)
    in_cycle = {m for group in analyses.module_cycles for m in group}
    recursive = Counter(graph.nodes[p]["module"] for group in analyses.recursion for p in group)
    externals = _module_externals(graph)
    events = _event_counts(index)
    rows = []
    for m in index.modules:
        procs = by_module.get(m.id, [])
        factors = difficulty_factors(
            m,
            procs,
            late_bound=sum(1 for x in externals[m.id] if x.startswith("progid:")),
            events=events[m.id],
            unresolved=unresolved[m.id],
            in_cycle=m.id in in_cycle,
            recursive=recursive[m.id],
        )
        total = round(sum(factors.values()), 2)
        rows.append(
            ModuleInventory(
                name=m.id,
                kind=m.kind,
                file=m.file,
                lines=m.lines,
                procedures=len(procs),
                complexity_total=sum(p.complexity for p in procs),
                complexity_max=max((p.complexity for p in procs), default=0),
                external=sorted(externals[m.id]),
                effects=sorted({e.category for p in procs for e in p.effects}),
                unresolved=unresolved[m.id],
                in_cycle=m.id in in_cycle,
                difficulty=total,
                level=level(total),
                factors=factors,
            )
        )
    return rows


def difficulty_factors(
    module: ModuleSymbol,
    procs: list[ProcedureSymbol],
    *,
    late_bound: int,
    events: int,
    unresolved: int,
    in_cycle: bool,
    recursive: int,
) -> dict[str, float]:
    """The difficulty formula (docs/index.md), one named term per factor:

    size lines/100; decisions sum(CC-1)/10; complex_procedures 1 per procedure with CC > 10;
    unstructured 1 per GoTo/GoSub/On GoTo/End and 0.5 per On Error Resume Next; effects
    the EFFECT_WEIGHTS of each category the module's own code has; late_binding 0.5 per
    ProgID; events 0.5 per WithEvents variable, Implements or event declared; unresolved
    0.5 per unresolved name; cycles 2 if the module is in a module cycle, plus 1 per
    recursive procedure."""
    unstructured = sum(
        _UNSTRUCTURED.get(k, 0.0) * n + (0.5 * n if k == "on_error_resume_next" else 0.0)
        for p in procs
        for k, n in p.traits.items()
    )
    categories = {e.category for p in procs for e in p.effects}
    factors = {
        "size": module.lines / 100,
        "decisions": sum(p.complexity - 1 for p in procs) / 10,
        "complex_procedures": float(sum(1 for p in procs if p.complexity > 10)),
        "unstructured": unstructured,
        "effects": sum(EFFECT_WEIGHTS.get(c, 1.0) for c in categories),
        "late_binding": 0.5 * late_bound,
        "events": 0.5 * events,
        "unresolved": 0.5 * unresolved,
        "cycles": (2.0 if in_cycle else 0.0) + recursive,
    }
    return {k: round(v, 2) for k, v in factors.items() if v}


def level(score: float) -> str:
    """low < 5 <= medium < 15 <= high < 40 <= very high."""
    for bound, name in LEVELS:
        if score < bound:
            return name
    return "very high"


def _module_externals(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for u, v in graph.edges():
        if not graph.nodes[v].get("module"):
            module = graph.nodes[u].get("module")
            if module:
                out[module].add(v)
    return out


def _event_counts(index: ProjectIndex) -> Counter[str]:
    counts: Counter[str] = Counter()
    for v in index.variables:
        if v.with_events:
            counts[v.module] += 1
    for e in index.events:
        counts[e.module] += 1
    for m in index.modules:
        counts[m.id] += len(m.implements)
    return counts


def _module_of_scope(scope: str, ids: set[str]) -> str:
    """Scopes are node ids ``Module.Name[...]``; module ids may contain dots (VBScript
    classes), so the longest module-id prefix wins."""
    node = scope
    while node and node not in ids:
        node = node.rsplit(".", 1)[0] if "." in node else ""
    return node
