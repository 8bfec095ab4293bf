"""Render the pytest files of DIR/tests from what characterization recorded (Jinja2).

Why the tests load golden JSON at collection time instead of inlining every case: a golden
file recorded elsewhere (real Excel) replaces ours without re-rendering, and the rendered
code stays short enough to read: one call function per procedure, written the way
docs/translation.md says translated code is called.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from .inputs import parameters
from .record import Target

TEMPLATES = Path(__file__).parent / "templates"
HARNESS = Path(__file__).parent / "vba_golden.py"


@dataclass
class TestedProcedure:
    """One rendered test: the target, its golden file and the Python names to call."""

    target: Target
    golden_file: str  # file name inside golden/<module>/
    python_name: str
    python_class: str | None = None

    @property
    def test_name(self) -> str:
        if self.python_class:
            return f"{snake(self.python_class)}_{self.python_name}"
        return self.python_name

    @property
    def signature(self) -> str:
        proc = self.target.proc
        params = ", ".join(
            f"{'ByVal ' if p.mode == 'byval' else ''}{p.name} As {p.type}" for p in parameters(proc)
        )
        returns = f" As {proc.return_type.name}" if proc.return_type else ""
        return f"{self.target.qualified}({params}){returns}"

    @property
    def call_lines(self) -> list[str]:
        """Python that calls the translation: a module function, or a method of a fresh
        instance for class modules (docs/translation.md).  ByRef arguments are read back
        from ``args`` afterwards (arrays and objects are changed in place)."""
        lines = []
        if self.python_class and self.target.module.kind == "document":
            # a document module is one object (the workbook's, a sheet's), as in the oracle
            lines.append(f"instance = module.{self.python_class}.default()")
            callee = f"instance.{self.python_name}"
        elif self.python_class:
            lines.append(f"instance = module.{self.python_class}()")
            callee = f"instance.{self.python_name}"
        else:
            callee = f"module.{self.python_name}"
        call = (
            f"call_with_workbook({callee}, args, workbook)"
            if self.target.excel
            else f"{callee}(*args)"
        )
        if self.target.byref_out:
            function = self.target.proc.kind == "function"
            positions = "(" + "".join(f"{p}, " for p in self.target.byref_out).rstrip(" ") + ")"
            call = f"byref_out({call}, args, {positions}, function={function})"
        lines.append(f"return {call}")
        return lines

    @property
    def byref(self) -> str:
        """``((position, name), ...)`` of the ByRef parameters: the harness reads them back
        from ``args`` after the call, also when it raised."""
        pairs = [
            f"({i}, {p.name!r})"
            for i, p in enumerate(parameters(self.target.proc))
            if p.mode == "byref"
        ]
        return "(" + ", ".join(pairs) + ("," if len(pairs) == 1 else "") + ")"


def snake(name: str) -> str:
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i and (name[i - 1].islower() or name[i - 1].isdigit()):
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render_test_module(
    package: str, module: str, source: str, golden_dir: str, procedures: list[TestedProcedure]
) -> str:
    """The text of tests/test_<module>.py."""
    template = _environment().get_template("test_module.py.j2")
    return template.render(
        package=package,
        module=module,
        source=source,
        golden_dir=golden_dir,
        procedures=procedures,
        excel=any(p.target.excel for p in procedures),
        byref_out=any(p.target.byref_out for p in procedures),
    )


def render_conftest(package: str, out_name: str) -> str:
    return _environment().get_template("conftest.py.j2").render(package=package, out_name=out_name)


def harness_source() -> str:
    """tests/vba_golden.py: the harness, copied as is (it imports only the standard library)."""
    return HARNESS.read_text(encoding="utf-8")
