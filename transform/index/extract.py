"""Per-module facts from one VBA syntax tree: declared symbols and unlinked uses.

Why two phases (extract per module, then link per project): a module's declarations and
the shape of every name use can be read from its own tree, but binding a name needs every
other module's public symbols (MS-VBAL 5.6.10 searches procedure, module, project, then
libraries).  Extracting first lets the tree be dropped right after its module is read, so a
million-line scan never holds all trees at once, and the facts could be cached by the
module's content hash.

Procedure-local names are bound here (locals and parameters hide everything else); every
other name becomes a :class:`Use` for the linker.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from transform.ingest import SourceModule
from transform.parse import vba_ast as A
from transform.runtimes.vba.coerce import to_string

from .designer import designer_controls
from .model import (
    ConstantSymbol,
    ControlSymbol,
    DeclareSymbol,
    Effect,
    EnumMemberSymbol,
    EnumSymbol,
    EventSymbol,
    Field,
    Location,
    ModuleSymbol,
    Parameter,
    ProcedureSymbol,
    TypeSymbol,
    VariableSymbol,
)
from .names import CONTROL_EVENTS, OBJECT_EVENT_PREFIXES

# A name chain: (head kind, head name, head type, member names, indexed bits; see Use).
# Head kinds: "name" (to be resolved by the linker), "local" (a local of declared type
# ``head type``), "me".
Chain = tuple[str, str, str, tuple[str, ...], int]

_PROPERTY_KINDS = {"get": "property_get", "let": "property_let", "set": "property_set"}
_FILE_STATEMENTS = {
    "close": "Close",
    "reset": "Reset",
    "write": "Write #",
    "input": "Input #",
    "lineinput": "Line Input #",
    "get": "Get",
    "put": "Put",
    "seek": "Seek",
    "lock": "Lock",
    "unlock": "Unlock",
    "width": "Width #",
}


@dataclass(slots=True)
class Use:
    """One unlinked use of a name chain such as ``Module1.gTotal`` or ``o.Lines.Add``.

    ``role`` applies to the last element: read, write, set (``Set x = ...``), call, new,
    type (an ``As`` clause), raise (RaiseEvent), address (AddressOf), implements.
    ``literals`` keeps string-literal arguments (``Application.Run "Macro"``,
    ``CreateObject("Scripting.Dictionary")``, ``.OnAction = "Macro"``); None marks a
    non-literal argument.  ``indexed`` has bit 0 set when the head is followed by an argument
    list, bit i+1 when member i is (``oOrder(sSku).Quantity`` reaches a default member)."""

    scope: str
    role: str
    head_kind: str
    head: str
    head_type: str
    members: tuple[str, ...]
    line: int
    column: int
    literals: tuple[str | None, ...] = ()
    indexed: int = 0


@dataclass(slots=True)
class ModuleFacts:
    """Everything extracted from one module (or one VBScript ``Class`` block)."""

    module: ModuleSymbol
    procedures: list[ProcedureSymbol] = field(default_factory=list)
    variables: list[VariableSymbol] = field(default_factory=list)
    constants: list[ConstantSymbol] = field(default_factory=list)
    types: list[TypeSymbol] = field(default_factory=list)
    enums: list[EnumSymbol] = field(default_factory=list)
    declares: list[DeclareSymbol] = field(default_factory=list)
    events: list[EventSymbol] = field(default_factory=list)
    controls: list[ControlSymbol] = field(default_factory=list)
    uses: list[Use] = field(default_factory=list)
    written: dict[str, set[str]] = field(default_factory=dict)


def extract_module(
    tree: A.Module, source: SourceModule, module_id: str, project: str
) -> list[ModuleFacts]:
    """Facts of one parsed module, plus one entry per VBScript ``Class`` block in it."""
    module = ModuleSymbol(
        id=module_id,
        name=tree.name,
        kind=source.kind,
        language=source.language,
        dialect=source.dialect,
        file=source.display,
        lines=_line_count(source.text),
        member=source.member,
        project=project,
        base=next((str(a.value) for a in tree.attributes if a.name.lower() == "vb_base"), ""),
    )
    facts = ModuleFacts(module)
    builder = _ModuleBuilder(facts, source.display)
    builder.declarations(tree.declarations)
    builder.procedures(tree.procedures)
    if tree.body:
        builder.script_body(tree.body, tree.span)
    if source.kind in ("form", "usercontrol"):
        builder.controls(designer_controls(source.text))
    builder.inferred_controls()
    out = [facts]
    for block in tree.classes:
        out.append(_class_block(block, facts.module, source))
    return out


def _class_block(block: A.ClassBlock, script: ModuleSymbol, source: SourceModule) -> ModuleFacts:
    """A VBScript ``Class``: a class module living inside its script."""
    module = ModuleSymbol(
        id=f"{script.id}.{block.name}",
        name=block.name,
        kind="class",
        language=script.language,
        dialect=script.dialect,
        file=script.file,
        lines=max(1, block.span.end_line - block.span.line + 1),
        member=script.member,
        project=script.project,
        option_explicit=script.option_explicit,
        container=script.id,
    )
    facts = ModuleFacts(module)
    builder = _ModuleBuilder(facts, source.display)
    builder.declarations(block.declarations)
    builder.procedures(block.procedures)
    return facts


def _line_count(text: str) -> int:
    return text.count("\n") + (1 if text and not text.endswith("\n") else 0)


# --------------------------------------------------------------------------- rendering


def type_name(ref: A.TypeRef | None, hint: str = "") -> str:
    """The declared type as written (``Excel.Range``), from a type hint, or "" (Variant)."""
    if ref is not None:
        return ref.name
    return A.TYPE_HINTS.get(hint, "")


def render(expr: object) -> str:
    """Short source-like text of a constant expression, for defaults and Const values."""
    if isinstance(expr, A.Literal):
        value = expr.value
        if isinstance(value, bool):
            return "True" if value else "False"
        if isinstance(value, str):
            return '"' + value.replace('"', '""') + '"'
        try:
            return to_string(value)  # VBA's own spelling: 5, 2.5, 1/2/2003
        except Exception:  # Nothing, Null, Empty have no string value
            return str(value)
    if isinstance(expr, A.Name):
        return expr.name
    if isinstance(expr, A.Member):
        return f"{render(expr.obj)}.{expr.name}" if expr.obj is not None else f".{expr.name}"
    if isinstance(expr, A.Unary):
        return f"{'Not ' if expr.op == 'not' else expr.op}{render(expr.operand)}"
    if isinstance(expr, A.Binary):
        return f"{render(expr.left)} {expr.op} {render(expr.right)}"
    if isinstance(expr, A.Paren):
        return f"({render(expr.expr)})"
    return "..."


def parameters(params: tuple[A.Param, ...]) -> list[Parameter]:
    return [
        Parameter(
            name=p.name,
            mode=p.mode,
            type=type_name(p.type, p.type_hint),
            optional=p.optional,
            param_array=p.param_array,
            is_array=p.is_array,
            default=None if p.default is None else render(p.default),
        )
        for p in params
    ]


def _visibility(word: str, default: str) -> str:
    word = word.lower()
    if word in ("public", "global"):
        return "public"
    if word in ("private", "friend"):
        return word
    return default


# --------------------------------------------------------------------------- module level


class _ModuleBuilder:
    """Turns module-level declarations and procedures into symbols and uses."""

    def __init__(self, facts: ModuleFacts, file: str) -> None:
        self.facts = facts
        self.file = file
        self.mid = facts.module.id
        self.taken: set[str] = set()

    def node_id(self, name: str, suffix: str = "") -> str:
        """``Module.Name``; a duplicate (invalid VBA, but seen in broken code) gets ``#n``."""
        base = f"{self.mid}.{name}{suffix}"
        node, n = base, 1
        while node.lower() in self.taken:
            n += 1
            node = f"{base}#{n}"
        self.taken.add(node.lower())
        return node

    def loc(self, span: A.Span) -> Location:
        return Location(self.file, span.line, span.column)

    def use(self, scope: str, role: str, chain: Chain, span: A.Span, lits: tuple = ()) -> None:
        kind, head, head_type, members, indexed = chain
        self.facts.uses.append(
            Use(scope, role, kind, head, head_type, members, span.line, span.column, lits, indexed)
        )

    def type_use(self, scope: str, ref: A.TypeRef | None) -> None:
        """``As T`` → a type use; ``As New T`` also an instantiation."""
        if ref is None:
            return
        head, *rest = ref.name.split(".")
        chain: Chain = ("name", head, "", tuple(rest), 0)
        self.use(scope, "type", chain, ref.span)
        if ref.new:
            self.use(scope, "new", chain, ref.span)

    def expressions(self, scope: str, *exprs: object) -> None:
        """Reads in module-level expressions (Const values, array bounds, Enum values)."""
        visitor = BodyVisitor(self, scope, {}, None)
        for expr in exprs:
            if expr is not None:
                visitor.expr(expr)

    # -- declarations

    def declarations(self, decls: tuple[object, ...]) -> None:
        handlers = {
            A.Option: self.option,
            A.Dim: self.dim,
            A.Const: self.const,
            A.TypeDef: self.typedef,
            A.EnumDef: self.enumdef,
            A.Declare: self.declare,
            A.EventDecl: self.event,
            A.Implements: self.implements,
        }
        for decl in decls:
            handler = handlers.get(type(decl))
            if handler is not None:
                handler(decl)

    def option(self, decl: A.Option) -> None:
        if decl.name.lower() == "explicit":
            self.facts.module.option_explicit = True

    def dim(self, decl: A.Dim) -> None:
        visibility = _visibility(decl.keyword, "private")
        for var in decl.variables:
            node = self.node_id(var.name)
            self.facts.variables.append(
                VariableSymbol(
                    id=node,
                    module=self.mid,
                    name=var.name,
                    type=type_name(var.type, var.type_hint),
                    visibility=visibility,
                    location=self.loc(var.span),
                    is_array=var.bounds is not None,
                    with_events=var.with_events,
                    new=bool(var.type and var.type.new),
                )
            )
            self.type_use(node, var.type)
            for bound in var.bounds or ():
                self.expressions(node, bound.lower, bound.upper)

    def const(self, decl: A.Const) -> None:
        visibility = _visibility(decl.visibility, "private")
        for item in decl.constants:
            node = self.node_id(item.name)
            self.facts.constants.append(
                ConstantSymbol(
                    node,
                    self.mid,
                    item.name,
                    type_name(item.type),
                    visibility,
                    self.loc(item.span),
                    render(item.value),
                )
            )
            self.type_use(node, item.type)
            self.expressions(node, item.value)

    def typedef(self, decl: A.TypeDef) -> None:
        node = self.node_id(decl.name)
        members = [
            Field(m.name, type_name(m.type, m.type_hint), m.bounds is not None)
            for m in decl.members
        ]
        self.facts.types.append(
            TypeSymbol(
                node,
                self.mid,
                decl.name,
                _visibility(decl.visibility, "public"),
                self.loc(decl.span),
                members,
            )
        )
        for member in decl.members:
            self.type_use(node, member.type)

    def enumdef(self, decl: A.EnumDef) -> None:
        node = self.node_id(decl.name)
        members = [
            EnumMemberSymbol(m.name, None if m.value is None else render(m.value))
            for m in decl.members
        ]
        self.facts.enums.append(
            EnumSymbol(
                node,
                self.mid,
                decl.name,
                _visibility(decl.visibility, "public"),
                self.loc(decl.span),
                members,
            )
        )
        self.expressions(node, *(m.value for m in decl.members))

    def declare(self, decl: A.Declare) -> None:
        node = self.node_id(decl.name)
        self.facts.declares.append(
            DeclareSymbol(
                node,
                self.mid,
                decl.name,
                decl.kind,
                decl.lib,
                decl.alias,
                parameters(decl.params),
                type_name(decl.return_type),
                _visibility(decl.visibility, "public"),
                self.loc(decl.span),
            )
        )
        for param in decl.params:
            self.type_use(node, param.type)
        self.type_use(node, decl.return_type)

    def event(self, decl: A.EventDecl) -> None:
        node = self.node_id(decl.name)
        self.facts.events.append(
            EventSymbol(node, self.mid, decl.name, parameters(decl.params), self.loc(decl.span))
        )
        for param in decl.params:
            self.type_use(node, param.type)

    def implements(self, decl: A.Implements) -> None:
        self.facts.module.implements.append(decl.name)
        head, *rest = decl.name.split(".")
        self.use(self.mid, "implements", ("name", head, "", tuple(rest), 0), decl.span)

    # -- procedures

    def procedures(self, procs: tuple[A.Procedure, ...]) -> None:
        for proc in procs:
            self.procedure(proc)

    def procedure(self, proc: A.Procedure) -> None:
        kind = _PROPERTY_KINDS.get(proc.kind, proc.kind)
        suffix = f"[{proc.kind}]" if proc.kind in _PROPERTY_KINDS else ""
        node = self.node_id(proc.name, suffix)
        return_type = type_name(proc.return_type)
        own = proc.name.lower() if proc.kind in ("function", "get") else None
        local_types = _locals(proc)
        if own is not None:
            local_types.setdefault(own, return_type)
        visitor = BodyVisitor(self, node, local_types, own)
        for param in proc.params:
            self.type_use(node, param.type)
            if param.default is not None:
                visitor.expr(param.default)
        self.type_use(node, proc.return_type)
        visitor.statements(proc.body)
        self.facts.procedures.append(
            ProcedureSymbol(
                id=node,
                module=self.mid,
                name=proc.name,
                kind=kind,
                visibility=_visibility(proc.visibility, "public"),
                params=parameters(proc.params),
                return_type=return_type,
                location=self.loc(proc.span),
                end_line=proc.span.end_line,
                lines=max(1, proc.span.end_line - proc.span.line + 1),
                complexity=visitor.complexity,
                static=proc.static,
                is_default=proc.is_default,
                traits=dict(visitor.traits),
                effects=visitor.effects,
            )
        )
        if visitor.written:
            self.facts.written[node] = visitor.written

    def script_body(self, body: tuple[A.Stmt, ...], span: A.Span) -> None:
        """VBScript top-level code becomes a pseudo-procedure ``Script.(main)``."""
        node = self.node_id("(main)")
        visitor = BodyVisitor(self, node, {}, None)
        visitor.statements(body)
        first = body[0].span
        last = body[-1].span
        self.facts.procedures.append(
            ProcedureSymbol(
                id=node,
                module=self.mid,
                name="(main)",
                kind="script",
                visibility="public",
                params=[],
                return_type="",
                location=self.loc(first),
                end_line=last.end_line,
                lines=max(1, last.end_line - first.line + 1),
                complexity=visitor.complexity,
                traits=dict(visitor.traits),
                effects=visitor.effects,
            )
        )
        if visitor.written:
            self.facts.written[node] = visitor.written

    # -- form controls

    def controls(self, found: list[tuple[str, str, int]]) -> None:
        for name, kind, line in found:
            self.facts.controls.append(
                ControlSymbol(
                    self.node_id(name), self.mid, name, kind, "designer", Location(self.file, line)
                )
            )

    def inferred_controls(self) -> None:
        """``txtQty_Change`` in a form with no designer entry for txtQty: the control exists
        in the binary .frx, so we record it, saying where we learnt about it."""
        module = self.facts.module
        if module.kind not in ("form", "usercontrol"):
            return
        known = {c.name.lower() for c in self.facts.controls}
        known |= {v.name.lower() for v in self.facts.variables}
        known |= {i.split(".")[-1].lower() for i in module.implements}
        known |= set(OBJECT_EVENT_PREFIXES)
        for proc in self.facts.procedures:
            prefix, _, event = proc.name.rpartition("_")
            low = prefix.lower()
            if prefix and event.lower() in CONTROL_EVENTS and low not in known:
                known.add(low)
                self.facts.controls.append(
                    ControlSymbol(
                        self.node_id(prefix), self.mid, prefix, "", "handler", proc.location
                    )
                )


def _locals(proc: A.Procedure) -> dict[str, str]:
    """Lower-case local name → declared type, for parameters, Dim/Static/Const anywhere in
    the body (VBA scopes them to the whole procedure)."""
    out = {p.name.lower(): type_name(p.type, p.type_hint) for p in proc.params}
    for stmt in iter_statements(proc.body):
        if isinstance(stmt, A.Dim):
            for var in stmt.variables:
                out[var.name.lower()] = type_name(var.type, var.type_hint)
        elif isinstance(stmt, A.Const):
            for item in stmt.constants:
                out[item.name.lower()] = type_name(item.type)
    return out


def iter_statements(body: tuple[object, ...]) -> Iterator[object]:
    """Every statement of a body, nested blocks included, in source order."""
    for stmt in body:
        yield stmt
        for child in _child_bodies(stmt):
            yield from iter_statements(child)


def _child_bodies(stmt: object) -> Iterator[tuple[object, ...]]:
    if isinstance(stmt, A.If):
        for branch in stmt.branches:
            yield branch.body
        if stmt.else_body:
            yield stmt.else_body
    elif isinstance(stmt, A.SelectCase):
        for case in stmt.cases:
            yield case.body
        if stmt.else_body:
            yield stmt.else_body
    elif isinstance(stmt, A.ForNext | A.ForEach | A.DoLoop | A.WhileWend | A.With):
        yield stmt.body


# --------------------------------------------------------------------------- bodies


def _bits(flags: list[bool], shift: int) -> int:
    """Indexed flags collected innermost-last → bits from ``shift`` on, outermost first."""
    bits = 0
    for i, flag in enumerate(reversed(flags)):
        if flag:
            bits |= 1 << (shift + i)
    return bits


def _literal_string(arg: A.Arg | None) -> str | None:
    if arg is not None and isinstance(arg.value, A.Literal) and isinstance(arg.value.value, str):
        return arg.value.value
    return None


class BodyVisitor:
    """Walks one procedure body: uses, syntax-level effects, cyclomatic complexity, traits.

    Complexity is McCabe's 1 + decisions: each If/ElseIf branch, each Case clause, each
    loop, each On...GoTo/GoSub target and each ``On Error GoTo label`` (a second path)."""

    def __init__(
        self, module: _ModuleBuilder, scope: str, local_types: dict[str, str], own: str | None
    ) -> None:
        self.module = module
        self.scope = scope
        self.locals = local_types
        self.own = own
        self.withs: list[Chain | None] = []
        self.complexity = 1
        self.traits: Counter[str] = Counter()
        self.effects: list[Effect] = []
        self.written: set[str] = set()

    # -- expressions

    def expr(self, e: object, role: str = "read") -> None:
        kind = type(e)
        if kind is A.Literal:
            return
        if kind in (A.Name, A.Member, A.Index, A.Me):
            self.chain_use(e, role)
        elif kind is A.Binary:
            self.expr(e.left)
            self.expr(e.right)
        elif kind is A.Unary:
            self.expr(e.operand)
        elif kind is A.Paren:
            self.expr(e.expr)
        elif kind is A.TypeOfIs:
            self.expr(e.expr)
            head, *rest = e.type_name.split(".")
            self.module.use(self.scope, "type", ("name", head, "", tuple(rest), 0), e.span)
        elif kind is A.New:
            head, *rest = e.class_name.split(".")
            self.module.use(self.scope, "new", ("name", head, "", tuple(rest), 0), e.span)
        elif kind is A.AddressOf:
            self.module.use(self.scope, "address", ("name", e.name, "", (), 0), e.span)

    def chain_of(self, e: object, role: str) -> Chain | None:
        """The name chain of ``e`` with procedure-local heads bound, or None when the chain
        does not start at a name (``(a + b).X``)."""
        members: list[str] = []
        flags: list[bool] = []  # per member, innermost last
        indexed = False
        while True:
            kind = type(e)
            if kind is A.Member:
                members.append(e.name)
                flags.append(indexed)
                indexed = False
                if e.obj is None:
                    return self._with_chain(members, flags)
                e = e.obj
            elif kind is A.Index:
                indexed = True
                e = e.target
            elif kind is A.Paren and members:
                indexed = False
                e = e.expr
            else:
                break
        names = tuple(reversed(members))
        bits = int(indexed) | _bits(flags, 1)
        if kind is A.Name:
            return self.bind_head(e.name, names, role, indexed, bits)
        if kind is A.Me:
            return ("me", "", "", names, bits)
        if kind is A.New:
            return ("local", "", e.class_name, names, bits)
        return None

    def _with_chain(self, members: list[str], flags: list[bool]) -> Chain | None:
        """``.Member`` inside ``With x``: x's chain followed by the members."""
        base = self.withs[-1] if self.withs else None
        if base is None:
            return None
        kind, head, head_type, base_members, base_bits = base
        bits = base_bits | _bits(flags, 1 + len(base_members))
        return (kind, head, head_type, base_members + tuple(reversed(members)), bits)

    def bind_head(
        self, name: str, members: tuple[str, ...], role: str, indexed: bool, bits: int
    ) -> Chain:
        low = name.lower()
        if low == self.own and (indexed or (role == "call" and not members)):
            return ("name", name, "", members, bits)  # a recursive call, not the return value
        local = self.locals.get(low)
        if local is not None:
            return ("local", name, local, members, bits)
        return ("name", name, "", members, bits)

    def chain_args(self, e: object) -> None:
        """Reads inside the chain: index/call arguments and non-name heads."""
        while True:
            kind = type(e)
            if kind is A.Member:
                if e.obj is None:
                    return
                e = e.obj
            elif kind is A.Index:
                for arg in e.args:
                    if arg.value is not None:
                        self.expr(arg.value)
                e = e.target
            elif kind is A.Paren:
                self.expr(e.expr)
                return
            elif kind in (A.Name, A.Me, A.New):
                if kind is A.New:
                    self.expr(e)
                return
            else:
                self.expr(e)
                return

    def chain_use(self, e: object, role: str, literals: tuple[str | None, ...] = ()) -> None:
        if not literals and type(e) is A.Index:
            literals = tuple(_literal_string(a) for a in e.args[:3])
        self.chain_args(e)
        chain = self.chain_of(e, role)
        if chain is None:
            return
        kind, head, _, members, _ = chain
        if kind == "local" and (not members or not chain[2]):
            return  # a local (or an untyped local's members): nothing to link
        if kind == "name" and not members and role in ("write", "set"):
            self.written.add(head.lower())
        span = getattr(e, "span", A.NO_SPAN)
        self.module.use(self.scope, role, chain, span, literals)

    def effect(self, category: str, what: str, span: A.Span) -> None:
        self.effects.append(Effect(category, what, span.line))

    # -- statements

    def statements(self, body: tuple[object, ...]) -> None:
        for stmt in body:
            handler = _STATEMENT_HANDLERS.get(type(stmt))
            if handler is not None:
                handler(self, stmt)

    def st_assign(self, s: A.Assign) -> None:
        self.expr(s.value)
        literal = s.value.value if isinstance(s.value, A.Literal) else None
        target = s.target
        if isinstance(target, A.Member) and target.name.lower() == "onaction":
            # ``shape.OnAction = "Macro"``: the host will call Macro by name.
            chain: Chain = ("name", str(literal) if literal is not None else "", "", (), 0)
            lits = (literal,) if isinstance(literal, str) else (None,)
            self.module.use(self.scope, "macro", chain, s.span, lits)
        self.chain_use(target, "set" if s.set_ else "write")

    def st_call(self, s: A.CallStmt) -> None:
        lits = tuple(_literal_string(a) for a in s.args[:3])
        self.chain_use(s.target, "call", lits)
        for arg in s.args:
            if arg.value is not None:
                self.expr(arg.value)

    def st_dim(self, s: A.Dim) -> None:
        for var in s.variables:
            self.module.type_use(self.scope, var.type)
            for bound in var.bounds or ():
                if bound.lower is not None:
                    self.expr(bound.lower)
                self.expr(bound.upper)

    def st_const(self, s: A.Const) -> None:
        for item in s.constants:
            self.module.type_use(self.scope, item.type)
            self.expr(item.value)

    def st_if(self, s: A.If) -> None:
        for branch in s.branches:
            self.complexity += 1
            self.expr(branch.condition)
            self.statements(branch.body)
        if s.else_body:
            self.statements(s.else_body)

    def st_select(self, s: A.SelectCase) -> None:
        self.expr(s.subject)
        for case in s.cases:
            self.complexity += 1
            for test in case.tests:
                self.expr(test.expr)
                if test.upper is not None:
                    self.expr(test.upper)
            self.statements(case.body)
        if s.else_body:
            self.statements(s.else_body)

    def st_for(self, s: A.ForNext) -> None:
        self.complexity += 1
        self.chain_use(s.counter, "write")
        for part in (s.start, s.end, s.step):
            if part is not None:
                self.expr(part)
        self.statements(s.body)

    def st_foreach(self, s: A.ForEach) -> None:
        self.complexity += 1
        self.chain_use(s.element, "write")
        self.expr(s.group)
        self.statements(s.body)

    def st_do(self, s: A.DoLoop) -> None:
        self.complexity += 1
        if s.condition is not None:
            self.expr(s.condition)
        self.statements(s.body)

    def st_while(self, s: A.WhileWend) -> None:
        self.complexity += 1
        self.expr(s.condition)
        self.statements(s.body)

    def st_with(self, s: A.With) -> None:
        self.expr(s.obj)
        self.withs.append(self.chain_of(s.obj, "read"))
        self.statements(s.body)
        self.withs.pop()

    def st_goto(self, s: A.GoTo) -> None:
        self.traits["goto"] += 1

    def st_gosub(self, s: A.GoSub) -> None:
        self.traits["gosub"] += 1

    def st_ongoto(self, s: A.OnGoTo) -> None:
        self.expr(s.expr)
        self.complexity += len(s.labels)
        self.traits["on_gosub" if s.gosub else "on_goto"] += 1

    def st_onerror(self, s: A.OnError) -> None:
        if s.kind == "goto":
            self.complexity += 1
            self.traits["on_error_goto"] += 1
        elif s.kind == "resume_next":
            self.traits["on_error_resume_next"] += 1

    def st_end(self, s: A.End) -> None:
        self.traits["end"] += 1

    def st_redim(self, s: A.ReDim) -> None:
        for item in s.items:
            self.chain_use(item.target, "write")
            for bound in item.bounds:
                if bound.lower is not None:
                    self.expr(bound.lower)
                self.expr(bound.upper)
            self.module.type_use(self.scope, item.type)

    def st_erase(self, s: A.Erase) -> None:
        for target in s.targets:
            self.chain_use(target, "write")

    def st_lset(self, s: A.LSetRSet) -> None:
        self.expr(s.value)
        self.chain_use(s.target, "write")

    def st_mid(self, s: A.MidAssign) -> None:
        for part in (s.start, s.length, s.value):
            if part is not None:
                self.expr(part)
        self.chain_use(s.target, "write")

    def st_raise(self, s: A.RaiseEvent) -> None:
        self.module.use(self.scope, "raise", ("name", s.name, "", (), 0), s.span)
        for arg in s.args:
            if arg.value is not None:
                self.expr(arg.value)

    def st_print(self, s: A.Print) -> None:
        if s.channel is not None:
            self.effect("file_io", "Print #", s.span)
            self.expr(s.channel)
        for item in s.items:
            if item.value is not None:
                self.expr(item.value)

    def st_assert(self, s: A.DebugAssert) -> None:
        self.expr(s.condition)

    def st_open(self, s: A.Open) -> None:
        self.effect("file_io", "Open", s.span)
        for part in (s.path, s.channel, s.record_length):
            if part is not None:
                self.expr(part)

    def st_file(self, s: A.FileStmt) -> None:
        self.effect("file_io", _FILE_STATEMENTS.get(s.kind, s.kind), s.span)
        if s.channel is not None:
            self.expr(s.channel)
        targets = s.kind in ("input", "lineinput") or (s.kind == "get" and len(s.args) == 2)
        for i, arg in enumerate(s.args):
            if arg is None:
                continue
            if targets and (s.kind != "get" or i == 1):
                self.chain_use(arg, "write")
            else:
                self.expr(arg)

    def st_name(self, s: A.NameStmt) -> None:
        self.effect("file_io", "Name", s.span)
        self.expr(s.old)
        self.expr(s.new)


_STATEMENT_HANDLERS = {
    A.Assign: BodyVisitor.st_assign,
    A.CallStmt: BodyVisitor.st_call,
    A.Dim: BodyVisitor.st_dim,
    A.Const: BodyVisitor.st_const,
    A.If: BodyVisitor.st_if,
    A.SelectCase: BodyVisitor.st_select,
    A.ForNext: BodyVisitor.st_for,
    A.ForEach: BodyVisitor.st_foreach,
    A.DoLoop: BodyVisitor.st_do,
    A.WhileWend: BodyVisitor.st_while,
    A.With: BodyVisitor.st_with,
    A.GoTo: BodyVisitor.st_goto,
    A.GoSub: BodyVisitor.st_gosub,
    A.OnGoTo: BodyVisitor.st_ongoto,
    A.OnError: BodyVisitor.st_onerror,
    A.End: BodyVisitor.st_end,
    A.ReDim: BodyVisitor.st_redim,
    A.Erase: BodyVisitor.st_erase,
    A.LSetRSet: BodyVisitor.st_lset,
    A.MidAssign: BodyVisitor.st_mid,
    A.RaiseEvent: BodyVisitor.st_raise,
    A.Print: BodyVisitor.st_print,
    A.DebugAssert: BodyVisitor.st_assert,
    A.Open: BodyVisitor.st_open,
    A.FileStmt: BodyVisitor.st_file,
    A.NameStmt: BodyVisitor.st_name,
}
