"""VBScript `Class ... End Class` blocks inside a script: one Python class each, made by the
class-module machinery (module.py `_class_body`, the class rules of rules/vba/classes.yaml).

Why this works unchanged: a VBScript class is a VBA class module whose every member and
local is a Variant (VBScript Language Reference, "Class Statement": `Dim` in a class is a
public field, members are Public unless declared Private, `Property Get/Let/Set`,
`Class_Initialize`/`Class_Terminate` events, `Public Default Function/Property`). Only the
scope differs: inside the class, its fields and members are `self.x`; the script's own
names (constants, script-level variables) stay module-level names of the same Python
module, where the class lives.
"""

from __future__ import annotations

import tree_sitter

from .engine import Translator
from .scope import ModuleScope, module_scope


def class_scope(outer: ModuleScope, node: tree_sitter.Node, text) -> ModuleScope:
    """The scope a class block's members translate in: the class's fields and members
    (as a class module's), then everything the script and the project define."""
    name = text(node.child_by_field_name("name"))
    scope = module_scope(outer.name, node.child_by_field_name("body"), text, class_name=name)
    scope.python_module = outer.python_module
    for mine, theirs in (
        (scope.symbols, outer.symbols),
        (scope.byref_out, outer.byref_out),
        (scope.signatures, outer.signatures),
        (scope.return_types, outer.return_types),
        (scope.spellings, outer.spellings),
    ):
        for key, value in theirs.items():
            mine.setdefault(key, value)
    # the script's procedures are callable from the class, as module-level functions
    scope.project_procedures = {
        **outer.project_procedures,
        **{p: outer.python_module for p in outer.procedures if p not in scope.procedures},
    }
    scope.option_explicit = outer.option_explicit
    scope.is_script = outer.is_script
    scope.option_compare_text = outer.option_compare_text
    scope.skipped_statement_types = outer.skipped_statement_types
    scope.module_imports = outer.module_imports  # shared: the module's import block
    scope.imports = outer.imports
    return scope


def script_class(translator: Translator, node: tree_sitter.Node) -> str:
    """A VBScript class block as a Python class deriving from vba.VbaClass."""
    from .module import _class_body

    outer = translator.scope
    translator.scope = class_scope(outer, node, translator.text)
    try:
        name = translator.text(node.child_by_field_name("name"))
        return _class_body(translator, node.child_by_field_name("body"), translator.text, name)
    finally:
        translator.scope = outer


def infer_object_types(scope: ModuleScope, root: tree_sitter.Node, text) -> None:
    """A script variable is a Variant, but one the script's top-level code only ever
    `Set`s to `New C` of a class of the project (or to Nothing), and no procedure
    assigns, holds a C: its members are reached typed (`stats.busiest_module(n)`), so
    ByRef arguments come back as the translation's convention has them (a late-bound call
    could not return them)."""
    found: dict[str, set[str]] = {}
    stack = [c for c in root.named_children if c.type not in ("class_declaration",)]
    while stack:
        node = stack.pop()
        if node.type in ("assignment_statement", "set_statement"):
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left is not None and left.type == "identifier":
                found.setdefault(text(left).lower(), set()).add(_assigned_class(node, right, text))
        elif node.type in ("for_statement", "for_each_statement", "redim_clause"):
            for field in ("counter", "element", "name"):
                target = node.child_by_field_name(field)
                if target is not None and target.type == "identifier":
                    found.setdefault(text(target).lower(), set()).add("")
        stack.extend(node.named_children)
    for name, classes in found.items():
        classes.discard("nothing")
        if len(classes) != 1 or scope.types.get(name) != "Variant":
            continue
        (cls,) = classes
        symbol = scope.symbols.get(cls.lower())
        if cls and symbol is not None and symbol.kind == "class":
            scope.types[name] = symbol_name(scope, cls)


def _assigned_class(node: tree_sitter.Node, right: tree_sitter.Node | None, text) -> str:
    """The class of `Set x = New C`, "nothing" for `Set x = Nothing`, else ""."""
    if node.type != "set_statement" or right is None:
        return ""
    if right.type == "new_expression":
        type_node = right.child_by_field_name("type")
        return text(type_node) if type_node is not None else ""
    return "nothing" if text(right).lower() == "nothing" else ""


def symbol_name(scope: ModuleScope, name: str) -> str:
    """The declared spelling of a class name."""
    return scope.spellings.get(name.lower(), name)


# What a script defines (kept at module level, so importing the module runs nothing);
# everything else is the program, run when the module is the main one.
DEFINITIONS = {
    "class_declaration",
    "sub_declaration",
    "function_declaration",
    "property_declaration",
    "const_declaration",
    "variable_declaration",
    "option_statement",
}


def script_parts(
    translator: Translator, root: tree_sitter.Node, script: str
) -> tuple[list[str], list[str]]:
    """(definitions, program) of a script's top level, each a list of translated
    statements. VBScript runs a file's top-level statements in order, its Dim, Const,
    Class and procedure definitions being known to the whole file beforehand ("Dim
    Statement", "Class Statement"), so the definitions come first and the statements
    become the body of `if __name__ == "__main__":`, which starts with the command line
    as WScript.Arguments. A comment goes with the statement after it."""
    definitions: list[str] = []
    program: list[str] = []
    pending: list[str] = []
    for child in root.named_children:
        code = translator.statement(child)
        if child.type == "comment":
            pending.append(code)
            continue
        target = definitions if child.type in DEFINITIONS else program
        target.extend(pending + ([code] if code else []))
        pending = []
    definitions.extend(pending)
    if any(p.strip() and not p.lstrip().startswith("#") for p in program):
        program.insert(0, f"vba.start_script({script!r})  # WScript.Arguments: the command line")
    else:
        definitions.extend(program)
        program = []
    return definitions, program
