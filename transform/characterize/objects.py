"""Inputs of object and Type parameters: what a procedure taking `oOrder As Order`,
`colItems As Collection`, `Cancel As MSForms.ReturnBoolean` or `tName As NameParts` is
characterized with.

Why these values: a fresh object is what the procedure meets when its caller has just
made one (Class_Initialize ran, nothing else), and Nothing is the path every object
parameter has to survive (error 91 or a check); an interface parameter also gets a new
instance of each class that implements it. A Type gets its all-defaults value, then
member values from the same scalar candidates as parameters of those types. Both sides
make the objects themselves (`vba_golden.NewObject`/`UdtArgument`): the oracle in its
project, the tests in the translated package.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from transform.parse import vba_ast as A
from transform.runtimes.vba.strings import fixed_string

from .inputs import Parameter, candidates
from .vba_golden import encode, new_object

NOTHING = {"type": "Nothing"}
LIBRARY = {
    "collection": [NOTHING, new_object("Collection")],
    "returnboolean": [new_object("ReturnBoolean")],
    "returninteger": [new_object("ReturnInteger")],
    "returnstring": [new_object("ReturnString")],
    "returnsingle": [new_object("ReturnSingle")],
    "propertybag": [new_object("PropertyBag")],
}
QUALIFIED = {"vba.collection": "collection", **{f"msforms.{k}": k for k in LIBRARY}}
TYPE_VALUES = 10  # values tried per Type parameter


def project_objects(modules: Iterable[tuple[A.Module, str]], seed: int = 0) -> dict[str, list]:
    """Encoded candidates by lower-case declared type: the project's classes (Nothing, a
    new instance, new instances of the classes implementing it), its Types, and the
    library objects procedures receive. ``modules``: (legacy AST, Python module)."""
    modules = list(modules)
    out: dict[str, list] = {**LIBRARY, **{k: LIBRARY[v] for k, v in QUALIFIED.items()}}
    implementers: dict[str, list[dict]] = {}
    for ast, python_module in modules:
        if ast.kind != "class":
            continue
        for decl in ast.declarations:
            if isinstance(decl, A.Implements):
                made = new_object(ast.name, python_module)
                implementers.setdefault(decl.name.lower(), []).append(made)
    types = {
        decl.name.lower(): (decl, python_module)
        for ast, python_module in modules
        for decl in ast.declarations
        if isinstance(decl, A.TypeDef)
    }
    for ast, python_module in modules:
        if ast.kind == "class":
            own = new_object(ast.name, python_module)
            out[ast.name.lower()] = [NOTHING, own, *implementers.get(ast.name.lower(), [])]
    rng = random.Random(seed)
    for key, (decl, python_module) in types.items():
        out[key] = type_values(decl, python_module, rng)
    return out


def type_values(decl: A.TypeDef, python_module: str, rng: random.Random) -> list[dict]:
    """A Type's candidates: all members at their defaults, the typical value (each scalar
    member at its second candidate), each member varied alone, then seeded mixes."""
    pools: dict[str, list[object]] = {}
    for member in decl.members:
        pool = _member_pool(member, rng)
        if pool:
            pools[member.name] = pool
    values: list[dict] = [{}]
    if pools:
        values.append({name: pool[min(1, len(pool) - 1)] for name, pool in pools.items()})
        for index in range(3):  # each member varied alone, members taking turns
            for name, pool in pools.items():
                if index < len(pool):
                    values.append({**values[1], name: pool[index]})
        values.extend({n: rng.choice(p) for n, p in pools.items()} for _ in range(TYPE_VALUES))
    encoded: list[dict] = []
    for members in values:
        data = {
            "type": "UDT",
            "name": decl.name,
            "module": python_module,
            "value": {name: encode(value) for name, value in members.items()},
        }
        if data not in encoded:
            encoded.append(data)
    return encoded[:TYPE_VALUES]


def _member_pool(member: A.VarDecl, rng: random.Random) -> list[object]:
    """Scalar candidates of one member (arrays, objects and nested Types keep their
    defaults); a fixed-length String's values already have its length."""
    if member.bounds is not None:
        return []
    declared = member.type.name if member.type is not None else "Variant"
    parameter = Parameter(member.name, declared, "byval")
    if not parameter.scalar:
        return []
    pool = candidates(parameter, [], rng)
    length = member.type.fixed_length if member.type is not None else None
    if length is not None:
        if not (isinstance(length, A.Literal) and isinstance(length.value, int)):
            return []
        pool = list(dict.fromkeys(fixed_string(str(v), int(length.value)) for v in pool))
    return pool
