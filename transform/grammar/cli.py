"""`transform grammar build`: grammar.js / grammar.json → parser sources."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from .generate import generate, write_files
from .model import GrammarError
from .source import GrammarSourceError, load_grammar


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
def build_command(source: Path, out_dir: Path | None) -> None:
    """Generate src/parser.c, src/tree_sitter/parser.h, src/node-types.json and
    src/grammar.json from SOURCE: a grammar directory (grammar.js, run through node when
    available, else src/grammar.json), a grammar.js, or a grammar.json file."""
    started = time.perf_counter()
    try:
        grammar, origin = load_grammar(source)
        generated = generate(grammar)
    except (GrammarSourceError, GrammarError) as error:
        click.echo(f"error: {source}: {error}", err=True)
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
