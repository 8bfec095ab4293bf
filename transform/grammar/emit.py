"""Render parse and lex tables as a tree-sitter ABI 15 `parser.c`.

The output is deterministic (same grammar, same bytes) so the committed C can be checked by
regenerating it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexer import LexState, LexTables
from .lr import ACCEPT, RECOVER, REDUCE, SHIFT, Action, ParseTable
from .model import Alias, PreparedGrammar

ABI_VERSION = 15
LARGE_STATE_MIN_ENTRIES = 64
RANGE_TABLE_MIN = 6


@dataclass
class Layout:
    """Symbol numbering, aliases, fields and production ids shared by C and node-types."""

    names: list[str]
    visible: list[bool]
    named: list[bool]
    supertype: list[bool]
    symbol_count: int
    alias_symbols: dict[Alias, int]
    field_names: list[str]  # sorted; field id = index + 1
    production_ids: list[int]  # per production: its alias/field sequence id
    sequences: list[tuple[tuple[int, ...], tuple[tuple[int, int, bool], ...]]]
    public: list[int]


def layout(grammar: PreparedGrammar, table: ParseTable) -> Layout:
    symbols = grammar.symbols
    names = [s.name for s in symbols]
    visible = [s.visible for s in symbols]
    named = [s.named for s in symbols]
    supertype = [s.supertype for s in symbols]
    alias_symbols: dict[Alias, int] = {}
    for production in grammar.productions:
        for step in production.steps:
            if step.alias and step.alias not in alias_symbols:
                existing = _existing(grammar, step.alias)
                if existing is None:
                    existing = len(names)
                    names.append(step.alias.value)
                    visible.append(True)
                    named.append(step.alias.named)
                    supertype.append(False)
                alias_symbols[step.alias] = existing
    field_names = sorted(
        {s.field for p in grammar.productions for s in p.steps if s.field is not None}
    )
    field_id = {name: i + 1 for i, name in enumerate(field_names)}
    inherited = _inherited_fields(grammar)
    sequences: list = [((), ())]
    seq_index = {((), ()): 0}
    production_ids = []
    for production in grammar.productions:
        aliases = tuple(alias_symbols[s.alias] if s.alias else 0 for s in production.steps)
        if not any(aliases):
            aliases = ()
        entries = []
        for index, step in enumerate(production.steps):
            if step.field:
                entries.append((field_id[step.field], index, False))
            info = symbols[step.symbol]
            if not info.terminal and not info.visible and step.alias is None:
                for name in sorted(inherited.get(step.symbol, ())):
                    entries.append((field_id[name], index, True))
        key = (aliases, tuple(sorted(entries)))
        if key not in seq_index:
            seq_index[key] = len(sequences)
            sequences.append(key)
        production_ids.append(seq_index[key])
    public = _public_map(names, visible, named)
    return Layout(
        names,
        visible,
        named,
        supertype,
        len(symbols),
        alias_symbols,
        field_names,
        production_ids,
        sequences,
        public,
    )


def _existing(grammar: PreparedGrammar, alias: Alias) -> int | None:
    for index, symbol in enumerate(grammar.symbols):
        if symbol.name == alias.value and symbol.named == alias.named and symbol.visible:
            return index
    return None


def _inherited_fields(grammar: PreparedGrammar) -> dict[int, set[str]]:
    """Fields a hidden non-terminal passes up to its parent, transitively."""
    fields: dict[int, set[str]] = {lhs: set() for lhs in grammar.productions_of}
    changed = True
    while changed:
        changed = False
        for production in grammar.productions:
            own = fields[production.lhs]
            before = len(own)
            for step in production.steps:
                if step.field:
                    own.add(step.field)
                info = grammar.symbols[step.symbol]
                if not info.terminal and not info.visible and step.alias is None:
                    own |= fields[step.symbol]
            changed |= len(own) != before
    return fields


def _public_map(names: list[str], visible: list[bool], named: list[bool]) -> list[int]:
    first: dict[tuple[str, bool], int] = {}
    public = []
    for index, name in enumerate(names):
        key = (name, named[index])
        if visible[index] or index == 0:
            public.append(first.setdefault(key, index))
        else:
            public.append(index)
    return public


def _c_string(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif 32 <= code < 127:
            out.append(ch)
        else:
            out.append("".join(f"\\x{b:02x}" for b in ch.encode("utf-8")) + '""')
    return '"' + "".join(out) + '"'


class _Emitter:
    def __init__(self, grammar: PreparedGrammar, table: ParseTable, lex: LexTables, lay: Layout):
        self.grammar = grammar
        self.table = table
        self.lex = lex
        self.lay = lay
        self.lines: list[str] = []
        self.action_index: dict[tuple, int] = {(): 0}
        self.action_lists: list[tuple] = [()]
        self.order = self._state_order()
        self.new_id = {old: new for new, old in enumerate(self.order)}
        self.large_count = self._large_count()
        self.external_sets = self._external_sets()

    def _external_sets(self) -> dict[int, int]:
        """Parse state → id of its set of valid external tokens (0: none valid).
        The error state gets every external token, so scanners can tell they are
        in recovery."""
        externals = self.grammar.external_tokens
        if not externals:
            return {}
        ids: dict[tuple[int, ...], int] = {(): 0}
        result = {}
        for sid, state in enumerate(self.table.states):
            valid = [t for t in externals if t in state.actions]
            result[sid] = ids.setdefault(tuple(valid), len(ids))
        self.external_set_list = sorted(ids, key=ids.get)
        return result

    external_set_list: list[tuple[int, ...]] = []

    def _state_order(self) -> list[int]:
        """States 0 and 1 stay; the busiest others come next so they can use dense rows."""
        states = self.table.states
        rest = sorted(range(2, len(states)), key=lambda s: (-self._entry_count(s), s))
        return [0, 1] + rest

    def _entry_count(self, sid: int) -> int:
        state = self.table.states[sid]
        return len(state.actions) + len(state.gotos) + len(state.extra_gotos)

    def _large_count(self) -> int:
        count = 2
        for sid in self.order[2:]:
            if self._entry_count(sid) < LARGE_STATE_MIN_ENTRIES:
                break
            count += 1
        return count

    def out(self, line: str = "") -> None:
        self.lines.append(line)

    # -- actions ------------------------------------------------------------------------

    def _action_c(self, action: Action) -> str:
        if action.kind == SHIFT:
            if action.extra:
                return "SHIFT_EXTRA()"
            target = self.new_id[action.state]
            return f"SHIFT_REPEAT({target})" if action.repetition else f"SHIFT({target})"
        if action.kind == REDUCE:
            production = self.table.productions[action.production]
            return (
                f"REDUCE({self._sym(production.lhs)}, {len(production.steps)}, "
                f"{production.dynamic_precedence}, {self.lay.production_ids[action.production]})"
            )
        if action.kind == ACCEPT:
            return "ACCEPT_INPUT()"
        if action.kind == RECOVER:
            return "RECOVER()"
        raise AssertionError(action)

    def _actions_id(self, actions: list[Action]) -> int:
        key = tuple(self._action_c(a) for a in actions)
        if key not in self.action_index:
            index = sum(len(k) + 1 for k in self.action_lists)
            self.action_index[key] = index
            self.action_lists.append(key)
        return self.action_index[key]

    def _sym(self, symbol: int) -> str:
        return f"sym_{symbol}" if symbol else "ts_builtin_sym_end"

    # -- sections -----------------------------------------------------------------------

    def render(self) -> str:
        g, lay = self.grammar, self.lay
        self.out("/* Generated by transform's grammar compiler. Do not edit. */")
        self.out('#include "tree_sitter/parser.h"')
        self.out()
        self.out("#if defined(__GNUC__) || defined(__clang__)")
        self.out('#pragma GCC diagnostic ignored "-Wmissing-field-initializers"')
        self.out("#endif")
        self.out()
        self.out(f"#define LANGUAGE_VERSION {ABI_VERSION}")
        self.out(f"#define STATE_COUNT {len(self.table.states)}")
        self.out(f"#define LARGE_STATE_COUNT {self.large_count}")
        self.out(f"#define SYMBOL_COUNT {lay.symbol_count}")
        self.out(f"#define ALIAS_COUNT {len(lay.names) - lay.symbol_count}")
        self.out(f"#define TOKEN_COUNT {g.token_count}")
        self.out(f"#define EXTERNAL_TOKEN_COUNT {len(g.external_tokens)}")
        self.out(f"#define FIELD_COUNT {len(lay.field_names)}")
        self.out(f"#define MAX_ALIAS_SEQUENCE_LENGTH {self._max_alias_length()}")
        self.out(f"#define PRODUCTION_ID_COUNT {len(lay.sequences)}")
        self.out(f"#define SUPERTYPE_COUNT {len(g.supertypes)}")
        self.out()
        self._symbols_enum()
        self._symbol_names()
        self._public_map()
        self._metadata()
        self._fields()
        self._aliases()
        self._supertypes()
        self._primary_states()
        parse_rows = self._parse_tables()
        self._parse_actions()
        self.lines.extend(parse_rows)
        self._lexer("ts_lex", self.lex.states)
        if self.lex.keyword_states:
            self._lexer("ts_lex_keywords", self.lex.keyword_states)
        self._lex_modes()
        self._reserved_words()
        self._external_scanner()
        self._language()
        return "\n".join(self.lines) + "\n"

    def _max_alias_length(self) -> int:
        return max((len(p.steps) for p in self.table.productions), default=0)

    def _symbols_enum(self) -> None:
        self.out("enum ts_symbol_identifiers {")
        for index in range(1, len(self.lay.names)):
            self.out(f"  sym_{index} = {index},")
        self.out("};")
        self.out()

    def _symbol_names(self) -> None:
        self.out("static const char * const ts_symbol_names[] = {")
        for index, name in enumerate(self.lay.names):
            self.out(f"  [{self._sym(index)}] = {_c_string(name)},")
        self.out("};")
        self.out()

    def _public_map(self) -> None:
        self.out("static const TSSymbol ts_symbol_map[] = {")
        for index, target in enumerate(self.lay.public):
            self.out(f"  [{self._sym(index)}] = {self._sym(target)},")
        self.out("};")
        self.out()

    def _metadata(self) -> None:
        self.out("static const TSSymbolMetadata ts_symbol_metadata[] = {")
        lay = self.lay
        for index in range(len(lay.names)):
            flags = f".visible = {_b(lay.visible[index])}, .named = {_b(lay.named[index])}"
            if lay.supertype[index]:
                flags += ", .supertype = true"
            self.out(f"  [{self._sym(index)}] = {{{flags}}},")
        self.out("};")
        self.out()

    def _fields(self) -> None:
        names = self.lay.field_names
        if not names:
            return
        self.out("static const char * const ts_field_names[] = {")
        self.out("  [0] = NULL,")
        for index, name in enumerate(names, 1):
            self.out(f"  [{index}] = {_c_string(name)},")
        self.out("};")
        self.out()
        slices, entries = [], []
        for _, fields in self.lay.sequences:
            slices.append((len(entries), len(fields)))
            entries.extend(fields)
        self.out("static const TSMapSlice ts_field_map_slices[PRODUCTION_ID_COUNT] = {")
        for pid, (start, length) in enumerate(slices):
            if length:
                self.out(f"  [{pid}] = {{.index = {start}, .length = {length}}},")
        self.out("};")
        self.out()
        self.out("static const TSFieldMapEntry ts_field_map_entries[] = {")
        for field, child, inherited in entries:
            extra = ", .inherited = true" if inherited else ""
            self.out(f"  {{{field}, {child}{extra}}},")
        if not entries:
            self.out("  {0, 0, 0},")
        self.out("};")
        self.out()

    def _aliases(self) -> None:
        self.out(
            "static const TSSymbol "
            "ts_alias_sequences[PRODUCTION_ID_COUNT][MAX_ALIAS_SEQUENCE_LENGTH ? "
            "MAX_ALIAS_SEQUENCE_LENGTH : 1] = {"
        )
        for pid, (aliases, _) in enumerate(self.lay.sequences):
            if any(aliases):
                body = ", ".join(f"[{i}] = {self._sym(a)}" for i, a in enumerate(aliases) if a)
                self.out(f"  [{pid}] = {{{body}}},")
        self.out("};")
        self.out()
        # alias_map: for each symbol that is aliased, the list of its alias symbols.
        pairs: dict[int, set[int]] = {}
        for production in self.grammar.productions:
            for step in production.steps:
                if step.alias:
                    pairs.setdefault(step.symbol, set()).add(self.lay.alias_symbols[step.alias])
        self.out("static const uint16_t ts_non_terminal_alias_map[] = {")
        for symbol in sorted(pairs):
            if self.grammar.symbols[symbol].terminal:
                continue
            aliases = sorted(pairs[symbol])
            items = ", ".join(self._sym(a) for a in aliases)
            self.out(f"  {self._sym(symbol)}, {len(aliases) + 1}, {self._sym(symbol)}, {items},")
        self.out("  0,")
        self.out("};")
        self.out()

    def _supertypes(self) -> None:
        supertypes = self.grammar.supertypes
        if not supertypes:
            return
        self.out("static const TSSymbol ts_supertype_symbols[SUPERTYPE_COUNT] = {")
        for symbol in supertypes:
            self.out(f"  {self._sym(symbol)},")
        self.out("};")
        self.out()
        slices, entries = {}, []
        for symbol in supertypes:
            subtypes = self._subtypes(symbol)
            slices[symbol] = (len(entries), len(subtypes))
            entries.extend(subtypes)
        self.out("static const TSMapSlice ts_supertype_map_slices[] = {")
        for symbol, (start, length) in slices.items():
            self.out(f"  [{self._sym(symbol)}] = {{.index = {start}, .length = {length}}},")
        self.out("};")
        self.out()
        self.out("static const TSSymbol ts_supertype_map_entries[] = {")
        for symbol in entries:
            self.out(f"  {self._sym(symbol)},")
        self.out("};")
        self.out()

    def _subtypes(self, symbol: int) -> list[int]:
        """Visible symbols a supertype stands for (through hidden single-child rules)."""
        result: list[int] = []
        seen = {symbol}
        stack = [symbol]
        while stack:
            current = stack.pop()
            for pid in self.grammar.productions_of.get(current, []):
                production = self.grammar.productions[pid]
                for step in production.steps:
                    target = self.lay.alias_symbols[step.alias] if step.alias else step.symbol
                    visible = self.lay.visible[target]
                    if visible and self.lay.named[target]:
                        if target not in result:
                            result.append(target)
                    elif not visible and target not in seen and not self.lay.supertype[target]:
                        seen.add(target)
                        stack.append(target)
                    elif self.lay.supertype[target] and target not in result:
                        result.append(target)
                    if visible or self.lay.supertype[target]:
                        break
        return sorted(result)

    def _primary_states(self) -> None:
        self.out("static const TSStateId ts_primary_state_ids[STATE_COUNT] = {")
        for index in range(len(self.order)):
            self.out(f"  [{index}] = {index},")
        self.out("};")
        self.out()

    def _row(self, sid: int) -> list[tuple[int, int]]:
        """(symbol, value) pairs of one state: action-list ids for terminals, gotos else."""
        state = self.table.states[sid]
        row = [(symbol, self._actions_id(actions)) for symbol, actions in state.actions.items()]
        row += [(symbol, self.new_id[target]) for symbol, target in state.gotos.items()]
        # a non-terminal extra's goto is the state itself: after reducing one, the runtime
        # sees `next_state == state`, marks the node as extra and stays where it was
        row += [(symbol, self.new_id[sid]) for symbol in state.extra_gotos]
        return sorted(row)

    def _is_nonterminal(self, symbol: int) -> bool:
        return not self.grammar.symbols[symbol].terminal

    def _parse_tables(self) -> list[str]:
        lines = []
        lines.append("static const uint16_t ts_parse_table[LARGE_STATE_COUNT][SYMBOL_COUNT] = {")
        for new in range(self.large_count):
            lines.append(f"  [STATE({new})] = {{")
            for symbol, value in self._row(self.order[new]):
                lines.append(f"    [{self._sym(symbol)}] = {value},")
            lines.append("  },")
        lines.append("};")
        lines.append("")
        small_map: list[int] = []
        lines.append("static const uint16_t ts_small_parse_table[] = {")
        position = 0
        for new in range(self.large_count, len(self.order)):
            # A group's symbols must be all terminals (value: an action list) or all
            # non-terminals (value: a goto state), as in tree-sitter: the runtime's lookahead
            # iterator (query analysis, ts_lookahead_iterator) decodes a group's value once,
            # by the kind of its first symbol, so a goto state filed under an action-list id
            # of the same number would be read as that action list.
            groups: dict[tuple[int, bool], list[int]] = {}
            for symbol, value in self._row(self.order[new]):
                groups.setdefault((value, self._is_nonterminal(symbol)), []).append(symbol)
            small_map.append(position)
            lines.append(f"  [{position}] = {len(groups)},")
            position += 1
            for key in sorted(groups):
                value, symbols = key[0], groups[key]
                names = ", ".join(self._sym(s) for s in symbols)
                lines.append(f"    {value}, {len(symbols)}, {names},")
                position += 2 + len(symbols)
        if not small_map:
            lines.append("  0,")
        lines.append("};")
        lines.append("")
        lines.append("static const uint32_t ts_small_parse_table_map[] = {")
        for new, offset in enumerate(small_map, self.large_count):
            lines.append(f"  [SMALL_STATE({new})] = {offset},")
        if not small_map:
            lines.append("  0,")
        lines.append("};")
        lines.append("")
        return lines

    def _parse_actions(self) -> None:
        self.out("#define SMALL_STATE(id) ((id) - LARGE_STATE_COUNT)")
        self.out()
        self.out("static const TSParseActionEntry ts_parse_actions[] = {")
        for key in self.action_lists:
            index = self.action_index[key]
            self.out(f"  [{index}] = {{.entry = {{.count = {len(key)}, .reusable = false}}}},")
            for action in key:
                self.out(f"    {action},")
        self.out("};")
        self.out()

    def _lexer(self, name: str, states: list[LexState]) -> None:
        tables: dict[tuple, str] = {}
        body = []
        for index, state in enumerate(states):
            body.append(f"    case {index}:")
            if state.accept is not None:
                body.append(f"      ACCEPT_TOKEN({self._sym(state.accept)});")
            if state.eof_target is not None:
                body.append(f"      if (eof) ADVANCE({state.eof_target});")
            elif any(lo == 0 for ranges, _, _ in state.transitions for lo, _ in ranges):
                pass  # a literal NUL token matches (with zero width) at EOF, as in tree-sitter
            elif state.transitions:
                body.append("      if (eof) END_STATE();")
            for ranges, target, skip in state.transitions:
                condition = self._condition(ranges, tables, name)
                verb = "SKIP" if skip else "ADVANCE"
                body.append(f"      if ({condition}) {verb}({target});")
            body.append("      END_STATE();")
        for ranges, table_name in tables.items():
            self.out(f"static const TSCharacterRange {table_name}[] = {{")
            for lo, hi in ranges:
                self.out(f"  {{{lo}, {hi}}},")
            self.out("};")
            self.out()
        self.out(f"static bool {name}(TSLexer *lexer, TSStateId state) {{")
        self.out("  START_LEXER();")
        self.out("  switch (state) {")
        self.lines.extend(body)
        self.out("    default:")
        self.out("      return false;")
        self.out("  }")
        self.out("}")
        self.out()

    @staticmethod
    def _condition(ranges, tables: dict, prefix: str) -> str:
        if len(ranges) >= RANGE_TABLE_MIN:
            key = tuple(ranges)
            if key not in tables:
                tables[key] = f"{prefix}_set_{len(tables) + 1}"
            return f"ts_in_ranges({tables[key]}, {len(ranges)}, lookahead)"
        parts = []
        for lo, hi in ranges:
            if lo == hi:
                parts.append(f"lookahead == {lo}")
            else:
                parts.append(f"({lo} <= lookahead && lookahead <= {hi})")
        return " || ".join(parts)

    def _lex_modes(self) -> None:
        self.out("static const TSLexerMode ts_lex_modes[STATE_COUNT] = {")
        reserved_ids = {name: i + 1 for i, name in enumerate(self.grammar.reserved_sets)}
        for new, old in enumerate(self.order):
            if self.table.states[old].end_of_extra:
                # no lexing at the end of a non-terminal extra: the runtime then takes the
                # `end` entry, the extra's reduction
                self.out(f"  [{new}] = {{.lex_state = (uint16_t)(-1)}},")
                continue
            lex_state = self.lex.lex_state_of[old]
            reserved = reserved_ids.get(self.table.states[old].reserved or "", 0)
            extra = f", .reserved_word_set_id = {reserved}" if reserved else ""
            external = self.external_sets.get(old, 0)
            if external:
                extra += f", .external_lex_state = {external}"
            self.out(f"  [{new}] = {{.lex_state = {lex_state}{extra}}},")
        self.out("};")
        self.out()

    def _reserved_width(self) -> int:
        """Row length of the reserved-word table: the largest set plus its 0 terminator."""
        return max(len(words) for words in self.grammar.reserved_sets.values()) + 1

    def _reserved_words(self) -> None:
        sets = self.grammar.reserved_sets
        if not sets:
            return
        width = self._reserved_width()
        self.out(f"static const TSSymbol ts_reserved_words[{len(sets) + 1}][{width}] = {{")
        for index, words in enumerate(sets.values(), 1):
            items = ", ".join(self._sym(w) for w in words)
            self.out(f"  [{index}] = {{{items}}},")
        self.out("};")
        self.out()

    def _external_scanner(self) -> None:
        externals = self.grammar.external_tokens
        if not externals:
            return
        self.out("enum ts_external_scanner_symbol_identifiers {")
        for index, _ in enumerate(externals):
            self.out(f"  ts_external_token_{index} = {index},")
        self.out("};")
        self.out()
        self.out("static const TSSymbol ts_external_scanner_symbol_map[EXTERNAL_TOKEN_COUNT] = {")
        for index, symbol in enumerate(externals):
            self.out(f"  [ts_external_token_{index}] = {self._sym(symbol)},")
        self.out("};")
        self.out()
        count = len(self.external_set_list)
        self.out(
            f"static const bool ts_external_scanner_states[{count}][EXTERNAL_TOKEN_COUNT] = {{"
        )
        for index, valid in enumerate(self.external_set_list):
            if not valid:
                continue
            flags = ", ".join(f"[ts_external_token_{externals.index(t)}] = true" for t in valid)
            self.out(f"  [{index}] = {{{flags}}},")
        self.out("};")
        self.out()
        name = self.grammar.name
        self.out("#ifdef __cplusplus")
        self.out('extern "C" {')
        self.out("#endif")
        for signature in (
            "void *tree_sitter_{0}_external_scanner_create(void);",
            "void tree_sitter_{0}_external_scanner_destroy(void *);",
            "bool tree_sitter_{0}_external_scanner_scan(void *, TSLexer *, const bool *);",
            "unsigned tree_sitter_{0}_external_scanner_serialize(void *, char *);",
            "void tree_sitter_{0}_external_scanner_deserialize(void *, const char *, unsigned);",
        ):
            self.out(signature.format(name))
        self.out("#ifdef __cplusplus")
        self.out("}")
        self.out("#endif")
        self.out()

    def _language(self) -> None:
        g, lay = self.grammar, self.lay
        name = g.name
        self.out("#ifdef __cplusplus")
        self.out('extern "C" {')
        self.out("#endif")
        self.out("#ifdef TREE_SITTER_HIDE_SYMBOLS")
        self.out("#define TS_PUBLIC")
        self.out("#elif defined(_WIN32)")
        self.out("#define TS_PUBLIC __declspec(dllexport)")
        self.out("#else")
        self.out('#define TS_PUBLIC __attribute__((visibility("default")))')
        self.out("#endif")
        self.out()
        self.out(f"TS_PUBLIC const TSLanguage *tree_sitter_{name}(void) {{")
        self.out("  static const TSLanguage language = {")
        fields = [
            ".abi_version = LANGUAGE_VERSION",
            ".symbol_count = SYMBOL_COUNT",
            ".alias_count = ALIAS_COUNT",
            ".token_count = TOKEN_COUNT",
            ".external_token_count = EXTERNAL_TOKEN_COUNT",
            ".state_count = STATE_COUNT",
            ".large_state_count = LARGE_STATE_COUNT",
            ".production_id_count = PRODUCTION_ID_COUNT",
            ".field_count = FIELD_COUNT",
            ".max_alias_sequence_length = MAX_ALIAS_SEQUENCE_LENGTH",
            ".parse_table = &ts_parse_table[0][0]",
            ".small_parse_table = ts_small_parse_table",
            ".small_parse_table_map = ts_small_parse_table_map",
            ".parse_actions = ts_parse_actions",
            ".symbol_names = ts_symbol_names",
        ]
        if lay.field_names:
            fields += [
                ".field_names = ts_field_names",
                ".field_map_slices = ts_field_map_slices",
                ".field_map_entries = ts_field_map_entries",
            ]
        fields += [
            ".symbol_metadata = ts_symbol_metadata",
            ".public_symbol_map = ts_symbol_map",
            ".alias_map = ts_non_terminal_alias_map",
            ".alias_sequences = &ts_alias_sequences[0][0]",
            ".lex_modes = ts_lex_modes",
            ".lex_fn = ts_lex",
        ]
        if self.lex.keyword_states:
            fields += [
                ".keyword_lex_fn = ts_lex_keywords",
                f".keyword_capture_token = {self._sym(g.word)}",
            ]
        if g.external_tokens:
            prefix = f"tree_sitter_{name}_external_scanner_"
            fields.append(
                ".external_scanner = {&ts_external_scanner_states[0][0], "
                f"ts_external_scanner_symbol_map, {prefix}create, {prefix}destroy, "
                f"{prefix}scan, {prefix}serialize, {prefix}deserialize}}"
            )
        fields += [".primary_state_ids = ts_primary_state_ids", f".name = {_c_string(name)}"]
        if g.reserved_sets:
            fields += [
                ".reserved_words = &ts_reserved_words[0][0]",
                f".max_reserved_word_set_size = {self._reserved_width()}",
            ]
        if g.supertypes:
            fields += [
                ".supertype_count = SUPERTYPE_COUNT",
                ".supertype_symbols = ts_supertype_symbols",
                ".supertype_map_slices = ts_supertype_map_slices",
                ".supertype_map_entries = ts_supertype_map_entries",
            ]
        fields.append(".metadata = {.major_version = 0, .minor_version = 1, .patch_version = 0}")
        for field in fields:
            self.out(f"    {field},")
        self.out("  };")
        self.out("  return &language;")
        self.out("}")
        self.out("#ifdef __cplusplus")
        self.out("}")
        self.out("#endif")


def _b(value: bool) -> str:
    return "true" if value else "false"


def render_parser(grammar: PreparedGrammar, table: ParseTable, lex: LexTables, lay: Layout) -> str:
    return _Emitter(grammar, table, lex, lay).render()
