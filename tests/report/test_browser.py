"""The report page in headless Chromium: it renders without console errors, and hovering a
Python line highlights the legacy lines it came from and names the rule."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from transform.report import build_report

from .browser import Browser, find_chromium

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("CI") != "true",
    reason="chromium is not installed (apt-get install -y chromium); CI installs it",
)


@pytest.fixture
def browser(tmp_path: Path):
    assert CHROMIUM, "CI must have chromium: .ci/run installs it"
    page = Browser(CHROMIUM, tmp_path / "profile")
    yield page
    page.close()


def _centre_of(browser: Browser, selector: str) -> tuple[float, float]:
    """Scroll the element into view and return its centre in viewport coordinates."""
    rect = browser.evaluate(
        f"(() => {{ const e = document.querySelector({selector!r}); e.scrollIntoView();"
        " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2];"
        " })()"
    )
    return rect[0], rect[1]


def test_page_renders_cleanly_and_hover_shows_provenance(browser: Browser, full_output: Path):
    html = build_report(full_output).html
    browser.open(html.as_uri())
    assert browser.evaluate("document.title") == "Migration report: greet"
    # The hostile legacy string is text on the page, not markup.
    assert browser.evaluate("document.querySelectorAll('b').length") == 0
    assert not [e for e in browser.events if e["method"] == "Page.javascriptDialogOpening"]
    assert "</script><script>alert(1)" in browser.evaluate("document.body.innerText")

    x, y = _centre_of(browser, ".python .ln[data-n='5'] .ltext")
    browser.hover(x, y)
    hits = browser.evaluate(
        "[...document.querySelectorAll('.legacy .ln.hit')].map(e => e.dataset.n)"
    )
    assert hits == ["5"]
    tip = browser.evaluate("document.getElementById('tip').hidden ? null : tip.textContent")
    assert tip == "VBA-STMT-001\nfrom legacy line 5"

    x, y = _centre_of(browser, ".python .ln[data-n='9'] .ltext")  # a marker line
    browser.hover(x, y)
    assert browser.evaluate(
        "[...document.querySelectorAll('.legacy .ln.hit')].map(e => e.dataset.n)"
    ) == ["9"]
    assert "MARKER" in browser.evaluate("tip.textContent")

    x, y = _centre_of(browser, ".legacy .ln[data-n='10'] .ltext")  # and back: legacy to Python
    browser.hover(x, y)
    assert browser.evaluate(
        "[...document.querySelectorAll('.python .ln.hit')].map(e => e.dataset.n)"
    ) == ["10"]

    x, y = _centre_of(browser, "#depgraph .node[data-id='modGreet'] rect")
    browser.hover(x, y)
    assert browser.evaluate("document.getElementById('depgraph').classList.contains('focus')")
    assert browser.evaluate("document.querySelectorAll('#depgraph .edge.on').length") == 1

    browser.screenshot(full_output / "report" / "screenshot.png")
    assert browser.problems() == []
