"""``transform scan`` without the command line: index, graph, analyses, inventory, files.

Why timings are kept: the benchmark (benchmarks/scan_speed.py) compares the whole scan
with the bare parse time measured inside the same run.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .analyses import analyse
from .graph import build_graph
from .inventory import build_inventory
from .markdown import render_markdown
from .model import Analyses, Inventory, ProjectIndex, to_jsonable
from .output import write_json_atomic, write_text_atomic
from .pipeline import Progress, index_paths

OUTPUT_FILES = ("inventory.json", "inventory.md", "index.json")


@dataclass
class ScanResult:
    index: ProjectIndex
    graph: nx.MultiDiGraph
    analyses: Analyses
    inventory: Inventory
    timings: dict[str, float] = field(default_factory=dict)


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector.  Why: a scan allocates millions of small
    objects that stay alive until the end, and every full collection re-walks them all
    (it made parsing 1.5x slower inside a scan than alone).  Syntax trees are freed by
    reference counting as soon as a module is extracted, so nothing piles up meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def scan(
    paths: Sequence[str | Path], exclude: Sequence[str] = (), progress: Progress | None = None
) -> ScanResult:
    """Index ``paths`` and run every analysis; nothing is written."""
    with no_cyclic_gc():
        return _scan(paths, exclude, progress)


def _scan(paths, exclude, progress) -> ScanResult:
    run = index_paths(paths, exclude, progress)
    timings = dict(run.timings)
    t0 = time.perf_counter()
    graph = build_graph(run.index)
    t1 = time.perf_counter()
    analyses = analyse(run.index, graph)
    t2 = time.perf_counter()
    inventory = build_inventory(run.index, graph, analyses, [str(p) for p in paths])
    t3 = time.perf_counter()
    timings.update(graph=t1 - t0, analyses=t2 - t1, inventory=t3 - t2)
    return ScanResult(run.index, graph, analyses, inventory, timings)


def write_scan(result: ScanResult, out_dir: Path) -> list[Path]:
    """inventory.json and inventory.md for people and scripts, index.json (the full model
    and analyses) for the later stages; each written atomically."""
    with no_cyclic_gc():
        return _write(result, out_dir)


def _write(result: ScanResult, out_dir: Path) -> list[Path]:
    t0 = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / name for name in OUTPUT_FILES]
    write_json_atomic(paths[0], to_jsonable(result.inventory), compact=True)
    write_text_atomic(paths[1], render_markdown(result.inventory))
    full = {"index": to_jsonable(result.index), "analyses": to_jsonable(result.analyses)}
    write_json_atomic(paths[2], full, compact=True)
    result.timings["write"] = time.perf_counter() - t0
    return paths


def summary(result: ScanResult) -> dict:
    """The ``--json`` summary printed on stdout."""
    inv = result.inventory
    levels: dict[str, int] = {}
    for m in inv.modules:
        levels[m.level] = levels.get(m.level, 0) + 1
    return {
        "totals": inv.totals,
        "difficulty": levels,
        "hardest": [{"module": m.name, "difficulty": m.difficulty} for m in inv.modules[:5]],
        "failures": [to_jsonable(f) for f in inv.failures],
        "seconds": {k: round(v, 3) for k, v in result.timings.items()},
    }
