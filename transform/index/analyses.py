"""Analyses over the project graph: cycles, conversion order, entry points, dead code,
external effects.

Why a separate "flow" graph for effects and dead code: in VBA a call does not only run the
procedure it names.  Calling an interface method runs the implementations
(``Implements``), ``RaiseEvent`` runs every handler of the event, and ``New C`` runs
``C.Class_Initialize``.  The flow graph adds those dispatch edges to the direct calls so
that effects reach the callers that can trigger them and handlers are not declared dead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from .model import (
    Analyses,
    DeadProcedure,
    EntryPoint,
    ProcedureEffects,
    ProcedureSymbol,
    ProjectIndex,
)
from .names import AUTO_MACROS

_HOST_CALLBACKS = {".OnAction", "Application.OnTime", "Application.OnKey"}
_OPEN_EVENTS = {"workbook.open", "document.open", "document.new"}


def analyse(index: ProjectIndex, graph: nx.MultiDiGraph) -> Analyses:
    """All analyses of one indexed project."""
    procs = {p.id: p for p in index.procedures}
    calls = _edge_graph(graph, procs, ("calls",))
    flow = flow_graph(graph, procs)
    entries = entry_points(index, graph)
    modules = module_graph(graph)
    return Analyses(
        recursion=_cycles(calls),
        module_cycles=_cycles(modules),
        module_order=conversion_order(modules),
        procedure_order=conversion_order(calls),
        entry_points=entries,
        dead_code=dead_code(procs, flow, entries, graph),
        effects=effects(procs, flow),
    )


# --------------------------------------------------------------------------- graphs


def _edge_graph(g: nx.MultiDiGraph, procs: dict, kinds: Iterable[str]) -> nx.DiGraph:
    """Procedures and the edges of ``kinds`` between them."""
    wanted = set(kinds)
    out = nx.DiGraph()
    out.add_nodes_from(procs)
    for u, v, k in g.edges(keys=True):
        if k in wanted and u in procs and v in procs:
            out.add_edge(u, v)
    return out


def module_graph(g: nx.MultiDiGraph) -> nx.DiGraph:
    """Module-level dependencies: every edge between two project symbols, lifted to their
    modules (self-dependencies dropped)."""
    out = nx.DiGraph()
    module_of = {}
    for n, data in g.nodes(data=True):
        if data.get("module"):
            module_of[n] = data["module"]
            if data.get("kind") == "module":
                out.add_node(n)
    for u, v in g.edges():
        a, b = module_of.get(u), module_of.get(v)
        if a and b and a != b:
            out.add_edge(a, b)
    return out


def flow_graph(g: nx.MultiDiGraph, procs: dict[str, ProcedureSymbol]) -> nx.DiGraph:
    """What running a procedure may run: calls, plus dispatch through interfaces, events
    and class initialisation (see the module docstring).  Event and interface-method nodes
    stay in the graph as relays."""
    flow = nx.DiGraph()
    flow.add_nodes_from(procs)
    init = _class_initialisers(procs)
    for u, v, k in g.edges(keys=True):
        if k in ("calls", "raises"):
            flow.add_edge(u, v)
        elif k in ("handles_event", "implements") and u in procs:
            flow.add_edge(v, u)  # the event / interface method runs its handler / body
        elif k == "instantiates" and u in procs:
            for target in init.get(v, ()):
                flow.add_edge(u, target)
    return flow


def _class_initialisers(procs: dict[str, ProcedureSymbol]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for p in procs.values():
        if p.name.lower() in ("class_initialize", "class_terminate"):
            out[p.module].append(p.id)
    return out


# --------------------------------------------------------------------------- cycles, order


def _cycles(g: nx.DiGraph) -> list[list[str]]:
    """Strongly connected components that are real cycles (size > 1, or a self-loop)."""
    out = []
    for component in nx.strongly_connected_components(g):
        if len(component) > 1 or any(g.has_edge(n, n) for n in component):
            out.append(sorted(component))
    return sorted(out)


def conversion_order(g: nx.DiGraph) -> list[list[str]]:
    """Components of ``g`` with dependencies first (leaves first), ties broken by name so
    every run gives the same order."""
    condensed = nx.condensation(g)
    members = {c: sorted(condensed.nodes[c]["members"]) for c in condensed}
    reverse = condensed.reverse(copy=False)
    order = nx.lexicographical_topological_sort(reverse, key=lambda c: members[c][0].lower())
    return [members[c] for c in order]


# --------------------------------------------------------------------------- entry points


def entry_points(index: ProjectIndex, g: nx.MultiDiGraph) -> list[EntryPoint]:
    """Procedures the outside world starts, each with the first reason that applies."""
    modules = {m.id: m for m in index.modules}
    out = []
    for p in index.procedures:
        reason = _entry_reason(p, modules[p.module].kind, g)
        if reason:
            out.append(EntryPoint(p.id, reason))
    return out


def _entry_reason(p: ProcedureSymbol, module_kind: str, g: nx.MultiDiGraph) -> str:
    low = p.name.lower()
    if p.kind == "script":
        return "script top-level code"
    if low in AUTO_MACROS and p.kind == "sub":
        return "Sub Main" if low == "main" else f"automatic macro ({p.name})"
    for _, target, kind, data in g.out_edges(p.id, keys=True, data=True):
        if kind == "handles_event":
            return _handler_reason(g, target, data.get("detail", ""))
    for _, _, kind, data in g.in_edges(p.id, keys=True, data=True):
        details = set(data.get("detail", "").split(", ")) if kind == "calls" else set()
        if "AddressOf" in details:
            return "callback (AddressOf)"
        for via in sorted(details & _HOST_CALLBACKS):
            return f"host callback ({via})"
    public = p.visibility != "private"
    if module_kind == "standard" and p.kind == "sub" and public and not p.params:
        return "public parameterless Sub (macro)"
    return ""


def _handler_reason(g: nx.MultiDiGraph, target: str, detail: str) -> str:
    kind = g.nodes[target].get("kind", "") if target in g else ""
    if kind == "control":
        return f"form control handler ({g.nodes[target].get('name')}.{detail})"
    if detail.lower() in _OPEN_EVENTS:
        return f"opens with the document ({detail})"
    return f"event handler ({detail})"


# --------------------------------------------------------------------------- dead code


def dead_code(
    procs: dict[str, ProcedureSymbol],
    flow: nx.DiGraph,
    entries: list[EntryPoint],
    g: nx.MultiDiGraph,
) -> list[DeadProcedure]:
    """Private procedures that no live code can reach.  Live roots: every non-private
    procedure (callable from outside its module), every entry point, every interface
    implementation; liveness then follows the flow graph."""
    roots = {p.id for p in procs.values() if p.visibility != "private"}
    roots |= {e.id for e in entries}
    roots |= {u for u, _, k in g.edges(keys=True) if k == "implements" and u in procs}
    live: set[str] = set()
    stack = [r for r in roots if r in flow]
    while stack:
        node = stack.pop()
        if node in live:
            continue
        live.add(node)
        stack.extend(n for n in flow.successors(node) if n not in live)
    out = []
    for pid in sorted(procs):
        if pid in live:
            continue
        referrers = sorted(p for p in flow.predecessors(pid) if p in procs and p != pid)
        reason = "referenced only from dead code" if referrers else "never referenced"
        out.append(DeadProcedure(pid, reason, referrers))
    return out


# --------------------------------------------------------------------------- effects


def effects(procs: dict[str, ProcedureSymbol], flow: nx.DiGraph) -> list[ProcedureEffects]:
    """Each procedure's own effect categories and everything reachable through the flow
    graph, computed once per strongly connected component, callees first.  A component
    with no effects of its own and one successor shares that successor's set, which keeps
    long call chains from copying."""
    condensed = nx.condensation(flow)
    reach: dict[int, frozenset[tuple[str, str]]] = {}
    empty: frozenset[tuple[str, str]] = frozenset()
    for component in reversed(list(nx.topological_sort(condensed))):
        own = {
            (effect.category, effect.what)
            for node in condensed.nodes[component]["members"]
            for effect in (procs[node].effects if node in procs else ())
        }
        below = [reach[s] for s in condensed.successors(component)]
        below = [b for b in below if b]
        if not own and len(below) <= 1:
            reach[component] = below[0] if below else empty
        else:
            reach[component] = frozenset(own.union(*below))
    mapping = condensed.graph["mapping"]
    out = []
    for pid in sorted(procs):
        transitive: dict[str, list[str]] = defaultdict(list)
        for category, what in sorted(reach[mapping[pid]]):
            transitive[category].append(what)
        direct = sorted({e.category for e in procs[pid].effects})
        out.append(ProcedureEffects(pid, direct, dict(transitive)))
    return out
