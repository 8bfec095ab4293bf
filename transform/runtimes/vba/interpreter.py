"""The VBA interpreter's public face: load a project, call a procedure, observe.

Why this shape: the characterization stage needs "run this procedure with these
arguments and tell me everything it did" as plain data, so ``Project.call``
returns an ``Observation`` (output lines, result, ByRef arguments after the call,
error, effects, cells changed, module state).  Names are linked across modules
here (MS-VBAL 5.2 scoping: the module's own names, then other modules' public
names, then the VBA library and the host).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transform.parse import vba_ast as A

from . import hostlib
from .arrays import VbaArray
from .builtins import BUILTINS
from .coerce import to_long, typename
from .compiler import Compiler, compile_module_body, scalar_spec
from .machine import (
    VARIANT,
    ClassInfo,
    EndProgram,
    Instance,
    LimitExceeded,
    ModuleInfo,
    ProcInfo,
    Runtime,
    TypeSpec,
)
from .objects import Cell, Collection, Dictionary, UdtType, UdtValue, copy_value
from .values import Empty, Nothing, VbaError, VbaObject


@dataclass
class Observation:
    """Everything one call did, as plain data for golden files."""

    procedure: str
    output: list[str] = field(default_factory=list)
    result: object = None
    byref: list[object] = field(default_factory=list)
    error: dict | None = None
    effects: list[dict] = field(default_factory=list)
    cells_changed: list[dict] = field(default_factory=list)
    state: dict[str, object] = field(default_factory=dict)
    steps: int = 0
    exit_code: int | None = None

    def to_json(self) -> dict:
        """JSON-ready form (VBA values as {"type", "value"} pairs)."""
        return {
            "procedure": self.procedure,
            "output": self.output,
            "result": to_plain(self.result),
            "byref": [to_plain(v) for v in self.byref],
            "error": self.error,
            "effects": self.effects,
            "cells_changed": self.cells_changed,
            "state": {k: to_plain(v) for k, v in self.state.items()},
            "exit_code": self.exit_code,
        }


def to_plain(v: object) -> object:
    """A VBA value as JSON data that keeps its VBA type."""
    if isinstance(v, VbaArray):
        return {"type": typename(v), "bounds": v.bounds, "value": [to_plain(x) for x in v.data]}
    if isinstance(v, UdtValue):
        return {"type": v.type.name, "value": {k: to_plain(c.v) for k, c in v.fields.items()}}
    if isinstance(v, VbaObject):
        return {"type": typename(v), "value": None}
    from .coerce import to_string

    try:
        text = to_string(v) if v is not Empty else ""
    except VbaError:
        text = repr(v)
    if type(v) is bool or type(v) is str:
        return {"type": typename(v), "value": v}
    if type(v) is int or type(v) is float:
        return {"type": typename(v), "value": v}
    return {"type": typename(v), "value": text}


# --------------------------------------------------------------------------- project


# The functions of VBScript ("VBScript Functions", VBScript Language Reference): other
# VBA library names (Input, Dir, Environ, Format, IIf ...) are ordinary names in a script.
# fmt: off
VBSCRIPT_FUNCTIONS = frozenset({
    "abs", "array", "asc", "ascb", "ascw", "atn", "cbool", "cbyte", "ccur", "cdate", "cdbl",
    "chr", "chrb", "chrw", "cint", "clng", "cos", "createobject", "csng", "cstr", "date",
    "dateadd", "datediff", "datepart", "dateserial", "datevalue", "day", "escape", "eval", "exp",
    "filter", "fix", "formatcurrency", "formatdatetime", "formatnumber", "formatpercent",
    "getlocale", "getobject", "getref", "hex", "hour", "inputbox", "instr", "instrb", "instrrev",
    "int", "isarray", "isdate", "isempty", "isnull", "isnumeric", "isobject", "join", "lbound",
    "lcase", "left", "leftb", "len", "lenb", "loadpicture", "log", "ltrim", "mid", "midb",
    "minute", "month", "monthname", "msgbox", "now", "oct", "replace", "rgb", "right", "rightb",
    "rnd", "round", "rtrim", "scriptengine", "scriptenginebuildversion",
    "scriptenginemajorversion", "scriptengineminorversion", "second", "setlocale", "sgn", "sin",
    "space", "split", "sqr", "strcomp", "string", "strreverse", "tan", "time", "timer",
    "timeserial", "timevalue", "trim", "typename", "ubound", "ucase", "unescape", "vartype",
    "weekday", "weekdayname", "year",
})
# fmt: on


class Project:
    """A set of modules linked together, ready to run."""

    def __init__(self, modules: Sequence[A.Module], *, project_name: str = "VBAProject") -> None:
        self.asts = list(modules)
        self.script = bool(modules) and all(m.kind == "script" for m in modules)
        self.rt = Runtime()
        self.rt.project = self
        self.rt.err.project_name = project_name
        self.modules: dict[str, ModuleInfo] = {}
        self.classes: dict[str, ClassInfo] = {}
        self.interfaces: set[str] = set()
        self.host_globals: dict[str, Any] = {}
        self._lookup_cache: dict[tuple[str, str], tuple | None] = {}
        self._mains: list[ProcInfo] = []
        self.workbook: Any = None
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        for m in self.asts:
            self._add_module(m)
            for c in m.classes:
                self._add_module(
                    A.Module(
                        c.name, "class", c.declarations, c.procedures, file=m.file, span=c.span
                    )
                )
        for mod in self.modules.values():  # types and enums first: any module may use them
            comp = Compiler(mod, None)
            for d in mod.node.declarations:
                if isinstance(d, (A.TypeDef, A.EnumDef)):
                    self._declaration(mod, d, comp)
        for mod in self.modules.values():
            self._declare(mod)

    # ------------------------------------------------------------------ linking

    def _add_module(self, node: A.Module) -> None:
        mod = ModuleInfo(node, self.rt)
        if node.kind in ("class", "document", "form"):
            mod.cls = ClassInfo(mod)
            self.classes[node.name.lower()] = mod.cls
        self.modules[node.name.lower()] = mod

    def _declare(self, mod: ModuleInfo) -> None:
        comp = Compiler(mod, None)
        for d in mod.node.declarations:
            if not isinstance(d, (A.TypeDef, A.EnumDef)):
                self._declaration(mod, d, comp)
        for p in mod.node.procedures:
            info = ProcInfo(p, mod)
            mod.procs.setdefault(p.name.lower(), {})[p.kind] = info
            if mod.cls is not None and p.is_default:
                mod.cls.default_member = p.name.lower()
            if mod.cls is not None and any(
                a.name.lower().endswith("vb_usermemid") and a.value == -4 for a in p.attributes
            ):
                mod.cls.enum_member = p.name.lower()
        has_enum = mod.proc("newenum") is not None or mod.proc("_newenum") is not None
        if mod.cls is not None and mod.cls.enum_member is None and has_enum:
            mod.cls.enum_member = "newenum" if mod.proc("newenum") else "_newenum"

    def _declaration(self, mod: ModuleInfo, d: object, comp: Compiler) -> None:
        if isinstance(d, A.Option):
            name = d.name.lower()
            if name == "base":
                mod.option_base = int(d.value)
            elif name == "compare":
                mod.compare_text = d.value.lower() == "text"
            elif name == "explicit":
                mod.explicit = True
        elif isinstance(d, A.DefType):
            for a, b in d.ranges:
                for code in range(ord(a[0].lower()), ord(b[0].lower()) + 1):
                    mod.deftypes[chr(code)] = d.type_name
        elif isinstance(d, A.Dim):
            for v in d.variables:
                self.declare_module_var(mod, v, d.keyword, comp)
        elif isinstance(d, A.Const):
            for c in d.constants:
                mod.consts[c.name.lower()] = (
                    _lazy_const(comp, c),
                    d.visibility in ("public", "global") or mod.kind == "script",
                )
        elif isinstance(d, A.TypeDef):
            mod.types[d.name.lower()] = (d, None)
        elif isinstance(d, A.EnumDef):
            mod.enums[d.name.lower()] = _enum_members(comp, d)
        elif isinstance(d, A.Declare):
            mod.declares[d.name.lower()] = d
        elif isinstance(d, A.Implements):
            if mod.cls is not None:
                mod.cls.implements.append(d.name)
            self.interfaces.add(d.name.lower())
        elif isinstance(d, A.EventDecl) and mod.cls is not None:
            mod.cls.events.add(d.name.lower())

    def declare_module_var(
        self, mod: ModuleInfo, v: A.VarDecl, keyword: str, comp: Compiler
    ) -> None:
        """A module-level variable: a class field per instance, else one shared Cell."""
        spec = comp.spec_for(v.type, v.name, v.type_hint)
        factory = comp.var_factory(v, spec)
        if v.type is not None and v.type.new and v.bounds is None:
            spec = spec.with_auto_new(v.type.name)
        if v.bounds is not None:
            from .compiler import _array_spec

            spec = _array_spec(spec)
        if mod.cls is not None:
            cls = mod.cls
            cls.field_index[v.name.lower()] = len(cls.fields)
            field_spec = TypeSpec(
                spec.name,
                spec.coerce,
                factory,
                spec.is_object,
                spec.is_array,
                spec.class_name,
                spec.udt,
            )
            field_spec.auto_new = spec.auto_new
            cls.fields.append(
                (
                    v.name,
                    field_spec,
                    v.with_events,
                )
            )
            return
        public = keyword in ("public", "global") or mod.kind == "script"
        mod.vars[v.name.lower()] = (Cell(factory()), spec, public)

    def spec_for(self, typ: A.TypeRef, mod: ModuleInfo, const_eval: Any) -> TypeSpec:
        """TypeSpec of an ``As`` clause, resolving UDTs, enums and classes by name."""
        name = typ.name.lower()
        short = name.rsplit(".", 1)[-1]
        if typ.fixed_length is not None:
            from .strings import fixed_string

            n = to_long(const_eval(typ.fixed_length))
            pad = " " * n
            return TypeSpec("string", lambda v: fixed_string(v, n), lambda: pad)
        if short in (
            "integer",
            "long",
            "longlong",
            "longptr",
            "byte",
            "single",
            "double",
            "currency",
            "decimal",
            "boolean",
            "date",
            "string",
        ):
            return scalar_spec(short)
        if short == "variant" or short == "any":
            return VARIANT
        udt = self.find_type(short, mod)
        if udt is not None:
            return TypeSpec(short, copy_value, udt.new, udt=udt)
        if self.find_enum(short, mod) is not None:
            return scalar_spec("long")
        return TypeSpec("object", None, lambda: Nothing, is_object=True, class_name=short)

    def find_type(self, name: str, mod: ModuleInfo) -> UdtType | None:
        for m in [mod, *self.modules.values()]:
            entry = m.types.get(name)
            if entry is not None:
                node, built = entry
                if built is None:
                    built = self._build_udt(node, m)
                    m.types[name] = (node, built)
                return built
        return None

    def _build_udt(self, node: A.TypeDef, mod: ModuleInfo) -> UdtType:
        udt = UdtType(node.name)
        comp = Compiler(mod, None)
        for member in node.members:
            spec = comp.spec_for(member.type, member.name, member.type_hint)
            factory = comp.var_factory(member, spec)
            udt.members.append(
                (member.name, factory, None if member.bounds is not None else spec.coerce)
            )
        return udt

    def find_enum(self, name: str, mod: ModuleInfo) -> dict | None:
        for m in [mod, *self.modules.values()]:
            if name in m.enums:
                return m.enums[name]
        return None

    # ------------------------------------------------------------------ lookup

    def lookup(self, name: str, mod: ModuleInfo) -> tuple | None:
        key = (mod.name.lower(), name)
        if key in self._lookup_cache:
            return self._lookup_cache[key]
        found = self._lookup(name, mod)
        if found is not None and found[0] != "unknown":
            self._lookup_cache[key] = found
        return found

    def _lookup(self, name: str, mod: ModuleInfo) -> tuple | None:
        own = self._own(name, mod, private_ok=True)
        if own is not None:
            return own
        for other in self.modules.values():
            if other is mod or other.cls is not None and other.kind != "script":
                continue
            found = self._own(name, other, private_ok=other.kind == "script")
            if found is not None:
                return found
        if name in self.modules:
            return ("module", self.modules[name])
        if mod.kind == "script" and name not in VBSCRIPT_FUNCTIONS:
            pass  # `Input = x`, `Dir = "C:\"`: VBA-only functions are plain names there
        elif name in hostlib.OVERRIDES:
            return ("rtbuiltin", hostlib.OVERRIDES[name])
        elif name in BUILTINS:
            return ("builtin", BUILTINS[name], name)
        elif name in hostlib.RUNTIME_BUILTINS:
            return ("rtbuiltin", hostlib.RUNTIME_BUILTINS[name])
        if name in hostlib.GLOBAL_OBJECTS or name in self.host_globals:
            return ("global", name)
        return None

    def _own(self, name: str, mod: ModuleInfo, private_ok: bool) -> tuple | None:
        var = mod.vars.get(name)
        if var is not None and (private_ok or var[2]):
            return ("modvar", var[0], var[1])
        const = mod.consts.get(name)
        if const is not None and (private_ok or const[1]):
            return ("lazyconst", const[0])
        group = mod.procs.get(name)
        if group:
            p = next(iter(group.values()))
            for k in ("function", "sub", "get"):
                if k in group:
                    p = group[k]
                    break
            if private_ok or p.node.visibility != "private":
                return ("proc", p, mod.cls is not None)
        for members in mod.enums.values():
            if name in members:
                return ("lazyconst", members[name])
        if name in mod.declares:
            return ("declare", name)
        return None

    def qualified(self, qualifier: str, member: str, mod: ModuleInfo) -> tuple | None:
        """``Module.Member``, ``Enum.Member``, ``VBA.Func``: compile-time resolution."""
        if qualifier in (
            "vba",
            "strings",
            "conversion",
            "math",
            "interaction",
            "datetime",
            "information",
            "fileSystem",
            "vbscript",
        ):
            if member in BUILTINS:
                return ("builtin", BUILTINS[member], member)
            fn = hostlib.RUNTIME_BUILTINS.get(member)
            if fn is not None:
                return ("rtbuiltin", fn)
            from .constants import VBA_CONSTANTS

            if member in VBA_CONSTANTS:
                return ("const", VBA_CONSTANTS[member])
        target = self.modules.get(qualifier)
        if target is not None and target.cls is None:
            return self._own(member, target, private_ok=target is mod)
        enum = self.find_enum(qualifier, mod)
        if enum is not None and member in enum:
            return ("lazyconst", enum[member])
        return None

    def is_interface(self, name: str) -> bool:
        return name.lower() in self.interfaces

    # ------------------------------------------------------------------ objects

    def create(self, class_name: str) -> object:
        """``New X`` / ``As New X``."""
        low = class_name.lower().rsplit(".", 1)[-1]
        cls = self.classes.get(low)
        if cls is not None:
            return cls.new()
        if low == "collection":
            return Collection()
        if low == "dictionary":
            return Dictionary()
        from .forms import LIBRARY_OBJECTS

        if low in LIBRARY_OBJECTS:
            return LIBRARY_OBJECTS[low]()
        return hostlib.create_object(self.rt, class_name)

    def module_object(self, mod: ModuleInfo) -> object:
        """A class/form/document module used by name: its predeclared default instance."""
        if mod.cls is None:
            return hostlib.ModuleObject(self, mod)
        if mod.default_instance is None:
            mod.default_instance = mod.cls.new()
            host = self.rt.host
            if host is not None and mod.kind == "document":
                host.bind_document(mod)
        return mod.default_instance

    def type_of_is(self, v: object, type_name: str) -> bool:
        if v is Nothing:
            return False
        if isinstance(v, Instance):
            return v.cls.is_a(type_name)
        low = type_name.lower().rsplit(".", 1)[-1]
        return typename(v).lower() == low or low == "object"

    def global_get(self, name: str, args: list, kw: dict | None, statement: bool = False):
        """Names resolved at run time: Err, Debug, host objects (Range, Cells...)."""
        value = hostlib.global_object(self, name)
        if value is not None:
            if args:
                from .objects import index_value

                return index_value(value, [a.v if isinstance(a, Cell) else a for a in args])
            return value
        host = self.rt.host
        if host is not None and host.has_global(name):
            return host.global_get(name, args, kw)
        raise VbaError(35, f"Sub or Function not defined: {name}")

    def global_let(self, name: str, value: object, set_: bool) -> None:
        host = self.rt.host
        if host is not None and host.has_global(name):
            host.global_let(name, value)
            return
        raise VbaError(424)

    # ------------------------------------------------------------------ running

    def find_procedure(self, name: str) -> ProcInfo:
        """``Proc`` or ``Module.Proc``; error naming what exists otherwise."""
        mod_name, _, proc_name = name.rpartition(".")
        candidates = (
            [self.modules[mod_name.lower()]]
            if mod_name.lower() in self.modules
            else list(self.modules.values())
        )
        for mod in candidates:
            p = mod.proc(proc_name)
            if p is not None:
                return p
        raise KeyError(f"no procedure named {name!r}")

    def load(self) -> None:
        """Run VBScript top-level code once (module initialisation)."""
        for mod in self.modules.values():
            if mod.node.body and not mod.loaded:
                mod.loaded = True
                main = compile_module_body(mod, mod.node.body)
                main.invoke(None, [])

    def call(
        self,
        procedure: str | None,
        args: Iterable[object] = (),
        *,
        workbook: Any = None,
        responses: Sequence[object] = (),
        step_limit: int = 50_000_000,
        time_limit: float = 60.0,
        sandbox_dir: str | Path | None = None,
        script_args: Sequence[str] = (),
    ) -> Observation:
        """Run ``procedure`` with ``args`` (Python values or VBA values) and observe it.

        ``procedure`` None runs only the scripts' top-level code (VBScript)."""
        rt = self.rt
        rt.step_limit, rt.time_limit = step_limit, time_limit
        rt.steps, rt.budget = 0, rt.CHUNK
        rt.reset_clock()
        rt.responses = list(responses)
        rt.script_args = list(script_args)
        rt.exit_code = None
        start_lines, start_effects = len(rt.lines), len(rt.effects)
        self._setup_sandbox(sandbox_dir)
        if workbook is not None:
            self.attach_workbook(workbook)
        cells = [Cell(from_python(a)) for a in args]
        obs = Observation(procedure or "<script>")
        box: dict[str, object] = {}

        def run() -> None:
            try:
                self.load()
                if procedure is not None:
                    proc = self.find_procedure(procedure)
                    me = self.module_object(proc.module) if proc.module.cls else None
                    box["result"] = proc.invoke(me, list(cells))
            except BaseException as e:  # noqa: BLE001 - reported in the observation
                box["error"] = e

        _run_big_stack(run)
        obs.result = box.get("result", Empty)
        obs.byref = [c.v for c in cells]
        error = box.get("error")
        if error is not None:
            obs.error = _describe_error(error)
        obs.output = rt.output_lines()[start_lines:]
        obs.effects = rt.effects[start_effects:]
        obs.steps = rt.steps + rt.CHUNK - rt.budget
        if rt.host is not None:
            obs.cells_changed = rt.host.changes()
        obs.state = self.state()
        obs.exit_code = rt.exit_code
        return obs

    def _setup_sandbox(self, directory: str | Path | None) -> None:
        from .sandbox import Sandbox

        if self.rt.sandbox is None or directory is not None:
            if directory is None:
                # Owned by the project: removed when it is collected or the process exits,
                # so batches of runs leave nothing behind in the host's temp folder.
                self._scratch = tempfile.TemporaryDirectory(prefix="vba-sandbox-")
                directory = self._scratch.name
            self.rt.sandbox = Sandbox(Path(directory), self.rt)

    def attach_workbook(self, workbook: Any) -> None:
        """Give the code an Excel object model over an openpyxl workbook (or a path)."""
        from .excel import ExcelHost

        self.rt.host = ExcelHost(_ExcelSession(self), workbook)
        self.host_globals.update(dict.fromkeys(ExcelHost.GLOBALS, True))

    def fresh(self) -> Project:
        """A new session over the same modules (module state, Static locals and open
        files start over), as after VBA's project reset."""
        return Project(self.asts, project_name=self.rt.err.project_name)

    def state(self) -> dict[str, object]:
        """Module-level variables of standard modules, ``Module.name`` → value."""
        out: dict[str, object] = {}
        for mod in self.modules.values():
            for name, (cell, _, _) in mod.vars.items():
                out[f"{mod.name}.{name}"] = cell.v
        return out


class _ExcelSession:
    """The Excel object model's view of this project (excel.Session): effects go to the
    run's record, ThisWorkbook.Path is the sandbox, ThisWorkbook is the document module,
    Application.Run calls the project's procedures, InputBox takes scripted answers."""

    def __init__(self, project: Project) -> None:
        self.project = project

    def effect(self, kind: str, **details: object) -> None:
        self.project.rt.effect(kind, **details)

    def folder(self) -> str:
        return self.project.rt.sandbox.vba_path("")

    def this_workbook(self) -> object | None:
        mod = self.project.modules.get("thisworkbook")
        return self.project.module_object(mod) if mod else None

    def run(self, macro: str, args: list) -> object:
        return self.project.find_procedure(macro).invoke(None, args)

    def inputbox(self, prompt: object) -> object:
        return hostlib.inputbox(self.project.rt, None, prompt)


def _describe_error(e: BaseException) -> dict:
    if isinstance(e, VbaError):
        return {
            "number": e.number,
            "description": e.description,
            "source": e.source,
            "line": getattr(e, "line", None),
            "procedure": getattr(e, "procedure", None),
        }
    if isinstance(e, LimitExceeded):
        return {"number": None, "description": str(e), "limit": e.kind}
    if isinstance(e, EndProgram):
        return None  # type: ignore[return-value]
    if isinstance(e, hostlib.ScriptQuit):
        return None  # type: ignore[return-value]
    if isinstance(e, KeyError):
        return {"number": None, "description": str(e.args[0]), "internal": True}
    return {"number": None, "description": f"{type(e).__name__}: {e}", "internal": True}


def _run_big_stack(fn: Any) -> None:
    """Run with a raised recursion limit: deep VBA recursion must end in error 28 (the
    interpreter's own depth limit), not in Python's RecursionError.  Python-to-Python
    calls do not use the C stack on CPython 3.11+, so the calling thread is used (a
    helper thread with a big stack measured 1.5-2x slower on call-heavy code)."""
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, 60000))
    try:
        fn()
    finally:
        sys.setrecursionlimit(old_limit)


def from_python(v: object) -> object:
    """Python arguments as VBA values (lists become 0-based Variant arrays)."""
    if v is None:
        return Empty
    if isinstance(v, (list, tuple)):
        return VbaArray.from_list([from_python(x) for x in v])
    return v


def _lazy_const(comp: Compiler, c: A.ConstDecl) -> Any:
    """A module Const, evaluated on first use (it may name constants of other modules)."""
    box: list[object] = []

    def get() -> object:
        if not box:
            value = comp.const_value(c.value)
            if c.type is not None:
                spec = comp.spec_for(c.type, c.name)
                if spec.coerce is not None:
                    value = spec.coerce(value)
            box.append(value)
        return box[0]

    return get


def _enum_members(comp: Compiler, d: A.EnumDef) -> dict[str, Any]:
    """Enum members: explicit values, else previous + 1 (first is 0); all Long."""
    out: dict[str, Any] = {}
    prev: list[Any] = []

    for m in d.members:
        expr = m.value
        before = prev[-1] if prev else None

        def get(expr: A.Expr | None = expr, before: Any = before, cache: list = []) -> object:  # noqa: B006
            if not cache:
                if expr is not None:
                    cache.append(to_long(comp.const_value(expr)))
                else:
                    cache.append(to_long(before()) + 1 if before is not None else 0)
            return cache[0]

        out[m.name.lower()] = get
        prev.append(get)
    return out


def load_project(modules: Iterable[A.Module | str | Path]) -> Project:
    """A Project from AST modules, or from source files (read and parsed here)."""
    from transform.parse.vba_lower import parse_file

    asts = [m if isinstance(m, A.Module) else parse_file(Path(m)) for m in modules]
    return Project(asts)


def load_source(text: str, file: str = "Module1.bas") -> Project:
    """A one-module Project from source text (tests, the REPL)."""
    from transform.parse.vba_lower import parse_text

    return Project([parse_text(text, file)])
