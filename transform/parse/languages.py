"""Which tree-sitter language parses which legacy language.

Our own grammars are compiled into `transform.languages._<name>` at install time; in a source
checkout without a build they are compiled on first use from `grammars/<name>/src`. Bash uses
the official grammar from PyPI.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

import tree_sitter

GRAMMARS_DIR = Path(__file__).resolve().parents[2] / "grammars"

# Source language (as ingest names it) → grammar.
GRAMMAR_FOR_LANGUAGE = {"vba": "vba", "vbscript": "vba", "bash": "bash"}


class LanguageUnavailable(RuntimeError):
    pass


@cache
def get_language(grammar: str) -> tree_sitter.Language:
    if grammar == "bash":
        try:
            import tree_sitter_bash
        except ImportError as error:  # pragma: no cover - a declared dependency
            raise LanguageUnavailable("tree-sitter-bash is not installed") from error
        return tree_sitter.Language(tree_sitter_bash.language())
    try:
        module = importlib.import_module(f"transform.languages._{grammar}")
        return tree_sitter.Language(module.language())
    except ImportError:
        pass
    source = GRAMMARS_DIR / grammar
    if (source / "src" / "parser.c").exists():
        from transform.grammar.build import load_language

        return load_language(source, grammar)
    raise LanguageUnavailable(f"no compiled parser for grammar {grammar!r}")


def language_for(source_language: str) -> tree_sitter.Language:
    grammar = GRAMMAR_FOR_LANGUAGE.get(source_language)
    if grammar is None:
        raise LanguageUnavailable(f"no grammar for {source_language!r}")
    return get_language(grammar)
