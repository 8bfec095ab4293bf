"""The `transform` command line: one subcommand per pipeline stage."""

from __future__ import annotations

import click

from . import __version__
from .convert.cli import convert_command
from .grammar.cli import grammar_group
from .index.cli import graph_command, scan_command
from .parse.cli import parse_command
from .report.cli import report_command
from .runtimes.vba.cli import run_command
from .verify.cli import verify_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transform")
def main() -> None:
    """Modernize legacy VBA, VB6, VBScript and shell code into tested Python."""


main.add_command(grammar_group)
main.add_command(parse_command)
main.add_command(run_command)
main.add_command(convert_command)
main.add_command(report_command)
main.add_command(verify_command)
main.add_command(scan_command)
main.add_command(graph_command)
