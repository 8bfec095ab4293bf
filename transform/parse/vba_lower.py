"""Source → vba_ast: the parse stage's entry point for VBA, VB6 and VBScript.

Why a single entry: the interpreter, the indexer and the translator all want an
AST and should not care how it was produced.  When the tree-sitter VBA grammar
(grammars/vba) is compiled, its tree is lowered here; until then, and whenever it
is unavailable, the hand-written reader (vba_reader) produces the same AST.
"""

from __future__ import annotations

from pathlib import Path

from . import vba_ast as A
from .vba_reader import VbaSyntaxError, module_kind, read_module

__all__ = ["VbaSyntaxError", "decode_source", "parse_file", "parse_text"]


def decode_source(data: bytes) -> str:
    """Text of a VBA export: UTF-8 (with or without BOM), UTF-16 with BOM, else
    Windows-1252 (what the VBE writes)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_text(text: str, file: str = "Module1.bas", kind: str | None = None) -> A.Module:
    """Parse one module's text; ``kind`` defaults from the file name."""
    return read_module(text, file, kind or module_kind(file, text))


def parse_file(path: Path) -> A.Module:
    """Parse one source file (.bas .cls .frm .ctl .vbs)."""
    return parse_text(decode_source(Path(path).read_bytes()), str(path))
