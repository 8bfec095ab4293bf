"""Lexer tables: token NFAs, context-aware DFAs with merged lex states, keyword extraction.

Each parse state lexes only the tokens valid in it. Token sets that cannot change each
other's results are merged into one lex mode, so the lexer stays small. Tokens the `word`
token also matches (keywords) go to a separate keyword lexer, as the runtime expects.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from functools import cache

from .model import GrammarError, PreparedGrammar
from .regex import RegexError, parse_pattern, string_to_rule

MAX_CHAR = 0x10FFFF
END_OF_INPUT_STATE = 0  # main-lexer state that accepts the end of input
DECODE_ERROR = -1  # the runtime's lookahead for bytes that are not valid UTF-8


@dataclass
class _Nfa:
    moves: list[list[tuple[tuple[tuple[int, int], ...], int]]] = field(default_factory=list)
    eps: list[list[int]] = field(default_factory=list)
    accept: list[int | None] = field(default_factory=list)  # terminal symbol accepted here
    owner: list[int | None] = field(default_factory=list)  # terminal a state belongs to
    separator: list[bool] = field(default_factory=list)

    def new(self, owner: int | None, separator: bool = False) -> int:
        self.moves.append([])
        self.eps.append([])
        self.accept.append(None)
        self.owner.append(owner)
        self.separator.append(separator)
        return len(self.moves) - 1


@dataclass
class LexState:
    accept: int | None  # terminal symbol
    transitions: list[tuple[tuple[tuple[int, int], ...], int, bool]]  # ranges, target, skip
    eof_target: int | None = None


@dataclass
class LexTables:
    states: list[LexState]  # main lexer
    keyword_states: list[LexState]  # keyword lexer (empty without `word`)
    lex_state_of: list[int]  # parse state -> main lexer start state
    keywords: set[int]


class _Builder:
    def __init__(self, grammar: PreparedGrammar):
        self.grammar = grammar
        self.nfa = _Nfa()
        self.token_start: dict[int, int] = {}
        self.token_end: dict[int, int] = {}
        self.precedence = {s: t.precedence for s, t in grammar.tokens.items()}
        for symbol, token in grammar.tokens.items():
            self.token_start[symbol], self.token_end[symbol] = self._token_nfa(symbol, token)
            self.nfa.accept[self.token_end[symbol]] = symbol
        self.separator_starts: list[int] = []
        self.separator_ends: list[int] = []
        for rule in grammar.separators:
            start, end = self._build(self._lexical(rule, "extras"), None, True)
            self.separator_starts.append(start)
            self.separator_ends.append(end)

    # -- NFA ----------------------------------------------------------------------------

    def _lexical(self, rule: dict, where: str) -> dict:
        """Resolve STRING/PATTERN leaves to CHARSET trees."""
        kind = rule["type"]
        try:
            if kind == "STRING":
                return _keep_nul(string_to_rule(rule["value"]))
            if kind == "PATTERN":
                return parse_pattern(rule["value"], rule.get("flags", ""))
        except RegexError as error:
            raise GrammarError(str(error), where) from error
        if kind in ("SEQ", "CHOICE"):
            return {"type": kind, "members": [self._lexical(m, where) for m in rule["members"]]}
        if kind in ("REPEAT", "REPEAT1"):
            return {"type": kind, "content": self._lexical(rule["content"], where)}
        if kind in ("PREC", "PREC_LEFT", "PREC_RIGHT", "PREC_DYNAMIC", "TOKEN", "IMMEDIATE_TOKEN"):
            return self._lexical(rule["content"], where)
        if kind in ("BLANK", "CHARSET"):
            return rule
        if kind in ("FIELD", "ALIAS"):
            return self._lexical(rule["content"], where)
        raise GrammarError(f"{kind} cannot appear inside a token", where)

    def _token_nfa(self, symbol: int, token) -> tuple[int, int]:
        info = self.grammar.symbols[symbol]
        return self._build(self._lexical(token.rule, info.origin or info.name), symbol, False)

    def _build(self, rule: dict, owner: int | None, separator: bool) -> tuple[int, int]:
        nfa = self.nfa
        kind = rule["type"]
        if kind == "CHARSET":
            start, end = nfa.new(owner, separator), nfa.new(owner, separator)
            ranges = tuple(rule["ranges"])
            if not rule.get("keep_nul"):
                ranges = tuple((lo, hi) for lo, hi in ranges if hi >= 1)
                ranges = tuple((max(lo, 1), hi) for lo, hi in ranges)
            if ranges and ranges[-1][1] >= MAX_CHAR:
                # A complemented set also takes the runtime's lookahead for an undecodable
                # byte (-1), as the official generator's negated conditions do.
                ranges = ((DECODE_ERROR, DECODE_ERROR), *ranges)
            if ranges:
                nfa.moves[start].append((ranges, end))
            return start, end
        if kind == "BLANK":
            start = nfa.new(owner, separator)
            return start, start
        if kind == "SEQ":
            start, end = self._build(rule["members"][0], owner, separator)
            for member in rule["members"][1:]:
                s, e = self._build(member, owner, separator)
                nfa.eps[end].append(s)
                end = e
            return start, end
        if kind == "CHOICE":
            start, end = nfa.new(owner, separator), nfa.new(owner, separator)
            for member in rule["members"]:
                s, e = self._build(member, owner, separator)
                nfa.eps[start].append(s)
                nfa.eps[e].append(end)
            return start, end
        if kind in ("REPEAT", "REPEAT1"):
            start, end = nfa.new(owner, separator), nfa.new(owner, separator)
            s, e = self._build(rule["content"], owner, separator)
            nfa.eps[start].append(s)
            nfa.eps[e] += [s, end]
            if kind == "REPEAT":
                nfa.eps[start].append(end)
            return start, end
        raise AssertionError(kind)

    def _closure(self, states) -> frozenset[int]:
        seen = set(states)
        stack = list(states)
        eps = self.nfa.eps
        while stack:
            for target in eps[stack.pop()]:
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return frozenset(seen)

    # -- token preference and conflicts -------------------------------------------------

    def prefer(self, a: int, b: int) -> bool:
        """Does token `a` win over token `b` when both match the same text?"""
        pa, pb = self.precedence[a], self.precedence[b]
        if pa != pb:
            return pa > pb
        # tree-sitter's implicit precedence (expand_tokens.rs get_implicit_precedence):
        # 2 for a string, +1 for token.immediate (is_main_token)
        ta, tb = self.grammar.tokens[a], self.grammar.tokens[b]
        ia = 2 * ta.is_string + ta.immediate
        ib = 2 * tb.is_string + tb.immediate
        if ia != ib:
            return ia > ib
        return a < b

    def _winner(self, states: frozenset[int]) -> int | None:
        best = None
        for state in states:
            symbol = self.nfa.accept[state]
            if symbol is not None and (best is None or self.prefer(symbol, best)):
                best = symbol
        return best

    def _step(self, states: frozenset[int]) -> list[tuple[tuple[tuple[int, int], ...], frozenset]]:
        """Disjoint character ranges leaving a set of NFA states, with their targets.

        A sweep over range boundaries keeps the active targets as counts, so classes with
        hundreds of Unicode ranges cost n log n rather than n squared."""
        events: dict[int, list[tuple[int, int]]] = {}
        for state in states:
            for ranges, target in self.nfa.moves[state]:
                for lo, hi in ranges:
                    events.setdefault(lo, []).append((target, 1))
                    events.setdefault(hi + 1, []).append((target, -1))
        if not events:
            return []
        active: dict[int, int] = {}
        pieces: dict[frozenset, list[tuple[int, int]]] = {}
        points = sorted(events)
        for point, following in zip(points, points[1:], strict=False):
            for target, delta in events[point]:
                count = active.get(target, 0) + delta
                if count:
                    active[target] = count
                else:
                    active.pop(target, None)
            if active:
                pieces.setdefault(frozenset(active), []).append((point, following - 1))
        return [(tuple(_merge(r)), self._closure(t)) for t, r in pieces.items()]

    @cache  # noqa: B019
    def matches_empty(self, token: int) -> bool:
        """Can the token match the empty string (Lua's `[^\\r\\n]*` after `--`)?"""
        return self.token_end[token] in self._closure((self.token_start[token],))

    @cache  # noqa: B019 - one builder per generation
    def conflicts(self, i: int, j: int) -> bool:
        """Would also lexing token j change what the lexer returns where token i is valid?"""
        if i != j and self.matches_empty(j):
            # j is complete before the first character: the lexer then takes no separator
            # and no transition that cannot continue j (tree-sitter's prefer_transition),
            # so where i follows a separator it would return an empty j instead
            if self.separator_starts:
                return True
            if self.matches_empty(i) and self.prefer(j, i):
                return True
        start = (self._closure((self.token_start[i],)), self._closure((self.token_start[j],)))
        seen = {(start, False)}
        queue = deque([(start[0], start[1], False, 0)])
        while queue:
            si, sj, i_done, depth = queue.popleft()
            if depth > 0:
                j_here = any(self.nfa.accept[s] == j for s in sj)
                i_here = any(self.nfa.accept[s] == i for s in si)
                if j_here and (i_done or (i_here and self.prefer(j, i))):
                    return True
                if i_here and self.precedence[i] > self.precedence[j]:
                    continue
                i_done = i_done or i_here
            for ranges_j, tj in self._step(sj):
                ti = frozenset()
                for ranges_i, candidate in self._step(si):
                    if _overlaps(ranges_i, ranges_j):
                        ti = ti | candidate
                if not ti and not i_done:
                    continue
                key = ((ti, tj), i_done)
                if key not in seen and depth < 64:
                    seen.add(key)
                    queue.append((ti, tj, i_done, depth + 1))
        return False

    @cache  # noqa: B019
    def eats_separators(self, token: int) -> bool:
        """Can the token match text that separators could also be skipping (a pattern
        like `[^x]` matching a newline)? Tree-sitter counts such a token as taking text
        from every token that separators may precede."""
        if not self.separator_starts:
            return False
        restart = self._closure(tuple(self.separator_starts))
        ends = set(self.separator_ends)
        start = (self._closure((self.token_start[token],)), restart)
        seen = {start}
        queue = deque([start])
        while queue:
            st, ss = queue.popleft()
            steps_s = self._step(ss)
            for ranges_t, tt in self._step(st):
                ts = frozenset()
                for ranges_s, candidate in steps_s:
                    if _overlaps(ranges_s, ranges_t):
                        ts = ts | candidate
                if not ts:
                    continue
                if ts & ends:
                    ts = ts | restart
                if any(self.nfa.accept[x] == token for x in tt):
                    return True
                if (tt, ts) not in seen and len(seen) < 5000:
                    seen.add((tt, ts))
                    queue.append((tt, ts))
        return False

    def first_chars(self, token: int) -> list[tuple[int, int]]:
        start = self._closure((self.token_start[token],))
        return [r for ranges, _ in self._step(start) for r in ranges]

    @cache  # noqa: B019 - one builder per generation
    def conflict_status(self, i: int, j: int, follow_i: tuple = ()) -> tuple[bool, bool]:
        """How token j can take text from token i, as tree-sitter's token conflict map
        sees it: (j matches a string i also matches and wins it, j goes on after a
        string i completes, on a character that can follow i: `follow_i`, ranges)."""
        start = (self._closure((self.token_start[i],)), self._closure((self.token_start[j],)))
        seen = {start}
        queue = deque([start])
        same = longer = False
        depth = 0
        while queue and not (same and longer):
            si, sj = queue.popleft()
            i_here = depth and any(self.nfa.accept[s] == i for s in si)
            j_here = depth and any(self.nfa.accept[s] == j for s in sj)
            if i_here and j_here and self.prefer(j, i):
                same = True
            i_completed = i_here and not (j_here and self.prefer(j, i))
            steps_i = self._step(si)
            for ranges_j, tj in self._step(sj):
                ti = frozenset()
                for ranges_i, candidate in steps_i:
                    if _overlaps(ranges_i, ranges_j):
                        ti = ti | candidate
                if not ti:
                    if (
                        i_completed
                        and self.precedence[j] >= self.precedence[i]
                        and _overlaps(ranges_j, follow_i)
                    ):
                        longer = True
                    continue
                if (ti, tj) not in seen and len(seen) < 20000:
                    seen.add((ti, tj))
                    queue.append((ti, tj))
            depth = 1
        return same, longer

    @cache  # noqa: B019
    def matches_separator(self, token: int) -> bool:
        """Can the token start with a character that a separator (extra) also starts with?"""
        seps = [
            r for start in self.separator_starts for r, _ in self._step(self._closure((start,)))
        ]
        mine = [r for r, _ in self._step(self._closure((self.token_start[token],)))]
        return any(_overlaps(a, b) for a in mine for b in seps)

    def starts_with_letter(self, token: int) -> bool:
        """Can the token only begin with a letter or `_`? Only such tokens become keywords
        (tree-sitter's `all_chars_are_alphabetical`, which looks at the first character):
        `-include`, `%` or `//`, even when the word pattern matches them, stay ordinary
        tokens, while `Mid$` may be a keyword."""
        first = self._step(self._closure((self.token_start[token],)))
        return all(
            lo >= 0
            and hi <= 0x10FFFF
            and all(chr(c).isalpha() or c == 0x5F for c in range(lo, hi + 1))
            for ranges, _ in first
            for lo, hi in ranges
        )

    def accepts(self, token: int, text: str) -> bool:
        """Does the token's NFA match exactly `text`?"""
        states = self._closure((self.token_start[token],))
        for ch in text:
            c = ord(ch)
            targets = set()
            for state in states:
                for ranges, target in self.nfa.moves[state]:
                    if any(lo <= c <= hi for lo, hi in ranges):
                        targets.add(target)
            if not targets:
                return False
            states = self._closure(targets)
        return self.token_end[token] in states

    def subset_of_word(self, token: int, word: int) -> bool:
        """Does the word token match every string this token matches?"""
        start = (
            self._closure((self.token_start[token],)),
            self._closure((self.token_start[word],)),
        )
        seen = {start}
        queue = deque([start])
        while queue:
            st, sw = queue.popleft()
            if self.token_end[token] in st and self.token_end[word] not in sw:
                return False
            moves_w = self._step(sw)
            for ranges_t, tt in self._step(st):
                for lo, hi in ranges_t:
                    covered = [(r, tw) for r, tw in moves_w if _overlaps(r, ((lo, hi),))]
                    if _covered_length(covered, lo, hi) < hi - lo + 1:
                        return False
                    for _, tw in covered:
                        pair = (tt, tw)
                        if pair not in seen:
                            seen.add(pair)
                            queue.append(pair)
        return True

    # -- DFA ----------------------------------------------------------------------------

    def dfa(self, tokens: set[int], with_separators: bool, eof_token: bool, out: list[LexState]):
        """Append the DFA for a token set to `out`; return its start state index."""
        immediate = {t for t in tokens if self.grammar.tokens[t].immediate}
        starts0 = [self.token_start[t] for t in sorted(tokens)]
        starts1 = [self.token_start[t] for t in sorted(tokens - immediate)]
        restart = None
        if with_separators and self.separator_starts:
            restart = self.nfa.new(None, True)
            self.nfa.eps[restart] = starts1 + self.separator_starts
            for end in self.separator_ends:
                self.nfa.eps[end] = [restart]  # separators restart this DFA's token search
            starts0 = starts0 + self.separator_starts
        first = self._closure(starts0)
        sep_restart = {restart} if restart is not None else set()
        index: dict[frozenset, int] = {}
        base = len(out)
        queue = [first]
        index[first] = base
        out.append(None)  # type: ignore[arg-type]
        while queue:
            states = queue.pop(0)
            winner = self._winner(states)
            live = states
            if winner is not None:
                floor = self.precedence[winner]
                live = frozenset(
                    s
                    for s in states
                    if self.nfa.owner[s] is None or self.precedence[self.nfa.owner[s]] >= floor
                )
            transitions = []
            steps = []
            for ranges, targets in self._step(live):
                consumers = {s for s in live for r, t in self.nfa.moves[s] if _overlaps(r, ranges)}
                steps.append((ranges, targets, all(self.nfa.separator[s] for s in consumers)))
            # tree-sitter asks whether any NFA state leaves through a separator, before
            # transitions on the same characters are grouped (transition_chars)
            has_sep = any(self.nfa.separator[s] and self.nfa.moves[s] for s in states)
            for ranges, targets, skip in steps:
                if winner is not None:
                    # tree-sitter's prefer_transition: once a token is complete, do not go on
                    # through separators into another token of the same precedence
                    owners = {self.nfa.owner[s] for s in targets} - {None}
                    higher = any(self.precedence[o] > floor for o in owners)
                    if not higher and (skip or (has_sep and winner not in owners)):
                        continue
                if targets not in index:
                    index[targets] = len(out)
                    out.append(None)  # type: ignore[arg-type]
                    queue.append(targets)
                transitions.append((ranges, index[targets], skip))
            at_start = states == first or (bool(sep_restart & states) and winner is None)
            eof = None
            if eof_token and at_start:
                eof = END_OF_INPUT_STATE
            out[index[states]] = LexState(winner, sorted(transitions), eof)
        return base


def _keep_nul(rule: dict) -> dict:
    """A NUL written literally in a string token stays matchable (tree-sitter lexes it at EOF)."""
    if rule["type"] == "CHARSET":
        return {**rule, "keep_nul": True}
    if "members" in rule:
        return {**rule, "members": [_keep_nul(m) for m in rule["members"]]}
    if "content" in rule:
        return {**rule, "content": _keep_nul(rule["content"])}
    return rule


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _overlaps(a, b) -> bool:
    return any(lo1 <= hi2 and lo2 <= hi1 for lo1, hi1 in a for lo2, hi2 in b)


def _covered_length(covered, lo: int, hi: int) -> int:
    spans = []
    for ranges, _ in covered:
        for a, b in ranges:
            if a <= hi and lo <= b:
                spans.append((max(a, lo), min(b, hi)))
    return sum(b - a + 1 for a, b in _merge(spans))


def _minimize(states: list[LexState]) -> tuple[list[LexState], list[int]]:
    """Merge states with identical behaviour; returns new states and the old→new map."""
    block = [
        hash((s.accept, s.eof_target is not None, tuple((r, k) for r, _, k in s.transitions)))
        for s in states
    ]
    while True:
        signature = [
            (block[i], tuple((r, block[t], k) for r, t, k in s.transitions), s.eof_target)
            for i, s in enumerate(states)
        ]
        ids: dict = {}
        new_block = [ids.setdefault(sig, len(ids)) for sig in signature]
        if len(ids) == len(set(block)):
            block = new_block
            break
        block = new_block
    mapping, order = {}, []
    for i, b in enumerate(block):
        if b not in mapping:
            mapping[b] = len(order)
            order.append(i)
    result = []
    for i in order:
        s = states[i]
        result.append(
            LexState(
                s.accept,
                [(r, mapping[block[t]], k) for r, t, k in s.transitions],
                s.eof_target,
            )
        )
    return result, [mapping[b] for b in block]


class LexicalAnalysis:
    """Token NFAs, keywords and pairwise conflicts of one grammar, built once and shared by
    state minimisation and lex-table construction."""

    def __init__(self, grammar: PreparedGrammar):
        self.builder = _Builder(grammar)
        self.keywords = _keywords(grammar, self.builder)
        self.externals = set(grammar.external_tokens)
        self.word = grammar.word

    @cache  # noqa: B019 - one analysis per generation
    def adding_conflicts(self, existing: int, added: int) -> bool:
        """Could adding token `added` to a state where `existing` is valid change what the
        state's lexer returns? External tokens are never added (the scanner sees the valid
        set); keywords are lexed as the word token, so they conflict as the word does."""
        if added == existing or 0 in (added, existing):
            return False
        if added in self.externals:
            # tree-sitter (minimize_parse_table.rs token_conflicts) refuses only adding an
            # external token or an internal token with an external counterpart
            return True
        if existing in self.externals and existing not in self.builder.grammar.tokens:
            return False  # a pure external token does not compete in the internal lexer
        a = self.word if existing in self.keywords else existing
        b = self.word if added in self.keywords else added
        if a == b:
            return a == self.word and (existing == self.word or added == self.word)
        return self.builder.conflicts(a, b) or self.builder.conflicts(b, a)


def build_lex_tables(
    grammar: PreparedGrammar,
    valid_tokens: list[set[int]],
    analysis: LexicalAnalysis | None = None,
    following: dict[int, set[int]] | None = None,
) -> LexTables:
    """`valid_tokens[i]` is the set of terminals (end included) valid in parse state i;
    state 0, the error state, is narrowed here to the tokens safe to lex during recovery
    (`following[t]`: the terminals that can come right after terminal t)."""
    analysis = analysis or LexicalAnalysis(grammar)
    builder, keywords = analysis.builder, analysis.keywords
    valid_tokens[0] = _error_recovery_tokens(builder, valid_tokens, keywords, following or {})
    word = grammar.word
    states: list[LexState] = []
    states.append(LexState(0, []))  # END_OF_INPUT_STATE: accept the end of input
    modes: list[tuple[frozenset[int], bool]] = []
    for tokens in valid_tokens:
        lexed = {t for t in tokens if t in grammar.tokens and t not in keywords}
        if word is not None and tokens & keywords:
            lexed.add(word)
        modes.append((frozenset(lexed), 0 in tokens))
    groups = _merge_modes(builder, modes)
    start_of_group = {}
    for key in sorted(set(groups), key=lambda k: (sorted(k[0]), k[1])):
        start_of_group[key] = builder.dfa(set(key[0]), True, key[1], states)
    lex_state_of = [start_of_group[groups[i]] for i in range(len(modes))]
    states, mapping = _minimize(states)
    lex_state_of = [mapping[s] for s in lex_state_of]
    keyword_states: list[LexState] = []
    if keywords:
        builder.dfa(set(keywords), False, False, keyword_states)
        keyword_states, _ = _minimize(keyword_states)
    assert mapping[END_OF_INPUT_STATE] == END_OF_INPUT_STATE  # minimising keeps first blocks first
    return LexTables(states, keyword_states, lex_state_of, keywords)


def _error_recovery_tokens(
    builder: _Builder,
    valid_tokens: list[set[int]],
    keywords: set[int],
    following: dict[int, set[int]],
) -> set[int]:
    """Tokens the error state may lex, chosen as tree-sitter's `populate_error_state` does.
    First the conflict-free tokens: those that never go on past the end of another token
    they never appear beside, on a character that can follow that token. Then every
    token is kept except one that could take text from a conflict-free token it never
    appears beside (a string body matching `1]`, a catch-all pattern); keywords and the
    word token always stay. `following[t]`: the tokens that can come right after t."""
    tokens = sorted(builder.grammar.tokens)
    coincident: set[tuple[int, int]] = set()
    for valid in valid_tokens[1:]:
        members = sorted(valid)
        coincident.update((a, b) for a in members for b in members)
    follow_chars = {}
    for token in tokens:
        after = following.get(token, set()) & builder.grammar.tokens.keys()
        chars = [r for t in sorted(after) for r in builder.first_chars(t)]
        follow_chars[token] = tuple(_merge(chars))
    immediate = {t for t in tokens if builder.grammar.tokens[t].immediate}

    def eats(a: int, b: int) -> bool:  # a matches text that separators before b skip
        return b not in immediate and builder.eats_separators(a)

    def longer(a: int, b: int) -> bool:  # a goes on past b's end, or eats b's separators
        return builder.conflict_status(b, a, follow_chars[b])[1] or eats(a, b)

    def takes(a: int, b: int) -> bool:  # a can take text from b
        return any(builder.conflict_status(b, a, follow_chars[b])) or eats(a, b)

    free = [
        token
        for token in tokens
        if not any(
            other != token
            and (token, other) not in coincident
            and longer(token, other)
            and not eats(other, token)
            for other in tokens
        )
    ]
    word = builder.grammar.word
    grammar = builder.grammar
    # extras stay: the error state shifts them (tree-sitter adds those actions first, so
    # populate_error_state's choice does not apply to them)
    result = {0} | set(grammar.extra_tokens) | grammar.extra_start_tokens()
    for token in tokens:
        if (
            token not in keywords
            and token != word
            and token not in free
            and any(
                other != token and (token, other) not in coincident and takes(token, other)
                for other in free
            )
        ):
            continue
        result.add(token)
    return result


def _keywords(grammar: PreparedGrammar, builder: _Builder) -> set[int]:
    word = grammar.word
    if word is None:
        return set()
    keywords = set()
    for symbol in grammar.tokens:
        if symbol == word or symbol in grammar.extra_tokens:
            continue
        if builder.starts_with_letter(symbol) and builder.subset_of_word(symbol, word):
            keywords.add(symbol)
    # tree-sitter (identify_keywords): drop a candidate that another candidate beats on a
    # string both match (`[a-zA-Z_]\w*` next to `for`, `if`, ...)
    literals = {}
    for symbol in keywords:
        rule = grammar.tokens[symbol].rule
        while rule.get("type") in ("PREC", "PREC_LEFT", "PREC_RIGHT", "PREC_DYNAMIC", "TOKEN"):
            rule = rule["content"]
        if rule.get("type") == "STRING":
            literals[symbol] = rule["value"]
    shadowed = {
        symbol
        for symbol in keywords
        if symbol not in literals
        and any(
            other != symbol and builder.prefer(other, symbol) and builder.accepts(symbol, text)
            for other, text in literals.items()
        )
    }
    return keywords - shadowed


def _merge_modes(builder: _Builder, modes: list[tuple[frozenset[int], bool]]):
    """Greedily merge token sets that do not conflict; returns the merged key per mode."""
    distinct = sorted(set(modes), key=lambda m: (-len(m[0]), sorted(m[0]), m[1]))
    groups: list[tuple[set[int], bool]] = []
    assigned: dict[tuple[frozenset[int], bool], int] = {}
    for tokens, eof in distinct:
        for index, (members, group_eof) in enumerate(groups):
            if group_eof != eof:
                continue
            if _compatible(builder, members, tokens):
                members |= tokens
                assigned[(tokens, eof)] = index
                break
        else:
            assigned[(tokens, eof)] = len(groups)
            groups.append((set(tokens), eof))
    frozen = [(frozenset(m), e) for m, e in groups]
    return [frozen[assigned[mode]] for mode in modes]


def _compatible(builder: _Builder, members: set[int], tokens: frozenset[int]) -> bool:
    added = tokens - members
    missing = members - tokens
    if any(builder.matches_separator(t) for t in added | missing):
        return False  # it would steal text that the other set's states skip as separators
    for a in tokens:
        for b in missing:
            if builder.conflicts(a, b):
                return False
    for a in members:
        for b in added:
            if builder.conflicts(a, b):
                return False
    return True
