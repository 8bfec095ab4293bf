"""Run-time objects of the interpreter: variable cells, UDT values, the member-access
protocol, and the VBA library objects Collection, Scripting.Dictionary and Err.

Why one protocol: member access (``obj.Name``, ``obj.Name(1) = v``, ``Set obj.X = y``)
must work the same on user class instances, UDT values, library objects and the
Excel object model, so every object answers three calls — ``vba_get``, ``vba_let``
and ``vba_set`` — with the lower-case member name and the evaluated arguments.
Library objects only write ``vba_<member>`` methods; ``NativeObject`` does the
dispatch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .arrays import VbaArray
from .coerce import to_boolean, to_long, to_string
from .operators import compare_strings
from .values import MISSING, Empty, Nothing, Null, VbaError, VbaObject

# --------------------------------------------------------------------------- cells


class Cell:
    """A variable's storage.  Passing a variable ByRef passes its Cell (MS-VBAL 5.3.1.11)."""

    __slots__ = ("v",)

    def __init__(self, v: object = Empty) -> None:
        self.v = v

    def __repr__(self) -> str:
        return f"Cell({self.v!r})"


class ElemRef(Cell):
    """A ByRef argument that is an array element: copied back after the call."""

    __slots__ = ("array", "index")

    def __init__(self, array: VbaArray, index: tuple[int, ...]) -> None:
        self.v = array.get(*index)
        self.array = array
        self.index = index

    def write_back(self) -> None:
        self.array.set(self.index, self.v)


class _Omitted:
    """An argument left out in the source (``f(1, , 3)``), as opposed to a Variant
    variable that holds Missing: library calls drop it, procedures see Missing."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "Omitted"


OMITTED = _Omitted()


def deref(a: object) -> object:
    """An argument's value whether it was passed as a Cell or as a value."""
    return a.v if isinstance(a, Cell) else a


# --------------------------------------------------------------------------- UDTs


class UdtType:
    """A user-defined type: member names in order, each with a default factory and a
    Let-coercion."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.members: list[tuple[str, Callable[[], object], Callable[[object], object] | None]]
        self.members = []

    def new(self) -> UdtValue:
        return UdtValue(self, {n.lower(): Cell(f()) for n, f, _ in self.members})


class UdtValue:
    """A UDT value: assignment copies it (MS-VBAL 5.4.3.1), members live in Cells so a
    member can be passed ByRef."""

    __slots__ = ("type", "fields")

    def __init__(self, type_: UdtType, fields: dict[str, Cell]) -> None:
        self.type = type_
        self.fields = fields

    @property
    def vba_typename(self) -> str:
        return self.type.name

    def copy(self) -> UdtValue:
        return UdtValue(self.type, {k: Cell(copy_value(c.v)) for k, c in self.fields.items()})

    def _cell(self, name: str) -> Cell:
        cell = self.fields.get(name)
        if cell is None:
            raise VbaError(438)
        return cell

    def vba_get(self, name: str, args: list, kw: dict | None = None) -> object:
        v = self._cell(name).v
        return index_value(v, args) if args else v

    def vba_let(self, name: str, args: list, value: object) -> None:
        cell = self._cell(name)
        if args:
            store_index(cell.v, args, value)
            return
        coerce = self._coercer(name)
        cell.v = coerce(value) if coerce else copy_value(value)

    vba_set = vba_let

    def vba_ref(self, name: str) -> Cell:
        return self._cell(name)

    def _coercer(self, name: str) -> Callable[[object], object] | None:
        for n, _, c in self.type.members:
            if n.lower() == name:
                return c
        return None

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={c.v!r}" for k, c in self.fields.items())
        return f"{self.type.name}({inner})"


def copy_value(v: object) -> object:
    """What a Let assignment stores: arrays and UDTs are copied, the rest shared."""
    t = type(v)
    if t is VbaArray or t is UdtValue:
        return v.copy()  # type: ignore[union-attr]
    return v


# --------------------------------------------------------------------------- protocol


def _no_object(obj: object) -> VbaError:
    return VbaError(91 if obj is Nothing or obj is Empty else 424)


def member_get(obj: object, name: str, args: list, kw: dict | None = None) -> object:
    """``obj.name(args)`` read (property get or method call)."""
    try:
        get = obj.vba_get  # type: ignore[attr-defined]
    except AttributeError:
        raise _no_object(obj) from None
    return get(name, args, kw)


def member_let(obj: object, name: str, args: list, value: object) -> None:
    """``obj.name(args) = value``."""
    try:
        let = obj.vba_let  # type: ignore[attr-defined]
    except AttributeError:
        raise _no_object(obj) from None
    let(name, args, value)


def member_set(obj: object, name: str, args: list, value: object) -> None:
    """``Set obj.name(args) = value``."""
    try:
        st = obj.vba_set  # type: ignore[attr-defined]
    except AttributeError:
        raise _no_object(obj) from None
    st(name, args, value)


def default_get(obj: object, args: list) -> object:
    """``obj(args)``: the default member with arguments (Collection item, Range cell)."""
    name = getattr(obj, "vba_index_member", None) or getattr(obj, "vba_default_member", None)
    if name is None:
        if obj is Nothing:
            raise VbaError(91)
        raise VbaError(438)
    return member_get(obj, name, args)


def default_let(obj: object, args: list, value: object) -> None:
    if args and getattr(obj, "vba_index_member", None):
        member_let(default_get(obj, args), getattr(obj, "vba_default_member", "value"), [], value)
        return
    name = getattr(obj, "vba_default_member", None)
    if name is None:
        raise VbaError(91 if obj is Nothing else 438)
    member_let(obj, name, args, value)


def scalar(v: object) -> object:
    """An object used where a value is needed evaluates its default member (MS-VBAL
    5.6.2.2); arrays, scalars and objects without one are returned unchanged."""
    if isinstance(v, VbaObject):
        name = getattr(v, "vba_default_member", None)
        if name is not None:
            try:
                return member_get(v, name, [])
            except VbaError as e:
                if e.number in (449, 450):
                    return v
                raise
    return v


def truthy(v: object) -> bool:
    """A condition's value as VBA tests it (If, IIf, Switch): Null and Empty are False."""
    if v is True:
        return True
    if v is False or v is Null or v is Empty:
        return False
    if type(v) is int or type(v) is float:
        return v != 0
    return to_boolean(scalar(v))


def index_value(v: object, args: list) -> object:
    """``v(args)`` on a value: array element or default member; ``v()`` of an array is
    the whole array (the financial pages' examples pass ``IRR(Values(), Guess)``)."""
    if type(v) is VbaArray:
        if not args:
            return v
        return v.get(*[index_int(a) for a in args])
    if isinstance(v, VbaObject):
        return default_get(v, args)
    if v is Nothing:
        raise VbaError(91)
    raise VbaError(13)


def store_index(v: object, args: list, value: object) -> None:
    if type(v) is VbaArray:
        v.set([index_int(a) for a in args], value)
    elif isinstance(v, VbaObject):
        default_let(v, args, value)
    else:
        raise VbaError(13)


def index_int(a: object) -> int:
    """An array index: Long with Banker's rounding (error 13 for non-numbers)."""
    if type(a) is int:
        return a
    return to_long(deref(a))


class NativeObject(VbaObject):
    """Base of library objects: ``vba_<name>(*args)`` methods are the members;
    ``vba_let_<name>(*args, value)`` makes a member assignable."""

    vba_default_member: str | None = None

    def vba_get(self, name: str, args: list, kw: dict | None = None) -> object:
        fn = getattr(self, "vba_" + name, None)
        if fn is None or not callable(fn):
            raise VbaError(438)
        if not kw:
            if not args:
                return fn()
            if len(args) == 1:
                a = args[0]
                if isinstance(a, Cell):
                    a = a.v
                if a is not OMITTED and a is not MISSING:
                    try:
                        return fn(a)
                    except TypeError as e:
                        if "missing" in str(e):
                            raise VbaError(449) from None
                        if "positional argument" not in str(e):
                            raise
                    return index_value(fn(), [a])
        values = [deref(a) for a in args]
        while values and (values[-1] is OMITTED or values[-1] is MISSING):
            values.pop()
        if kw:
            return fn(*values, **{k.lower(): deref(v) for k, v in kw.items()})
        try:
            return fn(*values)
        except TypeError as e:
            if "missing" in str(e):
                raise VbaError(449) from None
            if not values or "positional argument" not in str(e):
                raise
        # obj.Member(x) where Member takes no arguments: index its result
        return index_value(fn(), values)

    def vba_let(self, name: str, args: list, value: object) -> None:
        fn = getattr(self, "vba_let_" + name, None)
        if fn is None:
            target = self.vba_get(name, args)
            if isinstance(target, VbaObject) and target is not self:
                default_let(target, [], value)
                return
            raise VbaError(438)
        fn(*[deref(a) for a in args], value)

    def vba_set(self, name: str, args: list, value: object) -> None:
        fn = getattr(self, "vba_set_" + name, None) or getattr(self, "vba_let_" + name, None)
        if fn is None:
            raise VbaError(438)
        fn(*[deref(a) for a in args], value)

    def vba_default(self) -> object:
        if self.vba_default_member is None:
            raise VbaError(438)
        return self.vba_get(self.vba_default_member, [])


# --------------------------------------------------------------------------- Collection


class Collection(NativeObject):
    """VBA Collection ("Collection object" page): 1-based, optional case-insensitive
    String keys; missing key → 5, index out of range → 9, duplicate key → 457."""

    vba_typename = "Collection"
    vba_default_member = "item"

    def __init__(self) -> None:
        self.items: list[object] = []
        self.keys: list[str | None] = []
        self.index: dict[str, object] = {}

    def __iter__(self) -> Iterator[object]:
        return iter(list(self.items))

    def vba_count(self) -> int:
        return len(self.items)

    def _position(self, where: object) -> int:
        """0-based position of an index or key argument."""
        if isinstance(where, str):
            item = self.index.get(where.lower(), _ABSENT)
            if item is _ABSENT:
                raise VbaError(5)
            key = where.lower()
            for i, k in enumerate(self.keys):
                if k == key:
                    return i
            raise VbaError(5)
        n = to_long(where)
        if not 1 <= n <= len(self.items):
            raise VbaError(9)
        return n - 1

    def vba_add(
        self, item: object, key: object = MISSING, before: object = MISSING, after: object = MISSING
    ) -> None:
        k = None
        if key is not MISSING:
            if not isinstance(key, str):
                key = to_string(key) if not isinstance(key, (int, float)) else key
                if not isinstance(key, str):
                    raise VbaError(13)
            k = key.lower()
            if k in self.index:
                raise VbaError(457)
        if before is not MISSING and after is not MISSING:
            raise VbaError(5)
        pos = len(self.items)
        if before is not MISSING:
            pos = self._position(before)
        elif after is not MISSING:
            pos = self._position(after) + 1
        self.items.insert(pos, item)
        self.keys.insert(pos, k)
        if k is not None:
            self.index[k] = item

    def vba_item(self, index: object) -> object:
        if isinstance(index, str):
            item = self.index.get(index.lower(), _ABSENT)
            if item is _ABSENT:
                raise VbaError(5)
            return item
        n = index if type(index) is int else to_long(index)
        if not 1 <= n <= len(self.items):
            raise VbaError(9)
        return self.items[n - 1]

    def vba_remove(self, index: object) -> None:
        pos = self._position(index)
        key = self.keys.pop(pos)
        self.items.pop(pos)
        if key is not None:
            del self.index[key]

    def vba_let_item(self, *args: object) -> None:
        raise VbaError(424)

    def vba__newenum(self) -> VbaArray:
        """The enumerator a class's NewEnum member hands to For Each."""
        return VbaArray.from_list(list(self.items))


_ABSENT = object()


# --------------------------------------------------------------------------- Dictionary


def _dict_key(key: object, text: bool) -> object:
    """Python dict key for a Dictionary key: Strings fold case in TextCompare mode;
    Booleans stay apart from numbers (True is -1, not 1)."""
    if type(key) is str:
        return ("s", key.lower()) if text else ("s", key)
    if type(key) is bool:
        return ("n", -1 if key else 0)
    if isinstance(key, (int, float)):
        return ("n", key)
    if key is Empty:
        return ("e",)
    if key is Null:
        return ("null",)
    return (
        ("o", id(key), key)
        if not hasattr(key, "__hash__") or key.__hash__ is None
        else (
            "o",
            key,
        )
    )


class Dictionary(NativeObject):
    """Scripting.Dictionary ("Dictionary object" page): binary key comparison by default,
    reading a missing key through Item adds it with an Empty value, Add of an existing
    key → 457, Remove of a missing key → 32811."""

    vba_typename = "Dictionary"
    vba_default_member = "item"

    def __init__(self) -> None:
        self.data: dict[object, list] = {}  # python key -> [vba key, item]
        self.text = False

    def __iter__(self) -> Iterator[object]:
        return iter([k for k, _ in self.data.values()])

    def _k(self, key: object) -> object:
        return _dict_key(key, self.text)

    def vba_add(self, key: object, item: object) -> None:
        k = self._k(key)
        if k in self.data:
            raise VbaError(457)
        self.data[k] = [key, item]

    def vba_item(self, key: object) -> object:
        k = self._k(key)
        entry = self.data.get(k)
        if entry is None:
            self.data[k] = [key, Empty]
            return Empty
        return entry[1]

    def vba_let_item(self, key: object, value: object) -> None:
        k = self._k(key)
        entry = self.data.get(k)
        if entry is None:
            self.data[k] = [key, value]
        else:
            entry[1] = value

    def vba_exists(self, key: object) -> bool:
        return self._k(key) in self.data

    def vba_remove(self, key: object) -> None:
        k = self._k(key)
        if k not in self.data:
            raise VbaError(32811, "Element not found")
        del self.data[k]

    def vba_removeall(self) -> None:
        self.data.clear()

    def vba_count(self) -> int:
        return len(self.data)

    def vba_keys(self) -> VbaArray:
        return VbaArray.from_list([k for k, _ in self.data.values()])

    def vba_items(self) -> VbaArray:
        return VbaArray.from_list([v for _, v in self.data.values()])

    def vba_let_key(self, key: object, new_key: object) -> None:
        k = self._k(key)
        if k not in self.data:
            raise VbaError(32811, "Element not found")
        nk = self._k(new_key)
        if nk in self.data:
            raise VbaError(457)
        entry = self.data.pop(k)
        self.data[nk] = [new_key, entry[1]]

    def vba_comparemode(self) -> int:
        return 1 if self.text else 0

    def vba_let_comparemode(self, mode: object) -> None:
        if self.data:
            raise VbaError(5)
        self.text = to_long(mode) == 1


# --------------------------------------------------------------------------- Err


class ErrObject(NativeObject):
    """The Err object ("Err object" page): Number is the default member; Raise and Clear."""

    vba_typename = "ErrObject"
    vba_default_member = "number"

    def __init__(self, project_name: str = "VBAProject") -> None:
        self.project_name = project_name
        self.clear()

    def clear(self) -> None:
        self.number = 0
        self.description = ""
        self.source = ""
        self.helpfile = ""
        self.helpcontext = 0
        self.line = 0

    def capture(self, error: VbaError) -> None:
        self.number = error.number
        self.description = error.description
        self.source = error.source or self.project_name

    def vba_number(self) -> int:
        return self.number

    def vba_let_number(self, v: object) -> None:
        self.number = to_long(v)
        if not self.description:
            from .values import error_message

            self.description = error_message(self.number)

    def vba_description(self) -> str:
        return self.description

    def vba_let_description(self, v: object) -> None:
        self.description = to_string(v)

    def vba_source(self) -> str:
        return self.source

    def vba_let_source(self, v: object) -> None:
        self.source = to_string(v)

    def vba_helpfile(self) -> str:
        return self.helpfile

    def vba_let_helpfile(self, v: object) -> None:
        self.helpfile = to_string(v)

    def vba_helpcontext(self) -> int:
        return self.helpcontext

    def vba_let_helpcontext(self, v: object) -> None:
        self.helpcontext = to_long(v)

    def vba_lastdllerror(self) -> int:
        return 0

    def vba_clear(self) -> None:
        self.clear()

    def vba_raise(
        self,
        number: object,
        source: object = MISSING,
        description: object = MISSING,
        helpfile: object = MISSING,
        helpcontext: object = MISSING,
    ) -> None:
        n = to_long(number)
        desc = None if description is MISSING else to_string(description)
        src = "" if source is MISSING else to_string(source)
        raise VbaError(n, desc, src or self.project_name)


def compare_text(a: str, b: str, text: bool) -> int:
    """Re-export for objects sorting keys under Option Compare."""
    return compare_strings(a, b, text)
