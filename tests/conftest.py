"""Shared fixtures: test grammars are generated and compiled once per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import tree_sitter

from transform.grammar.build import generate_and_load
from transform.grammar.source import load_grammar

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR_FIXTURES = ROOT / "tests" / "grammar" / "fixtures"


@pytest.fixture(scope="session")
def fixture_language(tmp_path_factory) -> Callable[[str], tree_sitter.Language]:
    """Load a test grammar (tests/grammar/fixtures/NAME) built by our generator."""
    cache: dict[str, tree_sitter.Language] = {}

    def load(name: str) -> tree_sitter.Language:
        if name not in cache:
            folder = GRAMMAR_FIXTURES / name
            grammar, _ = load_grammar(folder / "grammar.json")
            scanner = folder / "scanner.c"
            cache[name] = generate_and_load(
                grammar, tmp_path_factory.mktemp(name), scanner if scanner.exists() else None
            )
        return cache[name]

    return load
