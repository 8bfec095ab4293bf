"""grammar.json → PreparedGrammar: validate, extract tokens, expand repeats, flatten, inline.

Follows what tree-sitter's generator does, so a grammar builds to the same node types here as
with the official CLI: string and pattern literals become anonymous tokens, a rule that is a
single token becomes a named token, `repeat` becomes a hidden binary auxiliary rule.
"""

from __future__ import annotations

import json
from dataclasses import replace
from itertools import product as cartesian

from .model import (
    Alias,
    GrammarError,
    PreparedGrammar,
    Production,
    Step,
    Symbol,
    Token,
)

WRAPPER_TYPES = {"PREC", "PREC_LEFT", "PREC_RIGHT", "PREC_DYNAMIC", "FIELD", "ALIAS", "RESERVED"}


def prepare(grammar: dict) -> PreparedGrammar:
    return _Preparer(grammar).run()


def _canonical(rule: dict) -> str:
    return json.dumps(rule, sort_keys=True)


class _Preparer:
    def __init__(self, grammar: dict):
        if not isinstance(grammar.get("rules"), dict) or not grammar["rules"]:
            raise GrammarError("grammar has no rules")
        if not grammar.get("name"):
            raise GrammarError("grammar has no name")
        self.grammar = grammar
        self.rules: dict[str, dict] = dict(grammar["rules"])
        self.rule_names = list(self.rules)
        self.inline = set(grammar.get("inline", []))
        self.supertypes = list(grammar.get("supertypes", []))
        self.token_rules: list[tuple[str, dict, bool, bool, str]] = []
        # (name, lexical rule, is_string, immediate, kind) ; kind: anonymous|auxiliary|named|hidden
        self.token_index: dict[str, int] = {}
        self.token_usage: list[int] = []
        self.token_origin: list[str] = []  # the grammar rule each token was written in
        self.repeat_rules: dict[str, str] = {}
        self.aux_rules: dict[str, dict] = {}
        self.aux_origin: dict[str, str] = {}
        self.externals = self._external_names(grammar.get("externals", []))

    # -- validation ---------------------------------------------------------------------

    def _external_names(self, externals: list[dict]) -> list[tuple[str, bool]]:
        """(name, named) of each token the hand-written scanner produces, in order.

        As in tree-sitter (extract_tokens.rs): an external naming a grammar rule, or written
        as a string or pattern, has a *corresponding internal token*: the grammar refers to
        the internal token, the internal lexer can still produce it, and the scanner is asked
        for it wherever the internal token is valid. Only an external naming no rule gets a
        symbol of its own. `self.external_rules` keeps the entries for `run`."""
        names = []
        self.external_rules = list(externals)
        for rule in externals:
            if rule["type"] == "SYMBOL":
                names.append((rule["name"], True))
            elif rule["type"] == "STRING":
                names.append((rule["value"], False))
            else:
                names.append(("", False))
        return names

    def validate(self) -> None:
        for name, rule in self.rules.items():
            self._check_rule(rule, name)
        for key in ("inline", "supertypes"):
            for name in self.grammar.get(key, []):
                if name not in self.rules:
                    raise GrammarError(f"`{key}` names an undefined rule `{name}`")
        for conflict in self.grammar.get("conflicts", []):
            for name in conflict:
                if name not in self.rules:
                    raise GrammarError(f"`conflicts` names an undefined rule `{name}`")
        word = self.grammar.get("word")
        if word and word not in self.rules:
            raise GrammarError(f"`word` names an undefined rule `{word}`")
        start = self.rule_names[0]
        if start in self.inline:
            raise GrammarError("the start rule cannot be inlined", start)

    def _check_rule(self, rule: dict, where: str) -> None:
        kind = rule.get("type")
        if kind == "SYMBOL":
            if rule["name"] not in self.rules and (rule["name"], True) not in self.externals:
                raise GrammarError(f"undefined symbol `{rule['name']}`", where)
        elif kind == "STRING":
            if rule["value"] == "":
                raise GrammarError("the empty string is not a valid token", where)
        elif kind in ("SEQ", "CHOICE"):
            for member in rule["members"]:
                self._check_rule(member, where)
        elif kind in ("REPEAT", "REPEAT1", "TOKEN", "IMMEDIATE_TOKEN") or kind in WRAPPER_TYPES:
            self._check_rule(rule["content"], where)
        elif kind not in ("PATTERN", "BLANK"):
            raise GrammarError(f"unknown rule type {kind!r}", where)

    # -- tokens -------------------------------------------------------------------------

    def _resolve_token_symbols(self, rule: dict, where: str, depth: int = 0) -> dict:
        """Replace references to lexical rules inside token() by their content."""
        if depth > 50:
            raise GrammarError("recursive rule inside token()", where)
        kind = rule["type"]
        if kind == "SYMBOL":
            return self._resolve_token_symbols(self.rules[rule["name"]], where, depth + 1)
        if kind in ("SEQ", "CHOICE"):
            members = [self._resolve_token_symbols(m, where, depth) for m in rule["members"]]
            return {"type": kind, "members": members}
        if "content" in rule:
            return {**rule, "content": self._resolve_token_symbols(rule["content"], where, depth)}
        return rule

    def _add_token(
        self, name: str, rule: dict, is_string: bool, immediate: bool, origin: str = ""
    ) -> int:
        key = ("I" if immediate else "T") + _canonical(rule)
        if key in self.token_index:
            index = self.token_index[key]
        else:
            index = len(self.token_rules)
            kind = "anonymous" if is_string else "auxiliary"
            self.token_rules.append((name, rule, is_string, immediate, kind))
            self.token_origin.append(origin or name)
            self.token_index[key] = index
            self.token_usage.append(0)
        self.token_usage[index] += 1
        return index

    def _extract(self, rule: dict, owner: str, counter: list[int]) -> dict:
        """Replace lexical sub-rules by ``{"type": "TERMINAL", "index": i}`` references."""
        kind = rule["type"]
        if kind == "STRING":
            index = self._add_token(rule["value"], rule, True, False)
            return {"type": "TERMINAL", "index": index}
        if kind == "PATTERN":
            counter[0] += 1
            index = self._add_token(f"{owner}_token{counter[0]}", rule, False, False, owner)
            return {"type": "TERMINAL", "index": index}
        if kind in ("TOKEN", "IMMEDIATE_TOKEN"):
            content = self._resolve_token_symbols(rule["content"], owner)
            immediate = kind == "IMMEDIATE_TOKEN"
            inner = content
            while inner["type"] in ("PREC", "PREC_LEFT", "PREC_RIGHT", "PREC_DYNAMIC"):
                inner = inner["content"]
            if inner["type"] == "STRING":
                index = self._add_token(inner["value"], content, True, immediate)
            else:
                counter[0] += 1
                name = f"{owner}_token{counter[0]}"
                index = self._add_token(name, content, False, immediate, owner)
            return {"type": "TERMINAL", "index": index}
        if kind in ("SEQ", "CHOICE"):
            return {
                "type": kind,
                "members": [self._extract(m, owner, counter) for m in rule["members"]],
            }
        if "content" in rule:
            return {**rule, "content": self._extract(rule["content"], owner, counter)}
        return rule

    # -- repeats ------------------------------------------------------------------------

    def _expand_repeats(self, rule: dict, owner: str) -> dict:
        kind = rule["type"]
        if kind in ("REPEAT", "REPEAT1"):
            content = self._expand_repeats(rule["content"], owner)
            aux = self._repeat_symbol(content, owner)
            ref = {"type": "SYMBOL", "name": aux}
            return ref if kind == "REPEAT1" else {"type": "CHOICE", "members": [ref, BLANK]}
        if kind in ("SEQ", "CHOICE"):
            members = [self._expand_repeats(m, owner) for m in rule["members"]]
            return {"type": kind, "members": members}
        if "content" in rule:
            return {**rule, "content": self._expand_repeats(rule["content"], owner)}
        return rule

    def _repeat_symbol(self, content: dict, owner: str) -> str:
        key = _canonical(content)
        if key in self.repeat_rules:
            return self.repeat_rules[key]
        count = sum(1 for origin in self.aux_origin.values() if origin == owner) + 1
        name = f"{owner}_repeat{count}"
        ref = {"type": "SYMBOL", "name": name}
        self.repeat_rules[key] = name
        self.aux_origin[name] = owner
        self.aux_rules[name] = {
            "type": "CHOICE",
            "members": [{"type": "SEQ", "members": [ref, ref]}, content],
        }
        return name

    # -- main ---------------------------------------------------------------------------

    def run(self) -> PreparedGrammar:
        self.validate()
        start = self.rule_names[0]
        # Rules that are a single lexical expression become named (or hidden) tokens.
        extracted: dict[str, dict] = {}
        for name in self.rule_names:
            extracted[name] = self._extract(self.rules[name], name, [0])
        extras = self.grammar.get("extras", [])
        renamed: dict[str, int] = {}
        for name in self.rule_names:
            rule = extracted[name]
            if (
                rule["type"] == "TERMINAL"
                and name != start
                and self.token_usage[rule["index"]] == 1
                and name not in self.supertypes
            ):
                index = rule["index"]
                _, lexical, is_string, immediate, _ = self.token_rules[index]
                kind = "hidden" if name.startswith("_") else "named"
                self.token_rules[index] = (name, lexical, is_string, immediate, kind)
                renamed[name] = index
        # externals: (name, named, internal token index or None), in `externals` order
        self.external_entries = []
        for rule, (name, named) in zip(self.external_rules, self.externals, strict=True):
            if rule["type"] == "SYMBOL" and rule["name"] not in self.rules:
                self.external_entries.append((name, named, None))
            elif rule["type"] == "SYMBOL":
                if rule["name"] not in renamed:
                    raise GrammarError(
                        "an external token that is also a grammar rule must be a single token "
                        "used once (tree-sitter: ExternalTokenNonTerminal)",
                        rule["name"],
                    )
                self.external_entries.append((name, named, renamed[rule["name"]]))
            else:
                ref = self._extract(rule, "", [0])
                if ref.get("type") != "TERMINAL":
                    raise GrammarError("non-symbol external tokens must be tokens", "externals")
                self.external_entries.append((name, named, ref["index"]))
        syntax_names = [n for n in self.rule_names if n not in renamed]
        for name in syntax_names:
            extracted[name] = self._expand_repeats(extracted[name], name)
        return self._number(start, syntax_names, extracted, extras, renamed)

    def _number(
        self,
        start: str,
        syntax_names: list[str],
        extracted: dict[str, dict],
        extras: list[dict],
        renamed: dict[str, int],
    ) -> PreparedGrammar:
        symbols = [Symbol("end", terminal=True, visible=False, named=True)]
        for name, _, _, _, kind in self.token_rules:
            symbols.append(
                Symbol(
                    name,
                    terminal=True,
                    visible=kind in ("anonymous", "named"),
                    named=kind in ("named", "hidden"),
                    auxiliary=kind == "auxiliary",
                    origin=self.token_origin[len(symbols) - 1],
                )
            )
        number: dict[str, int] = {}
        external_symbols = []
        for name, named, internal in self.external_entries:
            if internal is not None:
                external_symbols.append(internal + 1)
                continue
            number[name] = len(symbols)
            external_symbols.append(len(symbols))
            symbols.append(
                Symbol(name, terminal=True, visible=not name.startswith("_"), named=named)
            )
        nonterminal_names = [n for n in syntax_names if n not in self.inline] + list(self.aux_rules)
        for name in nonterminal_names:
            number[name] = len(symbols)
            is_aux = name in self.aux_rules
            hidden = is_aux or name.startswith("_") or name in self.supertypes
            symbols.append(
                Symbol(
                    name,
                    terminal=False,
                    visible=not hidden,
                    named=not is_aux,
                    supertype=name in self.supertypes,
                    auxiliary=is_aux,
                    origin=self.aux_origin.get(name),
                )
            )
        for name, index in renamed.items():
            number[name] = index + 1
        inline_names = [n for n in syntax_names if n in self.inline]
        for k, name in enumerate(inline_names):
            number[name] = -1 - k  # placeholders, substituted below
        flattener = _Flattener(number)
        all_rules = {**{n: extracted[n] for n in syntax_names}, **self.aux_rules}
        inline_productions = {number[n]: flattener.flatten(all_rules[n]) for n in inline_names}
        productions: list[Production] = []
        productions_of: dict[int, list[int]] = {}
        for name in nonterminal_names:
            lhs = number[name]
            steps_list = _substitute(flattener.flatten(all_rules[name]), inline_productions, 0)
            productions_of[lhs] = []
            seen = set()
            for steps, dynamic in steps_list:
                key = (steps, dynamic)
                if key in seen:
                    continue
                seen.add(key)
                productions_of[lhs].append(len(productions))
                productions.append(Production(lhs, steps, dynamic))
        tokens = {
            i + 1: Token(
                symbol=i + 1,
                rule=rule,
                is_string=is_string,
                immediate=immediate,
                precedence=_lexical_precedence(rule),
            )
            for i, (_, rule, is_string, immediate, _) in enumerate(self.token_rules)
        }
        extra_tokens, separators, extra_nonterminals = self._extras(extras, number)
        word = self.grammar.get("word")
        word_symbol = number.get(word) if word else None
        if word and (word_symbol is None or not symbols[word_symbol].terminal):
            raise GrammarError("the `word` rule must be a single token", word)
        return PreparedGrammar(
            name=self.grammar["name"],
            symbols=symbols,
            tokens=tokens,
            productions=productions,
            productions_of=productions_of,
            start=number[start],
            extra_tokens=extra_tokens,
            separators=separators,
            extra_nonterminals=extra_nonterminals,
            word=word_symbol,
            conflicts=[
                frozenset(number[n] for n in c if n in number)
                for c in self.grammar.get("conflicts", [])
            ],
            precedence_orders=_precedence_orders(self.grammar.get("precedences", [])),
            supertypes=[number[n] for n in self.supertypes if number.get(n, -1) >= 0],
            external_tokens=external_symbols,
            reserved_sets=self._reserved_sets(),
        )

    def _extras(
        self, extras: list[dict], number: dict[str, int]
    ) -> tuple[list[int], list[dict], list[int]]:
        """Named extras that are tokens are shifted anywhere; anonymous ones are lexer
        separators; named extras that are syntax rules (non-terminal extras: Rust's
        comments, Ruby's heredoc bodies) are parsed anywhere between two tokens."""
        extra_tokens: list[int] = []
        separators: list[dict] = []
        extra_nonterminals: list[int] = []
        for extra in extras:
            if extra["type"] != "SYMBOL":
                separators.append(extra)
                continue
            symbol = number.get(extra["name"])
            if symbol is None or symbol < 0:
                raise GrammarError("an extra cannot be an inlined rule", extra["name"])
            if symbol <= len(self.token_rules) + sum(
                1 for e in self.external_entries if e[2] is None
            ):
                extra_tokens.append(symbol)
            elif symbol not in extra_nonterminals:
                extra_nonterminals.append(symbol)
        return extra_tokens, separators, extra_nonterminals

    def _reserved_sets(self) -> dict[str, list[int]]:
        sets: dict[str, list[int]] = {}
        for set_name, words in (self.grammar.get("reserved") or {}).items():
            members = []
            for word in words:
                extracted = self._extract(word, "reserved", [0])
                if extracted["type"] != "TERMINAL":
                    raise GrammarError("reserved words must be tokens", f"reserved.{set_name}")
                self.token_usage[extracted["index"]] -= 1
                members.append(extracted["index"] + 1)
            sets[set_name] = members
        return sets


BLANK = {"type": "BLANK"}


def _lexical_precedence(rule: dict) -> int:
    """The outermost lexical precedence of a token, as in ``token(prec(2, ...))``."""
    if rule["type"] in ("PREC", "PREC_LEFT", "PREC_RIGHT", "PREC_DYNAMIC"):
        value = rule["value"]
        return value if isinstance(value, int) else 0
    return 0


def _precedence_orders(precedences: list[list[dict]]) -> list[list[tuple[str, str]]]:
    orders = []
    for level in precedences:
        order = []
        for entry in level:
            if entry["type"] == "STRING":
                order.append(("name", entry["value"]))
            elif entry["type"] == "SYMBOL":
                order.append(("symbol", entry["name"]))
            else:
                raise GrammarError("`precedences` entries must be strings or symbols")
        orders.append(order)
    return orders


StepsList = list[tuple[tuple[Step, ...], int]]


_METADATA = ("PREC", "PREC_LEFT", "PREC_RIGHT", "PREC_DYNAMIC", "FIELD", "ALIAS")


class _Flattener:
    """Turns a rule tree into alternative step sequences, carrying prec/field/alias down.

    As tree-sitter's flatten_grammar.rs: each step takes the innermost precedence,
    associativity, alias and field around it; `prec` without an associativity keeps the
    enclosing one; wrappers nested directly inside each other are one wrapper whose outer
    settings win (tree-sitter's parser merges them into one `Metadata`); and when a
    `prec` group that does not end the production is left, its last step gets the
    enclosing precedence (and associativity) back, so an item just past the group reads
    the precedence of its context (`ParseItem::precedence` reads the step before the dot)."""

    def __init__(self, number: dict[str, int]):
        self.number = number

    def flatten(self, rule: dict) -> StepsList:
        return self._walk(rule, {}, True)

    def _walk(self, rule: dict, ctx: dict, at_end: bool) -> StepsList:
        kind = rule["type"]
        if kind == "BLANK":
            return [((), 0)]
        if kind == "TERMINAL":
            return [((self._step(rule["index"] + 1, ctx),), 0)]
        if kind == "SYMBOL":
            return [((self._step(self.number[rule["name"]], ctx),), 0)]
        if kind == "CHOICE":
            return [alt for m in rule["members"] for alt in self._walk(m, ctx, at_end)]
        if kind == "SEQ":
            last = len(rule["members"]) - 1
            parts = [
                self._walk(m, ctx, at_end and i == last) for i, m in enumerate(rule["members"])
            ]
            result = []
            for combo in cartesian(*parts):
                steps = tuple(s for alt, _ in combo for s in alt)
                dynamic = max((d for _, d in combo), key=abs, default=0)
                result.append((steps, dynamic))
            return result
        if kind in _METADATA:
            params, content = _merged_metadata(rule)
            inner = dict(ctx)
            for key in ("prec", "assoc", "field", "alias"):
                if key in params:
                    inner[key] = params[key]
            alts = self._walk(content, inner, at_end)
            reset_prec, reset_assoc = "prec" in params, "assoc" in params
            if not at_end and (reset_prec or reset_assoc):
                alts = [(_reset_last(s, ctx, reset_prec, reset_assoc), d) for s, d in alts]
            value = params.get("dynamic", 0)
            if value:
                alts = [(s, value if abs(value) >= abs(d) else d) for s, d in alts]
            return alts
        if kind == "RESERVED":
            inner = {**ctx, "reserved": rule["context_name"]}
            return self._walk(rule["content"], inner, at_end)
        raise GrammarError(f"unexpected {kind} outside a token")

    @staticmethod
    def _step(symbol: int, ctx: dict) -> Step:
        return Step(
            symbol=symbol,
            precedence=ctx.get("prec"),
            associativity=ctx.get("assoc"),
            alias=ctx.get("alias"),
            field=ctx.get("field"),
            reserved=ctx.get("reserved"),
        )


def _merged_metadata(rule: dict) -> tuple[dict, dict]:
    """The settings of a chain of directly nested wrappers, outer ones winning, and the
    rule inside the chain."""
    params: dict = {}
    while rule["type"] in _METADATA:
        kind = rule["type"]
        if kind in ("PREC", "PREC_LEFT", "PREC_RIGHT"):
            params.setdefault("prec", rule["value"])
            if kind != "PREC":
                params.setdefault("assoc", "left" if kind == "PREC_LEFT" else "right")
        elif kind == "PREC_DYNAMIC":
            params.setdefault("dynamic", rule["value"])
        elif kind == "FIELD":
            params.setdefault("field", rule["name"])
        else:
            params.setdefault("alias", Alias(rule["value"], bool(rule["named"])))
        rule = rule["content"]
    return params, rule


def _reset_last(
    steps: tuple[Step, ...], ctx: dict, precedence: bool, associativity: bool
) -> tuple[Step, ...]:
    if not steps:
        return steps
    last = steps[-1]
    if precedence:
        last = replace(last, precedence=ctx.get("prec"))
    if associativity:
        last = replace(last, associativity=ctx.get("assoc"))
    return (*steps[:-1], last)


def _substitute(steps_list: StepsList, inline: dict[int, StepsList], depth: int) -> StepsList:
    """Replace references to `inline` rules (negative placeholders) by their productions."""
    if depth > 20:
        raise GrammarError("inline rules refer to each other in a cycle")
    result: StepsList = []
    changed = False
    for steps, dynamic in steps_list:
        options: list[StepsList] = []
        for step in steps:
            if step.symbol < 0:
                changed = True
                options.append([(_merge_steps(inner, step), d) for inner, d in inline[step.symbol]])
            else:
                options.append([((step,), 0)])
        for combo in cartesian(*options):
            merged = tuple(s for alt, _ in combo for s in alt)
            inner_dynamic = max((d for _, d in combo), key=abs, default=0)
            result.append(
                (merged, dynamic if abs(dynamic) >= abs(inner_dynamic) else inner_dynamic)
            )
    return _substitute(result, inline, depth + 1) if changed else result


def _merge_steps(inner: tuple[Step, ...], outer: Step) -> tuple[Step, ...]:
    """As tree-sitter's process_inlines.rs: the inlined step's alias and field replace the
    inserted steps' own; its precedence and associativity go to the last inserted step
    only, and only where that step has none."""
    merged = []
    for k, step in enumerate(inner):
        last = k == len(inner) - 1
        precedence, associativity = step.precedence, step.associativity
        if last and precedence is None:
            precedence = outer.precedence
        if last and associativity is None:
            associativity = outer.associativity
        merged.append(
            Step(
                symbol=step.symbol,
                precedence=precedence,
                associativity=associativity,
                alias=outer.alias or step.alias,
                field=outer.field or step.field,
                reserved=step.reserved or outer.reserved,
            )
        )
    return tuple(merged)
