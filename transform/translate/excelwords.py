"""Words of rules/vba/excel.yaml: when Excel object-model code can be openpyxl code.

A cell assignment on a variable declared As Worksheet becomes openpyxl's `ws["A1"].value =
x` only when the translator can prove both write the same cell content: the cell is one
fixed address (a literal `Range("B2")`, or `Cells(r, c)` with literal or constant
positions), and the value is one Excel stores as it is (a number or Boolean of a declared
Long/Double/Boolean variable or literal, or text Excel cannot read as a number, date or
truth value, or a formula). Everything else goes through the support package's object model
(the interpreter's own, on openpyxl), which does Excel's conversions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import tree_sitter

if TYPE_CHECKING:
    from .engine import Translator

WORKSHEET_TYPES = ("worksheet", "excel.worksheet")
MAX_ROW, MAX_COLUMN = 1048576, 16384
_A1 = re.compile(r"^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$")
# Words a text starting with them might be read by Excel as a date, time or truth value.
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_WORDS = {"true", "false", "am", "pm"}
_FIRST_WORD = re.compile(r"^[^\W\d_]+")


class ExcelWords:
    """Vocabulary for Excel rules (a mixin of the translator's functions)."""

    def __init__(self, translator: Translator) -> None:
        self.t = translator

    def functions(self) -> dict:
        return {"worksheet_cell": self.worksheet_cell, "stored_unchanged": self.stored_unchanged}

    def worksheet_cell(self, call: tree_sitter.Node) -> str | None:
        """`ws.Range("B2")` / `ws.Cells(2, 2)` on a variable declared As Worksheet, one
        fixed cell: openpyxl's `ws['B2']` (None otherwise)."""
        if call.type != "call_expression":
            return None
        function = call.child_by_field_name("function")
        arguments = call.child_by_field_name("arguments")
        if function is None or arguments is None or function.type != "member_expression":
            return None
        owner = function.child_by_field_name("object")
        member = self.t.text(function.child_by_field_name("member")).lower()
        if owner is None or owner.type != "identifier":
            return None
        if self.t.type_of(owner).lower() not in WORKSHEET_TYPES:
            return None
        values = [a for a in arguments.named_children if a.type != "comment"]
        if member == "range" and len(values) == 1:
            address = self._address(values[0])
        elif member == "cells" and len(values) == 2:
            address = self._cells_address(values[0], values[1])
        else:
            return None
        if address is None:
            return None
        return f"{self.t.expression(owner)}[{address!r}]"

    def stored_unchanged(self, value: tree_sitter.Node) -> bool:
        """Does Excel store this value in a cell as it is, the way openpyxl does? Numbers
        and Booleans (literals, declared Long/Double/Boolean variables, constants), text
        whose first word Excel cannot read as a number, date, time or truth value (a
        letter first, then letters that start no month, weekday, TRUE/FALSE or AM/PM),
        and formulas (text starting with "=")."""
        node = self._constant(value) or value
        if node.type in ("integer_literal", "float_literal", "boolean_literal"):
            return True
        if node.type == "unary_expression" and self._operator(node) == "-":
            operand = node.child_by_field_name("operand")
            return operand is not None and operand.type in ("integer_literal", "float_literal")
        if node.type == "identifier":
            return self.t.type_of(node) in ("Long", "Double", "Boolean")
        leading = self._leading_text(node)
        return leading is not None and _kept_as_text(leading)

    # -- helpers ----------------------------------------------------------------------------

    def _leading_text(self, node: tree_sitter.Node) -> str | None:
        """The text a String literal or an `&` concatenation starts with."""
        while node.type == "binary_expression" and self._operator(node) == "&":
            node = node.child_by_field_name("left")
            node = self._constant(node) or node
        if node.type == "parenthesized_expression" and node.named_child_count == 1:
            return self._leading_text(node.named_children[0])
        if node.type == "string_literal":
            return self.t.text(node)[1:-1].replace('""', '"')
        return None

    def _operator(self, node: tree_sitter.Node) -> str:
        operator = node.child_by_field_name("operator")
        return self.t.text(operator) if operator is not None else ""

    def _address(self, node: tree_sitter.Node) -> str | None:
        node = self._constant(node) or node
        if node.type != "string_literal":
            return None
        match = _A1.match(self.t.text(node)[1:-1].strip())
        if match is None:
            return None
        column, row = match.group(1).upper(), int(match.group(2))
        if _column_number(column) > MAX_COLUMN or row > MAX_ROW:
            return None
        return f"{column}{row}"

    def _cells_address(self, row: tree_sitter.Node, column: tree_sitter.Node) -> str | None:
        r = self._integer(row)
        column = self._constant(column) or column
        if column.type == "string_literal":
            letters = self.t.text(column)[1:-1].strip().upper()
            valid = re.fullmatch(r"[A-Z]{1,3}", letters)
            c = _column_number(letters) if valid else None
        else:
            c = self._integer(column)
        if r is None or c is None or not (1 <= r <= MAX_ROW and 1 <= c <= MAX_COLUMN):
            return None
        return f"{_column_letters(c)}{r}"

    def _integer(self, node: tree_sitter.Node) -> int | None:
        node = self._constant(node) or node
        text = self.t.text(node)
        if node.type == "integer_literal" and text.isdigit():
            return int(text)
        return None

    def _constant(self, node: tree_sitter.Node) -> tree_sitter.Node | None:
        """The literal value of a Const of this module (or of the enclosing procedure)
        named by an identifier; None when it is not one, is shadowed or is computed."""
        if node.type != "identifier":
            return None
        name = self.t.text(node).lower()
        procedure = node
        while procedure.parent is not None and procedure.type not in (
            "sub_declaration",
            "function_declaration",
            "property_declaration",
        ):
            procedure = procedure.parent
        scopes = [procedure] if procedure.parent is not None else []
        root = node
        while root.parent is not None:
            root = root.parent
        for scope in [*scopes, root]:
            found = self._declared(scope, name, top=scope is root)
            if found is not None:
                return found if found.type in _LITERALS else None
        return None

    def _declared(self, scope: tree_sitter.Node, name: str, top: bool) -> tree_sitter.Node | None:
        """A declaration of ``name`` directly in ``scope``: the Const's value node, or the
        declared name itself for a variable or parameter (which shadows module Consts)."""
        stack = list(scope.named_children)
        while stack:
            child = stack.pop()
            if child.type in ("sub_declaration", "function_declaration", "property_declaration"):
                continue  # other procedures' declarations are not in scope
            if child.type == "const_declarator":
                declared = child.child_by_field_name("name")
                if declared is not None and self.t.text(declared).lower() == name:
                    return child.child_by_field_name("value")
            elif child.type in ("variable_declarator", "parameter"):
                declared = child.child_by_field_name("name")
                if declared is not None and self.t.text(declared).lower() == name:
                    return declared
            elif not top or child.type in ("const_declaration", "variable_declaration"):
                stack.extend(child.named_children)
        return None


_LITERALS = ("integer_literal", "float_literal", "string_literal", "boolean_literal")


def _kept_as_text(text: str) -> bool:
    if text.startswith("="):
        return True  # a formula for Excel and for openpyxl alike
    word = _FIRST_WORD.match(text)
    if word is None or len(word.group(0)) < 2:
        return False
    low = word.group(0).lower()
    return low[:3] not in _MONTHS and low[:3] not in _DAYS and low not in _WORDS


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _column_letters(n: int) -> str:
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out
