"""The report stage: one HTML page, a Markdown summary and a JSON summary of a conversion.

Reads what the other stages wrote into the output folder (translation.json, and when they
ran, verify.json and index.json) and writes DIR/report/.  See docs/report.md."""

from .assemble import ReportError
from .render import ReportFiles, build_report

__all__ = ["ReportError", "ReportFiles", "build_report"]
