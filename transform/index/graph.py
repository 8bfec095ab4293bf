"""The project as a networkx graph, and its JSON / GraphML / DOT renderings.

Why a MultiDiGraph keyed by edge kind: one procedure can both read and write the same
variable, and each kind must stay visible; aggregated occurrences live in the edge's
``count`` (every line is in the index's references).  Edges point from the user to the
thing used, so "A depends on B" is an edge A → B.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import networkx as nx

from .model import ProjectIndex


def build_graph(index: ProjectIndex) -> nx.MultiDiGraph:
    """Nodes for every symbol and external thing, one edge per (source, target, kind)."""
    g = nx.MultiDiGraph()
    for m in index.modules:
        g.add_node(
            m.id,
            kind="module",
            name=m.name,
            module=m.id,
            module_kind=m.kind,
            file=m.file,
            line=1,
            project=m.project,
        )
    for p in index.procedures:
        g.add_node(
            p.id,
            kind="procedure",
            name=p.name,
            module=p.module,
            proc_kind=p.kind,
            visibility=p.visibility,
            file=p.location.file,
            line=p.location.line,
            lines=p.lines,
            complexity=p.complexity,
        )
    _symbols(g, "variable", index.variables)
    _symbols(g, "constant", index.constants)
    _symbols(g, "type", index.types)
    _symbols(g, "enum", index.enums)
    _symbols(g, "declare", index.declares)
    _symbols(g, "event", index.events)
    for c in index.controls:
        line = c.location.line if c.location else 0
        g.add_node(
            c.id,
            kind="control",
            name=c.name,
            module=c.module,
            file=_file(index, c),
            line=line,
            control_type=c.type,
            source=c.source,
        )
    for e in index.externals:
        g.add_node(e.id, kind=e.kind, name=e.name, provider=e.provider, module="")
    for r in index.references:
        g.add_edge(
            r.source,
            r.target,
            key=r.kind,
            kind=r.kind,
            count=r.count,
            file=r.location.file,
            line=r.location.line,
            detail=r.detail,
        )
    return g


def _symbols(g: nx.MultiDiGraph, kind: str, symbols: Iterable) -> None:
    for s in symbols:
        g.add_node(
            s.id,
            kind=kind,
            name=s.name,
            module=s.module,
            file=s.location.file,
            line=s.location.line,
            visibility=getattr(s, "visibility", "public"),
        )


def _file(index: ProjectIndex, control) -> str:
    return control.location.file if control.location else ""


def focus(g: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    """The neighbourhood of ``name`` (a node id, or a module/procedure name) up to
    ``depth`` edges away in either direction; a module brings its own members along."""
    seeds = find_nodes(g, name)
    if not seeds:
        raise KeyError(name)
    keep = set(seeds)
    frontier = set(seeds)
    undirected = g.to_undirected(as_view=True)
    for _ in range(max(0, depth)):
        frontier = {n for f in frontier for n in undirected.neighbors(f)} - keep
        keep |= frontier
    return g.subgraph(keep).copy()


def find_nodes(g: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes matching ``name`` case-insensitively: by id, else by name; a module node
    brings the nodes it contains."""
    low = name.lower()
    seeds = [n for n in g if n.lower() == low]
    if not seeds:
        seeds = [n for n, data in g.nodes(data=True) if str(data.get("name", "")).lower() == low]
    modules = {n for n in seeds if g.nodes[n].get("kind") == "module"}
    if modules:
        seeds += [n for n, data in g.nodes(data=True) if data.get("module") in modules]
    return sorted(set(seeds))


# --------------------------------------------------------------------------- formats


def to_json(g: nx.MultiDiGraph) -> str:
    """networkx node-link JSON (``nx.node_link_graph`` reads it back)."""
    data = nx.node_link_data(g, edges="edges")
    # compact: json's C encoder only runs without indentation (6x faster on big graphs)
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n"


def to_graphml(g: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(_scalar_attributes(g))) + "\n"


def _scalar_attributes(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML takes str/int/float/bool only; None becomes ""."""
    out = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        out.add_node(n, **{k: ("" if v is None else v) for k, v in data.items()})
    for u, v, k, data in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **{a: ("" if b is None else b) for a, b in data.items()})
    return out


_SHAPES = {
    "module": "folder",
    "procedure": "box",
    "variable": "ellipse",
    "constant": "ellipse",
    "type": "component",
    "enum": "component",
    "declare": "cds",
    "event": "diamond",
    "control": "tab",
}
_COLOURS = {
    "calls": "black",
    "reads": "darkgreen",
    "writes": "red",
    "uses_type": "gray50",
    "instantiates": "blue",
    "implements": "purple",
    "handles_event": "orange",
    "late_binds": "brown",
    "declares_dll": "brown",
    "uses_host": "darkcyan",
    "raises": "orange",
}


def to_dot(g: nx.MultiDiGraph) -> str:
    """Graphviz DOT, one cluster per module, external things outside any cluster."""
    lines = ["digraph project {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    by_module: dict[str, list[str]] = {}
    for n, data in g.nodes(data=True):
        by_module.setdefault(data.get("module") or "", []).append(n)
    for i, (module, nodes) in enumerate(sorted(by_module.items())):
        indent = "  "
        if module:
            lines.append(f"  subgraph cluster_{i} {{")
            lines.append(f"    label={_quote(module)};")
            indent = "    "
        for n in sorted(nodes):
            data = g.nodes[n]
            shape = _SHAPES.get(data.get("kind", ""), "hexagon")
            label = data.get("name") or n
            lines.append(f"{indent}{_quote(n)} [label={_quote(label)}, shape={shape}];")
        if module:
            lines.append("  }")
    for u, v, k, data in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
        colour = _COLOURS.get(k, "black")
        count = data.get("count", 1)
        label = k if count == 1 else f"{k} x{count}"
        lines.append(f"  {_quote(u)} -> {_quote(v)} [label={_quote(label)}, color={colour}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'
