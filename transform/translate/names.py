"""Vocabulary for names and objects: what a VBA name means where it is used (a local,
the function's result, a Static, a class member reached through `self`, another
module's variable or constant, an Enum member, a library constant) and how member
access, indexing, `New` and events are written.

Typed receivers (a variable declared as one of the project's classes, `Me`) get plain
Python attribute access on the translated class; anything else (Object, Variant,
library and Excel objects) goes through the support module's late-bound helpers, which
implement VBA's member protocol — so the choice never changes behaviour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import tree_sitter

from transform.runtimes.vba.constants import VBA_CONSTANTS

from .scope import enclosing_procedure, name_key

if TYPE_CHECKING:
    from .engine import Translator

CLASS_NAMES = {
    "collection": "vba.Collection()",
    "dictionary": "vba.Dictionary()",
    "regexp": "vba.create_object('VBScript.RegExp')",  # VBScript's New RegExp
}
# Constants of VB6 forms and MSForms not in the library table ("KeyCode constants",
# "QueryUnload constants", "MatchEntry/Style constants", "Show method").
FORM_CONSTANTS: dict[str, int] = {
    **{f"vbkey{d}": 48 + d for d in range(10)},
    "vbkeyback": 8,
    "vbkeyreturn": 13,
    "vbkeyescape": 27,
    "vbkeydelete": 46,
    "vbformcontrolmenu": 0,
    "vbformcode": 1,
    "vbappwindows": 2,
    "vbapptaskmanager": 3,
    "fmstyledropdownlist": 2,
    "fmstyledropdowncombo": 0,
    "vbmodal": 1,
    "vbmodeless": 0,
}
EXCEL_GLOBALS = {
    "application",
    "activeworkbook",
    "activesheet",
    "worksheets",
    "sheets",
    "range",
    "cells",
    "workbooks",
    "thisworkbook",
    "intersect",
    "union",
    "selection",
    "activecell",
}


class NameWords:
    t: Translator

    # -- names ----------------------------------------------------------------------------

    def ref(self, node: tree_sitter.Node) -> str:
        """An identifier read in an expression."""
        text = self.t.text(node)
        scope = self.t.scope
        key = name_key(text)
        if scope.is_function_result(text):
            return "result"
        procedure = scope.procedure
        if procedure is not None and key in procedure.statics:
            return self._static_ref(key)
        if scope.is_local(text):
            return self.t.name(node)
        if scope.is_class and (key in scope.types or key in scope.procedures):
            return f"self.{self.t.name(node)}"
        if key in scope.types:
            return self.t.name(node)
        if key in scope.procedures:
            return self.t.name(node)
        symbol = scope.symbol(text)
        if symbol is not None:
            return self._symbol_ref(text, symbol)
        if key in VBA_CONSTANTS:
            return repr(VBA_CONSTANTS[key])
        if key in FORM_CONSTANTS:
            return repr(FORM_CONSTANTS[key])
        return self._unknown(node)

    def _unknown(self, node: tree_sitter.Node) -> str:
        """A name nobody declares: an implicit local the procedure assigns (no Option
        Explicit), a control of a form (a member of Me, reached late bound), else a
        gap the translation must not hide."""
        from .engine import TranslationFailure

        scope = self.t.scope
        procedure_node = enclosing_procedure(node.parent)
        if self.is_form_control(node):
            return f"vba.get(self, {self.t.text(node)!r})"
        if procedure_node is not None:
            from .scope import assigned_names

            names = {n.lower() for n in assigned_names(procedure_node, self.t.text)}
            if self.t.text(node).lower() in names:
                return self.t.name(node)
        if scope.option_explicit:
            raise TranslationFailure(f"unknown name {self.t.text(node)}")
        if (
            procedure_node is not None
            and not scope.free_names_are_variables
            and name_key(self.t.text(node))
            not in scope.implicit_variables(procedure_node, self.t.text)
        ):
            # an implicit local the procedure never assigns: Empty whenever it is read
            return "vba.Empty"
        return self.t.name(node)  # an implicit Variant (no Option Explicit)

    def is_command_line(self, node: tree_sitter.Node) -> bool:
        """`Command`, `Command$` or `Command$()` (no arguments), not shadowed by a
        declaration: the program's command-line arguments."""
        function = node.child_by_field_name("function") if node.type != "identifier" else node
        if function is None or self.t.text(function).lower() not in ("command", "command$"):
            return False
        args = node.child_by_field_name("arguments")
        if args is not None and any(not c.is_extra for c in args.named_children):
            return False
        scope = self.t.scope
        return not scope.declared_type("command") and scope.symbol("command") is None

    def is_form_control(self, node: tree_sitter.Node) -> bool:
        """A name nothing declares in a form's code: one of its controls (or
        `UserControl`), a member of Me made on first use. Without Option Explicit a name
        the procedure assigns is an implicit local instead."""
        scope = self.t.scope
        if node.type != "identifier" or not (scope.is_class and scope.is_form):
            return False
        text = self.t.text(node)
        key = name_key(text)
        if scope.is_function_result(text) or scope.is_local(text) or key in scope.types:
            return False
        if key in scope.procedures or scope.symbol(text) is not None:
            return False
        if key in VBA_CONSTANTS or key in FORM_CONSTANTS or key in ("me", "err", "app"):
            return False
        if scope.option_explicit:
            return True
        procedure_node = enclosing_procedure(node.parent)
        if procedure_node is None:
            return True
        from .scope import assigned_names

        assigned = assigned_names(procedure_node, self.t.text)
        return key not in {name_key(n) for n in assigned}  # ReadStat% = ...

    def is_constant(self, node: tree_sitter.Node) -> bool:
        """A library constant (vbTab, vbTextCompare, xlUp, ...) not shadowed by a
        declaration."""
        text = self.t.text(node)
        key = text.lower()
        scope = self.t.scope
        return (
            node.type == "identifier"
            and key in VBA_CONSTANTS
            and scope.declared_type(text) is None
            and scope.symbol(text) is None
        )

    def _static_ref(self, key: str) -> str:
        storage = self.t.scope.procedure.statics[key]
        return f"self.{storage}" if self.t.scope.is_class else storage

    def _symbol_ref(self, text: str, symbol) -> str:
        from .engine import python_name

        scope = self.t.scope
        if symbol.kind == "enummember":
            enum = self._qualified(symbol.module, symbol.detail)
            return f"{enum}.{python_name(text).upper().strip('_')}"
        if symbol.kind in ("enum", "class", "type"):
            return self._qualified(symbol.module, text)
        if symbol.kind in ("var", "const", "proc"):
            name = python_name(scope.spelling(text))
            if symbol.module == scope.python_module:
                return name
            scope.module_imports.add(symbol.module)
            return f"{symbol.module}.{name}"
        return python_name(text)

    def _qualified(self, module: str, name: str) -> str:
        """A class-like name (class, Enum, Type) of this or another module."""
        if module == self.t.scope.python_module:
            return name
        self.t.scope.module_imports.add(module)
        return f"{module}.{name}"

    def assign_target(self, node: tree_sitter.Node) -> str:
        """An identifier assigned to (`_` for a local nobody reads)."""
        if self.is_unread(node):
            return "_"
        return self.ref(node)

    def const_name(self, node: tree_sitter.Node) -> str:
        """Module-level constants are UPPER_CASE (PEP 8); local ones keep snake case."""
        name = self.t.name(node)
        return name.upper() if self.t.scope.procedure is None else name

    # -- objects --------------------------------------------------------------------------

    def receiver_class(self, node: tree_sitter.Node | None) -> str | None:
        """The project class of an object expression (declared type, `Me`, With)."""
        if node is None:
            return self._with_class()
        if node.type == "me":
            return self.t.scope.class_name if self.t.scope.is_class else None
        return self.t.scope.class_of(self.t.type_of(node))

    def receiver(self, node: tree_sitter.Node | None) -> str:
        if node is None:
            return self._with_name()
        if node.type == "me":
            return "self"
        return self.t.operand(node)

    def member_symbol(self, node: tree_sitter.Node):
        """The member Symbol for `obj.member` on a typed receiver (a project class or a
        Type), else None."""
        owner = node.child_by_field_name("object")
        member = node.child_by_field_name("member")
        if owner is not None and member is not None and owner.type != "me":
            udt = self.t.scope.symbol(self.t.type_of(owner))
            if udt is not None and udt.kind == "type":
                return self.t.scope.symbols.get(
                    f"{self.t.type_of(owner).lower()}.{self.t.text(member).lower()}"
                )
        cls = self.receiver_class(owner)
        if cls is None or member is None:
            return None
        symbol = self.t.scope.member(cls, self.t.text(member))
        return symbol if symbol is not None and symbol.detail != "event" else None

    def member_read(self, node: tree_sitter.Node) -> str:
        """`obj.Member` in an expression."""
        owner = node.child_by_field_name("object")
        member = node.child_by_field_name("member")
        name = self.t.text(member)
        if name.lower() == "[_newenum]":
            return f"vba.each({self.receiver(owner)})"
        symbol = self.member_symbol(node)
        base = self.receiver(owner)
        if symbol is not None:
            python = self.t.name(member)
            if symbol.kind == "member" and symbol.detail in ("sub", "function", "getp"):
                return f"{base}.{python}()"
            return f"{base}.{python}"
        return f"vba.get({base}, {name!r})"

    def member_call(self, node: tree_sitter.Node, args: tree_sitter.Node | None) -> str:
        """`obj.Member(args)` in an expression, or `obj.Member args` as a statement."""
        function = node if node.type == "member_expression" else None
        owner = function.child_by_field_name("object")
        member = function.child_by_field_name("member")
        symbol = self.member_symbol(function)
        base = self.receiver(owner)
        rendered = self.call_arguments(args) if args is not None else ""
        if symbol is not None:
            python = self.t.name(member)
            if symbol.detail in ("sub", "function", "getp"):
                return f"{base}.{python}({rendered})"
            return f"vba.index({base}.{python}, {rendered})" if rendered else f"{base}.{python}"
        name = self.t.text(member)
        return f"vba.call({base}, {name!r}{', ' + rendered if rendered else ''})"

    def member_assign(
        self,
        node: tree_sitter.Node,
        value: str,
        is_set: bool = False,
        value_node: tree_sitter.Node | None = None,
    ) -> str:
        """`obj.Member = value` / `Set obj.Member = value`. A Type member or a class's
        public variable of a scalar type Let-coerces the value to its declared type
        (MS-VBAL 5.4.3.8), unless the value's type already is that type."""
        owner = node.child_by_field_name("object")
        member = node.child_by_field_name("member")
        symbol = self.member_symbol(node)
        base = self.receiver(owner)
        if symbol is not None and symbol.kind == "typemember":
            if (symbol.vba_type or "").startswith("String*"):
                value = f"vba.fixed_string({value}, {symbol.vba_type.split('*')[1]})"
            else:
                value = self._member_coerced(symbol.vba_type, value, value_node)
            return f"{base}.{self.t.name(member)} = {value}"
        if symbol is not None and symbol.detail == "var" and not is_set:
            value = self._member_coerced(symbol.vba_type, value, value_node)
            return f"{base}.{self.t.name(member)} = {value}"
        if symbol is not None and symbol.detail in ("var", "get", "let", "set"):
            return f"{base}.{self.t.name(member)} = {value}"
        helper = "vba.set_" if is_set else "vba.let"
        return f"{helper}({base}, {self.t.text(member)!r}, {value})"

    def _member_coerced(
        self, declared: str | None, value: str, value_node: tree_sitter.Node | None
    ) -> str:
        from .vocabulary import COERCED

        if declared not in COERCED or value_node is None:
            return value
        if self._fits(declared, value_node):  # type: ignore[attr-defined]
            return value
        return f"vba.let_coerce({value}, {declared!r})"

    def call_arguments(self, args: tree_sitter.Node) -> str:
        """Arguments with omitted ones (`f a, , c`) passed as VBA's Missing."""
        return ", ".join(self.argument_list(args))

    def argument_list(self, args: tree_sitter.Node) -> list[str]:
        rendered: list[str] = []
        pending_comma = True
        signature = self._signature(args)
        for child in args.children:
            if child.type == ",":
                if pending_comma:
                    rendered.append("vba.MISSING")
                pending_comma = True
                continue
            if not child.is_named or child.is_extra or child.type == "comment":
                continue
            pending_comma = False
            if child.type == "named_argument":
                name = child.child_by_field_name("name")
                value = child.child_by_field_name("value")
                rendered.append(f"{self.t.name(name)}={self.t.expression(value)}")
            elif child.type == "byval_argument":
                rendered.append(self.t.expression(child.child_by_field_name("value")))
            else:
                code = self.t.expression(child)
                if signature is not None and len(rendered) < len(signature):
                    code = self._passed(code, child, *signature[len(rendered)])
                rendered.append(code)
        return rendered

    # Parameter types the callee does not coerce on entry (Integer, Byte, Currency,
    # Single and Date parameters are coerced there: `coercions`).
    _CALL_COERCED = ("Long", "LongLong", "Double", "String", "Boolean")

    def _signature(self, args: tree_sitter.Node) -> list[tuple[str, bool]] | None:
        """(declared type, ByVal) of the parameters of the user procedure these arguments
        are passed to (a call of a procedure, or a method of a project class)."""
        parent = args.parent
        function = parent.child_by_field_name("function") if parent is not None else None
        if function is None:
            return None
        scope = self.t.scope
        if function.type == "identifier":
            if not self.is_user_procedure(function):  # type: ignore[attr-defined]
                return None
            return scope.signatures.get(self.t.text(function).lower())
        if function.type == "member_expression":
            cls = self.receiver_class(function.child_by_field_name("object"))
            member = function.child_by_field_name("member")
            if cls is not None and member is not None:
                return scope.signatures.get(f"{cls.lower()}.{self.t.text(member).lower()}")
        return None

    def _passed(self, code: str, node: tree_sitter.Node, declared: str, byval: bool) -> str:
        """An argument as the parameter receives it: Let-coerced to a ByVal parameter's
        declared type (MS-VBAL 5.3.1.11: a ByVal parameter gets the argument's value
        Let-coerced), and to a ByRef one's when the argument is an expression (VBA passes
        a coerced temporary, "ByRef argument type mismatch" page); a variable passed ByRef
        is the callee's own."""
        symbol = self.t.scope.symbol(declared)
        if symbol is not None and symbol.kind == "enum":
            declared = "Long"
        if declared not in self._CALL_COERCED or code == "vba.MISSING":
            return code
        if not byval and node.type == "identifier":
            return code
        if self._fits(declared, node):  # type: ignore[attr-defined]
            return code
        return f"vba.let_coerce({code}, {declared!r})"

    def builtin_arguments(self, function: tree_sitter.Node, args: tree_sitter.Node) -> str:
        """Arguments of a library function; an omitted one (`Replace(s, a, b, , , 1)`)
        takes the parameter's default, as VBA does."""
        import inspect

        from transform.runtimes.vba.builtins import BUILTINS

        rendered = self.argument_list(args)
        if "vba.MISSING" not in rendered:
            return ", ".join(rendered)
        name = self.t.text(function).lower()
        try:
            parameters = list(inspect.signature(BUILTINS[name]).parameters.values())
        except (KeyError, TypeError, ValueError):
            return ", ".join(rendered)
        for index, code in enumerate(rendered):
            if code == "vba.MISSING" and index < len(parameters):
                default = parameters[index].default
                if default is not inspect.Parameter.empty and (
                    default is None or isinstance(default, (int, float, str))
                ):
                    rendered[index] = repr(default)
        return ", ".join(rendered)

    def is_indexable(self, node: tree_sitter.Node) -> bool:
        """`name(args)` on a variable (array or object default member), not a call."""
        if node.type != "identifier":
            return False
        text = self.t.text(node)
        scope = self.t.scope
        key = name_key(text)
        if scope.is_function_result(text) and scope.procedure.return_type:
            return False
        if scope.declared_type(text) is not None:
            return True
        symbol = scope.symbol(text)
        return (
            symbol is not None and symbol.kind in ("var", "const") and key not in scope.procedures
        )

    def new_object(self, node: tree_sitter.Node) -> str:
        """`New T`: a library object or a project class instance."""
        type_node = node.child_by_field_name("type")
        name = self.t.text(type_node).split(".")[-1]
        if name.lower() in CLASS_NAMES:
            return CLASS_NAMES[name.lower()]
        symbol = self.t.scope.symbol(name)
        if symbol is None or symbol.kind != "class":
            from .engine import TranslationFailure

            raise TranslationFailure(name)
        return self._qualified(symbol.module, name) + "()"

    def is_excel_global(self, node: tree_sitter.Node) -> bool:
        text = self.t.text(node).lower()
        scope = self.t.scope
        return (
            node.type == "identifier"
            and text in EXCEL_GLOBALS
            and scope.declared_type(text) is None
            and scope.symbol(text) is None
        )

    def is_class_name(self, node: tree_sitter.Node) -> bool:
        symbol = self.t.scope.symbol(self.t.text(node))
        return symbol is not None and symbol.kind == "class" and node.type == "identifier"

    def default_instance(self, node: tree_sitter.Node) -> str:
        """A predeclared class used by name (a document module, a form): its default
        instance, created on first use."""
        symbol = self.t.scope.symbol(self.t.text(node))
        if symbol.module == self.t.scope.python_module:
            return f"{self.t.text(node)}.default()"
        return self._qualified(symbol.module, self.t.text(node)) + ".default()"

    # -- With ------------------------------------------------------------------------------

    def with_begin(self, node: tree_sitter.Node) -> str:
        """Bind the With object once (VBA evaluates it once); returns the binding line."""
        obj = node.child_by_field_name("object")
        cls = self.receiver_class(obj)
        body = node.child_by_field_name("body")
        if obj.type == "me":
            name, line = "self", ""
        elif obj.type == "identifier" and not self.assigns(body, obj):
            name, line = self.t.expression(obj), ""
        else:
            name = self.temp("with", node)
            line = f"{name} = {self.t.expression(obj)}"
        self.with_stack.append((name, cls))
        self.t.scope.with_types.append(self.t.type_of(obj))
        return line

    def with_end(self) -> str:
        self.with_stack.pop()
        self.t.scope.with_types.pop()
        return ""

    def _with_name(self) -> str:
        if not self.with_stack:
            from .engine import TranslationFailure

            raise TranslationFailure("member access outside With")
        return self.with_stack[-1][0]

    def _with_class(self) -> str | None:
        return self.with_stack[-1][1] if self.with_stack else None

    # -- events ----------------------------------------------------------------------------

    def raise_event(self, node: tree_sitter.Node) -> str:
        """`RaiseEvent E(args)` → `self.raise_event('e', (args,), byref)`, assigning the
        ByRef arguments the handlers changed back to the variables passed."""
        from .engine import python_name

        name = self.t.text(node.child_by_field_name("name"))
        args = node.child_by_field_name("arguments")
        values = (
            []
            if args is None
            else [c for c in args.named_children if not c.is_extra and c.type != "comment"]
        )
        positions = self.t.scope.events.get(name.lower(), [])
        rendered = ", ".join(self.t.expression(v) for v in values)
        tuple_code = f"({rendered},)" if len(values) == 1 else f"({rendered})"
        call = f"self.raise_event({python_name(name)!r}, {tuple_code}"
        byref = [p for p in positions if p < len(values) and values[p].type == "identifier"]
        if not byref:
            return call + ")"
        targets = ", ".join(self.assign_target(values[p]) for p in byref)
        byref_code = f"({byref[0]},)" if len(byref) == 1 else f"({', '.join(map(str, byref))})"
        return f"{targets} = {call}, {byref_code})"
