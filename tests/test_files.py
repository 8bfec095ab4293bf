"""Outputs are swapped in whole: never half-written, never mixed with an older run."""

from __future__ import annotations

import os
import stat

import pytest

from transform.files import replace_folder


def test_replace_folder_writes_nested_files_readable_as_the_umask_allows(tmp_path):
    target = tmp_path / "out"
    replace_folder(target, {"a.txt": "x", "pkg/b.py": "y = 1\n"})
    assert (target / "a.txt").read_text() == "x"
    assert (target / "pkg" / "b.py").read_text() == "y = 1\n"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o777 & ~mask


def test_a_new_run_leaves_nothing_of_the_old_one(tmp_path):
    target = tmp_path / "out"
    replace_folder(target, {"old.txt": "1", "keep.txt": "a"})
    replace_folder(target, {"keep.txt": "b"})
    assert sorted(p.name for p in target.iterdir()) == ["keep.txt"]
    assert (target / "keep.txt").read_text() == "b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging left


def test_a_failed_write_keeps_the_previous_folder(tmp_path):
    target = tmp_path / "out"
    replace_folder(target, {"a.txt": "old"})
    with pytest.raises(UnicodeEncodeError):
        replace_folder(target, {"a.txt": "new", "b.txt": "\udcff"})  # not encodable
    assert (target / "a.txt").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_convert_never_replaces_a_folder_that_is_not_its_output(tmp_path):
    from transform.convert.pipeline import _write_atomically

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("precious")
    with pytest.raises(FileExistsError):
        _write_atomically(mine, {"x.py": ""})
    assert (mine / "notes.txt").read_text() == "precious"
