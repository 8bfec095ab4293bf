"""Helpers translated Python needs besides values and operators: VBA's For-loop test,
Debug.Print to standard output, scripted MsgBox answers, and the marker for code no rule
translated. Kept here, beside the value library, so the interpreter and the translation
share one definition of each behaviour.
"""

from __future__ import annotations

import sys

from .operators import ge, le
from .printing import Printer

_immediate = Printer(write=lambda text: sys.stdout.write(text))
_responses: list[object] = []

VB_OK = 1


def for_continues(counter: object, end: object, step: object) -> bool:
    """MS-VBAL 5.4.2.3: the loop runs while counter <= end for a step >= 0, and while
    counter >= end for a negative step."""
    return bool(le(counter, end) if ge(step, 0) else ge(counter, end))


def debug_print(*items: object) -> None:
    """Debug.Print with VBA's formatting, to standard output (the Immediate window)."""
    _immediate.print_list(items)


def answer_dialogs(*responses: object) -> None:
    """Script the answers of the following MsgBox/InputBox calls (tests, batch runs)."""
    _responses.extend(responses)


def msgbox(prompt: object = "", buttons: object = 0, title: object = "", *_: object) -> object:
    """MsgBox without a screen: the next scripted answer, else vbOK."""
    return _responses.pop(0) if _responses else VB_OK


def inputbox(prompt: object = "", title: object = "", default: object = "", *_: object) -> object:
    """InputBox without a screen: the next scripted answer, else the default."""
    return _responses.pop(0) if _responses else default


def untranslated(legacy: str) -> object:
    """Stands where no rule translated an expression: evaluating it is an error."""
    raise NotImplementedError(f"VBA expression not translated: {legacy}")
