"""`transform scan` and `transform graph`: the inventory and the dependency map."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .graph import focus, to_dot, to_graphml, to_json
from .output import write_text_atomic
from .pipeline import Progress as ProgressCallback
from .scan import ScanResult, scan, summary, write_scan

_PATHS = click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)
_EXCLUDE = click.option(
    "--exclude", multiple=True, help="Gitignore-style pattern of files to leave out (repeatable)."
)
_QUIET = click.option("--quiet", is_flag=True, help="No progress bar.")


@contextmanager
def progress_bar(enabled: bool) -> Iterator[ProgressCallback | None]:
    """A rich progress bar on stderr while modules are read, only on a terminal (so pipes,
    CI logs and tests stay clean)."""
    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield None
        return
    columns = (
        TextColumn("[bold]indexing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", style="dim"),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("", total=None)

        def update(done: int, total: int, what: str) -> None:
            if done == 1 or done == total or done % 20 == 0:
                bar.update(task, completed=done, total=total or None, description=what[-60:])

        yield update


def _report_failures(result: ScanResult) -> None:
    for failure in result.index.failures:
        click.echo(
            f"{failure.file}:{failure.line}:{failure.column}: parse error: {failure.message}",
            err=True,
        )
    for record in result.index.files:
        if record.status == "unreadable":
            click.echo(f"{record.message}", err=True)


def _run_scan(paths, exclude, quiet: bool) -> ScanResult:
    with progress_bar(not quiet) as update:
        result = scan(paths, exclude, update)
    _report_failures(result)
    return result


@click.command("scan")
@_PATHS
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory for inventory.json, inventory.md and index.json.",
)
@_EXCLUDE
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary on stdout.")
@click.option("--strict", is_flag=True, help="Exit 1 if any file failed to parse or read.")
@_QUIET
def scan_command(
    paths: tuple[Path, ...],
    out_dir: Path,
    exclude: tuple[str, ...],
    as_json: bool,
    strict: bool,
    quiet: bool,
) -> None:
    """Inventory legacy sources: files, lines, modules, procedures with cyclomatic
    complexity, external dependencies, entry points, cycles, dead code, unresolved names
    and a migration difficulty estimate per module."""
    result = _run_scan(paths, exclude, quiet)
    written = write_scan(result, out_dir)
    if as_json:
        data = summary(result)
        data["outputs"] = [str(p) for p in written]
        click.echo(json.dumps(data, indent=2))
    else:
        _print_summary(result, written)
    totals = result.inventory.totals
    if totals["modules"] == 0 and totals["files"] > 0:
        sys.exit(1)
    if strict and (totals["parse_errors"] or totals["unreadable"]):
        sys.exit(1)


def _print_summary(result: ScanResult, written: list[Path]) -> None:
    t = result.inventory.totals
    click.echo(
        f"{t['files']} files, {t['lines']} lines, {t['modules']} modules, "
        f"{t['procedures']} procedures; {t['entry_points']} entry points, "
        f"{t['dead_procedures']} dead, {t['unresolved']} unresolved, "
        f"{t['module_cycles']} module cycles; {t['parse_errors']} parse errors"
    )
    for m in result.inventory.modules[:5]:
        click.echo(f"  {m.name}: difficulty {m.difficulty} ({m.level})")
    for path in written:
        click.echo(f"wrote {path}")


@click.command("graph")
@_PATHS
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "graphml", "dot"]),
    default="json",
    show_default=True,
)
@click.option("--focus", "focus_name", help="Only the neighbourhood of this node or module.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Edges away from --focus.",
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="File instead of stdout."
)
@_EXCLUDE
@_QUIET
def graph_command(
    paths: tuple[Path, ...],
    fmt: str,
    focus_name: str | None,
    depth: int,
    out: Path | None,
    exclude: tuple[str, ...],
    quiet: bool,
) -> None:
    """Dependency graph of legacy sources: modules, procedures, variables, types and
    external things, with edges calls / reads / writes / uses_type / instantiates /
    implements / handles_event / late_binds / declares_dll / uses_host / raises."""
    result = _run_scan(paths, exclude, quiet)
    graph = result.graph
    if focus_name:
        try:
            graph = focus(graph, focus_name, depth)
        except KeyError as error:
            message = _no_such_node(result, focus_name)
            raise click.BadParameter(message, param_hint="--focus") from error
    text = {"json": to_json, "graphml": to_graphml, "dot": to_dot}[fmt](graph)
    if out is None:
        click.echo(text, nl=False)
    else:
        write_text_atomic(out, text)
        click.echo(
            f"wrote {out}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges",
            err=True,
        )


def _no_such_node(result: ScanResult, name: str) -> str:
    low = name.lower()
    close = [n for n in result.graph if low in n.lower()][:5]
    hint = f"; similar: {', '.join(close)}" if close else ""
    return f"no node or module named {name!r}{hint}"
