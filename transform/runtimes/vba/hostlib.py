"""Library functions that need the run's state: MsgBox/InputBox (scripted answers),
CreateObject (sandboxed), Shell/SendKeys/Environ (recorded effects), file functions
(delegated to the sandbox), SaveSetting/GetSetting/GetAllSettings/DeleteSetting (the
sandbox's settings store, recorded effects), Err/Erl, IIf/Choose/Switch, CallByName, TypeName of
user types, and the global objects Err, Debug and WScript.

Why separate from builtins.py: those are pure value functions; everything here
reads or records run state, so it takes the Runtime first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import forms
from .arrays import VbaArray
from .coerce import to_long, to_string, typename, vartype
from .info import isobject
from .objects import (
    OMITTED,
    Cell,
    Dictionary,
    NativeObject,
    UdtValue,
    deref,
    member_get,
    member_let,
    truthy,
)
from .values import MISSING, Empty, Null, VbaError, VbaObject


class ScriptQuit(Exception):
    """WScript.Quit: end the script with an exit code."""

    def __init__(self, code: int) -> None:
        self.code = code


def _vals(args: tuple) -> list:
    out = [deref(a) for a in args]
    while out and (out[-1] is MISSING or out[-1] is OMITTED):
        out.pop()
    return out


# --------------------------------------------------------------------------- interaction


def _positional(args: tuple, names: tuple[str, ...], named: dict[str, object]) -> list:
    """Positional arguments with the named ones (`Title:="x"`) put at their places; a
    parameter given neither way is MISSING."""
    values = list(_vals(args))
    values += [MISSING] * (len(names) - len(values))
    for index, name in enumerate(names):
        if named.get(name) is not None:
            values[index] = _vals((named[name],))[0]
    while values and values[-1] is MISSING:
        values.pop()
    return values


def msgbox(
    rt: Any,
    fr: Any,
    *args: object,
    prompt: object = None,
    buttons: object = None,
    title: object = None,
    helpfile: object = None,
    context: object = None,
) -> object:
    """MsgBox(Prompt, Buttons, Title, HelpFile, Context), also with named arguments:
    recorded; the answer is the next scripted response (default vbOK = 1)."""
    named = {"prompt": prompt, "buttons": buttons, "title": title}
    a = _positional(args, ("prompt", "buttons", "title"), named)
    rt.effect(
        "msgbox",
        prompt=to_string(a[0]) if a and a[0] is not MISSING else "",
        buttons=to_long(a[1]) if len(a) > 1 and a[1] is not MISSING else 0,
        title=to_string(a[2]) if len(a) > 2 and a[2] is not MISSING else "",
    )
    if rt.responses:
        return rt.responses.pop(0)
    return 1


def inputbox(
    rt: Any,
    fr: Any,
    *args: object,
    prompt: object = None,
    title: object = None,
    default: object = None,
    xpos: object = None,
    ypos: object = None,
    helpfile: object = None,
    context: object = None,
) -> object:
    """InputBox(Prompt, Title, Default, XPos, YPos, HelpFile, Context), also with named
    arguments: recorded; the answer is the next scripted response (default: Default)."""
    named = {"prompt": prompt, "title": title, "default": default}
    a = _positional(args, ("prompt", "title", "default"), named)
    rt.effect("inputbox", prompt=to_string(a[0]) if a and a[0] is not MISSING else "")
    if rt.responses:
        return to_string(rt.responses.pop(0))
    return to_string(a[2]) if len(a) > 2 and a[2] is not MISSING else ""


def shell(rt: Any, fr: Any, *args: object) -> object:
    a = _vals(args)
    rt.effect("shell", command=to_string(a[0]) if a else "")
    return 0.0


def sendkeys(rt: Any, fr: Any, *args: object) -> object:
    a = _vals(args)
    rt.effect("sendkeys", keys=to_string(a[0]) if a else "")
    return Empty


def appactivate(rt: Any, fr: Any, *args: object) -> object:
    a = _vals(args)
    rt.effect("appactivate", title=to_string(a[0]) if a else "")
    return Empty


def environ(rt: Any, fr: Any, *args: object) -> object:
    """Environ: a fixed, harmless environment (the host's is never read)."""
    a = _vals(args)
    env = {
        "USERNAME": "user",
        "COMPUTERNAME": "SANDBOX",
        "TEMP": rt.sandbox.vba_path("tmp"),
        "TMP": rt.sandbox.vba_path("tmp"),
        "USERPROFILE": rt.sandbox.vba_path(""),
        "OS": "Windows_NT",
        "APPDATA": rt.sandbox.vba_path("AppData"),
    }
    if not a:
        raise VbaError(449)
    key = a[0]
    if isinstance(key, str):
        return env.get(key.upper(), "")
    n = to_long(key)
    items = sorted(env.items())
    return f"{items[n - 1][0]}={items[n - 1][1]}" if 1 <= n <= len(items) else ""


def doevents(rt: Any, fr: Any, *args: object) -> object:
    return 0


def beep(rt: Any, fr: Any, *args: object) -> object:
    rt.effect("beep")
    return Empty


def create_object_fn(rt: Any, fr: Any, *args: object) -> object:
    a = _vals(args)
    return create_object(rt, to_string(a[0]))


def get_object_fn(rt: Any, fr: Any, *args: object) -> object:
    a = _vals(args)
    rt.effect(
        "getobject", path=to_string(a[0]) if a else "", cls=to_string(a[1]) if len(a) > 1 else ""
    )
    raise VbaError(429)


_RECORDED_CLASSES = (
    "wscript.shell",
    "shell.application",
    "msxml2",
    "microsoft.xmlhttp",
    "winhttp",
    "outlook.",
    "cdo.",
    "adodb.",
    "internetexplorer",
    "word.",
    "excel.application",
    "access.",
    "powerpoint.",
    "wscript.network",
    "mapi.",
    "scripting.signer",
)


def create_object(rt: Any, class_name: str) -> object:
    """CreateObject: Dictionary and FileSystemObject work (sandboxed); shell, network,
    mail and Office automation objects are recorded and stand-ins returned."""
    low = class_name.lower()
    if low in ("scripting.dictionary", "dictionary"):
        return Dictionary()
    if low in ("scripting.filesystemobject", "filesystemobject"):
        return rt.sandbox.file_system_object()
    if low in ("vba.collection", "collection"):
        from .objects import Collection

        return Collection()
    if low.startswith("vbscript.regexp") or low == "regexp":
        from .regexp import RegExp

        return RegExp()
    if any(low.startswith(p) for p in _RECORDED_CLASSES):
        rt.effect("createobject", cls=class_name)
        return RecordedObject(rt, class_name)
    rt.effect("createobject", cls=class_name)
    raise VbaError(429)


class RecordedObject(NativeObject):
    """A stand-in for an automation object the sandbox must not create: every member
    access is recorded as an effect and answers Empty."""

    def __init__(self, rt: Any, class_name: str) -> None:
        self.rt = rt
        self.class_name = class_name
        self.vba_typename = class_name.rsplit(".", 1)[-1]

    def vba_get(self, name: str, args: list, kw: dict | None = None) -> object:
        self.rt.effect(
            "call", object=self.class_name, member=name, args=[_show(deref(a)) for a in args]
        )
        return Empty

    def vba_let(self, name: str, args: list, value: object) -> None:
        self.rt.effect("let", object=self.class_name, member=name, value=_show(value))

    vba_set = vba_let


def _show(v: object) -> object:
    if isinstance(v, (str, int, float, bool)):
        return v
    try:
        return to_string(v)
    except VbaError:
        return typename(v)


# --------------------------------------------------------------------------- files


def _sandbox_call(method: str) -> Callable[..., object]:
    def call(rt: Any, fr: Any, *args: object) -> object:
        return getattr(rt.sandbox, method)(*_vals(args))

    call.__name__ = method
    return call


# --------------------------------------------------------------------------- settings


def _required(*values: object) -> list:
    out = [deref(v) for v in values]
    if any(v is MISSING or v is OMITTED for v in out):
        raise VbaError(449)
    return out


def _optional(value: object) -> object:
    value = deref(value)
    return MISSING if value is OMITTED else value


def savesetting(
    rt: Any, fr: Any, appname=MISSING, section=MISSING, key=MISSING, setting=MISSING
) -> object:
    """SaveSetting appname, section, key, setting: into the run's settings store (never
    the host's registry; registry.py), recorded as a ``savesetting`` effect."""
    rt.sandbox.settings.save(rt.effect, *_required(appname, section, key, setting))
    return Empty


def getsetting(
    rt: Any, fr: Any, appname=MISSING, section=MISSING, key=MISSING, default=MISSING
) -> object:
    """GetSetting(appname, section, key[, default]) from the run's settings store."""
    names = _required(appname, section, key)
    return rt.sandbox.settings.get(rt.effect, *names, _optional(default))


def getallsettings(rt: Any, fr: Any, appname=MISSING, section=MISSING) -> object:
    """GetAllSettings(appname, section) from the run's settings store."""
    return rt.sandbox.settings.get_all(rt.effect, *_required(appname, section))


def deletesetting(rt: Any, fr: Any, appname=MISSING, section=MISSING, key=MISSING) -> object:
    """DeleteSetting appname, section[, key] in the run's settings store."""
    names = _required(appname, section)
    rt.sandbox.settings.delete(rt.effect, *names, _optional(key))
    return Empty


# --------------------------------------------------------------------------- misc


def iif(rt: Any, fr: Any, *args: object) -> object:
    """IIf evaluates both parts (they are arguments) and returns one."""
    a = [deref(x) for x in args]
    if len(a) != 3:
        raise VbaError(450)
    return a[1] if truthy(a[0]) else a[2]


def choose(rt: Any, fr: Any, *args: object) -> object:
    a = [deref(x) for x in args]
    n = to_long(a[0]) if a[0] is not Null else 0
    return a[n] if 1 <= n < len(a) else Null


def switch(rt: Any, fr: Any, *args: object) -> object:
    a = [deref(x) for x in args]
    if len(a) % 2:
        raise VbaError(5)
    for i in range(0, len(a), 2):
        if truthy(a[i]):
            return a[i + 1]
    return Null


def erl(rt: Any, fr: Any, *args: object) -> object:
    return rt.erl


def error_fn(rt: Any, fr: Any, *args: object) -> object:
    """Error(n): the message of error n (the current error's without argument)."""
    from .values import error_message

    a = _vals(args)
    if not a:
        return rt.err.description
    n = to_long(a[0])
    return "" if n == 0 else error_message(n)


def typename_fn(rt: Any, fr: Any, *args: object) -> object:
    a = [deref(x) for x in args]
    if len(a) != 1:
        raise VbaError(450)
    v = a[0]
    if v is MISSING:
        return "Error"
    return typename(v)


def vartype_fn(rt: Any, fr: Any, *args: object) -> object:
    v = deref(args[0])
    if isinstance(v, UdtValue):
        return 36
    if v is MISSING:
        return 10
    return vartype(v)


def ismissing_fn(rt: Any, fr: Any, *args: object) -> object:
    return deref(args[0]) is MISSING


def isobject_fn(rt: Any, fr: Any, *args: object) -> object:
    v = deref(args[0])
    return isinstance(v, VbaObject) or isobject(v)


def rgb(rt: Any, fr: Any, *args: object) -> object:
    r, g, b = (max(0, min(255, to_long(deref(x)))) for x in args[:3])
    return r + g * 256 + b * 65536


def callbyname(rt: Any, fr: Any, *args: object) -> object:
    """CallByName(object, procname, calltype, args...): 1 method, 2 Get, 4 Let, 8 Set."""
    obj, name, kind = deref(args[0]), to_string(deref(args[1])).lower(), to_long(deref(args[2]))
    rest = list(args[3:])
    if kind == 4:
        member_let(obj, name, rest[:-1], deref(rest[-1]))
        return Empty
    if kind == 8:
        from .objects import member_set

        member_set(obj, name, rest[:-1], deref(rest[-1]))
        return Empty
    return member_get(obj, name, rest)


_ids: dict[int, int] = {}


def objptr(rt: Any, fr: Any, *args: object) -> object:
    """ObjPtr/StrPtr/VarPtr: stable fake addresses (identity, never real memory)."""
    v = args[0]
    key = id(v.v if isinstance(v, Cell) and not isinstance(deref(v), (str, int, float)) else v)
    return _ids.setdefault(key, 65536 + 16 * len(_ids))


def load_unload(rt: Any, fr: Any, *args: object) -> object:
    rt.effect("load/unload", target=typename(deref(args[0])) if args else "")
    return Empty


def input_fn(rt: Any, fr: Any, *args: object) -> object:
    a = _vals(args)
    return rt.sandbox.input_chars(to_long(a[0]), a[1])


def dll_call(effect: Callable[..., None], name: str, args: list) -> int:
    """A Declare'd DLL procedure, sandboxed: the call is recorded as a ``dll`` effect
    (name and arguments as text) and not performed; it returns 0, the Long a failed or
    absent Win32 call typically gives. The interpreter and translated code share it."""
    texts = []
    for value in args:
        try:
            texts.append(to_string(value))
        except VbaError:
            texts.append(repr(value))
    effect("dll", name=name, args=texts)
    return 0


def command(rt: Any, fr: Any, *args: object) -> object:
    return " ".join(rt.script_args)


def nz(rt: Any, fr: Any, *args: object) -> object:
    a = _vals(args)
    if a and a[0] is Null:
        return a[1] if len(a) > 1 else Empty
    return a[0] if a else Empty


def array_fn(rt: Any, fr: Any, *args: object) -> object:
    return VbaArray.from_list([deref(a) for a in args])


def len_fn(rt: Any, fr: Any, *args: object) -> object:
    """Len: a UDT's length is its record size (what ``Open ... Len = Len(rec)`` needs)."""
    v = deref(args[0]) if args else MISSING
    if isinstance(v, UdtValue):
        from .sandbox import byte_length

        return byte_length(v)
    from .strings import length

    return length(v)


# Looked up before the pure library (they need run state or see UDTs).
OVERRIDES: dict[str, Callable[..., object]] = {"len": len_fn}

RUNTIME_BUILTINS: dict[str, Callable[..., object]] = {
    "msgbox": msgbox,
    "inputbox": inputbox,
    "shell": shell,
    "sendkeys": sendkeys,
    "appactivate": appactivate,
    "environ": environ,
    "environ$": environ,
    "doevents": doevents,
    "beep": beep,
    "createobject": create_object_fn,
    "getobject": get_object_fn,
    "iif": iif,
    "choose": choose,
    "switch": switch,
    "erl": erl,
    "error": error_fn,
    "error$": error_fn,
    "typename": typename_fn,
    "vartype": vartype_fn,
    "ismissing": ismissing_fn,
    "isobject": isobject_fn,
    "rgb": rgb,
    "callbyname": callbyname,
    "objptr": objptr,
    "strptr": objptr,
    "varptr": objptr,
    "load": load_unload,
    "unload": load_unload,
    "input": input_fn,
    "input$": input_fn,
    "command": command,
    "command$": command,
    "nz": nz,
    "savesetting": savesetting,
    "getsetting": getsetting,
    "getallsettings": getallsettings,
    "deletesetting": deletesetting,
}
for _name, _method in {
    "freefile": "freefile",
    "eof": "eof",
    "lof": "lof",
    "loc": "loc",
    "seek": "seek_fn",
    "dir": "dir",
    "dir$": "dir",
    "filelen": "filelen",
    "filedatetime": "filedatetime",
    "getattr": "getattr_fn",
    "setattr": "setattr_fn",
    "curdir": "curdir",
    "curdir$": "curdir",
    "kill": "kill",
    "mkdir": "mkdir",
    "rmdir": "rmdir",
    "chdir": "chdir",
    "chdrive": "chdrive",
    "filecopy": "filecopy",
}.items():
    RUNTIME_BUILTINS[_name] = _sandbox_call(_method)


# --------------------------------------------------------------------------- globals


class DebugObject(NativeObject):
    """Debug as a value (``Debug.Print`` itself is a statement)."""

    vba_typename = "Debug"

    def __init__(self, rt: Any) -> None:
        self.rt = rt

    def vba_print(self, *args: object) -> None:
        self.rt.printer.print_list(list(args))


class WScriptObject(NativeObject):
    """VBScript's WScript: Echo writes a line, Quit ends the script, Arguments."""

    vba_typename = "Object"

    def __init__(self, rt: Any) -> None:
        self.rt = rt

    def vba_echo(self, *args: object) -> None:
        self.rt.echo(" ".join(to_string(a) for a in args))

    def vba_quit(self, code: object = 0) -> None:
        self.rt.exit_code = to_long(code)
        raise ScriptQuit(self.rt.exit_code)

    def vba_arguments(self, index: object = MISSING) -> object:
        args = ScriptArguments(self.rt.script_args)
        return args if index is MISSING else args.vba_item(index)

    def _script(self) -> str:
        for mod in self.rt.project.asts:
            if mod.kind == "script":
                return mod.file.replace("\\", "/").rsplit("/", 1)[-1]
        return "script.vbs"

    def vba_scriptfullname(self) -> str:
        return self.rt.sandbox.vba_path(self._script())

    def vba_scriptname(self) -> str:
        return self._script()

    def vba_sleep(self, ms: object = 0) -> None:
        self.rt.effect("sleep", ms=to_long(ms))

    def vba_stdout(self) -> object:
        return StdOut(self.rt)

    def vba_createobject(self, name: object, prefix: object = MISSING) -> object:
        return create_object(self.rt, to_string(name))


class StdOut(NativeObject):
    def __init__(self, rt: Any) -> None:
        self.rt = rt

    def vba_writeline(self, text: object = "") -> None:
        self.rt.echo(to_string(text))

    def vba_write(self, text: object) -> None:
        self.rt._write(to_string(text))


class ScriptArguments(NativeObject):
    vba_default_member = "item"

    def __init__(self, args: list[str]) -> None:
        self.args = args

    def __iter__(self):
        return iter(list(self.args))

    def vba_item(self, i: object) -> object:
        n = to_long(i)
        if not 0 <= n < len(self.args):
            raise VbaError(9)
        return self.args[n]

    def vba_count(self) -> int:
        return len(self.args)

    vba_length = vba_count


class ModuleObject(NativeObject):
    """A standard module used as a value (``modX.Proc`` through a late-bound name)."""

    def __init__(self, project: Any, mod: Any) -> None:
        self.project = project
        self.mod = mod
        self.vba_typename = mod.name

    def vba_get(self, name: str, args: list, kw: dict | None = None) -> object:
        p = self.mod.proc(name)
        if p is not None:
            return p.invoke(None, args, kw)
        var = self.mod.vars.get(name)
        if var is not None:
            return var[0].v
        raise VbaError(438)


class AppObject(NativeObject):
    """VB6's App object, sandboxed: the program's folder is the sandbox under the fixed
    name ``sandbox.APP_PATH``; the names and version are those of a new project;
    LogEvent is recorded. The interpreter and translated code (``vba.app``) share it."""

    vba_typename = "App"

    def __init__(self, effect: Callable[..., None]) -> None:
        self.effect = effect

    def vba_path(self) -> str:
        from .sandbox import APP_PATH

        return APP_PATH

    def vba_exename(self) -> str:
        return "Project1"

    def vba_title(self) -> str:
        return "Project1"

    def vba_major(self) -> int:
        return 1

    def vba_minor(self) -> int:
        return 0

    def vba_revision(self) -> int:
        return 0

    def vba_previnstance(self) -> bool:
        return False

    def vba_logevent(self, *args: object) -> None:
        self.effect("app.logevent", text=to_string(deref(args[0])) if args else "")


GLOBAL_OBJECTS = {"err", "debug", "wscript", "app"}


def global_object(project: Any, name: str) -> object | None:
    rt = project.rt
    if name == "err":
        return rt.err
    if name == "debug":
        return DebugObject(rt)
    if name == "wscript":
        return WScriptObject(rt)
    if name == "app":
        return AppObject(rt.effect)
    return None


def form_member(inst: Any, name: str, args: list, value: object = MISSING) -> object:
    """Unknown members of a form instance of the interpreter: the headless form of
    forms.py (controls made on first use, screen-only methods recorded)."""
    rt = inst.cls.module.rt
    return forms.form_member(inst.__dict__, inst.cls.name, rt.effect, name, args, value)
