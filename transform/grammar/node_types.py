"""node-types.json in the official schema: each node type, its fields, children, subtypes."""

from __future__ import annotations

from .emit import Layout
from .model import PreparedGrammar

# A summary maps a field name (None: no field) to (min count, max count capped at 2, types).
Summary = dict[str | None, tuple[int, int, frozenset[int]]]
ALL = "\0all"  # every visible child (fields and anonymous tokens included)


def _add(a: Summary, b: Summary) -> Summary:
    """Children of two consecutive parts of one production."""
    result = dict(a)
    for key, (lo, hi, types) in b.items():
        if key in result:
            lo0, hi0, types0 = result[key]
            result[key] = (lo0 + lo, min(2, hi0 + hi), types0 | types)
        else:
            result[key] = (lo, hi, types)
    return result


def _either(a: Summary, b: Summary) -> Summary:
    """Children of one of two alternative productions."""
    result: Summary = {}
    for key in set(a) | set(b):
        lo_a, hi_a, ty_a = a.get(key, (0, 0, frozenset()))
        lo_b, hi_b, ty_b = b.get(key, (0, 0, frozenset()))
        result[key] = (min(lo_a, lo_b), max(hi_a, hi_b), ty_a | ty_b)
    return result


class _Summaries:
    def __init__(self, grammar: PreparedGrammar, lay: Layout):
        self.grammar = grammar
        self.lay = lay
        self.cache: dict[int, Summary] = {}
        hidden = [s for s in grammar.productions_of if not lay.visible[s] and not lay.supertype[s]]
        for symbol in hidden:
            self.cache[symbol] = {}
        for _ in range(len(hidden) + 2):
            changed = False
            for symbol in hidden:
                summary = self.of_symbol(symbol)
                if summary != self.cache[symbol]:
                    self.cache[symbol] = summary
                    changed = True
            if not changed:
                break

    def of_symbol(self, symbol: int) -> Summary:
        result: Summary | None = None
        for pid in self.grammar.productions_of[symbol]:
            summary = self.of_production(pid)
            result = summary if result is None else _either(result, summary)
        return result or {}

    def of_production(self, pid: int) -> Summary:
        lay = self.lay
        summary: Summary = {}
        for step in self.grammar.productions[pid].steps:
            target = lay.alias_symbols[step.alias] if step.alias else step.symbol
            if lay.visible[target] or lay.supertype[target]:
                one = (1, 1, frozenset([lay.public[target]]))
                if step.field:
                    part = {step.field: one, ALL: one}
                elif lay.named[target]:
                    # tree-sitter counts only *named* children without fields
                    # (node_types.rs, children_without_fields)
                    part = {None: one, ALL: one}
                else:
                    part = {ALL: one}
            elif target in self.cache:
                part = self.cache[target]
                if step.field:
                    # a field on a hidden child holds all of its visible children, and the
                    # child's own fields show through
                    part = {k: v for k, v in part.items() if k not in (None, ALL)}
                    if ALL in self.cache[target]:
                        part[step.field] = self.cache[target][ALL]
                        part[ALL] = self.cache[target][ALL]
            else:
                continue
            summary = _add(summary, part)
        return summary


def node_types(grammar: PreparedGrammar, lay: Layout) -> list[dict]:
    summaries = _Summaries(grammar, lay)
    entries: list[dict] = []
    seen: set[tuple[str, bool]] = set()

    def type_ref(symbol: int) -> dict:
        return {"type": lay.names[symbol], "named": lay.named[symbol]}

    def sorted_types(types) -> list[dict]:
        refs = {(lay.names[t], lay.named[t]) for t in types}
        return [
            {"type": n, "named": named} for n, named in sorted(refs, key=lambda r: (r[0], r[1]))
        ]

    for symbol in grammar.supertypes:
        subtypes = _subtypes(grammar, lay, symbol)
        entries.append({**type_ref(symbol), "subtypes": sorted_types(subtypes)})
        seen.add((lay.names[symbol], True))
    nonterminals = [s for s in grammar.productions_of if lay.visible[s]]
    aliased_nonterminals: dict[int, list[int]] = {}
    for production in grammar.productions:
        for step in production.steps:
            if step.alias and not grammar.symbols[step.symbol].terminal:
                target = lay.alias_symbols[step.alias]
                aliased_nonterminals.setdefault(target, []).append(step.symbol)
    for symbol in sorted(set(nonterminals) | set(aliased_nonterminals), key=lambda s: lay.names[s]):
        key = (lay.names[symbol], lay.named[symbol])
        if key in seen or not lay.named[symbol]:
            continue
        seen.add(key)
        sources = [s for s in nonterminals if lay.public[s] == lay.public[symbol]]
        sources += aliased_nonterminals.get(symbol, [])
        summary: Summary | None = None
        for source in sources:
            part = summaries.of_symbol(source)
            summary = part if summary is None else _either(summary, part)
        entry = {**type_ref(symbol), "fields": {}}
        if symbol == grammar.start:
            entry["root"] = True
        if symbol in grammar.extra_nonterminals:
            entry["extra"] = True
        items = [kv for kv in (summary or {}).items() if kv[0] != ALL]
        for field, (lo, hi, types) in sorted(items, key=lambda kv: kv[0] or ""):
            info = {"multiple": hi > 1, "required": lo > 0, "types": sorted_types(types)}
            if field is None:
                named_types = [t for t in types if lay.named[t]]
                if named_types:
                    entry["children"] = {**info, "types": sorted_types(named_types)}
            else:
                entry["fields"][field] = info
        entries.append(entry)
    terminals = [
        s for s, info in enumerate(grammar.symbols) if info.terminal and s and lay.visible[s]
    ]
    terminal_aliases = [
        lay.alias_symbols[step.alias]
        for production in grammar.productions
        for step in production.steps
        if step.alias and grammar.symbols[step.symbol].terminal
    ]
    extras = set(grammar.extra_tokens)
    for symbol in sorted(set(terminals) | set(terminal_aliases), key=lambda s: (lay.names[s], s)):
        key = (lay.names[symbol], lay.named[symbol])
        if key in seen:
            continue
        seen.add(key)
        entry = type_ref(symbol)
        if symbol in extras:
            entry["extra"] = True
        entries.append(entry)
    return entries


def _subtypes(grammar: PreparedGrammar, lay: Layout, symbol: int) -> set[int]:
    result: set[int] = set()
    stack, seen = [symbol], {symbol}
    while stack:
        current = stack.pop()
        for pid in grammar.productions_of.get(current, []):
            for step in grammar.productions[pid].steps:
                target = lay.alias_symbols[step.alias] if step.alias else step.symbol
                if lay.visible[target] or lay.supertype[target]:
                    result.add(lay.public[target])
                elif target not in seen:
                    seen.add(target)
                    stack.append(target)
    return result
