"""The headers external scanners include besides parser.h: our own tree_sitter/alloc.h and
tree_sitter/array.h, written with every generated parser (official scanners include them).

The `tags` fixture's scanner keeps a stack and a sorted set of names in Arrays and serialises
them; its corpus (run by test_generator.py) checks the trees, this file checks the headers
themselves, the scanner under incremental reparsing, and the build cache."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest
import tree_sitter

from transform.grammar import build
from transform.grammar.generate import generate, write_files
from transform.grammar.source import load_grammar

TAGS = Path(__file__).parent / "fixtures" / "tags"
HEADERS = Path(build.__file__).parent
STRICT = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic"]


@pytest.fixture(scope="module")
def tags_src(tmp_path_factory) -> Path:
    """The generated tags parser with its scanner, as `transform grammar build` leaves it."""
    out = tmp_path_factory.mktemp("tags")
    write_files(generate(load_grammar(TAGS / "grammar.json")[0]), out)
    shutil.copy(TAGS / "scanner.c", out / "src" / "scanner.c")
    return out / "src"


def compiler() -> str:
    try:
        return build._compiler()
    except build.BuildError:
        pytest.skip("no C compiler")


def test_every_parser_comes_with_the_scanner_headers(tags_src):
    files = generate(load_grammar(TAGS / "grammar.json")[0]).files()
    for header in ("parser.h", "alloc.h", "array.h"):
        shipped = (HEADERS / header).read_text()
        assert files[f"src/tree_sitter/{header}"] == shipped
        assert (tags_src / "tree_sitter" / header).read_text() == shipped


@pytest.mark.parametrize("defines", [[], ["-DTREE_SITTER_REUSE_ALLOCATOR"]], ids=["libc", "reuse"])
def test_scanner_compiles_with_warnings_as_errors(tags_src, defines):
    result = subprocess.run(
        [compiler(), *STRICT, *defines, f"-I{tags_src}", "-c", "-o", "/dev/null"]
        + [str(tags_src / "scanner.c")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def _run_check(tags_src: Path, tmp_path: Path, defines: list[str]) -> subprocess.CompletedProcess:
    source = str(TAGS / "array_check.c")
    program = tmp_path / "array_check"
    base = [compiler(), *STRICT, *defines, f"-I{tags_src}", "-g", "-o", str(program), source]
    sanitized = base + ["-fsanitize=address,undefined", "-fno-sanitize-recover=all"]
    if subprocess.run(sanitized, capture_output=True).returncode != 0:  # no sanitizer runtime
        built = subprocess.run(base, capture_output=True, text=True)
        assert built.returncode == 0, built.stderr
    return subprocess.run([str(program)], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("defines", [[], ["-DTREE_SITTER_REUSE_ALLOCATOR"]], ids=["libc", "reuse"])
def test_array_and_alloc_macros(tags_src, tmp_path, defines):
    """array_check.c: every array_* macro and ts_* function, under ASan/UBSan when the
    compiler has them; with TREE_SITTER_REUSE_ALLOCATOR everything goes through the
    ts_current_* pointers and is freed."""
    result = _run_check(tags_src, tmp_path, defines)
    assert result.returncode == 0, result.stderr
    if defines:
        assert int(result.stdout.split("allocator calls: ")[1]) > 50


# --- the scanner at work ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def tags(fixture_language) -> tree_sitter.Language:
    return fixture_language("tags")


def tree(language: tree_sitter.Language, text: str) -> str:
    return str(tree_sitter.Parser(language).parse(text.encode()).root_node)


def test_the_stack_closes_elements(tags):
    inner = "(element (start_tag (tag_name)) (text))"
    assert tree(tags, "<a><b>x</a>") == (
        f"(document (element (start_tag (tag_name)) {inner} (end_tag (tag_name))))"
    )
    deep = "".join(f"<n{i}>" for i in range(60)) + "x" + "".join(f"</n{i}>" for i in (30, 0))
    root = tree_sitter.Parser(tags).parse(deep.encode()).root_node
    assert not root.has_error
    depth, node = 0, root.children[0]
    while node.type == "element":
        depth += 1
        node = next((c for c in node.children if c.type == "element"), node.children[-1])
    assert depth == 60


def test_the_sorted_set_decides_void_elements(tags):
    text = "<!void zz b a> <a> <q> <b> <zz> <zz> </q>"
    root = tree_sitter.Parser(tags).parse(text.encode()).root_node
    assert [c.type for c in root.children] == ["declaration", "void_element", "element"]
    element = root.children[2]
    assert [c.type for c in element.children] == [
        "start_tag",
        "void_element",
        "void_element",
        "void_element",
        "end_tag",
    ]


FRAGMENTS = ["<a>", "</a>", "<b>", "</b>", "<c>", "</c>", "<!void b>", "<!void c a>", " x ", "<br>"]


def _point(text: bytes, offset: int) -> tuple[int, int]:
    return text.count(b"\n", 0, offset), offset - (text.rfind(b"\n", 0, offset) + 1)


def test_incremental_reparse_restores_the_scanner_state(tags):
    """Edits that add or remove declarations and tags change how later names scan; the
    runtime reparses from serialised scanner states, and the result must equal a fresh
    parse every time."""
    parser = tree_sitter.Parser(tags)
    rng = random.Random(7)
    for _ in range(20):
        pieces = [rng.choice(FRAGMENTS) for _ in range(rng.randrange(3, 20))]
        text = "\n".join(pieces).encode()
        old = parser.parse(text)
        for _ in range(15):
            bounds = [0] + [m for m in range(len(text)) if text[m : m + 1] == b"\n"] + [len(text)]
            start = rng.choice(bounds)
            end = rng.choice([b for b in bounds if b >= start][:3])
            insert = ("\n" + rng.choice(FRAGMENTS) + "\n").encode() if rng.random() < 0.7 else b""
            new = text[:start] + insert + text[end:]
            old.edit(
                start_byte=start,
                old_end_byte=end,
                new_end_byte=start + len(insert),
                start_point=_point(text, start),
                old_end_point=_point(text, end),
                new_end_point=_point(new, start + len(insert)),
            )
            incremental = parser.parse(new, old)
            fresh = parser.parse(new)
            assert str(incremental.root_node) == str(fresh.root_node), new
            text, old = new, incremental


# --- the build cache -------------------------------------------------------------------------


def test_an_edited_header_is_not_served_from_the_cache(tags_src, tmp_path, monkeypatch):
    monkeypatch.setattr(build, "CACHE", tmp_path / "cache")
    src = tmp_path / "src"
    shutil.copytree(tags_src, src)
    first = build.compile_parser(src, "tags")
    assert build.compile_parser(src, "tags") == first
    copy = tmp_path / "elsewhere" / "src"  # the same files elsewhere share the build
    shutil.copytree(src, copy)
    assert build.compile_parser(copy, "tags") == first

    keys = {first}
    header = src / "tree_sitter" / "array.h"
    header.write_text(header.read_text() + "/* edited */\n")
    keys.add(build.compile_parser(src, "tags"))
    (src / "tree_sitter" / "alloc.h").write_text("#error edited\n")
    with pytest.raises(build.BuildError):  # the edit is compiled, not a stale library reused
        build.compile_parser(src, "tags")
    shutil.copy(tags_src / "tree_sitter" / "alloc.h", src / "tree_sitter" / "alloc.h")
    (src / "tag.h").write_text("/* a scanner's own header */\n")
    keys.add(build.compile_parser(src, "tags"))
    assert len(keys) == 3
