"""Merge compatible states of a canonical LR(1) table after conflicts are resolved.

Canonical LR(1) keeps every context apart, so precedence resolves each conflict for exactly
the contexts it concerns; merging afterwards, only where the resolved actions agree and no
token added to a state could be lexed differently there, gives small tables that behave
like the canonical ones (tree-sitter's approach). Merging before resolution, as LALR does,
changes some resolutions and lets incremental reparsing diverge after errors.
"""

from __future__ import annotations

from collections.abc import Callable

from .lr import SHIFT, Action, ParseState, ParseTable

# (token already valid in a state, token that would be added) -> could lexing change?
TokenConflict = Callable[[int, int], bool]


_FIXED = 2  # states 0 (error) and 1 (start) keep their numbers


def minimize(table: ParseTable, token_conflict: TokenConflict) -> ParseTable:
    states = table.states
    terminals = sorted({t for state in states for t in state.actions})
    # For each token, the tokens beside which it must not be added to a state.
    blocked_by = {
        added: frozenset(e for e in terminals if token_conflict(e, added)) for added in terminals
    }
    group_of = _initial_groups(states)
    while True:
        regrouped = _split(states, group_of, blocked_by)
        if regrouped == group_of:
            break
        group_of = regrouped
    return _merge(table, group_of)


def _initial_groups(states: list[ParseState]) -> list[int]:
    """States can only merge with states of the same LR(0) core."""
    ids: dict[object, int] = {}
    groups = []
    for sid, state in enumerate(states):
        # a state that ends a non-terminal extra never merges with one that does not
        # (tree-sitter: adding end_of_nonterminal_extra to a state is a conflict)
        key = ("fixed", sid) if sid < _FIXED else ("core", state.core, state.end_of_extra)
        groups.append(ids.setdefault(key, len(ids)))
    return groups


def _split(
    states: list[ParseState], group_of: list[int], blocked_by: dict[int, frozenset[int]]
) -> list[int]:
    """Split every group into subsets of mutually compatible states (greedy, in order).
    States with identical behaviour under the current grouping are checked once."""
    members: dict[int, list[int]] = {}
    for sid, group in enumerate(group_of):
        members.setdefault(group, []).append(sid)
    result = [0] * len(states)
    next_id = 0
    for group in sorted(members):
        buckets: dict[tuple, list[int]] = {}
        for sid in members[group]:
            buckets.setdefault(_signature(states[sid], group_of), []).append(sid)
        subsets: list[list[int]] = []  # of representative states
        owners: dict[int, int] = {}
        for bucket in buckets.values():
            head = states[bucket[0]]
            for index, subset in enumerate(subsets):
                if all(_compatible(head, states[o], group_of, blocked_by) for o in subset):
                    subset.append(bucket[0])
                    owners.update(dict.fromkeys(bucket, index))
                    break
            else:
                owners.update(dict.fromkeys(bucket, len(subsets)))
                subsets.append([bucket[0]])
        for sid in members[group]:
            result[sid] = next_id + owners[sid]
        next_id += len(subsets)
    return result


def _signature(state: ParseState, group_of: list[int]) -> tuple:
    actions = tuple(
        sorted(
            (t, tuple(_action_key(a, group_of) for a in acts)) for t, acts in state.actions.items()
        )
    )
    gotos = tuple(sorted((s, group_of[target]) for s, target in state.gotos.items()))
    return (state.reserved, actions, gotos, tuple(sorted(state.extra_gotos)))


def _action_key(action: Action, group_of: list[int]) -> tuple:
    if action.kind == SHIFT and not action.extra:
        return (SHIFT, group_of[action.state], action.repetition)
    return (action.kind, action.production, action.extra)


def _compatible(
    a: ParseState, b: ParseState, group_of: list[int], blocked_by: dict[int, frozenset[int]]
) -> bool:
    if a.reserved != b.reserved:
        return False
    a_tokens, b_tokens = a.actions.keys(), b.actions.keys()
    for terminal in a_tokens - b_tokens:
        if not blocked_by[terminal].isdisjoint(b_tokens):
            return False
    for terminal in b_tokens - a_tokens:
        if not blocked_by[terminal].isdisjoint(a_tokens):
            return False
    for terminal in a_tokens & b_tokens:
        left, right = a.actions[terminal], b.actions[terminal]
        if len(left) != len(right) or any(
            _action_key(x, group_of) != _action_key(y, group_of)
            for x, y in zip(left, right, strict=True)
        ):
            return False
    for symbol, target in a.gotos.items():
        other = b.gotos.get(symbol)
        if other is not None and group_of[other] != group_of[target]:
            return False
    # a goto and a shift-as-extra on the same rule never agree (tree-sitter's
    # state_successors_differ)
    return a.extra_gotos.isdisjoint(b.gotos) and b.extra_gotos.isdisjoint(a.gotos)


def _merge(table: ParseTable, group_of: list[int]) -> ParseTable:
    """One state per group; states 0 and 1 keep their numbers, others follow first use."""
    new_id: dict[int, int] = {}
    for sid in range(len(table.states)):
        new_id.setdefault(group_of[sid], len(new_id))
    merged: list[ParseState | None] = [None] * len(new_id)
    for sid, state in enumerate(table.states):
        target = new_id[group_of[sid]]
        remapped = _remap(state, group_of, new_id)
        if merged[target] is None:
            merged[target] = remapped
        else:
            merged[target].actions.update(remapped.actions)
            merged[target].gotos.update(remapped.gotos)
            merged[target].extra_gotos |= remapped.extra_gotos
    return ParseTable(states=merged, productions=table.productions)  # type: ignore[arg-type]


def _remap(state: ParseState, group_of: list[int], new_id: dict[int, int]) -> ParseState:
    def target(old: int) -> int:
        return new_id[group_of[old]]

    actions = {
        terminal: [
            Action(a.kind, target(a.state), a.production, a.repetition, a.extra)
            if a.kind == SHIFT and not a.extra
            else a
            for a in acts
        ]
        for terminal, acts in state.actions.items()
    }
    gotos = {symbol: target(old) for symbol, old in state.gotos.items()}
    return ParseState(
        actions=actions,
        gotos=gotos,
        reserved=state.reserved,
        core=state.core,
        extra_gotos=state.extra_gotos,
        end_of_extra=state.end_of_extra,
    )
