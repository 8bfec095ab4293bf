"""What templates and conditions may ask about names: declared types, canonical spellings,
which procedure we are in. Built from the module's declarations (Dim/Const/parameters/As
clauses, function return types), so a rule can choose idiomatic Python only where the types
prove it equivalent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import tree_sitter

PROCEDURE_TYPES = {"sub_declaration", "function_declaration", "property_declaration"}

# Return types of library functions whose result type is fixed (VBA reference pages).
LONG_FUNCTIONS = """len instr instrrev asc ascw lbound ubound year month day hour minute second
weekday clng strcomp"""
STRING_FUNCTIONS = """left$ right$ mid$ trim$ ltrim$ rtrim$ ucase$ lcase$ space$ string$ chr$
chrw$ str$ format$ hex$ oct$ cstr join replace strreverse monthname weekdayname"""
DOUBLE_FUNCTIONS = "cdbl sqr exp log sin cos tan atn rnd timer val"
BOOLEAN_FUNCTIONS = "cbool isnumeric isempty isnull isdate isarray isobject"

# Return types of library functions whose result type is fixed (VBA reference pages).
LIBRARY_RETURN_TYPES = {
    **dict.fromkeys(LONG_FUNCTIONS.split(), "Long"),  # noqa: SIM905
    **dict.fromkeys(STRING_FUNCTIONS.split(), "String"),  # noqa: SIM905
    **dict.fromkeys(DOUBLE_FUNCTIONS.split(), "Double"),  # noqa: SIM905
    **dict.fromkeys(BOOLEAN_FUNCTIONS.split(), "Boolean"),  # noqa: SIM905
    "cint": "Integer",
    "cbyte": "Byte",
    "ccur": "Currency",
    "csng": "Single",
    "cdate": "Date",
    "date": "Date",
    "now": "Date",
    "dateserial": "Date",
}
NUMERIC_TYPES = ("Byte", "Integer", "Long", "LongLong", "Single", "Double", "Currency")
HINT_TYPES = {
    "%": "Integer",
    "&": "Long",
    "^": "LongLong",
    "!": "Single",
    "#": "Double",
    "@": "Currency",
    "$": "String",
}


@dataclass
class ProcedureScope:
    name: str
    kind: str  # sub_declaration | function_declaration | property_declaration
    return_type: str | None
    types: dict[str, str] = field(default_factory=dict)  # lower-case name -> VBA type
    parameters: list[str] = field(default_factory=list)
    byref: set[str] = field(default_factory=set)


@dataclass
class ModuleScope:
    name: str
    types: dict[str, str] = field(default_factory=dict)  # module-level variables/constants
    return_types: dict[str, str] = field(default_factory=dict)  # procedures in this module
    spellings: dict[str, str] = field(default_factory=dict)
    procedure: ProcedureScope | None = None
    skipped_statement_types: frozenset[str] = frozenset()
    procedures: set[str] = field(default_factory=set)  # lower-case names callable here
    option_compare_text: bool = False
    # Public procedures of the other modules of the project: lower-case name -> module.
    project_procedures: dict[str, str] = field(default_factory=dict)
    imports: set[tuple[str, str]] = field(default_factory=set)  # (module, python name)

    @property
    def current_procedure(self) -> str | None:
        return self.procedure.name if self.procedure else None

    def spelling(self, raw: str) -> str:
        """The first declared spelling of a name (VBA names are case-insensitive)."""
        return self.spellings.get(raw.lower(), raw)

    def declared_type(self, name: str) -> str | None:
        key = name.lower().rstrip("$%&!#@^")
        if self.procedure and key in self.procedure.types:
            return self.procedure.types[key]
        return self.types.get(key)

    def is_function_result(self, name: str) -> bool:
        procedure = self.procedure
        return bool(
            procedure
            and procedure.return_type is not None
            and name.lower() == procedure.name.lower()
        )

    def type_of(self, node: tree_sitter.Node, text: Callable[[tree_sitter.Node], str]) -> str:
        """The VBA type an expression is known to have, or "Variant"."""
        kind = node.type
        if kind == "identifier":
            value = text(node)
            if value[-1:] in HINT_TYPES:
                return HINT_TYPES[value[-1]]
            if self.is_function_result(value):
                return self.procedure.return_type or "Variant"
            return self.declared_type(value) or "Variant"
        if kind == "string_literal":
            return "String"
        if kind == "integer_literal":
            return _integer_literal_type(text(node))
        if kind == "float_literal":
            return HINT_TYPES.get(text(node)[-1], "Double")
        if kind == "boolean_literal":
            return "Boolean"
        if kind == "date_literal":
            return "Date"
        if kind == "parenthesized_expression" and node.named_child_count == 1:
            return self.type_of(node.named_children[0], text)
        if kind == "call_expression":
            function = node.child_by_field_name("function")
            if function is not None and function.type == "identifier":
                called = text(function).lower()
                if called in self.return_types:
                    return self.return_types[called]
                return LIBRARY_RETURN_TYPES.get(called, "Variant")
        if kind == "binary_expression":
            return self._binary_type(node, text)
        if kind == "unary_expression":
            operand = self.type_of(node.child_by_field_name("operand"), text)
            if operand == "Boolean" or operand in NUMERIC_TYPES:
                return operand
        if kind == "typeof_expression":
            return "Boolean"
        return "Variant"

    def _binary_type(self, node: tree_sitter.Node, text) -> str:
        operator = node.child_by_field_name("operator")
        op = text(operator).lower() if operator is not None else _operator(node, text)
        left = self.type_of(node.child_by_field_name("left"), text)
        right = self.type_of(node.child_by_field_name("right"), text)
        if op == "&":
            return "String"
        if op in ("=", "<>", "<", ">", "<=", ">=", "like", "is"):
            return "Boolean"
        if left == right == "Boolean" and op in ("and", "or", "xor", "not"):
            return "Boolean"
        if op == "/" and left in NUMERIC_TYPES and right in NUMERIC_TYPES:
            return "Double"
        if op in ("+", "-", "*") and left in NUMERIC_TYPES and right in NUMERIC_TYPES:
            return max(left, right, key=NUMERIC_TYPES.index)
        return "Variant"

    @contextmanager
    def entering(self, node: tree_sitter.Node, text) -> Iterator[None]:
        previous = self.procedure
        self.procedure = procedure_scope(node, text)
        try:
            yield
        finally:
            self.procedure = previous


def _operator(node: tree_sitter.Node, text) -> str:
    for child in node.children:
        if not child.is_named:
            return text(child).lower()
    return ""


def _integer_literal_type(value: str) -> str:
    if value[-1:] in HINT_TYPES:
        return HINT_TYPES[value[-1]]
    try:
        number = int(value, 16) if value[:2].lower() == "&h" else int(value)
    except ValueError:
        return "Long"
    return "Integer" if -32768 <= number <= 32767 else "Long"


def _type_text(node: tree_sitter.Node | None, text) -> str | None:
    return text(node) if node is not None else None


def procedure_scope(node: tree_sitter.Node, text) -> ProcedureScope:
    name = text(node.child_by_field_name("name"))
    return_type = _type_text(node.child_by_field_name("return_type"), text)
    if node.type == "function_declaration" and return_type is None:
        return_type = "Variant"
    if node.type == "property_declaration":
        kind = node.child_by_field_name("kind")
        if kind is None or text(kind).lower() != "get":
            return_type = None
        elif return_type is None:
            return_type = "Variant"
    scope = ProcedureScope(name, node.type, return_type)
    parameters = node.child_by_field_name("parameters")
    for parameter in parameters.named_children if parameters is not None else []:
        if parameter.type != "parameter":
            continue
        pname = text(parameter.child_by_field_name("name"))
        scope.parameters.append(pname)
        scope.types[pname.lower()] = _type_text(parameter.child_by_field_name("type"), text) or (
            HINT_TYPES.get(pname[-1:], "Variant")
        )
        words = [text(c).lower() for c in parameter.children if not c.is_named]
        if "byval" not in words:
            scope.byref.add(pname.lower())
    body = node.child_by_field_name("body")
    if body is not None:
        for name_, type_ in _declarations(body, text):
            scope.types.setdefault(name_.lower(), type_)
    return scope


def _declarations(node: tree_sitter.Node, text) -> Iterator[tuple[str, str]]:
    """Names declared by Dim/Static/Const anywhere below `node` (VBA locals are
    procedure-wide, whatever block declares them)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in ("variable_declarator", "const_declarator"):
            name_node = current.child_by_field_name("name")
            if name_node is not None:
                name = text(name_node)
                declared = _type_text(current.child_by_field_name("type"), text)
                yield name, declared or HINT_TYPES.get(name[-1:], "Variant")
            continue
        if current.type in PROCEDURE_TYPES and current is not node:
            continue
        stack.extend(current.named_children)


def public_procedures(root: tree_sitter.Node, text) -> list[tuple[str, str | None]]:
    """(name, return type) of the procedures other modules can call (not Private)."""
    result = []
    for child in root.named_children:
        if child.type in PROCEDURE_TYPES and child.type != "property_declaration":
            modifiers = [text(c).lower() for c in child.named_children if c.type == "modifier"]
            if "private" not in modifiers:
                procedure = procedure_scope(child, text)
                result.append((procedure.name, procedure.return_type))
    return result


def module_scope(
    name: str,
    root: tree_sitter.Node,
    text,
    project: dict[str, tuple[str, str | None]] | None = None,
) -> ModuleScope:
    """`project`: public procedures of the other modules, lower-case name -> (module, type)."""
    scope = ModuleScope(name)
    for key, (module, return_type) in (project or {}).items():
        if module != name:
            scope.project_procedures[key] = module
            if return_type:
                scope.return_types.setdefault(key, return_type)
    for child in root.named_children:
        if child.type in PROCEDURE_TYPES:
            procedure = procedure_scope(child, text)
            scope.spellings.setdefault(procedure.name.lower(), procedure.name)
            scope.procedures.add(procedure.name.lower())
            if procedure.return_type:
                scope.return_types[procedure.name.lower()] = procedure.return_type
        elif child.type == "option_statement" and "text" in text(child).lower().split():
            scope.option_compare_text = True
        elif child.type in ("variable_declaration", "const_declaration"):
            for name_, type_ in _declarations(child, text):
                scope.types[name_.lower()] = type_
                scope.spellings.setdefault(name_.lower(), name_)
    return scope
