"""LR(1) parse tables with tree-sitter's conflict resolution.

States are built from LR(1) items whose lookaheads are bit sets over terminals. Two states
with the same core are merged when Pager's weak-compatibility test says merging cannot add a
reduce/reduce conflict: LALR-sized tables without LALR's spurious conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import GrammarError, PreparedGrammar, Production, Step

SHIFT, REDUCE, ACCEPT, RECOVER = "shift", "reduce", "accept", "recover"
DOT_BITS = 8
DOT_MASK = (1 << DOT_BITS) - 1


@dataclass(frozen=True)
class Action:
    kind: str
    state: int = 0  # shift target
    production: int = -1  # reduce: index into grammar.productions
    repetition: bool = False
    extra: bool = False


@dataclass
class ParseState:
    actions: dict[int, list[Action]] = field(default_factory=dict)  # terminal -> actions
    gotos: dict[int, int] = field(default_factory=dict)  # non-terminal -> state
    reserved: str | None = None  # reserved-word set named by the items expecting the word
    core: frozenset[int] = frozenset()  # the kernel's LR(0) items: states to merge share it
    # non-terminal extras: the rules this state shifts as extras (its goto on them is
    # itself), and whether it ends one (its only entry, a REDUCE on `end`, is taken
    # without lexing: the runtime reads lex state 0xFFFF as "no lookahead")
    extra_gotos: frozenset[int] = frozenset()
    end_of_extra: bool = False


@dataclass
class ParseTable:
    states: list[ParseState]
    productions: list[Production]  # grammar productions plus the augmented start last


def _bits(symbols) -> int:
    value = 0
    for symbol in symbols:
        value |= 1 << symbol
    return value


def _iter_bits(value: int):
    index = 0
    while value:
        if value & 1:
            yield index
        value >>= 1
        index += 1


class _Analysis:
    """FIRST sets, nullability and per-nonterminal closure templates."""

    def __init__(self, grammar: PreparedGrammar, productions: list[Production]):
        self.grammar = grammar
        self.productions = productions
        self.is_terminal = [s.terminal for s in grammar.symbols]
        self.productions_of = {lhs: list(ids) for lhs, ids in grammar.productions_of.items()}
        self.nullable: set[int] = set()
        self.first: dict[int, int] = {}
        self._compute_first()
        self.rest = [self._rest_info(p) for p in productions]
        self.templates: dict[int, list[tuple[int, int, bool]]] = {}

    def _compute_first(self) -> None:
        for symbol, is_terminal in enumerate(self.is_terminal):
            if is_terminal:
                self.first[symbol] = 1 << symbol
        for lhs in self.productions_of:
            self.first[lhs] = 0
        changed = True
        while changed:
            changed = False
            for lhs, ids in self.productions_of.items():
                for pid in ids:
                    first, nullable = self.sequence_first(self.productions[pid].steps, 0)
                    if first & ~self.first[lhs]:
                        self.first[lhs] |= first
                        changed = True
                    if nullable and lhs not in self.nullable:
                        self.nullable.add(lhs)
                        changed = True

    def sequence_first(self, steps, start: int) -> tuple[int, bool]:
        first = 0
        for step in steps[start:]:
            first |= self.first[step.symbol]
            if step.symbol not in self.nullable:
                return first, False
        return first, True

    def _rest_info(self, production: Production) -> list[tuple[int, bool]]:
        """For each dot position: FIRST and nullability of what follows the next symbol."""
        steps = production.steps
        return [self.sequence_first(steps, dot + 1) for dot in range(len(steps))]

    def template(self, nonterminal: int) -> list[tuple[int, int, bool]]:
        """Items [C → • γ] in the closure of B, with spontaneous lookaheads and whether
        the lookahead of B propagates to them."""
        cached = self.templates.get(nonterminal)
        if cached is not None:
            return cached
        spont = {nonterminal: 0}
        prop = {nonterminal: True}
        work = [nonterminal]
        while work:
            current = work.pop()
            for pid in self.productions_of[current]:
                steps = self.productions[pid].steps
                if not steps or self.is_terminal[steps[0].symbol]:
                    continue
                target = steps[0].symbol
                first, nullable = self.rest[pid][0]
                new_spont = first | (spont[current] if nullable else 0)
                new_prop = prop[current] and nullable
                if target not in spont:
                    spont[target], prop[target] = new_spont, new_prop
                    work.append(target)
                elif new_spont & ~spont[target] or (new_prop and not prop[target]):
                    spont[target] |= new_spont
                    prop[target] = prop[target] or new_prop
                    work.append(target)
        result = [(pid, spont[c], prop[c]) for c in sorted(spont) for pid in self.productions_of[c]]
        self.templates[nonterminal] = result
        return result

    def closure(self, kernel: dict[int, int]) -> dict[int, int]:
        items = dict(kernel)
        productions, rest, is_terminal = self.productions, self.rest, self.is_terminal
        for core, lookahead in kernel.items():
            pid, dot = core >> DOT_BITS, core & DOT_MASK
            steps = productions[pid].steps
            if dot >= len(steps) or is_terminal[steps[dot].symbol]:
                continue
            first, nullable = rest[pid][dot]
            follow = first | (lookahead if nullable else 0)
            for qid, spont, prop in self.template(steps[dot].symbol):
                c = qid << DOT_BITS
                items[c] = items.get(c, 0) | spont | (follow if prop else 0)
        return items


def _weakly_compatible(a: dict[int, int], b: dict[int, int]) -> bool:
    """Pager's weak compatibility: merging cannot create a new reduce/reduce conflict."""
    cores = sorted(a)
    for i, x in enumerate(cores):
        for y in cores[i + 1 :]:
            if (a[x] & b[y]) | (a[y] & b[x]) and not ((a[x] & a[y]) | (b[x] & b[y])):
                return False
    return True


# An item's lookahead in every state of a core: (item, terminal bits it always has,
# indexes of the kernel items whose lookaheads it also takes).
Formula = tuple[int, int, tuple[int, ...]]


@dataclass
class _CorePlan:
    """What every state with this kernel core (in this item order) shares."""

    items: tuple[int, ...]  # the closure's items
    closure: list[Formula]
    completed: list[Formula]  # items with the dot at the end: the reduces
    successors: list[tuple[int, dict[int, int], list[Formula]]]  # by symbol, in order
    verdicts: dict[tuple[int, tuple[int, ...]], _Verdict] = field(default_factory=dict)

    @classmethod
    def of(cls, builder: TableBuilder, order: tuple[int, ...]) -> _CorePlan:
        """One closure whose lookaheads are marker bits, one per kernel item, above the
        terminals: each item's lookahead then reads as a formula over the kernel's."""
        offset = builder.marker_offset
        terminals = (1 << offset) - 1
        marked = {core: 1 << (offset + index) for index, core in enumerate(order)}
        closure = [
            (core, lookahead & terminals, _bit_indexes(lookahead >> offset))
            for core, lookahead in builder.analysis.closure(marked).items()
        ]
        completed, by_symbol = [], {}
        for formula in closure:
            core, spontaneous, sources = formula
            steps = builder.productions[core >> DOT_BITS].steps
            if core & DOT_MASK == len(steps):
                completed.append(formula)
                continue
            template, fed = by_symbol.setdefault(steps[core & DOT_MASK].symbol, ({}, []))
            template[core + 1] = spontaneous
            if sources:
                fed.append((core + 1, spontaneous, sources))
        successors = [(symbol, *by_symbol[symbol]) for symbol in sorted(by_symbol)]
        return cls(tuple(f[0] for f in closure), closure, completed, successors)


@dataclass(frozen=True)
class _Verdict:
    kind: str  # accept, reduce, repeat, shift, or declared (only a declared conflict keeps both)
    reduces: tuple[Action, ...]
    reduce_cores: list[int]
    shift_cores: list[int]


def _bit_indexes(value: int) -> tuple[int, ...]:
    indexes = []
    while value:
        low = value & -value
        indexes.append(low.bit_length() - 1)
        value ^= low
    return tuple(indexes)


class TableBuilder:
    def __init__(
        self,
        grammar: PreparedGrammar,
        merge_states: bool = True,
        state_budget: int = 1 << 30,
    ):
        self.grammar = grammar
        self.merge_states = merge_states
        self.augmented = len(grammar.productions)
        self.productions = list(grammar.productions) + [
            Production(lhs=-1, steps=(Step(symbol=grammar.start),))
        ]
        self.analysis = _Analysis(grammar, self.productions)
        self.kernels: list[dict[int, int]] = []
        self.transitions: list[dict[int, int]] = []
        self.by_core: dict[frozenset[int], list[int]] = {}
        self.access: list[tuple[int, ...]] = []
        self._shifts_by_core: dict[frozenset[int], int] = {}
        self.by_kernel: dict[frozenset[tuple[int, int]], int] = {}
        self.state_budget = state_budget
        self._plans: dict[tuple[int, ...], _CorePlan] = {}
        self._external_mask = 0
        for token in grammar.external_tokens:
            self._external_mask |= 1 << token
        # The lookahead that ends a non-terminal extra (tree-sitter's end_of_nonterminal_extra):
        # a terminal bit after the grammar's symbols, rendered as `end` in the tables.
        self.end_of_extra = len(grammar.symbols)
        self._end_of_extra_bit = 1 << self.end_of_extra
        self.marker_offset = len(grammar.symbols) + 1
        self.roots: list[int] = []  # per state: the state its access path starts from
        self.extra_entries: dict[int, int] = {}  # first terminal of an extra -> entry state

    # -- automaton ----------------------------------------------------------------------

    def closure(self, kernel: dict[int, int]) -> dict[int, int]:
        """The kernel's closure. States of one core share its items and differ only in
        lookaheads, so the closure is worked out once per core (`_plan`) and each state
        just ORs in its kernel's lookaheads: canonical LR(1) has many states per core."""
        lookaheads = list(kernel.values())
        result = {}
        for core, spontaneous, sources in self._plan(tuple(kernel)).closure:
            for index in sources:
                spontaneous |= lookaheads[index]
            result[core] = spontaneous
        return result

    def _successors(self, kernel: dict[int, int]):
        """The kernels reached from a state, by symbol in order. Items whose lookaheads
        are the same in every state of the core come from a template copied per state;
        only those fed by the kernel's lookaheads are computed."""
        lookaheads = list(kernel.values())
        for symbol, template, fed in self._plan(tuple(kernel)).successors:
            successor = template.copy()
            for core, spontaneous, sources in fed:
                for index in sources:
                    spontaneous |= lookaheads[index]
                successor[core] = spontaneous
            yield symbol, successor

    def _plan(self, order: tuple[int, ...]) -> _CorePlan:
        plan = self._plans.get(order)
        if plan is None:
            plan = self._plans[order] = _CorePlan.of(self, order)
        return plan

    def build_automaton(self) -> None:
        start_kernel = {self.augmented << DOT_BITS: 1}  # lookahead: end (terminal 0)
        self._add_state(start_kernel, (), 0)
        queue = [0]
        for terminal, kernel in self._extra_entry_kernels():
            sid, _ = self._add_state(kernel, (terminal,), len(self.kernels))
            self.extra_entries[terminal] = sid
            queue.append(sid)
        queued = set(queue)
        while queue:
            sid = queue.pop(0)
            queued.discard(sid)
            transitions = {}
            for symbol, kernel in self._successors(self.kernels[sid]):
                target, changed = self._add_state(
                    kernel, self.access[sid] + (symbol,), self.roots[sid]
                )
                transitions[symbol] = target
                if changed and target not in queued:
                    queue.append(target)
                    queued.add(target)
            self.transitions[sid] = transitions

    def _extra_entry_kernels(self) -> list[tuple[int, dict[int, int]]]:
        """As tree-sitter's build_parse_table.rs: for each terminal that starts a production
        of a non-terminal extra, a state whose items are those productions past that
        terminal, with the lookahead that ends an extra."""
        by_terminal: dict[int, dict[int, int]] = {}
        for extra in self.grammar.extra_nonterminals:
            name = self.grammar.symbols[extra].name
            for pid in self.grammar.productions_of[extra]:
                steps = self.productions[pid].steps
                if not steps:
                    raise GrammarError("a non-terminal extra must not match the empty string", name)
                first = steps[0].symbol
                if not self.grammar.symbols[first].terminal:
                    raise GrammarError(
                        f"the non-terminal rule `{self.grammar.symbols[first].name}` is used in "
                        "a non-terminal `extra` rule, which is not allowed (it must start with "
                        "a token)",
                        name,
                    )
                by_terminal.setdefault(first, {})[(pid << DOT_BITS) | 1] = self._end_of_extra_bit
        return [(t, dict(sorted(kernel.items()))) for t, kernel in sorted(by_terminal.items())]

    def _add_state(
        self, kernel: dict[int, int], access: tuple[int, ...], root: int
    ) -> tuple[int, bool]:
        key = frozenset(kernel)
        if not self.merge_states:
            return self._add_canonical_state(kernel, key, access, root)
        ends_extra = self._end_of_extra_bit
        for sid in self.by_core.get(key, ()):
            existing = self.kernels[sid]
            if any((existing[core] ^ kernel[core]) & ends_extra for core in kernel):
                continue  # a state inside a non-terminal extra keeps to itself
            # A kernel within the state's lookaheads is always weakly compatible with it
            # (the quadratic check is most of the time on grammars with big kernels, Make's)
            within = all(not lookahead & ~existing[core] for core, lookahead in kernel.items())
            if not (
                (within or _weakly_compatible(existing, kernel))
                and self._keeps_resolutions(existing, kernel)
            ):
                continue
            changed = False
            for core, lookahead in kernel.items():
                if lookahead & ~existing[core]:
                    existing[core] |= lookahead
                    changed = True
            return sid, changed
        sid = len(self.kernels)
        self.kernels.append(dict(kernel))
        self.transitions.append({})
        self.access.append(access)
        self.roots.append(root)
        self.by_core.setdefault(key, []).append(sid)
        return sid, True

    def _add_canonical_state(
        self, kernel: dict[int, int], key: frozenset[int], access: tuple[int, ...], root: int
    ) -> tuple[int, bool]:
        full = frozenset(kernel.items())
        sid = self.by_kernel.get(full)
        if sid is not None:
            return sid, False
        if len(self.kernels) >= self.state_budget:
            raise StateBudgetExceeded(self.state_budget)
        sid = len(self.kernels)
        self.kernels.append(dict(kernel))
        self.transitions.append({})
        self.access.append(access)
        self.roots.append(root)
        self.by_kernel[full] = sid
        return sid, True

    def _keeps_resolutions(self, existing: dict[int, int], kernel: dict[int, int]) -> bool:
        """Merging must not give a completed item a lookahead the state also shifts: that
        would add a shift/reduce conflict whose precedence resolution could then remove the
        shift for every merged context (tree-sitter keeps such contexts apart)."""
        if existing == kernel:
            return True
        order = tuple(existing)
        plan = self._plan(order)
        # Also refuse a merge that changes which external tokens (or internal tokens with an
        # external counterpart) are valid: the scanner sees that set (tree-sitter's
        # minimize_parse_table.rs never adds such a token to a state).
        mask = self._shift_terminals(frozenset(existing), plan.items) | self._external_mask
        for _, _, sources in plan.completed if mask else ():
            mine = theirs = 0
            for index in sources:
                mine |= existing[order[index]]
                theirs |= kernel[order[index]]
            if (mine ^ theirs) & mask:
                return False
        return True

    def _shift_terminals(self, key: frozenset[int], closure: dict[int, int]) -> int:
        cached = self._shifts_by_core.get(key)
        if cached is None:
            cached = 0
            is_terminal = self.analysis.is_terminal
            for core in closure:
                steps = self.productions[core >> DOT_BITS].steps
                dot = core & DOT_MASK
                if dot < len(steps) and is_terminal[steps[dot].symbol]:
                    cached |= 1 << steps[dot].symbol
            self._shifts_by_core[key] = cached
        return cached

    def reachable_order(self) -> list[int]:
        order = [0, *self.extra_entries.values()]
        seen = set(order)
        for sid in order:
            for target in self.transitions[sid].values():
                if target not in seen:
                    seen.add(target)
                    order.append(target)
        return order

    # -- actions ------------------------------------------------------------------------

    def build(self) -> ParseTable:
        self.build_automaton()
        order = self.reachable_order()
        renumber = {old: new + 1 for new, old in enumerate(order)}  # state 0: error state
        states = [self._error_state(renumber)]
        errors: list[str] = []
        for old in order:
            states.append(self._state_actions(old, renumber, errors))
        if errors:
            raise GrammarError("\n\n".join(errors[:5]) + _more(len(errors)))
        return ParseTable(states=states, productions=self.productions)

    def _error_state(self, renumber: dict[int, int]) -> ParseState:
        """RECOVER on every terminal, except the extras: as in every state, tokens that
        are extras are shifted as extras and the first tokens of non-terminal extras
        start them (tree-sitter adds these before populate_error_state's RECOVERs)."""
        state = ParseState(extra_gotos=frozenset(self.grammar.extra_nonterminals))
        for symbol, info in enumerate(self.grammar.symbols):
            if info.terminal:
                state.actions[symbol] = [Action(RECOVER)]
        for terminal, entry in self.extra_entries.items():
            state.actions[terminal] = [Action(SHIFT, state=renumber[entry])]
        for symbol in self.grammar.extra_tokens:
            if symbol not in self.extra_entries:
                state.actions[symbol] = [Action(SHIFT, extra=True)]
        return state

    def _state_actions(self, sid: int, renumber: dict[int, int], errors: list[str]) -> ParseState:
        kernel = self.kernels[sid]
        plan = self._plan(tuple(kernel))
        closure = plan.items  # the closure's items (conflicts need no lookaheads)
        state = ParseState(core=frozenset(kernel))
        is_terminal = self.analysis.is_terminal
        reduces: dict[int, list[int]] = {}
        lookaheads = list(kernel.values())
        for core, lookahead, sources in plan.completed:
            for index in sources:
                lookahead |= lookaheads[index]
            for terminal in _iter_bits(lookahead):
                reduces.setdefault(terminal, []).append(core)
        for symbol, target in self.transitions[sid].items():
            if is_terminal[symbol]:
                state.actions[symbol] = [Action(SHIFT, state=renumber[target])]
            else:
                state.gotos[symbol] = renumber[target]
        for terminal, cores in sorted(reduces.items()):
            key = (terminal, tuple(cores))
            verdict = plan.verdicts.get(key)
            if verdict is None:
                verdict = plan.verdicts[key] = self._verdict(terminal, cores, state, closure)
            self._apply(verdict, sid, state, terminal, closure, errors)
        if self.end_of_extra in state.actions:
            # tree-sitter: a state that ends a non-terminal extra must do nothing else
            # ("Extra rules must have unambiguous endings"); it gets no extras either
            if len(state.actions) > 1:
                rules = sorted(
                    {
                        self.grammar.symbols[self.productions[c >> DOT_BITS].lhs].name
                        for c in closure
                        if c & DOT_MASK and c >> DOT_BITS != self.augmented
                    }
                )
                errors.append(
                    "Extra rules must have unambiguous endings. Conflicting rules: "
                    + ", ".join(rules)
                )
            state.actions = {0: state.actions.pop(self.end_of_extra)}
            state.end_of_extra = True
            state.reserved = None
            return state
        for terminal, entry in self.extra_entries.items():
            state.actions.setdefault(terminal, [Action(SHIFT, state=renumber[entry])])
        for extra in self.grammar.extra_tokens:
            state.actions.setdefault(extra, [Action(SHIFT, extra=True)])
        if self.grammar.extra_nonterminals:
            # tree-sitter's ShiftExtra goto replaces an ordinary goto on the same rule
            state.extra_gotos = frozenset(self.grammar.extra_nonterminals)
            for extra in state.extra_gotos:
                state.gotos.pop(extra, None)
        state.reserved = self._reserved_set(closure)
        return state

    def _verdict(self, terminal, cores, state, closure) -> _Verdict:
        """How a terminal's reduce items and shift resolve. It depends only on the core
        (its items, and whether it shifts the terminal), so it is worked out once per core
        and terminal; declared conflicts are checked per state (`_apply`)."""
        # tree-sitter orders a state's items (so an entry's REDUCE actions) by step index,
        # then by the rule's symbol
        reduce_cores = sorted(
            cores,
            key=lambda c: (c & DOT_MASK, self.productions[c >> DOT_BITS].lhs, c >> DOT_BITS),
        )
        if any(core >> DOT_BITS == self.augmented for core in reduce_cores):
            return _Verdict("accept", (), [], [])
        reduce_cores = self._best_reduces(reduce_cores)
        reduces = tuple(Action(REDUCE, production=c >> DOT_BITS) for c in reduce_cores)
        if terminal not in state.actions:
            kind = "reduce" if len(reduce_cores) == 1 else "declared"
            return _Verdict(kind, reduces, reduce_cores, [])
        shift_cores = self._shift_items(terminal, closure)
        lhs = {self.productions[c >> DOT_BITS].lhs for c in list(reduce_cores) + shift_cores}
        if len(lhs) == 1 and self.grammar.symbols[lhs.pop()].auxiliary:
            # tree-sitter (handle_conflict): every conflicting item belongs to one auxiliary
            # rule: the intended ambiguity of a repeat, kept as REDUCE + SHIFT_REPEAT, also
            # when the reduced production is not `aux -> aux aux` (`repeat(seq(x, optional(';')))`)
            return _Verdict("repeat", reduces, reduce_cores, shift_cores)
        kind = self._compare(reduce_cores, shift_cores) or "declared"
        return _Verdict(kind, reduces, reduce_cores, shift_cores)

    def _apply(self, verdict: _Verdict, sid, state, terminal, closure, errors) -> None:
        shift = state.actions.get(terminal, [])
        if verdict.kind == "accept":
            state.actions[terminal] = [Action(ACCEPT)]
        elif verdict.kind == "reduce":
            state.actions[terminal] = list(verdict.reduces)
        elif verdict.kind == "repeat":
            repeat = Action(SHIFT, state=shift[0].state, repetition=True)
            state.actions[terminal] = [*verdict.reduces, repeat]
        elif verdict.kind == "declared":
            if self._expected(verdict.reduce_cores, verdict.shift_cores, sid):
                state.actions[terminal] = [*verdict.reduces, *shift]
            else:
                errors.append(
                    self._describe(
                        sid, terminal, verdict.reduce_cores, verdict.shift_cores, closure
                    )
                )
        # "shift": the shift stays alone

    def _best_reduces(self, cores: list[int]) -> list[int]:
        """Among reduce items, keep those whose production has the highest precedence.

        As tree-sitter's add_actions: each reduction in turn is compared with the last one
        kept (its precedence) and the rules of all kept so far; a higher one replaces them,
        an equal one joins them, a lower one is dropped."""
        if len(cores) < 2:
            return cores
        best = [cores[0]]
        for core in cores[1:]:
            order = self.grammar.compare_precedence(
                self._reduce_prec(core),
                self._reduce_prec(best[-1]),
                (self.productions[core >> DOT_BITS].lhs,),
                tuple({self.productions[b >> DOT_BITS].lhs for b in best}),
            )
            if order == 1:
                best = [core]
            elif order in (0, None):
                best.append(core)
        return best

    def _reduce_prec(self, core: int):
        production = self.productions[core >> DOT_BITS]
        return production.precedence_at(len(production.steps))

    def _shift_items(self, terminal: int, closure: dict[int, int]) -> list[int]:
        """Items past their first step whose next symbol can start with the terminal."""
        first = self.analysis.first
        result = []
        for core in closure:
            pid, dot = core >> DOT_BITS, core & DOT_MASK
            steps = self.productions[pid].steps
            if 0 < dot < len(steps) and first[steps[dot].symbol] >> terminal & 1:
                result.append(core)
        return result

    def _compare(self, reduce_cores: list[int], shift_cores: list[int]) -> str | None:
        """tree-sitter's handle_conflict: each shift item's precedence (that of the step
        before its dot), with its rule, against the kept reductions' precedence (the last
        one's) and rules; then the reductions' associativity when no shift item is
        higher or lower."""
        more = less = False
        reduce_symbols = tuple({self.productions[r >> DOT_BITS].lhs for r in reduce_cores})
        reduce_prec = self._reduce_prec(reduce_cores[-1])
        for s in shift_cores:
            production = self.productions[s >> DOT_BITS]
            order = self.grammar.compare_precedence(
                production.precedence_at(s & DOT_MASK),
                reduce_prec,
                (production.lhs,),
                reduce_symbols,
            )
            if order == 1:
                more = True
            elif order == -1:
                less = True
        if more and not less:
            return "shift"
        if less and not more:
            return "reduce"
        if more and less:
            return None
        associativity = set()
        for r in reduce_cores:
            production = self.productions[r >> DOT_BITS]
            associativity.add(production.associativity_at(len(production.steps)))
        if associativity == {"left"}:
            return "reduce"
        if associativity == {"right"}:
            return "shift"
        return None

    def _aux_parents(self, sid: int) -> dict[int, set[int]]:
        """As tree-sitter: for each auxiliary (repeat) symbol, the non-auxiliary rules whose
        items expect it, in the last state on the access path (this state included) where
        some item expects it."""
        symbols = self.grammar.symbols
        result: dict[int, set[int]] = {}
        state = self.roots[sid]
        path = [state]
        for symbol in self.access[sid][1 if state else 0 :]:
            state = self.transitions[state][symbol]
            path.append(state)
        for state in path:
            found: dict[int, set[int]] = {}
            for core in self._plan(tuple(self.kernels[state])).items:
                pid, dot = core >> DOT_BITS, core & DOT_MASK
                production = self.productions[pid]
                if dot < len(production.steps):
                    nxt = production.steps[dot].symbol
                    if not symbols[nxt].terminal and symbols[nxt].auxiliary:
                        parents = found.setdefault(nxt, set())
                        if production.lhs >= 0 and not symbols[production.lhs].auxiliary:
                            parents.add(production.lhs)
            result.update(found)
        return result

    def _conflict_symbols(self, cores, sid: int | None = None) -> frozenset[int]:
        names = set()
        parents = self._aux_parents(sid) if sid is not None else {}
        for core in cores:
            lhs = self.productions[core >> DOT_BITS].lhs
            info = self.grammar.symbols[lhs]
            if info.auxiliary and lhs in parents:
                names.update(parents[lhs])
                continue
            if info.auxiliary and info.origin:
                lhs = self._symbol_named(info.origin, lhs)
            names.add(lhs)
        return frozenset(names)

    def _symbol_named(self, name: str, default: int) -> int:
        for index, info in enumerate(self.grammar.symbols):
            if info.name == name and not info.terminal:
                return index
        return default

    def _expected(self, reduce_cores, shift_cores, sid=None) -> bool:
        involved = self._conflict_symbols(list(reduce_cores) + list(shift_cores), sid)
        return any(involved <= declared for declared in self.grammar.conflicts)

    def _reserved_set(self, closure: dict[int, int]) -> str | None:
        word = self.grammar.word
        if word is None or not self.grammar.reserved_sets:
            return None
        for core in closure:
            pid, dot = core >> DOT_BITS, core & DOT_MASK
            steps = self.productions[pid].steps
            if dot < len(steps) and steps[dot].symbol == word and steps[dot].reserved:
                return steps[dot].reserved
        return next(iter(self.grammar.reserved_sets))

    # -- reporting ----------------------------------------------------------------------

    def _name(self, symbol: int) -> str:
        if symbol == self.end_of_extra:
            return "EOF"
        info = self.grammar.symbols[symbol]
        return info.name if info.named else f"'{info.name}'"

    def _describe(self, sid, terminal, reduce_cores, shift_cores, closure) -> str:
        sequence = [self._name(s) for s in self.access[sid]]
        lookahead = self._name(terminal)
        lines = ["Unresolved conflict for symbol sequence:", ""]
        lines.append("  " + "  ".join(sequence + ["•", lookahead, "…"]))
        lines += ["", "Possible interpretations:", ""]
        involved = []
        for n, core in enumerate(list(reduce_cores) + list(shift_cores), 1):
            production = self.productions[core >> DOT_BITS]
            dot = core & DOT_MASK
            lhs = self._name(production.lhs)
            involved.append(lhs)
            before = sequence[: len(sequence) - dot]
            steps = [self._name(s.symbol) for s in production.steps]
            prec = production.precedence_at(dot)
            suffix = f"  (precedence: {prec})" if prec is not None else ""
            if dot == len(production.steps):
                text = before + [f"({lhs}  " + "  ".join(steps) + ")", "•", lookahead, "…"]
            else:
                inner = steps[:dot] + ["•"] + steps[dot:]
                text = before + [f"({lhs}  " + "  ".join(inner) + ")"]
            lines.append(f"  {n}:  " + "  ".join(text) + suffix)
        rules = ", ".join(f"`{name}`" for name in sorted(set(involved)))
        lines += ["", "Possible resolutions:", ""]
        if len(set(involved)) == 1:
            lines.append(f"  1:  Specify a higher precedence in {rules} than in the other rules.")
        else:
            lines.append(f"  1:  Specify a higher precedence in one of {rules} than in the others.")
        if shift_cores:
            lines.append(f"  2:  Specify a left or right associativity in {rules}")
        lines.append(f"  {3 if shift_cores else 2}:  Add a conflict for these rules: {rules}")
        return "\n".join(lines)


def _more(count: int) -> str:
    return f"\n\n(and {count - 5} more conflicts)" if count > 5 else ""


class StateBudgetExceeded(Exception):
    """The canonical automaton would be larger than we are willing to build."""


# Canonical LR(1) is tried first; above this many states (grammars whose statement contexts
# multiply, like VBA's) states are merged during construction instead.
CANONICAL_STATE_BUDGET = 100_000


def build_parse_table(grammar: PreparedGrammar, merge_states: bool = True) -> ParseTable:
    return TableBuilder(grammar, merge_states).build()


def build_canonical_table(grammar: PreparedGrammar, budget: int = CANONICAL_STATE_BUDGET):
    """The canonical LR(1) table, or None when it would exceed the state budget."""
    try:
        return TableBuilder(grammar, merge_states=False, state_budget=budget).build()
    except StateBudgetExceeded:
        return None
