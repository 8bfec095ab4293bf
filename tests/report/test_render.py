"""Building the report from stage outputs: facts, escaping, states, atomic writes, CLI."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from transform.cli import main
from transform.report import ReportError, build_report
from transform.report.highlight import highlight_lines, split_lines
from transform.report.render import fence, markdown_cell, percent

from .outputs import HOSTILE


def test_legacy_text_is_escaped_and_only_our_script_runs(full_output: Path) -> None:
    html = build_report(full_output).html.read_text(encoding="utf-8")
    assert HOSTILE not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;&amp;amp;" in html
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == 1 and "alert(1)" not in scripts[0]
    # The Content-Security-Policy allows exactly that script, by hash, and nothing external.
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html
    assert "default-src 'none'" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)


def test_summary_numbers_and_states_when_only_convert_ran(bare_output: Path) -> None:
    files = build_report(bare_output)
    data = json.loads(files.json.read_text(encoding="utf-8"))
    totals = data["totals"]
    assert (totals["modules"], totals["procedures"], totals["translated_by_rules"]) == (1, 2, 1)
    assert totals["share_translated"] == 0.5 and totals["markers"] == 1
    assert totals["legacy_lines"] == 12 and totals["python_lines"] == 10
    assert totals["parity"] is None and data["graph"] is None
    assert data["inputs"] == {"verify": {"state": "absent"}, "index": {"state": "absent"}}
    html = files.html.read_text(encoding="utf-8")
    assert "Parity (characterization tests): not run yet" in html
    assert "Dependency graph: not run yet" in html
    assert "<svg" not in html
    assert "Parity | not run yet" in files.markdown.read_text(encoding="utf-8")


def test_provenance_and_markers_are_in_the_code_panes(bare_output: Path) -> None:
    html = build_report(bare_output).html.read_text(encoding="utf-8")
    assert 'data-n="5" data-from="5" data-to="5" data-rule="VBA-STMT-001"' in html
    marker_rows = re.findall(r'<div class="ln mk" data-n="(\d+)"( data-from)?', html)
    # Legacy line 9 (the fragment) and Python lines 8-9 (the marker) are flagged.
    assert ("9", "") in marker_rows and ("8", " data-from") in marker_rows
    assert ("9", " data-from") in marker_rows
    # Procedures jump to their legacy header and first Python line.
    assert 'data-l="8" data-p="7">Shout</button>' in html


def test_parity_failures_show_arguments_and_diffs(full_output: Path) -> None:
    files = build_report(full_output)
    data = json.loads(files.json.read_text(encoding="utf-8"))
    parity = data["totals"]["parity"]
    assert (parity["cases"], parity["passed"], parity["failed"]) == (5, 4, 1)
    assert (parity["procedures_passing"], parity["procedures_failing"]) == (1, 1)
    statuses = {p["procedure"]: p["status"] for p in data["procedures"]}
    assert statuses == {"Greet": "parity pass", "Shout": "parity fail"}
    html = files.html.read_text(encoding="utf-8")
    assert "case <code>shout-002</code>" in html
    assert '<tr class="differs"><th>ByRef sText</th><td class="e">&#34;ABC&#34;</td>' in html
    assert '<span class="dm">− ABC</span><span class="dp">+ abc</span>' in html
    markdown = files.markdown.read_text(encoding="utf-8")
    assert "```diff\n  LINE ONE\n- ABC\n+ abc\n```" in markdown
    assert '| ByRef sText | "ABC" | "abc" |' in markdown


def test_index_adds_graph_entry_points_effects_unresolved(full_output: Path) -> None:
    files = build_report(full_output)
    data = json.loads(files.json.read_text(encoding="utf-8"))
    assert data["graph"]["conversion_order"] == [["modGreet"], ["modMain"]]
    assert data["graph"]["entry_points"] == {"modMain.Main": "Sub Main"}
    shout = next(p for p in data["procedures"] if p["procedure"] == "Shout")
    assert shout["effects"] == ["ui"]
    html = files.html.read_text(encoding="utf-8")
    assert '<svg id="depgraph"' in html
    assert 'data-s="modMain" data-t="modGreet"' in html
    assert 'data-s="modMain" data-t="host:Excel"' in html
    assert "Frob&lt;/script&gt;" in html
    markdown = files.markdown.read_text(encoding="utf-8")
    assert "Frob&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;&amp;amp;" in markdown


def test_a_damaged_verify_json_is_shown_not_fatal(bare_output: Path) -> None:
    (bare_output / "verify.json").write_text('{"schema": 1}', encoding="utf-8")
    files = build_report(bare_output)
    data = json.loads(files.json.read_text(encoding="utf-8"))
    assert data["inputs"]["verify"] == {
        "state": "invalid",
        "message": "verify.json: missing field 'procedures'",
    }
    assert "verify.json could not be read:" in files.html.read_text(encoding="utf-8")


def test_rebuild_swaps_the_whole_folder(bare_output: Path) -> None:
    build_report(bare_output)
    (bare_output / "report" / "stale.txt").write_text("old")
    build_report(bare_output)
    assert sorted(p.name for p in (bare_output / "report").iterdir()) == [
        "index.html",
        "report.json",
        "report.md",
    ]
    assert [p.name for p in bare_output.iterdir() if p.name.startswith(".")] == []


def test_missing_translation_json_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="translation.json: not found; run `transform convert"):
        build_report(tmp_path)
    result = CliRunner().invoke(main, ["report", str(tmp_path)])
    assert result.exit_code == 1 and "translation.json: not found" in result.output


def test_cli_builds_and_summarises(full_output: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(full_output), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["procedures"] == 2 and summary["parity"]["failed"] == 1
    assert Path(summary["report"]).exists()
    assert CliRunner().invoke(main, ["report", str(full_output / "nowhere")]).exit_code == 2


def test_highlighting_keeps_line_numbers_of_tree_sitter() -> None:
    text = '\r\n\r\nSub A()\r\n  x = "a\rb"\r\nEnd Sub\r\n'
    assert split_lines(text) == ["", "", "Sub A()", '  x = "a\rb"', "End Sub"]
    lines = highlight_lines(text, "vba")
    assert len(lines) == 5 and "Sub" in lines[2] and "End" in lines[4]
    assert highlight_lines('s = """a\n<b>"""\n', "python")[1].startswith(
        '<span class="s2">&lt;b&gt;'
    )


def test_markdown_helpers_cannot_be_broken_out_of() -> None:
    assert markdown_cell("a|b\n<c>`d`") == "a\\|b &lt;c&gt;\\`d\\`"
    assert fence("x ``` y", "vb") == "````vb\nx ``` y\n````"
    assert percent(0.99996) == "99.9%" and percent(1.0) == "100.0%" and percent(None) == "n/a"
