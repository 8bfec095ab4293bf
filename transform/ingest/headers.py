"""What the text of an exported VB module says about itself: its name, kind and dialect.

The VBA editor and VB6 write a short header before the code: ``VERSION`` lines and a ``BEGIN``
block for classes and forms, then ``Attribute VB_*`` lines. Those headers are the only reliable
record of a module's name (the file may have been renamed) and of where it came from.
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import Kind

_VB_NAME = re.compile(r'^[ \t]*Attribute[ \t]+VB_Name[ \t]*=[ \t]*"([^"\r\n]*)"', re.I | re.M)
_VB_BASE = re.compile(r"^[ \t]*Attribute[ \t]+VB_Base[ \t]*=", re.I | re.M)
# VB6 forms, user controls and property pages start their designer block with "Begin VB.".
_BEGIN_VB = re.compile(r"^[ \t]*Begin[ \t]+VB\.", re.I | re.M)
_VERSION_5 = re.compile(r"^[ \t]*VERSION[ \t]+5\.00", re.I | re.M)
# A VBA UserForm export also says "VERSION 5.00", but its designer is the MSForms UserForm class.
_MSFORMS_USERFORM = re.compile(
    r"^[ \t]*Begin[ \t]+\{C62A69F0-16DC-11CE-9E98-00AA00574A4F\}", re.I | re.M
)
# Class properties only VB6 writes in a .cls BEGIN block (VBA writes just MultiUse).
_VB6_CLASS_PROPS = re.compile(
    r"^[ \t]*(Persistable|DataBindingBehavior|DataSourceBehavior|MTSTransactionMode)[ \t]*=",
    re.I | re.M,
)

VB_EXTENSIONS = {".bas", ".cls", ".frm", ".ctl", ".dsr", ".vba"}
_KIND_BY_EXTENSION: dict[str, Kind] = {
    ".bas": "standard",
    ".vba": "standard",
    ".cls": "class",
    ".frm": "form",
    ".ctl": "usercontrol",
    ".dsr": "form",
}
# Only VB6 has user controls and ActiveX designers; VBA cannot export either.
_VB6_ONLY_EXTENSIONS = {".ctl", ".dsr"}


def vb_name(text: str) -> str | None:
    """The module name recorded by ``Attribute VB_Name``, if the text has one."""
    match = _VB_NAME.search(text)
    return match.group(1) if match else None


def has_vb_base(text: str) -> bool:
    """True when the module declares ``Attribute VB_Base``: document and designer modules do."""
    return _VB_BASE.search(text) is not None


def vb_kind(path: Path, text: str) -> Kind:
    """Kind of an exported VB module, from its extension and header.

    Office exports document modules (ThisWorkbook, Sheet1, ThisDocument) as ``.cls`` files that
    carry ``Attribute VB_Base``; ordinary classes never do, so that attribute tells them apart.
    """
    kind = _KIND_BY_EXTENSION.get(path.suffix.lower(), "standard")
    if kind == "class" and has_vb_base(text):
        return "document"
    return kind


def looks_like_vb6(path: Path, text: str) -> bool:
    """Whether an exported module's own header shows it was written by VB6 rather than VBA."""
    if path.suffix.lower() in _VB6_ONLY_EXTENSIONS or _BEGIN_VB.search(text):
        return True
    if _VERSION_5.search(text) and not _MSFORMS_USERFORM.search(text):
        return True
    return path.suffix.lower() == ".cls" and _VB6_CLASS_PROPS.search(text) is not None
