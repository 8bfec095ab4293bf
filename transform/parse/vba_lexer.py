"""VBA tokens (MS-VBAL 3.3): the lexical layer of the hand-written reader.

Why separate: VBA's lexical rules (line continuations, ``Rem``, type-hint
characters, ``#date#`` literals versus ``#1`` file numbers, conditional
compilation, VB6 file headers) are fiddly enough to test and read on their own.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z_\x80-\uffff][A-Za-z0-9_\x80-\uffff]*|\[[^\]\n]+\]")
_NUMBER = re.compile(
    r"&[Hh][0-9A-Fa-f]+[%&^]?|&[Oo]?[0-7]+[%&^]?|(?:\d+\.?\d*|\.\d+)(?:[eEdD][+-]?\d+)?[%&^!#@]?"
)
_STRING = re.compile(r'"(?:[^"\n]|"")*"')
_DATE = re.compile(r"#([^#\n]{1,40})#")
_DATEISH = re.compile(
    r"^\s*(\d{1,4}[/\-.]\d{1,2}([/\-.]\d{1,4})?(\s+\d{1,2}(:\d{1,2}){0,2}(\s*[AaPp][Mm])?)?"
    r"|\d{1,2}(:\d{1,2}){1,2}(\s*[AaPp][Mm])?|\d{1,2}\s*[AaPp][Mm]"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{2,4}|\d{1,2}[\s\-][A-Za-z]{3,9}[\s\-]\d{2,4})\s*$"
)
_OPS = (":=", "<=", ">=", "<>", "><", "=<", "=>")
_SINGLE_OPS = set("=<>+-*/\\^&(),.!;:#{}")
_CONTINUATION = re.compile(r"(?:^|[ \t])_[ \t]*$")
_HEADER_END = re.compile(r"^\s*Attribute\s+VB_Name", re.IGNORECASE)


class Token:
    """One token; ``low`` is the lower-case text used for keyword tests."""

    __slots__ = ("kind", "text", "line", "col", "low", "hint", "space_before", "line_start")

    def __init__(
        self,
        kind: str,
        text: str,
        line: int,
        col: int,
        hint: str = "",
        space_before: bool = False,
        line_start: bool = False,
    ) -> None:
        self.kind = kind
        self.text = text
        self.line = line
        self.col = col
        self.low = text.lower()
        self.hint = hint
        self.space_before = space_before
        self.line_start = line_start

    @property
    def value(self) -> str:
        """A string literal's contents (quotes removed, doubled quotes undone)."""
        if self.kind == "str":
            return self.text[1:-1].replace('""', '"')
        return self.text

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.text!r}, {self.line}:{self.col})"


class LexError(ValueError):
    def __init__(self, file: str, line: int, col: int, message: str) -> None:
        self.file, self.line, self.column = file, line, col
        super().__init__(f"{file}:{line}:{col}: {message}")


def strip_header(lines: list[str]) -> list[str]:
    """Blank the VERSION/BEGIN...END designer header of .cls/.frm/.ctl exports.

    The lines stay (empty) so positions still match the file."""
    if not lines or not lines[0].lstrip().upper().startswith("VERSION"):
        return lines
    for i, line in enumerate(lines):
        if _HEADER_END.match(line):
            return [""] * i + lines[i:]
    return lines


_PP_DEFAULTS = {
    "vba7": True,
    "vba6": True,
    "win64": True,
    "win32": True,
    "win16": False,
    "mac": False,
}


def _pp_value(expr: str, consts: dict[str, object]) -> bool:
    """Evaluate a #If condition (MS-VBAL 3.4) over the known compilation constants."""
    out = []
    for m in re.finditer(r"[A-Za-z_]\w*|\d+|<>|<=|>=|[=<>()\-+]|\"[^\"]*\"", expr):
        t = m.group(0)
        low = t.lower()
        if low in ("and", "or", "not"):
            out.append(f" {low} ")
        elif low == "xor":
            out.append(" != ")
        elif t == "=":
            out.append("==")
        elif t == "<>":
            out.append("!=")
        elif low in ("true", "false"):
            out.append(" True " if low == "true" else " False ")
        elif low[0].isalpha() or low[0] == "_":
            out.append(repr(consts.get(low, 0)))
        else:
            out.append(t)
    try:
        return bool(eval("".join(out), {"__builtins__": {}}))  # noqa: S307 - built from tokens
    except Exception:
        return False


def preprocess(lines: list[str]) -> list[str]:
    """Resolve #If/#ElseIf/#Else/#End If and #Const: inactive lines become blank."""
    consts: dict[str, object] = dict(_PP_DEFAULTS)
    stack: list[tuple[bool, bool]] = []  # (this branch active, some branch taken)
    active = True
    out = []
    for line in lines:
        s = line.strip()
        low = s.lower()
        if low.startswith("#"):
            head = low[1:].lstrip()
            if head.startswith("if "):
                cond = active and _pp_value(s[s.lower().index("if") + 2 : _then(s)], consts)
                stack.append((active, cond))
                active = cond
                out.append("")
                continue
            if head.startswith("elseif") and stack:
                outer, taken = stack[-1]
                cond = (
                    outer
                    and not taken
                    and _pp_value(s[s.lower().index("elseif") + 6 : _then(s)], consts)
                )
                stack[-1] = (outer, taken or cond)
                active = cond
                out.append("")
                continue
            if head.startswith("else") and stack:
                outer, taken = stack[-1]
                active = outer and not taken
                stack[-1] = (outer, True)
                out.append("")
                continue
            if head.startswith("end") and stack:
                active = stack.pop()[0]
                out.append("")
                continue
            if head.startswith("const") and active:
                m = re.match(r"#\s*const\s+(\w+)\s*=\s*(.+)", s, re.IGNORECASE)
                if m:
                    consts[m.group(1).lower()] = (
                        _pp_value(m.group(2), consts)
                        if not m.group(2).strip().isdigit()
                        else int(m.group(2))
                    )
                out.append("")
                continue
        out.append(line if active else "")
    return out


def _then(s: str) -> int:
    i = s.lower().rfind("then")
    return i if i >= 0 else len(s)


def tokenize(text: str, file: str = "<string>") -> list[Token]:
    """All tokens of a module, with "nl" tokens ending each logical line."""
    text = text.lstrip("\ufeff")
    lines = preprocess(strip_header(re.split(r"\r\n|\r|\n", text)))
    toks: list[Token] = []
    continued = False
    for lineno, line in enumerate(lines, 1):
        cont = bool(_CONTINUATION.search(line)) and not _in_comment_or_string(line)
        body = _CONTINUATION.sub("", line) if cont else line
        _line_tokens(body, lineno, file, toks, first=not continued)
        if not cont and toks and toks[-1].kind != "nl":
            toks.append(Token("nl", "\n", lineno, len(line) + 1))
        continued = cont
    toks.append(Token("eof", "", len(lines) + 1, 1))
    return toks


def _in_comment_or_string(line: str) -> bool:
    """True when the trailing `` _`` sits inside a comment (then it continues nothing
    ... except that VBA does continue comments; we follow VBA and return False)."""
    in_str = False
    for ch in line:
        if ch == '"':
            in_str = not in_str
    return in_str


def _line_tokens(line: str, lineno: int, file: str, toks: list[Token], first: bool) -> None:
    i, n = 0, len(line)
    line_start = first
    space = False
    while i < n:
        ch = line[i]
        if ch in " \t\x0c\xa0":
            i += 1
            space = True
            continue
        col = i + 1
        if ch == "'":
            return
        if ch == '"':
            m = _STRING.match(line, i)
            if not m:
                raise LexError(file, lineno, col, "unterminated string")
            toks.append(Token("str", m.group(0), lineno, col, space_before=space))
            i = m.end()
        elif ch == "#" and _date_here(line, i, toks):
            m = _DATE.match(line, i)
            toks.append(Token("date", m.group(0), lineno, col, space_before=space))  # type: ignore[union-attr]
            i = m.end()  # type: ignore[union-attr]
        elif (
            ch.isdigit()
            or (ch == "." and i + 1 < n and line[i + 1].isdigit() and not _after_word(toks, space))
            or (ch == "&" and i + 1 < n and line[i + 1] in "HhOo01234567" and _number_ok(line, i))
        ):
            m = _NUMBER.match(line, i)
            if not m:
                raise LexError(file, lineno, col, f"bad number {line[i : i + 10]!r}")
            toks.append(
                Token("num", m.group(0), lineno, col, space_before=space, line_start=line_start)
            )
            i = m.end()
        elif ch.isalpha() or ch == "_" or ch == "[" or ord(ch) > 127:
            m = _WORD.match(line, i)
            if not m:
                raise LexError(file, lineno, col, f"unexpected {ch!r}")
            word = m.group(0)
            i = m.end()
            if word.lower() == "rem" and (line_start or (toks and toks[-1].text == ":")):
                return
            hint = ""
            if i < n and _is_hint(line, i):
                hint = line[i]
                i += 1
            if word.startswith("["):
                word = word[1:-1]
            toks.append(Token("id", word, lineno, col, hint, space, line_start))
        else:
            two = line[i : i + 2]
            if two in _OPS:
                toks.append(Token("op", two, lineno, col, space_before=space))
                i += 2
            elif ch in _SINGLE_OPS:
                toks.append(Token("op", ch, lineno, col, space_before=space))
                i += 1
            else:
                raise LexError(file, lineno, col, f"unexpected character {ch!r}")
        line_start = False
        space = False


def _after_word(toks: list[Token], space: bool) -> bool:
    return (
        bool(toks)
        and not space
        and toks[-1].kind in ("id",)
        or (bool(toks) and not space and toks[-1].text == ")")
    )


def _number_ok(line: str, i: int) -> bool:
    m = _NUMBER.match(line, i)
    return bool(m) and m.group(0) != "&"


def _date_here(line: str, i: int, toks: list[Token]) -> bool:
    m = _DATE.match(line, i)
    if not m or not _DATEISH.match(m.group(1)):
        return False
    file_statement = (
        bool(toks)
        and toks[-1].kind == "id"
        and toks[-1].low in ("print", "write", "input", "get", "put", "close")
    )
    after_member = len(toks) > 1 and toks[-2].text == "."  # Debug.Print #1/2/2003#
    return not file_statement or after_member


def _is_hint(line: str, i: int) -> bool:
    """Is line[i] a type-declaration character ending the word before it?"""
    ch = line[i]
    nxt = line[i + 1] if i + 1 < len(line) else ""
    if ch in "%@$":
        return True
    if ch == "!":
        return not (nxt.isalpha() or nxt == "[" or nxt == "_")
    if ch == "#":
        return not (nxt.isalnum() or nxt == '"')
    if ch == "^":
        return not (nxt.isalnum() or nxt in "(. -+")
    if ch == "&":
        rest = line[i + 1 :].lstrip()
        return rest == "" or rest[0] in "=,):'" or rest.lower().startswith("as ")
    return False
