"""Vocabulary for control flow the rules cannot express alone: procedure bodies with
labels (GoTo, On Error GoTo handlers, Resume), GoTo to the end of a loop's body, On Error
Resume Next regions, Select Case tests.

A procedure body takes the first of two shapes that translates it without markers (else
the one leaving fewer; docs/translation.md, "Errors" and "GoTo"):
- structured: labels at the top level of a procedure split it into a main part and
  labelled tail blocks; `GoTo L` becomes L's block inlined at the jump (followed by the
  block's own fall-through into the next label, and the procedure exit when it does not
  end in one), so every path runs exactly the statements VBA runs;
  - `On Error GoTo H` at the top level, with H a tail block: the statements after it
    become `try:`, H's block the `except` (Err filled by `vba.catch`); a handler ending
    in `Resume L` clears Err and continues with L's block after the try;
  - `On Error GoTo H` with an H that resumes (`Resume Next`, `Resume`): H's block is a
    local function; each simple statement after the On Error runs in its own try whose
    except records the error and calls it, then goes on with the next statement, runs
    the failing one again (a retry loop around it) or leaves the procedure, as the
    handler answers;
- state machine, for what the structured shape cannot express (backward jumps, blocks
  both jumped to and fallen into, handlers that `Resume L` to an earlier label or fall
  into other blocks, several handlers): `_label` names the block to run; `while True:`
  holds one `if _label == 'name':` section per block in source order (a block falls
  into the next by setting `_label`), `GoTo L` is `_label = 'l'` + `continue` (from
  inside loops: `break` out of each, each loop checking `_label` after itself); with
  On Error GoTo the sections run in a `try` whose except sends a trapped error to the
  handler's block (`_trap`: the active handler, `_handling`: a handler is running, so
  a new error goes to the caller).
In both, `GoTo L` with L on the top level of an enclosing loop's body (the "continue"
VBA lacks) runs the statements after L in the body, what the loop runs at the end of an
iteration (its rule declares that with `loop_end`), then `continue`; and `On Error Resume
Next` ... `On Error GoTo 0` runs each simple statement in between in its own
`try`/`except` that records the error in Err and goes on.
Anything else keeps its markers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import tree_sitter

from .scope import PROCEDURE_TYPES, contains, enclosing_procedure, name_key

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
# Statements whose Python translation is a loop (`continue`/`break` inside act on it).
LOOP_STATEMENTS = ("for_statement", "for_each_statement", "do_statement", "while_statement")
JUMPS = ("goto_statement", "gosub_statement", "on_error_statement", "resume_statement")
DECLARATIONS = ("variable_declaration", "const_declaration")


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


def _nodes(roots, types) -> list[tree_sitter.Node]:
    """The nodes of the given types in and below `roots`."""
    found, stack = [], list(roots)
    while stack:
        node = stack.pop()
        if node.type in types:
            found.append(node)
        stack.extend(node.named_children)
    return found


def _suite(code: str) -> str:
    """An indented block body: `pass` when the code holds no statement."""
    if _has_statement(code):
        return indent(code)
    return indent((code + "\n" if code.strip() else "") + "pass")


@dataclass
class Machine:
    """The state machine of a procedure: the Python names of its variables and what
    rendering its blocks needs to know."""

    label: str  # the variable naming the block to run next
    trap: str | None  # the variable naming the enabled handler's block ('' none)
    handling: str | None  # the variable saying a handler runs (errors go to the caller)
    block: str = ""  # the block being rendered ('' the procedure's start)
    exits: set[int] = field(default_factory=set)  # loops a jump breaks out of, unchecked
    breaks_out: bool = False  # a jump in the block being rendered breaks out of loops
    normal: set[str] = field(default_factory=set)  # blocks reached without an error


@dataclass
class Resumable:
    """An On Error GoTo handler that resumes, rendered as a local function."""

    label: str
    name: str  # the local function
    kinds: set[str]  # how it ends: 'next' (Resume Next), 'again' (Resume), 'exit'
    action: str  # the local holding its answer when there are three kinds


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
    definitions: list[str] = field(default_factory=list)  # local functions, in order
    declarations: list[str] = field(default_factory=list)  # hoisted to the body's start
    expanding: list[str] = field(default_factory=list)  # tail blocks being inlined
    machine: Machine | None = None
    resumable: Resumable | None = None
    guarding: bool = False  # guarded statements call the resumable handler
    in_handler_function: bool = False
    # GoTo to the end of an outer loop's body from an inner loop: label -> its flag, and
    # the inner loops broken out of, still to check the flag after themselves
    flags: dict[str, str] = field(default_factory=dict)
    pending: dict[int, tuple[tree_sitter.Node, tree_sitter.Node]] = field(default_factory=dict)
    # Exit For / Exit Do from inside loops of another kind: target loop -> its flag, and
    # the loops broken out of, still to check the flag after themselves
    exit_flags: dict[int, str] = field(default_factory=dict)
    exits: dict[int, str] = field(default_factory=dict)
    generated: set[str] = field(default_factory=set)  # names _fresh gave out


class FlowWords:
    t: Translator

    # -- procedure bodies -----------------------------------------------------------------

    def procedure_body(self, procedure: tree_sitter.Node) -> str:
        """A procedure's statements, indented, with labels and On Error shapes resolved."""
        block = procedure.child_by_field_name("body")
        statements = [] if block is None else list(self.t.statements_of(block))
        nested = self._nested_declarations(block)
        head = self._render(nested)
        saved = (self.labels, self.resuming)
        self.hoisted_nodes.update(d.start_byte for d in nested)
        try:
            code = self._shaped(procedure, statements)
        finally:
            self.labels, self.resuming = saved
            self.hoisted_nodes.difference_update(d.start_byte for d in nested)
        if head.strip():
            code = head + "\n" + code
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

    def _nested_declarations(self, block: tree_sitter.Node | None) -> list[tree_sitter.Node]:
        """Dims inside loops, Ifs, With or Select blocks: "When a procedure begins running,
        all variables are initialized" (VBA reference, "Understanding the lifetime of
        variables"), so their initial values go first in the body (a Dim in a loop must not
        reset the variable on each pass, one in a branch not taken still declares it).
        Static locals, arrays and `As New` keep their own rules."""
        found: list[tree_sitter.Node] = []
        stack = [] if block is None else [c for c in block.named_children if c.named_children]
        while stack:
            node = stack.pop()
            for child in node.named_children:
                if child.type == "variable_declaration" and self.declarators_are_simple(child):
                    found.append(child)
                elif child.type not in PROCEDURE_TYPES:
                    stack.append(child)
        return sorted(found, key=lambda n: n.start_byte)

    def handles_errors(self, procedure: tree_sitter.Node) -> bool:
        """Does the procedure hold an On Error statement (then it resets Err when it
        returns: `@vba.clears_err`)?"""
        return contains(procedure.child_by_field_name("body"), "on_error_statement")

    def hoisted_declaration(self, node: tree_sitter.Node) -> bool:
        """Is this declaration rendered at the start of the procedure instead?"""
        return node.start_byte in self.hoisted_nodes

    def _shaped(self, procedure: tree_sitter.Node, statements: list[tree_sitter.Node]) -> str:
        """The body in the first shape that translates it without markers, else in the one
        leaving fewer; when no shape applies, statement by statement (its jumps stay
        markers)."""
        fragments, counts = len(self.t.fragments), self.t.rule_counts
        best = None
        for shape in (self._structured, self._machine):
            self.labels, self.resuming = Labels(procedure=procedure), False
            self.labels.tracks_erl = self._reads_erl(procedure)
            del self.t.fragments[fragments:]
            self.t.rule_counts = Counter(counts)
            try:
                code = shape(statements)
                if self.labels.pending or self.labels.exits:  # a loop rule did not check
                    raise _failure()("an inner loop does not check its flag after itself")
            except _failure():
                continue
            made = self.t.fragments[fragments:]
            if best is None or len(made) < len(best[1]):
                best = (code, made, self.t.rule_counts)
            if not made:
                break
        del self.t.fragments[fragments:]
        if best is None:
            self.t.rule_counts = counts
            self.labels, self.resuming = None, False
            return self._render(statements)
        code, made, self.t.rule_counts = best
        self.t.fragments.extend(made)
        return code

    def _structured(self, statements: list[tree_sitter.Node]) -> str:
        main = self._split(statements)
        self._subroutines(main)
        return self._with_definitions(self._render_main(main))

    def _with_definitions(self, code: str) -> str:
        """The body after its local functions (GoSub targets, a resuming handler) and the
        Erl line tracker."""
        if self.labels.definitions:
            code = "\n".join(self.labels.definitions) + "\n" + code
        if self.labels.declarations:
            code = "\n".join(self.labels.declarations) + "\n" + code
        if self.labels.tracks_erl:
            code = "erl_line = 0\n" + code
        return code

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

    def _fresh(self, base: str) -> str:
        """A local name for the translation's own machinery (`_label`, `_on_error`): no
        name of the module's code (any identifier, as Python spells it) nor the current
        procedure's Static storage."""
        from .engine import python_name

        if self.module_names is None:
            root = self.labels.procedure
            while root.parent is not None:
                root = root.parent
            names, stack = set(), [root]
            while stack:
                node = stack.pop()
                if node.type == "identifier":
                    names.add(python_name(self.t.text(node)))
                stack.extend(node.named_children)
            self.module_names = names
        procedure = self.t.scope.procedure
        taken = self.module_names | set(procedure.statics.values() if procedure else ())
        taken |= self.labels.generated
        name, number = base, 1
        while name in taken:
            number += 1
            name = f"{base}_{number}"
        self.labels.generated.add(name)
        return name

    # -- GoSub ------------------------------------------------------------------------------

    def _subroutines(self, main: list[tree_sitter.Node]) -> None:
        """GoSub targets as local functions defined first in the procedure: a labelled
        tail block that ends in Return, that only GoSub reaches (nothing falls or jumps
        into it) and that does not leave the procedure itself. Its variables are the
        procedure's (`nonlocal`), as a GoSub body shares the procedure's locals."""
        targets = self._gosub_targets()
        if not targets:
            return
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
        for label in targets:
            block = self._hoisted(self.labels.blocks.pop(label))
            self.labels.order.remove(label)
            self.labels.in_subroutine = True
            try:
                body = self._render(block[:-1])
            finally:
                self.labels.in_subroutine = False
            self.labels.definitions.append(
                self._local_function(self.labels.subroutines[label], block, body)
            )

    def _hoisted(self, block: list[tree_sitter.Node]) -> list[tree_sitter.Node]:
        """The block without its declarations, which render at the start of the body
        instead: "When a procedure begins running, all variables are initialized" (VBA
        reference, "Understanding the lifetime of variables"), so a local function must
        share the variable and a block run again must not reset it."""
        declarations = [s for s in block if s.type in DECLARATIONS]
        if declarations:
            self.labels.declarations.append(self._render(declarations))
        return [s for s in block if s.type not in DECLARATIONS]

    def _local_function(self, name: str, block: list[tree_sitter.Node], body: str) -> str:
        """`def name():` over a body that shares the procedure's variables."""
        shared = self._shared_names(block)
        head = [f"nonlocal {', '.join(shared['nonlocal'])}"] if shared["nonlocal"] else []
        head += [f"global {', '.join(shared['global'])}"] if shared["global"] else []
        code = "\n".join([*head, body] if body.strip() else [*head, "pass"])
        return f"def {name}():\n" + indent(code)

    def _gosub_targets(self) -> list[str]:
        return [name for name in self.labels.order if self._gosub_reaches(name)]

    def _gosub_reaches(self, label: str) -> bool:
        return any(
            self.t.text(node.child_by_field_name("target")).lower() == label
            for node in self._procedure_nodes("gosub_statement")
        )

    def _jumped_to(self, label: str, *types: str) -> bool:
        return any(
            (target := node.child_by_field_name("target")) is not None
            and self.t.text(target).lower() == label
            for node in self._procedure_nodes(
                *(types or ("goto_statement", "on_error_statement", "resume_statement"))
            )
        )

    def _procedure_nodes(self, *types: str) -> list[tree_sitter.Node]:
        root = self.labels.procedure if self.labels is not None else None
        return _nodes([root] if root is not None else [], types)

    def _leaves(self, block: list[tree_sitter.Node]) -> bool:
        """Does the block leave the procedure or jump (Exit Sub/Function, GoTo, End,
        On Error, Resume)? A local function cannot do that for its caller."""
        stack = list(block)
        while stack:
            node = stack.pop()
            if node.type == "exit_statement" and self._exits_procedure(node):
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
        """The procedure's variables a local function's body assigns: `nonlocal` for
        locals, parameters and the function result, `global` for module variables and
        Static storage of a standard module. A variable used without a declaration is a
        local too ("Option Explicit statement": without it, undeclared variables are
        Variants): it is initialised to Empty at the start of the body, so the function
        shares it."""
        from .scope import assigned_names

        scope = self.t.scope
        procedure = scope.procedure
        shared: dict[str, set[str]] = {"nonlocal": set(), "global": set()}
        for statement in block:
            if statement.type == "label" and self.erl_line(statement):
                shared["nonlocal"].add("erl_line")
            for name in assigned_names(statement, self.t.text):
                key = name_key(name)
                if scope.is_function_result(name):
                    shared["nonlocal"].add("result")
                elif procedure is not None and key in procedure.statics:
                    if not scope.is_class:
                        shared["global"].add(procedure.statics[key])
                elif procedure is not None and key in procedure.types:
                    shared["nonlocal"].add(self.t.name(name))
                elif key in scope.types and not scope.is_class:
                    shared["global"].add(self.t.name(name))
                elif key not in scope.types and scope.symbol(name) is None:
                    shared["nonlocal"].add(self.t.name(name))
                    line = f"{self.t.name(name)} = vba.Empty"
                    if line not in self.labels.declarations:
                        self.labels.declarations.append(line)
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
        for node in _nodes([procedure], JUMPS):
            target = node.child_by_field_name("target")
            if target is not None and self.t.text(target).lower() == name:
                return True
        return False

    def _label_name(self, label: tree_sitter.Node) -> str:
        name = label.child_by_field_name("name")
        return self.t.text(name if name is not None else label).rstrip(":").lower()

    # -- the structured shape ---------------------------------------------------------------

    def _render_main(self, main: list[tree_sitter.Node]) -> str:
        for index, statement in enumerate(main):
            if statement.type == "on_error_statement" and self._handler_label(statement):
                if self._resumes(self._handler_label(statement)):
                    self._resumable_handler(main, self._handler_label(statement))
                    break
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

    def _resumes(self, handler: str | None) -> bool:
        """Does the handler's block hold a `Resume Next` or a `Resume` (no label)?"""
        block = self.labels.blocks.get(handler or "")
        return block is not None and any(
            self._resume_kind(node) != "label" for node in _nodes(block, ("resume_statement",))
        )

    def _resume_kind(self, node: tree_sitter.Node) -> str:
        """'label' (`Resume L`), 'next' (`Resume Next`) or 'again' (`Resume`, `Resume 0`:
        the failing statement again)."""
        target = node.child_by_field_name("target")
        if target is not None and self.t.text(target) != "0":
            return "label"
        words = [self.t.text(c).lower() for c in node.children if not c.is_named]
        return "next" if "next" in words else "again"

    def _resumable_handler(self, main: list[tree_sitter.Node], handler: str) -> None:
        """`On Error GoTo H` with an H that resumes: H becomes the local function the
        guarded statements' except clauses call (VBA-ERR-011/012). It answers how it
        ended: Resume Next ('next': the statement after the failing one), Resume
        ('again': the failing statement once more), Exit Sub/Function or the end of the
        procedure ('exit'); with one way only it answers nothing. Only for a handler
        that nothing falls or jumps into, that does not jump itself, and for a procedure
        whose On Error statements are on its top level and all name this handler (so
        the statements guarded are exactly those VBA's handler covers)."""
        labels = self.labels
        block = labels.blocks[handler]
        body = self.labels.procedure.child_by_field_name("body")
        for node in self._procedure_nodes("on_error_statement"):
            target = node.child_by_field_name("target")
            if node.parent != body or (
                target is not None and self.t.text(target).lower() not in ("0", handler)
            ):
                raise _failure()("On Error nested, or naming another handler")
        inside = _nodes(block, JUMPS + ("return_statement",))
        if any(n.type != "resume_statement" or self._resume_kind(n) == "label" for n in inside):
            raise _failure()("the handler jumps")
        if self._jumped_to(handler, "goto_statement", "resume_statement") or labels.subroutines:
            raise _failure()("the handler is jumped to, or GoSub bodies would be unguarded")
        position = labels.order.index(handler)
        before = main if position == 0 else labels.blocks[labels.order[position - 1]]
        if not self._terminal(before):
            raise _failure()("code falls into the handler")
        last = block[-1] if block else None
        falls_off = not (
            last is not None and (last.type == "resume_statement" or self._terminal(block))
        )
        if falls_off and position + 1 < len(labels.order):
            raise _failure()("the handler falls into another label")
        kinds = {self._resume_kind(n) for n in inside}
        if falls_off or any(self._exits_procedure(n) for n in _nodes(block, ("exit_statement",))):
            kinds.add("exit")
        labels.blocks.pop(handler)
        labels.order.remove(handler)
        block = self._hoisted(block)
        labels.resumable = Resumable(
            handler, self._fresh("_on_error"), kinds, self._fresh("_action")
        )
        labels.in_handler_function = True
        try:
            code = self._render(block)
        finally:
            labels.in_handler_function = False
        if falls_off:
            code += "\n" + self._handler_return("exit")
        code = _drop_trailing_return(code, "return")
        labels.definitions.append(self._local_function(labels.resumable.name, block, code))

    def _handler_return(self, kind: str) -> str:
        """How the resumable handler's function answers (nothing when it ends one way)."""
        if len(self.labels.resumable.kinds) == 1:
            return "return"
        return f"return {kind!r}"

    def retries(self) -> bool:
        """Can the active resumable handler ask for the failing statement again (so a
        guarded statement runs in a retry loop, VBA-ERR-012)?"""
        labels = self.labels
        return (
            labels is not None
            and labels.guarding
            and labels.resumable is not None
            and "again" in labels.resumable.kinds
        )

    def handler_call(self) -> str:
        """The rest of a guarded statement's except clause (VBA-ERR-011/012) when a
        resumable On Error GoTo handler is active: call it, then leave the procedure or
        go round the retry loop as it answers; '' otherwise. (Never inside a GoSub body,
        whose `return` would not leave the procedure: _resumable_handler excludes them.)"""
        labels = self.labels
        if labels is None or not labels.guarding or labels.resumable is None:
            return ""
        handler = labels.resumable
        call, kinds = f"{handler.name}()", handler.kinds
        leave = INDENT + self._exit_of_procedure()
        if len(kinds) == 1:
            lines = [call]
        elif len(kinds) == 3:
            lines = [f"{handler.action} = {call}", f"if {handler.action} == 'exit':", leave]
            lines += [f"if {handler.action} == 'again':", INDENT + "continue"]
        elif "exit" in kinds:
            lines = [f"if {call} == 'exit':", leave]
        else:
            lines = [f"if {call} == 'again':", INDENT + "continue"]
        if kinds in ({"again"}, {"again", "exit"}):
            lines.append("continue")
        return indent("\n".join(lines))

    def _render(self, statements: list[tree_sitter.Node]) -> str:
        return "\n".join(filter(None, (self.t.statement(s) for s in statements)))

    def _terminal(self, statements: list[tree_sitter.Node]) -> bool:
        """Does the list end in a statement that leaves the procedure?"""
        if not statements:
            return False
        last = statements[-1]
        if last.type == "exit_statement":
            return self._exits_procedure(last)
        if last.type == "call_statement":
            return self.t.text(last).lower().replace(" ", "").startswith("err.raise")
        return last.type in ("goto_statement", "end_statement")

    def _expand(self, label: str) -> str:
        """A tail block as it runs when reached: its statements, then the next block
        when it falls through."""
        if label not in self.labels.blocks:
            raise _failure()(f"no label {label}")
        if label in self.labels.expanding:
            raise _failure()("a backward jump (the state machine's shape)")
        self.labels.expanding.append(label)
        try:
            block = self.labels.blocks[label]
            code = self._render(block)
            position = self.labels.order.index(label)
            if not self._terminal(block) and position + 1 < len(self.labels.order):
                code += "\n" + self._expand(self.labels.order[position + 1])
        finally:
            self.labels.expanding.pop()
        return code

    # -- statements the shapes consume ----------------------------------------------------

    def goto(self, node: tree_sitter.Node) -> str:
        """`GoTo L`: to the end of an enclosing loop's body, the rest of the body and
        `continue`; in the state machine, a jump; with L a tail block, the block inlined,
        then the procedure exit."""
        target = self.t.text(node.child_by_field_name("target")).lower()
        if self.labels is None:
            raise _failure()("GoTo outside a procedure")
        in_loop = self._loop_label(target)
        if in_loop is not None:
            return self._continue(node, *in_loop)
        if target not in self.labels.blocks:
            raise _failure()("GoTo outside the tail-block shape")
        if self.labels.machine is not None:
            return self._jump(node, target)
        if target == self.labels.handler:
            raise _failure()("GoTo into an active handler")
        saved = (self.resuming, self.labels.guarding)
        code = self._expand(target)
        self.resuming, self.labels.guarding = saved  # what follows is not after the jump
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
        return self.final_return(self.labels.procedure) or "return"

    # -- GoTo to the end of a loop's body (the "continue" VBA lacks) -------------------------

    def loop_end(self, loop: tree_sitter.Node, code: str = "") -> str:
        """Called by a loop's rule before the loop (and its body) renders: the loop is a
        Python loop whose `continue`, after `code`, does what VBA does at the loop's end
        (`Next`, `Loop`, `Wend`): `code` is what the translation runs at the end of each
        iteration (a counter's increment, a `Loop Until` test); `break` leaves it at once.
        Renders what must run before the loop: the flags of GoTo statements inside it
        that go to the end of an enclosing loop's body (`_goto_l = False`), and of Exit
        For / Exit Do inside it that leave an enclosing loop (`_exit_do = False`)."""
        self.loop_ends[loop.start_byte] = code
        if self.labels is None:
            return ""
        flags = []
        for goto in _nodes([loop.child_by_field_name("body") or loop], ("goto_statement",)):
            target = goto.child_by_field_name("target")
            in_loop = None if target is None else self._loop_label(self.t.text(target).lower())
            if in_loop is None:
                continue
            label, outer = in_loop
            if (
                goto.end_byte <= label.start_byte
                and outer in self._loops_around(loop)
                and not self._loops_around(loop, outer)
            ):
                flag = self._flag(label)
                if flag not in flags:
                    flags.append(flag)
        for exit_node in _nodes([loop.child_by_field_name("body") or loop], ("exit_statement",)):
            if self._exits_procedure(exit_node):
                continue
            words = [self.t.text(c).lower() for c in exit_node.children if not c.is_named]
            target, between = self._exit_target(exit_node, "do" if "do" in words else "for")
            if target is not None and between and between[-1] == loop:
                if target.start_byte not in self.labels.exit_flags:
                    base = "_exit_do" if target.type == "do_statement" else "_exit_for"
                    self.labels.exit_flags[target.start_byte] = self._fresh(base)
                flag = self.labels.exit_flags[target.start_byte]
                if flag not in flags:
                    flags.append(flag)
        return "".join(f"{flag} = False\n" for flag in flags)

    def _flag(self, label: tree_sitter.Node) -> str:
        """The flag a GoTo from an inner loop sets before breaking out towards `label`."""
        name = self._label_name(label)
        if name not in self.labels.flags:
            self.labels.flags[name] = self._fresh("_goto_" + self.t.name(name).strip("_"))
        return self.labels.flags[name]

    def _loop_label(self, name: str) -> tuple[tree_sitter.Node, tree_sitter.Node] | None:
        """The label `name` and its loop, when it stands on the top level of a loop's
        body."""
        for label in self._procedure_nodes("label"):
            if self._label_name(label) != name:
                continue
            body = label.parent
            loop = body.parent if body is not None else None
            if (
                loop is not None
                and loop.type in LOOP_STATEMENTS
                and loop.child_by_field_name("body") == body
            ):
                return label, loop
        return None

    def _continue(self, node: tree_sitter.Node, label: tree_sitter.Node, loop) -> str:
        """`GoTo L` inside the body before L: the body's statements after L, the loop's
        end-of-iteration code, `continue`. From inside inner loops (where `continue`
        would be theirs): set L's flag and `break`; each inner loop checks the flag after
        itself (after_loop), the outermost one going on as above. Not past an On Error
        statement (the statements after L would run in another error mode)."""
        if not (loop.start_byte < node.start_byte and node.end_byte <= label.start_byte):
            raise _failure()("GoTo into a loop, or back within its body")
        inner = self._loops_around(node, loop)
        if any(n.start_byte not in self.loop_ends for n in [loop, *inner]):
            raise _failure()("a loop rule that does not declare its end of iteration")
        if any(
            node.end_byte <= n.start_byte < label.start_byte
            for n in self._procedure_nodes("on_error_statement")
        ):
            raise _failure()("an On Error statement between the GoTo and the label")
        if inner:
            if self._label_name(label) not in self.labels.flags:
                raise _failure()("the outermost inner loop did not set the flag")
            for each in inner:
                self.labels.pending[each.start_byte] = (label, loop)
            return f"{self._flag(label)} = True\nbreak"
        return self._rest_of_iteration(label, loop)

    def _rest_of_iteration(self, label: tree_sitter.Node, loop: tree_sitter.Node) -> str:
        """What a jump to `label` on the top level of `loop`'s body runs: the statements
        after it, the loop's end-of-iteration code, `continue`."""
        body = loop.child_by_field_name("body")
        rest = [s for s in self.t.statements_of(body) if s.start_byte > label.start_byte]
        saved = (self.resuming, self.labels.guarding)
        code = self._render(rest)
        self.resuming, self.labels.guarding = saved
        if rest and (self._terminal(rest) or rest[-1].type == "exit_statement"):
            return code
        return "\n".join(filter(None, [code, self.loop_ends[loop.start_byte], "continue"]))

    def _loops_around(self, node: tree_sitter.Node, outer=None) -> list[tree_sitter.Node]:
        """The loop statements enclosing `node`, innermost first, up to `outer` (or the
        procedure)."""
        loops = []
        current = node.parent
        while current is not None and current != outer and current.type not in PROCEDURE_TYPES:
            if current.type in LOOP_STATEMENTS:
                loops.append(current)
            current = current.parent
        return loops

    # -- Exit For / Exit Do ------------------------------------------------------------------

    def _exits_procedure(self, node: tree_sitter.Node) -> bool:
        """Is this Exit statement Exit Sub/Function/Property (not Exit For/Do)?"""
        words = [self.t.text(c).lower() for c in node.children if not c.is_named]
        return any(word in words for word in ("sub", "function", "property"))

    def _exit_target(self, node: tree_sitter.Node, kind: str):
        """The loop an `Exit For` / `Exit Do` leaves (the innermost For or For Each, the
        innermost Do) and the loops of other kinds in between, innermost first."""
        types = ("for_statement", "for_each_statement") if kind == "for" else ("do_statement",)
        between = []
        for loop in self._loops_around(node):
            if loop.type in types:
                return loop, between
            between.append(loop)
        return None, between

    def loop_exit(self, node: tree_sitter.Node, kind: str) -> str:
        """`Exit For` / `Exit Do` ("Exit statement": leaves the innermost For...Next or
        For Each...Next / Do...Loop, going on after its Next / Loop): `break`, unless
        loops of another kind lie in between (a Do in the For, a For or While in the
        Do), whose Python loops `break` would leave instead: then set the target loop's
        flag (`_exit_for = False` before the outermost loop in between, loop_end) and
        break; each loop in between checks it after itself (after_loop), the outermost
        breaking the target."""
        target, between = self._exit_target(node, kind)
        if target is None or not between:
            return "break"
        if self.labels is None or target.start_byte not in self.labels.exit_flags:
            raise _failure()("Exit For/Do through a loop whose rule did not set the flag")
        if any(loop.start_byte not in self.loop_ends for loop in between):
            raise _failure()("a loop whose rule does not declare itself a Python loop")
        flag = self.labels.exit_flags[target.start_byte]
        for loop in between:
            self.labels.exits[loop.start_byte] = flag
        return f"{flag} = True\nbreak"

    # -- the state machine ----------------------------------------------------------------

    def _machine(self, statements: list[tree_sitter.Node]) -> str:
        main = self._split(statements)
        if not self.labels.order:
            raise _failure()("no labels: nothing for a state machine")
        self._subroutines(main)
        return self._with_definitions(self._render_machine(main))

    def _render_machine(self, main: list[tree_sitter.Node]) -> str:
        """The procedure as a state machine (module docstring). Fails for what it cannot
        run exactly: Resume Next / Resume (the failing statement is not a block), a
        handler reached with its statements guarded by On Error Resume Next (VBA does
        not trap there), a Resume Next region that leaves its block or holds jumps."""
        labels = self.labels
        names = ["", *labels.order]
        blocks = {"": main, **{name: self._hoisted(labels.blocks[name]) for name in labels.order}}
        if any(self._resume_kind(n) != "label" for n in self._procedure_nodes("resume_statement")):
            raise _failure()("Resume Next / Resume in a state machine")
        traps = [
            self._handler_label(n)
            for n in self._procedure_nodes("on_error_statement")
            if self._handler_label(n)
        ]
        if any(trap not in blocks for trap in traps):
            raise _failure()("On Error GoTo a label that is no block")
        self._check_resume_next_regions(blocks)
        handlers = self._reachable(names, blocks, traps, "goto_statement")
        if any(
            self._resume_next(n)
            for name in handlers
            for n in _nodes(blocks[name], ("on_error_statement",))
        ):
            raise _failure()("On Error Resume Next in a handler")
        machine = Machine(self._fresh("_label"), None, None)
        if traps:
            machine.trap, machine.handling = self._fresh("_trap"), self._fresh("_handling")
        machine.normal = self._reachable(names, blocks, [""], "goto_statement", "resume_statement")
        labels.machine = machine
        sections = []
        for position, name in enumerate(names):
            block = blocks[name]
            machine.block, machine.breaks_out = name, False
            code = self._render(block)
            if machine.exits:
                raise _failure()("a loop broken out of does not check the jump after itself")
            if machine.breaks_out:  # the loops it leaves see a jump as a label set
                code = f"{machine.label} = None\n" + code
            if not self._ends(block) and position + 1 < len(names):
                code += f"\n{machine.label} = {names[position + 1]!r}"
            sections.append(f"if {machine.label} == {name!r}:\n" + _suite(code))
        body = "\n".join(sections) + "\nbreak"
        lines = [f"{machine.label} = ''"]
        if machine.trap:
            lines += [f"{machine.trap} = ''", f"{machine.handling} = False"]
            trapped = "\n".join(
                [
                    f"if not {machine.trap} or {machine.handling}:",
                    INDENT + "raise",
                    self.catch_call(),
                    f"{machine.handling} = True",
                    f"{machine.label} = {machine.trap}",
                ]
            )
            body = (
                "try:\n"
                + indent(body)
                + "\nexcept vba.ERRORS as exc:  # On Error GoTo\n"
                + indent(trapped)
            )
        lines.append("while True:\n" + indent(body))
        return "\n".join(lines)

    def _ends(self, block: list[tree_sitter.Node]) -> bool:
        """Does a machine block end in a jump or an exit (it does not fall into the next)?"""
        return self._terminal(block) or bool(block and block[-1].type == "resume_statement")

    def _reachable(self, names, blocks, starts, *edges: str) -> set[str]:
        """The blocks reached from `starts` by falling through and by the jumps of the
        statement types `edges` (an over-estimate: every jump counts)."""
        seen: set[str] = set()
        stack = list(starts)
        while stack:
            name = stack.pop()
            if name in seen or name not in blocks:
                continue
            seen.add(name)
            position = names.index(name)
            if not self._ends(blocks[name]) and position + 1 < len(names):
                stack.append(names[position + 1])
            for node in _nodes(blocks[name], edges):
                target = node.child_by_field_name("target")
                if target is not None:
                    stack.append(self.t.text(target).lower())
        return seen

    def _check_resume_next_regions(self, blocks: dict[str, list[tree_sitter.Node]]) -> None:
        """Guarding is decided while rendering, in source order; in a machine, blocks run
        in any order, so a Resume Next region must open and close on the top level of one
        block, with no jump and no nested On Error inside."""
        for block in blocks.values():
            open_region = False
            for statement in block:
                if statement.type == "on_error_statement":
                    open_region = self._resume_next(statement)
                elif open_region and _nodes([statement], JUMPS):
                    raise _failure()("a jump inside an On Error Resume Next region")
            if open_region:
                raise _failure()("an On Error Resume Next region leaves its block")
        body = self.labels.procedure.child_by_field_name("body")
        for node in self._procedure_nodes("on_error_statement"):
            if node.parent != body and self._resume_next(node):
                raise _failure()("On Error Resume Next inside a compound statement")

    def _resume_next(self, node: tree_sitter.Node) -> bool:
        """Is this On Error statement `On Error Resume Next`?"""
        return any(self.t.text(c).lower() == "resume" for c in node.children if not c.is_named)

    def _jump(self, node: tree_sitter.Node, target: str) -> str:
        """A jump to the block `target`: `_label = 'target'`, then `continue` (the
        dispatcher's), or from inside loops `break` (each loop then checks `_label`
        after itself, after_loop; such a block sets `_label` to None when it starts)."""
        machine = self.labels.machine
        if self.labels.in_subroutine or self.labels.in_handler_function:
            raise _failure()("a jump out of a local function")
        code = f"{machine.label} = {target!r}"
        loops = self._loops_around(node)
        if not loops:
            return code + "\ncontinue"
        if any(loop.start_byte not in self.loop_ends for loop in loops):
            raise _failure()("a loop whose rule does not declare itself a Python loop")
        machine.exits.update(loop.start_byte for loop in loops)
        machine.breaks_out = True
        return code + "\nbreak"

    def after_loop(self, loop: tree_sitter.Node) -> str:
        """Called by a loop's rule after the loop: when a GoTo to the end of an outer
        loop's body broke out of it (its flag is set), break on or, in that body, run
        the rest of the iteration; when an Exit For / Exit Do of an outer loop broke out
        of it, break on; in a state machine, when a jump broke out of it (`_label` is
        set), break on, or go on to the dispatcher; '' otherwise."""
        if self.labels is None:
            return ""
        checks = []
        if loop.start_byte in self.labels.pending:
            label, outer = self.labels.pending.pop(loop.start_byte)
            flag = self._flag(label)
            if self._loops_around(loop, outer):
                checks.append(f"if {flag}:\n{INDENT}break")
            else:
                checks.append(f"if {flag}:\n" + indent(self._rest_of_iteration(label, outer)))
        if loop.start_byte in self.labels.exits:
            checks.append(f"if {self.labels.exits.pop(loop.start_byte)}:\n{INDENT}break")
        machine = self.labels.machine
        if machine is not None and loop.start_byte in machine.exits:
            machine.exits.discard(loop.start_byte)
            leave = "break" if self._loops_around(loop) else "continue"
            checks.append(f"if {machine.label} is not None:\n{INDENT}{leave}")
        return "\n".join(checks)

    def resume(self, node: tree_sitter.Node) -> str:
        """Resume in a resumable handler's function: clear Err and answer; `Resume L` in
        a state machine: clear Err, end the handling, jump to L (a Resume reached
        without an error is error 20, "Resume without error")."""
        kind = self._resume_kind(node)
        labels = self.labels
        if labels is not None and labels.in_handler_function and kind != "label":
            return "vba.err.clear()\n" + self._handler_return(kind)
        machine = labels.machine if labels is not None else None
        if machine is None or kind != "label":
            raise _failure()("Resume outside the shapes that translate it")
        target = self.t.text(node.child_by_field_name("target")).lower()
        if target not in labels.blocks:
            raise _failure()("Resume to a label that is no block")
        if machine.handling is None:
            return "vba.raise_error(20)  # Resume without error"
        lines = []
        if machine.block in machine.normal:
            lines.append(f"if not {machine.handling}:\n{INDENT}vba.raise_error(20)")
        lines += ["vba.err.clear()", f"{machine.handling} = False", self._jump(node, target)]
        return "\n".join(lines)

    def on_error(self, node: tree_sitter.Node) -> str:
        """On Error Resume Next / GoTo 0 open and close guarded regions; GoTo H is
        consumed by the procedure's shape: the try/except shape, a resumable handler
        (guarding), or the machine's `_trap`. Each clears Err."""
        words = [self.t.text(c).lower() for c in node.children if not c.is_named]
        target = node.child_by_field_name("target")
        label = self.t.text(target).lower() if target is not None else None
        labels = self.labels
        machine = labels.machine if labels is not None else None
        if machine is not None:
            return self._machine_on_error(machine, "resume" in words, label)
        if labels is not None:
            labels.guarding = False
        if "resume" in words:
            self.resuming = True
            return "vba.err.clear()  # On Error Resume Next"
        if label == "0":
            self.resuming = False
            return "vba.err.clear()  # On Error GoTo 0"
        if labels is not None and labels.resumable is not None and labels.resumable.label == label:
            self.resuming = labels.guarding = True
            return f"vba.err.clear()  # On Error GoTo {self.t.text(target)}"
        if (
            labels is not None
            and labels.blocks.get(label or "") is not None
            and labels.handler == label
        ):
            self.resuming = False
            return "vba.err.clear()"
        raise _failure()("On Error shape")

    def _machine_on_error(self, machine: Machine, resume_next: bool, label: str | None) -> str:
        lines = ["vba.err.clear()"]
        trap = None
        if resume_next:
            self.resuming, trap = True, "''"
            lines[0] += "  # On Error Resume Next"
        elif label == "0":
            self.resuming, trap = False, "''"
            lines[0] += "  # On Error GoTo 0"
        elif label == "-1":
            lines[0] += "  # On Error GoTo -1"
            if machine.handling:
                lines.append(f"{machine.handling} = False")
        else:
            self.resuming, trap = False, repr(label)
        if machine.trap and trap is not None:
            lines.append(f"{machine.trap} = {trap}")
        return "\n".join(lines)

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
