"""How often an incremental reparse differs from a fresh parse, on our generated parsers and
on official ones, with the harness of tests/grammar/test_incremental.py: an example is 1-12
random edits (position in [0, 1], 0-5 bytes deleted, 0-6 characters inserted from a
per-grammar alphabet) applied to a seed text; every edit is followed by `parse(new,
old_tree)` and a fresh parse, compared node by node (type, range, field); an example stops
at its first divergence. Then the edits are undone and the text reparsed incrementally once
more, which must give the original tree (what tree-sitter's own corpus test checks).

    python benchmarks/incremental_divergence.py [--edits 150000] [--seed 1]
        [--generator random|hypothesis] [GRAMMAR ...]

GRAMMAR is one of our test grammars (json, arith, keywords, shapes, nested) or an official
parser from PyPI: official-json (the seed text and alphabet of our json) or official-python.
`--generator hypothesis` draws examples with the test's own strategy (about 10x slower);
`random` draws them with `random.Random(seed)`, the same stream for every grammar.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import time
from pathlib import Path

import tree_sitter
from hypothesis import HealthCheck, Phase, given, seed, settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "grammar"))

import test_incremental as harness  # noqa: E402

from transform.grammar.build import generate_and_load  # noqa: E402
from transform.grammar.source import load_grammar  # noqa: E402

FIXTURES = ROOT / "tests" / "grammar" / "fixtures"

PYTHON_SEED = (
    "def f(a, b=1):\n    if a:\n        return [a, {b: 'x'}]\n    return (a + b) * 2\n"
    "class C:\n    x = f(1)  # c\n"
)
PYTHON_ALPHABET = "defclasifretun():[]{},=+*'\"x12 \n#"


def grammar(name: str) -> tuple[tree_sitter.Language, str, str]:
    """(language, seed text, alphabet) of a grammar name."""
    if name == "official-json":
        import tree_sitter_json

        language = tree_sitter.Language(tree_sitter_json.language())
        return language, harness.SEEDS["json"], harness.ALPHABETS["json"]
    if name == "official-python":
        import tree_sitter_python

        language = tree_sitter.Language(tree_sitter_python.language())
        return language, PYTHON_SEED, PYTHON_ALPHABET
    folder = FIXTURES / name
    scanner = folder / "scanner.c"
    loaded, _ = load_grammar(folder / "grammar.json")
    language = generate_and_load(loaded, scanner=scanner if scanner.exists() else None)
    return language, harness.SEEDS[name], harness.ALPHABETS[name]


def run_example(parser: tree_sitter.Parser, text: str, steps) -> dict:
    """Apply the edits, comparing each incremental reparse with a fresh parse, up to the first
    divergence; then undo the edits done and reparse once more, as tree-sitter's own corpus
    test does, and compare with the parse of the original text."""
    data = text.encode()
    tree = parser.parse(data)
    original = harness.shape(tree.root_node)
    undo = []
    result = {"edits": 0, "divergent": False, "fresh_has_error": False}
    for where, length, insert in steps:
        start = int(where * len(data))
        old_end = min(len(data), start + length)
        undo.append((start, start + len(insert.encode()), data[start:old_end]))
        data = _edit(data, tree, start, old_end, insert.encode())
        tree = parser.parse(data, tree)
        result["edits"] += 1
        fresh = parser.parse(data)
        if harness.shape(tree.root_node) != harness.shape(fresh.root_node):
            result["divergent"] = True
            result["fresh_has_error"] = fresh.root_node.has_error
            break
    for start, end, removed in reversed(undo):
        data = _edit(data, tree, start, end, removed)
    result["undo_mismatch"] = harness.shape(parser.parse(data, tree).root_node) != original
    return result


def _edit(data: bytes, tree: tree_sitter.Tree, start: int, old_end: int, new: bytes) -> bytes:
    """harness.apply_edit, by byte offsets."""
    edited = data[:start] + new + data[old_end:]
    tree.edit(
        start_byte=start,
        old_end_byte=old_end,
        new_end_byte=start + len(new),
        start_point=harness.point_at(data, start),
        old_end_point=harness.point_at(data, old_end),
        new_end_point=harness.point_at(edited, start + len(new)),
    )
    return edited


def random_examples(alphabet: str, rng: random.Random):
    """Like the test's strategy: the ends of the text (0.0, 1.0) are favoured, as
    hypothesis favours the bounds of a float range."""
    while True:
        steps = []
        for _ in range(rng.randint(1, 12)):
            roll = rng.random()
            where = 0.0 if roll < 0.1 else 1.0 if roll < 0.2 else rng.random()
            insert = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
            steps.append((where, rng.randint(0, 5), insert))
        yield steps


class _BudgetSpent(Exception):
    pass


def hypothesis_examples(name: str, alphabet: str, random_seed: int, consume) -> None:
    """Feed the test's own strategy to `consume` until it raises _BudgetSpent."""
    harness.ALPHABETS.setdefault(name, alphabet)

    @seed(random_seed)
    @settings(
        max_examples=10**9,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(steps=harness.edits(name))
    def run(steps):
        consume(steps)

    with contextlib.suppress(_BudgetSpent):
        run()


def measure(name: str, edit_budget: int, random_seed: int, generator: str) -> dict:
    language, text, alphabet = grammar(name)
    parser = tree_sitter.Parser(language)
    counts = {
        "edits": 0,
        "examples": 0,
        "divergent": 0,
        "divergent_without_errors": 0,
        "undo_mismatch": 0,
        "first": [],
    }

    def consume(steps) -> None:
        if counts["edits"] >= edit_budget:
            raise _BudgetSpent
        result = run_example(parser, text, steps)
        counts["examples"] += 1
        counts["edits"] += result["edits"]
        counts["undo_mismatch"] += result["undo_mismatch"]
        if result["divergent"]:
            counts["divergent"] += 1
            counts["divergent_without_errors"] += not result["fresh_has_error"]
            if len(counts["first"]) < 3:
                counts["first"].append(steps[: result["edits"]])

    started = time.perf_counter()
    if generator == "hypothesis":
        hypothesis_examples(name, alphabet, random_seed, consume)
    else:
        with contextlib.suppress(_BudgetSpent):
            for steps in random_examples(alphabet, random.Random(random_seed)):
                consume(steps)
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("grammars", nargs="*", default=["arith", "json", "official-json"])
    parser.add_argument("--edits", type=int, default=150_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--generator", choices=["random", "hypothesis"], default="random")
    args = parser.parse_args()
    for name in args.grammars:
        result = measure(name, args.edits, args.seed, args.generator)
        rate = result["divergent"] / result["edits"] * 100_000
        print(
            f"{name:16} {result['edits']:>7} edits {result['examples']:>6} examples: "
            f"{result['divergent']:>3} divergent ({rate:.2f} per 100k edits), "
            f"{result['divergent_without_errors']} of them on input without errors; "
            f"{result['undo_mismatch']} wrong after undoing the edits; {result['seconds']} s",
            flush=True,
        )
        for steps in result["first"]:
            print(f"    {steps}", flush=True)


if __name__ == "__main__":
    main()
