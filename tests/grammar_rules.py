"""grammar.json rules written in Python, for tests that generate small grammars: the
members are the node types of tree-sitter's grammar.json schema."""

from __future__ import annotations

from pathlib import Path

import tree_sitter

from transform.grammar.build import generate_and_load


def S(value: str) -> dict:
    return {"type": "STRING", "value": value}


def P(value: str) -> dict:
    return {"type": "PATTERN", "value": value}


def Y(name: str) -> dict:
    return {"type": "SYMBOL", "name": name}


def SEQ(*members: dict) -> dict:
    return {"type": "SEQ", "members": list(members)}


def CHOICE(*members: dict) -> dict:
    return {"type": "CHOICE", "members": list(members)}


def REPEAT(content: dict) -> dict:
    return {"type": "REPEAT", "content": content}


def REPEAT1(content: dict) -> dict:
    return {"type": "REPEAT1", "content": content}


def FIELD(name: str, content: dict) -> dict:
    return {"type": "FIELD", "name": name, "content": content}


def ALIAS(content: dict, value: str, named: bool = True) -> dict:
    return {"type": "ALIAS", "content": content, "named": named, "value": value}


def PREC(kind: str, value: int | str, content: dict) -> dict:
    return {"type": kind, "value": value, "content": content}


BLANK = {"type": "BLANK"}
SPACES = [P("\\s")]


def grammar_of(**rules: dict) -> dict:
    """A grammar named `probe` whose first rule is the start rule, blanks as extras."""
    return {"name": "probe", "rules": rules, "extras": list(SPACES)}


def build(tmp_path: Path, grammar: dict, scanner: str | None = None) -> tree_sitter.Language:
    """Generate, compile and load a grammar (with an external scanner's C source)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = None
    if scanner is not None:
        source = tmp_path / "scanner.c"
        source.write_text(scanner)
    return generate_and_load(grammar, tmp_path / "out", source)


def parse(language: tree_sitter.Language, text: str) -> tree_sitter.Node:
    return tree_sitter.Parser(language).parse(text.encode()).root_node
