"""Parse throughput of our VBA parser beside the official tree-sitter-python parser, in one run.

The VBA corpus is generated from the sample projects in `samples/`: each copy of a sample file
has every identifier renamed (`total` -> `total_17`, type hints kept), so the parser sees
many distinct modules of realistic code. The Python corpus is the standard library's
top-level modules, taken in name order until it has as many bytes as the VBA corpus. Both
are parsed file by file; every generated VBA file is checked to parse without an error.

    python benchmarks/parse_speed.py [--megabytes 8] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sysconfig
import time
from pathlib import Path

import tree_sitter
import tree_sitter_python

from transform.grammar.build import load_language

ROOT = Path(__file__).resolve().parent.parent
VBA_SUFFIXES = {".bas", ".cls", ".frm", ".vbs", ".ctl"}
HINTS = "%&#@$"


def vba_samples() -> list[bytes]:
    return [
        path.read_bytes()
        for path in sorted((ROOT / "samples").rglob("*"))
        if path.suffix.lower() in VBA_SUFFIXES
    ]


def identifier_spans(parser: tree_sitter.Parser, source: bytes) -> list[tuple[int, int]]:
    """Byte spans of the identifiers worth renaming (not `[foreign names]`)."""
    spans: list[tuple[int, int]] = []
    stack = [parser.parse(source).root_node]
    while stack:
        node = stack.pop()
        text = source[node.start_byte : node.end_byte]
        if node.type == "identifier" and node.child_count == 0 and not text.startswith(b"["):
            spans.append((node.start_byte, node.end_byte))
        stack.extend(node.children)
    return sorted(spans)


def renamed(source: bytes, spans: list[tuple[int, int]], copy: int) -> bytes:
    """`source` with `_<copy>` appended to every identifier (before its type hint)."""
    out, last = [], 0
    for start, end in spans:
        name = source[start:end].decode("latin-1")
        hint = name[-1] if name[-1] in HINTS else ""
        base = name[: len(name) - len(hint)]
        out.append(source[last:start])
        out.append(f"{base}_{copy}{hint}".encode("latin-1"))
        last = end
    out.append(source[last:])
    return b"".join(out)


def vba_corpus(parser: tree_sitter.Parser, megabytes: float) -> list[bytes]:
    samples = [(source, identifier_spans(parser, source)) for source in vba_samples()]
    files: list[bytes] = []
    size, copy = 0, 0
    while size < megabytes * 1e6:
        copy += 1
        for source, spans in samples:
            data = renamed(source, spans, copy)
            files.append(data)
            size += len(data)
    return files


def python_corpus(megabytes: float) -> list[bytes]:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    files: list[bytes] = []
    size = 0
    while size < megabytes * 1e6:
        for path in sorted(stdlib.glob("*.py")):
            data = path.read_bytes()
            files.append(data)
            size += len(data)
            if size >= megabytes * 1e6:
                break
    return files


def errors(parser: tree_sitter.Parser, files: list[bytes]) -> int:
    return sum(parser.parse(data).root_node.has_error for data in files)


def median_seconds(parser: tree_sitter.Parser, files: list[bytes], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        for data in files:
            parser.parse(data)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def report(label: str, files: list[bytes], seconds: float) -> tuple[float, float]:
    size = sum(len(data) for data in files)
    lines = sum(data.count(b"\n") for data in files)
    mb_s, lines_s = size / 1e6 / seconds, lines / seconds
    print(
        f"{label:<8} {size / 1e6:6.2f} MB, {lines:8,d} lines, {len(files):5d} files: "
        f"{mb_s:6.2f} MB/s  {lines_s:11,.0f} lines/s"
    )
    return mb_s, lines_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=8.0)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    vba = tree_sitter.Parser(load_language(ROOT / "grammars" / "vba"))
    python = tree_sitter.Parser(tree_sitter.Language(tree_sitter_python.language()))
    vba_files = vba_corpus(vba, args.megabytes)
    python_files = python_corpus(sum(len(data) for data in vba_files) / 1e6)
    bad = errors(vba, vba_files)
    if bad:
        raise SystemExit(f"{bad} generated VBA files do not parse cleanly")

    print(f"== parse throughput, median of {args.repeat} ==")
    vba_mb, vba_lines = report("vba", vba_files, median_seconds(vba, vba_files, args.repeat))
    py_mb, py_lines = report(
        "python", python_files, median_seconds(python, python_files, args.repeat)
    )
    print(f"ratio vba/python: {vba_mb / py_mb:.2f} (MB/s), {vba_lines / py_lines:.2f} (lines/s)")
    print(f"files with syntax errors: vba 0, python {errors(python, python_files)}")


if __name__ == "__main__":
    main()
