"""Scan + graph speed on a synthetic repository of at least a million lines.

The repository is generated from samples/: N copies of every sample folder, with module
names and the public names of standard modules renamed per copy (so copies do not
collide in one project), plus one glue module per copy whose procedures call into the
previous copy's modules (cross-module calls, instantiations, a long dependency chain).

Printed, all from the same run:
- bare parse: ingest + the parse stage's VBA reader over every module (the baseline),
- scan + graph: ingest, parse, extract, link, graph, analyses, inventory, writing
  inventory.json / inventory.md / index.json, and rendering the graph as JSON,
- lines/s of both, the ratio total / bare parse, and the peak resident memory.

Usage: python benchmarks/scan_speed.py [--lines 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transform.index import scan, to_json, write_scan  # noqa: E402
from transform.index.parsing import ParseError, parse_vba  # noqa: E402
from transform.ingest import ingest  # noqa: E402

SAMPLES = ROOT / "samples"
SOURCE_SUFFIXES = {".bas", ".cls", ".frm", ".ctl", ".vbs"}
# Statement keywords that are also declared names in the samples: left alone so that
# renaming never turns `Name a As b` into a call.
KEEP = {"name", "input", "print", "open", "close", "get", "put", "line", "width", "lock"}


def sample_folders() -> list[tuple[Path, list[Path]]]:
    out = []
    for folder in sorted(p for p in SAMPLES.iterdir() if p.is_dir()):
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SOURCE_SUFFIXES)
        if files:
            out.append((folder, files))
    return out


def renamable(folder: Path) -> set[str]:
    """Module names and standard modules' public names of one sample folder."""
    result = scan([folder])
    index = result.index
    standard = {m.id for m in index.modules if m.kind == "standard"}
    names = {m.name for m in index.modules if m.container is None and m.kind != "script"}
    for group in (index.procedures, index.variables, index.constants, index.declares):
        names |= {s.name for s in group if s.module in standard and s.visibility != "private"}
    for enum in index.enums:
        names.add(enum.name)
        names |= {m.name for m in enum.members}
    names |= {t.name for t in index.types}
    return {n for n in names if n.lower() not in KEEP and n.isidentifier()}


def renamer(names: set[str]):
    if not names:
        return lambda text, suffix: text
    pattern = re.compile(
        r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )
    canonical = {n.lower(): n for n in names}

    def rename(text: str, suffix: str) -> str:
        return pattern.sub(lambda m: canonical[m.group(1).lower()] + suffix, text)

    return rename


GLUE = """Attribute VB_Name = "modGlue{i}"
Option Explicit

Public Sub Link{i}()
    Dim oOrder As Order{o}
    Set oOrder = New Order{o}
    Debug.Print TitleCase{s}("copy {i}")
    Debug.Print modNumbers{s}.NumberToWords{s}({i})
    Debug.Print IsValidLuhn{s}("79927398713")
    Link{p}
End Sub

Public Sub Link{i}b()
    Dim oInv As Inventory{o}
    Set oInv = BuildCatalog{o}()
    Debug.Print oInv.OnHand("WID-001")
End Sub
"""


def generate(target: Path, min_lines: int) -> tuple[int, int]:
    """Write copies until ``min_lines``; returns (lines, files)."""
    folders = sample_folders()
    plans = [(folder, files, renamer(renamable(folder))) for folder, files in folders]
    texts = {f: f.read_text(encoding="utf-8") for _, files, _ in plans for f in files}
    tags = {folder.name: str(n) for n, (folder, _, _) in enumerate(plans)}
    lines = files_written = copy = 0
    while lines < min_lines:
        copy += 1
        out = target / f"copy{copy:04d}"
        out.mkdir(parents=True)
        for folder, files, rename in plans:
            suffix = f"_{tags[folder.name]}_{copy}"
            sub = out / folder.name
            sub.mkdir()
            for vbp in folder.glob("*.vbp"):  # keeps a VB6 project a project of its own
                shutil.copy(vbp, sub / vbp.name)
            for f in files:
                text = rename(texts[f], suffix)
                name = rename(f.stem, suffix) + f.suffix
                (sub / name).write_text(text, encoding="utf-8", newline="")
                lines += text.count("\n")
                files_written += 1
        glue = _glue(copy, tags)
        (out / f"modGlue{copy}.bas").write_text(glue.replace("\n", "\r\n"), encoding="utf-8")
        lines += glue.count("\n")
        files_written += 1
    return lines, files_written


def _glue(copy: int, tags: dict[str, str]) -> str:
    prev = max(1, copy - 1)
    order = f"_{tags['order-model']}_{prev}"
    strings = f"_{tags['string-utils']}_{prev}"
    link_prev = str(prev) if copy > 1 else "1b"
    return GLUE.format(i=copy, o=order, s=strings, p=link_prev)


def bare_parse(root: Path) -> tuple[float, int, int]:
    """Seconds to ingest and parse every module, as the parse stage alone would."""
    started = time.perf_counter()
    result = ingest([root])
    failures = 0
    for module in result.modules:
        try:
            parse_vba(module)
        except ParseError:
            failures += 1
    return time.perf_counter() - started, len(result.modules), failures


@contextmanager
def synthetic_repository(min_lines: int, keep: Path | None, prefix: str) -> Iterator[tuple]:
    """(work folder, repository, lines) of a generated repository; removed afterwards
    unless ``keep`` names where to generate it."""
    work = keep or Path(tempfile.mkdtemp(prefix=prefix))
    try:
        t0 = time.perf_counter()
        lines, files = generate(work / "repo", min_lines)
        print(f"generated {lines} lines in {files} files ({time.perf_counter() - t0:.1f} s)")
        yield work, work / "repo", lines
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="Generate here and keep it.")
    args = parser.parse_args()
    with synthetic_repository(args.lines, args.keep, "scan-bench-") as (work, repo, lines):
        parse_seconds, modules, failures = bare_parse(repo)
        print(f"bare parse:    {parse_seconds:7.1f} s  {lines / parse_seconds:9.0f} lines/s")
        print(f"  ({modules} modules, {failures} parse failures)")

        started = time.perf_counter()
        result = scan([repo])
        write_scan(result, work / "out")
        graph_json = to_json(result.graph)
        total = time.perf_counter() - started
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"scan + graph:  {total:7.1f} s  {lines / total:9.0f} lines/s")
        steps = dict(result.timings)
        print("  steps: " + ", ".join(f"{k} {v:.1f} s" for k, v in steps.items()))
        totals = result.inventory.totals
        print(
            f"  {totals['modules']} modules, {totals['procedures']} procedures, "
            f"{result.graph.number_of_nodes()} nodes, {result.graph.number_of_edges()} edges, "
            f"graph JSON {len(graph_json) / 1e6:.0f} MB"
        )
        print(f"ratio scan+graph / bare parse: {total / parse_seconds:.2f}")
        print(f"peak memory (max RSS): {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
