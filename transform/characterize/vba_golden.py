"""Golden values and the characterization-test harness (copied into DIR/tests by transform).

Why one standalone file: the same code encodes what the legacy interpreter returned (when
golden files are recorded) and what the translated Python returned (when the tests run), so
both sides are described and compared by one definition.  It imports only the standard
library (and pytest/openpyxl lazily), because generated output must stand alone; VBA value
classes are recognised by class name, so it works with the interpreter's runtime and with
the `vba_support` copy emitted beside translated code alike.  Format: docs/characterize.md.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import decimal
import functools
import importlib
import io
import json
import math
import struct
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

FORMAT = "transform-golden/1"
EPOCH = _dt.datetime(1899, 12, 30)
INTEGRAL = {"Integer": (-32768, 32767), "Byte": (0, 255), "LongLong": (-(2**63), 2**63 - 1)}
SINGLETONS = {"_EmptyType": "Empty", "_NullType": "Null", "_NothingType": "Nothing"}

# --------------------------------------------------------------------------- encoding


def encode(value: Any) -> dict:
    """A value as typed JSON data: ``{"type": VBA type name, "value": ...}``."""
    name = type(value).__name__
    if value is None:
        return {"type": "None"}  # Python's None: no VBA value is None, so it never matches
    if name in SINGLETONS:
        return {"type": SINGLETONS[name]}
    if name == "Missing":
        return {"type": "Missing"}
    if isinstance(value, bool):
        return {"type": "Boolean", "value": value}
    if isinstance(value, int):
        return {"type": name if name in INTEGRAL else "Long", "value": int(value)}
    if name == "Date" and isinstance(value, float):
        return {"type": "Date", "value": float(value), "text": serial_text(float(value))}
    if isinstance(value, _dt.datetime | _dt.date):
        serial = to_serial(value)
        return {"type": "Date", "value": serial, "text": serial_text(serial)}
    if isinstance(value, float):
        kind = "Single" if name == "Single" else "Double"
        return {"type": kind, "value": value if math.isfinite(value) else repr(value)}
    return _encode_other(value, name)


def _encode_other(value: Any, name: str) -> dict:
    if name == "Currency" and hasattr(value, "to_decimal"):
        return {"type": "Currency", "value": str(value.to_decimal())}
    if isinstance(value, decimal.Decimal):
        return {"type": "Decimal", "value": str(value)}
    if isinstance(value, str):
        return {"type": "String", "value": value}
    if name == "ErrorValue":
        return {"type": "Error", "value": int(value.number)}
    if name == "VbaArray":
        return {
            "type": "Array",
            "bounds": [list(b) for b in value.bounds],
            "value": [encode(x) for x in value.data],
        }
    if isinstance(value, list | tuple):
        return {
            "type": "Array",
            "bounds": [[0, len(value) - 1]],
            "value": [encode(x) for x in value],
        }
    if name == "UdtValue":
        fields = {k: encode(c.v) for k, c in value.fields.items()}
        return {"type": "UDT", "name": value.type.name, "value": fields}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"type": "UDT", "name": name, "value": fields}
    typename = getattr(value, "vba_typename", None)
    return {"type": "Object", "class": str(typename or name)}


def to_serial(value: _dt.date) -> float:
    """A Python date/datetime as a VBA Date serial (days since 1899-12-30)."""
    if not isinstance(value, _dt.datetime):
        value = _dt.datetime(value.year, value.month, value.day)
    days = (value.date() - EPOCH.date()).days
    seconds = value.hour * 3600 + value.minute * 60 + value.second
    fraction = seconds / 86400
    return days - fraction if days < 0 else days + fraction


def serial_text(serial: float) -> str:
    """ISO text of a serial, for people reading golden files (VBA's negative serials keep a
    positive time of day, MS-VBAL 2.2)."""
    try:
        day = int(serial)
        seconds = round(abs(serial - day) * 86400)
        moment = EPOCH + _dt.timedelta(days=day, seconds=seconds)
    except (OverflowError, ValueError):
        return "out of range"
    return moment.isoformat(sep=" ")


# --------------------------------------------------------------------------- decoding


def decode(data: dict, kinds: Any = None, array: Callable[[list, list], Any] | None = None) -> Any:
    """Typed JSON back to a value.  ``kinds`` is a module with the VBA value classes
    (Integer, Date, Currency, Empty...); without it plain Python values are made."""
    kind = data.get("type")
    value = data.get("value")
    if kind in ("Empty", "Null", "Nothing"):
        return getattr(kinds, kind, None) if kinds else None
    if kind == "Missing":
        return getattr(kinds, "MISSING", None) if kinds else None
    if kind in ("Long", "Boolean", "String"):
        return value
    if kind in INTEGRAL:
        return _make(kinds, kind, int, int(value))
    if kind in ("Double", "Single"):
        number = float(value)
        return _make(kinds, "Single", float, number) if kind == "Single" else number
    if kind == "Date":
        return _make(kinds, "Date", _serial_datetime, float(value))
    if kind == "Currency":
        currency = getattr(kinds, "Currency", None) if kinds else None
        number = decimal.Decimal(value)
        return currency.from_decimal(number) if currency else number
    if kind == "Decimal":
        return decimal.Decimal(value)
    if kind == "Array":
        items = [decode(x, kinds, array) for x in value]
        bounds = [tuple(b) for b in data.get("bounds", [[0, len(items) - 1]])]
        return array(items, bounds) if array else items
    if kind == "Object" and "excel" in data:
        return ExcelRef(str(data.get("class")), **data["excel"])
    if kind == "Object" and "new" in data:
        return NewObject(str(data.get("class")), data["new"].get("module"))
    if kind == "UDT":
        members = {k: decode(v, kinds, array) for k, v in (value or {}).items()}
        return UdtArgument(str(data.get("name")), data.get("module"), members)
    raise ValueError(f"cannot build a {kind} value from golden data")


@dataclasses.dataclass(frozen=True)
class NewObject:
    """A fresh object argument: a new instance of a project class (``module``: the Python
    module of its translation) or a library object (Collection, MSForms.ReturnBoolean,
    PropertyBag: ``module`` None). Each side makes its own (``resolve_arguments``)."""

    kind: str
    module: str | None = None


@dataclasses.dataclass(frozen=True)
class UdtArgument:
    """A user-defined Type argument: the Type's name, the Python module of its translation
    and its members' values (members left out keep their defaults)."""

    name: str
    module: str | None
    members: dict


def new_object(kind: str, module: str | None = None) -> dict:
    """The golden form of a fresh object argument."""
    return {"type": "Object", "class": kind, "new": {"module": module} if module else {}}


def resolve_arguments(args: list, make: Callable[[Any], Any]) -> list:
    """Arguments with NewObject/UdtArgument placeholders (also inside a Type's members)
    made by ``make`` (the oracle's project, or the translated package)."""

    def resolve(value: Any) -> Any:
        if isinstance(value, UdtArgument):
            members = {k: resolve(v) for k, v in value.members.items()}
            return make(UdtArgument(value.name, value.module, members))
        if isinstance(value, NewObject):
            return make(value)
        return value

    return [resolve(a) for a in args]


@dataclasses.dataclass(frozen=True)
class ExcelRef:
    """An Excel object argument (the Workbook, a sheet, a range) named by data: it becomes
    the object of the case's workbook once that workbook is bound (``resolve``)."""

    kind: str
    sheet: str | None = None
    address: str | None = None

    def resolve(self, make: Callable[..., Any]) -> Any:
        return make(self.kind, self.sheet, self.address)


def excel_arg(kind: str, sheet: str | None = None, address: str | None = None) -> dict:
    """The golden form of an Excel object argument."""
    where = {k: v for k, v in (("sheet", sheet), ("address", address)) if v is not None}
    return {"type": "Object", "class": kind, "excel": where}


def _make(kinds: Any, name: str, fallback: Callable, value: Any) -> Any:
    cls = getattr(kinds, name, None) if kinds else None
    return cls(value) if cls else fallback(value)


def _serial_datetime(serial: float) -> _dt.datetime:
    day = int(serial)
    return EPOCH + _dt.timedelta(days=day, seconds=round(abs(serial - day) * 86400))


# --------------------------------------------------------------------------- comparing


def same(expected: dict, actual: Any) -> bool:
    """Does ``actual`` (a Python value) hold the VBA value ``expected`` describes?

    VBA-type aware, not Python-type strict: an Integer may come back as a plain int, a Date
    as a datetime, a Currency as a Decimal; but a Boolean must be a bool (True is not -1)
    and Empty is not None (they behave differently in later arithmetic)."""
    return _same(expected, encode(actual))


def _same(expected: dict, got: dict) -> bool:
    kind, other = expected.get("type"), got.get("type")
    if kind in INTEGRAL or kind == "Long":
        return (other in INTEGRAL or other == "Long") and expected["value"] == got["value"]
    if kind in ("Double", "Single"):
        return _same_float(kind, expected["value"], got)
    if kind in ("Currency", "Decimal"):
        return _same_decimal(kind, expected["value"], got)
    if kind == "Date":
        return other == "Date" and abs(float(expected["value"]) - got["value"]) < 0.5 / 86400
    if kind == "Array":
        return other == "Array" and _same_array(expected, got)
    if kind == "UDT":
        return other == "UDT" and _same_fields(expected["value"], got["value"])
    if kind == "Object":
        return other == "Object"
    return kind == other and expected.get("value") == got.get("value")


def _same_float(kind: str, want: Any, got: dict) -> bool:
    if got.get("type") not in ("Double", "Single", "Long", *INTEGRAL):
        return False
    a, b = float(want), float(got["value"])
    if kind == "Single" or got["type"] == "Single":
        a, b = _single(a), _single(b)
    return a == b or math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0)


def _single(x: float) -> float:
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return x


def _same_decimal(kind: str, want: Any, got: dict) -> bool:
    if got.get("type") not in ("Currency", "Decimal", "Double", "Long", *INTEGRAL):
        return False
    a, b = decimal.Decimal(str(want)), decimal.Decimal(str(got["value"]))
    if kind == "Currency":
        step = decimal.Decimal("0.0001")
        return a.quantize(step) == b.quantize(step, rounding=decimal.ROUND_HALF_EVEN)
    return a == b


def _same_array(expected: dict, got: dict) -> bool:
    want, have = expected["value"], got["value"]
    shape = [hi - lo + 1 for lo, hi in expected.get("bounds", [])]
    got_shape = [hi - lo + 1 for lo, hi in got.get("bounds", [])]
    if len(want) != len(have) or (len(shape) > 1 and shape != got_shape):
        return False
    return all(_same(w, h) for w, h in zip(want, have, strict=True))


def _same_fields(want: dict, have: dict) -> bool:
    """UDT members by name, ignoring case and underscores (``FirstName`` is ``first_name``
    in a translated dataclass)."""
    got = {_member(k): v for k, v in have.items()}
    wanted = {_member(k): v for k, v in want.items()}
    return set(wanted) == set(got) and all(_same(wanted[k], got[k]) for k in wanted)


def _member(name: str) -> str:
    return name.replace("_", "").lower()


# --------------------------------------------------------------------------- display


def display(data: dict | None) -> str | None:
    """VBA literal style text of an encoded value, as the report shows it."""
    if data is None:
        return None
    kind, value = data.get("type"), data.get("value")
    if kind == "String":
        return '"' + str(value).replace('"', '""') + '"'
    if kind == "Boolean":
        return "True" if value else "False"
    if kind == "Date":
        return "#" + str(data.get("text") or serial_text(float(value))) + "#"
    if kind in ("Double", "Single") and isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    if kind == "Array":
        return "Array(" + ", ".join(display(x) or "" for x in value) + ")"
    if kind == "Error":
        return f"Error {value}"
    if kind == "Object":
        where = data.get("excel") or {}
        place = "!".join(str(where[k]) for k in ("sheet", "address") if k in where)
        return f"<{data.get('class', 'Object')}{' ' + place if place else ''}>"
    if kind == "UDT":
        inner = ", ".join(f"{k}: {display(v)}" for k, v in value.items())
        return f"{data.get('name')} {{{inner}}}"
    if kind in ("Empty", "Null", "Nothing", "Missing", "None"):
        return kind
    return str(value)


# --------------------------------------------------------------------------- golden files


def load_cases(path: Path | str) -> list[dict]:
    """The cases of one golden file (none when it is missing: the test then says so)."""
    path = Path(path)
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [dict(case, procedure=data.get("procedure", "")) for case in data.get("cases", [])]


def case_id(case: dict) -> str:
    return str(case.get("id", "case"))


def load_workbook_state(path: Path | str) -> Any:
    """An openpyxl workbook built from a workbook-state JSON file (docs/characterize.md);
    a new one on every call (the file is read once)."""
    return workbook_from_state(_state_data(str(path)))


@functools.lru_cache(maxsize=32)
def _state_data(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def workbook_from_state(data: dict) -> Any:
    """An openpyxl workbook holding a workbook state's sheets and cells."""
    import openpyxl
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in data.get("sheets", []):
        ws = book.create_sheet(sheet["name"])
        if sheet.get("code_name"):
            ws.sheet_properties.codeName = sheet["code_name"]
        for address, value in sheet.get("cells", {}).items():
            column, row = coordinate_from_string(address)
            ws.cell(row=row, column=column_index_from_string(column), value=cell_value(value))
    return book


def cell_value(data: dict) -> Any:
    """Typed JSON as what openpyxl stores in a cell (dates as datetimes)."""
    if data.get("type") == "Formula":
        return data["value"]
    value = decode(data)
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def snapshot(book: Any) -> dict[tuple[str, str], Any]:
    """Every non-empty cell of an openpyxl workbook, keyed by (sheet, address)."""
    cells = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    cells[(ws.title, cell.coordinate)] = cell.value
    return cells


def sheet_names(book: Any) -> list[str]:
    """The workbook's sheet names in tab order (sheets added, renamed, deleted)."""
    return [ws.title for ws in book.worksheets]


def formats(book: Any) -> dict[tuple[str, str], str]:
    """Number formats other than General, keyed by (sheet, address)."""
    found = {}
    for ws in book.worksheets:
        for cell in ws._cells.values():
            if cell.number_format != "General":
                found[(ws.title, cell.coordinate)] = cell.number_format
    return found


def changed_formats(before: dict, book: Any) -> list[dict]:
    """Cells whose number format differs from ``before`` (General when cleared)."""
    after = formats(book)
    return [
        {"sheet": key[0], "cell": key[1], "format": after.get(key, "General")}
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    ]


@dataclasses.dataclass
class BookState:
    """What a workbook held before a run, to describe what the run changed."""

    cells: dict
    formats: dict

    @classmethod
    def of(cls, book: Any) -> BookState:
        return cls(snapshot(book), formats(book))

    def changes(self, book: Any) -> dict:
        """The ``expect`` fields of a workbook case: cells, sheets, number formats."""
        return {
            "cells": changed_cells(self.cells, book),
            "sheets": sheet_names(book),
            "formats": changed_formats(self.formats, book),
        }


def changed_cells(before: dict, book: Any) -> list[dict]:
    """Cells whose value differs from ``before``: what the procedure wrote."""
    after = snapshot(book)
    out = []
    for key in sorted(set(before) | set(after)):
        if before.get(key) != after.get(key):
            value = after.get(key)
            out.append({"sheet": key[0], "cell": key[1], "value": encode_cell(value)})
    return out


def encode_cell(value: Any) -> dict:
    if value is None:
        return {"type": "Empty"}
    if isinstance(value, str) and value.startswith("="):
        return {"type": "Formula", "value": value}
    return encode(value)


# --------------------------------------------------------------------------- the harness


class Harness:
    """Runs one golden case against the translated Python and compares the outcome.

    A fresh import of the package per case gives every case fresh module state, as each
    case had a fresh interpreter project when it was recorded."""

    def __init__(self, root: Path, package: str, capture: Any, record: Callable) -> None:
        self.root = root
        self.package = package
        self.capture = capture
        self.record = record

    def module(self, name: str) -> ModuleType:
        """The translated module, freshly imported: its module-level state starts over.
        The support package stays loaded; its program state (the Immediate window's
        column, scripted dialog answers, file numbers, Err, Erl, effects) is reset."""
        support = f"{self.package}.vba_support"
        for loaded in [
            m for m in sys.modules if _inside(m, self.package) and not _inside(m, support)
        ]:
            del sys.modules[loaded]
        flow = sys.modules.get(f"{support}.flow")
        if flow is not None:
            with contextlib.suppress(AttributeError):
                flow._immediate.column = 1
                flow._responses.clear()
        helpers = sys.modules.get(f"{support}.helpers")
        if helpers is not None:
            with contextlib.suppress(AttributeError):
                helpers.files._box = None  # file numbers start over, in this case's folder
                helpers.err.clear()  # a fresh program: Err, Erl and effects start empty
                helpers.effects.clear()
                helpers._last_error_line[0] = 0
        return importlib.import_module(f"{self.package}.{name}")

    def kinds(self) -> Any:
        return _support(self.package, "values")

    def make(self, value: Any) -> Any:
        """A NewObject or UdtArgument in the translated package: a new instance of the
        translated class (or the support package's library object); a Type's dataclass
        with the given members (matched by name ignoring case and underscores)."""
        if isinstance(value, NewObject) and value.module is None:
            low = value.kind.lower().rsplit(".", 1)[-1]
            forms = _support(self.package, "forms")
            if forms is not None and low in getattr(forms, "LIBRARY_OBJECTS", {}):
                return forms.LIBRARY_OBJECTS[low]()
            return getattr(_support(self.package, "objects"), value.kind.rsplit(".", 1)[-1])()
        name = value.kind if isinstance(value, NewObject) else value.name
        made = getattr(importlib.import_module(f"{self.package}.{value.module}"), name)()
        if isinstance(value, UdtArgument):
            fields = {_member(f.name): f.name for f in dataclasses.fields(made)}
            for member, item in value.members.items():
                if _member(member) in fields:
                    object.__setattr__(made, fields[_member(member)], item)
        return made

    def array_maker(self) -> Callable[[list, list], Any] | None:
        arrays = _support(self.package, "arrays")
        if arrays is None:
            return None

        def make(items: list, bounds: list) -> Any:
            made = arrays.VbaArray.from_list(items, bounds[0][0] if bounds else 0)
            if len(bounds) > 1:
                made.bounds = [tuple(b) for b in bounds]
            return made

        return make

    def check(self, case: dict, module_name: str, call: Callable, byref: tuple = ()) -> None:
        """Run ``call(module, args, workbook)`` for the case, then compare everything;
        ``byref`` lists ``(position, name)`` of ByRef parameters, read back from ``args``."""
        import pytest

        if case.get("skip"):
            pytest.skip(str(case["skip"]))
        book, before = self._workbook(case)
        actual = self._run(call, module_name, case.get("arguments", []), book, byref)
        if book is not None:
            actual.update(before.changes(book))
        problems = compare(case.get("expect", {}), actual)
        record = {
            "module": module_name,
            "procedure": case.get("procedure"),
            "case": case.get("id"),
            "actual": actual,
            "problems": problems,
        }
        self.record("vba_case", json.dumps(record))
        if problems:
            pytest.fail("; ".join(problems), pytrace=False)

    def _workbook(self, case: dict) -> tuple[Any, Any]:
        state = case.get("workbook")
        if not state:
            return None, None
        book = load_workbook_state(self.root / "golden" / "workbooks" / f"{state}.json")
        return book, BookState.of(book)

    def _run(
        self, call: Callable, module_name: str, arguments: list, book: Any, byref: tuple
    ) -> dict:
        """Import, call, and describe what happened; an import failure is the outcome too
        (a module-level marker makes every procedure of the module "not translated")."""
        out = io.StringIO()
        result, error, args = None, None, []
        with _scratch_folder(), contextlib.redirect_stdout(out):
            try:
                module = self.module(module_name)
                args = [decode(a, self.kinds(), self.array_maker()) for a in arguments]
                args = resolve_arguments(args, self.make)
                result = call(module, args, book)
            except NotImplementedError as exc:
                error = {
                    "number": None,
                    "description": f"not translated: {exc}",
                    "not_translated": True,
                }
            except SystemExit as exc:
                if type(exc).__name__ != "EndProgram":
                    raise
                result = getattr(self.kinds(), "Empty", None)  # End: no result, as the oracle
            except Exception as exc:  # noqa: BLE001 - every failure is part of the outcome
                number = getattr(exc, "number", None)
                text = getattr(exc, "description", None) or f"{type(exc).__name__}: {exc}"
                error = {"number": number if isinstance(number, int) else None, "description": text}
        # a printed vbCrLf ends a line, as in the oracle's Immediate window
        text = out.getvalue().replace("\r\n", "\n")
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return {
            "return": encode(result) if error is None else None,
            "byref": {name: encode(args[i]) for i, name in byref if i < len(args)},
            "output": lines,
            "error": error,
        }


@contextlib.contextmanager
def _scratch_folder() -> Any:
    """Run a case in a fresh empty working folder, as the recorder ran the legacy code in a
    fresh sandbox: files the code writes go there and are gone afterwards."""
    import os
    import tempfile

    previous = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="vba-case-") as folder:
        os.chdir(folder)
        try:
            yield folder
        finally:
            os.chdir(previous)


_SUPPORT: dict[str, ModuleType | None] = {}


def _support(package: str, name: str) -> ModuleType | None:
    """A module of the package's vba_support, None when the package has none (looked up
    once: a failed import is slow to repeat for every case)."""
    key = f"{package}.vba_support.{name}"
    if key not in _SUPPORT:
        try:
            _SUPPORT[key] = importlib.import_module(key)
        except ImportError:
            _SUPPORT[key] = None
    return _SUPPORT[key]


def _inside(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def compare(expect: dict, actual: dict) -> list[str]:
    """Differences between a golden outcome and an actual one, as short sentences."""
    problems = []
    want_error, got_error = expect.get("error"), actual.get("error")
    if got_error and got_error.get("not_translated"):
        return [str(got_error["description"])]
    if want_error or got_error:
        if not want_error or not got_error or want_error.get("number") != got_error.get("number"):
            problems.append(
                f"error: expected {_error_text(want_error)}, got {_error_text(got_error)}"
            )
    elif "return" in expect and expect["return"] is not None:
        got = actual.get("return") or {"type": "None"}
        if not _same(expect["return"], got):
            problems.append(
                f"return value: expected {display(expect['return'])}, got {display(got)}"
            )
    for name, want in (expect.get("byref") or {}).items():
        got = actual.get("byref", {}).get(name)
        if got is None or not _same(want, got):
            problems.append(f"ByRef {name}: expected {display(want)}, got {display(got)}")
    if expect.get("output", []) != actual.get("output", []):
        problems.append(
            f"output: expected {expect.get('output', [])!r}, got {actual.get('output')!r}"
        )
    if "cells" in expect:
        problems.extend(_compare_cells(expect["cells"], actual.get("cells", [])))
    if "sheets" in expect and expect["sheets"] != actual.get("sheets"):
        problems.append(f"sheets: expected {expect['sheets']!r}, got {actual.get('sheets')!r}")
    if "formats" in expect:
        want = {(f["sheet"], f["cell"]): f["format"] for f in expect["formats"]}
        got = {(f["sheet"], f["cell"]): f["format"] for f in actual.get("formats", [])}
        for key in sorted(set(want) | set(got)):
            if want.get(key, "General") != got.get(key, "General"):
                problems.append(
                    f"number format {key[0]}!{key[1]}: expected {want.get(key, 'General')!r}, "
                    f"got {got.get(key, 'General')!r}"
                )
    return problems


def _error_text(error: dict | None) -> str:
    if not error:
        return "no error"
    if error.get("number") is None:
        return str(error.get("description"))
    return f"error {error['number']} ({error.get('description', '')})"


def _compare_cells(want: list[dict], got: list[dict]) -> list[str]:
    expected = {(c["sheet"], c["cell"]): c["value"] for c in want}
    actual = {(c["sheet"], c["cell"]): c["value"] for c in got}
    problems = []
    for key in sorted(set(expected) | set(actual)):
        a, b = expected.get(key, {"type": "Empty"}), actual.get(key, {"type": "Empty"})
        if not _same(a, b):
            problems.append(f"cell {key[0]}!{key[1]}: expected {display(a)}, got {display(b)}")
    return problems


def call_with_workbook(function: Callable, args: list, workbook: Any) -> Any:
    """Call an Excel macro's translation on the case's workbook: bound through the support
    package's ``bind_workbook(book)`` (docs/translation.md), then Excel object arguments
    (a sheet, a range) are made in it."""
    support = getattr(sys.modules.get(getattr(function, "__module__", ""), None), "vba", None)
    bind = getattr(support, "bind_workbook", None)
    if bind is not None and workbook is not None:
        bind(workbook)  # the support module's global Excel objects work on this workbook
        for i, arg in enumerate(args):
            if isinstance(arg, ExcelRef):
                args[i] = arg.resolve(support.excel_object)
    return function(*args)


def byref_out(returned: Any, args: list, positions: tuple, function: bool) -> Any:
    """The translation's ByRef convention: a procedure that assigns ByRef parameters returns
    their new values after its result (a Function: ``(result, *values)``; a Sub: the value,
    or a tuple of values).  They are stored back into ``args``; the result is returned."""
    values = list(returned) if isinstance(returned, tuple) else [returned]
    result = values.pop(0) if function else None
    if function and not isinstance(returned, tuple):
        raise TypeError("expected (result, ByRef values...) from a Function with ByRef writes")
    for position, value in zip(positions, values, strict=False):
        if position < len(args):
            args[position] = value
    return result
