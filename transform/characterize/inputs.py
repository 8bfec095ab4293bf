"""Argument lists for characterizing one procedure: from parameter types, the literals in
its body and boundary values, seeded per procedure so a re-run records the same cases.

Why these values: behaviour changes at type boundaries (Integer overflow at 32768, the Date
epoch 1899-12-30, empty strings) and at the constants the code compares against (the
literals in its body), so those come first; seeded random values fill the rest.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import random
import zlib
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

from transform.parse import vba_ast as A
from transform.runtimes.vba.coerce import let_coerce
from transform.runtimes.vba.values import Currency, Date, Empty, Null, VbaError

from .vba_golden import encode, to_serial

SCALARS = {
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
    "variant",
}
MAX_CASES = 24
LONG_STRING = "abcdefghij" * 30

BOUNDARIES: dict[str, list[object]] = {
    "integer": [0, 1, -1, 2, 10, 100, 32767, -32768],
    "long": [0, 1, -1, 2, 10, 100, 32767, 32768, -32769, 2147483647, -2147483648],
    "longlong": [0, 1, -1, 2**31, -(2**31) - 1],
    "byte": [0, 1, 2, 127, 255],
    "double": [0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 123.456, 1e15, -1e-5],
    "single": [0.0, 1.0, -1.0, 0.5, 2.5, 3.25],
    "currency": [0, 1, -1, 0.5, 1.2345, 2.5, -2.5, 1234.5678],
    "decimal": [0, 1, -1, 0.5],
    "boolean": [True, False],
    "string": ["", "a", "abc", " Hello, World ", "12345", "MiXeD cAsE", "é ü ß", LONG_STRING],
    "date": [
        _dt.datetime(1899, 12, 30),
        _dt.datetime(1899, 12, 31),
        _dt.datetime(1899, 12, 29),
        _dt.datetime(1900, 1, 1),
        _dt.datetime(1900, 2, 28),
        _dt.datetime(1900, 3, 1),
        _dt.datetime(2000, 2, 29),
        _dt.datetime(2023, 12, 31),
        _dt.datetime(2024, 1, 31),
        _dt.datetime(2024, 6, 15, 13, 45, 30),
    ],
}
VARIANTS: list[object] = [Empty, 0, 1, -1, 2.5, "", "abc", "12", True, Null]


@dataclass
class Parameter:
    """What characterization needs of a formal parameter."""

    name: str
    type: str  # VBA type name, "Variant" when undeclared
    mode: str  # byref / byval
    optional: bool = False
    array: bool = False
    param_array: bool = False

    @property
    def scalar(self) -> bool:
        return self.type.lower() in SCALARS or self.enum is not None

    @property
    def enum(self) -> str | None:
        """The Enum's name for an Enum parameter (its values are Longs)."""
        return self.type if enum_values(self.type) is not None else None

    @property
    def base_type(self) -> str:
        return "Long" if self.enum else self.type


VBA_ENUMS: dict[str, list[int]] = {
    "vbcomparemethod": [0, 1],
    "vbdayofweek": [0, 1, 2, 7],
    "vbfirstweekofyear": [0, 1, 2, 3],
    "vbtristate": [-2, -1, 0],
    "vbmsgboxresult": [1, 2, 6, 7],
}
_ENUMS: dict[str, list[int]] = {}


def register_enums(modules: list[A.Module]) -> None:
    """Remember the project's Enum members: an Enum parameter takes its members' values
    (Long), plus one value past the last, the "invalid member" path."""
    _ENUMS.clear()
    for module in modules:
        for decl in module.declarations:
            if isinstance(decl, A.EnumDef):
                _ENUMS[decl.name.lower()] = _enum_values(decl)


def _enum_values(decl: A.EnumDef) -> list[int]:
    values, previous = [], -1
    for member in decl.members:
        literal = member.value.value if isinstance(member.value, A.Literal) else None
        if isinstance(literal, int) and not isinstance(literal, bool):
            previous = int(literal)
        elif isinstance(member.value, A.Unary) and isinstance(member.value.operand, A.Literal):
            previous = -int(member.value.operand.value)
        else:
            previous += 1
        values.append(previous)
    return [*values, max(values, default=0) + 1]


def enum_values(type_name: str) -> list[int] | None:
    key = type_name.lower().rsplit(".", 1)[-1]
    return _ENUMS.get(key) or VBA_ENUMS.get(key)


def parameters(proc: A.Procedure) -> list[Parameter]:
    out = []
    for p in proc.params:
        declared = p.type.name if p.type else A.TYPE_HINTS.get(p.type_hint, "Variant")
        out.append(Parameter(p.name, declared, p.mode, p.optional, p.is_array, p.param_array))
    return out


def seed_for(module: str, procedure: str) -> int:
    """A fixed seed per procedure: stable across runs and machines (no hash randomisation)."""
    return zlib.crc32(f"{module}.{procedure}".lower().encode("utf-8"))


def unsupported(params: list[Parameter], objects: Collection[str] = ()) -> str | None:
    """Why no inputs can be generated (an object or UDT parameter), else None.
    ``objects``: object types (lower case) the caller has candidates for."""
    for p in params:
        if not p.scalar and not p.param_array and p.type.lower() not in objects:
            return f"parameter {p.name} As {p.type}: no inputs are generated for objects/UDTs"
    return None


def argument_lists(
    proc: A.Procedure,
    seed: int,
    limit: int = MAX_CASES,
    objects: Mapping[str, list[dict]] | None = None,
    literals: Sequence[object] | None = None,
) -> list[list[dict]]:
    """Encoded argument lists: the typical case, each parameter over its candidates, then
    seeded random combinations; trailing optional parameters are also left out once.
    ``objects``: encoded candidates of object types (lower case), e.g. Excel sheets;
    ``literals``: values of the environment (sheet names) tried before the body's."""
    params = [p for p in parameters(proc) if not p.param_array]
    if not params:
        return [[]]
    rng = random.Random(seed)
    literals = [*(literals or ()), *body_literals(proc)]
    objects = objects or {}
    pools: list[list] = [
        objects.get(p.type.lower()) or candidates(p, literals, rng) for p in params
    ]
    seen: dict[str, list[dict]] = {}
    for values in _combinations(pools, rng, limit):
        encoded = [v if isinstance(v, dict) else encode(v) for v in values]
        seen.setdefault(repr(encoded), encoded)
        if len(seen) >= limit:
            break
    return list(seen.values())


def _combinations(pools: list[list[object]], rng: random.Random, limit: int) -> Iterator[list]:
    typical = [pool[min(1, len(pool) - 1)] for pool in pools]
    yield typical
    for i, pool in enumerate(pools):
        for value in pool[: max(4, limit // max(1, len(pools)))]:
            yield [*typical[:i], value, *typical[i + 1 :]]
    for _ in range(limit * 3):
        yield [rng.choice(pool) for pool in pools]


def candidates(param: Parameter, literals: list[object], rng: random.Random) -> list[object]:
    """Values of the parameter's type, literals of the body first (converted to the type),
    then boundaries and seeded random values; values the type cannot hold are dropped."""
    kind = param.base_type.lower()
    if param.enum:
        raw: list[object] = list(enum_values(param.enum) or [0])
    else:
        base = VARIANTS if kind == "variant" else BOUNDARIES.get(kind, BOUNDARIES["long"])
        raw = [*_literal_values(kind, literals), *base, *_random_values(kind, literals, rng)]
    values: list[object] = []
    for value in raw:
        typed = _typed(value, param.base_type)
        if typed is not _INVALID and not any(_equal(typed, v) for v in values):
            values.append(typed)
    if param.array:
        return _arrays(values, rng)
    return values


_INVALID = object()


def _typed(value: object, declared: str) -> object:
    """The value as the declared type holds it (VbaError when it cannot: dropped)."""
    if isinstance(value, _dt.datetime):
        value = Date(to_serial(value))
    if declared.lower() in ("currency", "decimal") and isinstance(value, float | int):
        value = str(value)
    try:
        return let_coerce(value, declared) if declared.lower() != "variant" else value
    except (VbaError, ValueError, OverflowError):
        return _INVALID


def _equal(a: object, b: object) -> bool:
    return type(a) is type(b) and encode(a) == encode(b)


def _literal_values(kind: str, literals: list[object]) -> list[object]:
    """Body literals that fit the parameter, plus neighbours of numeric ones (off-by-one
    edges of comparisons)."""
    out: list[object] = []
    for lit in literals:
        if isinstance(lit, str) and kind in ("string", "variant"):
            out.append(lit)
        elif isinstance(lit, int | float | Currency) and not isinstance(lit, bool):
            number = float(lit) if isinstance(lit, Currency) else lit
            if kind in ("string",):
                continue
            out.extend([number, number - 1, number + 1])
        elif isinstance(lit, Date) and kind in ("date", "variant"):
            out.append(lit)
    return out


def _random_values(kind: str, literals: list[object], rng: random.Random) -> list[object]:
    if kind in ("integer", "long", "longlong", "variant"):
        return [rng.randint(-1000, 1000) for _ in range(3)] + [rng.randint(-32768, 32767)]
    if kind == "byte":
        return [rng.randint(0, 255) for _ in range(2)]
    if kind in ("double", "single", "currency", "decimal"):
        return [round(rng.uniform(-1000, 1000), rng.randint(0, 4)) for _ in range(3)]
    if kind == "string":
        return [_random_string(literals, rng) for _ in range(4)]
    if kind == "date":
        base = _dt.datetime(1990, 1, 1)
        return [base + _dt.timedelta(days=rng.randint(0, 15000)) for _ in range(3)]
    return []


def _random_string(literals: list[object], rng: random.Random) -> str:
    """Strings over the characters the body's literals use (delimiters, digits, keywords),
    so parsing code meets its own vocabulary; plain letters when it has none."""
    alphabet = "".join(sorted({c for lit in literals if isinstance(lit, str) for c in lit}))
    alphabet = alphabet or "abc XYZ 0123"
    if rng.random() < 0.4:
        words = [lit for lit in literals if isinstance(lit, str) and lit]
        if words:
            return "".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))


def _arrays(values: list[object], rng: random.Random) -> list[object]:
    """Small arrays (0-based lists) of the element candidates, including an empty one."""
    pool = values or [0]
    picks = [rng.sample(pool, min(len(pool), n)) for n in (3, 5)]
    return [[], pool[:1], pool[:3], *picks, list(reversed(pool[:4]))]


def body_literals(proc: A.Procedure) -> list[object]:
    """Literal values written in the procedure body, in order, without repeats."""
    found: list[object] = []
    for node in _walk(proc.body):
        if isinstance(node, A.Literal) and node.value not in (Empty, Null):
            value = node.value
            if not any(type(value) is type(f) and value == f for f in found):
                found.append(value)
    return found[:40]


def _walk(node: object) -> Iterator[object]:
    """Every AST node under ``node`` (tuples and dataclasses, depth first)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple | list):
            stack.extend(reversed(item))
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            yield item
            stack.extend(
                getattr(item, f.name)
                for f in reversed(dataclasses.fields(item))
                if f.name != "span"
            )


def omitted_optionals(proc: A.Procedure, arguments: list[dict]) -> list[dict] | None:
    """The same arguments without the trailing optional parameters (their defaults run)."""
    params = parameters(proc)
    keep = len(arguments)
    while keep and keep <= len(params) and params[keep - 1].optional:
        keep -= 1
    return arguments[:keep] if keep < len(arguments) else None
