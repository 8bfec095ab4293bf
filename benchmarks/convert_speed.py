"""Convert speed (rules only, no LLM) on a synthetic repository, with the share per stage.

The repository is the one `scan_speed.py` generates from samples/ (renamed copies of every
sample folder plus glue modules calling across copies), cut at ``--lines``.  Printed, all
from the same run:
- bare parse: ingest + tree-sitter parse of every module (the baseline),
- convert: `transform convert` on the whole repository (translate with the rules, check with
  libcst, characterize in the interpreter, write, report; `--verify` adds the generated
  tests' run), as lines/s and seconds per stage with their share,
- the ratio of the translate stage to the bare parse, and the peak resident memory.

Usage: python benchmarks/convert_speed.py [--lines 100000] [--verify] [--keep DIR]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import tree_sitter  # noqa: E402
from scan_speed import synthetic_repository  # noqa: E402

from transform.convert.pipeline import convert  # noqa: E402
from transform.ingest import ingest  # noqa: E402
from transform.parse.languages import get_language  # noqa: E402


def bare_parse(root: Path) -> tuple[float, int, int]:
    """Seconds to ingest and parse every VBA module once; (seconds, modules, with errors)."""
    started = time.perf_counter()
    parser = tree_sitter.Parser(get_language("vba"))
    modules = [m for m in ingest([root]).modules if m.language in ("vba", "vbscript")]
    with_errors = sum(parser.parse(m.text.encode("utf-8")).root_node.has_error for m in modules)
    return time.perf_counter() - started, len(modules), with_errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--verify", action="store_true", help="Also run the generated tests.")
    parser.add_argument("--keep", type=Path, help="Generate here and keep it.")
    args = parser.parse_args()
    with synthetic_repository(args.lines, args.keep, "convert-bench-") as (work, repo, lines):
        parse_seconds, modules, with_errors = bare_parse(repo)
        print(f"bare parse:   {parse_seconds:7.1f} s  {lines / parse_seconds:9.0f} lines/s")
        print(f"  ({modules} modules, {with_errors} with syntax errors)")

        started = time.perf_counter()
        result = convert([repo], work / "out", package="synthetic", verify=args.verify)
        total = time.perf_counter() - started
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"convert:      {total:7.1f} s  {lines / total:9.0f} lines/s")
        for stage, seconds in result.seconds.items():
            print(f"  {stage:<13}{seconds:7.1f} s  {seconds / total:6.1%}")
        summary = result.summary()
        print(
            f"  {summary['modules']} modules, {summary['procedures']} procedures, "
            f"{summary['translated_by_rules']} translated by rules, {summary['markers']} markers"
        )
        translate = result.seconds["translate"]
        print(f"translate:    {lines / translate:9.0f} lines/s (rules, libcst check)")
        print(f"ratio translate / bare parse: {translate / parse_seconds:.2f}")
        print(f"peak memory (max RSS): {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
