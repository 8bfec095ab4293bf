"""Find and load a grammar's ``grammar.json``, evaluating ``grammar.js`` when node is present.

The generator's input is always the grammar.json dict. Grammars are written as standard
``grammar.js`` files, but node is not on every machine, so a committed ``grammar.json`` is the
fallback. Every failure is a :class:`GrammarSourceError` naming the file at fault.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

NODE_TIMEOUT_SECONDS = 120


class GrammarSourceError(ValueError):
    """A grammar could not be found, evaluated or decoded; the message names the file."""


def dsl_js_resource() -> Traversable:
    """``dsl.js`` as package data, so it is found in installed wheels as well as checkouts."""
    return resources.files(__package__ or "transform.grammar").joinpath("dsl.js")


def load_grammar(path: str | Path) -> tuple[dict[str, Any], Path]:
    """Return the grammar.json dict for ``path`` and the file it came from.

    ``path`` is a grammar directory, a ``grammar.js`` or a ``.json`` file. A directory's
    ``grammar.js`` wins when node can run it (it is the source of truth); otherwise its
    ``src/grammar.json`` (the tree-sitter layout) or ``grammar.json`` (our fixtures) is used.
    """
    path = Path(path)
    if path.is_dir():
        return _load_directory(path)
    if not path.exists():
        raise GrammarSourceError(f"{path}: no such file or directory")
    if path.suffix == ".json":
        return _decode(_read_text(path), str(path)), path
    if path.suffix == ".js":
        return _decode(_run_dsl(path), f"output of dsl.js for {path}"), path
    raise GrammarSourceError(f"{path}: expected a grammar directory, grammar.js or .json file")


def regenerate_json(grammar_js: Path) -> str:
    """The grammar.json text for ``grammar_js`` exactly as the generator writes it.

    Re-serialising in Python (not keeping node's text) makes the committed files independent
    of node's formatting, so they can be compared byte for byte.
    """
    grammar = _decode(_run_dsl(Path(grammar_js)), f"output of dsl.js for {grammar_js}")
    return dump_json(grammar)


def dump_json(grammar: dict[str, Any]) -> str:
    """The one serialisation of grammar.json used for every file we write."""
    return json.dumps(grammar, indent=2) + "\n"


def node_executable() -> str | None:
    """Path of ``node``, or None: callers fall back to committed JSON when it is missing."""
    return shutil.which("node")


def _load_directory(directory: Path) -> tuple[dict[str, Any], Path]:
    """Prefer evaluating grammar.js; fall back to committed JSON in the usual places."""
    grammar_js = directory / "grammar.js"
    if grammar_js.is_file() and node_executable():
        return _decode(_run_dsl(grammar_js), f"output of dsl.js for {grammar_js}"), grammar_js
    for candidate in (directory / "src" / "grammar.json", directory / "grammar.json"):
        if candidate.is_file():
            return _decode(_read_text(candidate), str(candidate)), candidate
    reason = "node is not on PATH and there is" if grammar_js.is_file() else "there is"
    raise GrammarSourceError(
        f"{directory}: {reason} no grammar to load "
        "(looked for grammar.js, src/grammar.json and grammar.json)"
    )


def _run_dsl(grammar_js: Path) -> str:
    """Evaluate ``grammar_js`` with our DSL shim and return node's stdout."""
    if not grammar_js.is_file():
        raise GrammarSourceError(f"{grammar_js}: no such file")
    node = node_executable()
    if node is None:
        raise GrammarSourceError(f"{grammar_js}: cannot evaluate it, node is not on PATH")
    with resources.as_file(dsl_js_resource()) as dsl_js:
        try:
            done = subprocess.run(
                [node, str(dsl_js), str(grammar_js.resolve())],
                cwd=grammar_js.resolve().parent,
                capture_output=True,
                text=True,
                timeout=NODE_TIMEOUT_SECONDS,
            )
        except subprocess.TimeoutExpired as error:
            raise GrammarSourceError(
                f"{grammar_js}: node did not finish within {NODE_TIMEOUT_SECONDS}s"
            ) from error
    if done.returncode != 0:
        stderr = done.stderr.strip() or "(no output on stderr)"
        raise GrammarSourceError(
            f"{grammar_js}: node failed (exit status {done.returncode}):\n{stderr}"
        )
    return done.stdout


def _read_text(path: Path) -> str:
    """Read UTF-8 text, turning I/O and decoding failures into a named error."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GrammarSourceError(f"{path}: cannot read: {error}") from error


def _decode(text: str, origin: str) -> dict[str, Any]:
    """Parse grammar.json text and check the two keys every grammar must have."""
    try:
        grammar = json.loads(text)
    except json.JSONDecodeError as error:
        raise GrammarSourceError(
            f"{origin}:{error.lineno}:{error.colno}: invalid JSON: {error.msg}"
        ) from error
    if not isinstance(grammar, dict):
        raise GrammarSourceError(f"{origin}: grammar.json must be a JSON object")
    if not isinstance(grammar.get("name"), str):
        raise GrammarSourceError(f"{origin}: grammar.json has no string 'name'")
    if not isinstance(grammar.get("rules"), dict) or not grammar["rules"]:
        raise GrammarSourceError(f"{origin}: grammar.json has no 'rules' object")
    return grammar


def rule_locations(grammar_js: Path, names: set[str]) -> dict[str, int]:
    """Line numbers where `name: ...` rules are defined in a grammar.js, for error messages
    (grammar.json carries no positions). Names not found are left out."""
    try:
        lines = grammar_js.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    found: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        stripped = line.lstrip()
        for name in names - found.keys():
            if stripped.startswith((f"{name}:", f"{name} :", f"'{name}':", f'"{name}":')):
                found[name] = number
    return found
