"""The prepared grammar: what the table builder, lexer builder and emitters share.

grammar.json is a tree of rules; generation needs flat productions over numbered symbols.
Symbol 0 is the end of input; terminals come next, then non-terminals, as the runtime expects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Precedence = int | str | None


class GrammarError(ValueError):
    """A grammar the generator cannot build; the message names the rule involved."""

    def __init__(self, message: str, rule: str | None = None):
        self.rule = rule
        super().__init__(f"rule `{rule}`: {message}" if rule else message)


@dataclass(frozen=True)
class Alias:
    value: str
    named: bool


@dataclass(frozen=True)
class Step:
    symbol: int
    precedence: Precedence = None
    associativity: str | None = None
    alias: Alias | None = None
    field: str | None = None
    reserved: str | None = None


@dataclass(frozen=True)
class Production:
    lhs: int
    steps: tuple[Step, ...]
    dynamic_precedence: int = 0

    def precedence_at(self, index: int) -> Precedence:
        """The precedence of an item with the dot at ``index``: that of the step before the
        dot, none at the start (tree-sitter's `ParseItem::precedence`, which reads
        `prev_step`). A completed item reads its last step, a shift item the step it has
        just passed, so the precedence of the part still to come plays no role."""
        return self.steps[index - 1].precedence if 0 < index <= len(self.steps) else None

    def associativity_at(self, index: int) -> str | None:
        return self.steps[index - 1].associativity if 0 < index <= len(self.steps) else None


@dataclass
class Symbol:
    name: str
    terminal: bool
    visible: bool
    named: bool
    supertype: bool = False
    auxiliary: bool = False  # generated repeat helper or extracted token
    origin: str | None = None  # the grammar rule a generated symbol came from


@dataclass
class Token:
    """A lexical rule: what the lexer must recognise for one terminal."""

    symbol: int
    rule: dict
    is_string: bool
    immediate: bool
    precedence: int = 0


@dataclass
class PreparedGrammar:
    name: str
    symbols: list[Symbol]
    tokens: dict[int, Token]  # terminal symbol -> lexical rule (all but end)
    productions: list[Production]
    productions_of: dict[int, list[int]]
    start: int
    extra_tokens: list[int]  # terminals shifted as extras anywhere
    separators: list[dict]  # anonymous extras: skipped by the lexer
    word: int | None
    conflicts: list[frozenset[int]]
    precedence_orders: list[list[tuple[str, str]]]
    supertypes: list[int]
    reserved_sets: dict[str, list[int]] = field(default_factory=dict)
    external_tokens: list[int] = field(default_factory=list)  # in `externals` order
    # syntax rules listed in `extras` (non-terminal extras), parsed between any two tokens
    extra_nonterminals: list[int] = field(default_factory=list)

    @property
    def token_count(self) -> int:
        return sum(1 for s in self.symbols if s.terminal)

    def extra_start_tokens(self) -> set[int]:
        """The first tokens of the non-terminal extras' productions: every state (but those
        that end an extra) shifts them into the extra."""
        return {
            self.productions[pid].steps[0].symbol
            for extra in self.extra_nonterminals
            for pid in self.productions_of[extra]
            if self.productions[pid].steps
        }

    def is_terminal(self, symbol: int) -> bool:
        return self.symbols[symbol].terminal

    def compare_precedence(
        self, a: Precedence, b: Precedence, a_symbols=(), b_symbols=()
    ) -> int | None:
        """-1, 0, 1 like cmp; None when the two are not ordered relative to each other.

        As tree-sitter's build_parse_table.rs `compare_precedence`: integers compare when
        one is non-zero; otherwise the `precedences` lists decide, where a STRING entry
        matches a named precedence and a SYMBOL entry matches when one of the rules (the
        left-hand sides of the items, `a_symbols` / `b_symbols`) has that name; earlier
        entries are higher."""
        a_int, b_int = not isinstance(a, str), not isinstance(b, str)
        if a_int and b_int and ((a or 0) != 0 or (b or 0) != 0):
            x, y = a or 0, b or 0
            return (x > y) - (x < y)
        a_names = {self.symbols[s].name for s in a_symbols}
        b_names = {self.symbols[s].name for s in b_symbols}
        for order in self.precedence_orders:
            saw_a = saw_b = False
            for kind, value in order:
                if kind == "name":
                    match_a, match_b = (not a_int and a == value), (not b_int and b == value)
                else:
                    match_a, match_b = value in a_names, value in b_names
                if match_a:
                    saw_a = True
                    if saw_b:
                        return -1
                elif match_b:
                    saw_b = True
                    if saw_a:
                        return 1
        if a_int and b_int or a == b:
            return 0
        return None
