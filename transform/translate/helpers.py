"""Helpers translated code calls besides the value library: the Err object and error
catching, late-bound member access, indexing, For Each, objects (Collection, Dictionary,
translated classes, events), Static-free file I/O, the settings store of SaveSetting and
GetSetting, IIf/Choose (Excel binding: workbook.py).

Why a separate module: these are the translation's side of VBA semantics (the
interpreter has its own frames and cells); they are built on the same value library
(`transform.runtimes.vba`), so both sides share one definition of each behaviour. The
support package generator copies this file as `vba_support/helpers.py`, rewriting the
absolute imports below into relative ones.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from transform.runtimes.vba import objects
from transform.runtimes.vba.arrays import VbaArray
from transform.runtimes.vba.coerce import to_boolean, to_long
from transform.runtimes.vba.objects import OMITTED, Collection, Dictionary, ErrObject
from transform.runtimes.vba.values import MISSING, Empty, Nothing, VbaError, VbaObject

__all__ = [
    "ERRORS",
    "EndProgram",
    "clears_err",
    "end_program",
    "stop",
    "Collection",
    "Dictionary",
    "EventSource",
    "VbaClass",
    "VbaForm",
    "VbaType",
    "app",
    "byte_len",
    "command",
    "call",
    "catch",
    "choose",
    "create_object",
    "deletesetting",
    "dll_call",
    "environ",
    "host_function",
    "each",
    "err",
    "effects",
    "erl",
    "ui_effect",
    "rgb",
    "mid_replace",
    "members",
    "let_default",
    "files",
    "get",
    "getallsettings",
    "getsetting",
    "iif",
    "index",
    "let",
    "new_array",
    "raise_error",
    "redim",
    "savesetting",
    "store",
    "truth",
    "wscript",
    "set_arguments",
    "start_script",
]

ERRORS = (VbaError, ArithmeticError, LookupError, TypeError, AttributeError)
"""What an On Error handler catches: VBA's errors and the Python errors idiomatic
translated code raises for the same failures (never NotImplementedError: a handler
must not hide a translation gap)."""

err = ErrObject()
"""The Err object of the translated program (one per program, as in VBA)."""

_NATIVE_ERRORS: dict[type, int] = {
    ZeroDivisionError: 11,
    OverflowError: 6,
    IndexError: 9,
    TypeError: 13,
    AttributeError: 438,
}


_last_error_line = [0]


def erl() -> int:
    """Erl: the line number the last caught error happened after ("Erl function"); 0
    when its procedure has no line numbers."""
    return _last_error_line[0]


def catch(exc: BaseException, line: int = 0) -> None:
    """Record a caught exception in Err, as an active `On Error` handler does (`line`:
    the last line number passed before it, for Erl).

    VBA errors keep their number; Python's own errors from idiomatic code map to the VBA
    error the same operation raises (division by zero 11, overflow 6, ...). Anything
    else — notably `NotImplementedError` from untranslated code — is re-raised: a
    handler must never hide a translation gap.
    """
    if not isinstance(exc, NotImplementedError):
        _last_error_line[0] = line
    if isinstance(exc, VbaError):
        err.capture(exc)
        return
    for kind, number in _NATIVE_ERRORS.items():
        if isinstance(exc, kind) and not isinstance(exc, NotImplementedError):
            err.capture(VbaError(number))
            return
    raise exc


def raise_error(
    number: object, source: object = MISSING, description: object = MISSING, *_: object
) -> None:
    """Err.Raise: VBA's standard message when no description is given."""
    err.vba_raise(number, source, description)


def truth(value: object) -> bool:
    """The value of an If/While/Until condition (MS-VBAL 5.6.16.3 <boolean-expression>):
    Null counts as False, anything else is Let-coerced to Boolean (an object through its
    default member)."""
    from transform.runtimes.vba.values import Null

    if value is True or value is False:
        return value
    if value is Null:
        return False
    return to_boolean(objects.scalar(value))


def iif(condition: object, true_part: object, false_part: object) -> object:
    """IIf evaluates both parts (they are arguments) and returns one; its condition reads
    like an If condition (Null is False)."""
    return true_part if truth(condition) else false_part


def choose(position: object, *choices: object) -> object:
    """Choose(n, ...): the n-th choice (1-based), Null outside the range."""
    from transform.runtimes.vba.values import Null

    n = to_long(position)
    return choices[n - 1] if 1 <= n <= len(choices) else Null


# --------------------------------------------------------------------------- objects


class VbaClass(VbaObject):
    """Base of translated class modules: answers the interpreter's member protocol
    (`vba_get`/`vba_let`/`vba_set` with lower-case VBA names) by Python attributes, so
    late-bound code and library helpers (default members, For Each) see the same
    members typed code calls directly. `vba_members` maps lower-case VBA names to
    Python names; the translator generates it."""

    vba_members: dict[str, str] = {}
    vba_default_member: str | None = None

    def vba_default(self) -> object:
        """The default member's value (`"" & obj` reads it), error 438 without one."""
        if self.vba_default_member is None:
            raise VbaError(438)
        return self.vba_get(self.vba_default_member, [])

    @classmethod
    def default(cls) -> Any:
        """The predeclared instance (document modules, forms): made on first use."""
        if "_vba_default" not in cls.__dict__:
            cls._vba_default = cls()
        return cls.__dict__["_vba_default"]

    @property
    def vba_typename(self) -> str:  # type: ignore[override]
        return type(self).__name__

    def _python(self, name: str) -> str:
        attribute = self.vba_members.get(name.lower())
        if attribute is None:
            raise VbaError(438)
        return attribute

    def vba_get(self, name: str, args: list, kw: dict | None = None) -> object:
        value = getattr(self, self._python(name))
        values = [objects.deref(a) for a in args]
        if callable(value):
            return value(*values, **(kw or {}))
        return objects.index_value(value, values) if values else value

    def vba_let(self, name: str, args: list, value: object) -> None:
        if args:
            objects.store_index(getattr(self, self._python(name)), list(args), value)
            return
        setattr(self, self._python(name), value)

    vba_set = vba_let


class VbaForm(VbaClass):
    """Base of translated forms and user controls, run headless as in the oracle
    (`transform.runtimes.vba.forms`): a member the form's code does not define is one
    of its controls (made on first use), a form property, `UserControl`, or a
    screen-only method recorded in `effects` (Show, Hide, ...)."""

    def vba_get(self, name: str, args: list, kw: dict | None = None) -> object:
        if name.lower() in self.vba_members:
            return super().vba_get(name, args, kw)
        from transform.runtimes.vba.forms import form_member

        values = [objects.deref(a) for a in args]
        return form_member(self.__dict__, type(self).__name__, _effect, name.lower(), values)

    def vba_let(self, name: str, args: list, value: object) -> None:
        if name.lower() in self.vba_members:
            super().vba_let(name, args, value)
            return
        from transform.runtimes.vba.forms import form_member

        values = [objects.deref(a) for a in args]
        form_member(self.__dict__, type(self).__name__, _effect, name.lower(), values, value)

    vba_set = vba_let


class VbaType:
    """Base of translated user-defined Types (dataclasses): assignment copies a Type
    value (MS-VBAL 5.4.3.1), which the translation writes as `.copy()`."""

    def copy(self) -> Any:
        clone = object.__new__(type(self))
        for name, value in vars(self).items():
            if isinstance(value, (VbaArray, VbaType)):
                value = value.copy()
            object.__setattr__(clone, name, value)
        return clone


class EventSource:
    """Events of a translated class (`Event`/`RaiseEvent`), in a simple form: a
    listener's `WithEvents` variable subscribes it under a prefix, and `RaiseEvent X`
    calls `listener.<prefix>_x(...)` on each subscriber that defines it, in
    subscription order. ByRef event arguments come back as the handler's return value
    (the translation's ByRef convention) and are returned to the raiser."""

    def _listeners(self) -> list[tuple[Any, str]]:
        if "_vba_listeners" not in self.__dict__:
            self.__dict__["_vba_listeners"] = []
        return self.__dict__["_vba_listeners"]

    def raise_event(self, handler: str, args: tuple, byref: tuple[int, ...] = ()) -> Any:
        values = list(args)
        for listener, prefix in list(self._listeners()):
            method = getattr(listener, f"{prefix}_{handler}", None)
            if method is None:
                continue
            returned = method(*values)
            if returned is not None and byref:
                new = returned if isinstance(returned, tuple) else (returned,)
                for position, value in zip(byref, new, strict=False):
                    values[position] = value
        picked = tuple(values[p] for p in byref)
        return picked[0] if len(picked) == 1 else (picked or None)


def rebind_events(listener: Any, prefix: str, old: object, new: object) -> object:
    """Assigning a WithEvents variable: unsubscribe from the old source, subscribe to
    the new one. Returns the new value to store."""
    if isinstance(old, EventSource):
        old._listeners()[:] = [
            pair for pair in old._listeners() if not (pair[0] is listener and pair[1] == prefix)
        ]
    if isinstance(new, EventSource):
        new._listeners().append((listener, prefix))
    return new


def members(mapping: dict[str, str]) -> Any:
    """A translated class's VBA-name → Python-name table, read-only."""
    from types import MappingProxyType

    return MappingProxyType(mapping)


def create_object(progid: object) -> object:
    """CreateObject for the library objects the translation supports."""
    name = str(progid).lower()
    if name == "scripting.dictionary":
        return Dictionary()
    if name == "vba.collection":
        return Collection()
    if name in ("scripting.filesystemobject", "vbscript.regexp"):
        from transform.runtimes.vba.hostlib import create_object as library_object

        return library_object(wscript.rt, name)  # the sandboxed file layer, as in the oracle
    raise VbaError(429)


def get(obj: object, name: str, *args: object) -> object:
    """`obj.Name(args)` read or method call, late bound (Object/Variant receivers)."""
    if obj is Nothing or obj is Empty or obj is None:
        raise VbaError(91)
    return objects.member_get(obj, name.lower(), [a for a in args if a is not OMITTED])


def call(obj: object, name: str, *args: object, **named: object) -> object:
    """`obj.Name args` as a statement or with named arguments, late bound."""
    if obj is Nothing or obj is Empty or obj is None:
        raise VbaError(91)
    kw = {k.lower(): v for k, v in named.items()} or None
    return objects.member_get(obj, name.lower(), list(args), kw)


def let(obj: object, name: str, value: object, *args: object) -> None:
    """`obj.Name(args) = value`, late bound."""
    if obj is Nothing or obj is Empty or obj is None:
        raise VbaError(91)
    objects.member_let(obj, name.lower(), list(args), value)


def set_(obj: object, name: str, value: object, *args: object) -> None:
    """`Set obj.Name(args) = value`, late bound."""
    if obj is Nothing or obj is Empty or obj is None:
        raise VbaError(91)
    objects.member_set(obj, name.lower(), list(args), value)


def let_default(obj: object, value: object) -> None:
    """`p = value` on an object: Let on its default member (e.g. ReturnBoolean.Value)."""
    objects.default_let(obj, [], value)


def index(value: object, *args: object) -> object:
    """`v(i, j)` on a variable: an array element (VBA bounds, error 9 outside) or the
    default member of an object (Collection/Dictionary item, class Item)."""
    return objects.index_value(value, list(args))


def store(value: object, args: tuple, item: object) -> None:
    """`v(i, j) = item`: array element (Let-coerced to the element type) or default
    member."""
    objects.store_index(value, list(args), item)


def each(value: object) -> Iterator[object]:
    """For Each: array elements in storage order, Collection items, Dictionary keys,
    a translated class's `__iter__` (its NewEnum)."""
    if value is Nothing or value is Empty or value is None:
        raise VbaError(91 if value is not Empty else 92)
    try:
        return iter(list(value))  # type: ignore[call-overload]
    except TypeError:
        raise VbaError(438) from None


def new_array(*bounds: tuple[int, int], default: object = Empty, fixed: bool = True) -> VbaArray:
    """`Dim a(1 To 12) As T`: an array with VBA bounds, elements at the type's default."""
    return VbaArray([(to_long(lo), to_long(hi)) for lo, hi in bounds], fixed=fixed, default=default)


def redim(
    array: object, *bounds: tuple[int, int], preserve: bool = False, default: object = Empty
) -> VbaArray:
    """ReDim [Preserve]: the same array resized (a new one for an unallocated Variant)."""
    if not isinstance(array, VbaArray):
        array = VbaArray(None, default=default)
    array.redim([(to_long(lo), to_long(hi)) for lo, hi in bounds], preserve=preserve)
    return array


def mid_replace(target: object, start: object, *rest: object) -> str:
    """Mid statement: `Mid(s, start[, n]) = value` replaces in place, same length."""
    from transform.runtimes.vba.strings import mid_assign

    if len(rest) == 2:
        return mid_assign(str(target), start, rest[1], rest[0])
    return mid_assign(str(target), start, rest[0])


effects: list[dict] = []
"""What the program asked of its user interface (Beep, Unload, PropertyChanged): there
is no screen in translated code, so these are recorded in order, as the oracle records
them, and not performed."""


def ui_effect(kind: str, *args: object) -> None:
    effects.append({"kind": kind, "args": list(args)})


def _effect(kind: str, **details: object) -> None:
    effects.append({"kind": kind, **details})


def clears_err(procedure: Callable[..., Any]) -> Callable[..., Any]:
    """A procedure with an On Error statement resets Err when it returns (VBA reference,
    "Err object": its properties are reset after Exit Sub/Function within an
    error-handling routine; the oracle clears Err whenever such a procedure returns), so
    its caller never sees an error the procedure handled."""

    @functools.wraps(procedure)
    def run(*args: Any, **kwargs: Any) -> Any:
        result = procedure(*args, **kwargs)
        err.clear()
        return result

    return run


class EndProgram(SystemExit):
    """VBA's End statement: the program stops at once, no error, no handler can catch it
    (VBA reference, "End statement"). A SystemExit, so a translated program run as a
    script just ends; the characterization harness reads it as the oracle's end of run."""

    def __init__(self) -> None:
        super().__init__(0)


def end_program() -> None:
    raise EndProgram()


def stop(line: int) -> None:
    """VBA's Stop statement: in a compiled program (and in the oracle) it suspends nothing;
    the oracle records that it was reached, and so do we."""
    _effect("stop", line=line)


def dll_call(name: str, *args: object) -> int:
    """A Declare'd DLL procedure: recorded in `effects` and not performed, returning 0,
    exactly as the interpreter's sandbox treats it (the oracle runs no DLL either)."""
    from transform.runtimes.vba.hostlib import dll_call as sandboxed

    return sandboxed(_effect, name, [objects.deref(a) for a in args])


def environ(*args: object) -> str:
    """Environ / Environ$: the oracle's fixed, harmless environment (USERNAME "user",
    TEMP in the working folder ...); the host's is never read, as in the interpreter."""
    from types import SimpleNamespace

    from transform.runtimes.vba.hostlib import environ as sandboxed

    return sandboxed(SimpleNamespace(sandbox=files.box), None, *args)


def savesetting(appname: object, section: object, key: object, setting: object) -> None:
    """SaveSetting: into the program's own settings store, never the host's registry,
    recorded in `effects` (transform/runtimes/vba/registry.py, the oracle's store)."""
    files.box.settings.save(_effect, appname, section, key, setting)


def getsetting(appname: object, section: object, key: object, default: object = "") -> str:
    """GetSetting(appname, section, key[, default]) from the program's settings store."""
    return files.box.settings.get(_effect, appname, section, key, default)


def getallsettings(appname: object, section: object) -> object:
    """GetAllSettings(appname, section): (0 To n - 1, 0 To 1) keys and values, or Empty."""
    return files.box.settings.get_all(_effect, appname, section)


def deletesetting(appname: object, section: object, key: object = MISSING) -> None:
    """DeleteSetting appname, section[, key]: error 5 for a section or key not saved."""
    files.box.settings.delete(_effect, appname, section, key)


def host_function(name: str, *args: object) -> object:
    """Shell, SendKeys, AppActivate: sandboxed exactly as in the interpreter (recorded in
    `effects` with the command, not performed; Shell gives 0 as the task id)."""
    from types import SimpleNamespace

    from transform.runtimes.vba.hostlib import RUNTIME_BUILTINS

    host = SimpleNamespace(effect=_effect, sandbox=files.box)
    return RUNTIME_BUILTINS[name](host, None, *args)


def _app() -> Any:
    from transform.runtimes.vba.hostlib import AppObject

    return AppObject(_effect)


app = _app()
"""VB6's App object, sandboxed as in the oracle: App.Path is the fixed name of the
program's folder (paths under it are the working folder), LogEvent is recorded."""

_program: dict[str, str] = {"command": ""}


def command() -> str:
    """Command$: the program's command-line arguments; "" unless the program's launcher
    sets them (`set_command`), as the oracle runs without a command line."""
    return _program["command"]


def set_command(arguments: str) -> None:
    _program["command"] = str(arguments)


class _Script:
    """What the oracle's WScript object reads of its run, for a translated script:
    Echo prints a line, Quit ends the program (SystemExit with the code), Arguments are
    those `set_arguments` gives (none by default, as the oracle runs without them), the
    script's own path is in the working folder (the oracle's sandbox)."""

    def __init__(self) -> None:
        self.script_args: list[str] = []
        self.exit_code: int | None = None
        self.name = "script.vbs"

    def echo(self, line: str) -> None:
        print(line)

    def effect(self, kind: str, **details: object) -> None:
        _effect(kind, **details)

    @property
    def sandbox(self) -> Any:
        return files.box


def _wscript() -> Any:
    from transform.runtimes.vba.hostlib import WScriptObject

    class WScript(WScriptObject):
        def _script(self) -> str:
            return self.rt.name

        def vba_quit(self, code: object = 0) -> None:
            raise SystemExit(to_long(code))

    return WScript(_Script())


wscript = _wscript()
"""VBScript's WScript object (hostlib.WScriptObject, the oracle's) over `_Script`."""


def start_script(script: str) -> None:
    """A translated script run as a program: WScript.Arguments are its command line,
    WScript.ScriptName its legacy file name."""
    import sys

    set_arguments(*sys.argv[1:], script=script)


def set_arguments(*arguments: str, script: str | None = None) -> None:
    """WScript.Arguments (and WScript.ScriptName) of a translated script's run."""
    wscript.rt.script_args = [str(a) for a in arguments]
    if script is not None:
        wscript.rt.name = script


def byte_len(value: object) -> int:
    """Len of a user-defined Type: its size as a file record (what `Open ... Len =
    Len(rec)` needs), the same count the oracle's sandbox uses."""
    from transform.runtimes.vba.sandbox import byte_length

    return byte_length(value)


def rgb(red: object, green: object, blue: object) -> int:
    """RGB(r, g, b) = r + 256 * g + 65536 * b, each clamped to 0..255 ("RGB function")."""
    parts = [min(255, max(0, to_long(v))) for v in (red, green, blue)]
    return parts[0] + 256 * parts[1] + 65536 * parts[2]


# --------------------------------------------------------------------------- files


class _Effects:
    """Effects the sandboxed file layer records (paths outside the working folder)."""

    def __init__(self) -> None:
        self.recorded: list[dict] = []

    def effect(self, kind: str, **details: object) -> None:
        self.recorded.append({"kind": kind, **details})


class _Files:
    """VBA file numbers (Open/Print #/Write #/Input #/Line Input #/Close/FreeFile/EOF)
    over the library's file layer, rooted at the current directory."""

    def __init__(self) -> None:
        self._box: Any = None
        self.effects = _Effects()

    @property
    def box(self) -> Any:
        if self._box is None:
            from transform.runtimes.vba.sandbox import Sandbox

            self._box = Sandbox(Path.cwd(), self.effects)
        return self._box

    def open(self, path: object, mode: str, number: object, record_length: object = None) -> None:
        self.box.open(str(path), mode, "", number, record_length)

    def close(self, *numbers: object) -> None:
        self.box.close(list(numbers))

    def print_(self, number: object, *items: object) -> None:
        self.box.print_to(number, list(items))

    def write(self, number: object, *values: object) -> None:
        self.box.write_to(number, list(values))

    def line_input(self, number: object) -> str:
        return self.box.line_input(number)

    def input_(self, number: object) -> object:
        return self.box.input_item(number)

    def freefile(self) -> int:
        return self.box.freefile()

    def eof(self, number: object) -> bool:
        return self.box.eof(number)

    def lof(self, number: object) -> int:
        return self.box.lof(number)

    def kill(self, pattern: object) -> None:
        self.box.kill(pattern)

    def mkdir(self, path: object) -> None:
        self.box.mkdir(path)

    def dir(self, pattern: object = MISSING, attributes: object = 0) -> str:
        return self.box.dir(pattern, 0 if attributes is MISSING else attributes)

    def rmdir(self, path: object) -> None:
        self.box.rmdir(path)

    def filecopy(self, source: object, destination: object) -> None:
        self.box.filecopy(source, destination)

    def put(self, number: object, record: object, value: object) -> None:
        """Put #n, [record], value: binary form of the value at the record (Random) or
        byte position (Binary), or at the current position."""
        self.box.put(number, None if record is MISSING else record, value)

    def get(self, number: object, record: object, current: object) -> object:
        """Get #n, [record], variable: a value shaped like the variable's, read back."""
        return self.box.get(number, None if record is MISSING else record, current)


files = _Files()
