"""The interpreter's run-time machinery: run state, frames, procedures, modules, classes
and instances.

Why separate from the compiler: the compiler turns syntax into closures once;
this module is what those closures run against (argument binding with ByRef
cells, frames, the step budget and clock, class instances and their events).
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .arrays import VbaArray
from .objects import (
    OMITTED,
    Cell,
    ElemRef,
    ErrObject,
    UdtValue,
    copy_value,
    default_let,
    deref,
    index_value,
)
from .printing import Printer
from .values import (
    MISSING,
    Byte,
    Currency,
    Date,
    Empty,
    Integer,
    LongLong,
    Nothing,
    Null,
    Single,
    VbaError,
    VbaObject,
)

if TYPE_CHECKING:
    from transform.parse import vba_ast as A

# --------------------------------------------------------------------------- signals


class Signal:
    """A non-local transfer of control returned by a statement closure."""

    __slots__ = ("kind", "label")

    def __init__(self, kind: str, label: str | None = None) -> None:
        self.kind = kind
        self.label = label

    def __repr__(self) -> str:
        return f"Signal({self.kind}, {self.label})"


EXIT_PROC = Signal("exit")
EXIT_FOR = Signal("exitfor")
EXIT_DO = Signal("exitdo")
GOSUB_RETURN = Signal("return")
RESUME_NEXT = Signal("resumenext")
RESUME_HERE = Signal("resume")


class EndProgram(Exception):
    """The End statement: stop everything (module state is reset by VBA)."""


class LimitExceeded(Exception):
    """The step budget or the wall-clock limit ran out (not trappable by On Error)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        super().__init__(f"{kind} limit exceeded")


# --------------------------------------------------------------------------- run state


class Runtime:
    """Everything one run shares: output, Err, effects, limits, sandbox, host objects."""

    CHUNK = 5000

    def __init__(self, step_limit: int = 50_000_000, time_limit: float = 60.0) -> None:
        self.lines: list[str] = []
        self.printer = Printer(self._write)
        self._partial = ""
        self.err = ErrObject()
        self.erl = 0
        self.effects: list[dict] = []
        self.step_limit = step_limit
        self.time_limit = time_limit
        self.steps = 0
        self.budget = self.CHUNK
        self.deadline = time.monotonic() + time_limit
        self.depth = 0
        self.max_depth = 1500
        self.responses: list[object] = []
        self.host: Any = None  # Excel application or None
        self.sandbox: Any = None
        self.project: Any = None
        self.script_args: list[str] = []
        self.exit_code: int | None = None

    def _write(self, text: str) -> None:
        text = (self._partial + text).replace("\r\n", "\n")
        parts = text.split("\n")
        self.lines.extend(parts[:-1])
        self._partial = parts[-1]

    def output_lines(self) -> list[str]:
        """Complete lines printed so far, plus an unterminated last line if any."""
        return self.lines + ([self._partial] if self._partial else [])

    def echo(self, text: str) -> None:
        """A whole line of output (WScript.Echo, MsgBox transcript)."""
        if self._partial:
            self._write("\n")
        self.lines.append(text)
        self.printer.column = 1

    def refill(self) -> None:
        """Called when the current chunk of steps is spent: check both limits."""
        self.steps += self.CHUNK - self.budget
        self.budget = self.CHUNK
        if self.steps > self.step_limit:
            raise LimitExceeded("step")
        if time.monotonic() > self.deadline:
            raise LimitExceeded("time")

    def effect(self, kind: str, **details: object) -> None:
        """Record something the legacy code asked for but the sandbox did not perform."""
        self.effects.append({"kind": kind, **{k: _plain(v) for k, v in details.items()}})

    def reset_clock(self) -> None:
        self.deadline = time.monotonic() + self.time_limit


def _plain(v: object) -> object:
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return repr(v)


# --------------------------------------------------------------------------- types


class TypeSpec:
    """A declared type: how to coerce an assigned value and how to make the initial one."""

    __slots__ = (
        "name",
        "coerce",
        "factory",
        "is_object",
        "is_array",
        "class_name",
        "udt",
        "auto_new",
    )

    def __init__(
        self,
        name: str,
        coerce: Callable[[object], object] | None,
        factory: Callable[[], object],
        is_object: bool = False,
        is_array: bool = False,
        class_name: str = "",
        udt: Any = None,
    ) -> None:
        self.name = name
        self.coerce = coerce
        self.factory = factory
        self.is_object = is_object
        self.is_array = is_array
        self.class_name = class_name
        self.udt = udt
        self.auto_new = ""  # `As New X`: created on first use (MS-VBAL 5.2.3.1.4)

    def with_auto_new(self, class_name: str) -> TypeSpec:
        spec = TypeSpec(self.name, self.coerce, lambda: Nothing, True, False, class_name)
        spec.auto_new = class_name
        return spec

    @property
    def is_variant(self) -> bool:
        return self.name == "variant"

    def __repr__(self) -> str:
        return f"TypeSpec({self.name})"


VARIANT = TypeSpec("variant", None, lambda: Empty)


# --------------------------------------------------------------------------- frames


class Frame:
    """One activation of a procedure: its cells (slot 0 = the function result), Me,
    and its error-handling state."""

    __slots__ = ("cells", "me", "proc", "on_error", "in_handler", "erl", "gosubs", "err_index")

    def __init__(self, cells: list[Cell], me: object, proc: ProcInfo | None) -> None:
        self.cells = cells
        self.me = me
        self.proc = proc
        self.on_error: str | None = None  # None, "next" or a label name
        self.in_handler = False
        self.erl = 0
        self.gosubs = 0
        self.err_index = 0


class ParamSpec:
    __slots__ = ("name", "slot", "byref", "optional", "default", "param_array", "type")

    def __init__(
        self,
        name: str,
        slot: int,
        byref: bool,
        optional: bool,
        default: object,
        param_array: bool,
        type_: TypeSpec,
    ) -> None:
        self.name = name
        self.slot = slot
        self.byref = byref
        self.optional = optional
        self.default = default
        self.param_array = param_array
        self.type = type_


class ProcInfo:
    """A procedure; compiled to closures on first call (all modules are known by then)."""

    def __init__(self, node: A.Procedure, module: ModuleInfo) -> None:
        self.node = node
        self.name = node.name
        self.kind = node.kind
        self.module = module
        self.rt: Runtime = module.rt
        self.body: Callable[[Frame, int], object] | None = None
        self.params: list[ParamSpec] = []
        self.param_index: dict[str, int] = {}
        self.nslots = 1
        self.inits: list[tuple[int, Callable[[], object] | None, object]] = []
        self.result: TypeSpec = VARIANT
        self.static_cells: dict[int, Cell] = {}
        self.labels: dict[str, tuple[Callable[[Frame, int], object], int]] = {}
        self.locals: dict[str, int] = {}
        self.error_aware = True
        self.simple_bind = False
        self.nparams = 0
        self.plan: list[tuple[bool, Callable[[object], object] | None]] = []
        self.init_values: list[object] = []
        self.result_value: object = None
        self.result_immutable = False

    def __repr__(self) -> str:
        return f"<{self.kind} {self.module.name}.{self.name}>"

    def ensure_compiled(self) -> None:
        if self.body is None:
            from .compiler import compile_procedure

            compile_procedure(self)

    def statics(self, me: object) -> dict[int, Cell]:
        """Static locals: one set per procedure, or per instance in a class module."""
        if me is None or self.module.cls is None or not isinstance(me, Instance):
            return self.static_cells
        store = me.__dict__.setdefault("statics", {})
        cells = store.get(id(self))
        if cells is None:
            cells = {
                slot: Cell(factory() if factory is not None else value)
                for slot, factory, value in self.inits
                if slot in self.static_cells
            }
            store[id(self)] = cells
        return cells

    def bind(self, args: list, kw: dict | None, me: object = None) -> list[Cell]:
        """Cells of a new frame: ByRef parameters share the caller's Cell (MS-VBAL 5.3.1.11),
        ByVal ones get a copy; omitted Optionals take their default (or Missing)."""
        params = self.params
        if kw:
            args = self._place_named(args, kw)
        cells: list[Cell] = [Cell(self.result.factory())]
        n = len(args)
        for i, p in enumerate(params):
            if p.param_array:
                rest = [deref(a) for a in args[i:]]
                cells.append(Cell(VbaArray.from_list(rest, 0)))
                n = i
                break
            a = args[i] if i < n else MISSING
            if a is MISSING or a is OMITTED:
                if not p.optional:
                    raise VbaError(449)
                d = p.default
                cells.append(Cell(d if p.type.coerce is None or d is MISSING else p.type.coerce(d)))
            elif p.byref and isinstance(a, Cell):
                cells.append(_byref_cell(a, p.type.coerce, _exact_type(p.type)))
            else:
                v = copy_value(deref(a))
                co = p.type.coerce
                cells.append(Cell(co(v) if co is not None else v))
        if n > len(params):
            raise VbaError(450)
        statics = self.statics(me) if self.static_cells else self.static_cells
        for slot, factory, value in self.inits:
            if slot in statics:
                cells.append(statics[slot])
            else:
                cells.append(Cell(factory() if factory is not None else value))
        return cells

    def _place_named(self, args: list, kw: dict) -> list:
        args = list(args)
        for name, value in kw.items():
            i = self.param_index.get(name.lower())
            if i is None:
                raise VbaError(448)
            while len(args) <= i:
                args.append(MISSING)
            args[i] = value
        return args

    def prepare_fast_bind(self) -> None:
        """After compiling: when every parameter is required and every local starts as an
        immutable value, binding is one short loop (most procedures)."""
        self.simple_bind = not any(p.optional or p.param_array for p in self.params) and all(
            factory is None and slot not in self.static_cells for slot, factory, _ in self.inits
        )
        self.init_values = [value for _, _, value in self.inits]
        self.plan = [(p.byref, p.type.coerce, _exact_type(p.type)) for p in self.params]
        self.nparams = len(self.params)
        first = self.result.factory()
        self.result_value = first if is_immutable(first) else None
        self.result_immutable = self.result_value is not None
        if self.simple_bind and not self.error_aware and self.nparams <= 1:
            self.invoke = self._specialized_invoke()  # type: ignore[method-assign]

    def _specialized_invoke(self) -> Callable[..., object]:
        """A call path for the commonest procedures (at most one parameter, no error
        handler, no Static/array/object locals) with every attribute bound once: calls
        are the interpreter's most frequent operation.  Anything unusual in the actual
        arguments falls back to the general ``invoke``."""
        generic = ProcInfo.invoke.__get__(self)
        rt, body, proc = self.rt, self.body, self
        inits = tuple(self.init_values)
        rimm, rval, rfac = self.result_immutable, self.result_value, self.result.factory
        if self.nparams == 0:

            def invoke0(me: object, args: list, kw: dict | None = None) -> object:
                if kw is not None or args:
                    return generic(me, args, kw)
                rt.budget -= 1
                if rt.budget <= 0:
                    rt.refill()
                if rt.depth >= rt.max_depth:
                    raise VbaError(28)
                cells = [Cell(rval if rimm else rfac())]
                for v in inits:
                    cells.append(Cell(v))
                fr = Frame(cells, me, proc)
                rt.depth += 1
                try:
                    body(fr, 0)  # type: ignore[misc]
                except RecursionError:
                    raise VbaError(28) from None
                finally:
                    rt.depth -= 1
                return cells[0].v

            return invoke0
        ((byref, _co, exact),) = self.plan

        def invoke1(me: object, args: list, kw: dict | None = None) -> object:
            if kw is not None or len(args) != 1:
                return generic(me, args, kw)
            a = args[0]
            ta = type(a)
            if byref and (ta is Cell or ta is ElemRef):
                c1 = a if exact is None or type(a.v) is exact else _byref_cell(a, _co, exact)
            else:
                v = a.v if ta is Cell or ta is ElemRef else a
                if type(v) is not exact:
                    return generic(me, args, kw)
                c1 = Cell(v)
            rt.budget -= 1
            if rt.budget <= 0:
                rt.refill()
            if rt.depth >= rt.max_depth:
                raise VbaError(28)
            cells = [Cell(rval if rimm else rfac()), c1]
            for v in inits:
                cells.append(Cell(v))
            fr = Frame(cells, me, proc)
            rt.depth += 1
            try:
                body(fr, 0)  # type: ignore[misc]
            except RecursionError:
                raise VbaError(28) from None
            finally:
                rt.depth -= 1
                if ta is ElemRef:
                    a.write_back()  # type: ignore[union-attr]
            return cells[0].v

        return invoke1

    def fast_bind(self, args: list) -> list[Cell]:
        cells = [Cell(self.result_value if self.result_immutable else self.result.factory())]
        for a, (byref, co, exact) in zip(args, self.plan, strict=True):
            ta = type(a)
            if byref and (ta is Cell or ta is ElemRef):
                same = exact is None or type(a.v) is exact
                cells.append(a if same else _byref_cell(a, co, exact))
                continue
            v = a.v if isinstance(a, Cell) else a
            t = type(v)
            if t is exact or co is None:
                if t is VbaArray or t is UdtValue:
                    v = v.copy()
                elif v is OMITTED or v is MISSING:
                    return self.bind(args, None)
                cells.append(Cell(v))
                continue
            if t is VbaArray or t is UdtValue:
                v = v.copy()
            elif v is OMITTED or v is MISSING:
                return self.bind(args, None)
            cells.append(Cell(co(v)))
        if self.init_values:
            for v in self.init_values:
                cells.append(Cell(v))
        return cells

    def invoke(self, me: object, args: list, kw: dict | None = None) -> object:
        """Run the procedure; returns the function result (Empty for a Sub)."""
        body = self.body
        if body is None:
            self.ensure_compiled()
            body = self.body
        rt = self.rt
        rt.budget -= 1
        if rt.budget <= 0:
            rt.refill()
        if rt.depth >= rt.max_depth:
            raise VbaError(28)
        if kw is None and self.simple_bind and len(args) == self.nparams:
            cells = self.fast_bind(args)
        else:
            cells = self.bind(args, kw, me)
        fr = Frame(cells, me, self)
        rt.depth += 1
        try:
            body(fr, 0)  # type: ignore[misc]
        except RecursionError:
            raise VbaError(28) from None
        finally:
            rt.depth -= 1
            if args:
                for a in args:
                    if type(a) is ElemRef:
                        a.write_back()
        if self.error_aware and (fr.on_error is not None or fr.in_handler):
            rt.err.clear()
        return cells[0].v


_IMMUTABLE = (str, int, float, bool, Currency, Integer, Byte, LongLong, Single, Date)
_EXACT = {"long": int, "string": str, "double": float, "boolean": bool, "integer": Integer}


def is_immutable(v: object) -> bool:
    """A value that can be shared by every new variable (no copy on creation)."""
    return isinstance(v, _IMMUTABLE) or v is Empty or v is Nothing or v is Null


def _byref_cell(a: Cell, coerce: Callable[[object], object] | None, exact: type | None) -> Cell:
    """The Cell a ByRef parameter of a scalar declared type gets: the caller's when the
    value already has the type; otherwise a coerced temporary, as VBA passes an argument
    that is not a variable of the parameter's type (the caller does not see changes;
    a value that does not coerce raises, e.g. 13 for "" to Integer)."""
    if exact is None or coerce is None or type(a.v) is exact:
        return a
    return Cell(coerce(copy_value(a.v)))


def _exact_type(spec: TypeSpec) -> type | None:
    """The Python type a value of ``spec`` already has when no coercion is needed."""
    from .coerce import LET_COERCIONS

    if spec.coerce is not None and spec.coerce is LET_COERCIONS.get(spec.name):
        return _EXACT.get(spec.name)
    return None


# --------------------------------------------------------------------------- modules


class ModuleInfo:
    """A module's declarations, module-level variables (Cells) and procedures."""

    def __init__(self, node: A.Module, rt: Runtime) -> None:
        self.node = node
        self.name = node.name
        self.kind = node.kind
        self.rt = rt
        self.vars: dict[str, tuple[Cell, TypeSpec, bool]] = {}  # name -> (cell, type, public)
        self.consts: dict[str, tuple[Callable[[], object], bool]] = {}
        self.procs: dict[str, dict[str, ProcInfo]] = {}
        self.types: dict[str, Any] = {}
        self.enums: dict[str, dict[str, Callable[[], object]]] = {}
        self.declares: dict[str, Any] = {}
        self.option_base = 0
        self.compare_text = False
        self.explicit = False
        self.deftypes: dict[str, str] = {}
        self.cls: ClassInfo | None = None
        self.default_instance: Instance | None = None
        self.loaded = False

    def __repr__(self) -> str:
        return f"<module {self.name}>"

    def proc(self, name: str, kind: str | None = None) -> ProcInfo | None:
        group = self.procs.get(name.lower())
        if not group:
            return None
        if kind is not None:
            return group.get(kind)
        for k in ("function", "sub", "get", "let", "set"):
            if k in group:
                return group[k]
        return None


class ClassInfo:
    """A class module (or VBScript Class block): instance fields and member table."""

    def __init__(self, module: ModuleInfo) -> None:
        self.module = module
        self.name = module.name
        self.fields: list[tuple[str, TypeSpec, bool]] = []  # name, type, with_events
        self.field_index: dict[str, int] = {}
        self.implements: list[str] = []
        self.default_member: str | None = None
        self.enum_member: str | None = None
        self.events: set[str] = set()

    def new(self) -> Instance:
        inst = Instance(self)
        init = self.module.proc("class_initialize", "sub")
        if init is None and self.module.kind == "form":
            init = self.module.proc("userform_initialize", "sub")
        if init is not None:
            init.invoke(inst, [])
        return inst

    def find(self, name: str, kind: str, iface: str | None = None) -> ProcInfo | None:
        """The procedure for ``name``: own public member, else ``Iface_name``."""
        mod = self.module
        if iface:
            p = mod.proc(f"{iface}_{name}", kind)
            if p is not None:
                return p
        p = mod.proc(name, kind)
        if p is not None:
            return p
        for i in self.implements:
            p = mod.proc(f"{i}_{name}", kind)
            if p is not None:
                return p
        return None

    def is_a(self, type_name: str) -> bool:
        low = type_name.lower().rsplit(".", 1)[-1]
        return low == self.name.lower() or low in (i.lower() for i in self.implements)


class Instance(VbaObject):
    """An instance of a class module.  Fields are Cells (so ``obj.field`` can be passed
    ByRef); Class_Terminate runs when the last reference goes (CPython refcounting
    matches VBA's COM reference counting)."""

    def __init__(self, cls: ClassInfo) -> None:
        self.cls = cls
        self.cells = [Cell(spec.factory()) for _, spec, _ in cls.fields]
        self.sinks: list[tuple[weakref.ref, int]] = []

    @property
    def vba_typename(self) -> str:  # type: ignore[override]
        return self.cls.name

    @property
    def vba_default_member(self) -> str | None:
        return self.cls.default_member

    def vba_default(self) -> object:
        if self.cls.default_member is None:
            raise VbaError(438)
        return self.vba_get(self.cls.default_member, [])

    def __iter__(self):  # For Each over a class with a NewEnum member
        name = self.cls.enum_member
        if name is None:
            raise VbaError(438)
        return iter_group(self.vba_get(name, []))

    def vba_get(self, name: str, args: list, kw: dict | None = None, iface: str | None = None):
        cls = self.cls
        p = cls.find(name, "get", iface) or cls.find(name, "function", iface)
        if p is None:
            p = cls.find(name, "sub", iface)
        if p is not None:
            if (
                args
                and len(args) > len(p.node.params)
                and not any(q.param_array for q in p.node.params)
            ):
                # obj.Prop(x) where Prop takes no arguments: index its result
                return index_value(p.invoke(self, [], kw), [deref(a) for a in args])
            return p.invoke(self, args, kw)
        i = cls.field_index.get(name)
        if i is not None:
            v = self.cells[i].v
            return index_value(v, [deref(a) for a in args]) if args else v
        delegate = self.__dict__.get("delegate")
        if delegate is not None:  # a document module forwards to its sheet/workbook
            return delegate.vba_get(name, args, kw)
        if cls.module.kind == "form":
            from .hostlib import form_member

            return form_member(self, name, args)
        raise VbaError(438)

    def vba_let(self, name: str, args: list, value: object, iface: str | None = None) -> None:
        cls = self.cls
        p = cls.find(name, "let", iface)
        if p is not None:
            p.invoke(self, list(args) + [value])
            return
        i = cls.field_index.get(name)
        if i is not None:
            cell = self.cells[i]
            if args:
                from .objects import store_index

                store_index(cell.v, [deref(a) for a in args], value)
                return
            co = cls.fields[i][1].coerce
            cell.v = co(value) if co is not None else copy_value(value)
            return
        delegate = self.__dict__.get("delegate")
        if delegate is not None:
            delegate.vba_let(name, args, value)
            return
        if cls.module.kind == "form":
            from .hostlib import form_member

            form_member(self, name, args, value)
            return
        getter = cls.find(name, "get", iface)
        if getter is not None:
            target = getter.invoke(self, args)
            if isinstance(target, VbaObject):
                default_let(target, [], value)
                return
        raise VbaError(438 if getter is None else 451)

    def vba_set(self, name: str, args: list, value: object, iface: str | None = None) -> None:
        cls = self.cls
        p = cls.find(name, "set", iface)
        if p is not None:
            p.invoke(self, list(args) + [value])
            return
        i = cls.field_index.get(name)
        if i is not None:
            self.cells[i].v = value
            if cls.fields[i][2]:
                connect_events(self, i, value)
            return
        raise VbaError(438)

    def vba_ref(self, name: str) -> Cell | None:
        i = self.cls.field_index.get(name)
        return self.cells[i] if i is not None else None

    def raise_event(self, event: str, args: list) -> None:
        for ref, index in list(self.sinks):
            sink = ref()
            if sink is None or sink.cells[index].v is not self:
                continue
            field = sink.cls.fields[index][0]
            handler = sink.cls.module.proc(f"{field}_{event}")
            if handler is not None:
                handler.invoke(sink, args)

    def __del__(self) -> None:
        try:
            term = self.cls.module.proc("class_terminate", "sub")
            if term is not None and term.rt.depth < term.rt.max_depth:
                term.invoke(self, [])
        except Exception:  # noqa: BLE001 - VBA ignores errors raised in Terminate
            pass

    def __repr__(self) -> str:
        return f"<{self.cls.name} instance>"


def connect_events(sink: Instance, index: int, source: object) -> None:
    """``Set withEventsVar = source``: the sink now hears ``source``'s RaiseEvent."""
    if isinstance(source, Instance):
        for ref, i in source.sinks:
            if ref() is sink and i == index:
                return
        source.sinks.append((weakref.ref(sink), index))


def iter_group(group: object):
    """The elements For Each visits: array elements in storage order, Collection items,
    Dictionary keys, Range cells, an object's enumerator."""
    if type(group) is VbaArray:
        return iter(list(group.data))
    if group is Nothing:
        raise VbaError(91)
    if group is Empty:
        raise VbaError(92)
    try:
        return iter(group)  # type: ignore[call-overload]
    except TypeError:
        raise VbaError(438) from None
