"""Vocabulary for control flow the rules cannot express alone: a procedure body with
labels (GoTo to tail blocks, On Error GoTo handlers), On Error Resume Next regions,
Select Case tests.

Shapes handled (docs/translation.md, "Errors and GoTo"):
- labels at the top level of a procedure split it into a main part and labelled tail
  blocks; `GoTo L` becomes L's block inlined at the jump (followed by the block's own
  fall-through into the next label, and the procedure exit when it does not end in
  one), so every path runs exactly the statements VBA runs;
- `On Error GoTo H` at the top level, with H a tail block: the statements after it
  become `try:`, H's block the `except` (Err filled by `vba.catch`); a handler ending
  in `Resume L` clears Err and continues with L's block after the try;
- `On Error Resume Next` ... `On Error GoTo 0`: each simple statement in between runs
  in its own `try`/`except` that records the error in Err and goes on.
Anything else keeps its markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import tree_sitter

from .scope import enclosing_procedure

if TYPE_CHECKING:
    from .engine import Translator

SIMPLE_STATEMENTS = {
    "assignment_statement",
    "set_statement",
    "call_statement",
    "print_statement",
    "redim_statement",
    "erase_statement",
    "lset_statement",
    "rset_statement",
    "mid_statement",
    "open_statement",
    "close_statement",
    "write_statement",
    "input_statement",
    "line_input_statement",
    "raiseevent_statement",
}


INDENT = "    "
TAG_CHAR = "\u2063"  # the engine's provenance tag delimiter


def _failure() -> type[Exception]:
    from .engine import TranslationFailure as failure

    return failure


def _drop_trailing_return(code: str, final: str) -> str:
    """A `return` as the last statement of the body is the end of the procedure anyway
    (VBA's `Exit Sub`/`Exit Function` before `End Sub`/`End Function`): a bare one, or
    the one the procedure's final line repeats."""
    lines = code.split("\n")
    if not lines:
        return code
    last = re.sub(f"{TAG_CHAR}\\d+{TAG_CHAR}$", "", lines[-1])
    if last == (final or "return"):
        return "\n".join(lines[:-1])  # the procedure's own last line says the same
    return code


def _has_statement(code: str) -> bool:
    """Does this Python hold a statement, not just blank lines and comments?"""
    return any(
        line.strip() and not line.strip().startswith("#") for line in _untagged(code).split("\n")
    )


def _untagged(code: str) -> str:
    return re.sub(f"{TAG_CHAR}\\d+{TAG_CHAR}", "", code)


def indent(code: str) -> str:
    return "\n".join(INDENT + line if line.strip() else line for line in code.split("\n"))


@dataclass
class Labels:
    """The labelled tail blocks of the procedure being translated."""

    order: list[str] = field(default_factory=list)  # lower-case, in source order
    blocks: dict[str, list[tree_sitter.Node]] = field(default_factory=dict)
    handler: str | None = None
    resume_target: str | None = None
    # GoSub targets rendered as local functions: label -> Python function name
    subroutines: dict[str, str] = field(default_factory=dict)
    in_subroutine: bool = False
    tracks_erl: bool = False  # the procedure reads Erl: line numbers set a local `erl`
    procedure: tree_sitter.Node | None = None


class FlowWords:
    t: Translator

    # -- procedure bodies -----------------------------------------------------------------

    def procedure_body(self, procedure: tree_sitter.Node) -> str:
        """A procedure's statements, indented, with labels and On Error shapes resolved."""
        block = procedure.child_by_field_name("body")
        statements = [] if block is None else list(self.t.statements_of(block))
        saved = (self.labels, self.resuming)
        self.labels, self.resuming = Labels(), False
        try:
            self.labels.procedure = procedure
            self.labels.tracks_erl = self._reads_erl(procedure)
            main = self._split(statements)
            subroutines = self._subroutines(main)
            code = self._render_main(main)
            if subroutines:
                code = subroutines + "\n" + code
            if self.labels.tracks_erl:
                code = "erl_line = 0\n" + code
        except _failure():
            self.labels, self.resuming = Labels(), False
            self.labels = None
            code = self._render(statements)
        finally:
            self.labels, self.resuming = saved
        code = _drop_trailing_return(code, self.final_return(procedure))
        if (
            not _has_statement(code)
            and self.t.scope.procedure is not None
            and self.t.scope.procedure.return_type
        ):
            return indent(code) if code.strip() else ""  # its result lines make the body
        if not _has_statement(code):
            code = (code + "\n" if code.strip() else "") + "pass"  # comments alone are no body
        return indent(code)

    def _split(self, statements: list[tree_sitter.Node]) -> list[tree_sitter.Node]:
        main: list[tree_sitter.Node] = []
        current = main
        for statement in statements:
            if statement.type == "label" and self._is_target(statement):
                name = self._label_name(statement)
                self.labels.order.append(name)
                current = self.labels.blocks.setdefault(name, [])
                if self._line_number(statement):
                    current.append(statement)  # it still sets Erl's line
                continue
            if statement.type == "label" and not self._line_number(statement):
                continue  # a line label nobody jumps to
            if statement.type == "label" and not self.labels.tracks_erl:
                continue  # a line number nobody jumps to or reads through Erl
            current.append(statement)
        return main

    def _line_number(self, label: tree_sitter.Node) -> bool:
        name = label.child_by_field_name("name")
        return name is not None and name.type == "line_number"

    def _reads_erl(self, procedure: tree_sitter.Node) -> bool:
        if self.t.scope.declared_type("erl") or self.t.scope.symbol("erl"):
            return False
        stack = [procedure]
        while stack:
            node = stack.pop()
            if node.type == "identifier" and self.t.text(node).lower() == "erl":
                return True
            stack.extend(node.named_children)
        return False

    def erl_line(self, label: tree_sitter.Node) -> str:
        """A line number in a procedure that reads Erl: `erl_line = 20`, the last line
        number passed, which a caught error keeps for Erl ("Erl function"); ''
        otherwise."""
        if self.labels is None or not self.labels.tracks_erl or not self._line_number(label):
            return ""
        return f"erl_line = {int(self._label_name(label))}"

    def catch_call(self) -> str:
        """What an except clause does first: record the error in Err (and, in a procedure
        that tracks line numbers, the line it happened after, for Erl)."""
        if self.labels is not None and self.labels.tracks_erl:
            return "vba.catch(exc, erl_line)"
        return "vba.catch(exc)"

    # -- GoSub ------------------------------------------------------------------------------

    def _subroutines(self, main: list[tree_sitter.Node]) -> str:
        """GoSub targets as local functions defined first in the procedure: a labelled
        tail block that ends in Return, that only GoSub reaches (nothing falls or jumps
        into it) and that does not leave the procedure itself. Its variables are the
        procedure's (`nonlocal`), as a GoSub body shares the procedure's locals."""
        targets = self._gosub_targets()
        if not targets:
            return ""
        for label in targets:
            block = self.labels.blocks.get(label)
            if block is None or not block or block[-1].type != "return_statement":
                raise _failure()("GoSub target is not a tail block ending in Return")
            if self._jumped_to(label) or self._leaves(block):
                raise _failure()("GoSub target reached otherwise, or leaving the procedure")
            position = self.labels.order.index(label)
            before = main if position == 0 else self.labels.blocks[self.labels.order[position - 1]]
            if not (self._terminal(before) or (before and before[-1].type == "return_statement")):
                raise _failure()("code falls into a GoSub target")
        taken = {self.t.name(p) for p in self.t.scope.procedures} | {
            self.t.name(n) for n in (self.t.scope.procedure.types if self.t.scope.procedure else {})
        }
        for label in targets:
            name = self.t.name(label)
            self.labels.subroutines[label] = name if name not in taken else f"gosub_{name}"
        definitions = []
        for label in targets:
            block = self.labels.blocks.pop(label)
            self.labels.order.remove(label)
            self.labels.in_subroutine = True
            try:
                body = self._render(block[:-1])
            finally:
                self.labels.in_subroutine = False
            shared = self._shared_names(block)
            head = [f"nonlocal {', '.join(shared['nonlocal'])}"] if shared["nonlocal"] else []
            head += [f"global {', '.join(shared['global'])}"] if shared["global"] else []
            code = "\n".join([*head, body] if body.strip() else [*head, "pass"])
            definitions.append(f"def {self.labels.subroutines[label]}():\n" + indent(code))
        return "\n".join(definitions)

    def _gosub_targets(self) -> list[str]:
        return [name for name in self.labels.order if self._gosub_reaches(name)]

    def _gosub_reaches(self, label: str) -> bool:
        return any(
            self.t.text(node.child_by_field_name("target")).lower() == label
            for node in self._procedure_nodes("gosub_statement")
        )

    def _jumped_to(self, label: str) -> bool:
        return any(
            (target := node.child_by_field_name("target")) is not None
            and self.t.text(target).lower() == label
            for node in self._procedure_nodes(
                "goto_statement", "on_error_statement", "resume_statement"
            )
        )

    def _procedure_nodes(self, *types: str) -> list[tree_sitter.Node]:
        root = self.labels.procedure if self.labels is not None else None
        found, stack = [], [root] if root is not None else []
        while stack:
            node = stack.pop()
            if node.type in types:
                found.append(node)
            stack.extend(node.named_children)
        return found

    def _leaves(self, block: list[tree_sitter.Node]) -> bool:
        """Does the block leave the procedure or jump (Exit Sub/Function, GoTo, End,
        On Error, Resume)? A local function cannot do that for its caller."""
        stack = list(block)
        while stack:
            node = stack.pop()
            if node.type == "exit_statement" and self.exit_code(node) != "break":
                return True
            if node.type in (
                "goto_statement",
                "end_statement",
                "on_error_statement",
                "resume_statement",
            ):
                return True
            stack.extend(node.named_children)
        return False

    def _shared_names(self, block: list[tree_sitter.Node]) -> dict[str, list[str]]:
        """The procedure's variables a GoSub body assigns: `nonlocal` for locals,
        parameters and the function result, `global` for module variables and Static
        storage of a standard module."""
        from .scope import assigned_names

        scope = self.t.scope
        procedure = scope.procedure
        shared: dict[str, set[str]] = {"nonlocal": set(), "global": set()}
        for statement in block:
            for name in assigned_names(statement, self.t.text):
                key = name.lower().rstrip("$%&!#@^")
                if scope.is_function_result(name):
                    shared["nonlocal"].add("result")
                elif procedure is not None and key in procedure.statics:
                    if not scope.is_class:
                        shared["global"].add(procedure.statics[key])
                elif procedure is not None and key in procedure.types:
                    shared["nonlocal"].add(self.t.name(name))
                elif key in scope.types and not scope.is_class:
                    shared["global"].add(self.t.name(name))
        return {k: sorted(v) for k, v in shared.items()}

    def gosub(self, node: tree_sitter.Node) -> str:
        """`GoSub L`: call L's local function (its Return comes back here)."""
        target = self.t.text(node.child_by_field_name("target")).lower()
        if self.labels is None or target not in self.labels.subroutines:
            raise _failure()("GoSub outside the local-function shape")
        return f"{self.labels.subroutines[target]}()"

    def gosub_return(self, node: tree_sitter.Node) -> str:
        """`Return` inside a GoSub body: back to the statement after the GoSub."""
        if self.labels is None or not self.labels.in_subroutine:
            raise _failure()("Return outside a GoSub body")
        return "return"

    def _is_target(self, label: tree_sitter.Node) -> bool:
        name = self._label_name(label)
        procedure = enclosing_procedure(label.parent)
        if procedure is None:
            return True
        stack = [procedure]
        while stack:
            node = stack.pop()
            if node.type in (
                "goto_statement",
                "gosub_statement",
                "on_error_statement",
                "resume_statement",
            ):
                target = node.child_by_field_name("target")
                if target is not None and self.t.text(target).lower() == name:
                    return True
            stack.extend(node.named_children)
        return False

    def _label_name(self, label: tree_sitter.Node) -> str:
        name = label.child_by_field_name("name")
        return self.t.text(name if name is not None else label).rstrip(":").lower()

    def _render_main(self, main: list[tree_sitter.Node]) -> str:
        for index, statement in enumerate(main):
            if statement.type == "on_error_statement" and self._handler_label(statement):
                return self._render_protected(main[:index], statement, main[index + 1 :])
        code = self._render(main)
        if self.labels.order and not self._terminal(main):
            code += "\n" + self._expand(self.labels.order[0])
        return code

    def _handler_label(self, statement: tree_sitter.Node) -> str | None:
        target = statement.child_by_field_name("target")
        if target is None or self.t.text(target) in ("0", "-1"):
            return None
        return self.t.text(target).lower()

    def _render_protected(self, before: list, statement: tree_sitter.Node, protected: list) -> str:
        handler = self._handler_label(statement)
        if handler not in self.labels.blocks:
            raise _failure()("On Error target is not a tail label")
        position = self.labels.order.index(handler)
        after = None
        if not self._terminal(protected):
            if position == 0:
                raise _failure()("the protected code falls into its handler")
            after = self.labels.order[0]
        handler_block = list(self.labels.blocks[handler])
        resume = None
        if handler_block and handler_block[-1].type == "resume_statement":
            target = handler_block[-1].child_by_field_name("target")
            if target is None or (after is not None and self.t.text(target).lower() != after):
                raise _failure()("Resume shape")
            resume = self.t.text(target).lower()
            handler_block = handler_block[:-1]
        self.labels.handler = handler
        head = self._render(before)
        try_code = self._render(protected)
        self.labels.handler = None
        handler_code = self._render(handler_block)
        falls = not self._terminal(handler_block) and position + 1 < len(self.labels.order)
        if falls and resume is None:
            raise _failure()("handler falls into another label")
        lines = [head] if head.strip() else []
        lines.append("vba.err.clear()")
        lines.append("try:\n" + indent(try_code or "pass"))
        except_code = self.catch_call() + "\n" + handler_code
        if resume is not None:
            except_code += "\nvba.err.clear()"
        lines.append("except vba.ERRORS as exc:  # On Error GoTo\n" + indent(except_code))
        if after is not None:
            lines.append(self._expand(after))
        return "\n".join(lines)

    def _render(self, statements: list[tree_sitter.Node]) -> str:
        return "\n".join(filter(None, (self.t.statement(s) for s in statements)))

    def _terminal(self, statements: list[tree_sitter.Node]) -> bool:
        """Does the list end in a statement that leaves the procedure?"""
        if not statements:
            return False
        last = statements[-1]
        if last.type == "exit_statement":
            return self.exit_code(last) != "break"
        if last.type == "call_statement":
            return self.t.text(last).lower().replace(" ", "").startswith("err.raise")
        return last.type in ("goto_statement", "end_statement")

    def _expand(self, label: str) -> str:
        """A tail block as it runs when reached: its statements, then the next block
        when it falls through."""
        if label not in self.labels.blocks:
            raise _failure()(f"no label {label}")
        block = self.labels.blocks[label]
        code = self._render(block)
        position = self.labels.order.index(label)
        if not self._terminal(block) and position + 1 < len(self.labels.order):
            code += "\n" + self._expand(self.labels.order[position + 1])
        return code

    # -- statements the shapes consume ----------------------------------------------------

    def goto(self, node: tree_sitter.Node) -> str:
        """`GoTo L` with L a tail block: the block inlined, then the procedure exit."""
        target = self.t.text(node.child_by_field_name("target")).lower()
        if self.labels is None or target not in self.labels.blocks:
            raise _failure()("GoTo outside the tail-block shape")
        if target == self.labels.handler:
            raise _failure()("GoTo into an active handler")
        code = self._expand(target)
        if not self._terminal_chain(target):
            code += "\n" + self._exit_of_procedure()
        return code

    def _terminal_chain(self, label: str) -> bool:
        position = self.labels.order.index(label)
        for name in self.labels.order[position:]:
            if self._terminal(self.labels.blocks[name]):
                return True
        return False

    def _exit_of_procedure(self) -> str:
        procedure = self.t.scope.procedure
        if procedure is not None and procedure.return_type:
            return "return result"
        return "return" + self.byref_return_suffix()

    def on_error(self, node: tree_sitter.Node) -> str:
        """On Error Resume Next / GoTo 0 open and close guarded regions; GoTo H is
        consumed by the procedure shape."""
        words = [self.t.text(c).lower() for c in node.children if not c.is_named]
        if "resume" in words:
            self.resuming = True
            return "vba.err.clear()  # On Error Resume Next"
        target = node.child_by_field_name("target")
        if target is not None and self.t.text(target) == "0":
            self.resuming = False
            return "vba.err.clear()  # On Error GoTo 0"
        if (
            target is not None
            and self.labels is not None
            and self.labels.blocks.get(self.t.text(target).lower()) is not None
            and self.labels.handler == self.t.text(target).lower()
        ):
            self.resuming = False
            return "vba.err.clear()"
        raise _failure()("On Error shape")

    def guarded(self, node: tree_sitter.Node) -> bool:
        """Inside On Error Resume Next, is this a simple statement still to wrap?"""
        return (
            self.resuming
            and node.type in SIMPLE_STATEMENTS
            and node.start_byte not in self.unguarded_nodes
        )

    def unguarded(self, node: tree_sitter.Node) -> str:
        """The statement itself, for the try block that guards it."""
        self.unguarded_nodes.add(node.start_byte)
        try:
            return indent(self.t.statement(node))
        finally:
            self.unguarded_nodes.discard(node.start_byte)

    # -- Select Case ------------------------------------------------------------------------

    def case_test(self, clause: tree_sitter.Node, subject: str, subject_node) -> str:
        """`Case 1, 5 To 7, Is > 9` as `a or b or c` against the subject evaluated once
        (comparisons with VBA's rules unless both sides are typed alike)."""
        tests = []
        for value in clause.children_by_field_name("value"):
            tests.append(self._case_value(value, subject, subject_node))
        return " or ".join(tests) if len(tests) > 1 else tests[0]

    def _case_value(self, value: tree_sitter.Node, subject: str, subject_node) -> str:
        if value.type == "case_range":
            low = value.child_by_field_name("start")
            high = value.child_by_field_name("end")
            return f"{self._compare(subject, subject_node, '>=', low)} and " + (
                self._compare(subject, subject_node, "<=", high)
            )
        if value.type == "case_comparison":
            operator = self.t.text(value.child_by_field_name("operator"))
            return self._compare(
                subject, subject_node, operator, value.child_by_field_name("value")
            )
        return self._compare(subject, subject_node, "=", value)

    def _compare(self, subject: str, subject_node, operator: str, other) -> str:
        code = self.t.expression(other)
        left = self.t.type_of(subject_node)
        typed = self.native_comparison(subject_node, other)
        if typed or (left in ("Long", "Integer") and self._is_enum(other)):
            python = {"=": "==", "<>": "!="}.get(operator, operator)
            return f"{subject} {python} {self.t.operand(other)}"
        helper = {"=": "eq", "<>": "ne", "<": "lt", ">": "gt", "<=": "le", ">=": "ge"}[operator]
        test = f"vba.{helper}({subject}, {code}{self.compare_flags(subject_node, other)})"
        if self.may_be_null(subject_node) or self.may_be_null(other):
            return f"vba.truth({test})"  # a Null subject matches no Case
        return test

    def _is_enum(self, node: tree_sitter.Node) -> bool:
        symbol = self.t.scope.symbol(self.t.text(node)) if node.type == "identifier" else None
        return symbol is not None and symbol.kind == "enummember"

    def case_arms(self, node: tree_sitter.Node, subject: str) -> list[tuple[str, str]]:
        """(test, indented body) per Case, in order; neighbouring Cases with the same
        body share one arm (`a or b`), which is what VBA runs for either."""
        value = node.child_by_field_name("value")
        arms: list[tuple[str, str]] = []
        for clause in self.case_clauses(node):
            test = self.case_test(clause, subject, value)
            body = self.t.block(clause.child_by_field_name("body"))
            if arms and _untagged(arms[-1][1]) == _untagged(body):
                arms[-1] = (f"{arms[-1][0]} or {test}", arms[-1][1])
            else:
                arms.append((test, body))
        return arms

    def case_clauses(self, node: tree_sitter.Node) -> list[tree_sitter.Node]:
        return [c for c in node.named_children if c.type == "case_clause"]

    def case_else(self, node: tree_sitter.Node) -> tree_sitter.Node | None:
        for child in node.named_children:
            if child.type == "case_else_clause":
                return child
        return None

    def subject(self, node: tree_sitter.Node) -> str:
        """The Select subject, evaluated once: the variable itself when it is a plain
        name, else a temp."""
        value = node.child_by_field_name("value")
        if value.type == "identifier":
            return self.ref(value)
        return self.temp("case", node)
