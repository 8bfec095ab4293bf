"""Compile every committed grammar (grammars/*/src/parser.c) into an extension module.

Each grammar becomes ``transform.languages._<name>`` exposing ``language()``, the capsule
py-tree-sitter's ``Language`` expects. Only a C compiler is needed: the C is committed.
"""

from pathlib import Path

from setuptools import Extension, setup

ROOT = Path(__file__).parent


def grammar_extensions() -> list[Extension]:
    extensions = []
    for parser_c in sorted(ROOT.glob("grammars/*/src/parser.c")):
        src = parser_c.parent
        name = src.parent.name
        sources = [str(parser_c.relative_to(ROOT))]
        scanner = src / "scanner.c"
        if scanner.exists():
            sources.append(str(scanner.relative_to(ROOT)))
        sources.append("transform/languages/binding.c")
        extensions.append(
            Extension(
                f"transform.languages._{name}",
                sources=sources,
                include_dirs=[str(src.relative_to(ROOT))],
                define_macros=[("TS_LANGUAGE_NAME", name)],
                extra_compile_args=["-std=c11", "-O2", "-Wno-unused-but-set-variable"],
            )
        )
    return extensions


setup(ext_modules=grammar_extensions())
