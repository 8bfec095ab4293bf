"""`transform report DIR`: (re)build DIR/report/ from the stage outputs in DIR."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .assemble import ReportError
from .render import build_report


@click.command("report")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print report.json's totals as JSON.")
def report_command(out_dir: Path, as_json: bool) -> None:
    """Build DIR/report/index.html (self-contained, offline), report.md and report.json
    from DIR/translation.json, and verify.json / index.json when those stages ran."""
    try:
        files = build_report(out_dir)
    except ReportError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    summary = json.loads(files.json.read_text(encoding="utf-8"))
    if as_json:
        click.echo(json.dumps({"report": str(files.html), **summary["totals"]}, indent=2))
        return
    totals = summary["totals"]
    parity = totals["parity"]
    parity_text = (
        f"parity {parity['procedures_passing']} pass / {parity['procedures_failing']} fail"
        if parity
        else "parity not run yet"
    )
    click.echo(
        f"{totals['procedures']} procedures: {totals['translated_by_rules']} by rules, "
        f"{totals['markers']} markers, {parity_text} -> {files.html}"
    )
