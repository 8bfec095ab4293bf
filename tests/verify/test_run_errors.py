"""When pytest cannot run at all, verify says so instead of reporting every case failing."""

from __future__ import annotations

import types

import pytest

from transform.verify import run


def test_pytest_that_cannot_start_is_an_error_not_failing_cases(tmp_path, monkeypatch):
    (tmp_path / "tests").mkdir()
    # An "interpreter" that exits 1 at once, as `python -m pytest` does without pytest.
    monkeypatch.setattr(run, "sys", types.SimpleNamespace(executable="/bin/false"))
    with pytest.raises(run.VerifyError, match="could not run"):
        run.run_tests(tmp_path, timeout=30)
