"""Discovery: what is picked up, in which order, and what ignore rules leave out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from transform.ingest import IngestError, discover, source_type
from transform.ingest.discover import shebang_dialect


def make(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode() if isinstance(content, str) else content
        path.write_bytes(data)
    return root


def names(root: Path, *args: object, **kwargs: object) -> list[str]:
    return [p.relative_to(root).as_posix() for p in discover([root], *args, **kwargs)]


def test_sources_found_recursively_in_component_order(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "b.bas": "",
            "a-z.cls": "",
            "a/z.frm": "",
            "a/b/c.vbs": "",
            "Z.sh": "",
            "book.xlsm": b"PK",
            "readme.txt": "",
            "form.frx": b"\x00",
            "ctl.ctx": b"\x00",
        },
    )
    # Sorted by path components (so a folder's files stay together), uppercase before lower.
    assert names(tmp_path) == ["Z.sh", "a/b/c.vbs", "a/z.frm", "a-z.cls", "b.bas", "book.xlsm"]


def test_order_is_independent_of_creation_order(tmp_path: Path) -> None:
    first = make(tmp_path / "one", {"c.bas": "", "a.bas": "", "b/x.bas": ""})
    second = make(tmp_path / "two", {"b/x.bas": "", "a.bas": "", "c.bas": ""})
    assert names(first) == names(second) == ["a.bas", "b/x.bas", "c.bas"]


def test_git_and_other_vcs_directories_are_skipped(tmp_path: Path) -> None:
    make(tmp_path, {".git/hooks/pre-commit.sh": "", ".svn/x.bas": "", "m.bas": ""})
    assert names(tmp_path) == ["m.bas"]


def test_gitignore_files_apply_relative_to_their_folder(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            ".gitignore": "build/\n*.vbs\n!keep.vbs\n",
            "build/gen.bas": "",
            "src/a.vbs": "",
            "src/keep.vbs": "",
            "src/.gitignore": "old.bas\n",
            "src/old.bas": "",
            "old.bas": "",
            "src/new.bas": "",
        },
    )
    assert names(tmp_path) == ["old.bas", "src/keep.vbs", "src/new.bas"]


def test_deeper_gitignore_can_reinclude(tmp_path: Path) -> None:
    make(tmp_path, {".gitignore": "*.sh\n", "tools/.gitignore": "!run.sh\n", "tools/run.sh": ""})
    assert names(tmp_path) == ["tools/run.sh"]


def test_transformignore_at_the_root(tmp_path: Path) -> None:
    make(tmp_path, {".transformignore": "vendor/\n/top.bas\n", "vendor/v.bas": "", "top.bas": ""})
    make(tmp_path, {"sub/top.bas": ""})
    # "/top.bas" is anchored to the root, so the nested one stays.
    assert names(tmp_path) == ["sub/top.bas"]


def test_exclude_patterns(tmp_path: Path) -> None:
    make(tmp_path, {"a.bas": "", "tests/t.bas": "", "x/Legacy.cls": "", "x/Other.cls": ""})
    assert names(tmp_path, ["tests/", "Legacy.*"]) == ["a.bas", "x/Other.cls"]


def test_explicit_files_are_yielded_even_if_unknown_but_excludes_apply(tmp_path: Path) -> None:
    make(tmp_path, {"notes.txt": "", "a.bas": "", "skip.bas": ""})
    given = [tmp_path / "notes.txt", tmp_path / "skip.bas", tmp_path / "a.bas", tmp_path / "a.bas"]
    found = list(discover(given, exclude=["skip.bas"]))
    assert found == [tmp_path / "a.bas", tmp_path / "notes.txt"]


def test_overlapping_roots_yield_each_file_once(tmp_path: Path) -> None:
    make(tmp_path, {"d/a.bas": ""})
    assert list(discover([tmp_path, tmp_path / "d", tmp_path / "d" / "a.bas"])) == [
        tmp_path / "d" / "a.bas"
    ]


def test_symlinked_directories_are_not_followed(tmp_path: Path) -> None:
    make(tmp_path, {"real/a.bas": ""})
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert names(tmp_path) == ["real/a.bas"]


def test_shebang_files_without_extension(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "bin/deploy": "#!/bin/bash\necho hi\n",
            "bin/posix": "#! /bin/sh\n",
            "bin/envy": "#!/usr/bin/env bash\n",
            "bin/script.py": "#!/usr/bin/env python3\n",
            "bin/data": "plain\n",
        },
    )
    assert names(tmp_path) == ["bin/deploy", "bin/envy", "bin/posix"]


@pytest.mark.parametrize(
    ("line", "dialect"),
    [
        (b"#!/bin/bash\n", "bash"),
        (b"#!/usr/local/bin/bash -e\n", "bash"),
        (b"#!/bin/sh\n", "sh"),
        (b"#! /bin/dash\n", "sh"),
        (b"#!/usr/bin/env bash\n", "bash"),
        (b"#!/usr/bin/env -S bash -eu\n", "bash"),
        (b"#!/usr/bin/env LC_ALL=C sh\n", "sh"),
        (b"#!/usr/bin/env python3\n", None),
        (b"#!/bin/zsh\n", None),
        (b"# not a shebang\n", None),
        (b"#!\n", None),
    ],
)
def test_shebang_dialect(line: bytes, dialect: str | None) -> None:
    assert shebang_dialect(line) == dialect


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("M.BAS", "vb"),
        ("c.cls", "vb"),
        ("f.frm", "vb"),
        ("u.ctl", "vb"),
        ("d.dsr", "vb"),
        ("m.vba", "vb"),
        ("s.vbs", "vbscript"),
        ("s.sh", "shell"),
        ("s.bash", "shell"),
        ("w.xlsm", "office"),
        ("w.XLS", "office"),
        ("d.docm", "office"),
        ("p.ppt", "office"),
        ("f.frx", None),
        ("c.ctx", None),
        ("project.vbp", None),
    ],
)
def test_source_type_by_extension(tmp_path: Path, name: str, expected: str | None) -> None:
    assert source_type(tmp_path / name) == expected


def test_unlistable_directory_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(tmp_path, {"ok/a.bas": "", "locked/b.bas": ""})
    real_scandir = os.scandir

    def scandir(path: os.PathLike[str] | str) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errors: list[IngestError] = []
    assert list(discover([tmp_path], errors=errors)) == [tmp_path / "ok" / "a.bas"]
    assert [(e.path, e.message) for e in errors] == [
        (tmp_path / "locked", "cannot list directory: Permission denied")
    ]
