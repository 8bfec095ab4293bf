"""`transform run`: run legacy VBA/VB6/VBScript in the behaviour oracle and show what it did.

Why a CLI beside the Python API: migration leads try a procedure by hand before
recording golden cases, and scripts drive the same thing with ``--json``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from transform.parse.vba_lower import VbaSyntaxError, parse_file

from .coerce import to_date
from .interpreter import Observation, Project, to_plain
from .printing import print_text
from .values import VbaError


def parse_arg(text: str) -> object:
    """A command-line argument as a VBA value: 42 → Long, 1.5 → Double, True/False →
    Boolean, #1/2/2003# → Date, "quoted" → String, anything else → String."""
    if re.fullmatch(r"[-+]?\d+", text):
        n = int(text)
        return n if -(2**31) <= n < 2**31 else float(n)
    if re.fullmatch(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?", text):
        return float(text)
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    if len(text) > 1 and text.startswith("#") and text.endswith("#"):
        try:
            return to_date(text[1:-1])
        except VbaError:
            return text
    if len(text) > 1 and text.startswith('"') and text.endswith('"'):
        return text[1:-1].replace('""', '"')
    return text


@click.command("run")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--entry", help="Procedure to call (Name or Module.Name); VBScript may omit it.")
@click.option(
    "--arg",
    "args",
    multiple=True,
    help='An argument (repeatable): 42, 1.5, True, #1/2/2003#, "text".',
)
@click.option(
    "--workbook",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Excel workbook (.xlsx/.xlsm) the code sees as ThisWorkbook.",
)
@click.option(
    "--save-workbook",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the workbook after the run.",
)
@click.option(
    "--sandbox",
    type=click.Path(file_okay=False, path_type=Path),
    help="Scratch directory for file I/O (default: a new temporary one).",
)
@click.option(
    "--response",
    "responses",
    multiple=True,
    help="Answer for the next MsgBox/InputBox (repeatable).",
)
@click.option("--script-arg", "script_args", multiple=True, help="WScript.Arguments item.")
@click.option("--step-limit", default=50_000_000, show_default=True, type=int)
@click.option("--time-limit", default=60.0, show_default=True, type=float, help="Seconds.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document on stdout.")
def run_command(
    files: tuple[Path, ...],
    entry: str | None,
    args: tuple[str, ...],
    workbook: Path | None,
    save_workbook: Path | None,
    sandbox: Path | None,
    responses: tuple[str, ...],
    script_args: tuple[str, ...],
    step_limit: int,
    time_limit: float,
    as_json: bool,
) -> None:
    """Run legacy code in the oracle: prints its output (Debug.Print), result, ByRef
    arguments, error and recorded effects. Exit 1 when the code ends in an error."""
    modules = []
    for f in files:
        if not f.is_file():
            raise click.UsageError(f"no such file: {f}")
        try:
            modules.append(parse_file(f))
        except VbaSyntaxError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(1)
    project = Project(modules)
    if entry is None and not project.script:
        raise click.UsageError("--entry is required (the procedure to run)")
    if entry is not None:
        try:
            project.find_procedure(entry)
        except KeyError as error:
            raise click.UsageError(str(error.args[0])) from None
    obs = project.call(
        entry,
        [parse_arg(a) for a in args],
        workbook=str(workbook) if workbook else None,
        responses=[parse_arg(r) for r in responses],
        step_limit=step_limit,
        time_limit=time_limit,
        sandbox_dir=sandbox,
        script_args=script_args,
    )
    if save_workbook is not None and project.rt.host is not None:
        project.rt.host.save(save_workbook)
    if as_json:
        click.echo(json.dumps(obs.to_json(), indent=2, default=str))
    else:
        _print_human(obs)
    sys.exit(1 if obs.error else (obs.exit_code or 0))


def _print_human(obs: Observation) -> None:
    for line in obs.output:
        click.echo(line)
    click.echo(f"-- {obs.procedure}", err=True)
    plain = to_plain(obs.result)
    if obs.result is not None and plain.get("type") != "Empty":  # type: ignore[union-attr]
        click.echo(f"result: {_show(obs.result)} ({plain['type']})", err=True)  # type: ignore
    for i, v in enumerate(obs.byref, 1):
        click.echo(f"arg {i} after call: {_show(v)}", err=True)
    for e in obs.effects:
        details = ", ".join(f"{k}={v!r}" for k, v in e.items() if k != "kind")
        click.echo(f"effect: {e['kind']} {details}", err=True)
    for c in obs.cells_changed:
        click.echo(f"cell {c['sheet']}!{c['cell']}: {c['old']!r} -> {c['new']!r}", err=True)
    if obs.error:
        err = obs.error
        where = f" at line {err['line']}" if err.get("line") else ""
        proc = f" in {err['procedure']}" if err.get("procedure") else ""
        number = f"Run-time error '{err['number']}': " if err.get("number") is not None else ""
        click.echo(f"error: {number}{err['description']}{where}{proc}", err=True)


def _show(v: object) -> str:
    try:
        return print_text(v).strip()
    except VbaError:
        return repr(v)


__all__ = ["parse_arg", "run_command"]
