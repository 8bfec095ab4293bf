"""Controls declared in an exported form's designer header (``Begin VB.TextBox txtName``).

Why read text here: the header is not VBA code, so the parse stage blanks it; but which
controls a VB6 form has decides whether ``cmdSave_Click`` is an event handler.  VBA
UserForms keep their controls in the binary .frx instead (see names.CONTROL_EVENTS).
"""

from __future__ import annotations

import re

_BEGIN = re.compile(r"^\s*Begin\s+([A-Za-z_][\w.]*|\{[0-9A-Fa-f-]+\})\s+([A-Za-z_]\w*)", re.I)
_END = re.compile(r"^\s*End\s*$", re.I)
_CODE_START = re.compile(r"^\s*Attribute\s+VB_Name", re.I)


def designer_controls(text: str) -> list[tuple[str, str, int]]:
    """(control name, control type, 1-based line) for each nested ``Begin`` of the header.

    The outermost ``Begin`` is the form (or user control) itself and is left out; a control
    array (several ``Begin`` blocks with one name) is listed once."""
    if not text.lstrip()[:7].upper().startswith("VERSION"):
        return []
    out: list[tuple[str, str, int]] = []
    seen: set[str] = set()
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if _CODE_START.match(line):
            break
        match = _BEGIN.match(line)
        if match:
            depth += 1
            name = match.group(2)
            if depth > 1 and name.lower() not in seen:
                seen.add(name.lower())
                out.append((name, match.group(1), number))
        elif _END.match(line) and depth:
            depth -= 1
    return out
