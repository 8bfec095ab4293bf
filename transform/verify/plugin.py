"""A pytest plugin `transform verify` loads into the test run (``-p transform.verify.plugin``):
one JSON line per test phase and per collection error, into the file named by the
TRANSFORM_VERIFY_LOG environment variable.

Why a plugin and not --junitxml: the harness attaches each case's actual outcome as a user
property, and the plugin hands it over as data, not as XML text to re-parse.
"""

from __future__ import annotations

import json
import os
from typing import Any

LOG_VARIABLE = "TRANSFORM_VERIFY_LOG"


def _write(record: dict) -> None:
    path = os.environ.get(LOG_VARIABLE)
    if not path:
        return
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")


def _text(longrepr: Any) -> str:
    if longrepr is None:
        return ""
    if isinstance(longrepr, tuple) and len(longrepr) == 3:  # a skip: (file, line, reason)
        return str(longrepr[2])
    text = str(longrepr)
    return text[-2000:]


def pytest_runtest_logreport(report: Any) -> None:
    """The call phase of every test, and setup/teardown phases that did not pass."""
    if report.when != "call" and report.outcome == "passed":
        return
    properties = {name: value for name, value in report.user_properties}
    _write(
        {
            "nodeid": report.nodeid,
            "when": report.when,
            "outcome": report.outcome,
            "case": properties.get("vba_case"),
            "message": _text(report.longrepr) if report.outcome != "passed" else "",
        }
    )


def pytest_collectreport(report: Any) -> None:
    if report.outcome == "failed":
        _write({"nodeid": report.nodeid, "collect_error": _text(report.longrepr)})
