"""Layout of the dependency graph: columns follow the conversion order."""

from __future__ import annotations

from transform.report.graph import layout
from transform.report.indexview import external_group, index_view, module_of
from transform.report.model import GraphEdge, GraphNode, IndexView


def _view(edges: list[tuple[str, str]], externals: tuple[str, ...] = ()) -> IndexView:
    names = sorted({n for e in edges for n in e} - set(externals))
    nodes = [GraphNode(n, n, "standard") for n in names]
    nodes += [GraphNode(x, x, "host", external=True) for x in externals]
    return IndexView(
        nodes, [GraphEdge(s, t, {"calls": 1}) for s, t in edges], [], [], [], {}, [], []
    )


def test_dependencies_sit_left_of_their_dependents() -> None:
    graph = layout(_view([("Main", "Report"), ("Report", "Util"), ("Main", "Util")]))
    column = {n.id: n.column for n in graph.nodes}
    assert column == {"Util": 0, "Report": 1, "Main": 2}
    assert [c for _, c in graph.captions] == ["step 1", "step 2", "step 3"]
    x = {n.id: n.x for n in graph.nodes}
    assert x["Util"] < x["Report"] < x["Main"]


def test_a_cycle_shares_a_column_and_externals_come_first() -> None:
    graph = layout(
        _view([("A", "B"), ("B", "A"), ("C", "A"), ("B", "host:Excel")], externals=("host:Excel",))
    )
    nodes = {n.id: n for n in graph.nodes}
    assert nodes["host:Excel"].column == 0 and nodes["A"].column == nodes["B"].column == 1
    assert nodes["C"].column == 2
    assert nodes["A"].in_cycle and nodes["B"].in_cycle and not nodes["C"].in_cycle
    cyclic = {(e.source, e.target) for e in graph.edges if e.cyclic}
    assert cyclic == {("A", "B"), ("B", "A")}
    assert graph.captions[0][1] == "external"


def test_an_edge_skipping_columns_arcs_above_the_modules() -> None:
    graph = layout(_view([("Main", "Mid"), ("Mid", "Leaf"), ("Main", "Leaf")]))
    long_edge = next(e for e in graph.edges if (e.source, e.target) == ("Main", "Leaf"))
    control_y = float(long_edge.path.split()[1].split(",")[1])
    assert control_y < min(n.y for n in graph.nodes)


def test_references_fold_into_module_edges() -> None:
    owner = {"Mod1": "Mod1", "Mod1.Foo": "Mod1", "Cls.Name[get]": "Cls", "Cls": "Cls"}
    assert module_of("Mod1.Foo", owner) == "Mod1"
    assert module_of("Mod1.gCounter", owner) == "Mod1"  # a module variable
    assert module_of("Nowhere.X", owner) is None
    assert external_group("host:Excel.Range") == "host:Excel"
    assert external_group("progid:Scripting.Dictionary") == "progid:Scripting.Dictionary"
    view = index_view(
        {
            "modules": [{"id": "A", "name": "A"}, {"id": "B", "name": "B"}],
            "procedures": [{"id": "A.Go", "module": "A"}, {"id": "B.Do", "module": "B"}],
            "references": [
                {"kind": "calls", "source": "A.Go", "target": "B.Do", "count": 2},
                {"kind": "reads", "source": "A.Go", "target": "B.gTotal"},
                {"kind": "calls", "source": "A.Go", "target": "A.Go"},
            ],
        }
    )
    assert [(e.source, e.target, e.kinds) for e in view.edges] == [
        ("A", "B", {"calls": 2, "reads": 1})
    ]
