"""SaveSetting, GetSetting, GetAllSettings and DeleteSetting over an in-memory settings store.

Why not the registry: running legacy code must never touch the host. VBA keeps these
settings under HKEY_CURRENT_USER\\Software\\VB and VBA Program Settings\\appname\\section;
here each run has its own empty store (held by its sandbox, sandbox.py, so the interpreter
and translated code start every run the same way), and every call is recorded as an effect
(``savesetting``, ``getsetting``, ``getallsettings``, ``deletesetting``) with its names and
value, the same in the interpreter (hostlib.py) and the support package (helpers.py).

Names compare ignoring case and keep the spelling they were first saved with, as registry
keys and value names do; settings are kept as Strings (the registry value is a string) in
the order they were first saved.
"""

from __future__ import annotations

from collections.abc import Callable

from .arrays import VbaArray
from .coerce import to_string
from .values import Empty, Missing, VbaError

Effect = Callable[..., None]


class _Names(dict):
    """A dict keyed by a name ignoring case, remembering each name's first spelling."""

    def find(self, name: str) -> tuple[str, object] | None:
        return super().get(name.lower())

    def put(self, name: str, value: object) -> None:
        entry = super().get(name.lower())
        self[name.lower()] = (entry[0] if entry else name, value)


class Settings:
    """The settings store of one run: appname -> section -> key -> String."""

    def __init__(self) -> None:
        self.apps = _Names()

    def _section(self, appname: str, section: str) -> _Names | None:
        app = self.apps.find(appname)
        found = app[1].find(section) if app else None
        return found[1] if found else None

    def save(self, effect: Effect, appname: object, section: object, key: object, setting):
        """SaveSetting appname, section, key, setting: creates what is missing."""
        app, sec, name, value = (to_string(v) for v in (appname, section, key, setting))
        effect("savesetting", appname=app, section=sec, key=name, setting=value)
        if self.apps.find(app) is None:
            self.apps.put(app, _Names())
        sections = self.apps.find(app)[1]
        if sections.find(sec) is None:
            sections.put(sec, _Names())
        sections.find(sec)[1].put(name, value)

    def get(self, effect: Effect, appname: object, section: object, key: object, default="") -> str:
        """GetSetting(appname, section, key[, default]): the saved String, else default
        ("" if omitted) as a String ("If any of the items named in the GetSetting arguments
        don't exist, GetSetting returns the value of default")."""
        app, sec, name = (to_string(v) for v in (appname, section, key))
        keys = self._section(app, sec)
        found = keys.find(name) if keys is not None else None
        if found is not None:
            value = found[1]
        else:
            value = "" if default is None or isinstance(default, Missing) else to_string(default)
        effect("getsetting", appname=app, section=sec, key=name, value=value)
        return value

    def get_all(self, effect: Effect, appname: object, section: object) -> object:
        """GetAllSettings(appname, section): a two-dimensional array of the section's keys
        and values, (0 To count - 1, 0 To 1) as the page's example indexes it (key in
        column 0, value in column 1); Empty if the application, the section or any key in
        it does not exist."""
        app, sec = to_string(appname), to_string(section)
        effect("getallsettings", appname=app, section=sec)
        keys = self._section(app, sec)
        if not keys:
            return Empty
        pairs = list(keys.values())
        table = VbaArray([(0, len(pairs) - 1), (0, 1)])
        for row, (name, value) in enumerate(pairs):
            table.set((row, 0), name)
            table.set((row, 1), value)
        return table

    def delete(self, effect: Effect, appname: object, section: object, key: object = None):
        """DeleteSetting appname, section[, key]: the key, or the whole section with its
        keys; error 5 if it does not exist ("A run-time error occurs if you attempt to use
        the DeleteSetting statement on a non-existent section or key setting")."""
        app, sec = to_string(appname), to_string(section)
        name = None if key is None or isinstance(key, Missing) else to_string(key)
        effect("deletesetting", appname=app, section=sec, key=name)
        found = self.apps.find(app)
        sections = found[1] if found else None
        keys = self._section(app, sec)
        if keys is None:
            raise VbaError(5)
        if name is None:
            del sections[sec.lower()]
            return
        if keys.find(name) is None:
            raise VbaError(5)
        del keys[name.lower()]
