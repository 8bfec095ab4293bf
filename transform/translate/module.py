"""Translate one VBA module: its top-level statements through the rules, then the header
and the imports the body turned out to need."""

from __future__ import annotations

import tree_sitter

from .engine import Translation, Translator
from .rules import RuleSet
from .scope import module_scope

HEADER = '"""{name}: translated from {source} by transform."""\n'


def translate_module(
    rules: RuleSet,
    language: tree_sitter.Language,
    text: str,
    name: str,
    source_name: str,
    project: dict[str, tuple[str, str | None]] | None = None,
) -> Translation:
    """`project`: public procedures of all modules, lower-case name -> (module, type)."""
    data = text.encode("utf-8")
    tree = tree_sitter.Parser(language).parse(data)

    def text(node: tree_sitter.Node) -> str:
        return data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    translator = Translator(rules, data, module_scope(name, tree.root_node, text, project))
    parts = [translator.statement(child) for child in tree.root_node.named_children]
    body = _join_top_level([p for p in parts if p])
    translation = translator.finish(body)
    header = HEADER.format(name=name, source=source_name)
    import_lines = [f"from .{m} import {n}" for m, n in sorted(translator.scope.imports)]
    if translation.helpers:
        import_lines.insert(0, "from . import vba_support as vba")
    imports = "\n" + "\n".join(import_lines) + "\n" if import_lines else ""
    prefix = header + imports + "\n\n"
    translation.code = prefix + translation.code
    translation.origins = [None] * prefix.count("\n") + translation.origins
    return translation


def _join_top_level(parts: list[str]) -> str:
    """Two blank lines around definitions, as PEP 8 has it; other statements stay close."""
    out: list[str] = []
    for part in parts:
        is_def = part.lstrip().startswith(("def ", "class ", "@"))
        if out and (is_def or out[-1].lstrip().startswith(("def ", "class ", "@"))):
            out.append("\n\n" + part)
        else:
            out.append(part)
    return "\n".join(out)
