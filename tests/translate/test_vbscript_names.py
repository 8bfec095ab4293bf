"""VBScript has no Format function (VBScript language reference, "Functions": it has
FormatNumber, FormatCurrency, FormatPercent and FormatDateTime, not Format), so in a .vbs
file `Format(3)` calls an undeclared name: the oracle fails, and the translation must not
quietly format the number as VBA would."""

from __future__ import annotations

from transform.runtimes.vba.interpreter import load_source
from transform.translate.module import translate_module

SOURCE = "Function Tag()\n    Tag = Format(3)\nEnd Function\n"


def test_vba_only_library_functions_do_not_exist_in_a_script(vba_rules, vba_language):
    assert load_source(SOURCE, file="script.vbs").call("Tag", []).error is not None
    script = translate_module(vba_rules, vba_language, SOURCE, "script", "script.vbs")
    assert "vba.format" not in script.code
    module = translate_module(vba_rules, vba_language, SOURCE, "module", "module.bas")
    assert "vba.format(3)" in module.code  # in VBA it is the library's Format
