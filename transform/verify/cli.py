"""`transform verify DIR`: run the generated characterization tests, write verify.json."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .run import TIMEOUT, VerifyError, verify


@click.command("verify")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--timeout", default=TIMEOUT, show_default=True, help="Seconds for the whole run.")
@click.option("--json", "as_json", is_flag=True, help="Print the totals as JSON.")
def verify_command(out_dir: Path, timeout: float, as_json: bool) -> None:
    """Run DIR/tests (the characterization tests `transform convert` generated) and write
    DIR/verify.json: parity per procedure. Exit 1 if any case fails."""
    try:
        data = verify(out_dir, timeout)
    except VerifyError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    totals = data["totals"]
    if as_json:
        click.echo(json.dumps({"verify": str(out_dir / "verify.json"), **totals}, indent=2))
    else:
        click.echo(summary_line(totals) + f" -> {out_dir / 'verify.json'}")
        for entry in data["procedures"]:
            if entry["status"] in ("fail", "error"):
                click.echo(
                    f"  {entry['status']}: {entry['module']}.{entry['procedure']} "
                    f"({entry['failed']}/{entry['cases']} failing)",
                    err=True,
                )
        for error in data["errors"]:
            click.echo(f"  error: {error}", err=True)
    if totals["cases_failed"] or data["errors"]:
        sys.exit(1)


def summary_line(totals: dict) -> str:
    return (
        f"{totals['procedures']} procedures: {totals['passing']} pass, {totals['failing']} fail, "
        f"{totals['not_translated']} not translated, {totals['untested']} untested; "
        f"cases {totals['cases_passed']}/{totals['cases']} passing"
    )
