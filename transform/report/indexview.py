"""Reduce the index stage's ``index.json`` to what the report shows (``IndexView``).

Why tolerant: the index stage's JSON is that stage's contract (transform/index/model.py,
docs/index.md); the report reads only a few of its fields, by name, and accepts the
analyses either nested under ``analyses`` or at the top level (as in inventory.json), so
either file works; ``{"index": ..., "analyses": ...}`` (what ``transform scan`` writes
as index.json) is read too.  Procedure- and variable-level references are folded into module edges.
"""

from __future__ import annotations

from typing import Any

from .model import GraphEdge, GraphNode, IndexView, InputError, ProcedureEffect, UnresolvedName

EXTERNAL_PREFIXES = ("host:", "progid:", "dll:", "lib:")


def index_view(data: Any, where: str = "index.json") -> IndexView:
    """Build the report's view of an index; raises InputError on a wrong shape."""
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected an object, got {type(data).__name__}")
    analyses = data.get("analyses") if isinstance(data.get("analyses"), dict) else data
    if isinstance(data.get("index"), dict):  # what `transform scan` writes: {index, analyses}
        data = data["index"]
    modules = _list(data, "modules", where)
    nodes = [_module_node(m, f"{where}.modules[{i}]") for i, m in enumerate(modules)]
    owner = _owner_map(nodes, _list(data, "procedures", where))
    edges, externals = _module_edges(_list(data, "references", where), owner)
    cycles = [list(map(str, c)) for c in _list(analyses, "module_cycles", where)]
    order = _list(analyses, "module_order", where) or _list(analyses, "conversion_order", where)
    return IndexView(
        nodes=nodes + externals,
        edges=edges,
        cycles=cycles,
        recursion=[list(map(str, c)) for c in _list(analyses, "recursion", where)],
        order=[list(map(str, group)) for group in order if isinstance(group, list)],
        entry_points=_entry_points(_list(analyses, "entry_points", where)),
        unresolved=[
            _unresolved(u) for u in _list(data, "unresolved", where) if isinstance(u, dict)
        ],
        effects=[_effect(e) for e in _list(analyses, "effects", where) if isinstance(e, dict)],
    )


def _list(data: dict, key: str, where: str) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(f"{where}.{key}: expected a list, got {type(value).__name__}")
    return value


def _module_node(data: Any, where: str) -> GraphNode:
    if not isinstance(data, dict) or not isinstance(data.get("id", data.get("name")), str):
        raise InputError(f"{where}: expected an object with an 'id'")
    node_id = data.get("id") or data["name"]
    detail = f"{data.get('kind', 'module')}, {data.get('lines', '?')} lines"
    return GraphNode(
        id=node_id,
        label=str(data.get("name") or node_id),
        kind=str(data.get("kind", "module")),
        detail=detail,
        file=str(data.get("file", "")),
    )


def _owner_map(nodes: list[GraphNode], procedures: list) -> dict[str, str]:
    """Procedure id → module id, from the index's own procedure list."""
    owner = {n.id: n.id for n in nodes}
    for proc in procedures:
        if isinstance(proc, dict) and isinstance(proc.get("id"), str):
            owner[proc["id"]] = str(proc.get("module", ""))
    return owner


def module_of(node_id: str, owner: dict[str, str]) -> str | None:
    """The module a graph node belongs to: itself, its procedure's module, or the longest
    dotted prefix that names a module (``Module1.Counter`` → ``Module1``)."""
    if node_id in owner:
        return owner[node_id]
    base = node_id.split("[", 1)[0]
    while "." in base:
        base = base.rsplit(".", 1)[0]
        if base in owner:
            return owner[base]
    return None


def external_group(node_id: str) -> str | None:
    """One node per external library: ``host:Excel.Range`` and ``host:Excel.Sheets`` are
    both ``host:Excel``; ProgIDs and DLLs stay whole (each is its own dependency)."""
    for prefix in EXTERNAL_PREFIXES:
        if node_id.startswith(prefix):
            name = node_id[len(prefix) :]
            if prefix in ("host:", "lib:"):
                name = name.split(".", 1)[0]
            return prefix + name
    return None


def _module_edges(
    references: list, owner: dict[str, str]
) -> tuple[list[GraphEdge], list[GraphNode]]:
    edges: dict[tuple[str, str], GraphEdge] = {}
    externals: dict[str, GraphNode] = {}
    for ref in references:
        if not isinstance(ref, dict):
            continue
        source = module_of(str(ref.get("source", "")), owner)
        target_id = str(ref.get("target", ""))
        target = module_of(target_id, owner)
        if target is None and (group := external_group(target_id)):
            target = group
            kind, _, name = group.partition(":")
            externals.setdefault(group, GraphNode(group, name, kind, external=True, detail=kind))
        if source is None or target is None or source == target:
            continue
        edge = edges.setdefault((source, target), GraphEdge(source, target, {}))
        kind = str(ref.get("kind", "uses"))
        edge.kinds[kind] = edge.kinds.get(kind, 0) + int(ref.get("count") or 1)
    return list(edges.values()), sorted(externals.values(), key=lambda n: n.id)


def _entry_points(items: list) -> dict[str, str]:
    return {
        str(e["id"]): str(e.get("reason", ""))
        for e in items
        if isinstance(e, dict) and isinstance(e.get("id"), str)
    }


def _unresolved(data: dict) -> UnresolvedName:
    location = data.get("location") if isinstance(data.get("location"), dict) else {}
    return UnresolvedName(
        name=str(data.get("name", "")),
        kind=str(data.get("kind", "")),
        scope=str(data.get("scope", "")),
        file=str(location.get("file", "")),
        line=int(location.get("line") or 0),
        note=str(data.get("note", "")),
    )


def _effect(data: dict) -> ProcedureEffect:
    transitive = data.get("transitive") if isinstance(data.get("transitive"), dict) else {}
    return ProcedureEffect(
        procedure=str(data.get("id", "")),
        direct=[str(c) for c in data.get("direct") or []],
        transitive={str(k): [str(w) for w in v or []] for k, v in transitive.items()},
    )
