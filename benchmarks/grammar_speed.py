"""Parser speed of our generated JSON parser beside the official tree-sitter-json, on the
same multi-MB input in the same run, and generation time of every grammar we build.

    python benchmarks/grammar_speed.py [--megabytes 20] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

import tree_sitter
import tree_sitter_json

from transform.grammar.build import load_language
from transform.grammar.generate import generate, write_files
from transform.grammar.source import load_grammar

ROOT = Path(__file__).resolve().parent.parent


def json_corpus(megabytes: float, seed: int = 7) -> bytes:
    """Nested JSON of objects, arrays, strings and numbers (no \\u escapes, no e+ exponents:
    the fixture grammar is RFC-strict where the official one is not)."""
    rng = random.Random(seed)

    def value(depth: int):
        roll = rng.random()
        if depth > 4 or roll < 0.35:
            return rng.choice(
                [
                    rng.randint(-9999, 99999),
                    round(rng.random() * 1000, 3),
                    f"text {rng.randint(0, 99)}",
                    True,
                    False,
                    None,
                ]
            )
        if roll < 0.7:
            return [value(depth + 1) for _ in range(rng.randint(0, 6))]
        return {f"key{i}": value(depth + 1) for i in range(rng.randint(0, 6))}

    chunks, size = [], 0
    while size < megabytes * 1e6:
        chunk = json.dumps([value(0) for _ in range(200)], indent=1, ensure_ascii=False)
        chunks.append(chunk)
        size += len(chunk)
    return ("[" + ",\n".join(chunks) + "]").encode()


def interleaved_rates(parsers: list[tree_sitter.Parser], data: bytes, repeat: int) -> list[float]:
    """Median MB/s of each parser, alternating them run by run so that changes in machine
    load hit all of them alike (the ratio is what we compare)."""
    times: list[list[float]] = [[] for _ in parsers]
    for _ in range(repeat):
        for index, parser in enumerate(parsers):
            started = time.perf_counter()
            tree = parser.parse(data)
            times[index].append(time.perf_counter() - started)
            assert not tree.root_node.has_error
    return [len(data) / 1e6 / statistics.median(t) for t in times]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--megabytes", type=float, default=20)
    options.add_argument("--repeat", type=int, default=5)
    args = options.parse_args()

    print("== generation time (grammar.json -> parser.c) ==")
    grammar_dirs = sorted((ROOT / "tests/grammar/fixtures").iterdir()) + sorted(
        p for p in (ROOT / "grammars").iterdir() if (p / "src" / "grammar.json").exists()
    )
    with tempfile.TemporaryDirectory() as work:
        for directory in grammar_dirs:
            source = directory / "src" / "grammar.json"
            grammar, _ = load_grammar(source if source.exists() else directory / "grammar.json")
            started = time.perf_counter()
            generated = generate(grammar)
            elapsed = time.perf_counter() - started
            print(
                f"{grammar['name']:>10}: {elapsed:6.2f} s, {generated.state_count} states, "
                f"{generated.symbol_count} symbols"
            )
        grammar, _ = load_grammar(ROOT / "tests/grammar/fixtures/json/grammar.json")
        write_files(generate(grammar), Path(work))
        ours = tree_sitter.Parser(load_language(Path(work), "json"))
    official = tree_sitter.Parser(tree_sitter.Language(tree_sitter_json.language()))
    data = json_corpus(args.megabytes)
    same = str(ours.parse(data).root_node) == str(official.parse(data).root_node)
    print(
        f"\n== JSON parse speed, {len(data) / 1e6:.1f} MB, median of {args.repeat}, interleaved =="
    )
    ours_rate, official_rate = interleaved_rates([ours, official], data, args.repeat)
    print(f"ours:     {ours_rate:6.2f} MB/s")
    print(f"official: {official_rate:6.2f} MB/s")
    print(f"ratio ours/official: {ours_rate / official_rate:.2f}   identical trees: {same}")


if __name__ == "__main__":
    main()
