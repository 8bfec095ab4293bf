"""Compile a generated parser.c and load it into py-tree-sitter (tests, tools, dev loops).

Installed grammars are compiled by setup.py instead; this is for grammars being developed and
for test grammars. Builds are cached by the hash of their sources.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import subprocess
import sysconfig
import tempfile
from pathlib import Path

import tree_sitter

CACHE = Path(os.environ.get("TRANSFORM_CACHE", Path(tempfile.gettempdir()) / "transform-cache"))


class BuildError(RuntimeError):
    pass


def _compiler() -> str:
    for candidate in (os.environ.get("CC"), sysconfig.get_config_var("CC"), "cc", "gcc", "clang"):
        if candidate and shutil.which(candidate.split()[0]):
            return candidate.split()[0]
    raise BuildError("no C compiler found (set CC)")


_SHLIB_SUFFIX = sysconfig.get_config_var("SHLIB_SUFFIX") or ".so"


def _build_key(src_dir: Path, sources: list[Path], flags: list[str]) -> str:
    """Hash of what the library is built from: the sources, every header under src_dir
    (tree_sitter/parser.h, alloc.h, array.h, and a scanner's own, such as HTML's tag.h) with
    its path relative to src_dir, and the compiler flags (the include directory aside, so that
    the same sources in another directory share the build). An edited header must not reuse a
    stale library."""
    digest = hashlib.sha256()
    for flag in flags:
        digest.update(flag.encode() + b"\0")
    headers = sorted(src_dir.rglob("*.h"))
    for path in [*sources, *headers]:
        digest.update(path.relative_to(src_dir).as_posix().encode() + b"\0")
        data = path.read_bytes()
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()[:16]


def compile_parser(src_dir: Path, name: str) -> Path:
    """Compile src_dir/parser.c (+ scanner.c) into a shared library; returns its path."""
    sources = [src_dir / "parser.c"]
    if (src_dir / "scanner.c").exists():
        sources.append(src_dir / "scanner.c")
    flags = ["-shared", "-fPIC", "-O2", "-std=c11"]
    library = CACHE / f"{name}-{_build_key(src_dir, sources, flags)}{_SHLIB_SUFFIX}"
    if library.exists():
        return library
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = library.with_suffix(f".tmp{os.getpid()}")
    command = [_compiler(), *flags, f"-I{src_dir}", "-o", str(tmp)]
    command += [str(s) for s in sources]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"compiling {sources[0]} failed:\n{result.stderr[-4000:]}")
    os.replace(tmp, library)
    return library


_loaded: dict[Path, ctypes.CDLL] = {}


def load_library_language(library: Path, name: str) -> tree_sitter.Language:
    lib = _loaded.get(library) or ctypes.CDLL(str(library))
    _loaded[library] = lib  # keep the library mapped for the life of the process
    function = getattr(lib, f"tree_sitter_{name}")
    function.restype = ctypes.c_void_p
    new_capsule = ctypes.pythonapi.PyCapsule_New
    new_capsule.restype = ctypes.py_object
    new_capsule.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
    capsule = new_capsule(function(), b"tree_sitter.Language", None)
    return tree_sitter.Language(capsule)


def load_language(grammar_dir: Path, name: str | None = None) -> tree_sitter.Language:
    """Load a grammar directory's committed src/parser.c as a Language."""
    grammar_dir = Path(grammar_dir)
    src = grammar_dir / "src"
    if name is None:
        import json

        name = json.loads((src / "grammar.json").read_text())["name"]
    return load_library_language(compile_parser(src, name), name)


def generate_and_load(
    grammar: dict, work_dir: Path | None = None, scanner: Path | None = None
) -> tree_sitter.Language:
    """Generate a parser for a grammar.json dict into a temp dir (with a hand-written
    external scanner copied beside it, if given) and load it."""
    from .generate import generate, write_files

    generated = generate(grammar)
    out = Path(work_dir or tempfile.mkdtemp(prefix="grammar-"))
    write_files(generated, out)
    if scanner is not None:
        shutil.copy(scanner, out / "src" / "scanner.c")
    return load_language(out, grammar["name"])
