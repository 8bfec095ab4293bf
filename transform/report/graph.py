"""Lay out the module dependency graph as SVG geometry, in conversion order.

Why our own layout: the report must work offline and without the graphviz binary.  Columns
are conversion layers: a module sits one column right of the deepest module it depends on
(mutually dependent modules share a column and are drawn as a cycle), external libraries
sit in the leftmost column.  Read left to right, the picture is the order to migrate in.
Within a column, a barycentre pass pulls nodes toward their neighbours to cut crossings."""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from .model import GraphEdge, IndexView

NODE_HEIGHT = 26
ROW_GAP = 14
COLUMN_GAP = 90
CHAR_WIDTH = 7.2
PADDING = 20
TOP = 72  # room for the column captions and for long edges arcing over the columns
LANE = 24  # control-point height of long edges
MAX_LABEL = 32

EDGE_COLOURS = {
    "calls": "#3b6fb6",
    "instantiates": "#8a4fbf",
    "implements": "#8a4fbf",
    "uses_type": "#4f8f6f",
    "reads": "#7a8793",
    "writes": "#c07a2c",
    "handles_event": "#b0487a",
    "raises": "#b0487a",
    "late_binds": "#c0392b",
    "declares_dll": "#c0392b",
    "uses_host": "#6b6b6b",
}


@dataclass
class PlacedNode:
    id: str
    label: str
    title: str
    x: float
    y: float
    width: float
    height: float
    external: bool
    in_cycle: bool
    column: int


@dataclass
class PlacedEdge:
    source: str
    target: str
    path: str
    colour: str
    title: str
    cyclic: bool


@dataclass
class GraphLayout:
    width: float
    height: float
    nodes: list[PlacedNode] = field(default_factory=list)
    edges: list[PlacedEdge] = field(default_factory=list)
    columns: int = 0
    captions: list[tuple[float, str]] = field(default_factory=list)


def layout(view: IndexView) -> GraphLayout:
    """Positions for every node and a path for every edge of ``view``."""
    graph = nx.DiGraph()
    graph.add_nodes_from(n.id for n in view.nodes)
    for edge in view.edges:
        graph.add_edge(edge.source, edge.target)
    externals = {n.id for n in view.nodes if n.external}
    columns = _columns(graph, externals)
    rows = _order_rows(graph, columns)
    placed = _place(view, columns, rows)
    cyclic = {n for scc in nx.strongly_connected_components(graph) if len(scc) > 1 for n in scc}
    for node in placed.values():
        node.in_cycle = node.id in cyclic
    edges = [_edge(e, placed, cyclic) for e in view.edges if e.source in placed]
    # Same-column arcs bulge right of their column: leave room so they are not clipped.
    reach = [
        _arc_reach(placed[e.source], placed[e.target]) for e in view.edges if e.source in placed
    ]
    width = max((n.x + n.width for n in placed.values()), default=0)
    width = max([width, *reach]) + PADDING
    height = max((n.y + n.height for n in placed.values()), default=0) + PADDING
    captions = _captions(placed, bool(externals))
    return GraphLayout(width, height, list(placed.values()), edges, len(rows), captions)


def _captions(placed: dict[str, PlacedNode], has_externals: bool) -> list[tuple[float, str]]:
    """Column headings: the step of the conversion order each column is."""
    left: dict[int, float] = {}
    for node in placed.values():
        left[node.column] = min(left.get(node.column, node.x), node.x)
    captions = []
    for column, x in sorted(left.items()):
        step = column if has_externals else column + 1
        captions.append((x, "external" if has_externals and column == 0 else f"step {step}"))
    return captions


def _columns(graph: nx.DiGraph, externals: set[str]) -> dict[str, int]:
    """Column of each node: 0 for externals, then 1 + the deepest dependency's column
    (externals do not count as depth: a module using only Excel is in the first step)."""
    condensed = nx.condensation(graph.subgraph(n for n in graph.nodes if n not in externals))
    members = condensed.graph["mapping"]
    depth: dict[int, int] = {}
    for component in reversed(list(nx.topological_sort(condensed))):
        below = [depth[s] for s in condensed.successors(component)]
        depth[component] = 1 + max(below, default=0)
    has_externals = bool(externals)
    shift = 0 if has_externals else 1
    return {node: 0 if node in externals else depth[members[node]] - shift for node in graph.nodes}


def _order_rows(graph: nx.DiGraph, columns: dict[str, int]) -> list[list[str]]:
    """Nodes per column, sorted by name, then by the mean row of their dependencies."""
    count = max(columns.values(), default=-1) + 1
    rows: list[list[str]] = [[] for _ in range(count)]
    for node in sorted(columns, key=str.lower):
        rows[columns[node]].append(node)
    for _ in range(2):
        position = {n: i for column in rows for i, n in enumerate(column)}
        for column in rows[1:]:
            column.sort(key=lambda n: _barycentre(graph, n, position))
    return rows


def _barycentre(graph: nx.DiGraph, node: str, position: dict[str, int]) -> float:
    neighbours = [position[m] for m in graph.successors(node) if m in position]
    return sum(neighbours) / len(neighbours) if neighbours else float(position[node])


def _place(
    view: IndexView, columns: dict[str, int], rows: list[list[str]]
) -> dict[str, PlacedNode]:
    nodes = {n.id: n for n in view.nodes}
    placed: dict[str, PlacedNode] = {}
    x = PADDING
    for index, column in enumerate(rows):
        labels = {n: _label(nodes[n].label) for n in column}
        width = max((len(label) * CHAR_WIDTH + 20 for label in labels.values()), default=60)
        for row, node_id in enumerate(column):
            node = nodes[node_id]
            y = TOP + row * (NODE_HEIGHT + ROW_GAP)
            title = f"{node.id} ({node.detail})" if node.detail else node.id
            placed[node_id] = PlacedNode(
                node_id,
                labels[node_id],
                title,
                x,
                y,
                width,
                NODE_HEIGHT,
                node.external,
                False,
                index,
            )
        x += width + COLUMN_GAP
    return placed


def _label(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _curve(sx: float, sy: float, tx: float, ty: float, long: bool) -> str:
    """An S-curve between neighbouring columns; an edge that skips columns arcs over them,
    so it never runs behind a module box it does not touch."""
    if long:
        return f"M{sx:.1f},{sy:.1f} C{sx - 40:.1f},{LANE} {tx + 40:.1f},{LANE} {tx:.1f},{ty:.1f}"
    mid = (sx + tx) / 2
    return f"M{sx:.1f},{sy:.1f} C{mid:.1f},{sy:.1f} {mid:.1f},{ty:.1f} {tx:.1f},{ty:.1f}"


def _arc_depth(sy: float, ty: float) -> float:
    """How far right a same-column arc bulges: further for further rows, so arcs nest."""
    return 24 + abs(ty - sy) / 2.5


def _arc_reach(source: PlacedNode, target: PlacedNode) -> float:
    """The rightmost x a same-column arc reaches (a cubic reaches 3/4 of its control)."""
    if source.column != target.column:
        return 0.0
    dy = abs(source.y - target.y)
    return source.x + source.width + 0.75 * _arc_depth(0, dy)


def _edge(edge: GraphEdge, placed: dict[str, PlacedNode], cyclic: set[str]) -> PlacedEdge:
    """A dependent (right) points at its dependency (left); same-column edges arc right."""
    source, target = placed[edge.source], placed[edge.target]
    sy, ty = source.y + source.height / 2, target.y + target.height / 2
    if source.column == target.column:
        sx = source.x + source.width
        tx = target.x + target.width
        bulge = sx + _arc_depth(sy, ty)
        path = (
            f"M{sx:.1f},{sy:.1f} C{bulge:.1f},{sy:.1f} {bulge:.1f},{ty:.1f} {tx + 2:.1f},{ty:.1f}"
        )
    else:
        sx, tx = source.x, target.x + target.width
        if source.column < target.column:
            sx, tx = source.x + source.width, target.x
        path = _curve(sx, sy, tx, ty, abs(source.column - target.column) > 1)
    main = max(edge.kinds, key=lambda k: edge.kinds[k]) if edge.kinds else "calls"
    kinds = ", ".join(f"{k} ×{n}" for k, n in sorted(edge.kinds.items()))
    return PlacedEdge(
        edge.source,
        edge.target,
        path,
        EDGE_COLOURS.get(main, "#7a8793"),
        f"{edge.source} → {edge.target}: {kinds}",
        edge.source in cyclic and edge.target in cyclic,
    )
