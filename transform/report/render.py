"""Render a ``Report`` as HTML, Markdown and JSON and write them into ``DIR/report/``.

Why this shape: the HTML page must stand alone offline, so its CSS and JS are templates
included inline, and a Content-Security-Policy forbids every external load; the script is
allowed by its hash, so even a hole in escaping could not run injected script."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from transform.files import replace_folder

from .assemble import Report, assemble
from .highlight import style_css

REPORT_DIR = "report"


@dataclass
class ReportFiles:
    """Where the report went."""

    directory: Path
    html: Path
    markdown: Path
    json: Path


def build_report(out_dir: Path) -> ReportFiles:
    """(Re)build DIR/report/ from DIR's stage outputs; the whole folder is swapped in at
    once, so a reader never sees a half-written or mixed report."""
    out_dir = Path(out_dir)
    report = assemble(out_dir)
    files = {
        "index.html": render_html(report),
        "report.md": render_markdown(report),
        "report.json": json.dumps(report_json(report), indent=2, ensure_ascii=False) + "\n",
    }
    target = out_dir / REPORT_DIR
    replace_folder(target, files)
    return ReportFiles(target, target / "index.html", target / "report.md", target / "report.json")


# --------------------------------------------------------------------------- templates


def _environment(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("transform.report", "templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = percent
    env.filters["md"] = markdown_cell
    env.filters["fence"] = fence
    env.filters["lines"] = line_span
    return env


def render_html(report: Report) -> str:
    env = _environment(autoescape=True)
    script = env.get_template("report.js.j2").render()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return env.get_template("index.html.j2").render(
        r=report,
        css=Markup(env.get_template("report.css.j2").render() + "\n" + style_css()),
        script=Markup(script),
        script_hash=digest,
    )


def render_markdown(report: Report) -> str:
    return _environment(autoescape=False).get_template("report.md.j2").render(r=report)


# --------------------------------------------------------------------------- filters


def percent(value: float | None) -> str:
    """Shares in the report: one decimal, never a misleading 100% for 99.96%."""
    if value is None:
        return "n/a"
    shown = f"{value * 100:.1f}"
    if shown == "100.0" and value < 1:
        shown = "99.9"
    return shown + "%"


def markdown_cell(value: Any) -> str:
    """Text safe inside a Markdown table cell: no pipes, newlines or raw HTML."""
    text = str(value).replace("\r", "").replace("\n", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("`", "\\`")


def fence(text: str, info: str = "") -> str:
    """A code fence longer than any backtick run inside, so legacy text cannot close it."""
    longest, run = 0, 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{info}\n{text}\n{ticks}"


def line_span(span: tuple[int, int] | None) -> str:
    if not span:
        return ""
    start, end = span
    return f"{start}" if start == end else f"{start}–{end}"


# --------------------------------------------------------------------------- JSON


def report_json(report: Report) -> dict:
    """The machine-readable summary: numbers, states, per module and per procedure."""
    t = report.totals
    return {
        "schema": 1,
        "package": report.package,
        "totals": {
            "modules": t.modules,
            "procedures": t.procedures,
            "legacy_lines": t.legacy_lines,
            "python_lines": t.python_lines,
            "translated_by_rules": t.translated_by_rules,
            "share_translated": round(t.share_translated, 4),
            "markers": t.markers,
            "errors": t.errors,
            "parity": _parity_totals(report),
        },
        "inputs": {name: _state(s) for name, s in report.inputs.items()},
        "modules": [_module_json(m) for m in report.modules],
        "procedures": [_procedure_json(r) for m in report.modules for r in m.procedures],
        "graph": _graph_json(report),
        "unresolved": [vars(u) for u in report.index.unresolved] if report.index else None,
        "errors": report.errors,
    }


def _state(state) -> dict:
    return {"state": state.state, **({"message": state.message} if state.message else {})}


def _parity_totals(report: Report) -> dict | None:
    t = report.totals
    if not t.parity_ran:
        return None
    return {
        "cases": t.parity_cases,
        "passed": t.parity_passed,
        "failed": t.parity_failed,
        "procedures_passing": t.procedures_passing,
        "procedures_failing": t.procedures_failing,
        "procedures_untested": t.procedures_untested,
        "share_passing": None if t.share_passing is None else round(t.share_passing, 4),
    }


def _module_json(view) -> dict:
    m = view.translation
    parity = view.parity
    return {
        "module": m.module,
        "source": m.source,
        "python_path": m.python_path,
        "legacy_lines": m.lines,
        "python_lines": view.python_lines,
        "procedures": len(view.procedures),
        "translated_by_rules": sum(r.translated for r in view.procedures),
        "markers": m.markers,
        "parity": None
        if parity is None
        else dict(zip(("cases", "passed", "failed"), parity, strict=True)),
        "error": m.error or view.python_problem or None,
    }


def _procedure_json(row) -> dict:
    parity = row.parity
    return {
        "module": row.module,
        "procedure": row.name,
        "status": row.status,
        "translated": row.translated,
        "markers": row.markers,
        "legacy_lines": list(row.legacy_span) if row.legacy_span else None,
        "parity": None
        if parity is None
        else {
            "status": parity.status,
            "cases": parity.cases,
            "passed": parity.passed,
            "failed": parity.failed,
            "error": parity.error,
        },
        "entry_point": row.entry_point or None,
        "effects": row.effects,
    }


def _graph_json(report: Report) -> dict | None:
    index = report.index
    if index is None:
        return None
    return {
        "nodes": len(index.nodes),
        "edges": len(index.edges),
        "module_cycles": index.cycles,
        "recursion": index.recursion,
        "conversion_order": index.order,
        "entry_points": index.entry_points,
    }
