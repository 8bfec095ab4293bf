"""Syntax highlighting, one HTML fragment per source line.

Why per line: provenance is per line (every Python line maps to a legacy span), so the page
needs each line as its own element to highlight and hover it.  Pygments' own formatters
emit one block, with spans that can cross lines; here tokens are split at newlines and every
piece is escaped, so legacy text (untrusted input) can never break out of its element.
The colours are Pygments' classes, defined once in the page's inline stylesheet."""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import PythonLexer, VbNetLexer
from pygments.token import STANDARD_TYPES, _TokenType

STYLE = "default"
SCOPE = ".code"


def split_lines(text: str) -> list[str]:
    """Lines as tree-sitter numbers them: only ``\\n`` ends a line (``\\r\\n`` counts once)."""
    lines = text.replace("\r\n", "\n").split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def highlight_lines(text: str, language: str) -> list[Markup]:
    """Highlighted HTML for each line of ``text``; ``language`` is ``vba`` or ``python``."""
    lines = split_lines(text)
    # A lone CR would be a line break to Pygments but not to tree-sitter: keep numbering.
    source = "\n".join(line.replace("\r", " ") for line in lines) + "\n"
    rendered: list[list[str]] = [[]]
    for token_type, value in _lexer(language).get_tokens(source):
        css = _css_class(token_type)
        for index, piece in enumerate(value.split("\n")):
            if index:
                rendered.append([])
            if piece:
                rendered[-1].append(_span(css, piece))
    html = [Markup("".join(parts)) for parts in rendered]
    return (html + [Markup("")] * len(lines))[: len(lines)]


def style_css() -> str:
    """The token colours, scoped to code panes, for the page's inline stylesheet."""
    defs = HtmlFormatter(style=STYLE).get_style_defs(SCOPE)
    return "\n".join(line for line in defs.splitlines() if line.startswith(SCOPE + " ."))


@lru_cache(maxsize=4)
def _lexer(language: str) -> Lexer:
    """stripnl=False: Pygments would otherwise drop leading blank lines and shift numbers."""
    if language == "python":
        return PythonLexer(stripnl=False, ensurenl=False)
    return VbNetLexer(stripnl=False, ensurenl=False)


def _css_class(token_type: _TokenType) -> str:
    while token_type not in STANDARD_TYPES and token_type.parent is not None:
        token_type = token_type.parent
    return STANDARD_TYPES.get(token_type, "")


def _span(css: str, text: str) -> str:
    if not css:
        return str(escape(text))
    return f'<span class="{css}">{escape(text)}</span>'
