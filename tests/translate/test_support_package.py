"""The emitted support package stands alone: translated code must run where only the
standard library and openpyxl are installed (issue: "imports only the standard library,
openpyxl where needed, and the support module")."""

from __future__ import annotations

import ast
import sys

from transform.translate.support import EXPLICIT, support_files

ALLOWED_THIRD_PARTY = {"openpyxl"}


def imported_roots(source: str) -> set[str]:
    """Top-level packages of every absolute import, including those inside functions."""
    roots = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_support_package_imports_only_stdlib_openpyxl_and_itself():
    files = support_files(set(EXPLICIT))
    foreign = {
        path: sorted(
            root
            for root in imported_roots(text)
            if root not in sys.stdlib_module_names and root not in ALLOWED_THIRD_PARTY
        )
        for path, text in files.items()
    }
    assert {path: roots for path, roots in foreign.items() if roots} == {}
