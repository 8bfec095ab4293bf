"""End to end on a real sample: `transform convert` writes the report, and a later
`transform scan` into the same folder adds the graph when the report is rebuilt."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from transform.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "string-utils"


def test_convert_writes_a_report_that_matches_translation_json(tmp_path: Path) -> None:
    out = tmp_path / "su"
    result = CliRunner().invoke(main, ["convert", str(SAMPLE), "--out", str(out)])
    assert (out / "report" / "index.html").exists(), result.output
    translation = json.loads((out / "translation.json").read_text(encoding="utf-8"))
    report = json.loads((out / "report" / "report.json").read_text(encoding="utf-8"))
    totals = report["totals"]
    for key in ("modules", "procedures", "translated_by_rules", "markers"):
        assert totals[key] == translation[key], key
    assert totals["legacy_lines"] == sum(m["lines"] for m in translation["per_module"])

    html = (out / "report" / "index.html").read_text(encoding="utf-8")
    origins = [o for d in translation["modules_detail"].values() for o in d["origins"] if o]
    assert len(re.findall(r' data-from="\d+" data-to="\d+" data-rule="', html)) == len(origins)
    legacy = sum(
        len(d["legacy_text"].replace("\r\n", "\n").rstrip("\n").split("\n"))
        for d in translation["modules_detail"].values()
    )
    assert html.count('<div class="pane legacy">') == len(translation["modules_detail"])
    panes = [part.split('<div class="pane python">')[0] for part in html.split("pane legacy")[1:]]
    assert sum(len(re.findall(r'<div class="ln[ a-z]*" data-n="\d+">', p)) for p in panes) == legacy
    # Every procedure found its legacy header, so the jump buttons work.
    assert all(p["legacy_lines"] for p in report["procedures"])


def test_scan_into_the_output_adds_the_graph(tmp_path: Path) -> None:
    out = tmp_path / "su"
    runner = CliRunner()
    runner.invoke(main, ["convert", str(SAMPLE), "--out", str(out)])
    scan = runner.invoke(main, ["scan", str(SAMPLE), "--out", str(out), "--quiet"])
    assert (out / "index.json").exists(), scan.output
    assert runner.invoke(main, ["report", str(out)]).exit_code == 0
    report = json.loads((out / "report" / "report.json").read_text(encoding="utf-8"))
    assert report["inputs"]["index"] == {"state": "ok"}
    order = [m for group in report["graph"]["conversion_order"] for m in group]
    assert order[-1] == "modMain"  # it uses every other module, so it is converted last
    main_proc = next(p for p in report["procedures"] if p["procedure"] == "Main")
    assert main_proc["entry_point"]
