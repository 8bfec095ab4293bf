"""Translate one VBA module: its top-level statements through the rules, then the header
and the imports the body turned out to need.

A standard module becomes a Python module (module variables as module-level names,
Static locals as module-level storage). A class module (exported with a VERSION
header: classes, forms, user controls) becomes one Python class: module variables are
instance attributes set in `__init__`, which then runs Class_Initialize; procedures are
methods; Property Get/Let/Set are a `property` with its setter; `Implements I` makes
I's class a base (calls through an I-typed variable reach the `I_Member` methods by
alias); a class that declares events mixes in `vba.EventSource`, and a `WithEvents`
variable is a property whose setter subscribes the instance.
"""

from __future__ import annotations

import re

import tree_sitter

from .engine import TAG, Translation, Translator, python_name
from .rules import RuleSet
from .scope import PROCEDURE_TYPES, module_name_of, module_scope, procedure_scope
from .script import infer_object_types, script_parts

HEADER = '"""{name}: translated from {source} by transform."""\n'
CLASS_EXTENSIONS = (".cls", ".frm", ".ctl", ".dsr")
_DEF = re.compile(r"^(?:@\S+\n)*def (\w+)\(", re.M)
# An Excel document module (ThisWorkbook, a sheet's module), whose class derives from
# vba.ExcelDocument: its VB_Base is a class of Excel's type library (Workbook 00020819,
# Worksheet 00020820, Chart 00020821).
_EXCEL_DOCUMENT = re.compile(r'(?im)^Attribute VB_Base\s*=\s*"0\{000208')


def translate_module(
    rules: RuleSet,
    language: tree_sitter.Language,
    text: str,
    name: str,
    source_name: str,
    project: dict[str, tuple[str, str | None]] | None = None,
    free_names_are_variables: bool = False,
) -> Translation:
    """`project`: what all modules define, lower-case name -> (module, tag).
    `free_names_are_variables`: for rule examples, whose undeclared names stand for
    variables declared elsewhere (not implicit locals, which are Empty until assigned)."""
    data = text.encode("utf-8")
    tree = tree_sitter.Parser(language).parse(data)

    def text_of(node: tree_sitter.Node) -> str:
        return data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    scope = module_scope(name, tree.root_node, text_of, project)
    scope.free_names_are_variables = free_names_are_variables
    scope.is_script = source_name.lower().endswith(".vbs")
    scope.is_class = scope.is_class or source_name.lower().endswith(CLASS_EXTENSIONS)
    if source_name.lower().endswith(".vbs"):
        infer_object_types(scope, tree.root_node, text_of)  # script.py
    translator = Translator(rules, data, scope)
    if scope.is_class:
        body = _class_body(translator, tree.root_node, text_of)
    elif source_name.lower().endswith(".vbs"):
        definitions, program = script_parts(translator, tree.root_node, _script_name(source_name))
        statics = _static_lines(translator, tree.root_node, text_of, "")
        body = _join_top_level(statics + [p for p in definitions if p])
        if program:
            main = "\n".join(p for p in program if p)
            body += '\n\n\nif __name__ == "__main__":\n' + _indent(main)
    else:
        parts = [translator.statement(child) for child in tree.root_node.named_children]
        statics = _static_lines(translator, tree.root_node, text_of, "")
        body = _join_top_level(statics + [p for p in parts if p])
    translation = translator.finish(body)
    header = HEADER.format(name=name, source=source_name)
    imports = _imports(translation.code, translator.scope, name)
    first = re.sub(f"{TAG}\\d+{TAG}", "", translation.code).lstrip("\n")
    gap = "\n\n" if first.startswith(("def ", "class ", "@")) or not imports else "\n"
    prefix = header + imports + gap
    translation.code = prefix + translation.code
    translation.origins = [None] * prefix.count("\n") + translation.origins
    return translation


def _script_name(source_name: str) -> str:
    return re.split(r"[\\/]", source_name.split(":")[-1])[-1]


def _imports(code: str, scope, name: str) -> str:
    """The import block, sorted the way isort/ruff want it: standard library first,
    then the package's own modules."""
    stdlib = []
    if "@dataclass" in code:
        used = "field(" in code
        stdlib.append("from dataclasses import dataclass" + (", field" if used else ""))
    if "(IntEnum)" in code:
        stdlib.append("from enum import IntEnum")
    local = []
    modules = sorted(scope.module_imports - {name})
    if modules:
        line = f"from . import {', '.join(modules)}"
        if len(line) > 88:
            line = "from . import (\n" + "".join(f"    {m},\n" for m in modules) + ")"
        local.append(line)
    if "vba." in code:
        local.append("from . import vba_support as vba")
    local += [f"from .{m} import {n}" for m, n in sorted(scope.imports)]
    if not stdlib and not local:
        return ""
    blocks = ["from __future__ import annotations"]
    if stdlib:
        blocks.append("\n".join(sorted(stdlib)))
    if local:
        blocks.append("\n".join(local))
    return "\n" + "\n\n".join(blocks) + "\n"


def _static_lines(translator: Translator, root, text_of, owner: str) -> list[str]:
    """Storage for Static locals: one module-level name (or instance attribute, with
    `owner` = "self.") per procedure and variable, initialised to the type's default."""
    lines = []
    for child in root.named_children:
        if child.type not in PROCEDURE_TYPES:
            continue
        procedure = procedure_scope(child, text_of)
        values = _static_values(translator, child, text_of)
        for key, storage in procedure.statics.items():
            value = values.get(storage) or translator.functions["default_for"](
                procedure.types.get(key, "Variant")
            )
            lines.append(f"{owner}{storage} = {value}")
    return lines


def _static_values(translator: Translator, procedure, text_of) -> dict[str, str]:
    """Storage name -> initial value of the procedure's Static locals, made as a Dim makes
    them (`Static Values(5) As Double` is an array of six Doubles, not one Double)."""
    values: dict[str, str] = {}
    declarations, stack = [], [procedure]
    while stack:
        node = stack.pop()
        if node.type == "variable_declaration" and any(
            text_of(c).lower() == "static" for c in node.named_children if c.type == "modifier"
        ):
            declarations.append(node)
        stack.extend(node.named_children)
    with translator.scope.entering(procedure, text_of):
        for declaration in declarations:
            for line in translator.functions["declaration_lines"](declaration):
                target, value = line.split(" = ", 1)
                values[target.removeprefix("self.")] = value
    return values


def _join_top_level(parts: list[str]) -> str:
    """Two blank lines around definitions, as PEP 8 has it; other statements stay close."""
    out: list[str] = []
    for part in parts:
        is_def = part.lstrip().startswith(("def ", "class ", "@"))
        if out and (is_def or out[-1].lstrip().startswith(("def ", "class ", "@"))):
            out.append("\n\n" + part)
        else:
            out.append(part)
    return "\n".join(out)


# --------------------------------------------------------------------------- classes


def _class_body(translator: Translator, root, text_of, class_name: str = "") -> str:
    """`class_name`: `root` is the body of a VBScript `Class` block (script.py)."""
    scope = translator.scope
    doc = f"Class {class_name} of the script." if class_name else ""
    class_name = class_name or module_name_of(root, text_of, scope.name)
    fields: list[str] = []
    members: list[str] = []
    comments: list[str] = []
    vba_members: dict[str, str] = {}
    interfaces: list[str] = []
    for child in root.named_children:
        if child.type == "variable_declaration":
            fields.extend(_fields(translator, child, text_of, vba_members))
        elif child.type == "implements_statement":
            interfaces.append(text_of(child.child_by_field_name("interface")))
        elif child.type in PROCEDURE_TYPES:
            name = procedure_scope(child, text_of).name
            vba_members[name.lower()] = python_name(name)
            members.append(translator.statement(child))
        elif child.type in ("declare_statement", "preproc_if") and _declares_only(child):
            # Private Declare in a form or class: a static method, as calls are self.name()
            code = translator.statement(child)
            if "NotImplementedError" not in code:
                members.append(re.sub(r"^def ", "@staticmethod\ndef ", code, flags=re.M))
        elif child.type in ("comment",) and not members:
            comments.append(translator.statement(child))
        elif child.type == "const_declaration":
            fields.extend(
                "self." + line.strip()
                for line in translator.statement(child).split("\n")
                if line.strip()
            )
        elif child.type in ("comment",):
            members.append(translator.statement(child))
    fields += _static_lines(translator, root, text_of, "self.")
    members = _order_properties([m for m in members if m.strip()])
    base = "vba.ExcelDocument" if _EXCEL_DOCUMENT.search(text_of(root)) else "vba.VbaClass"
    if scope.is_form and base == "vba.VbaClass":
        base = "vba.VbaForm"  # controls, form properties and Show/Hide, headless
    bases = [translator.functions["qualified_class"](i) for i in interfaces] or [base]
    if scope.events:
        bases.append("vba.EventSource")
    lines = [
        f"class {class_name}({', '.join(bases)}):",
        f'    """{doc or f"Class module {class_name}."}"""',
        "",
    ]
    for interface in interfaces:
        prefix = interface.lower() + "_"
        for key, python in list(vba_members.items()):
            if key.startswith(prefix):
                vba_members.setdefault(
                    key[len(prefix) :], python[len(python_name(interface)) + 1 :]
                )
    lines.append(f"    vba_members = vba.members({vba_members!r})")
    default = _default_member(root, text_of)
    if default:
        lines.append(f"    vba_default_member = {default!r}")
    lines.append("")
    lines.append("    def __init__(self):")
    if interfaces:
        lines.append("        super().__init__()")
    init = fields + _initialize(vba_members, scope.is_form)
    lines.extend("        " + f for f in (init or ["pass"]))
    body = "\n".join(lines)
    for member in members:
        body += "\n\n" + _indent(member)
    body += _with_events(scope)
    body += _aliases(interfaces, vba_members)
    body += _iterator(root, text_of)
    head = "\n".join(comments)
    return (head + "\n\n\n" if head else "") + body


def _declares_only(node) -> bool:
    """A Declare statement, or an #If whose branches hold only Declares and comments."""
    if node.type == "declare_statement":
        return True
    if node.type != "preproc_if":
        return False
    statements, stack = [], [node]
    while stack:
        current = stack.pop()
        for child in current.named_children:
            if current.type == "block":
                statements.append(child.type)
            if child.type in ("block", "preproc_if", "preproc_else", "preproc_elseif"):
                stack.append(child)
    allowed = {"declare_statement", "comment", "preproc_if"}
    return "declare_statement" in statements and set(statements) <= allowed


def _initialize(vba_members: dict[str, str], is_form: bool) -> list[str]:
    """A new instance runs Class_Initialize; a UserForm without it, UserForm_Initialize
    (as the oracle does when it makes an instance)."""
    if "class_initialize" in vba_members:
        return [f"self.{vba_members['class_initialize']}()"]
    if is_form and "userform_initialize" in vba_members:
        return [f"self.{vba_members['userform_initialize']}()"]
    return []


def _fields(translator: Translator, node, text_of, vba_members: dict[str, str]) -> list[str]:
    lines = []
    for declarator in translator.functions["declarators"](node):
        python = declarator.name
        if python in {
            python_name(translator.scope.spelling(n)) for n in translator.scope.with_events
        }:
            lines.append(f"self._{python} = vba.Nothing")
        else:
            lines.append(f"self.{python} = {declarator.default}")
    for child in node.named_children:
        if child.type == "variable_declarator":
            raw = text_of(child.child_by_field_name("name"))
            vba_members[raw.lower()] = python_name(raw)
    return lines


def _order_properties(members: list[str]) -> list[str]:
    """A setter must follow its getter in the class body (Python's `@x.setter`)."""
    getters = {}
    for index, member in enumerate(members):
        clean = re.sub(f"{TAG}\\d+{TAG}", "", member)
        if clean.lstrip().startswith("@property"):
            match = _DEF.search(clean)
            if match:
                getters[match.group(1)] = index
    ordered = list(members)
    for member in members:
        clean = re.sub(f"{TAG}\\d+{TAG}", "", member)
        setter = re.match(r"\s*(?:#.*\n)*\s*@(\w+)\.setter", clean)
        if setter and setter.group(1) in getters:
            ordered.remove(member)
            target = ordered.index(members[getters[setter.group(1)]])
            ordered.insert(target + 1, member)
    return ordered


def _default_member(root, text_of) -> str | None:
    """`Attribute X.VB_UserMemId = 0` names the default member (VBScript: `Public
    Default Function/Property X`)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in PROCEDURE_TYPES and any(c.type == "Default" for c in node.children):
            return text_of(node.child_by_field_name("name")).lower()
        if node.type == "attribute_statement":
            name = text_of(node.child_by_field_name("name"))
            value = node.child_by_field_name("value")
            is_id = name.lower().endswith(".vb_usermemid") and value is not None
            if is_id and text_of(value).strip() == "0":
                return name.split(".")[0].lower()
        stack.extend(node.named_children)
    return None


def _iterator(root, text_of) -> str:
    """NewEnum (`VB_UserMemId = -4`) makes the class iterable for For Each."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "attribute_statement":
            name = text_of(node.child_by_field_name("name"))
            value = node.child_by_field_name("value")
            is_id = name.lower().endswith(".vb_usermemid") and value is not None
            if is_id and text_of(value).replace(" ", "") == "-4":
                member = python_name(name.split(".")[0])
                return f"\n\n    def __iter__(self):\n        return iter(self.{member})"
        stack.extend(node.named_children)
    return ""


def _with_events(scope) -> str:
    out = ""
    for raw in sorted(scope.with_events):
        name = python_name(scope.spelling(raw))
        out += (
            f"\n\n    @property\n    def {name}(self):\n        return self._{name}"
            f"\n\n    @{name}.setter\n    def {name}(self, value):"
            f"\n        self._{name} = vba.rebind_events(self, {name!r}, self._{name}, value)"
        )
    return out


def _aliases(interfaces: list[str], vba_members: dict[str, str]) -> str:
    """`I_Member` implementations are also reachable as `member` (calls through I)."""
    out = ""
    for interface in interfaces:
        prefix = python_name(interface) + "_"
        for python in vba_members.values():
            if python.startswith(prefix):
                out += f"\n\n    {python[len(prefix) :]} = {python}"
    return out


def _indent(text: str) -> str:
    return "\n".join("    " + line if line.strip() else line for line in text.split("\n"))
