"""Parse ingested modules and report where the tree has ERROR or MISSING nodes."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import tree_sitter

from transform.ingest import SourceModule

from .languages import language_for


@dataclass(frozen=True)
class SyntaxProblem:
    kind: str  # "error" (unparsable text) or "missing" (a token the parser had to assume)
    line: int  # 1-based
    column: int  # 1-based, in characters
    text: str  # the start of the offending text, or the missing node's type

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.kind} {self.text!r}"


@dataclass
class ParsedModule:
    module: SourceModule
    grammar_language: str
    byte_count: int
    line_count: int
    seconds: float
    problems: list[SyntaxProblem] = field(default_factory=list)
    tree: tree_sitter.Tree | None = field(default=None, repr=False, compare=False)

    @property
    def error_count(self) -> int:
        return sum(1 for p in self.problems if p.kind == "error")

    @property
    def missing_count(self) -> int:
        return sum(1 for p in self.problems if p.kind == "missing")


def parse_module(module: SourceModule) -> ParsedModule:
    language = language_for(module.language)
    data = module.text.encode("utf-8")
    started = time.perf_counter()
    tree = tree_sitter.Parser(language).parse(data)
    seconds = time.perf_counter() - started
    return ParsedModule(
        module=module,
        grammar_language=module.language,
        byte_count=len(data),
        line_count=module.text.count("\n") + (0 if module.text.endswith("\n") else 1),
        seconds=seconds,
        problems=syntax_problems(tree, data),
        tree=tree,
    )


def syntax_problems(tree: tree_sitter.Tree, data: bytes) -> list[SyntaxProblem]:
    """ERROR and MISSING nodes, outermost first; nested errors inside an ERROR are skipped."""
    problems: list[SyntaxProblem] = []
    if not tree.root_node.has_error:
        return problems
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_missing:
            problems.append(_problem("missing", node, data, node.type))
        elif node.is_error:
            snippet = data[node.start_byte : node.end_byte][:40].decode("utf-8", "replace")
            problems.append(_problem("error", node, data, snippet))
            continue
        if node.has_error:
            stack.extend(reversed(node.children))
    return sorted(problems, key=lambda p: (p.line, p.column))


def _problem(kind: str, node: tree_sitter.Node, data: bytes, text: str) -> SyntaxProblem:
    row, byte_column = node.start_point
    line_start = node.start_byte - byte_column
    column = len(data[line_start : node.start_byte].decode("utf-8", "replace")) + 1
    return SyntaxProblem(kind, row + 1, column, text)
