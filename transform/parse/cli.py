"""`transform parse`: does every file parse, and where not?"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from transform.ingest import ingest

from .languages import LanguageUnavailable
from .parser import ParsedModule, parse_module


@click.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document on stdout.")
@click.option("--strict", is_flag=True, help="Exit 1 if any file has a syntax error.")
@click.option("--exclude", multiple=True, help="Glob of files to leave out (repeatable).")
def parse_command(paths: tuple[Path, ...], as_json: bool, strict: bool, exclude) -> None:
    """Parse legacy sources (files, directories, Office files with macros) and report, per
    file: language, bytes, lines, ERROR and MISSING nodes with line:column, parse time."""
    result = ingest(list(paths), exclude=exclude)
    parsed: list[ParsedModule] = []
    failures = [{"file": str(e), "error": e.message} for e in result.errors]
    for module in result.modules:
        try:
            parsed.append(parse_module(module))
        except LanguageUnavailable as error:
            failures.append({"file": module.display, "error": str(error)})
    if as_json:
        click.echo(json.dumps(_summary(parsed, failures), indent=2))
    else:
        _print_table(parsed, failures)
    with_errors = [p for p in parsed if p.problems]
    if strict and (with_errors or failures):
        sys.exit(1)


def _file_record(parsed: ParsedModule) -> dict:
    return {
        "file": parsed.module.display,
        "language": parsed.grammar_language,
        "dialect": parsed.module.dialect,
        "encoding": parsed.module.encoding,
        "bytes": parsed.byte_count,
        "lines": parsed.line_count,
        "errors": parsed.error_count,
        "missing": parsed.missing_count,
        "problems": [
            {"kind": p.kind, "line": p.line, "column": p.column, "text": p.text}
            for p in parsed.problems
        ],
        "parse_ms": round(parsed.seconds * 1000, 3),
    }


def _summary(parsed: list[ParsedModule], failures: list[dict]) -> dict:
    clean = sum(1 for p in parsed if not p.problems)
    return {
        "files": [_file_record(p) for p in parsed],
        "failures": failures,
        "totals": {
            "files": len(parsed),
            "clean": clean,
            "with_errors": len(parsed) - clean,
            "failed": len(failures),
            "bytes": sum(p.byte_count for p in parsed),
            "lines": sum(p.line_count for p in parsed),
        },
    }


def _print_table(parsed: list[ParsedModule], failures: list[dict]) -> None:
    for p in parsed:
        status = "ok" if not p.problems else f"{p.error_count} errors, {p.missing_count} missing"
        click.echo(
            f"{p.module.display}: {p.grammar_language}, {p.byte_count} bytes, "
            f"{p.line_count} lines, {p.seconds * 1000:.1f} ms, {status}"
        )
        for problem in p.problems[:20]:
            click.echo(f"  {p.module.path}:{problem}")
    for failure in failures:
        click.echo(f"{failure['file']}: error: {failure['error']}", err=True)
    clean = sum(1 for p in parsed if not p.problems)
    click.echo(f"{len(parsed)} files parsed, {clean} clean, {len(failures)} could not be read")
