"""`transform grammar build`: grammar.js / grammar.json → parser sources."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import click

from .generate import generate, write_files
from .lr import CANONICAL_STATE_BUDGET
from .model import GrammarError
from .source import GrammarSourceError, load_grammar, rule_locations


@click.group("grammar")
def grammar_group() -> None:
    """Build tree-sitter parsers from grammar.js without the tree-sitter CLI."""


@grammar_group.command("build")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory to write src/ into (default: the grammar's own directory).",
)
@click.option(
    "--canonical-budget",
    type=click.IntRange(min=0),
    default=CANONICAL_STATE_BUDGET,
    show_default=True,
    help="Most canonical LR(1) states to build before merging states during construction "
    "instead (smaller and faster, but merged states can share lexical contexts; raise it "
    "for grammars such as TypeScript or C++, at the cost of time and memory).",
)
def build_command(source: Path, out_dir: Path | None, canonical_budget: int) -> None:
    """Generate src/parser.c, src/tree_sitter/parser.h, src/node-types.json and
    src/grammar.json from SOURCE: a grammar directory (grammar.js, run through node when
    available, else src/grammar.json), a grammar.js, or a grammar.json file."""
    started = time.perf_counter()
    try:
        grammar, origin = load_grammar(source)
        generated = generate(grammar, canonical_budget)
    except GrammarSourceError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    except GrammarError as error:
        click.echo(f"error: {source}: {error}", err=True)
        _echo_rule_locations(source, str(error))
        sys.exit(1)
    if out_dir is None:
        out_dir = source if source.is_dir() else source.parent
    written = write_files(generated, out_dir)
    elapsed = time.perf_counter() - started
    click.echo(
        f"{grammar['name']}: {generated.state_count} states, {generated.symbol_count} symbols "
        f"from {origin} in {elapsed:.1f}s"
    )
    for path in written:
        click.echo(f"  wrote {path}")


def _echo_rule_locations(source: Path, message: str) -> None:
    """Point at the grammar.js lines of the rules an error names."""
    grammar_js = source / "grammar.js" if source.is_dir() else source.with_name("grammar.js")
    if not grammar_js.exists():
        return
    names = set(re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)`", message))
    for name, line in sorted(rule_locations(grammar_js, names).items(), key=lambda kv: kv[1]):
        click.echo(f"  {grammar_js}:{line}: rule `{name}`", err=True)
