"""`transform scan` and `transform graph` through click's CliRunner."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from transform.cli import main
from transform.index.model import Inventory, ProjectIndex, from_jsonable

from .helpers import write_project

GOOD = """
Attribute VB_Name = "Good"
Option Explicit

Public Sub Main()
    Helper
End Sub

Private Sub Helper()
    MsgBox "hi"
End Sub
"""

BROKEN = """
Attribute VB_Name = "Broken"
Option Explicit

Public Sub Oops()
    If True Then
        Debug.Print 1
"""


def _repo(tmp_path: Path) -> Path:
    return write_project(tmp_path / "repo", {"Good.bas": GOOD, "Broken.bas": BROKEN})


def test_scan_writes_inventory_and_goes_on_after_a_parse_error(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["scan", str(_repo(tmp_path)), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["totals"]["modules"] == 1
    assert summary["totals"]["parse_errors"] == 1
    (failure,) = summary["failures"]
    assert failure["file"].endswith("Broken.bas") and failure["line"] > 0
    assert failure["column"] > 0
    # the message names file, line and column on stderr
    assert f"Broken.bas:{failure['line']}:{failure['column']}: parse error" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["index.json", "inventory.json", "inventory.md"]
    inventory = from_jsonable(Inventory, json.loads((out / "inventory.json").read_text()))
    assert {e.id for e in inventory.entry_points} == {"Good.Main"}
    assert inventory.procedures[1].effects == ["ui"]
    markdown = (out / "inventory.md").read_text()
    assert "# Legacy code inventory" in markdown and "`Good`" in markdown


def test_scan_strict_fails_on_parse_errors(tmp_path: Path) -> None:
    args = ["scan", str(_repo(tmp_path)), "--out", str(tmp_path / "o"), "--strict"]
    assert CliRunner().invoke(main, args).exit_code == 1


def test_scan_usage_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["scan", str(tmp_path / "nope"), "--out", "x"]).exit_code == 2
    assert runner.invoke(main, ["scan", str(tmp_path)]).exit_code == 2  # --out missing


def test_index_json_round_trips(tmp_path: Path) -> None:
    out = tmp_path / "out"
    CliRunner().invoke(main, ["scan", str(_repo(tmp_path)), "--out", str(out)])
    data = json.loads((out / "index.json").read_text())
    index = from_jsonable(ProjectIndex, data["index"])
    assert [p.id for p in index.procedures] == ["Good.Main", "Good.Helper"]
    assert index.procedures[1].effects[0].category == "ui"
    assert index.references[0].location.line > 0


def test_graph_formats(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    runner = CliRunner()
    as_json = runner.invoke(main, ["graph", str(repo), "--format", "json"])
    assert as_json.exit_code == 0
    g = nx.node_link_graph(json.loads(as_json.stdout), edges="edges")
    assert g.has_edge("Good.Main", "Good.Helper")
    graphml = runner.invoke(main, ["graph", str(repo), "--format", "graphml"])
    g2 = nx.read_graphml(io.BytesIO(graphml.stdout_bytes))
    assert g2.has_edge("Good.Main", "Good.Helper")
    dot = runner.invoke(main, ["graph", str(repo), "--format", "dot"]).stdout
    assert dot.startswith("digraph project {")
    assert '"Good.Main" -> "Good.Helper" [label="calls"' in dot


def test_graph_focus_depth_and_out(tmp_path: Path) -> None:
    files = {
        "A.bas": 'Attribute VB_Name = "A"\nPublic Sub One()\n    B.Two\nEnd Sub',
        "B.bas": 'Attribute VB_Name = "B"\nPublic Sub Two()\n    C.Three\nEnd Sub',
        "C.bas": 'Attribute VB_Name = "C"\nPublic Sub Three()\nEnd Sub',
    }
    repo = write_project(tmp_path / "chain", files)
    out = tmp_path / "g.json"
    runner = CliRunner()
    args = ["graph", str(repo), "--focus", "A.One", "--depth", "1", "--out", str(out)]
    assert runner.invoke(main, args).exit_code == 0
    g = nx.node_link_graph(json.loads(out.read_text()), edges="edges")
    assert set(g) == {"A.One", "B.Two"}
    args = ["graph", str(repo), "--focus", "a.one", "--depth", "2", "--out", str(out)]
    runner.invoke(main, args)
    assert set(nx.node_link_graph(json.loads(out.read_text()), edges="edges")) == {
        "A.One",
        "B.Two",
        "C.Three",
    }
    # a module name focuses on the module and its members
    runner.invoke(main, ["graph", str(repo), "--focus", "B", "--depth", "0", "--out", str(out)])
    assert set(nx.node_link_graph(json.loads(out.read_text()), edges="edges")) == {"B", "B.Two"}
    missing = runner.invoke(main, ["graph", str(repo), "--focus", "Nope"])
    assert missing.exit_code == 2 and "no node or module named 'Nope'" in missing.output
