"""Bind every extracted use to a symbol, following VBA's name resolution.

MS-VBAL 5.6.10 (simple name expressions) looks a name up in the enclosing procedure (done
by :mod:`extract`), then the enclosing module, then the project's public names from other
modules, then the referenced libraries (VBA first, then the host).  Members after a dot
(5.6.12) are looked up in the type of what precedes them: a module, a class, a host object.
What cannot be bound is recorded as :class:`Unresolved`, never guessed; host and library
names are only accepted from the tables in :mod:`names`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .extract import ModuleFacts, Use
from .model import (
    Effect,
    ExternalSymbol,
    Location,
    ModuleSymbol,
    ProcedureSymbol,
    ProjectInfo,
    Reference,
    Unresolved,
)
from .names import (
    APPLICATION_MEMBERS,
    BASE_MEMBERS,
    CONTROL_EVENTS,
    FORM_TYPES,
    HOST_GLOBALS,
    HOST_TYPES,
    INTRINSIC_TYPES,
    LIBRARY_EFFECTS,
    LIBRARY_FUNCTIONS,
    LIBRARY_OBJECTS,
    LIBRARY_QUALIFIERS,
    OBJECT_EVENT_PREFIXES,
    PROGID_EFFECTS,
    PURE_PROGIDS,
    SCRIPT_TYPES,
    host_constant,
    is_vba_constant,
)

_CLASS_LIKE = {"class", "form", "document", "usercontrol"}
_OFFICE_HOSTS = ["Excel", "Word", "Access", "PowerPoint"]
# String-literal procedure references: host method → index of the literal naming the macro.
_MACRO_STRINGS = {
    "run": (0, "Application.Run"),
    "ontime": (1, "Application.OnTime"),
    "onkey": (1, "Application.OnKey"),
}


class Sym:
    """A bindable name in a module's scope.  ``procs`` maps a property role (``get``,
    ``let``, ``set``) or "" (Sub/Function) to the procedure id; ``type`` is the declared or
    return type used to follow member chains."""

    __slots__ = ("kind", "id", "module", "type", "visibility", "procs", "detail")

    def __init__(
        self,
        kind: str,
        node: str,
        module: str,
        type_: str = "",
        visibility: str = "public",
        procs: dict[str, str] | None = None,
        detail: str = "",
    ) -> None:
        self.kind = kind
        self.id = node
        self.module = module
        self.type = type_
        self.visibility = visibility
        self.procs = procs
        self.detail = detail


class Target:
    """What a chain element denotes for the next member lookup."""

    __slots__ = ("kind", "module", "node", "name")

    def __init__(self, kind: str, module: str = "", node: str = "", name: str = "") -> None:
        self.kind = kind  # module, udt, enum, host, lib, intrinsic
        self.module = module
        self.node = node
        self.name = name


@dataclass
class LinkResult:
    references: list[Reference] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    externals: list[ExternalSymbol] = field(default_factory=list)


def detect_hosts(modules: list[ModuleSymbol]) -> tuple[list[str], bool]:
    """Which host object models a project's names may come from, and whether assumed.

    Document modules tell the host (ThisWorkbook/Sheet1 → Excel, ThisDocument → Word,
    Form_/Report_ → Access); VB6 projects have no Office host; VBScript runs under WSH.
    Without evidence every Office host is allowed, Excel first (the common case), and the
    project says so (``hosts_assumed``)."""
    hosts: list[str] = []
    vb6 = any(m.dialect == "vb6" for m in modules)
    for m in modules:
        low = m.name.lower()
        host = None
        if m.kind == "script":
            host = "WSH"
        elif m.kind == "document":
            if low == "thisdocument":
                host = "Word"
            elif low.startswith(("form_", "report_")):
                host = "Access"
            elif low.startswith("slide"):
                host = "PowerPoint"
            else:
                host = "Excel"
        if host and host not in hosts:
            hosts.append(host)
    if vb6 or any(h in _OFFICE_HOSTS for h in hosts):
        return hosts, False
    if all(m.kind == "script" or m.container for m in modules):
        return hosts, False
    return hosts + _OFFICE_HOSTS, True


class Linker:
    """Symbol tables for a whole scan and the resolution of every use against them."""

    def __init__(self, facts: list[ModuleFacts], projects: list[ProjectInfo]) -> None:
        self.facts = {f.module.id: f for f in facts}
        self.modules = {f.module.id: f.module for f in facts}
        self.hosts = {p.name: p.hosts for p in projects}
        self.values: dict[str, dict[str, Sym]] = {}
        self.types: dict[str, dict[str, Sym]] = {}
        self.events: dict[str, dict[str, str]] = {}
        self.project_values: dict[str, dict[str, list[Sym]]] = {}
        self.project_types: dict[str, dict[str, list[Sym]]] = {}
        self.module_names: dict[str, dict[str, ModuleSymbol]] = {}
        self.script_classes: dict[str, dict[str, ModuleSymbol]] = {}
        self.procs: dict[str, ProcedureSymbol] = {}
        self.defaults: dict[str, Sym] = {}
        self.refs: dict[tuple[str, str, str], Reference] = {}
        self.unresolved: dict[tuple[str, str, str], Unresolved] = {}
        self.externals: dict[str, ExternalSymbol] = {}
        self._was_variable = False  # set by emit: the last bound element was a variable
        for f in facts:
            self._tables(f)

    # ------------------------------------------------------------------ tables

    def _tables(self, f: ModuleFacts) -> None:
        m = f.module
        values: dict[str, Sym] = {}
        types: dict[str, Sym] = {}
        for v in f.variables:
            values[v.name.lower()] = Sym("variable", v.id, m.id, v.type, v.visibility)
        for c in f.constants:
            values[c.name.lower()] = Sym("constant", c.id, m.id, c.type, c.visibility)
        for d in f.declares:
            values[d.name.lower()] = Sym(
                "declare", d.id, m.id, d.return_type, d.visibility, detail=f"{d.lib}!{d.name}"
            )
        for c in f.controls:
            values.setdefault(c.name.lower(), Sym("control", c.id, m.id, c.type))
        for e in f.enums:
            types[e.name.lower()] = Sym("enum", e.id, m.id, visibility=e.visibility)
            for member in e.members:
                values.setdefault(
                    member.name.lower(),
                    Sym("enum_member", e.id, m.id, e.name, e.visibility, detail=member.name),
                )
        for t in f.types:
            types[t.name.lower()] = Sym("udt", t.id, m.id, visibility=t.visibility)
        for p in f.procedures:
            self.procs[p.id] = p
            self._add_procedure(values, p)
            if p.is_default:
                self.defaults[m.id] = values[p.name.lower()]
        self.values[m.id] = values
        self.types[m.id] = types
        self.events[m.id] = {e.name.lower(): e.id for e in f.events}
        if m.container is not None:
            self.script_classes.setdefault(m.container, {})[m.name.lower()] = m
            return
        if m.kind != "script":
            self.module_names.setdefault(m.project, {}).setdefault(m.name.lower(), m)
            self._project_tables(m, values, types)

    def _add_procedure(self, values: dict[str, Sym], p: ProcedureSymbol) -> None:
        if p.kind == "script":
            return
        role = p.kind[len("property_") :] if p.kind.startswith("property_") else ""
        low = p.name.lower()
        sym = values.get(low)
        if sym is None or sym.kind != "procedure":
            sym = values[low] = Sym("procedure", p.id, p.module, "", p.visibility, {})
        sym.procs[role] = p.id  # type: ignore[index]
        if p.kind in ("function", "property_get"):
            sym.type = p.return_type
        if p.visibility != "private":
            sym.visibility = p.visibility

    def _project_tables(self, m: ModuleSymbol, values: dict[str, Sym], types: dict[str, Sym]):
        """Public names reachable from other modules without qualification."""
        pv = self.project_values.setdefault(m.project, {})
        pt = self.project_types.setdefault(m.project, {})
        for low, sym in values.items():
            if sym.visibility == "private" or sym.kind == "control":
                continue
            if m.kind == "standard" or sym.kind == "enum_member":
                pv.setdefault(low, []).append(sym)
        for low, sym in types.items():
            if sym.visibility != "private" and (m.kind == "standard" or sym.kind == "enum"):
                pt.setdefault(low, []).append(sym)
        if m.kind in _CLASS_LIKE:
            pt.setdefault(m.name.lower(), []).append(Sym("module", m.id, m.id))

    # ------------------------------------------------------------------ output

    def ref(
        self, kind: str, source: str, target: str, use: Use | None, detail: str = "", line: int = 0
    ) -> None:
        line = use.line if use is not None else line
        key = (kind, source, target)
        found = self.refs.get(key)
        if found is None:
            file = self._file(source)
            column = use.column if use is not None else 0
            self.refs[key] = Reference(
                kind, source, target, Location(file, line, column), 1, [line], detail
            )
        else:
            found.count += 1
            found.lines.append(line)
            if detail and detail not in found.detail.split(", "):
                found.detail = f"{found.detail}, {detail}" if found.detail else detail

    def unresolved_name(self, name: str, kind: str, use: Use, note: str = "") -> None:
        key = (name.lower(), kind, use.scope)
        if key not in self.unresolved:
            loc = Location(self._file(use.scope), use.line, use.column)
            self.unresolved[key] = Unresolved(name, kind, use.scope, loc, note)

    def external(self, kind: str, provider: str, name: str) -> str:
        node = f"{kind}:{provider}.{name}" if provider else f"{kind}:{name}"
        key = node.lower()
        found = self.externals.get(key)
        if found is None:
            label = "library" if kind == "lib" else kind
            found = self.externals[key] = ExternalSymbol(node, label, name, provider)
        return found.id

    def effect(self, scope: str, category: str, what: str, line: int) -> None:
        proc = self.procs.get(scope)
        if proc is not None:
            proc.effects.append(Effect(category, what, line))

    def _file(self, node: str) -> str:
        module = self._module_of(node)
        return module.file if module is not None else ""

    def _module_of(self, node: str) -> ModuleSymbol | None:
        found = self.modules.get(node)
        while found is None and "." in node:
            node = node.rsplit(".", 1)[0]
            found = self.modules.get(node)
        return found

    def result(self) -> LinkResult:
        return LinkResult(
            list(self.refs.values()), list(self.unresolved.values()), list(self.externals.values())
        )

    # ------------------------------------------------------------------ linking

    def link(self) -> LinkResult:
        for facts in self.facts.values():
            for use in facts.uses:
                self.link_use(facts, use)
            self.link_handlers(facts)
            for declare in facts.declares:
                dll = self.external("dll", "", _dll_name(declare.lib))
                self.ref(
                    "declares_dll",
                    declare.id,
                    dll,
                    None,
                    declare.alias or declare.name,
                    declare.location.line,
                )
        return self.result()

    def link_use(self, facts: ModuleFacts, use: Use) -> None:
        role = use.role
        if role in ("type", "new"):
            self.link_type_use(facts.module, use)
        elif role == "implements":
            self.link_implements(facts.module, use)
        elif role == "macro":
            self._macro_string(use, use.literals[0] if use.literals else None, ".OnAction")
        elif role == "raise":
            event = self.events[facts.module.id].get(use.head.lower())
            if event is None:
                self.unresolved_name(use.head, "event", use, "RaiseEvent of an undeclared event")
            else:
                self.ref("raises", use.scope, event, use)
        else:
            self.link_chain(facts, use)

    # -- types

    def resolve_type(self, module: ModuleSymbol, parts: list[str]) -> Target | None:
        """A type name (possibly ``Lib.Type`` or ``Module.Type``) seen from ``module``."""
        if len(parts) == 2:
            return self._qualified_type(module, parts[0], parts[1])
        if len(parts) != 1:
            return None
        low = parts[0].lower()
        for table in self._type_tables(module):
            sym = table.get(low)
            if sym is not None:
                return _type_target(sym)
        found = self.project_types.get(module.project, {}).get(low, [])
        if len(found) == 1:
            return _type_target(found[0])
        if len(found) > 1:
            return Target("ambiguous", name=", ".join(s.id for s in found))
        if low in INTRINSIC_TYPES:
            return Target("intrinsic")
        for host in self.hosts.get(module.project, []):
            name = HOST_TYPES.get(host, {}).get(low)
            if name:
                return Target("host", node=self.external("host", host, name), name=name)
        if module.language == "vbscript" and low in SCRIPT_TYPES:
            return Target("lib", node=self.external("lib", "VBScript", SCRIPT_TYPES[low]))
        if low in FORM_TYPES:
            lib = "VB" if module.dialect == "vb6" else "MSForms"
            return Target("lib", node=self.external("lib", lib, FORM_TYPES[low]))
        return None

    def _type_tables(self, module: ModuleSymbol) -> list[dict[str, Sym]]:
        tables = [self.types.get(module.id, {})]
        script = module.container or (module.id if module.kind == "script" else None)
        if script is not None:
            if module.container:
                tables.append(self.types.get(script, {}))
            classes = self.script_classes.get(script, {})
            tables.append({k: Sym("module", c.id, c.id) for k, c in classes.items()})
        return tables

    def _qualified_type(self, module: ModuleSymbol, qualifier: str, name: str) -> Target | None:
        owner = self.module_names.get(module.project, {}).get(qualifier.lower())
        if owner is not None:
            sym = self.types.get(owner.id, {}).get(name.lower())
            return _type_target(sym) if sym is not None else None
        lib = LIBRARY_QUALIFIERS.get(qualifier.lower())
        if lib is None:
            # ``ProjectName.Class`` (VB6 designers write it): the project's own class.
            own = self.module_names.get(module.project, {}).get(name.lower())
            if own is not None and own.kind in _CLASS_LIKE:
                return Target("module", module=own.id, node=own.id)
            return None
        if lib == "VBA":
            return Target("intrinsic")
        kind = "host" if lib in HOST_TYPES else "lib"
        return Target(kind, node=self.external(kind, lib, name), name=name)

    def link_type_use(self, module: ModuleSymbol, use: Use) -> None:
        parts = [use.head, *use.members]
        target = self.resolve_type(module, parts)
        name = ".".join(parts)
        if target is None:
            self.unresolved_name(name, "type", use)
            return
        if target.kind == "ambiguous":
            self.unresolved_name(name, "ambiguous", use, target.name)
            return
        if target.kind == "intrinsic":
            return
        kind = "instantiates" if use.role == "new" else "uses_type"
        self.ref(kind, use.scope, target.node, use)

    def link_implements(self, module: ModuleSymbol, use: Use) -> None:
        parts = [use.head, *use.members]
        target = self.resolve_type(module, parts)
        if target is None or target.kind in ("intrinsic", "ambiguous"):
            self.unresolved_name(".".join(parts), "type", use, "Implements")
            return
        self.ref("implements", module.id, target.node, use)

    # -- chains

    def link_chain(self, facts: ModuleFacts, use: Use) -> None:
        module = facts.module
        members = use.members
        last = len(members)
        if use.head_kind == "me":
            current: Target | None = Target("module", module=module.id, node=module.id)
        elif use.head_kind == "local":
            current = self.resolve_type(module, use.head_type.split("."))
            if current is not None and current.kind == "host" and members:
                self._host_use(use, current.node, current.name, members)
                return
            if use.indexed & 1:
                current = self.default_member(module, use, current)
        else:
            current = self.link_head(facts, use, "read" if last else use.role)
        for i, member in enumerate(members):
            if current is None:
                return
            role = use.role if i == last - 1 else "read"
            current = self.link_member(module, use, current, member, role, members[i + 1 :])
            if use.indexed >> (i + 1) & 1 and self._was_variable:
                current = self.default_member(module, use, current)

    def default_member(
        self, module: ModuleSymbol, use: Use, current: Target | None
    ) -> Target | None:
        """``obj(args)`` on an object whose class has a default member (``Attribute
        Item.VB_UserMemId = 0``) calls that member (MS-VBAL 5.6.5 default member access)."""
        if current is None or current.kind != "module":
            return current
        sym = self.defaults.get(current.module)
        if sym is None:
            return current
        return self.emit(module, use, sym, "read")

    def link_head(self, facts: ModuleFacts, use: Use, role: str) -> Target | None:
        module = facts.module
        name = use.head
        low = name.lower()
        sym = self.lookup_value(module, name)
        if isinstance(sym, Sym):
            target = self.emit(module, use, sym, role)
            if use.indexed & 1 and self._was_variable:
                target = self.default_member(module, use, target)
            return target
        if isinstance(sym, list):
            self.unresolved_name(name, "ambiguous", use, ", ".join(s.id for s in sym))
            return None
        if sym is not None:
            return self.link_outside(module, use, sym)
        written = facts.written.get(use.scope, ())
        if not module.option_explicit and low in written:
            return None  # an implicitly declared local (no Option Explicit)
        self.unresolved_name(name, "name", use)
        return None

    def lookup_value(self, module: ModuleSymbol, name: str) -> Sym | list[Sym] | str | None:
        """Module scope, container script, base class, project, then outside names.

        Returns a Sym, a list (ambiguous project names), or a string tag for names outside
        the project: ``module``, ``base``, ``lib``, ``host:<Host>``, ``const:<Host>``."""
        low = name.lower()
        sym = self.values[module.id].get(low)
        if sym is not None:
            return sym
        if module.container is not None:
            sym = self.values[module.container].get(low)
            if sym is not None:
                return sym
        flavour = _flavour(module)
        if flavour and low in BASE_MEMBERS[flavour]:
            return "base"
        if module.kind != "script" and module.container is None:
            found = self.project_values.get(module.project, {}).get(low)
            if found:
                return found[0] if len(found) == 1 else found
            if low in self.module_names.get(module.project, {}):
                return "module"
        if low in LIBRARY_FUNCTIONS or low in LIBRARY_OBJECTS or is_vba_constant(low):
            return "lib"
        hosts = self.hosts.get(module.project, [])
        for host in hosts:
            if low in HOST_GLOBALS.get(host, {}):
                return f"host:{host}"
        office = hosts + (["Office", "MSForms"] if hosts else [])
        host = host_constant(name, office)
        return f"const:{host}" if host else None

    def link_outside(self, module: ModuleSymbol, use: Use, tag: str) -> Target | None:
        low = use.head.lower()
        if tag == "module":
            owner = self.module_names[module.project][low]
            if not use.members and owner.kind in ("form", "document"):
                self.ref("reads", use.scope, owner.id, use, "predeclared instance")
            return Target("module", module=owner.id, node=owner.id)
        if tag == "base":
            return self._base_member(module, use, use.head)
        if tag == "lib":
            self._library(use, low)
            return None
        if tag.startswith("host:"):
            host = tag[5:]
            name = HOST_GLOBALS[host][low]
            if low in APPLICATION_MEMBERS:
                node = self.external("host", host, "Application")
                self._host_use(use, node, "Application", (name, *use.members))
            else:
                self._host_use(use, self.external("host", host, name), name, use.members, True)
            return None
        return None  # a host enumeration constant: library, nothing to record

    def _library(self, use: Use, low: str) -> None:
        category = LIBRARY_EFFECTS.get(low)
        if low in ("createobject", "getobject"):
            self._late_binding(use, low)
        elif category is not None:
            self.effect(use.scope, category, use.head, use.line)

    def _late_binding(self, use: Use, low: str) -> None:
        lits = use.literals
        progid = lits[0] if low == "createobject" and lits else None
        if low == "getobject":
            progid = lits[1] if len(lits) > 1 and lits[1] else None
            if progid is None and lits and lits[0]:
                self.effect(use.scope, "com", f"GetObject({lits[0]!r})", use.line)
                return
        if not progid:
            self.unresolved_name(use.head, "dynamic", use, "ProgID is not a string literal")
            self.effect(use.scope, "com", f"{use.head}(?)", use.line)
            return
        node = self.external("progid", "", progid)
        self.ref("late_binds", use.scope, node, use, use.head)
        key = progid.lower()
        if key not in PURE_PROGIDS:
            self.effect(use.scope, "com", progid, use.line)
            extra = PROGID_EFFECTS.get(key)
            if extra and extra != "com":
                self.effect(use.scope, extra, progid, use.line)

    def _host_use(
        self, use: Use, node: str, name: str, members: tuple[str, ...], head: bool = False
    ) -> None:
        """A host object: one uses_host edge, plus macros named in Run/OnTime/OnKey/OnAction
        string literals (``Application.Run "Module1.Macro"``)."""
        self.ref("uses_host", use.scope, node, use)
        self.effect(use.scope, "host", node.split(":", 1)[1], use.line)
        method = (members[0] if members else name if head else "").lower()
        if method in _MACRO_STRINGS and len(members) <= 1:
            index, via = _MACRO_STRINGS[method]
            lit = use.literals[index] if len(use.literals) > index else None
            self._macro_string(use, lit, via)

    def _macro_string(self, use: Use, text: str | None, via: str) -> None:
        if not text:
            self.unresolved_name(via, "dynamic", use, "macro name is not a string literal")
            return
        module = self._module_of(use.scope)
        target = self.find_macro(module, text) if module is not None else None
        if target is None:
            self.unresolved_name(text, "run_target", use, via)
        else:
            self.ref("calls", use.scope, target, use, via)

    def find_macro(self, module: ModuleSymbol, text: str) -> str | None:
        """The procedure a macro string names: ``Name``, ``Module.Name``, optionally behind
        a workbook prefix (``'Book.xlsm'!Module.Name``).  Application.Run reaches Public
        and Private procedures of standard modules alike; a unique match is required."""
        text = text.rsplit("!", 1)[-1].strip()
        qualifier, _, name = text.rpartition(".")
        modules = self.module_names.get(module.project, {})
        if qualifier:
            owner = modules.get(qualifier.lower())
            candidates = [owner] if owner is not None else []
        else:
            candidates = [m for m in modules.values() if m.kind == "standard"]
        found = []
        for owner in candidates:
            sym = self.values[owner.id].get(name.lower())
            if sym is not None and sym.kind == "procedure" and "" in (sym.procs or {}):
                found.append(sym.procs[""])  # type: ignore[index]
        return found[0] if len(found) == 1 else None

    def _base_member(self, module: ModuleSymbol, use: Use, name: str) -> Target | None:
        """A member a document or form module inherits (Worksheet.Range, UserForm.Hide)."""
        flavour = _flavour(module)
        if flavour in ("form", "usercontrol"):
            self.effect(use.scope, "ui", f"{module.name}.{name}", use.line)
        elif flavour:
            node = self.external("host", *_DOCUMENT_HOST[flavour])
            self.ref("uses_host", use.scope, node, use, f"{module.name}.{name}")
            self.effect(use.scope, "host", node.split(":", 1)[1], use.line)
        return None

    def link_member(
        self,
        module: ModuleSymbol,
        use: Use,
        current: Target,
        member: str,
        role: str,
        rest: tuple[str, ...],
    ) -> Target | None:
        if current.kind == "module":
            owner = self.modules[current.module]
            sym = self.values[owner.id].get(member.lower())
            if sym is not None and (sym.visibility != "private" or owner.id == module.id):
                return self.emit(module, use, sym, role)
            flavour = _flavour(owner)
            if flavour and member.lower() in BASE_MEMBERS[flavour]:
                return self._base_member(owner, use, member)
            note = _MISSING_MEMBER.get(flavour, "")
            self.unresolved_name(f"{owner.name}.{member}", "member", use, note)
            return None
        if current.kind == "host":
            self._host_use(use, current.node, current.name, (member, *rest))
            return None
        if current.kind == "enum":
            self.ref("reads", use.scope, current.node, use, member)
        return None

    def emit(self, module: ModuleSymbol, use: Use, sym: Sym, role: str) -> Target | None:
        """Record the edge for one bound chain element; the target for the next member."""
        kind = sym.kind
        self._was_variable = kind == "variable"
        if kind == "variable":
            edge = "writes" if role in ("write", "set") else "reads"
            self.ref(edge, use.scope, sym.id, use)
        elif kind in ("constant", "enum_member"):
            self.ref("reads", use.scope, sym.id, use, sym.detail)
        elif kind == "procedure":
            target, detail = _pick_procedure(sym, role)
            self.ref("calls", use.scope, target, use, "AddressOf" if role == "address" else detail)
        elif kind == "declare":
            self.ref("calls", use.scope, sym.id, use, "Declare")
            self.effect(use.scope, "dll", sym.detail, use.line)
        elif kind == "control":
            edge = "writes" if role in ("write", "set") else "reads"
            self.ref(edge, use.scope, sym.id, use)
            self.effect(use.scope, "ui", sym.id, use.line)
            return None
        if not sym.type:
            return None
        return self.resolve_type(self.modules[sym.module], sym.type.split("."))

    # -- event handlers and interface implementations

    def link_handlers(self, facts: ModuleFacts) -> None:
        module = facts.module
        with_events = [v for v in facts.variables if v.with_events]
        with_events.sort(key=lambda v: -len(v.name))
        controls = {c.name.lower(): c for c in facts.controls}
        for proc in facts.procedures:
            if proc.kind != "script":
                self._handler(module, proc, with_events, controls)

    def _handler(self, module: ModuleSymbol, proc: ProcedureSymbol, with_events, controls) -> None:
        low = proc.name.lower()
        use = Use(proc.id, "handler", "name", proc.name, "", (), proc.location.line, 0)
        for var in with_events:
            if low.startswith(var.name.lower() + "_"):
                self._withevents_handler(module, proc, var, proc.name[len(var.name) + 1 :], use)
                return
        for iface in module.implements:
            prefix = iface.split(".")[-1].lower() + "_"
            if low.startswith(prefix):
                self._implementation(module, proc, iface, proc.name[len(prefix) :], use)
                return
        prefix, _, event = proc.name.rpartition("_")
        flavours = OBJECT_EVENT_PREFIXES.get(prefix.lower())
        if flavours is not None and module.kind in flavours[0]:
            node = flavours[1] or module.id
            if node.startswith(("host:", "lib:")):
                kind, _, rest = node.partition(":")
                provider, _, name = rest.partition(".")
                node = self.external(kind, provider, name)
            self.ref("handles_event", proc.id, node, use, f"{prefix}.{event}")
            return
        control = controls.get(prefix.lower())
        if control is not None and (
            event.lower() in CONTROL_EVENTS or control.source == "designer"
        ):
            self.ref("handles_event", proc.id, control.id, use, event)
            owner = self.module_names.get(module.project, {}).get(
                control.type.split(".")[-1].lower()
            )
            event_id = self.events.get(owner.id, {}).get(event.lower()) if owner else None
            if event_id is not None:
                self.ref("handles_event", proc.id, event_id, use, event)

    def _withevents_handler(self, module, proc, var, event: str, use: Use) -> None:
        target = self.resolve_type(module, var.type.split(".")) if var.type else None
        if target is None or target.kind in ("intrinsic", "ambiguous"):
            return  # the variable's type is already reported where it is declared
        if target.kind == "module":
            event_id = self.events.get(target.module, {}).get(event.lower())
            if event_id is None:
                name = f"{self.modules[target.module].name}.{event}"
                self.unresolved_name(name, "event", use, f"handler {proc.name}")
                return
            self.ref("handles_event", proc.id, event_id, use, f"{var.name}.{event}")
        elif target.node:
            self.ref("handles_event", proc.id, target.node, use, f"{var.name}.{event}")

    def _implementation(self, module, proc, iface: str, member: str, use: Use) -> None:
        target = self.resolve_type(module, iface.split("."))
        if target is None or target.kind != "module":
            if target is not None and target.node:
                self.ref("implements", proc.id, target.node, use, member)
            return
        sym = self.values[target.module].get(member.lower())
        role = proc.kind[len("property_") :] if proc.kind.startswith("property_") else ""
        node = (sym.procs or {}).get(role) if sym is not None and sym.kind == "procedure" else None
        if node is None:
            name = f"{self.modules[target.module].name}.{member}"
            self.unresolved_name(name, "member", use, f"implementation {proc.name}")
            return
        self.ref("implements", proc.id, node, use)


_MISSING_MEMBER = {
    "form": "not declared in the form's code; a control kept in the binary .frx?",
    "usercontrol": "not declared in the control's code nor a known UserControl member",
    "workbook": "neither declared in the module nor a known Workbook member",
    "worksheet": "neither declared in the module nor a known Worksheet member",
    "document": "neither declared in the module nor a known Document member",
}

# VB_Base class ids of Office document modules (the coclass the module extends).
_BASE_CLASSES = {
    "00020819-0000-0000-C000-000000000046": "workbook",
    "00020820-0000-0000-C000-000000000046": "worksheet",
    "00020906-0000-0000-C000-000000000046": "document",
}

_DOCUMENT_HOST = {
    "workbook": ("Excel", "Workbook"),
    "worksheet": ("Excel", "Worksheet"),
    "document": ("Word", "Document"),
}


def _dll_name(lib: str) -> str:
    """``kernel32``, ``Kernel32.dll`` and ``KERNEL32`` are one library."""
    name = lib.replace("\\", "/").rsplit("/", 1)[-1]
    return name[:-4] if name.lower().endswith(".dll") else name


def _flavour(module: ModuleSymbol) -> str:
    """Which base class a document/form module extends, for its inherited members."""
    if module.kind in ("form", "usercontrol"):
        return module.kind
    if module.kind != "document":
        return ""
    base = module.base.upper()
    for guid, flavour in _BASE_CLASSES.items():
        if guid in base:
            return flavour
    low = module.name.lower()
    if low == "thisworkbook":
        return "workbook"
    if low == "thisdocument":
        return "document"
    if low.startswith(("form_", "report_")):
        return "form"
    return "worksheet"


def _type_target(sym: Sym) -> Target:
    if sym.kind == "module":
        return Target("module", module=sym.id, node=sym.id)
    return Target(sym.kind, module=sym.module, node=sym.id)


def _pick_procedure(sym: Sym, role: str) -> tuple[str, str]:
    """Which of a property's procedures a use reaches: a read runs Get, an assignment Let,
    a ``Set`` assignment Set (MS-VBAL 5.4.2.8-5.4.2.10)."""
    procs = sym.procs or {}
    if "" in procs:
        return procs[""], ""
    order = {"write": ("let", "set"), "set": ("set", "let")}.get(role, ("get", "let", "set"))
    for key in order:
        if key in procs:
            return procs[key], f"property {key}"
    key, node = next(iter(procs.items()))
    return node, f"property {key}"


def link(facts: Iterable[ModuleFacts], projects: list[ProjectInfo]) -> LinkResult:
    """Bind all uses of all modules; see :class:`Linker`."""
    return Linker(list(facts), projects).link()
