"""Fixtures for index-stage tests: small multi-module projects written into tmp dirs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from transform.index import ScanResult, scan

from .helpers import write_project


@pytest.fixture
def project(tmp_path: Path) -> Callable[[dict[str, str]], ScanResult]:
    """project({"Module1.bas": "...", ...}) → the scan of that project."""

    def build(files: dict[str, str]) -> ScanResult:
        return scan([write_project(tmp_path / "proj", files)])

    return build
