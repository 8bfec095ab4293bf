"""grammar.json → the files of a tree-sitter parser: parser.c, parser.h, node-types.json."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .emit import layout, render_parser
from .lexer import LexicalAnalysis, build_lex_tables
from .lr import CANONICAL_STATE_BUDGET, SHIFT, build_canonical_table, build_parse_table
from .minimize import minimize
from .model import PreparedGrammar
from .node_types import node_types
from .prepare import prepare

PARSER_H = Path(__file__).with_name("parser.h")
# Written next to parser.h for hand-written external scanners, as the official CLI does.
SCANNER_HEADERS = ("alloc.h", "array.h")


@dataclass
class GeneratedParser:
    grammar_json: str
    parser_c: str
    parser_h: str
    node_types_json: str
    state_count: int
    symbol_count: int

    def files(self) -> dict[str, str]:
        return {
            "src/grammar.json": self.grammar_json,
            "src/parser.c": self.parser_c,
            "src/tree_sitter/parser.h": self.parser_h,
            **{
                f"src/tree_sitter/{header}": PARSER_H.with_name(header).read_text()
                for header in SCANNER_HEADERS
            },
            "src/node-types.json": self.node_types_json,
        }


def _valid_tokens(prepared: PreparedGrammar, table) -> list[set[int]]:
    terminals = {s for s, info in enumerate(prepared.symbols) if info.terminal}
    valid = [set(terminals)]
    for state in table.states[1:]:
        valid.append(set(state.actions))
    return valid


def _following_tokens(table, valid: list[set[int]]) -> dict[int, set[int]]:
    """The terminals that can come right after each terminal: those valid in the states
    its shifts lead to."""
    following: dict[int, set[int]] = {}
    for state in table.states[1:]:
        for token, actions in state.actions.items():
            for action in actions:
                if action.kind == SHIFT and not action.extra and action.state is not None:
                    following.setdefault(token, set()).update(valid[action.state])
    return following


def generate(grammar: dict, canonical_budget: int = CANONICAL_STATE_BUDGET) -> GeneratedParser:
    """`canonical_budget`: the most canonical LR(1) states to build before falling back to
    merging states during construction (faster and smaller, but it can mix the lexical
    contexts of merged states: TypeScript needs a budget above 100,000)."""
    prepared = prepare(grammar)
    analysis = LexicalAnalysis(prepared)
    table = build_canonical_table(prepared, canonical_budget)
    if table is not None:
        table = minimize(table, analysis.adding_conflicts)
    else:
        table = build_parse_table(prepared)
    valid = _valid_tokens(prepared, table)
    lex = build_lex_tables(prepared, valid, analysis, _following_tokens(table, valid))
    error_state = table.states[0]
    externals = set(prepared.external_tokens)
    error_state.actions = {
        t: a
        for t, a in error_state.actions.items()
        # pure external tokens always stay valid in the error state; an internal token with
        # an external counterpart only if the error-state lexer keeps it (populate_error_state)
        if t in valid[0] or (t in externals and t not in prepared.tokens)
    }
    lay = layout(prepared, table)
    return GeneratedParser(
        grammar_json=json.dumps(grammar, indent=2, ensure_ascii=False) + "\n",
        parser_c=render_parser(prepared, table, lex, lay),
        parser_h=PARSER_H.read_text(),
        node_types_json=json.dumps(node_types(prepared, lay), indent=2) + "\n",
        state_count=len(table.states),
        symbol_count=len(lay.names),
    )


def write_files(generated: GeneratedParser, out_dir: Path) -> list[Path]:
    """Write each file atomically (temp file, then rename) so a failure leaves no half file."""
    written = []
    for relative, text in generated.files().items():
        target = out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(target)
    return written
