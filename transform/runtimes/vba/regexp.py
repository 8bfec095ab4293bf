"""VBScript.RegExp ("Regular Expression (RegExp) object" page of the VBScript reference):
Pattern, IgnoreCase, Global, MultiLine, Test, Execute, Replace.

Why here: VBA code reaches it through CreateObject("VBScript.RegExp") and VBScript
through ``New RegExp``; its pattern language is close enough to Python's ``re``
that only the replacement syntax ($1, $&) needs translating.
"""

from __future__ import annotations

import re

from .arrays import VbaArray
from .coerce import to_boolean, to_long, to_string
from .objects import NativeObject
from .values import Empty, VbaError


class RegExp(NativeObject):
    vba_typename = "IRegExp2"

    def __init__(self) -> None:
        self.pattern = ""
        self.ignorecase = False
        self.global_ = False
        self.multiline = False

    def _compiled(self) -> re.Pattern[str]:
        flags = (re.IGNORECASE if self.ignorecase else 0) | (re.MULTILINE if self.multiline else 0)
        try:
            return re.compile(self.pattern, flags)
        except re.error:
            raise VbaError(5017, "Syntax error in regular expression") from None

    def vba_pattern(self) -> str:
        return self.pattern

    def vba_let_pattern(self, v: object) -> None:
        self.pattern = to_string(v)

    def vba_ignorecase(self) -> bool:
        return self.ignorecase

    def vba_let_ignorecase(self, v: object) -> None:
        self.ignorecase = to_boolean(v)

    def vba_global(self) -> bool:
        return self.global_

    def vba_let_global(self, v: object) -> None:
        self.global_ = to_boolean(v)

    def vba_multiline(self) -> bool:
        return self.multiline

    def vba_let_multiline(self, v: object) -> None:
        self.multiline = to_boolean(v)

    def vba_test(self, text: object) -> bool:
        return self._compiled().search(to_string(text)) is not None

    def vba_execute(self, text: object) -> MatchCollection:
        s = to_string(text)
        rx = self._compiled()
        found = list(rx.finditer(s)) if self.global_ else [m for m in [rx.search(s)] if m]
        return MatchCollection([Match(m) for m in found])

    def vba_replace(self, text: object, replacement: object) -> str:
        repl = _python_replacement(to_string(replacement))
        return self._compiled().sub(repl, to_string(text), count=0 if self.global_ else 1)


def _python_replacement(text: str) -> str:
    """$1..$99 → \\g<1>, $& → \\g<0>, $$ → $; backslashes are literal."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            out.append("\\\\")
        elif ch == "$" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt.isdigit():
                j = i + 1
                while j < len(text) and text[j].isdigit() and j < i + 3:
                    j += 1
                out.append(f"\\g<{text[i + 1 : j]}>")
                i = j
                continue
            if nxt == "&":
                out.append("\\g<0>")
                i += 2
                continue
            if nxt == "$":
                out.append("$")
                i += 2
                continue
            out.append("$")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


class Match(NativeObject):
    vba_typename = "IMatch2"
    vba_default_member = "value"

    def __init__(self, m: re.Match[str]) -> None:
        self.m = m

    def vba_value(self) -> str:
        return self.m.group(0)

    def vba_firstindex(self) -> int:
        return self.m.start()

    def vba_length(self) -> int:
        return len(self.m.group(0))

    def vba_submatches(self, index: object = None) -> object:
        groups = [g if g is not None else Empty for g in self.m.groups()]
        if index is None:
            return SubMatches(groups)
        return groups[to_long(index)]


class SubMatches(NativeObject):
    vba_typename = "ISubMatches"
    vba_default_member = "item"

    def __init__(self, groups: list[object]) -> None:
        self.groups = groups

    def __iter__(self):
        return iter(list(self.groups))

    def vba_item(self, i: object) -> object:
        n = to_long(i)
        if not 0 <= n < len(self.groups):
            raise VbaError(5)
        return self.groups[n]

    def vba_count(self) -> int:
        return len(self.groups)


class MatchCollection(NativeObject):
    vba_typename = "IMatchCollection2"
    vba_default_member = "item"

    def __init__(self, matches: list[Match]) -> None:
        self.matches = matches

    def __iter__(self):
        return iter(list(self.matches))

    def vba_item(self, i: object) -> object:
        n = to_long(i)
        if not 0 <= n < len(self.matches):
            raise VbaError(5)
        return self.matches[n]

    def vba_count(self) -> int:
        return len(self.matches)


__all__ = ["Match", "MatchCollection", "RegExp", "VbaArray"]
