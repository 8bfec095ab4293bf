"""Compile vba_ast procedures into Python closures.

Why closures: walking the tree on every execution costs a dispatch per node; a
closure per node, built once, runs at a few times the cost of the equivalent
Python.  Each expression becomes ``f(frame) -> value``; each statement
``s(frame) -> Signal | None`` (None = carry on).  Names are resolved here, once:
a local is a slot in the frame, a module variable is its Cell, a constant its
value.  Static types are tracked just enough for MS-VBAL's rules that depend on
declared types (Variant promotion on overflow, comparisons of Variants).
"""

from __future__ import annotations

import inspect
import operator as _operator
from collections.abc import Callable
from typing import Any

from transform.parse import vba_ast as A

from . import operators as op
from .arrays import VbaArray
from .coerce import LET_COERCIONS, to_long, to_string
from .constants import VBA_CONSTANTS
from .machine import (
    EXIT_DO,
    EXIT_FOR,
    EXIT_PROC,
    GOSUB_RETURN,
    RESUME_HERE,
    RESUME_NEXT,
    VARIANT,
    EndProgram,
    Frame,
    Instance,
    LimitExceeded,
    ModuleInfo,
    ParamSpec,
    ProcInfo,
    Signal,
    TypeSpec,
    connect_events,
    is_immutable,
    iter_group,
)
from .objects import (
    OMITTED,
    Cell,
    Collection,
    Dictionary,
    ElemRef,
    UdtValue,
    copy_value,
    default_get,
    deref,
    index_int,
    index_value,
    member_get,
    member_let,
    member_set,
    scalar,
    store_index,
    truthy,
)
from .printing import COMMA, SEMICOLON, Spc, Tab
from .strings import lset, mid_assign, rset
from .values import MISSING, Empty, Integer, Nothing, Null, VbaError, VbaObject

Fn = Callable[[Frame], Any]

# --------------------------------------------------------------------------- type specs

_SCALAR_TYPES = set(LET_COERCIONS) - {"variant"}
_BUILTIN_TYPES = {
    "cint": "integer",
    "clng": "long",
    "cbyte": "byte",
    "csng": "single",
    "cdbl": "double",
    "ccur": "currency",
    "cbool": "boolean",
    "cdate": "date",
    "cstr": "string",
    "clnglng": "longlong",
    "len": "long",
    "asc": "integer",
    "instr": "variant",
}


def scalar_spec(name: str) -> TypeSpec:
    from .coerce import default_value

    low = name.lower()
    if low == "longptr":
        low = "longlong"
    d = default_value(low)
    return TypeSpec(low, LET_COERCIONS[low], lambda: d)


def _object_spec(class_name: str) -> TypeSpec:
    return TypeSpec("object", None, lambda: Nothing, is_object=True, class_name=class_name)


# --------------------------------------------------------------------------- builtins


_SIGNATURES: dict[Callable, list[object]] = {}


def _defaults(fn: Callable) -> list[object]:
    d = _SIGNATURES.get(fn)
    if d is None:
        try:
            params = list(inspect.signature(fn).parameters.values())
            d = [p.default for p in params]
        except (TypeError, ValueError):
            d = []
        _SIGNATURES[fn] = d
    return d


# The longest string a program may build, in characters: a sandbox limit like steps and
# time (VBA allows 2^31 - 1; `String(2147483647, "x")` must not take 2 GB of the host's
# memory before the time limit can stop it).  Exceeding it ends the run as a limit.
MAX_STRING = 1 << 24
_LENGTH_FIRST = {"space", "space$", "string", "string$"}  # the first argument is a length


def _length_guarded(fn: Callable) -> Callable:
    def guarded(n: object, *rest: object) -> object:
        if isinstance(n, (int, float)) and n > MAX_STRING:
            raise LimitExceeded("string length")
        return fn(n, *rest)

    return guarded


def call_builtin(fn: Callable, values: list) -> object:
    """Call a library function with VBA's omitted arguments removed or defaulted."""
    while values and values[-1] is OMITTED:
        values.pop()
    if OMITTED in values:
        defaults = _defaults(fn)
        values = [
            (defaults[i] if i < len(defaults) and defaults[i] is not inspect._empty else MISSING)
            if v is OMITTED
            else v
            for i, v in enumerate(values)
        ]
    try:
        return fn(*values)
    except ZeroDivisionError:
        raise VbaError(11) from None
    except OverflowError:
        raise VbaError(6) from None
    except TypeError as e:
        if "argument" in str(e):
            raise VbaError(450) from None
        raise


def _text_compare_wrappers() -> dict[str, Callable]:
    """Library functions whose omitted compare argument follows Option Compare Text."""
    from . import strings as s

    def instr(*a: object) -> object:
        if len(a) == 2:
            return s.instr(1, a[0], a[1], 1)
        if len(a) == 3:
            return s.instr(a[0], a[1], a[2], 1)
        return s.instr(*a)

    def with_compare(fn: Callable, pos: int) -> Callable:
        def wrapper(*a: object) -> object:
            if len(a) <= pos:
                full = list(a) + [_d for _d in _defaults(fn)[len(a) : pos]] + [1]
                return fn(*full)
            return fn(*a)

        return wrapper

    return {
        "instr": instr,
        "instrrev": with_compare(s.instrrev, 3),
        "strcomp": with_compare(s.strcomp, 2),
        "replace": with_compare(s.replace, 5),
        "split": with_compare(s.split, 3),
        "filter": with_compare(s.filter_, 3),
    }


_TEXT_BUILTINS = _text_compare_wrappers()


def _len_override() -> Callable:
    from .hostlib import OVERRIDES

    return OVERRIDES["len"]


_LEN = _len_override()

# Library functions that look at an object itself, not at its default member.
_OBJECT_AWARE = {
    "typename",
    "vartype",
    "isobject",
    "isarray",
    "ismissing",
    "array",
    "lbound",
    "ubound",
    "join",
    "filter",
}


# --------------------------------------------------------------------------- compiler


class Compiler:
    """Compiles one procedure (or a module's top-level code) against its module."""

    def __init__(self, module: ModuleInfo, proc: ProcInfo | None) -> None:
        self.module = module
        self.project = module.rt.project
        self.rt = module.rt
        self.proc = proc
        self.cls = module.cls
        self.locals: dict[str, tuple[int, TypeSpec]] = {}
        self.nslots = 1
        self.with_slots: list[int] = []
        self.error_aware = False
        self.script = module.kind == "script" or self.project.script
        self.fn_name = proc.name.lower() if proc and proc.kind in ("function", "get") else None
        self.labels: dict[str, tuple[Any, int]] = {}
        self.script_main = False  # compiling VBScript top-level code

    # ------------------------------------------------------------------ declarations

    def spec_for(self, typ: A.TypeRef | None, name: str = "", hint: str = "") -> TypeSpec:
        """The TypeSpec of a declaration (``As`` clause, type hint, DefType, Variant)."""
        if typ is None:
            if hint:
                typ = A.TypeRef(A.TYPE_HINTS[hint])
            elif name and self.module.deftypes:
                t = self.module.deftypes.get(name[0].lower())
                if t:
                    typ = A.TypeRef(t)
        if typ is None or self.script:
            return VARIANT
        return self.project.spec_for(typ, self.module, self.const_value)

    def const_value(self, expr: A.Expr) -> object:
        """Evaluate a constant expression (bounds, Const, defaults) at compile time."""
        f = self.expr(expr)
        return f(Frame([Cell()], None, None))

    def new_slot(self, name: str, spec: TypeSpec) -> int:
        slot = self.nslots
        self.nslots += 1
        self.locals[name.lower()] = (slot, spec)
        return slot

    def declare_local(self, v: A.VarDecl, static: bool) -> None:
        spec = self.spec_for(v.type, v.name, v.type_hint)
        if v.type is not None and v.type.new and v.bounds is None:
            spec = spec.with_auto_new(v.type.name)
        factory = self.var_factory(v, spec)
        slot = self.new_slot(v.name, spec if v.bounds is None else _array_spec(spec))
        assert self.proc is not None
        first = factory() if factory is spec.factory and v.bounds is None else None
        if first is not None and is_immutable(first):
            self.proc.inits.append((slot, None, first))
        else:
            self.proc.inits.append((slot, factory, None))
        if static or self.proc.node.static:
            self.proc.static_cells[slot] = Cell(factory())

    def var_factory(self, v: A.VarDecl, spec: TypeSpec) -> Callable[[], object]:
        """What a declared variable starts as: a default value, an array, a New object."""
        if v.bounds is not None:
            bounds = [
                (
                    to_long(self.const_value(b.lower))
                    if b.lower is not None
                    else self.module.option_base,
                    to_long(self.const_value(b.upper)),
                )
                for b in v.bounds
            ]
            co, factory = spec.coerce, spec.factory
            default = factory()
            mutable = isinstance(default, (UdtValue, VbaArray))
            vt = _VARTYPE.get(spec.name, 12)

            def make() -> VbaArray:
                arr = VbaArray(
                    None, fixed=bool(bounds), coerce=co, default=default, element_vartype=vt
                )
                if bounds:
                    arr._allocate(list(bounds))
                    if mutable:
                        arr.data = [factory() for _ in arr.data]
                return arr

            return make
        if v.type is not None and v.type.new:
            return _nothing  # `As New`: the object is made on first use (see auto_new)
        return spec.factory

    # ------------------------------------------------------------------ procedures

    def compile_proc(self) -> None:
        proc = self.proc
        assert proc is not None
        node = proc.node
        if self.fn_name:
            proc.result = self.spec_for(node.return_type, node.name, "")
            if node.return_type is not None and node.return_type.array:
                proc.result = _array_spec(proc.result)
                proc.result.factory = lambda: VbaArray()
        for i, p in enumerate(node.params):
            spec = self.spec_for(p.type, p.name, p.type_hint)
            if p.is_array or p.param_array:
                spec = _array_spec(spec)
            default = MISSING
            if p.default is not None:
                default = self.const_value(p.default)
            elif p.optional and not spec.is_variant:
                default = spec.factory()
            slot = self.new_slot(p.name, spec)
            proc.params.append(
                ParamSpec(
                    p.name,
                    slot,
                    p.mode != "byval",
                    p.optional or p.param_array,
                    default,
                    p.param_array,
                    spec,
                )
            )
            proc.param_index[p.name.lower()] = i
        self.error_aware = _uses_error_handling(node.body)
        self.hoist(node.body)
        body = self.block(node.body, top=True)
        proc.nslots = self.nslots
        proc.locals = {k: s for k, (s, _) in self.locals.items()}
        proc.error_aware = self.error_aware
        proc.body = body  # called as body(frame, 0); a GoTo to an unknown label ends it
        proc.prepare_fast_bind()

    def hoist(self, stmts: tuple) -> None:
        """Dim/Static/Const anywhere in a procedure declare for the whole procedure."""
        for s in stmts:
            if isinstance(s, A.Dim):
                for v in s.variables:
                    if v.name.lower() not in self.locals:
                        self.declare_local(v, s.keyword == "static")
            elif isinstance(s, A.Const):
                for c in s.constants:
                    value = self.const_value(c.value)
                    if c.type is not None:
                        value = (
                            self.project.spec_for(c.type, self.module, self.const_value).coerce(
                                value
                            )
                            or value
                        )
                    self.locals[c.name.lower()] = (-1, _ConstSpec(value))
            for child in _child_blocks(s):
                self.hoist(child)

    # ------------------------------------------------------------------ name lookup

    def lookup(self, name: str) -> tuple:
        low = name.lower()
        loc = self.locals.get(low)
        if loc is not None:
            slot, spec = loc
            if isinstance(spec, _ConstSpec):
                return ("const", spec.value)
            return ("local", slot, spec)
        if self.fn_name == low:
            return ("result", 0, self.proc.result)  # type: ignore[union-attr]
        if self.cls is not None:
            i = self.cls.field_index.get(low)
            if i is not None:
                return ("field", i, self.cls.fields[i][1])
        found = self.project.lookup(low, self.module)
        if found is not None:
            return found
        if low in VBA_CONSTANTS:
            return ("const", VBA_CONSTANTS[low])
        return ("unknown", low)

    def in_form(self) -> bool:
        """Compiling a procedure of a form or user control, where a name nothing declares
        is one of its controls (or `UserControl`), reached through the instance."""
        return self.module.kind == "form" and self.cls is not None and self.proc is not None

    def implicit_local(self, name: str) -> tuple:
        """An undeclared name (no Option Explicit) is an implicit Variant local."""
        if self.proc is None or self.script_main:
            # module level, or VBScript top-level code: the name is a global
            cell = Cell()
            self.module.vars[name.lower()] = (cell, VARIANT, self.script_main)
            self.project._lookup_cache.clear()
            return ("modvar", cell, VARIANT)
        slot = self.new_slot(name, VARIANT)
        self.proc.inits.append((slot, None, Empty))
        return ("local", slot, VARIANT)

    # ------------------------------------------------------------------ static types

    def stype(self, node: A.Expr) -> str:
        """Declared type of an expression, as far as the rules need it ("variant" when
        unknown)."""
        if self.script:
            return "variant"
        t = type(node)
        if t is A.Literal:
            return _value_type(node.value)
        if t is A.Name:
            sym = self.lookup(node.name)
            if sym[0] in ("local", "field", "modvar", "result"):
                spec = sym[2]
                return "variant" if spec.is_array else spec.name
            if sym[0] == "const":
                return _value_type(sym[1])
            if sym[0] == "proc":
                return sym[1].result.name if sym[1].body is not None else _declared_result(sym[1])
            return "variant"
        if t is A.Paren:
            return self.stype(node.expr)
        if t is A.Unary:
            return (
                "boolean"
                if node.op == "not" and self.stype(node.operand) == "boolean"
                else (self.stype(node.operand))
            )
        if t is A.Binary:
            if node.op in _COMPARE_OPS or node.op in ("is", "like"):
                return "boolean"
            if node.op == "&":
                return "string"
            a, b = self.stype(node.left), self.stype(node.right)
            if a == "variant" or b == "variant":
                return "variant"
            return a if a == b else "double" if "double" in (a, b) else a
        if t is A.Index and type(node.target) is A.Name:
            sym = self.lookup(node.target.name)
            if sym[0] == "builtin":
                return _BUILTIN_TYPES.get(sym[2], "string" if sym[2].endswith("$") else "variant")
            if sym[0] in ("local", "field", "modvar") and sym[2].is_array:
                return sym[2].name
            if sym[0] == "proc":
                return _declared_result(sym[1])
        return "variant"

    # ------------------------------------------------------------------ expressions

    def expr(self, node: A.Expr) -> Fn:
        method = getattr(self, "x_" + type(node).__name__)
        return method(node)

    def x_Literal(self, node: A.Literal) -> Fn:
        v = node.value

        def literal(fr: Frame) -> object:
            return v

        literal.literal = v  # type: ignore[attr-defined]
        return literal

    def x_Me(self, node: A.Me) -> Fn:
        return lambda fr: fr.me

    def x_Paren(self, node: A.Paren) -> Fn:
        return self.expr(node.expr)

    def x_New(self, node: A.New) -> Fn:
        project, name = self.project, node.class_name
        return lambda fr: project.create(name)

    def x_AddressOf(self, node: A.AddressOf) -> Fn:
        name = node.name
        return lambda fr: f"AddressOf {name}"

    def x_TypeOfIs(self, node: A.TypeOfIs) -> Fn:
        f = self.expr(node.expr)
        type_name = node.type_name
        project = self.project
        return lambda fr: project.type_of_is(f(fr), type_name)

    def x_Name(self, node: A.Name) -> Fn:
        sym = self.lookup_name(node)
        kind = sym[0]
        if kind in ("local", "field", "modvar") and sym[2].auto_new:
            return self.auto_new_load(sym)
        if kind == "local" or kind == "result":
            slot = sym[1]
            return lambda fr: fr.cells[slot].v
        if kind == "field":
            i = sym[1]
            return lambda fr: fr.me.cells[i].v
        if kind == "modvar":
            cell = sym[1]
            return lambda fr: cell.v
        if kind == "const":
            v = sym[1]
            return lambda fr: v
        if kind == "lazyconst":
            get = sym[1]
            return lambda fr: get()
        return self.call_symbol(sym, [], node)

    def x_Member(self, node: A.Member) -> Fn:
        return self.member_access(node, [])

    def lookup_name(self, node: A.Name) -> tuple:
        """Like lookup, but ``Left$`` finds the String-returning library form."""
        if node.type_hint == "$":
            sym = self.lookup(node.name + "$")
            if sym[0] in ("builtin", "rtbuiltin"):
                return sym
        return self.lookup(node.name)

    def x_Index(self, node: A.Index) -> Fn:
        target = node.target
        if type(target) is A.Name:
            sym = self.lookup_name(target)
            if sym[0] in ("local", "field", "modvar"):
                return self.index_variable(sym, node.args)
            if sym[0] == "result" and not node.args:
                return self.x_Name(target)
            if sym[0] == "result":
                sym = ("proc", self.proc, False)
            return self.call_symbol(sym, node.args, target)
        if type(target) is A.Member:
            return self.member_access(target, node.args)
        f = self.expr(target)
        vals = self.arg_values(node.args)
        return lambda fr: index_value(f(fr), [g(fr) for g in vals])

    def index_variable(self, sym: tuple, args: tuple[A.Arg, ...]) -> Fn:
        load = self.load_symbol(sym)
        vals = self.arg_values(args)
        if len(vals) == 1:
            g = vals[0]

            def one(fr: Frame) -> object:
                v = load(fr)
                t = type(v)
                if t is VbaArray:
                    i = g(fr)
                    if type(i) is not int:
                        i = to_long(i)
                    return v.get(i)
                if t is Dictionary or t is Collection:
                    return v.vba_item(g(fr))
                return index_value(v, [g(fr)])

            return one
        if len(vals) == 2:
            g1, g2 = vals

            def two(fr: Frame) -> object:
                v = load(fr)
                if type(v) is VbaArray:
                    return v.get(index_int(g1(fr)), index_int(g2(fr)))
                return index_value(v, [g1(fr), g2(fr)])

            return two
        return lambda fr: index_value(load(fr), [g(fr) for g in vals])

    def auto_new_load(self, sym: tuple) -> Fn:
        """Reading an `As New` variable that is Nothing creates the object first."""
        cell_of = self.cell_of(sym)
        project, name = self.project, sym[2].auto_new

        def load(fr: Frame) -> object:
            cell = cell_of(fr)
            v = cell.v
            if v is Nothing:
                v = cell.v = project.create(name)
            return v

        return load

    def load_symbol(self, sym: tuple) -> Fn:
        kind = sym[0]
        if kind in ("local", "field", "modvar") and sym[2].auto_new:
            return self.auto_new_load(sym)
        if kind in ("local", "result"):
            slot = sym[1]
            return lambda fr: fr.cells[slot].v
        if kind == "field":
            i = sym[1]
            return lambda fr: fr.me.cells[i].v
        if kind == "modvar":
            cell = sym[1]
            return lambda fr: cell.v
        raise AssertionError(sym)

    def cell_of(self, sym: tuple) -> Callable[[Frame], Cell]:
        kind = sym[0]
        if kind in ("local", "result"):
            slot = sym[1]
            return lambda fr: fr.cells[slot]
        if kind == "field":
            i = sym[1]
            return lambda fr: fr.me.cells[i]
        cell = sym[1]
        return lambda fr: cell

    def with_object(self) -> Fn:
        if not self.with_slots:
            raise VbaError(91, "`.member` outside a With block")
        slot = self.with_slots[-1]
        return lambda fr: fr.cells[slot].v

    def member_access(self, node: A.Member, args: tuple[A.Arg, ...]) -> Fn:
        """``obj.name(args)`` in a value context."""
        static = self.static_member(node)
        if static is not None:
            if args:
                return (
                    self.call_symbol(static, args, node)
                    if static[0] not in ("modvar", "const")
                    else self._index_static(static, args)
                )
            if static[0] in ("modvar", "const", "lazyconst"):
                return self.x_Name_sym(static)
            return self.call_symbol(static, args, node)
        obj = self.with_object() if node.obj is None else self.expr(node.obj)
        name = node.name.lower()
        iface = self.interface_of(node.obj)
        passers, kw = self.arg_passers(args)
        if iface:

            def iface_get(fr: Frame) -> object:
                o = obj(fr)
                if type(o) is Instance:
                    return o.vba_get(name, [p(fr) for p in passers], kw_eval(kw, fr), iface)
                return member_get(o, name, [p(fr) for p in passers], kw_eval(kw, fr))

            return iface_get
        if not passers and not kw:

            def get0(fr: Frame) -> object:
                o = obj(fr)
                try:
                    g = o.vba_get
                except AttributeError:
                    return member_get(o, name, [])
                return g(name, [])

            return get0
        return lambda fr: member_get(obj(fr), name, [p(fr) for p in passers], kw_eval(kw, fr))

    def _index_static(self, sym: tuple, args: tuple[A.Arg, ...]) -> Fn:
        if sym[0] == "modvar":
            return self.index_variable(sym, args)
        f = self.x_Name_sym(sym)
        vals = self.arg_values(args)
        return lambda fr: index_value(f(fr), [g(fr) for g in vals])

    def x_Name_sym(self, sym: tuple) -> Fn:
        if sym[0] == "modvar":
            cell = sym[1]
            return lambda fr: cell.v
        if sym[0] == "lazyconst":
            get = sym[1]
            return lambda fr: get()
        v = sym[1]
        return lambda fr: v

    def static_member(self, node: A.Member) -> tuple | None:
        """``Module.Name``, ``Enum.Member``, ``VBA.Left``: resolved at compile time."""
        obj = node.obj
        if type(obj) is not A.Name:
            return None
        low = obj.name.lower()
        if low in self.locals or (self.cls is not None and low in self.cls.field_index):
            return None
        return self.project.qualified(low, node.name.lower(), self.module)

    def interface_of(self, obj: A.Expr | None) -> str | None:
        """The interface a variable is declared as (``Dim r As IRule``), for Implements."""
        if type(obj) is not A.Name:
            return None
        sym = self.lookup(obj.name)
        if sym[0] in ("local", "field", "modvar") and sym[2].class_name:
            name = sym[2].class_name
            if self.project.is_interface(name):
                return name
        return None

    # ------------------------------------------------------------------ calls

    def arg_values(self, args: tuple[A.Arg, ...]) -> list[Fn]:
        out = []
        for a in args:
            if a.value is None:
                out.append(_missing)
            else:
                out.append(self.expr(a.value))
        return out

    def arg_passers(self, args: tuple[A.Arg, ...]) -> tuple[list[Fn], dict[str, Fn] | None]:
        """Closures giving each argument as a Cell (a variable: ByRef-able) or a value."""
        passers: list[Fn] = []
        kw: dict[str, Fn] | None = None
        for a in args:
            f = _missing if a.value is None else self.passer(a.value, a.by_val)
            if a.name:
                kw = kw or {}
                kw[a.name.lower()] = f
            else:
                passers.append(f)
        return passers, kw

    def passer(self, node: A.Expr, by_val: bool = False) -> Fn:
        if by_val:
            return self.expr(node)
        t = type(node)
        if t is A.Name:
            sym = self.lookup(node.name)
            if sym[0] in ("local", "field", "modvar") and sym[2].auto_new:
                load, cell_of = self.auto_new_load(sym), self.cell_of(sym)

                def new_cell(fr: Frame) -> object:
                    load(fr)
                    return cell_of(fr)

                return new_cell
            if sym[0] in ("local", "field", "modvar", "result"):
                return self.cell_of(sym)
            if sym[0] == "unknown" and not self.module.explicit:
                return self.cell_of(self.implicit_local(node.name))
        elif t is A.Index and type(node.target) is A.Name:
            sym = self.lookup(node.target.name)
            if sym[0] in ("local", "field", "modvar") and node.args:
                load = self.load_symbol(sym)
                vals = self.arg_values(node.args)

                def elem(fr: Frame) -> object:
                    v = load(fr)
                    if type(v) is VbaArray:
                        return ElemRef(v, tuple(index_int(g(fr)) for g in vals))
                    return index_value(v, [g(fr) for g in vals])

                return elem
        elif t is A.Member and node.obj is not None and self.static_member(node) is None:
            obj = self.expr(node.obj)
            name = node.name.lower()

            def field(fr: Frame) -> object:
                o = obj(fr)
                ref = getattr(o, "vba_ref", None)
                if ref is not None:
                    c = ref(name)
                    if c is not None:
                        return c
                return member_get(o, name, [])

            return field
        return self.expr(node)

    def call_symbol(self, sym: tuple, args: tuple[A.Arg, ...], node: object) -> Fn:
        kind = sym[0]
        if kind == "proc":
            proc: ProcInfo = sym[1]
            passers, kw = self.arg_passers(args)
            in_class = sym[2]
            if kw:
                return lambda fr: proc.invoke(
                    fr.me if in_class else None, [p(fr) for p in passers], kw_eval(kw, fr)
                )
            if in_class:
                return lambda fr: proc.invoke(fr.me, [p(fr) for p in passers])
            if not passers:
                return lambda fr: proc.invoke(None, [])
            if len(passers) == 1:
                p0 = passers[0]
                return lambda fr: proc.invoke(None, [p0(fr)])
            if len(passers) == 2:
                p0, p1 = passers
                return lambda fr: proc.invoke(None, [p0(fr), p1(fr)])
            return lambda fr: proc.invoke(None, [p(fr) for p in passers])
        if kind == "builtin":
            fn = sym[1]
            if self.module.compare_text and sym[2] in _TEXT_BUILTINS:
                fn = _TEXT_BUILTINS[sym[2]]
            if sym[2] in _LENGTH_FIRST:
                fn = _length_guarded(fn)
            if sym[2] == "array" and self.module.option_base == 1:
                fn = lambda *a: VbaArray.from_list(a, 1)  # noqa: E731
            vals = self.arg_values(args)
            if any(a.name for a in args):
                names = [a.name for a in args]
                return lambda fr: _call_named(fn, [g(fr) for g in vals], names)
            if sym[2] in _OBJECT_AWARE:
                return lambda fr: call_builtin(fn, [g(fr) for g in vals])
            if len(vals) == 1 and args[0].value is not None:
                g0 = vals[0]

                def builtin1(fr: Frame) -> object:
                    v = g0(fr)
                    if isinstance(v, VbaObject):
                        v = scalar(v)
                    return fn(v)

                return builtin1
            return lambda fr: call_builtin(fn, [scalar(g(fr)) for g in vals])
        if kind == "rtbuiltin" and sym[1] is _LEN and len(args) == 1 and args[0].value:
            g = self.expr(args[0].value)
            rt, fn = self.rt, sym[1]

            def len_(fr: Frame) -> object:
                v = g(fr)
                if type(v) is str:
                    return len(v)
                return fn(rt, fr, v)

            return len_
        if kind == "rtbuiltin":
            fn, rt = sym[1], self.rt
            passers, kw = self.arg_passers(args)
            if kw and _takes_names(fn, kw):
                return lambda fr: fn(rt, fr, *[p(fr) for p in passers], **kw_eval(kw, fr))
            return lambda fr: fn(rt, fr, *[p(fr) for p in passers])
        if kind == "global":
            name = sym[1]
            project = self.project
            passers, kw = self.arg_passers(args)
            return lambda fr: project.global_get(name, [p(fr) for p in passers], kw_eval(kw, fr))
        if kind == "module":
            mod = sym[1]
            vals = self.arg_values(args)
            project = self.project
            if vals:
                return lambda fr: index_value(project.module_object(mod), [g(fr) for g in vals])
            return lambda fr: project.module_object(mod)
        if kind in ("const", "modvar", "lazyconst"):
            f = self.x_Name_sym(sym)
            if args:
                vals = self.arg_values(args)
                return lambda fr: index_value(f(fr), [g(fr) for g in vals])
            return f
        if kind == "declare":
            rt, name = self.rt, sym[1]
            vals = self.arg_values(args)

            def dll(fr: Frame) -> object:
                from .hostlib import dll_call

                return dll_call(rt.effect, name, [g(fr) for g in vals])

            return dll
        if kind == "unknown":
            name = sym[1]
            if not args and not self.module.explicit and not isinstance(node, A.Member):
                return self.x_Name(A.Name(name)) if self.implicit_local(name) else _missing
            passers, kw = self.arg_passers(args)
            project = self.project
            if self.in_form():
                return _form_name(project, name, passers, kw)
            return lambda fr: project.global_get(name, [p(fr) for p in passers], kw_eval(kw, fr))
        if kind in ("local", "field", "modvar", "result"):
            return self.index_variable(sym, args) if args else self.load_symbol(sym)
        raise VbaError(35, f"cannot call {sym!r}")

    # ------------------------------------------------------------------ operators

    def x_Unary(self, node: A.Unary) -> Fn:
        f = self.expr(node.operand)
        if node.op == "-":
            variant = self.stype(node.operand) == "variant"
            if isinstance(node.operand, A.Literal):
                v = op.neg(node.operand.value, variant)
                return lambda fr: v
            return lambda fr: _retry1(op.neg, f(fr), variant)
        if node.op == "not":
            return lambda fr: _retry1(op.not_, f(fr))
        return f

    def x_Binary(self, node: A.Binary) -> Fn:
        o = node.op
        left, right = self.expr(node.left), self.expr(node.right)
        lt, rt_ = self.stype(node.left), self.stype(node.right)
        variant = lt == "variant" or rt_ == "variant"
        if o in _COMPARE_OPS:
            return self.compare(o, left, right, lt == "variant", rt_ == "variant")
        if o == "&":

            def concat(fr: Frame) -> object:
                a, b = left(fr), right(fr)
                if type(a) is str and type(b) is str:
                    if len(a) + len(b) > MAX_STRING:
                        raise LimitExceeded("string length")
                    return a + b
                return op.concat(scalar(a), scalar(b))

            return concat
        if o == "is":
            return lambda fr: op.is_(left(fr), right(fr))
        if o == "like":
            text = self.module.compare_text
            return lambda fr: op.like(scalar(left(fr)), scalar(right(fr)), text)
        if o == "+":
            return _fast_add(left, right, variant)
        if o == "-":
            return _fast_sub(left, right, variant)
        if o == "*":
            return _fast_mul(left, right, variant)
        if o == "mod":
            return _fast_mod(left, right, variant)
        fn = _ARITH[o]
        if o in ("and", "or", "xor", "eqv", "imp"):
            return lambda fr: _retry2(fn, left(fr), right(fr))
        return lambda fr: _retry2v(fn, left(fr), right(fr), variant)

    def compare(self, o: str, left: Fn, right: Fn, av: bool, bv: bool) -> Fn:
        fn = _COMPARE_OPS[o]
        pyop = _PY_COMPARE[o]
        text = self.module.compare_text

        const = getattr(right, "literal", _NO_LITERAL)
        if type(const) in _FLOATISH:

            def cmp_const(fr: Frame) -> object:
                a = left(fr)
                if type(a) in _FLOATISH:
                    return pyop(a, const)
                return cmp(fr)

            def cmp(fr: Frame) -> object:
                a, b = left(fr), right(fr)
                try:
                    return fn(a, b, text, a_variant=av, b_variant=bv)
                except VbaError as e:
                    if e.number == 13 and isinstance(a, VbaObject):
                        return fn(scalar(a), b, text, a_variant=True, b_variant=True)
                    raise

            return cmp_const

        def cmp(fr: Frame) -> object:
            a, b = left(fr), right(fr)
            ta, tb = type(a), type(b)
            if ta in _FLOATISH and tb in _FLOATISH:
                return pyop(a, b)
            if ta is str and tb is str and not text:
                return pyop(a, b)
            try:
                return fn(a, b, text, a_variant=av, b_variant=bv)
            except VbaError as e:
                if e.number == 13 and (isinstance(a, VbaObject) or isinstance(b, VbaObject)):
                    return fn(scalar(a), scalar(b), text, a_variant=True, b_variant=True)
                raise

        return cmp

    # ------------------------------------------------------------------ statements

    def block(self, stmts: tuple, top: bool = False) -> Callable[[Frame, int], object]:
        """A statement list as ``run(frame, start_index)``; labels in it are GoTo targets."""
        compiled: list[Callable[[Frame], object]] = []
        lines: list[int] = []
        labels: dict[str, int] = {}
        for s in stmts:
            if isinstance(s, A.Label):
                labels[s.name.lower()] = len(compiled)
                if s.number is not None:
                    n = s.number
                    compiled.append(_set_erl(n))
                    lines.append(s.span.line)
                continue
            c = self.stmt(s)
            if c is not None:
                compiled.append(c)
                lines.append(s.span.line)
        if self.error_aware:
            run = _error_block(compiled, lines, labels, self)
        else:
            run = _plain_block(compiled, lines, labels)
        for name, index in labels.items():
            self.labels.setdefault(name, (run, index))
        if self.proc is not None:
            self.proc.labels = self.labels
        return run

    def body(self, stmts: tuple) -> Callable[[Frame, int], object]:
        return self.block(stmts)

    def stmt(self, s: object) -> Callable[[Frame], object] | None:
        method = getattr(self, "s_" + type(s).__name__, None)
        if method is None:
            raise VbaError(5, f"unsupported statement {type(s).__name__}")
        return method(s)

    def s_Dim(self, s: A.Dim) -> None:
        if self.proc is None:
            for v in s.variables:
                self.project.declare_module_var(self.module, v, s.keyword, self)
        return None

    def s_Const(self, s: A.Const) -> None:
        if self.proc is None:
            for c in s.constants:
                value = self.const_value(c.value)
                self.module.consts[c.name.lower()] = ((lambda v=value: v), True)
        return None

    def s_Option(self, s: A.Option) -> None:
        return None

    s_TypeDef = s_EnumDef = s_Declare = s_EventDecl = s_Implements = s_DefType = s_Option
    s_Attribute = s_Option

    def s_Assign(self, s: A.Assign) -> Callable[[Frame], object]:
        value = self.expr(s.value)
        if s.set_:
            store = self.store(s.target, set_=True)

            def set_stmt(fr: Frame) -> None:
                store(fr, value(fr))

            return set_stmt
        store = self.store(s.target, set_=False)
        if type(s.value) in (A.Literal, A.Binary, A.Unary):
            fused = self.fused_local_let(s.target, value)
            if fused is not None:
                return fused

            def let_simple(fr: Frame) -> None:
                store(fr, value(fr))

            return let_simple

        def let_stmt(fr: Frame) -> None:
            v = value(fr)
            if isinstance(v, VbaObject):
                v = scalar(v)
            else:
                t = type(v)
                if t is VbaArray or t is UdtValue:
                    v = v.copy()
            store(fr, v)

        return let_stmt

    def fused_local_let(self, target: A.Expr, value: Fn) -> Callable[[Frame], None] | None:
        """``local = expression`` as one closure when the local's type needs no coercion
        for a value of its own Python type (the commonest statement in loops)."""
        if type(target) is not A.Name:
            return None
        sym = self.lookup(target.name)
        if sym[0] not in ("local", "result"):
            return None
        spec: TypeSpec = sym[2]
        slot = sym[1]
        if spec.is_variant and not spec.is_array and not spec.auto_new:

            def let_variant(fr: Frame) -> None:
                fr.cells[slot].v = value(fr)

            return let_variant
        co = spec.coerce
        exact = int if co is LET_COERCIONS["long"] else _EXACT_TYPES.get(spec.name)
        if exact is None or spec.is_array or co is not LET_COERCIONS.get(spec.name):
            return None
        if exact is int:

            def let_long(fr: Frame) -> None:
                v = value(fr)
                if type(v) is int and -2147483648 <= v <= 2147483647:
                    fr.cells[slot].v = v
                else:
                    fr.cells[slot].v = co(v)

            return let_long

        def let_exact(fr: Frame) -> None:
            v = value(fr)
            fr.cells[slot].v = v if type(v) is exact else co(v)

        return let_exact

    def store(self, target: A.Expr, set_: bool) -> Callable[[Frame, object], None]:
        """A closure assigning to ``target`` (Let-coercing to its declared type)."""
        t = type(target)
        if t is A.Name:
            sym = self.lookup(target.name)
            if sym[0] == "unknown" and self.in_form() and self.module.explicit:
                from .hostlib import form_member

                name = target.name.lower()
                return lambda fr, v: form_member(fr.me, name, [], v)
            if sym[0] == "unknown":
                sym = self.implicit_local(target.name)
            return self.store_symbol(sym, set_)
        if t is A.Index:
            return self.store_index(target, set_)
        if t is A.Member:
            static = self.static_member(target)
            if static is not None and static[0] == "modvar":
                return self.store_symbol(static, set_)
            obj = self.with_object() if target.obj is None else self.expr(target.obj)
            name = target.name.lower()
            iface = self.interface_of(target.obj)
            if set_:
                return lambda fr, v: member_set(obj(fr), name, [], v)
            if iface:

                def let_iface(fr: Frame, v: object) -> None:
                    o = obj(fr)
                    if type(o) is Instance:
                        o.vba_let(name, [], v, iface)
                    else:
                        member_let(o, name, [], v)

                return let_iface
            return lambda fr, v: member_let(obj(fr), name, [], v)
        raise VbaError(424, "cannot assign to this expression")

    def store_symbol(self, sym: tuple, set_: bool) -> Callable[[Frame, object], None]:
        kind = sym[0]
        if kind in ("const", "lazyconst"):
            raise VbaError(5, "assignment to a constant")
        if kind not in ("local", "result", "field", "modvar"):
            project = self.project
            name = sym[1] if isinstance(sym[1], str) else getattr(sym[1], "name", "")

            def let_global(fr: Frame, v: object) -> None:
                project.global_let(name.lower(), v, set_)

            return let_global
        spec: TypeSpec = sym[2]
        if spec.is_object and not set_ and not spec.is_array and kind != "result":
            # Let to an object variable assigns its default member (MS-VBAL 5.4.3.1)
            cell_of = self.cell_of(sym)

            def let_default(fr: Frame, v: object) -> None:
                from .objects import default_let

                cell = cell_of(fr)
                if isinstance(cell.v, VbaObject):
                    default_let(cell.v, [], v)
                else:  # an enum of a library we do not model (As VbMsgBoxResult...)
                    cell.v = v

            return let_default
        co = None if set_ or spec.is_array else spec.coerce
        with_events = kind == "field" and self.cls is not None and self.cls.fields[sym[1]][2]
        if kind in ("local", "result"):
            slot = sym[1]
            if co is None:

                def store_local(fr: Frame, v: object) -> None:
                    fr.cells[slot].v = v

                return store_local
            if co is LET_COERCIONS["long"]:

                def store_long(fr: Frame, v: object) -> None:
                    if type(v) is int and -2147483648 <= v <= 2147483647:
                        fr.cells[slot].v = v
                    else:
                        fr.cells[slot].v = co(v)

                return store_long

            exact = _EXACT_TYPES.get(spec.name)
            if exact is not None and co is LET_COERCIONS.get(spec.name):

                def store_exact(fr: Frame, v: object) -> None:
                    fr.cells[slot].v = v if type(v) is exact else co(v)

                return store_exact

            def store_typed(fr: Frame, v: object) -> None:
                fr.cells[slot].v = co(v)

            return store_typed
        if kind == "field":
            i = sym[1]
            if with_events and set_:

                def store_events(fr: Frame, v: object) -> None:
                    fr.me.cells[i].v = v
                    connect_events(fr.me, i, v)

                return store_events
            if co is None:

                def store_field(fr: Frame, v: object) -> None:
                    fr.me.cells[i].v = v

                return store_field
            return lambda fr, v: setattr(fr.me.cells[i], "v", co(v))
        cell = sym[1]
        if co is None:
            return lambda fr, v: setattr(cell, "v", v)
        return lambda fr, v: setattr(cell, "v", co(v))

    def store_index(self, target: A.Index, set_: bool) -> Callable[[Frame, object], None]:
        inner = target.target
        vals = self.arg_values(target.args)
        if type(inner) is A.Name:
            sym = self.lookup(inner.name)
            if sym[0] in ("local", "field", "modvar", "result") and (
                sym[0] != "result" or sym[2].is_array
            ):
                load = self.load_symbol(sym)
                if len(vals) == 1:
                    g = vals[0]

                    def store1(fr: Frame, v: object) -> None:
                        a = load(fr)
                        if type(a) is Dictionary:
                            a.vba_let_item(g(fr), v)
                        elif type(a) is VbaArray:
                            i = g(fr)
                            a.set((i if type(i) is int else to_long(i),), v)
                        else:
                            store_index(a, [g(fr)], v)

                    return store1
                return lambda fr, v: store_index(load(fr), [g(fr) for g in vals], v)
            if sym[0] == "proc" or sym[0] == "result":
                # a Property Let with arguments called from inside its own class
                p = self.module.proc(inner.name, "set" if set_ else "let")
                if p is not None:
                    passers = [
                        self.passer(a.value) if a.value is not None else _missing
                        for a in target.args
                    ]
                    return lambda fr, v: p.invoke(fr.me, [q(fr) for q in passers] + [v])
            if sym[0] in ("global", "unknown"):
                project, name = self.project, sym[1]

                def store_global(fr: Frame, v: object) -> None:
                    obj = project.global_get(name, [g(fr) for g in vals], None)
                    member_let(obj, getattr(obj, "vba_default_member", "value") or "value", [], v)

                return store_global
        if type(inner) is A.Member:
            obj = self.with_object() if inner.obj is None else self.expr(inner.obj)
            name = inner.name.lower()
            if set_:
                return lambda fr, v: member_set(obj(fr), name, [g(fr) for g in vals], v)
            return lambda fr, v: member_let(obj(fr), name, [g(fr) for g in vals], v)
        f = self.expr(inner)
        return lambda fr, v: store_index(f(fr), [g(fr) for g in vals], v)

    def s_CallStmt(self, s: A.CallStmt) -> Callable[[Frame], object]:
        target = s.target
        if type(target) is A.Member:
            f = self.member_access(target, s.args)
        elif type(target) is A.Name:
            sym = self.lookup(target.name)
            if sym[0] == "result":
                sym = ("proc", self.proc, self.cls is not None)
            if sym[0] in ("local", "field", "modvar") and not s.args:
                f = self.load_symbol(sym)
            elif sym[0] == "unknown":
                passers, kw = self.arg_passers(s.args)
                project, name = self.project, sym[1]
                f = lambda fr: project.global_get(  # noqa: E731
                    name, [p(fr) for p in passers], kw_eval(kw, fr), statement=True
                )
            else:
                f = self.call_symbol(sym, s.args, target)
        else:
            f = self.expr(A.Index(target, s.args) if s.args else target)

        def call(fr: Frame) -> None:
            f(fr)

        return call

    def s_If(self, s: A.If) -> Callable[[Frame], object]:
        branches = [(self.cond(b.condition), self.body(b.body)) for b in s.branches]
        else_ = self.body(s.else_body) if s.else_body is not None else None
        if len(branches) == 1:
            c0, b0 = branches[0]
            raw = self.expr(s.branches[0].condition)
            if else_ is None:

                def if1(fr: Frame) -> object:
                    v = raw(fr)
                    if v is True or (v is not False and truthy(v)):
                        return b0(fr, 0)
                    return None

                return if1

            def if_else(fr: Frame) -> object:
                v = raw(fr)
                if v is True or (v is not False and truthy(v)):
                    return b0(fr, 0)
                return else_(fr, 0)

            return if_else

        def if_stmt(fr: Frame) -> object:
            for c, b in branches:
                if c(fr):
                    return b(fr, 0)
            if else_ is not None:
                return else_(fr, 0)
            return None

        return if_stmt

    def cond(self, node: A.Expr) -> Callable[[Frame], bool]:
        f = self.expr(node)

        def truth(fr: Frame) -> bool:
            v = f(fr)
            if v is True:
                return True
            if v is False:
                return False
            return truthy(v)

        return truth

    def s_SelectCase(self, s: A.SelectCase) -> Callable[[Frame], object]:
        subject = self.expr(s.subject)
        sv = self.stype(s.subject) == "variant"
        text = self.module.compare_text
        cases = []
        for c in s.cases:
            tests = []
            for t in c.tests:
                e = self.expr(t.expr)
                ev = self.stype(t.expr) == "variant"
                if t.kind == "range":
                    tests.append(("range", e, self.expr(t.upper), ev))  # type: ignore[arg-type]
                else:
                    tests.append((t.op if t.kind == "is" else "=", e, None, ev))
            cases.append((tests, self.body(c.body)))
        else_ = self.body(s.else_body) if s.else_body is not None else None

        def select(fr: Frame) -> object:
            v = subject(fr)
            if isinstance(v, VbaObject):
                v = scalar(v)
            for tests, body in cases:
                for kind, e, upper, ev in tests:
                    if kind == "range":
                        ok = truthy(op.ge(v, e(fr), text, a_variant=sv, b_variant=ev)) and truthy(
                            op.le(v, upper(fr), text, a_variant=sv, b_variant=ev)
                        )
                    else:
                        ok = truthy(_COMPARE_OPS[kind](v, e(fr), text, a_variant=sv, b_variant=ev))
                    if ok:
                        return body(fr, 0)
            if else_ is not None:
                return else_(fr, 0)
            return None

        return select

    def s_ForNext(self, s: A.ForNext) -> Callable[[Frame], object]:
        start, end = self.expr(s.start), self.expr(s.end)
        step = self.expr(s.step) if s.step is not None else (lambda fr: Integer(1))
        counter = s.counter
        load = self.expr(counter)
        store = self.store(counter, set_=False)
        body = self.body(s.body)
        rt = self.rt
        variant = self.stype(counter) == "variant"
        fast_slot = None
        if type(counter) is A.Name:
            sym = self.lookup(counter.name)
            if sym[0] == "local" and sym[2].name in ("long", "variant", "integer"):
                fast_slot = sym[1]
                ctype = sym[2].name

        def for_generic(fr: Frame) -> object:
            store(fr, start(fr))
            last = end(fr)
            inc = step(fr)
            down = truthy(op.lt(inc, 0))
            while True:
                cur = load(fr)
                if truthy(op.lt(cur, last) if down else op.gt(cur, last)):
                    return None
                r = body(fr, 0)
                if r is not None:
                    if r is EXIT_FOR:
                        return None
                    return r
                rt.budget -= 1
                if rt.budget <= 0:
                    rt.refill()
                store(fr, op.add(load(fr), inc, variant))

        if fast_slot is None:
            return for_generic
        slot = fast_slot
        lo, hi = (-32768, 32767) if ctype == "integer" else (-(2**31), 2**31 - 1)
        make = Integer if ctype == "integer" else _same

        def for_fast(fr: Frame) -> object:
            first, last, inc = start(fr), end(fr), step(fr)
            if (
                not (isinstance(first, int) and isinstance(last, int) and isinstance(inc, int))
                or type(first) is bool
                or type(inc) is bool
                or type(last) is bool
                or (ctype == "variant" and (type(first) is not int or type(inc) is not int))
            ):
                return for_generic(fr)
            cell = fr.cells[slot]
            cell.v = make(first) if ctype != "variant" else first
            i = first
            if inc >= 0:
                while i <= last:
                    r = body(fr, 0)
                    if r is not None:
                        if r is EXIT_FOR:
                            return None
                        return r
                    rt.budget -= 1
                    if rt.budget <= 0:
                        rt.refill()
                    i = cell.v
                    if type(i) is not int and type(i) is not Integer:
                        return _continue_generic(fr, cell, inc, last, body, rt, variant, store)
                    i += inc
                    if not lo <= i <= hi:
                        if ctype == "variant":
                            cell.v = float(i)
                            return _continue_generic(fr, cell, None, last, body, rt, variant, store)
                        raise VbaError(6)
                    cell.v = make(i)
            else:
                while i >= last:
                    r = body(fr, 0)
                    if r is not None:
                        if r is EXIT_FOR:
                            return None
                        return r
                    rt.budget -= 1
                    if rt.budget <= 0:
                        rt.refill()
                    i = cell.v
                    if type(i) is not int and type(i) is not Integer:
                        return _continue_generic(fr, cell, inc, last, body, rt, variant, store)
                    i += inc
                    if not lo <= i <= hi:
                        raise VbaError(6)
                    cell.v = make(i)
            return None

        return for_fast

    def s_ForEach(self, s: A.ForEach) -> Callable[[Frame], object]:
        group = self.expr(s.group)
        store = self.store(s.element, set_=True)
        body = self.body(s.body)
        rt = self.rt

        def for_each(fr: Frame) -> object:
            for item in iter_group(group(fr)):
                store(fr, item)
                r = body(fr, 0)
                if r is not None:
                    if r is EXIT_FOR:
                        return None
                    return r
                rt.budget -= 1
                if rt.budget <= 0:
                    rt.refill()
            return None

        return for_each

    def s_DoLoop(self, s: A.DoLoop) -> Callable[[Frame], object]:
        cond = self.cond(s.condition) if s.condition is not None else (lambda fr: True)
        until = s.until
        body = self.body(s.body)
        rt = self.rt
        pre = s.test_at == "pre"
        post = s.test_at == "post"

        def do_loop(fr: Frame) -> object:
            while True:
                if pre and cond(fr) == until:
                    return None
                r = body(fr, 0)
                if r is not None:
                    if r is EXIT_DO:
                        return None
                    return r
                rt.budget -= 1
                if rt.budget <= 0:
                    rt.refill()
                if post and cond(fr) == until:
                    return None

        return do_loop

    def s_WhileWend(self, s: A.WhileWend) -> Callable[[Frame], object]:
        cond = self.cond(s.condition)
        body = self.body(s.body)
        rt = self.rt

        def while_loop(fr: Frame) -> object:
            while cond(fr):
                r = body(fr, 0)
                if r is not None:
                    return r
                rt.budget -= 1
                if rt.budget <= 0:
                    rt.refill()
            return None

        return while_loop

    def s_With(self, s: A.With) -> Callable[[Frame], object]:
        obj = self.expr(s.obj)
        slot = self.nslots
        self.nslots += 1
        if self.proc is not None:
            self.proc.inits.append((slot, None, Nothing))
        self.with_slots.append(slot)
        try:
            body = self.body(s.body)
        finally:
            self.with_slots.pop()

        def with_stmt(fr: Frame) -> object:
            while len(fr.cells) <= slot:
                fr.cells.append(Cell(Nothing))
            fr.cells[slot].v = obj(fr)
            return body(fr, 0)

        return with_stmt

    def s_GoTo(self, s: A.GoTo) -> Callable[[Frame], object]:
        sig = Signal("goto", s.label.lower())
        rt = self.rt

        def goto(fr: Frame) -> object:
            rt.budget -= 1
            if rt.budget <= 0:
                rt.refill()
            return sig

        return goto

    def s_GoSub(self, s: A.GoSub) -> Callable[[Frame], object]:
        label = s.label.lower()
        labels = self.labels

        def gosub(fr: Frame) -> object:
            run, index = labels[label]
            fr.gosubs += 1
            r = run(fr, index)
            if r is GOSUB_RETURN:
                return None
            return r if r is not None else EXIT_PROC

        return gosub

    def s_Return(self, s: A.Return) -> Callable[[Frame], object]:
        def ret(fr: Frame) -> object:
            if fr.gosubs <= 0:
                raise VbaError(3)
            fr.gosubs -= 1
            return GOSUB_RETURN

        return ret

    def s_OnGoTo(self, s: A.OnGoTo) -> Callable[[Frame], object]:
        f = self.expr(s.expr)
        targets = [
            self.s_GoSub(A.GoSub(x)) if s.gosub else self.s_GoTo(A.GoTo(x)) for x in s.labels
        ]

        def on_goto(fr: Frame) -> object:
            n = to_long(f(fr))
            if n < 0 or n > 255:
                raise VbaError(5)
            if 1 <= n <= len(targets):
                return targets[n - 1](fr)
            return None

        return on_goto

    def s_OnError(self, s: A.OnError) -> Callable[[Frame], object]:
        err = self.rt.err
        kind = s.kind
        label = s.label.lower() if s.label else None

        def on_error(fr: Frame) -> None:
            if kind == "goto":
                fr.on_error = label
            elif kind == "resume_next":
                fr.on_error = "\0next"
            elif kind == "goto0":
                fr.on_error = None
            else:
                fr.in_handler = False
            err.clear()

        return on_error

    def s_Resume(self, s: A.Resume) -> Callable[[Frame], object]:
        kind, label = s.kind, (s.label or "").lower()
        sig = {"next": RESUME_NEXT, "here": RESUME_HERE}.get(kind) or Signal("resumelabel", label)

        def resume(fr: Frame) -> object:
            if not fr.in_handler:
                raise VbaError(20)
            return sig

        return resume

    def s_Exit(self, s: A.Exit) -> Callable[[Frame], object]:
        sig = {"for": EXIT_FOR, "do": EXIT_DO}.get(s.kind, EXIT_PROC)
        return lambda fr: sig

    def s_End(self, s: A.End) -> Callable[[Frame], object]:
        def end(fr: Frame) -> None:
            raise EndProgram()

        return end

    def s_Stop(self, s: A.Stop) -> Callable[[Frame], object]:
        rt = self.rt

        def stop(fr: Frame) -> None:
            rt.effect("stop", line=s.span.line)

        return stop

    def s_DebugAssert(self, s: A.DebugAssert) -> Callable[[Frame], object]:
        c = self.cond(s.condition)
        rt = self.rt

        def assert_(fr: Frame) -> None:
            if not c(fr):
                rt.effect("debug.assert", line=s.span.line)

        return assert_

    def s_ReDim(self, s: A.ReDim) -> Callable[[Frame], object]:
        items = []
        for item in s.items:
            target = item.target
            if type(target) is A.Name and self.lookup(target.name)[0] == "unknown":
                spec = self.spec_for(item.type, target.name)
                sym = self.implicit_local(target.name)
                if sym[0] == "local":
                    self.locals[target.name.lower()] = (sym[1], _array_spec(spec))
            load = self.expr(target)
            store = self.store(target, set_=True)
            bounds = [
                (self.expr(b.lower) if b.lower is not None else None, self.expr(b.upper))
                for b in item.bounds
            ]
            spec = self._array_elem_spec(target, item.type)
            items.append((load, store, bounds, spec))
        preserve = s.preserve
        base = self.module.option_base

        def redim(fr: Frame) -> None:
            for load, store, bounds, spec in items:
                bs = [
                    (to_long(lo(fr)) if lo is not None else base, to_long(hi(fr)))
                    for lo, hi in bounds
                ]
                arr = load(fr)
                if type(arr) is not VbaArray:
                    default = spec.factory() if spec is not None else Empty
                    arr = VbaArray(
                        None,
                        coerce=spec.coerce if spec else None,
                        default=default,
                        element_vartype=_VARTYPE.get(spec.name, 12) if spec else 12,
                    )
                    store(fr, arr)
                    arr.redim(bs)
                else:
                    arr.redim(bs, preserve)
                if spec is not None and spec.udt is not None:
                    arr.data = [x if isinstance(x, UdtValue) else spec.factory() for x in arr.data]

        return redim

    def _array_elem_spec(self, target: A.Expr, typ: A.TypeRef | None) -> TypeSpec | None:
        if typ is not None:
            return self.spec_for(typ)
        if type(target) is A.Name:
            sym = self.lookup(target.name)
            if sym[0] in ("local", "field", "modvar") and sym[2].is_array:
                return sym[2].udt if False else _elem_of(sym[2])
        return None

    def s_Erase(self, s: A.Erase) -> Callable[[Frame], object]:
        loads = [self.expr(t) for t in s.targets]

        def erase(fr: Frame) -> None:
            for f in loads:
                arr = f(fr)
                if type(arr) is VbaArray:
                    arr.erase()
                    if arr.data and isinstance(arr.default, UdtValue):
                        arr.data = [arr.default.copy() for _ in arr.data]
                else:
                    raise VbaError(13)

        return erase

    def s_LSetRSet(self, s: A.LSetRSet) -> Callable[[Frame], object]:
        load, value = self.expr(s.target), self.expr(s.value)
        store = self.store(s.target, set_=False)
        fn = rset if s.right else lset

        def lrset(fr: Frame) -> None:
            cur = load(fr)
            v = value(fr)
            if isinstance(cur, UdtValue) and isinstance(v, UdtValue):
                store(fr, v.copy())
                return
            store(fr, fn(to_string(cur), v))

        return lrset

    def s_MidAssign(self, s: A.MidAssign) -> Callable[[Frame], object]:
        load = self.expr(s.target)
        store = self.store(s.target, set_=False)
        start, value = self.expr(s.start), self.expr(s.value)
        length = self.expr(s.length) if s.length is not None else None

        def mid_stmt(fr: Frame) -> None:
            n = length(fr) if length is not None else None
            store(fr, mid_assign(to_string(load(fr)), start(fr), value(fr), n))

        return mid_stmt

    def s_RaiseEvent(self, s: A.RaiseEvent) -> Callable[[Frame], object]:
        passers, _ = self.arg_passers(s.args)
        name = s.name

        def raise_event(fr: Frame) -> None:
            me = fr.me
            if isinstance(me, Instance):
                me.raise_event(name, [p(fr) for p in passers])

        return raise_event

    def s_Print(self, s: A.Print) -> Callable[[Frame], object]:
        items = []
        for it in s.items:
            if it.kind == ";":
                items.append(lambda fr: SEMICOLON)
            elif it.kind == ",":
                items.append(lambda fr: COMMA)
            elif it.kind == "spc":
                f = self.expr(it.value)  # type: ignore[arg-type]
                items.append(lambda fr, f=f: Spc(f(fr)))
            elif it.kind == "tab":
                if it.value is None:
                    items.append(lambda fr: Tab())
                else:
                    f = self.expr(it.value)
                    items.append(lambda fr, f=f: Tab(f(fr)))
            else:
                f = self.expr(it.value)  # type: ignore[arg-type]
                items.append(lambda fr, f=f: scalar(f(fr)))
        if s.channel is None:
            printer = self.rt.printer
            return lambda fr: printer.print_list([i(fr) for i in items])
        channel = self.expr(s.channel)
        rt = self.rt
        return lambda fr: rt.sandbox.print_to(channel(fr), [i(fr) for i in items])

    def s_Open(self, s: A.Open) -> Callable[[Frame], object]:
        path, channel = self.expr(s.path), self.expr(s.channel)
        reclen = self.expr(s.record_length) if s.record_length is not None else None
        rt, mode, access = self.rt, s.mode, s.access

        def open_stmt(fr: Frame) -> None:
            rt.sandbox.open(
                to_string(path(fr)), mode, access, channel(fr), reclen(fr) if reclen else None
            )

        return open_stmt

    def s_FileStmt(self, s: A.FileStmt) -> Callable[[Frame], object]:
        rt = self.rt
        channel = self.expr(s.channel) if s.channel is not None else (lambda fr: None)
        kind = s.kind
        if kind in ("close", "reset"):
            chans = [self.expr(c) for c in s.args if c is not None]
            return lambda fr: rt.sandbox.close([c(fr) for c in chans])
        if kind == "write":
            vals = [self.expr(a) for a in s.args if a is not None]
            return lambda fr: rt.sandbox.write_to(channel(fr), [scalar(v(fr)) for v in vals])
        if kind in ("input", "lineinput"):
            stores = [self.store(a, set_=False) for a in s.args if a is not None]

            def read(fr: Frame) -> None:
                ch = channel(fr)
                if kind == "lineinput":
                    stores[0](fr, rt.sandbox.line_input(ch))
                else:
                    for st in stores:
                        st(fr, rt.sandbox.input_item(ch))

            return read
        if kind in ("get", "put"):
            record = self.expr(s.args[0]) if s.args[0] is not None else None
            var = self.expr(s.args[1])  # type: ignore[arg-type]
            store = self.store(s.args[1], set_=False)  # type: ignore[arg-type]

            def get_put(fr: Frame) -> None:
                rec = record(fr) if record else None
                if kind == "put":
                    rt.sandbox.put(channel(fr), rec, var(fr))
                else:
                    store(fr, rt.sandbox.get(channel(fr), rec, var(fr)))

            return get_put
        vals = [self.expr(a) for a in s.args if a is not None]
        return lambda fr: rt.sandbox.misc(kind, channel(fr), [v(fr) for v in vals])

    def s_NameStmt(self, s: A.NameStmt) -> Callable[[Frame], object]:
        old, new = self.expr(s.old), self.expr(s.new)
        rt = self.rt
        return lambda fr: rt.sandbox.rename(to_string(old(fr)), to_string(new(fr)))

    def s_Label(self, s: A.Label) -> None:
        return None


# --------------------------------------------------------------------------- blocks


def _plain_block(
    stmts: list[Callable[[Frame], object]], lines: list[int], labels: dict[str, int]
) -> Callable[[Frame, int], object]:
    """A block run without error trapping: errors carry the failing line upward."""
    n = len(stmts)
    if not labels and n <= 3:
        return _small_block(stmts, lines)
    if not labels:

        def run(fr: Frame, start: int) -> object:
            i = start
            try:
                while i < n:
                    r = stmts[i](fr)
                    if r is not None:
                        return r
                    i += 1
            except VbaError as e:
                _mark(e, lines[i], fr)
                raise
            except (ZeroDivisionError, OverflowError, RecursionError) as e:
                raise _convert(e, lines[i]) from None
            return None

        return run

    def run_labels(fr: Frame, start: int) -> object:
        i = start
        while True:
            try:
                while i < n:
                    r = stmts[i](fr)
                    if r is not None:
                        if r.kind == "goto" and r.label in labels:
                            i = labels[r.label]
                            continue
                        return r
                    i += 1
                return None
            except VbaError as e:
                _mark(e, lines[i], fr)
                raise
            except (ZeroDivisionError, OverflowError, RecursionError) as e:
                raise _convert(e, lines[i]) from None

    return run_labels


def _small_block(
    stmts: list[Callable[[Frame], object]], lines: list[int]
) -> Callable[[Frame, int], object]:
    """Blocks of up to three statements without labels, unrolled (most loop and If
    bodies): no index bookkeeping on the hot path."""
    n = len(stmts)
    if n == 0:
        return lambda fr, start: None
    if n == 1:
        s0 = stmts[0]

        def run1(fr: Frame, start: int) -> object:
            try:
                return s0(fr)
            except VbaError as e:
                _mark(e, lines[0], fr)
                raise
            except (ZeroDivisionError, OverflowError, RecursionError) as e:
                raise _convert(e, lines[0]) from None

        return run1
    if n == 2:
        s0, s1 = stmts

        def run2(fr: Frame, start: int) -> object:
            k = 0
            try:
                r = s0(fr)
                if r is not None:
                    return r
                k = 1
                return s1(fr)
            except VbaError as e:
                _mark(e, lines[k], fr)
                raise
            except (ZeroDivisionError, OverflowError, RecursionError) as e:
                raise _convert(e, lines[k]) from None

        return run2
    s0, s1, s2 = stmts

    def run3(fr: Frame, start: int) -> object:
        k = 0
        try:
            r = s0(fr)
            if r is not None:
                return r
            k = 1
            r = s1(fr)
            if r is not None:
                return r
            k = 2
            return s2(fr)
        except VbaError as e:
            _mark(e, lines[k], fr)
            raise
        except (ZeroDivisionError, OverflowError, RecursionError) as e:
            raise _convert(e, lines[k]) from None

    return run3


def _mark(e: VbaError, line: int, fr: Frame) -> None:
    if getattr(e, "line", None) is None:
        e.line = line  # type: ignore[attr-defined]
        e.erl = fr.erl  # type: ignore[attr-defined]
        if fr.proc is not None:
            e.procedure = f"{fr.proc.module.name}.{fr.proc.name}"  # type: ignore[attr-defined]


def _convert(e: Exception, line: int) -> VbaError:
    number = 11 if isinstance(e, ZeroDivisionError) else 28 if isinstance(e, RecursionError) else 6
    err = VbaError(number)
    err.line = line  # type: ignore[attr-defined]
    return err


def _error_block(
    stmts: list[Callable[[Frame], object]],
    lines: list[int],
    labels: dict[str, int],
    compiler: Compiler,
) -> Callable[[Frame, int], object]:
    """A block in a procedure that uses On Error: a trapped error runs the handler
    (nested, so Resume can come back into this block, loops intact)."""
    n = len(stmts)
    rt = compiler.rt
    proc_labels = compiler.labels

    def run(fr: Frame, start: int) -> object:
        i = start
        while True:
            try:
                while i < n:
                    r = stmts[i](fr)
                    if r is not None:
                        if r.kind == "goto" and r.label in labels:
                            i = labels[r.label]
                            continue
                        return r
                    i += 1
                return None
            except (VbaError, ZeroDivisionError, OverflowError, RecursionError) as exc:
                e = exc if isinstance(exc, VbaError) else _convert(exc, lines[i])
                _mark(e, lines[i], fr)
                exc.__traceback__ = None  # keep no frames alive: Class_Terminate timing
                rt.budget -= 1  # an error loop (handler → Resume → error) must hit the budget
                if rt.budget <= 0:
                    rt.refill()
                mode = fr.on_error
                if mode is None or fr.in_handler:
                    if e is exc:
                        raise
                    raise e from None
                rt.err.capture(e)
                rt.erl = getattr(e, "erl", 0)
                rt.err.line = getattr(e, "line", 0)
                e = None
                if mode == "\0next":
                    i += 1
                    continue
                target = proc_labels.get(mode)
                if target is None:
                    raise VbaError(35, f"Label not defined: {mode}") from None
                fr.in_handler = True
                hrun, hindex = target
                r = hrun(fr, hindex)
                if r is RESUME_NEXT or r is RESUME_HERE:
                    fr.in_handler = False
                    rt.err.clear()
                    if r is RESUME_NEXT:
                        i += 1
                    continue
                if r is not None and r.kind == "resumelabel":
                    fr.in_handler = False
                    rt.err.clear()
                    if r.label in labels:
                        i = labels[r.label]
                        continue
                    return Signal("goto", r.label)
                return r if r is not None else EXIT_PROC

    return run


# --------------------------------------------------------------------------- helpers


def _nothing() -> object:
    return Nothing


def _same(x: object) -> object:
    return x


def _missing(fr: Frame) -> object:
    return OMITTED


def _set_erl(n: int) -> Callable[[Frame], None]:
    def erl(fr: Frame) -> None:
        fr.erl = n

    return erl


def kw_eval(kw: dict[str, Fn] | None, fr: Frame) -> dict | None:
    if not kw:
        return None
    return {k: f(fr) for k, f in kw.items()}


def _takes_names(fn: Callable, kw: dict) -> bool:
    """Whether a run-state library function names its parameters as VBA does (SaveSetting
    appname:=..., GetSetting default:=...), so named arguments can be passed by name."""
    try:
        parameters = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return all(name in parameters for name in kw)


def _call_named(fn: Callable, values: list, names: list) -> object:
    pos = [v for v, n in zip(values, names, strict=True) if not n]
    kw = {n.lower(): v for v, n in zip(values, names, strict=True) if n}
    try:
        return fn(*pos, **kw)
    except TypeError:
        params = list(inspect.signature(fn).parameters)
        lowered = {p.lower().rstrip("_"): p for p in params}
        args = list(pos) + [MISSING] * (len(params) - len(pos))
        for k, v in kw.items():
            if k not in lowered:
                raise VbaError(448) from None
            args[params.index(lowered[k])] = v
        return call_builtin(fn, args)


def _form_name(project: Any, name: str, passers: list, kw: Any) -> Fn:
    """A name nothing declares, in a form's code: a global object (Err, App, ...) when
    there is one, else the form's control of that name."""
    from .hostlib import GLOBAL_OBJECTS, form_member

    def control(fr: Frame) -> object:
        args = [p(fr) for p in passers]
        host = project.rt.host
        if name in GLOBAL_OBJECTS or (host is not None and host.has_global(name)):
            return project.global_get(name, args, kw_eval(kw, fr))
        return form_member(fr.me, name, args)

    return control


def _retry1(fn: Callable, a: object, *extra: object) -> object:
    try:
        return fn(a, *extra)
    except VbaError as e:
        if e.number == 13 and isinstance(a, VbaObject):
            return fn(scalar(a), *extra)
        raise


def _retry2(fn: Callable, a: object, b: object) -> object:
    try:
        return fn(a, b)
    except VbaError as e:
        if e.number in (13, 438) and (isinstance(a, VbaObject) or isinstance(b, VbaObject)):
            return fn(scalar(a), scalar(b))
        raise


def _retry2v(fn: Callable, a: object, b: object, variant: bool) -> object:
    try:
        return fn(a, b, variant)
    except VbaError as e:
        if e.number in (13, 438) and (isinstance(a, VbaObject) or isinstance(b, VbaObject)):
            return fn(scalar(a), scalar(b), True)
        raise


_NO_LITERAL = object()
_LONGISH = frozenset((int, Integer))
_FLOATISH = frozenset((int, Integer, float))


def _fast_arith(
    pyop: Callable[[Any, Any], Any], slow: Callable, left: Fn, right: Fn, variant: bool
) -> Fn:
    """+, - and * with the common cases inline: Long/Integer mixes give Long (Integer
    when both are Integer), anything with a Double gives Double (MS-VBAL 5.6.9.3)."""
    is_add = pyop is _operator.add
    const = getattr(right, "literal", _NO_LITERAL)
    if type(const) is Integer:
        k = int(const)

        def arith_const(fr: Frame) -> object:
            a = left(fr)
            if type(a) is int:
                c = pyop(a, k)
                if -2147483648 <= c <= 2147483647:
                    return c
            return arith(fr)

    def arith(fr: Frame) -> object:
        a, b = left(fr), right(fr)
        ta, tb = type(a), type(b)
        if ta in _LONGISH and tb in _LONGISH:
            c = pyop(a, b)
            if ta is int or tb is int:
                if -2147483648 <= c <= 2147483647:
                    return c
            elif -32768 <= c <= 32767:
                return Integer(c)
        elif (ta is float or tb is float) and ta in _FLOATISH and tb in _FLOATISH:
            c = pyop(float(a), float(b))
            if c - c == 0:
                return c
        elif is_add and ta is str and tb is str:
            return a + b
        return _retry2v(slow, a, b, variant)

    if type(const) is Integer:
        return arith_const
    return arith


def _fast_add(left: Fn, right: Fn, variant: bool) -> Fn:
    return _fast_arith(_operator.add, op.add, left, right, variant)


def _fast_sub(left: Fn, right: Fn, variant: bool) -> Fn:
    return _fast_arith(_operator.sub, op.sub, left, right, variant)


def _fast_mul(left: Fn, right: Fn, variant: bool) -> Fn:
    return _fast_arith(_operator.mul, op.mul, left, right, variant)


def _fast_mod(left: Fn, right: Fn, variant: bool) -> Fn:
    """Mod on Long/Integer operands: the sign follows the dividend (MS-VBAL 5.6.9.3.8)."""

    const = getattr(right, "literal", _NO_LITERAL)
    if type(const) is Integer and const != 0:
        k = int(const)

        def mod_const(fr: Frame) -> object:
            a = left(fr)
            if type(a) is int:
                r = abs(a) % abs(k)
                return -r if a < 0 else r
            return mod(fr)

    def mod(fr: Frame) -> object:
        a, b = left(fr), right(fr)
        ta, tb = type(a), type(b)
        if ta in _LONGISH and tb in _LONGISH and b != 0:
            r = abs(a) % abs(b)
            if a < 0:
                r = -r
            return r if ta is int or tb is int else Integer(r)
        return _retry2v(op.mod, a, b, variant)

    if type(const) is Integer and const != 0:
        return mod_const
    return mod


def _continue_generic(fr, cell, inc, last, body, rt, variant, store) -> object:  # noqa: ANN001
    """Finish a For loop whose counter stopped being a plain integer."""
    if inc is None:
        inc = 1
    down = truthy(op.lt(inc, 0))
    store(fr, op.add(cell.v, inc, variant)) if inc is not None else None
    while True:
        cur = cell.v
        if truthy(op.lt(cur, last) if down else op.gt(cur, last)):
            return None
        r = body(fr, 0)
        if r is not None:
            return None if r is EXIT_FOR else r
        rt.budget -= 1
        if rt.budget <= 0:
            rt.refill()
        store(fr, op.add(cell.v, inc, variant))


_ARITH: dict[str, Callable] = {
    "/": op.div,
    "\\": op.intdiv,
    "mod": op.mod,
    "^": op.power,
    "and": op.and_,
    "or": op.or_,
    "xor": op.xor,
    "eqv": op.eqv,
    "imp": op.imp,
}

_COMPARE_OPS: dict[str, Callable] = {
    "=": op.eq,
    "<>": op.ne,
    "<": op.lt,
    "<=": op.le,
    ">": op.gt,
    ">=": op.ge,
}

_PY_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": _operator.eq,
    "<>": _operator.ne,
    "<": _operator.lt,
    "<=": _operator.le,
    ">": _operator.gt,
    ">=": _operator.ge,
}

_VARTYPE = {
    "integer": 2,
    "long": 3,
    "single": 4,
    "double": 5,
    "currency": 6,
    "date": 7,
    "string": 8,
    "object": 9,
    "boolean": 11,
    "variant": 12,
    "decimal": 14,
    "byte": 17,
    "longlong": 20,
}


# Declared types whose values are stored as this exact Python type (no coercion needed).
_EXACT_TYPES: dict[str, type] = {
    "string": str,
    "double": float,
    "boolean": bool,
    "integer": Integer,
}


class _ConstSpec:
    """A local Const (kept in the locals table, never in a slot)."""

    def __init__(self, value: object) -> None:
        self.value = value


def _array_spec(elem: TypeSpec) -> TypeSpec:
    """The TypeSpec of an array variable whose elements have type ``elem``."""
    spec = TypeSpec(
        elem.name, None, lambda: VbaArray(), is_array=True, class_name=elem.class_name, udt=elem
    )
    return spec


def _elem_of(spec: TypeSpec) -> TypeSpec | None:
    return spec.udt if isinstance(spec.udt, TypeSpec) else None


def _value_type(v: object) -> str:
    from .coerce import typename

    if v is Empty or v is Null or isinstance(v, VbaObject) or v is Nothing:
        return "variant"
    return typename(v).lower()


def _declared_result(proc: ProcInfo) -> str:
    rt = proc.node.return_type
    if rt is None:
        return "variant"
    low = rt.name.lower()
    return low if low in _SCALAR_TYPES and not rt.array else "variant"


def _child_blocks(s: object) -> list[tuple]:
    if isinstance(s, A.If):
        out = [b.body for b in s.branches]
        if s.else_body is not None:
            out.append(s.else_body)
        return out
    if isinstance(s, A.SelectCase):
        out = [c.body for c in s.cases]
        if s.else_body is not None:
            out.append(s.else_body)
        return out
    if isinstance(s, (A.ForNext, A.ForEach, A.DoLoop, A.WhileWend, A.With)):
        return [s.body]
    return []


def _uses_error_handling(stmts: tuple) -> bool:
    for s in stmts:
        if isinstance(s, (A.OnError, A.Resume)):
            return True
        for child in _child_blocks(s):
            if _uses_error_handling(child):
                return True
    return False


def compile_procedure(proc: ProcInfo) -> None:
    """Compile ``proc`` in place (sets body, params, slots)."""
    Compiler(proc.module, proc).compile_proc()


def compile_module_body(module: ModuleInfo, stmts: tuple) -> ProcInfo:
    """VBScript top-level code as a parameterless procedure of its module."""
    node = A.Procedure("sub", f"<{module.name} main>", (), stmts)
    proc = ProcInfo(node, module)
    comp = Compiler(module, proc)
    comp.script_main = True
    for s in stmts:
        if isinstance(s, A.Dim):
            for v in s.variables:
                module.rt.project.declare_module_var(module, v, s.keyword, comp)
        elif isinstance(s, A.Const):
            comp.s_Const(s)
    comp.error_aware = _uses_error_handling(stmts)
    body = comp.block(tuple(s for s in stmts if not isinstance(s, (A.Dim, A.Const))), top=True)
    proc.nslots = comp.nslots

    proc.body = body
    return proc


__all__ = [
    "Compiler",
    "call_builtin",
    "compile_module_body",
    "compile_procedure",
    "copy_value",
    "default_get",
    "deref",
]
