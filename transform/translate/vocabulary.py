"""The functions rule templates and conditions may call: questions about types and names,
and renderings of recurring shapes (argument lists, parameters, Debug.Print items).

Rules stay data; this is their shared vocabulary. A new rule needs no engine change, and a
new word here is a plain method with a docstring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import tree_sitter

from transform.runtimes.vba.builtins import BUILTINS

from .scope import HINT_TYPES, NUMERIC_TYPES

if TYPE_CHECKING:
    from .engine import Translator

NATIVE_NUMERIC = ("Long", "LongLong", "Single", "Double")
INTEGRAL = ("Byte", "Integer", "Long", "LongLong")
DEFAULTS = {
    "string": "''",
    "boolean": "False",
    "double": "0.0",
    "single": "0.0",
    "date": "vba.Date(0)",
    "currency": "vba.Currency(0)",
    "variant": "vba.Empty",
    "object": "None",
    **dict.fromkeys(("byte", "integer", "long", "longlong", "longptr"), "0"),
}
ANNOTATIONS = {
    "string": "str",
    "boolean": "bool",
    "double": "float",
    "single": "float",
    **dict.fromkeys(("byte", "integer", "long", "longlong", "longptr"), "int"),
}
# Nodes whose evaluation cannot have side effects (so evaluating them once or twice, or
# not at all, is the same).
PURE_TYPES = {
    "identifier",
    "string_literal",
    "integer_literal",
    "float_literal",
    "boolean_literal",
    "date_literal",
}
_WRAP = {"binary_expression", "unary_expression", "new_expression", "typeof_expression"}


@dataclass
class Declarator:
    name: str
    default: str


class Vocabulary:
    def __init__(self, translator: Translator):
        self.t = translator
        self.temps: dict[str, int] = {}

    def functions(self) -> dict:
        return {
            name: getattr(self, name)
            for name in dir(self)
            if not name.startswith("_") and name != "functions" and callable(getattr(self, name))
        }

    # -- types ----------------------------------------------------------------------------

    def vba_type(self, node: tree_sitter.Node) -> str:
        return self.t.type_of(node)

    def numeric(self, node: tree_sitter.Node) -> bool:
        return self.t.type_of(node) in NUMERIC_TYPES

    def native_numeric(self, node: tree_sitter.Node) -> bool:
        """Long/LongLong/Single/Double: Python's operators give VBA's results."""
        return self.t.type_of(node) in NATIVE_NUMERIC

    def integral(self, node: tree_sitter.Node) -> bool:
        return self.t.type_of(node) in INTEGRAL

    def scope_text_compare(self) -> bool:
        return self.t.scope.option_compare_text

    def pure(self, node: tree_sitter.Node) -> bool:
        if node.type in PURE_TYPES:
            return True
        if node.type in ("binary_expression", "unary_expression", "parenthesized_expression"):
            return all(self.pure(child) for child in node.named_children)
        return False

    # -- names and procedures -------------------------------------------------------------

    def is_user_procedure(self, node: tree_sitter.Node) -> bool:
        if node.type != "identifier":
            return False
        name = self.t.text(node).lower()
        return name in self.t.scope.procedures or name in self.t.scope.project_procedures

    def callee(self, node: tree_sitter.Node) -> str:
        """The Python name of a called procedure; another module's is imported."""
        python = self.t.name(node)
        module = self.t.scope.project_procedures.get(self.t.text(node).lower())
        if module is not None and self.t.text(node).lower() not in self.t.scope.procedures:
            self.t.scope.imports.add((module, python))
        return python

    def is_builtin(self, node: tree_sitter.Node) -> bool:
        return node.type == "identifier" and self.t.text(node).lower() in BUILTINS

    def builtin_name(self, node: tree_sitter.Node) -> str:
        name = self.t.text(node).lower()
        return name[:-1] + "_s" if name.endswith("$") else name

    def temp(self, purpose: str, owner: tree_sitter.Node) -> str:
        """A fresh local name (end_1, step_1, ...) per statement that owns it."""
        key = f"{purpose}:{owner.start_byte}"
        if key not in self.temps:
            self.temps[key] = sum(1 for k in self.temps if k.startswith(purpose + ":")) + 1
        return f"{purpose}_{self.temps[key]}"

    # -- renderings -----------------------------------------------------------------------

    def literal(self, node: tree_sitter.Node) -> str:
        from transform.parse.vba_literals import number_literal

        text = self.t.text(node)
        if node.type == "string_literal":
            return repr(text[1:-1].replace('""', '"'))
        value = number_literal(text)
        if isinstance(value, float) and not text.rstrip("!#@").replace(".", "").isdigit():
            return repr(float(value))
        return (
            repr(int(value))
            if float(value).is_integer() and "." not in text
            else repr(float(value))
        )

    def condition(self, node: tree_sitter.Node, negated: bool = False) -> str:
        """An If/While condition: a Boolean expression as is, anything else through
        VBA's conversion to Boolean (CBool)."""
        code = self.t.expression(node)
        if self.t.type_of(node) == "Boolean":
            return f"({code})" if negated and node.type in _WRAP else code
        return f"vba.cbool({code})"

    def arguments(self, args: tree_sitter.Node) -> str:
        rendered = []
        for child in args.named_children:
            if child.is_extra:
                continue
            if child.type == "named_argument":
                name = child.child_by_field_name("name")
                value = child.child_by_field_name("value")
                rendered.append(f"{self.t.name(name)}={self.t.expression(value)}")
            else:
                rendered.append(self.t.expression(child))
        return ", ".join(rendered)

    def print_items(self, node: tree_sitter.Node) -> str:
        output = node.child_by_field_name("output")
        if output is None:
            return ""
        items = []
        for child in output.children:
            if child.type in (";", ","):
                items.append("vba.SEMICOLON" if child.type == ";" else "vba.COMMA")
            elif child.is_named and not child.is_extra:
                items.append(self.t.expression(child))
        return ", ".join(items)

    def declarators_are_simple(self, node: tree_sitter.Node) -> bool:
        """Scalars only: arrays, fixed-length strings, `As New` and Static locals (which
        keep their value between calls) need other rules."""
        if any(
            self.t.text(c).lower() == "static" for c in node.named_children if c.type == "modifier"
        ):
            return False
        for child in node.named_children:
            if child.type != "variable_declarator":
                continue
            if child.child_by_field_name("dimensions") or child.child_by_field_name("length"):
                return False
            if any(c.type == "New" for c in child.children):
                return False
        return True

    def declarators(self, node: tree_sitter.Node) -> list[Declarator]:
        result = []
        for child in node.named_children:
            if child.type == "variable_declarator":
                name = self.t.text(child.child_by_field_name("name"))
                vba_type = self._type_name(child.child_by_field_name("type"), name)
                result.append(Declarator(self.t.name(name), self._default(vba_type)))
        return result

    def parameters(self, node: tree_sitter.Node) -> str:
        parameter_list = node.child_by_field_name("parameters")
        rendered = []
        for parameter in parameter_list.named_children if parameter_list is not None else []:
            if parameter.type != "parameter":
                continue
            name = self.t.text(parameter.child_by_field_name("name"))
            vba_type = self._type_name(parameter.child_by_field_name("type"), name)
            annotation = ANNOTATIONS.get(vba_type.lower())
            text = self.t.name(name) + (f": {annotation}" if annotation else "")
            default = parameter.child_by_field_name("default")
            if default is not None:
                text += f" = {self.t.expression(default)}"
            elif any(c.type == "Optional" for c in parameter.children):
                text += " = vba.Missing"
            rendered.append(text)
        return ", ".join(rendered)

    def returns(self, node: tree_sitter.Node) -> str:
        annotation = ANNOTATIONS.get(
            self._type_name(node.child_by_field_name("return_type"), "").lower()
        )
        return f" -> {annotation}" if annotation else ""

    def default_of(self, node: tree_sitter.Node) -> str:
        name = self.t.text(node.child_by_field_name("name"))
        return self._default(self._type_name(node.child_by_field_name("return_type"), name))

    def exit_code(self, node: tree_sitter.Node) -> str:
        words = [self.t.text(c).lower() for c in node.children if not c.is_named]
        if "function" in words or ("property" in words and self.t.scope.procedure.return_type):
            return "return result"
        if "sub" in words or "property" in words:
            return "return"
        return "break"

    def global_line(self, node: tree_sitter.Node) -> str:
        """`global a, b` for the module-level variables a procedure assigns (Python would
        otherwise make them locals), or an empty string."""
        procedure = self.t.scope.procedure
        body = node.child_by_field_name("body")
        if procedure is None or body is None:
            return ""
        names = sorted(
            {
                self.t.name(name)
                for name in self._assigned_names(body)
                if name.lower() not in procedure.types and name.lower() in self.t.scope.types
            }
        )
        return f"global {', '.join(names)}" if names else ""

    def has_byref_writes(self, node: tree_sitter.Node) -> bool:
        """Does the procedure assign a ByRef parameter? Then callers see the change, which a
        plain def cannot express; such procedures need another rule."""
        procedure = self.t.scope.procedure
        body = node.child_by_field_name("body")
        if procedure is None or body is None:
            return False
        return any(self._assigns_name(body, name) for name in procedure.byref)

    def assigns(self, node: tree_sitter.Node, name_node: tree_sitter.Node) -> bool:
        return self._assigns_name(node, self.t.text(name_node).lower())

    def read_after(self, node: tree_sitter.Node, name_node: tree_sitter.Node) -> bool:
        """Is the variable mentioned after this statement in the procedure?"""
        name = self.t.text(name_node).lower()
        procedure = node.parent
        while procedure is not None and procedure.type not in (
            "function_declaration",
            "sub_declaration",
            "property_declaration",
        ):
            procedure = procedure.parent
        if procedure is None:
            return True
        after = self.t.source[node.end_byte : procedure.end_byte].decode("utf-8", "replace")
        return re.search(rf"(?i)\b{re.escape(name)}\b", after) is not None

    def step_literal(self, node: tree_sitter.Node) -> int:
        step = node.child_by_field_name("step")
        if step is None:
            return 1
        text = self.t.text(step).replace(" ", "")
        return int(text) if re.fullmatch(r"-?\d+", text) else 0

    def step_expr(self, node: tree_sitter.Node) -> str:
        step = node.child_by_field_name("step")
        return "1" if step is None else self.t.expression(step)

    def range_stop(self, node: tree_sitter.Node) -> str:
        end = self.t.expression(node.child_by_field_name("end"))
        return f"{end} + 1" if self.step_literal(node) > 0 else f"{end} - 1"

    def range_step(self, node: tree_sitter.Node) -> str:
        step = self.step_literal(node)
        return "" if step == 1 else f", {step}"

    # -- internals ------------------------------------------------------------------------

    def _assigns_name(self, node: tree_sitter.Node, name: str) -> bool:
        return any(assigned.lower() == name for assigned in self._assigned_names(node))

    def _assigned_names(self, node: tree_sitter.Node):
        """Simple names assigned anywhere below node (Let, Set, For counters)."""
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type in ("assignment_statement", "set_statement", "for_statement"):
                field = "counter" if current.type == "for_statement" else "left"
                target = current.child_by_field_name(field)
                if target is not None and target.type == "identifier":
                    yield self.t.text(target)
            stack.extend(current.named_children)

    def _type_name(self, node: tree_sitter.Node | None, name: str) -> str:
        if node is not None:
            return self.t.text(node)
        return HINT_TYPES.get(name[-1:], "Variant")

    def _default(self, vba_type: str) -> str:
        return DEFAULTS.get(vba_type.lower(), "None")
