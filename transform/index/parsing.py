"""The one place the index stage asks the parse stage for a VBA syntax tree.

Why a wrapper: today the tree comes from the hand-written reader
(``transform.parse.vba_reader``); soon it will also come from lowering the tree-sitter tree.
Everything in ``transform.index`` calls :func:`parse_vba`, so switching is one line here.
"""

from __future__ import annotations

import dataclasses

from transform.ingest import SourceModule
from transform.parse import vba_ast as A
from transform.parse.vba_lexer import LexError
from transform.parse.vba_reader import VbaSyntaxError, read_module


class ParseError(ValueError):
    """A module the parse stage rejected, with its 1-based position."""

    def __init__(self, file: str, line: int, column: int, message: str) -> None:
        self.file, self.line, self.column, self.message = file, line, column, message
        super().__init__(f"{file}:{line}:{column}: {message}")


def parse_vba(module: SourceModule) -> A.Module:
    """The VBA AST of one ingested module (VBA, VB6 or VBScript).

    The ingest stage's name wins over the reader's (it reads ``VB_Name`` the same way and
    also knows Office module names); raises :class:`ParseError` on unreadable source."""
    try:
        tree = read_module(module.text, module.display, module.kind)
    except (VbaSyntaxError, LexError) as error:
        raise ParseError(module.display, error.line, error.column, _bare(error)) from error
    except (IndexError, ValueError, TypeError, AttributeError) as error:
        # A reader bug must not stop the batch: report it against the module.
        raise ParseError(module.display, 0, 0, f"parser failure: {error!r}") from error
    if tree.name != module.name:
        tree = dataclasses.replace(tree, name=module.name)
    return tree


def _bare(error: Exception) -> str:
    """The message without the ``file:line:col:`` prefix the reader adds."""
    text = str(error)
    parts = text.split(": ", 1)
    return parts[1] if len(parts) == 2 and parts[0].count(":") >= 2 else text
