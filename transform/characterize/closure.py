"""The modules one procedure's run can need, so that each recorded case builds a project
of those modules alone.

Why: every case runs in a fresh project (module state must not leak between cases), and
building a project costs time in proportion to its modules; over a repository of hundreds
of modules that made characterization quadratic. The closure is lexical and conservative:
a module needs every module that provides a name written anywhere in its text (code,
strings and comments alike, so `Application.Run "Proc"` and `CallByName` keep their
targets), transitively. A standard module provides its name and public members; a class,
form or document module provides its name (its members are reached through an instance,
whose creation names the class) and its public Enums and Types. A VBScript file is a
program of its own: its closure is itself, and no VBA closure includes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from transform.parse import vba_ast as A

# A name, and whether a `.` or `!` comes right before it (a member access).
WORD = re.compile(r"([.!]\s*)?([A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*)")
NOT_PUBLIC = ("private",)


class ModuleClosures:
    """``of(module)``: the modules (in project order) a run inside ``module`` can touch."""

    def __init__(self, modules: Sequence[A.Module], texts: Sequence[str]) -> None:
        self.modules = list(modules)
        self._words = [_words(text, own_names(m)) for m, text in zip(modules, texts, strict=True)]
        self._by_module_name: dict[str, list[int]] = {}
        self._by_member: dict[str, list[int]] = {}
        for position, module in enumerate(self.modules):
            if module.kind != "script":
                self._by_module_name.setdefault(module.name.lower(), []).append(position)
                for name in {n.lower() for n in provided_names(module)}:
                    self._by_member.setdefault(name, []).append(position)
        self._cache: dict[tuple[int, ...], list[A.Module]] = {}

    def of(self, module: A.Module, also: Iterable[str] = ()) -> list[A.Module]:
        """``also``: names of further modules the run needs with their own closures (the
        classes of object arguments: an interface parameter may receive a class the
        procedure's module never names)."""
        position = next(i for i, m in enumerate(self.modules) if m is module)
        extra = sorted({p for name in also for p in self._by_module_name.get(name.lower(), ())})
        key = (position, *extra)
        if key not in self._cache:
            reach = self._reach(position)
            for other in extra:
                reach |= self._reach(other)
            self._cache[key] = [self.modules[i] for i in sorted(reach)]
        return self._cache[key]

    def _reach(self, start: int) -> set[int]:
        if self.modules[start].kind == "script":
            return {start}
        seen, todo = {start}, [start]
        while todo:
            bare, after_dot = self._words[todo.pop()]
            found = [self._by_module_name.get(w, ()) for w in bare | after_dot]
            found += [self._by_member.get(w, ()) for w in bare]
            for positions in found:
                for position in positions:
                    if position not in seen:
                        seen.add(position)
                        todo.append(position)
        return seen


def provided_names(module: A.Module) -> Iterable[str]:
    """Names other modules can use to reach into ``module``, besides its own name."""
    standard = module.kind == "standard"
    for d in module.declarations:
        public = getattr(d, "visibility", "") not in NOT_PUBLIC
        if isinstance(d, A.EnumDef) and public:
            yield d.name
            yield from (m.name for m in d.members)
        elif isinstance(d, A.TypeDef) and public:
            yield d.name
        elif not standard:
            continue
        elif isinstance(d, A.Dim) and d.keyword in ("public", "global"):
            yield from (v.name for v in d.variables)
        elif isinstance(d, A.Const) and public:
            yield from (c.name for c in d.constants)
        elif isinstance(d, A.Declare) and public:
            yield d.name
    if standard:
        yield from (p.name for p in module.procedures if p.visibility not in NOT_PUBLIC)


def own_names(module: A.Module) -> set[str]:
    """Names a module declares for itself at any visibility: inside the module they hide
    other modules' names (MS-VBAL 5.6.10 simple name expressions look in the enclosing
    module before the project)."""
    names = {p.name for p in module.procedures}
    for d in module.declarations:
        if isinstance(d, A.Dim):
            names |= {v.name for v in d.variables}
        elif isinstance(d, A.Const):
            names |= {c.name for c in d.constants}
        elif isinstance(d, (A.Declare, A.TypeDef, A.EnumDef)):
            names.add(d.name)
    return {n.lower() for n in names}


def _words(text: str, own: set[str]) -> tuple[set[str], set[str]]:
    """Names written bare (other than the module's own), and names written after `.` or
    `!`: ``c.Bump`` calls the object's Bump, not a module's, though a module's own name
    counts even there (``VBAProject.Tools.Run``)."""
    bare: set[str] = set()
    after_dot: set[str] = set()
    for dot, word in WORD.findall(text):
        (after_dot if dot else bare).add(word.lower())
    return bare - own, after_dot
