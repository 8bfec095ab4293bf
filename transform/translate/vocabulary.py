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
from transform.runtimes.vba.interpreter import VBSCRIPT_FUNCTIONS

from .flow import FlowWords
from .names import NameWords
from .scope import NUMERIC_TYPES, enclosing_procedure

if TYPE_CHECKING:
    from .engine import Translator

NATIVE_NUMERIC = ("Long", "LongLong", "Single", "Double")
SCALAR_TYPES = (*NUMERIC_TYPES, "String", "Boolean", "Date", "Decimal")
INTEGRAL = ("Byte", "Integer", "Long", "LongLong")
DEFAULTS = {
    "string": "''",
    "boolean": "False",
    "double": "0.0",
    "single": "vba.Single(0.0)",
    "date": "vba.Date(0)",
    "currency": "vba.Currency(0)",
    "variant": "vba.Empty",
    "object": "None",
    "integer": "vba.Integer(0)",
    "byte": "vba.Byte(0)",
    **dict.fromkeys(("long", "longlong", "longptr"), "0"),
}
# VBA types whose values Let-coercion must convert on assignment (MS-VBAL 5.5.1.2),
# with the value types that already have the right representation.
COERCED = {
    "Long": ("Long",),
    "Integer": ("Integer",),
    "Byte": ("Byte",),
    "Double": ("Double",),
    "Single": ("Single",),
    "Currency": ("Currency",),
    "Date": ("Date",),
    "String": ("String",),
    "Boolean": ("Boolean",),
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


class Vocabulary(NameWords, FlowWords):
    def __init__(self, translator: Translator):
        self.t = translator
        self.temps: dict[str, int] = {}
        self.with_stack: list[tuple[str, str | None]] = []
        self.labels = None
        self.resuming = False
        self.unguarded_nodes: set[int] = set()
        self.hoisted_nodes: set[int] = set()  # nested Dims rendered at the body's start
        self.loop_ends: dict[int, str] = {}  # loop -> its end-of-iteration code (loop_end)
        self.module_names: set[str] | None = None  # names of the module's code (_fresh)
        self.hoisted_calls: dict[int, str] = {}

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

    def comparable(self, node: tree_sitter.Node) -> bool:
        """A number Python's own operators compare and negate as VBA does: every
        numeric type except Currency (a scaled-integer class in the value library)."""
        return self.numeric(node) and self.t.type_of(node) != "Currency"

    def native_numeric(self, node: tree_sitter.Node) -> bool:
        """Long/LongLong/Single/Double values are Python ints and floats."""
        return self.t.type_of(node) in NATIVE_NUMERIC

    def native_arithmetic(self, node: tree_sitter.Node) -> bool:
        """`a + b`, `a - b`, `a * b`, `a / b` whose Python operator provably gives VBA's
        value (MS-VBAL 5.6.9.3): the result is a Double, both operands are Byte, Integer,
        Long or Double, and one of them is a numeric literal that rules out VBA's two
        errors (6 Overflow beyond ±1.79769313486232E+308, where Python gives inf, and
        11 / 6 for a zero divisor): a ± c with |c| <= 1E15 (far below half a unit in the
        last place of the largest Double), a * c with |c| <= 1, a / c with |c| >= 1.
        Anything else (Long results past 2^31, Single rounding, Currency) goes through the
        support helpers."""
        if node.type != "binary_expression":
            return False
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        operator = self._operator_text(node)
        if left is None or right is None or operator not in ("+", "-", "*", "/"):
            return False
        if self.t.type_of(node) != "Double":
            return False
        plain = ("Byte", "Integer", "Long", "Double")
        if not (self.t.type_of(left) in plain and self.t.type_of(right) in plain):
            return False
        if "Double" not in (self.t.type_of(left), self.t.type_of(right)) and operator != "/":
            return False
        candidates = [right] if operator == "/" else [right, left]
        for literal in candidates:
            value = self._literal_number(literal)
            if value is None:
                continue
            if operator in ("+", "-") and abs(value) <= 1e15:
                return True
            if operator == "*" and abs(value) <= 1:
                return True
            if operator == "/" and abs(value) >= 1:
                return True
        return False

    def native_negation(self, node: tree_sitter.Node) -> bool:
        """`-x` is Python's negation for a Double only: negating the most negative Long
        or Integer overflows in VBA (error 6), and Python's `-` drops the Integer, Byte
        and Single representations."""
        return self.t.type_of(node) == "Double"

    def _literal_number(self, node: tree_sitter.Node) -> float | None:
        if node.type == "parenthesized_expression" and node.named_child_count == 1:
            return self._literal_number(node.named_children[0])
        negative = False
        if node.type == "unary_expression" and self._operator_text(node) == "-":
            negative, node = True, node.child_by_field_name("operand")
        if node is None or node.type not in ("integer_literal", "float_literal"):
            return None
        from transform.parse.vba_literals import number_literal

        try:
            value = float(number_literal(self.t.text(node)))
        except (TypeError, ValueError):
            return None
        return -value if negative else value

    def _operator_text(self, node: tree_sitter.Node) -> str:
        operator = node.child_by_field_name("operator")
        if operator is not None:
            return self.t.text(operator).lower()
        for child in node.children:
            if not child.is_named:
                return self.t.text(child).lower()
        return ""

    def arithmetic_operand(self, node: tree_sitter.Node, other: tree_sitter.Node) -> str:
        """An operand of an arithmetic helper. An integer literal of VBA type Integer is a
        Python int (the Long representation), so next to an Integer, Byte or Boolean
        operand it is written `vba.Integer(n)`: Integer * Integer stays Integer and
        overflows past 32,767 as in VBA (MS-VBAL 5.6.9.3 effective value types)."""
        code = self.t.expression(node)
        operator = self._operator_text(node.parent) if node.parent is not None else ""
        if (
            operator in ("+", "-", "*", "\\", "mod")
            and node.type == "integer_literal"
            and self.t.type_of(node) == "Integer"
            and self.t.type_of(other) in ("Integer", "Byte", "Boolean")
        ):
            return f"vba.Integer({code})"
        return code

    def arithmetic_flags(self, left: tree_sitter.Node, right: tree_sitter.Node) -> str:
        """`, variant=True` when an operand's declared type is Variant: VBA then promotes
        an overflowing result to the next wider type instead of raising 6 ("Variant data
        type" page; MS-VBAL 5.6.9.3 effective value types)."""
        if "Variant" in (self.t.type_of(left), self.t.type_of(right)):
            return ", variant=True"
        return ""

    def native_comparison(self, left: tree_sitter.Node, right: tree_sitter.Node) -> bool:
        """Python's comparison operators agree with VBA's: two numbers (not Currency) or
        two Strings under Option Compare Binary; the result is never Null."""
        if self.t.scope.option_compare_text:
            return False
        both_strings = self.t.type_of(left) == "String" and self.t.type_of(right) == "String"
        return both_strings or (self.comparable(left) and self.comparable(right))

    def compare_flags(self, left: tree_sitter.Node, right: tree_sitter.Node) -> str:
        """Keyword arguments of a comparison helper: `text=True` under Option Compare Text,
        and which operands are declared Variant (a number and a String compare
        differently when both, one or neither are Variants: "Comparison operators" page,
        MS-VBAL 5.6.9.5)."""
        flags = []
        if self.t.scope.option_compare_text:
            flags.append("text=True")
        if self.t.type_of(left) == "Variant":
            flags.append("a_variant=True")
        if self.t.type_of(right) == "Variant":
            flags.append("b_variant=True")
        return "".join(", " + flag for flag in flags)

    def may_be_null(self, node: tree_sitter.Node) -> bool:
        """Can the expression's value be Null? Only a Variant (or an object's default
        member) holds Null; declared scalar types never do."""
        declared = self.t.type_of(node)
        return not (declared in SCALAR_TYPES or declared.startswith("String*"))

    def is_udt(self, node: tree_sitter.Node) -> bool:
        """Is the expression's declared type one of the project's user-defined Types?"""
        symbol = self.t.scope.symbol(self.t.type_of(node).split(".")[-1])
        return symbol is not None and symbol.kind == "type"

    def plain_boolean(self, node: tree_sitter.Node) -> bool:
        """Is the translated expression a Python bool, never Null? Then Python's `not`,
        `and`, `or` and `if` apply as they are. A comparison through the helpers (a
        Variant operand) may give Null, which VBA's logical operators propagate."""
        kind = node.type
        if kind == "parenthesized_expression" and node.named_child_count == 1:
            return self.plain_boolean(node.named_children[0])
        if kind == "boolean_literal" or kind == "typeof_expression":
            return True
        if self.t.type_of(node) != "Boolean":
            return False
        if kind == "binary_expression":
            operator = self._operator_text(node)
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if operator in ("=", "<>", "<", ">", "<=", ">="):
                return not (self.may_be_null(left) or self.may_be_null(right))
            if operator == "is":
                return True
            if operator == "like":
                return not (self.may_be_null(left) or self.may_be_null(right))
            if operator in ("and", "or"):
                return self.plain_boolean(left) and self.plain_boolean(right)
            return False
        if kind == "unary_expression":
            return self.plain_boolean(node.child_by_field_name("operand"))
        # A variable, member or function declared Boolean holds a Boolean (Let-coerced).
        return kind in ("identifier", "member_expression", "call_expression")

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
        key = self.t.text(node).lower()
        if key in self.t.scope.procedures:
            return f"self.{python}" if self.t.scope.is_class else python
        module = self.t.scope.project_procedures.get(key)
        if module == self.t.scope.python_module:
            return python  # a VBScript class calling its script's procedure
        if module is not None:
            self.t.scope.module_imports.add(module)
            return f"{module}.{python}"
        return python

    def is_builtin(self, node: tree_sitter.Node) -> bool:
        """A library function: VBA's, or in a VBScript file only VBScript's (`Input`,
        `Format` or `Dir` are plain names there, as the oracle has them)."""
        if node.type != "identifier":
            return False
        name = self.t.text(node).lower()
        if self.t.scope.is_script and name not in VBSCRIPT_FUNCTIONS:
            return False
        return name in BUILTINS

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
        """An If/While/Until condition (MS-VBAL 5.6.16.3 <boolean-expression>): a plain
        Boolean as is; anything else Let-coerced to Boolean, Null counting as False."""
        code = self.t.expression(node)
        if self.plain_boolean(node):
            return f"({code})" if negated and node.type in _WRAP else code
        return f"vba.truth({code})"

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
            if child.type == "variable_declarator" and not self.is_unread(
                child.child_by_field_name("name")
            ):
                name = self.t.text(child.child_by_field_name("name"))
                vba_type = self._type_name(child.child_by_field_name("type"), name, child)
                result.append(Declarator(self.t.name(name), self._default(vba_type)))
        return result

    def parameters(self, node: tree_sitter.Node) -> str:
        parameter_list = node.child_by_field_name("parameters")
        rendered = ["self"] if self.t.scope.is_class else []
        for parameter in parameter_list.named_children if parameter_list is not None else []:
            if parameter.type != "parameter":
                continue
            name = self.t.text(parameter.child_by_field_name("name"))
            vba_type = self._type_name(parameter.child_by_field_name("type"), name, parameter)
            annotation = ANNOTATIONS.get(vba_type.lower())
            text = self.t.name(name) + (f": {annotation}" if annotation else "")
            default = parameter.child_by_field_name("default")
            if default is not None:
                text += f" = {self.t.expression(default)}"
            elif any(c.type == "Optional" for c in parameter.children):
                # Only a Variant can be Missing; an omitted typed parameter without a
                # default holds its type's initial value (0, "", Nothing ...), so
                # IsMissing is False for it ("IsMissing function", "Optional" keyword).
                missing = vba_type.lower() == "variant"
                text += " = " + ("vba.MISSING" if missing else self._default(vba_type))
            elif any(c.type == "ParamArray" for c in parameter.children):
                text = "*" + self.t.name(name)
            rendered.append(text)
        return ", ".join(rendered)

    def returns(self, node: tree_sitter.Node) -> str:
        procedure = self.t.scope.procedure
        if procedure is not None and procedure.byref_out:
            return ""
        name = self.t.text(node.child_by_field_name("name"))
        annotation = ANNOTATIONS.get(
            self._type_name(node.child_by_field_name("return_type"), name, node).lower()
        )
        return f" -> {annotation}" if annotation else ""

    def default_of(self, node: tree_sitter.Node) -> str:
        name = self.t.text(node.child_by_field_name("name"))
        return self._default(self._type_name(node.child_by_field_name("return_type"), name, node))

    def exit_code(self, node: tree_sitter.Node) -> str:
        words = [self.t.text(c).lower() for c in node.children if not c.is_named]
        if "function" in words or ("property" in words and self.t.scope.procedure.return_type):
            code = "return result" + self.byref_return_suffix(", ")
        elif "sub" in words or "property" in words:
            code = "return" + self.byref_return_suffix(" ")
        else:
            return self.loop_exit(node, "do" if "do" in words else "for")
        if self.labels is not None and self.labels.in_handler_function:
            return self._handler_return("exit")  # the handler's function answers 'exit'
        return code

    # -- shapes ruff prefers ----------------------------------------------------------------

    def collapsible(self, node: tree_sitter.Node) -> tree_sitter.Node | None:
        """`If a Then: If b Then ...` with no Else anywhere and nothing else in the outer
        block: the inner If, so both conditions join with `and` (Python's `and` evaluates
        b only when a holds, exactly like the nesting)."""
        if node.children_by_field_name("alternative"):
            return None
        block = node.child_by_field_name("consequence")
        inner = [c for c in block.named_children if not c.is_extra] if block else []
        if len(inner) != 1 or inner[0].type != "if_statement":
            return None
        if inner[0].children_by_field_name("alternative"):
            return None
        if self._has_hoist(inner[0].child_by_field_name("condition")):
            return None
        return inner[0]

    def _has_hoist(self, node: tree_sitter.Node) -> bool:
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type == "call_expression":
                function = current.child_by_field_name("function")
                if function is not None and self.byref_positions(function):
                    return True
            stack.extend(current.named_children)
        return False

    def joined_condition(self, node: tree_sitter.Node) -> str:
        parts = []
        current = node
        while current is not None:
            code = self.condition(current.child_by_field_name("condition"))
            parts.append(
                f"({code})"
                if " or " in code or " and " in code or code.startswith("not ")
                else code
            )
            deeper = self.collapsible(current)
            if deeper is None:
                break
            current = deeper
        return " and ".join(parts)

    def innermost(self, node: tree_sitter.Node) -> tree_sitter.Node:
        current = node
        while self.collapsible(current) is not None:
            current = self.collapsible(current)
        return current.child_by_field_name("consequence")

    def clamp(self, node: tree_sitter.Node) -> str:
        """`If x > y Then x = y` on numbers as `x = min(x, y)` ('' when not that shape)."""
        if node.children_by_field_name("alternative"):
            return ""
        condition = node.child_by_field_name("condition")
        block = node.child_by_field_name("consequence")
        body = [c for c in block.named_children if not c.is_extra] if block else []
        if condition is None or condition.type != "binary_expression" or len(body) != 1:
            return ""
        assignment = body[0]
        if assignment.type != "assignment_statement":
            return ""
        left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
        operator = self.t.text(condition.child_by_field_name("operator") or condition.children[1])
        target, value = (
            assignment.child_by_field_name("left"),
            assignment.child_by_field_name("right"),
        )
        if operator not in ("<", ">", "<=", ">=") or not all(
            n is not None and n.type in ("identifier", "integer_literal", "float_literal")
            for n in (left, right, target, value)
        ):
            return ""
        if not (self.comparable(left) and self.comparable(right)):
            return ""
        same = self.t.text(left).lower() == self.t.text(target).lower()
        if not same or self.t.text(right).lower() != self.t.text(value).lower():
            return ""
        if self.t.type_of(target) != self.t.type_of(value):
            return ""
        function = "min" if operator.startswith(">") else "max"
        other = self.t.expression(right)
        return f"{self.assign_target(target)} = {function}({self.ref(left)}, {other})"

    # -- arrays and declarations ---------------------------------------------------------

    def statements(self, block: tree_sitter.Node | None) -> str:
        """A block's statements at the current level (With bodies: no Python block)."""
        if block is None:
            return ""
        return "\n".join(filter(None, (self.t.statement(c) for c in self.t.statements_of(block))))

    def bounds(self, dimensions: tree_sitter.Node) -> str:
        """`(1 To 5, 3)` as `(1, 5), (0, 3)` (lower bound 0 by default: Option Base 0)."""
        rendered = []
        for dimension in dimensions.named_children:
            if dimension.type != "dimension":
                continue
            lower = dimension.child_by_field_name("lower")
            upper = dimension.child_by_field_name("upper")
            low = self.t.expression(lower) if lower is not None else "0"
            rendered.append(f"({low}, {self.t.expression(upper)})")
        return ", ".join(rendered)

    def preserve(self, node: tree_sitter.Node) -> bool:
        return any(c.type == "Preserve" for c in node.children)

    def element_default(self, clause: tree_sitter.Node) -> str:
        name = self.t.text(clause.child_by_field_name("name"))
        declared = self.t.scope.declared_type(name) or "Variant"
        default = self._default(declared.split("*")[0].strip())
        return "" if default == "vba.Empty" else f", default={default}"

    def declaration_lines(self, node: tree_sitter.Node) -> list[str]:
        lines = []
        for child in node.named_children:
            if child.type != "variable_declarator":
                continue
            name = self.t.text(child.child_by_field_name("name"))
            if self.is_unread(child.child_by_field_name("name")):
                continue
            python = self.assign_target(child.child_by_field_name("name"))
            vba_type = self._type_name(child.child_by_field_name("type"), name, child)
            default = self._default(vba_type)
            dimensions = child.child_by_field_name("dimensions")
            length = child.child_by_field_name("length")
            if dimensions is not None:
                bounds = self.bounds(dimensions)
                extra = "" if default == "vba.Empty" else f"default={default}"
                if bounds:
                    lines.append(
                        f"{python} = vba.new_array({bounds}{', ' + extra if extra else ''})"
                    )
                else:
                    lines.append(
                        f"{python} = vba.new_array(fixed=False{', ' + extra if extra else ''})"
                    )
            elif length is not None:
                lines.append(f"{python} = {' ' * int(self.t.text(length))!r}")
            elif any(c.type == "New" for c in child.children):
                lines.append(f"{python} = {self._new_of(vba_type)}")
            else:
                lines.append(f"{python} = {default}")
        return lines

    def _new_of(self, vba_type: str) -> str:
        from .names import CLASS_NAMES

        if vba_type.lower() in CLASS_NAMES:
            return CLASS_NAMES[vba_type.lower()]
        return self.qualified_class(vba_type) + "()"

    def coerced(self, target: tree_sitter.Node, value: tree_sitter.Node) -> str:
        """The value stored by `target = value`: a fixed-length String pads/truncates."""
        code = self.t.expression(value)
        if self.t.scope.is_function_result(self.t.text(target)):
            declared = self.t.scope.procedure.return_type or ""
        else:
            declared = self.t.scope.declared_type(self.t.text(target)) or ""
        if declared.startswith("String*"):
            return f"vba.fixed_string({code}, {declared.split('*')[1]})"
        symbol = self.t.scope.symbol(declared) if declared else None
        if symbol is not None and symbol.kind == "enum":
            declared, symbol = "Long", None  # an Enum variable holds a Long
        if symbol is not None and symbol.kind == "type" and value.type != "call_expression":
            return f"{code}.copy()"
        if declared in COERCED and not self._fits(declared, value):
            return f"vba.let_coerce({code}, {declared!r})"
        return code

    def _fits(self, declared: str, value: tree_sitter.Node) -> bool:
        """Does the value already have the declared type's representation? An integer
        literal is a Python int, the Long representation, whatever its VBA type."""
        if value.type == "integer_literal":
            return declared == "Long" and self.t.type_of(value) in ("Integer", "Long")
        return self.t.type_of(value) in COERCED[declared]

    # -- files ----------------------------------------------------------------------------

    def open_mode(self, node: tree_sitter.Node) -> str:
        words = [self.t.text(c).lower() for c in node.children if not c.is_named]
        for mode in ("input", "output", "append", "random", "binary"):
            if mode in words:
                return mode
        return "random"

    def write_items(self, node: tree_sitter.Node) -> list[str]:
        output = node.child_by_field_name("output")
        if output is None:
            return []
        return [self.t.expression(c) for c in output.named_children if not c.is_extra]

    def input_value(self, variable: tree_sitter.Node, number: str) -> str:
        declared = self.t.scope.declared_type(self.t.text(variable)) or "Variant"
        if declared == "Variant":
            return f"vba.files.input_({number})"
        return f"vba.let_coerce(vba.files.input_({number}), {declared!r})"

    def file_function(self, node: tree_sitter.Node) -> str:
        """FreeFile / EOF(n) / LOF(n) as the file layer's calls, '' for anything else."""
        function = node if node.type == "identifier" else node.child_by_field_name("function")
        name = self.t.text(function).lower()
        if name not in ("freefile", "eof", "lof") or self.t.scope.declared_type(name):
            return ""
        if node.type == "identifier":
            if name != "freefile" or node.parent.type == "call_expression":
                return ""
            return "vba.files.freefile()"
        args = node.child_by_field_name("arguments")
        return f"vba.files.{name}({self.call_arguments(args) if args is not None else ''})"

    # -- Enums and Types --------------------------------------------------------------------

    def enum_members(self, node: tree_sitter.Node) -> list[tuple[str, str]]:
        """(NAME, value) pairs: explicit values translated, others previous + 1."""
        from .engine import python_name

        members, previous = [], None
        for child in node.named_children:
            if child.type != "enum_member":
                continue
            name = python_name(self.t.text(child.child_by_field_name("name"))).upper().strip("_")
            value = child.child_by_field_name("value")
            if value is not None:
                code = self.t.expression(value)
            elif previous is None:
                code = "0"
            else:
                code = f"{previous} + 1" if not previous.isdigit() else str(int(previous) + 1)
            members.append((name, code))
            previous = name if value is not None and not code.lstrip("-").isdigit() else code
        return members

    def type_fields(self, node: tree_sitter.Node) -> list[str]:
        fields = []
        for child in node.named_children:
            if child.type != "type_member":
                continue
            name = self.t.text(child.child_by_field_name("name"))
            vba_type = self._type_name(child.child_by_field_name("type"), name)
            length = child.child_by_field_name("length")
            annotation = ANNOTATIONS.get(vba_type.lower(), "object")
            if length is not None:
                default = repr(" " * int(self.t.text(length)))
            elif child.child_by_field_name("dimensions") is not None:
                bounds = self.bounds(child.child_by_field_name("dimensions"))
                default = f"field(default_factory=lambda: vba.new_array({bounds}))"
            else:
                default = self._default(vba_type)
                if default.endswith("()"):
                    default = f"field(default_factory={default[:-2]})"
            fields.append(f"{self.t.name(name)}: {annotation} = {default}")
        return fields

    # -- ByRef ----------------------------------------------------------------------------

    def byref_return_suffix(self, joiner: str = " ") -> str:
        """The ByRef parameters the procedure assigns, returned to the caller after the
        result (docs/translation.md, "ByRef")."""
        procedure = self.t.scope.procedure
        if procedure is None or not procedure.byref_out:
            return ""
        names = ", ".join(self.t.name(p) for p in procedure.byref_out)
        return joiner + names

    def final_return(self, node: tree_sitter.Node) -> str:
        """The last line of a procedure: `return result` for functions, the ByRef
        outputs for procedures that assign ByRef parameters, else nothing."""
        procedure = self.t.scope.procedure
        if procedure is not None and procedure.return_type:
            return "return result" + self.byref_return_suffix(", ")
        suffix = self.byref_return_suffix(" ")
        return "return" + suffix if suffix else ""

    def byref_positions(self, function: tree_sitter.Node) -> list[int]:
        """Argument positions a called procedure assigns (its ByRef outputs)."""
        if function.type == "identifier":
            key = self.t.text(function).lower()
            if self.t.scope.is_class and key in self.t.scope.procedures:
                key = f"{self.t.scope.class_name.lower()}.{key}"
            return self.t.scope.byref_out.get(key, [])
        if function.type == "member_expression":
            owner = function.child_by_field_name("object")
            member = function.child_by_field_name("member")
            cls = self.receiver_class(owner)
            if cls is not None and member is not None:
                key = f"{cls.lower()}.{self.t.text(member).lower()}"
                return self.t.scope.byref_out.get(key, [])
        return []

    def byref_targets(self, function: tree_sitter.Node, args: tree_sitter.Node | None) -> str:
        """`a, b = ` for a call whose procedure assigns ByRef parameters: the variables
        passed there receive the new values (`_` for arguments that are not variables)."""
        positions = self.byref_positions(function)
        if not positions:
            return ""
        values = (
            []
            if args is None
            else [c for c in args.named_children if not c.is_extra and c.type != "comment"]
        )
        targets = []
        for position in positions:
            arg = values[position] if position < len(values) else None
            if arg is not None and arg.type == "identifier":
                target = self.assign_target(arg)
                # a form's control (vba.get(self, 'Text1')) is no variable: VB passes a
                # copy of its value, so the procedure's writes are not seen
                targets.append(target if "(" not in target else "_")
            elif arg is not None and arg.type == "member_expression" and self.member_symbol(arg):
                targets.append(
                    self.receiver(arg.child_by_field_name("object"))
                    + "."
                    + self.t.name(arg.child_by_field_name("member"))
                )
            else:
                targets.append("_")
        return ", ".join(targets) + " = "

    def hoist(self, node: tree_sitter.Node) -> str:
        """Calls of functions with ByRef outputs inside a condition, run just before the
        statement: `found, o_line = try_get_line(...)`; the condition then reads the
        result (the call still runs once, before the rest of the condition)."""
        lines = []
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type == "call_expression":
                function = current.child_by_field_name("function")
                args = current.child_by_field_name("arguments")
                if function is not None and self.byref_positions(function):
                    name = self.temp("found", current)
                    self.hoisted_calls[current.start_byte] = ""
                    call = self.t.expression(current)
                    self.hoisted_calls[current.start_byte] = name
                    targets = self.byref_targets(function, args)
                    lines.append(f"{name}, {targets}{call}")
                    continue
            stack.extend(current.named_children)
        return "\n".join(lines) + ("\n" if lines else "")

    def hoisted(self, node: tree_sitter.Node) -> str | None:
        """The temp holding a hoisted call's result ('' while the call itself renders)."""
        return self.hoisted_calls.get(node.start_byte)

    def global_line(self, node: tree_sitter.Node) -> str:
        """`global a, b` for the module-level variables a procedure assigns (Python would
        otherwise make them locals), or an empty string."""
        procedure = self.t.scope.procedure
        body = node.child_by_field_name("body")
        if procedure is None or body is None:
            return ""
        if self.t.scope.is_class:
            names = sorted(
                {
                    procedure.statics[name.lower()]
                    for name in self._assigned_names(body)
                    if name.lower() in procedure.statics
                }
            )
            names = sorted(  # a VBScript class assigning its script's variables
                {
                    self.t.name(name)
                    for name in self._assigned_names(body)
                    if name.lower() not in procedure.types
                    and name.lower() not in self.t.scope.types
                    and self._script_variable(name)
                }
            )
        else:
            names = sorted(
                {
                    procedure.statics.get(name.lower()) or self.t.name(name)
                    for name in self._assigned_names(body)
                    if name.lower() in procedure.statics
                    or (name.lower() not in procedure.types and name.lower() in self.t.scope.types)
                }
            )
        return f"global {', '.join(names)}" if names else ""

    def _script_variable(self, name: str) -> bool:
        """A variable of this very module seen from inside a class: a script-level
        variable of the script a VBScript class is in (a class module's are fields)."""
        symbol = self.t.scope.symbol(name)
        return (
            symbol is not None
            and symbol.kind == "var"
            and symbol.module == self.t.scope.python_module
        )

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
        procedure = enclosing_procedure(node.parent)
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

    def range_start(self, node: tree_sitter.Node) -> str:
        """`range(n)` rather than `range(0, n)` when the loop starts at 0 and steps by 1."""
        start = self.t.expression(node.child_by_field_name("start"))
        return "" if start == "0" and self.step_literal(node) == 1 else f"{start}, "

    def is_unread(self, name_node: tree_sitter.Node) -> bool:
        """A local the procedure assigns but never reads: its declaration is dropped
        and its assignments go to `_` (ruff's unused-variable rule; the assigned
        expressions still run for their effects)."""
        procedure = self.t.scope.procedure
        if procedure is None or self.t.scope.is_function_result(self.t.text(name_node)):
            return False
        name = self.t.text(name_node).lower().rstrip("$%&!#@^")
        if name not in procedure.types or name in {p.lower() for p in procedure.parameters}:
            return False
        if name in procedure.statics:
            return False
        root = name_node
        while root is not None and root.type not in (
            "sub_declaration",
            "function_declaration",
            "property_declaration",
        ):
            root = root.parent
        if root is None:
            return False
        return not any(self._reads(root, name))

    def _reads(self, root: tree_sitter.Node, name: str):
        stack = [root]
        while stack:
            node = stack.pop()
            if node.type == "identifier" and self.t.text(node).lower().rstrip("$%&!#@^") == name:
                parent = node.parent
                field = None
                for index, child in enumerate(parent.children):
                    if child == node:
                        field = parent.field_name_for_child(index)
                written = (
                    (parent.type in ("assignment_statement", "set_statement") and field == "left")
                    or (parent.type == "variable_declarator" and field == "name")
                    or (
                        parent.type in ("input_statement", "line_input_statement")
                        and field == "variable"
                    )
                    or (parent.type == "for_statement" and field == "counter")
                )
                if not written:
                    yield node
            stack.extend(node.named_children)

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

    def _type_name(
        self, node: tree_sitter.Node | None, name: str, at: tree_sitter.Node | None = None
    ) -> str:
        """A declaration's type: its As clause, else its type character or the module's
        DefType (`at`: the declaring node), else Variant."""
        if node is not None:
            return self.t.text(node)
        from .scope import implicit_type

        return implicit_type(at, name, self.t.text)

    def _default(self, vba_type: str) -> str:
        """A declared type's initial value: Nothing for objects, a fresh value for a
        Type, 0 for an Enum."""
        known = DEFAULTS.get(vba_type.lower())
        if known is not None:
            return "vba.Nothing" if known == "None" else known
        symbol = self.t.scope.symbol(vba_type.split(".")[-1])
        if symbol is not None and symbol.kind == "enum":
            return "0"
        if symbol is not None and symbol.kind == "type":
            return self._qualified(symbol.module, vba_type) + "()"
        return "vba.Nothing"

    def default_for(self, vba_type: str) -> str:
        return self._default(vba_type)

    def qualified_class(self, name: str) -> str:
        symbol = self.t.scope.symbol(name)
        module = symbol.module if symbol is not None else self.t.scope.python_module
        return self._qualified(module, name)

    def is_object_parameter(self, node: tree_sitter.Node) -> bool:
        """A parameter declared with an object type (MSForms.ReturnBoolean, a class):
        `p = v` without Set assigns the object's default member, not the parameter."""
        procedure = self.t.scope.procedure
        name = self.t.text(node).lower()
        if procedure is None or name not in {p.lower() for p in procedure.parameters}:
            return False
        declared = procedure.types.get(name, "Variant")
        if declared.lower() in DEFAULTS or declared.startswith("String*"):
            return False
        symbol = self.t.scope.symbol(declared.split(".")[-1])
        return symbol is None or symbol.kind == "class"

    def coercions(self, node: tree_sitter.Node) -> list[str]:
        """Parameters whose VBA type Python's natives do not carry (Integer, Byte,
        Currency, Single, Date): the argument is Let-coerced on entry, as VBA does, so
        the body's arithmetic keeps VBA's overflow and rounding."""
        procedure = self.t.scope.procedure
        if procedure is None:
            return []
        lines = []
        for parameter in procedure.parameters:
            vba_type = procedure.types.get(parameter.lower(), "Variant")
            if vba_type in ("Integer", "Byte", "Currency", "Single", "Date"):
                name = self.t.name(parameter)
                lines.append(f"{name} = vba.let_coerce({name}, {vba_type!r})")
        return lines

    def paramarray_line(self, node: tree_sitter.Node) -> str:
        """A ParamArray arrives as a Python tuple; VBA sees a 0-based Variant array."""
        parameter_list = node.child_by_field_name("parameters")
        for parameter in parameter_list.named_children if parameter_list is not None else []:
            if parameter.type == "parameter" and parameter.child_by_field_name("param_array"):
                name = self.t.name(parameter.child_by_field_name("name"))
                return f"{name} = vba.array(*{name})"
        return ""

    def is_class(self) -> bool:
        return self.t.scope.is_class

    def script_class(self, node: tree_sitter.Node) -> str:
        """A VBScript `Class` block as a Python class (script.py)."""
        from .script import script_class

        return script_class(self.t, node)

    def property_kind(self, node: tree_sitter.Node) -> str:
        kind = node.child_by_field_name("kind")
        return self.t.text(kind).lower() if kind is not None else "get"

    def has_parameters(self, node: tree_sitter.Node) -> bool:
        parameter_list = node.child_by_field_name("parameters")
        return parameter_list is not None and any(
            c.type == "parameter" for c in parameter_list.named_children
        )

    def has_getter(self, node: tree_sitter.Node) -> bool:
        """Is there a Property Get of the same name in this module?"""
        name = self.t.text(node.child_by_field_name("name")).lower()
        for sibling in node.parent.named_children:
            is_get = sibling.type == "property_declaration" and self.property_kind(sibling) == "get"
            if is_get and self.t.text(sibling.child_by_field_name("name")).lower() == name:
                return True
        return False
