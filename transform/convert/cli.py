"""`transform convert`: a legacy project in, a Python package and its summary out."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from transform.translate.rules import RuleError

from .pipeline import convert


@click.command("convert")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path),
    help="Output directory (replaced if it holds a previous transform output).",
)
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder of your own rule files (*.yaml); repeatable. Same ids replace ours.",
)
@click.option("--package", help="Python package name (default: from the first path).")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the summary (and seconds per stage) as JSON."
)
@click.option("--no-verify", is_flag=True, help="Do not run the characterization tests.")
def convert_command(paths, out_dir, rules_dirs, package, as_json, no_verify) -> None:
    """Translate VBA/VB6/VBScript sources (files, folders, Office files) into a Python
    package in OUT, with the support module it needs and translation.json (per module:
    procedures translated by rules, markers left, provenance of every line)."""
    try:
        result = convert(list(paths), out_dir, tuple(rules_dirs), package, verify=not no_verify)
    except (RuleError, FileExistsError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    summary = result.summary()
    if as_json:
        brief = {k: v for k, v in summary.items() if k != "per_module"}
        brief["seconds"] = {k: round(v, 3) for k, v in result.seconds.items()}
        click.echo(json.dumps(brief, indent=2))
    else:
        share = summary["share_translated"]
        share_text = "n/a" if share is None else f"{share * 100:.1f}%"
        click.echo(
            f"{summary['modules']} modules, {summary['procedures']} procedures: "
            f"{summary['translated_by_rules']} translated by rules ({share_text}), "
            f"{summary['markers']} markers left -> {out_dir}/{result.package}"
        )
        parity = _parity_line(out_dir)
        if parity:
            click.echo(parity)
        for error in result.errors:
            click.echo(f"  error: {error}", err=True)
    if result.errors:
        sys.exit(1)


def _parity_line(out_dir: Path) -> str | None:
    """One line from DIR/verify.json, when verify ran."""
    try:
        totals = json.loads((out_dir / "verify.json").read_text())["totals"]
    except (OSError, ValueError, KeyError):
        return None
    return (
        f"parity: {totals['passing']} of {totals['procedures']} characterized procedures pass "
        f"every case ({totals['cases_passed']} of {totals['cases']} cases; "
        f"{totals['failing']} failing) -> {out_dir}/report/index.html"
    )
