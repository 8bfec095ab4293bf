"""Plain data produced by the index stage: symbols, references, analyses, inventory.

Why plain dataclasses: later stages (translate, report) and caches read this as JSON without
importing the indexer's internals.  Every class here is JSON-friendly (str, int, float, bool,
lists, dicts of those, and other classes of this module); ``to_jsonable`` / ``from_jsonable``
convert in both directions.  Node ids are stable strings (see docs/index.md):

- module: ``Module1`` (a VBScript ``Class`` block: ``Script.ClassName``)
- procedure: ``Module1.Foo``; property procedures ``Class1.Name[get]`` / ``[let]`` / ``[set]``
- module-level variable, constant, Type, Enum, Declare, Event, form control: ``Module1.Name``
- external things: ``host:Excel.Range``, ``progid:Scripting.Dictionary``, ``dll:kernel32``,
  ``lib:Scripting.Dictionary`` (an early-bound type from a referenced library)
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

SCHEMA_VERSION = 1

# Edge kinds of the dependency graph.  ``raises`` (RaiseEvent → the Event) is ours on top of
# the ten the issue lists: it is what lets effects flow from event handlers to raisers.
EDGE_KINDS = (
    "calls",
    "reads",
    "writes",
    "uses_type",
    "instantiates",
    "implements",
    "handles_event",
    "late_binds",
    "declares_dll",
    "uses_host",
    "raises",
)

# Categories of external effects, in the order reports list them.
EFFECT_CATEGORIES = (
    "file_io",
    "shell",
    "com",
    "dll",
    "host",
    "ui",
    "registry",
    "network",
    "database",
    "environment",
    "nondeterministic",
)


@dataclass(slots=True)
class Location:
    """1-based line and column in ``file`` (the ingest stage's display name)."""

    file: str
    line: int
    column: int = 0


@dataclass(slots=True)
class Parameter:
    """A formal parameter; ``type`` is "" when undeclared (Variant)."""

    name: str
    mode: str = "byref"
    type: str = ""
    optional: bool = False
    param_array: bool = False
    is_array: bool = False
    default: str | None = None


@dataclass(slots=True)
class ModuleSymbol:
    """One module.  ``project``: names resolve within one project (an Office file, the folder
    of a VB6 .vbp, or a scan root); ``base``: ``Attribute VB_Base`` of document modules (the
    host class they extend); ``container``: for a VBScript ``Class`` block, the script's id."""

    id: str
    name: str
    kind: str
    language: str
    dialect: str
    file: str
    lines: int
    member: str | None = None
    project: str = ""
    base: str = ""
    option_explicit: bool = False
    implements: list[str] = field(default_factory=list)
    container: str | None = None


@dataclass(slots=True)
class Effect:
    """An external effect a procedure has by itself: ``what`` is the statement, function,
    ProgID, DLL function or host object responsible."""

    category: str
    what: str
    line: int = 0


@dataclass(slots=True)
class ProcedureSymbol:
    """Sub, Function, Property Get/Let/Set, or a script's top-level code (kind ``script``).

    ``traits`` counts constructs that make conversion harder (gotos, On Error Resume Next...);
    ``effects`` are the procedure's own external effects (see analyses for propagated ones)."""

    id: str
    module: str
    name: str
    kind: str
    visibility: str
    params: list[Parameter]
    return_type: str
    location: Location
    end_line: int
    lines: int
    complexity: int
    static: bool = False
    is_default: bool = False
    traits: dict[str, int] = field(default_factory=dict)
    effects: list[Effect] = field(default_factory=list)


@dataclass(slots=True)
class VariableSymbol:
    """A module-level variable (locals are not symbols of the project model)."""

    id: str
    module: str
    name: str
    type: str
    visibility: str
    location: Location
    is_array: bool = False
    with_events: bool = False
    new: bool = False


@dataclass(slots=True)
class ConstantSymbol:
    id: str
    module: str
    name: str
    type: str
    visibility: str
    location: Location
    value: str = ""


@dataclass(slots=True)
class Field:
    """A member of a user-defined Type."""

    name: str
    type: str
    is_array: bool = False


@dataclass(slots=True)
class TypeSymbol:
    id: str
    module: str
    name: str
    visibility: str
    location: Location
    members: list[Field] = field(default_factory=list)


@dataclass(slots=True)
class EnumMemberSymbol:
    name: str
    value: str | None = None


@dataclass(slots=True)
class EnumSymbol:
    id: str
    module: str
    name: str
    visibility: str
    location: Location
    members: list[EnumMemberSymbol] = field(default_factory=list)


@dataclass(slots=True)
class DeclareSymbol:
    """``Declare Function name Lib "lib" Alias "x"``: a DLL entry point."""

    id: str
    module: str
    name: str
    kind: str
    lib: str
    alias: str | None
    params: list[Parameter]
    return_type: str
    visibility: str
    location: Location


@dataclass(slots=True)
class EventSymbol:
    id: str
    module: str
    name: str
    params: list[Parameter]
    location: Location


@dataclass(slots=True)
class ControlSymbol:
    """A control on a form.  ``source``: "designer" (the form's exported header) or
    "handler" (inferred from an event handler's name when the designer is not in the text,
    as for VBA UserForms whose controls live in the binary .frx)."""

    id: str
    module: str
    name: str
    type: str
    source: str
    location: Location | None = None


@dataclass(slots=True)
class ExternalSymbol:
    """Something outside the project: ``kind`` host / progid / dll / library."""

    id: str
    kind: str
    name: str
    provider: str = ""


@dataclass(slots=True)
class Reference:
    """All uses of ``target`` by ``source`` of one kind, aggregated: ``location`` is the
    first, ``lines`` every line (in the source's file), ``detail`` how it was found
    (e.g. "Application.Run", "AddressOf", "property let", "member of Order")."""

    kind: str
    source: str
    target: str
    location: Location
    count: int = 1
    lines: list[int] = field(default_factory=list)
    detail: str = ""


@dataclass(slots=True)
class Unresolved:
    """A name the index could not bind.  ``kind``: name, member, type, event, ambiguous,
    run_target (Application.Run string), dynamic (a non-literal Run/CreateObject argument)."""

    name: str
    kind: str
    scope: str
    location: Location
    note: str = ""


@dataclass(slots=True)
class ParseFailure:
    """A module the parse stage could not read; the rest of the batch is still indexed."""

    file: str
    line: int
    column: int
    message: str


@dataclass(slots=True)
class FileRecord:
    """One ingested source: ``status`` is indexed, parse_error, skipped (not VBA) or
    unreadable (an ingest error)."""

    file: str
    module: str
    language: str
    dialect: str
    kind: str
    lines: int
    bytes: int
    status: str
    message: str = ""


@dataclass(slots=True)
class ProjectInfo:
    """A unit of name resolution.  ``hosts``: the host object models its names may come
    from (Excel, Word, Access, PowerPoint, WSH); ``hosts_assumed`` when no document module
    said which host the code runs in and all Office hosts were allowed."""

    name: str
    hosts: list[str] = field(default_factory=list)
    hosts_assumed: bool = False
    modules: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ProjectIndex:
    """Everything the index stage knows about one scan (one or more projects)."""

    schema: int = SCHEMA_VERSION
    projects: list[ProjectInfo] = field(default_factory=list)
    files: list[FileRecord] = field(default_factory=list)
    modules: list[ModuleSymbol] = field(default_factory=list)
    procedures: list[ProcedureSymbol] = field(default_factory=list)
    variables: list[VariableSymbol] = field(default_factory=list)
    constants: list[ConstantSymbol] = field(default_factory=list)
    types: list[TypeSymbol] = field(default_factory=list)
    enums: list[EnumSymbol] = field(default_factory=list)
    declares: list[DeclareSymbol] = field(default_factory=list)
    events: list[EventSymbol] = field(default_factory=list)
    controls: list[ControlSymbol] = field(default_factory=list)
    externals: list[ExternalSymbol] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    failures: list[ParseFailure] = field(default_factory=list)

    def procedure(self, node_id: str) -> ProcedureSymbol | None:
        """The procedure with this id (linear; build a dict for repeated lookups)."""
        return next((p for p in self.procedures if p.id == node_id), None)


@dataclass(slots=True)
class EntryPoint:
    """A procedure the outside world can start: ``reason`` says why."""

    id: str
    reason: str


@dataclass(slots=True)
class DeadProcedure:
    """A private procedure no live code reaches; ``referenced_by`` lists dead referrers."""

    id: str
    reason: str
    referenced_by: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ProcedureEffects:
    """``direct``: categories of the procedure's own effects; ``transitive``: category →
    sorted ``what`` strings reachable through calls, interface dispatch, raised events and
    instantiated classes' ``Class_Initialize``."""

    id: str
    direct: list[str] = field(default_factory=list)
    transitive: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class Analyses:
    """Results over the graph; orders are lists of groups (one group = one strongly connected
    component), dependencies before dependents."""

    recursion: list[list[str]] = field(default_factory=list)
    module_cycles: list[list[str]] = field(default_factory=list)
    module_order: list[list[str]] = field(default_factory=list)
    procedure_order: list[list[str]] = field(default_factory=list)
    entry_points: list[EntryPoint] = field(default_factory=list)
    dead_code: list[DeadProcedure] = field(default_factory=list)
    effects: list[ProcedureEffects] = field(default_factory=list)


@dataclass(slots=True)
class ProcedureInventory:
    id: str
    module: str
    name: str
    kind: str
    visibility: str
    lines: int
    complexity: int
    params: int
    effects: list[str] = field(default_factory=list)
    entry_point: str = ""
    dead: bool = False


@dataclass(slots=True)
class ModuleInventory:
    """One module's row in the inventory; ``difficulty`` = sum of ``factors`` (see
    docs/index.md for the formula), ``level`` its bucket."""

    name: str
    kind: str
    file: str
    lines: int
    procedures: int
    complexity_total: int
    complexity_max: int
    external: list[str] = field(default_factory=list)
    effects: list[str] = field(default_factory=list)
    unresolved: int = 0
    in_cycle: bool = False
    difficulty: float = 0.0
    level: str = "low"
    factors: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class ExternalDependency:
    id: str
    kind: str
    name: str
    provider: str
    used_by: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Inventory:
    """What ``transform scan`` writes to inventory.json."""

    schema: int = SCHEMA_VERSION
    roots: list[str] = field(default_factory=list)
    projects: list[ProjectInfo] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    files: list[FileRecord] = field(default_factory=list)
    modules: list[ModuleInventory] = field(default_factory=list)
    procedures: list[ProcedureInventory] = field(default_factory=list)
    external_dependencies: list[ExternalDependency] = field(default_factory=list)
    entry_points: list[EntryPoint] = field(default_factory=list)
    recursion: list[list[str]] = field(default_factory=list)
    module_cycles: list[list[str]] = field(default_factory=list)
    conversion_order: list[list[str]] = field(default_factory=list)
    dead_code: list[DeadProcedure] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    failures: list[ParseFailure] = field(default_factory=list)


# --------------------------------------------------------------------------- JSON

T = TypeVar("T")
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


_PRIMITIVES = (str, int, float, bool, type(None))


def to_jsonable(value: Any) -> Any:
    """Dataclasses → dicts, recursively.  Hand-rolled rather than ``dataclasses.asdict``
    because asdict deep-copies every leaf, which dominates on million-line scans; lists in
    this model are homogeneous, so a list of scalars is copied without visiting each item."""
    kind = type(value)
    if kind in _PRIMITIVES:
        return value
    if kind is list or kind is tuple:
        if not value or type(value[0]) in _PRIMITIVES:
            return list(value)
        return [to_jsonable(v) for v in value]
    if kind is dict:
        return {k: to_jsonable(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value):
        return {name: to_jsonable(getattr(value, name)) for name in _field_names(kind)}
    raise TypeError(f"not JSON-friendly: {kind.__name__}")


def from_jsonable(cls: type[T], data: Any) -> T:
    """Rebuild a dataclass of this module from ``to_jsonable`` output."""
    return _convert(cls, data)


_HINTS: dict[type, dict[str, Any]] = {}


def _convert(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], data)
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_convert(item, v) for v in data]
    if origin is dict:
        _, item = typing.get_args(tp)
        return {k: _convert(item, v) for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _HINTS.get(tp)
        if hints is None:
            hints = _HINTS[tp] = typing.get_type_hints(tp)
        return tp(**{k: _convert(hints[k], v) for k, v in data.items() if k in hints})
    return data
