"""Fixtures: conversion output folders written as the stages would write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from .outputs import write_output


@pytest.fixture
def bare_output(tmp_path: Path) -> Path:
    """Only convert ran."""
    return write_output(tmp_path)


@pytest.fixture
def full_output(tmp_path: Path) -> Path:
    """Convert, verify and index ran."""
    return write_output(tmp_path, verify=True, index=True)
