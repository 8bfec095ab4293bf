"""The Excel object model the legacy macros use, backed by an openpyxl workbook.

Why openpyxl: it reads and writes real .xlsx/.xlsm files without Excel, so a
characterization run can start from the user's workbook and its cell changes can
be recorded and saved.  Covered: Application, Workbook(s), Worksheets/Sheets,
Range/Cells (Value, Value2, Formula as text, Offset, Resize, Rows/Columns, Count,
End, UsedRange, CurrentRegion, ClearContents), Names, WorksheetFunction.
Formatting members (Font, Interior, Borders, AutoFit...) are accepted and ignored.
Formulas are stored as text and not calculated.

One object model for both sides: the interpreter attaches it to a project (with a session
that records effects in its run and resolves ThisWorkbook to the document module), and
the support package of translated code ships this very file, bound by
``vba_support.bind_workbook`` with a session of its own (transform/translate/workbook.py).
So the model must not import the interpreter: what it needs from whoever runs the code
is the small ``Session`` below.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import fnmatch
import re
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from .arrays import VbaArray
from .coerce import to_double, to_long, to_string
from .objects import NativeObject, deref
from .values import (
    MISSING,
    Currency,
    Date,
    Empty,
    ErrorValue,
    Nothing,
    VbaDecimal,
    VbaError,
    VbaObject,
)

MAX_ROWS, MAX_COLS = 1048576, 16384
_EPOCH = _dt.datetime(1899, 12, 30)
XL_UP, XL_DOWN, XL_TOLEFT, XL_TORIGHT = -4162, -4121, -4159, 4161


# --------------------------------------------------------------------------- values


def to_vba(v: object) -> object:
    """A cell value as VBA sees it: numbers are Doubles, empty cells Empty."""
    if v is None:
        return Empty
    if type(v) is bool or type(v) is str:
        return v
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, _dt.datetime):
        return Date((v - _EPOCH).total_seconds() / 86400.0)
    if isinstance(v, _dt.date):
        return Date(float((_dt.datetime(v.year, v.month, v.day) - _EPOCH).days))
    if isinstance(v, _dt.time):
        return Date((v.hour * 3600 + v.minute * 60 + v.second) / 86400.0)
    if isinstance(v, decimal.Decimal):
        return float(v)
    return to_string(v)


def to_cell(v: object, number_format: str = "General") -> object:
    """A VBA value as stored in a cell (Currency and Decimal become numbers)."""
    if v is Empty or v is None:
        return None
    t = type(v)
    if t is bool:
        return v
    if t is str:
        if number_format != "@" and v and not v.startswith("="):
            n = _number_text(v)
            if n is not None:
                return n
        return v
    if t is Date:
        return _EPOCH + _dt.timedelta(days=float(v))  # type: ignore[arg-type]
    if isinstance(v, Currency):
        d = v.to_decimal()
        return int(d) if d == int(d) else float(d)
    if isinstance(v, (VbaDecimal, decimal.Decimal)):
        return float(v)  # type: ignore[arg-type]
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        return float(v)
    if isinstance(v, ErrorValue):
        return {2007: "#DIV/0!", 2042: "#N/A", 2029: "#NAME?", 2015: "#VALUE!"}.get(
            v.number, "#N/A"
        )
    raise VbaError(13)


def _number_text(s: str) -> float | None:
    if re.fullmatch(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*", s):
        f = float(s)
        return int(f) if f == int(f) and "." not in s and "e" not in s.lower() else f
    return None


_A1 = re.compile(r"^\$?([A-Za-z]{1,3})?\$?(\d+)?$")


def col_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def parse_address(text: str) -> tuple[int, int, int, int]:
    """ "A1", "A1:C3", "A:A", "3:3", "$B$2" → (row1, col1, row2, col2)."""
    parts = text.replace("$", "").split(":")
    if len(parts) > 2:
        raise VbaError(1004)
    ends = []
    for p in parts:
        m = _A1.match(p.strip())
        if not m or not (m.group(1) or m.group(2)):
            raise VbaError(1004, "Method 'Range' of object '_Worksheet' failed")
        ends.append(
            (
                int(m.group(2)) if m.group(2) else None,
                col_number(m.group(1)) if m.group(1) else None,
            )
        )
    (r1, c1), (r2, c2) = ends[0], ends[-1]
    if r1 is None:
        r1, r2 = 1, MAX_ROWS
    if c1 is None:
        c1, c2 = 1, MAX_COLS
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)  # type: ignore[type-var]


def peek(ws: Any, row: int, col: int) -> object:
    """A cell's stored value without creating the cell (openpyxl's ``ws.cell`` creates
    it, which would grow the used range on every read)."""
    cell = ws._cells.get((row, col))
    return None if cell is None else cell.value


# --------------------------------------------------------------------------- host


class Session:
    """What the object model asks of whoever runs the code. This default serves code
    running alone (translated programs): effects are kept in a list, the workbook's
    folder is the current directory, Application.Run and InputBox are not available."""

    def __init__(self) -> None:
        self.effects: list[dict] = []

    def effect(self, kind: str, **details: object) -> None:
        """Something the code asked of Excel that is recorded, not performed."""
        self.effects.append({"kind": kind, **details})

    def folder(self) -> str:
        """ThisWorkbook.Path (also where relative file names go)."""
        return str(Path.cwd())

    def this_workbook(self) -> object | None:
        """The ThisWorkbook document module's object, None to use the Workbook itself."""
        return None

    def run(self, macro: str, args: list) -> object:
        raise VbaError(1004, f"Cannot run the macro '{macro}'")

    def inputbox(self, prompt: object) -> object:
        return False  # Application.InputBox's Cancel


class ExcelHost:
    """The Excel application around one workbook, plus the record of changed cells."""

    GLOBALS = {
        "application",
        "activeworkbook",
        "workbooks",
        "worksheets",
        "sheets",
        "activesheet",
        "range",
        "cells",
        "rows",
        "columns",
        "worksheetfunction",
        "names",
        "selection",
        "activecell",
        "intersect",
        "union",
        "thisworkbook",
        "calculate",
    }

    def __init__(self, session: Session, workbook: Any) -> None:
        self.session = session
        if isinstance(workbook, (str, Path)):
            self.path = Path(workbook)
            self.book = openpyxl.load_workbook(self.path, keep_vba=str(workbook).endswith("m"))
        else:
            self.path = None
            self.book = workbook
        self.app = Application(self)
        self.workbook = Workbook(self, self.book)
        self.active_index = 0
        self._changes: dict[tuple[str, str], list[object]] = {}

    def effect(self, kind: str, **details: object) -> None:
        self.session.effect(kind, **details)

    def record(self, ws: Any, row: int, col: int, old: object, new: object) -> None:
        key = (ws.title, f"{get_column_letter(col)}{row}")
        entry = self._changes.get(key)
        if entry is None:
            self._changes[key] = [old, new]
        else:
            entry[1] = new

    def changes(self) -> list[dict]:
        return [
            {"sheet": s, "cell": c, "old": _plain(o), "new": _plain(n)}
            for (s, c), (o, n) in self._changes.items()
            if o != n
        ]

    def has_global(self, name: str) -> bool:
        return name in self.GLOBALS

    def global_get(self, name: str, args: list, kw: dict | None) -> object:
        if name == "thisworkbook":
            document = self.session.this_workbook()
            return self.workbook if document is None else document
        if name == "application":
            return self.app
        return self.app.vba_get(name, args, kw)

    def global_let(self, name: str, value: object) -> None:
        self.app.vba_let(name, [], value)

    def bind_document(self, mod: Any) -> None:
        """Document modules (ThisWorkbook, Sheet1...) forward to their Excel object."""
        document = self.document(mod.name)
        if document is not None:
            mod.default_instance.delegate = document

    def document(self, code_name: str) -> Workbook | Worksheet | None:
        """The Excel object behind a document module: the workbook for ThisWorkbook, the
        sheet whose code name it is (Sheet<n> for the n-th sheet without one)."""
        if code_name.lower() == "thisworkbook":
            return self.workbook
        for i, ws in enumerate(self.book.worksheets):
            code = getattr(ws.sheet_properties, "codeName", None)
            if (code or f"Sheet{i + 1}").lower() == code_name.lower():
                return Worksheet(self, ws)
        return None

    def argument(self, kind: str, sheet: str | None = None, address: str | None = None) -> object:
        """An Excel object named by data (characterization inputs): the Workbook, a
        Worksheet by name, or a Range by sheet and address."""
        if kind.lower() == "workbook":
            return self.workbook
        ws = self.workbook.vba_worksheets(sheet if sheet is not None else 1)
        if kind.lower() == "worksheet":
            return ws
        if kind.lower() == "range":
            return ws.vba_range(address or "A1")
        raise VbaError(13)

    def active_sheet(self) -> Worksheet:
        sheets = self.book.worksheets
        return Worksheet(self, sheets[min(self.active_index, len(sheets) - 1)])

    def save(self, path: str | Path) -> None:
        """Write the workbook (temp file then rename, so a failed save leaves no stub)."""
        target = Path(path)
        tmp = target.with_name(target.name + ".tmp")
        self.book.save(tmp)
        tmp.replace(target)


def _plain(v: object) -> object:
    if isinstance(v, (_dt.datetime, _dt.date)):
        return v.isoformat()
    return v


# --------------------------------------------------------------------------- application


class Application(NativeObject):
    vba_typename = "Application"

    def __init__(self, host: ExcelHost) -> None:
        self.host = host
        self.props: dict[str, object] = {
            "screenupdating": True,
            "enableevents": True,
            "displayalerts": True,
            "calculation": -4105,
            "statusbar": False,
            "cutcopymode": False,
            "displaystatusbar": True,
            "cursor": -4143,
        }

    def vba_get(self, name: str, args: list, kw: dict | None = None) -> object:
        if name in self.props and not args:
            return self.props[name]
        ws_members = {"range", "cells", "rows", "columns", "names"}
        if name in ws_members:
            return self.host.active_sheet().vba_get(name, args, kw)
        if name in _WORKSHEET_FUNCTIONS and name not in ("index",) or name == "index":
            return _late_bound(name, [deref(a) for a in args])
        return super().vba_get(name, args, kw)

    def vba_let(self, name: str, args: list, value: object) -> None:
        if name in self.props:
            self.props[name] = value
            if name == "statusbar":
                self.host.effect(
                    "statusbar", text=to_string(value) if value is not False else False
                )
            else:  # ScreenUpdating, EnableEvents, Calculation ...: kept and recorded only
                self.host.effect("application", setting=name, value=_plain(value))
            return
        super().vba_let(name, args, value)

    def vba_worksheetfunction(self) -> WorksheetFunction:
        return WorksheetFunction()

    def vba_thisworkbook(self) -> object:
        return self.host.global_get("thisworkbook", [], None)

    def vba_activeworkbook(self) -> Workbook:
        return self.host.workbook

    def vba_workbooks(self, index: object = MISSING) -> object:
        wbs = Workbooks(self.host)
        return wbs if index is MISSING else wbs.vba_item(index)

    def vba_worksheets(self, index: object = MISSING) -> object:
        return self.host.workbook.vba_worksheets(index)

    vba_sheets = vba_worksheets

    def vba_activesheet(self) -> Worksheet:
        return self.host.active_sheet()

    def vba_activecell(self) -> Range:
        return Range(self.host.active_sheet().ws, self.host, 1, 1, 1, 1)

    def vba_selection(self) -> Range:
        return self.vba_activecell()

    def vba_pathseparator(self) -> str:
        return "\\"

    def vba_version(self) -> str:
        return "16.0"

    def vba_name(self) -> str:
        return "Microsoft Excel"

    def vba_username(self) -> str:
        return "user"

    def vba_calculate(self) -> None:
        return None

    def vba_wait(self, *args: object) -> bool:
        return True

    def vba_ontime(self, *args: object) -> None:
        self.host.effect("application.ontime", args=[to_string(a) for a in args[:2]])

    def vba_run(self, macro: object, *args: object) -> object:
        return self.host.session.run(to_string(macro).split("!")[-1], list(args))

    def vba_intersect(self, *ranges: object) -> object:
        rs = [r for r in ranges if isinstance(r, Range)]
        if not rs:
            raise VbaError(13)
        r1 = max(r.r1 for r in rs)
        c1 = max(r.c1 for r in rs)
        r2 = min(r.r2 for r in rs)
        c2 = min(r.c2 for r in rs)
        if r1 > r2 or c1 > c2 or len({id(r.ws) for r in rs}) > 1:
            return Nothing
        return Range(rs[0].ws, self.host, r1, c1, r2, c2)

    def vba_union(self, *ranges: object) -> object:
        rs = [r for r in ranges if isinstance(r, Range)]
        return Range(
            rs[0].ws,
            self.host,
            min(r.r1 for r in rs),
            min(r.c1 for r in rs),
            max(r.r2 for r in rs),
            max(r.c2 for r in rs),
        )

    def vba_inputbox(self, prompt: object = "", *args: object) -> object:
        return self.host.session.inputbox(prompt)

    def vba_getopenfilename(self, *args: object) -> object:
        self.host.effect("getopenfilename")
        return False

    def vba_getsaveasfilename(self, *args: object) -> object:
        self.host.effect("getsaveasfilename")
        return False

    def vba_quit(self) -> None:
        self.host.effect("application.quit")


class Workbooks(NativeObject):
    vba_typename = "Workbooks"
    vba_default_member = "item"

    def __init__(self, host: ExcelHost) -> None:
        self.host = host

    def __iter__(self):
        return iter([self.host.workbook])

    def vba_count(self) -> int:
        return 1

    def vba_item(self, index: object) -> Workbook:
        if isinstance(index, str) and index.lower() != self.host.workbook.vba_name().lower():
            raise VbaError(9)
        if not isinstance(index, str) and to_long(index) != 1:
            raise VbaError(9)
        return self.host.workbook

    def vba_open(self, path: object, *args: object) -> object:
        self.host.effect("workbooks.open", path=to_string(path))
        raise VbaError(1004, f"Sorry, we couldn't find {to_string(path)}.")

    def vba_add(self, *args: object) -> object:
        self.host.effect("workbooks.add")
        return Workbook(self.host, openpyxl.Workbook())


class Workbook(NativeObject):
    vba_typename = "Workbook"

    def __init__(self, host: ExcelHost, book: Any) -> None:
        self.host = host
        self.book = book

    def vba_name(self) -> str:
        return self.host.path.name if self.host.path else "Book1.xlsm"

    def vba_path(self) -> str:
        return self.host.session.folder()

    def vba_fullname(self) -> str:
        return self.vba_path() + "\\" + self.vba_name()

    def vba_worksheets(self, index: object = MISSING) -> object:
        sheets = Worksheets(self.host, self.book)
        return sheets if index is MISSING else sheets.vba_item(index)

    vba_sheets = vba_worksheets

    def vba_activesheet(self) -> Worksheet:
        return self.host.active_sheet()

    def vba_names(self, index: object = MISSING) -> object:
        names = Names(self.host, self.book)
        return names if index is MISSING else names.vba_item(index)

    def vba_save(self) -> None:
        self.host.effect("workbook.save")

    def vba_saveas(self, filename: object = "", *args: object, **kw: object) -> None:
        self.host.effect("workbook.saveas", path=to_string(filename))

    def vba_close(self, *args: object, **kw: object) -> None:
        self.host.effect("workbook.close")

    def vba_activate(self) -> None:
        return None

    def vba_saved(self) -> bool:
        return True

    def vba_let_saved(self, v: object) -> None:
        return None


class Worksheets(NativeObject):
    vba_typename = "Sheets"
    vba_default_member = "item"

    def __init__(self, host: ExcelHost, book: Any) -> None:
        self.host = host
        self.book = book

    def __iter__(self):
        return iter([Worksheet(self.host, ws) for ws in self.book.worksheets])

    def vba_count(self) -> int:
        return len(self.book.worksheets)

    def vba_item(self, index: object) -> Worksheet:
        if isinstance(index, str):
            for ws in self.book.worksheets:
                if ws.title.lower() == index.lower():
                    return Worksheet(self.host, ws)
            raise VbaError(9)
        n = to_long(index)
        if not 1 <= n <= len(self.book.worksheets):
            raise VbaError(9)
        return Worksheet(self.host, self.book.worksheets[n - 1])

    def vba_add(
        self,
        before: object = MISSING,
        after: object = MISSING,
        count: object = 1,
        type: object = MISSING,
    ) -> Worksheet:  # noqa: A002 - VBA's parameter name
        sheets = self.book.worksheets
        pos = len(sheets)
        if isinstance(before, Worksheet):
            pos = sheets.index(before.ws)
        elif isinstance(after, Worksheet):
            pos = sheets.index(after.ws) + 1
        n = 1
        existing = {s.title.lower() for s in sheets}
        while f"sheet{n}" in existing:
            n += 1
        ws = self.book.create_sheet(f"Sheet{n}", pos)
        self.host.active_index = self.book.worksheets.index(ws)
        return Worksheet(self.host, ws)


class Worksheet(NativeObject):
    vba_typename = "Worksheet"

    def __init__(self, host: ExcelHost, ws: Any) -> None:
        self.host = host
        self.ws = ws

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Worksheet) and other.ws is self.ws

    def __hash__(self) -> int:
        return id(self.ws)

    # openpyxl's own interface, for translated code that calls openpyxl directly where a
    # rule proves it equivalent (rules/vba/excel.yaml): ``ws["A1"]``, ``ws.title``.

    def __getitem__(self, key: str) -> Any:
        return self.ws[key]

    def __iter__(self) -> Any:  # __getitem__ must not make a sheet look like a sequence
        raise TypeError("a Worksheet is not a collection")

    @property
    def title(self) -> str:
        return self.ws.title

    def vba_name(self) -> str:
        return self.ws.title

    def vba_let_name(self, v: object) -> None:
        """Renaming follows Excel's sheet-name rules ("Rename a worksheet"): 1 to 31
        characters, none of / \\ ? * : [ ], no apostrophe first or last, not "History",
        unique in the workbook regardless of case; anything else is run-time error 1004."""
        name = to_string(v)
        taken = {s.title.lower() for s in self.ws.parent.worksheets if s is not self.ws}
        if (
            not 1 <= len(name) <= 31
            or any(ch in name for ch in "/\\?*:[]")
            or name.startswith("'")
            or name.endswith("'")
            or name.lower() == "history"
            or name.lower() in taken
        ):
            raise VbaError(1004, "Application-defined or object-defined error")
        self.ws.title = name

    def vba_codename(self) -> str:
        return getattr(self.ws.sheet_properties, "codeName", None) or self.ws.title

    def vba_index(self) -> int:
        return self.ws.parent.worksheets.index(self.ws) + 1

    def vba_parent(self) -> Workbook:
        return self.host.workbook

    def vba_range(self, a: object, b: object = MISSING) -> Range:
        if isinstance(a, Range):
            other = b if isinstance(b, Range) else a
            return Range(
                self.ws,
                self.host,
                min(a.r1, other.r1),
                min(a.c1, other.c1),
                max(a.r2, other.r2),
                max(a.c2, other.c2),
            )
        text = to_string(a)
        names = {n.lower(): n for n in _defined_names(self.ws.parent)}
        if text.lower() in names:
            return Names(self.host, self.ws.parent).vba_item(text).vba_referstorange()
        if b is not MISSING:
            r1, c1, _, _ = parse_address(text)
            _, _, r2, c2 = (
                parse_address(to_string(b)) if not isinstance(b, Range) else (0, 0, b.r2, b.c2)
            )
            return Range(self.ws, self.host, r1, c1, r2, c2)
        return Range(self.ws, self.host, *parse_address(text))

    def vba_cells(self, row: object = MISSING, col: object = MISSING) -> Range:
        whole = Range(self.ws, self.host, 1, 1, MAX_ROWS, MAX_COLS)
        if row is MISSING:
            return whole
        return whole.vba_item(row, col)

    def vba_rows(self, index: object = MISSING) -> Range:
        whole = Range(self.ws, self.host, 1, 1, MAX_ROWS, MAX_COLS)
        return whole.vba_rows(index)

    def vba_columns(self, index: object = MISSING) -> Range:
        whole = Range(self.ws, self.host, 1, 1, MAX_ROWS, MAX_COLS)
        return whole.vba_columns(index)

    def vba_usedrange(self) -> Range:
        ws = self.ws
        if ws.max_row == 1 and ws.max_column == 1 and peek(ws, 1, 1) is None:
            return Range(ws, self.host, 1, 1, 1, 1)
        return Range(ws, self.host, ws.min_row, ws.min_column, ws.max_row, ws.max_column)

    def vba_activate(self) -> None:
        self.host.active_index = self.vba_index() - 1

    vba_select = vba_activate

    def vba_delete(self) -> bool:
        self.host.effect("worksheet.delete", sheet=self.ws.title)
        self.ws.parent.remove(self.ws)
        return True

    def vba_names(self, index: object = MISSING) -> object:
        return self.host.workbook.vba_names(index)

    def vba_autofiltermode(self) -> bool:
        return False

    def vba_let_autofiltermode(self, v: object) -> None:
        return None

    def vba_visible(self) -> int:
        return -1

    def vba_let_visible(self, v: object) -> None:
        return None

    def vba_protect(self, *args: object, **kw: object) -> None:
        return None

    vba_unprotect = vba_protect
    vba_calculate = vba_protect


class Range(NativeObject):
    """A rectangular block of cells (1-based, inclusive)."""

    vba_typename = "Range"
    vba_default_member = "value"
    vba_index_member = "item"

    def __init__(
        self, ws: Any, host: ExcelHost, r1: int, c1: int, r2: int, c2: int, kind: str = ""
    ) -> None:
        if r1 < 1 or c1 < 1 or r2 > MAX_ROWS or c2 > MAX_COLS:
            raise VbaError(1004, "Application-defined or object-defined error")
        self.ws, self.host = ws, host
        self.r1, self.c1, self.r2, self.c2 = r1, c1, r2, c2
        self.kind = kind  # "rows"/"columns": Count and Item count rows/columns

    def __iter__(self):
        if self.kind == "rows":
            return iter(
                [
                    Range(self.ws, self.host, r, self.c1, r, self.c2)
                    for r in range(self.r1, self.r2 + 1)
                ]
            )
        if self.kind == "columns":
            return iter(
                [
                    Range(self.ws, self.host, self.r1, c, self.r2, c)
                    for c in range(self.c1, self.c2 + 1)
                ]
            )
        r2, c2 = self._clip()
        return iter(
            [
                Range(self.ws, self.host, r, c, r, c)
                for r in range(self.r1, r2 + 1)
                for c in range(self.c1, c2 + 1)
            ]
        )

    def _clip(self) -> tuple[int, int]:
        """The used part of the range (whole columns/rows stop at the data)."""
        return min(self.r2, max(self.ws.max_row, self.r1)), min(
            self.c2, max(self.ws.max_column, self.c1)
        )

    def cell_values(self) -> list[object]:
        r2, c2 = self._clip()
        return [
            to_vba(peek(self.ws, r, c))
            for r in range(self.r1, r2 + 1)
            for c in range(self.c1, c2 + 1)
        ]

    # ------------------------------------------------------------------ values

    def vba_value(self, *args: object) -> object:
        if self.r1 == self.r2 and self.c1 == self.c2:
            return to_vba(peek(self.ws, self.r1, self.c1))
        r2, c2 = self._clip()
        arr = VbaArray([(1, r2 - self.r1 + 1), (1, c2 - self.c1 + 1)])
        for r in range(self.r1, r2 + 1):
            for c in range(self.c1, c2 + 1):
                arr.set((r - self.r1 + 1, c - self.c1 + 1), to_vba(peek(self.ws, r, c)))
        return arr

    vba_value2 = vba_value

    def vba_let_value(self, *args: object) -> None:
        value = args[-1]
        if isinstance(value, Range):
            value = value.vba_value()
        if isinstance(value, VbaArray):
            self._write_array(value)
            return
        r2, c2 = (
            (self.r2, self.c2)
            if (self.r2 - self.r1 + 1) * (self.c2 - self.c1 + 1) <= 100000
            else self._clip()
        )
        for r in range(self.r1, r2 + 1):
            for c in range(self.c1, c2 + 1):
                self._store(r, c, value)

    vba_let_value2 = vba_let_value
    vba_let_formula = vba_let_value

    def _write_array(self, arr: VbaArray) -> None:
        dims = len(arr.bounds)
        for r in range(self.r1, self.r2 + 1):
            for c in range(self.c1, self.c2 + 1):
                i, j = r - self.r1, c - self.c1
                try:
                    if dims == 1:  # a 1-D array fills each row (Excel's rule)
                        v = arr.get(arr.bounds[0][0] + j)
                    else:
                        v = arr.get(arr.bounds[0][0] + i, arr.bounds[1][0] + j)
                except VbaError:
                    v = ErrorValue(2042)
                self._store(r, c, v)

    def _store(self, r: int, c: int, value: object) -> None:
        cell = self.ws.cell(r, c)
        old = cell.value
        cell.value = to_cell(value, cell.number_format)
        self.host.record(self.ws, r, c, old, cell.value)

    def vba_formula(self) -> object:
        v = peek(self.ws, self.r1, self.c1)
        if v is None:
            return ""
        return v if isinstance(v, str) else to_string(to_vba(v))

    def vba_hasformula(self) -> bool:
        v = peek(self.ws, self.r1, self.c1)
        return isinstance(v, str) and v.startswith("=")

    def vba_text(self) -> str:
        v = to_vba(peek(self.ws, self.r1, self.c1))
        cell = self.ws._cells.get((self.r1, self.c1))
        fmt = cell.number_format if cell is not None else "General"
        if fmt in ("General", "@") or v is Empty:
            return to_string(v)
        from .format import format_value

        return to_string(format_value(v, fmt))

    def vba_numberformat(self) -> str:
        cell = self.ws._cells.get((self.r1, self.c1))
        return cell.number_format if cell is not None else "General"

    def vba_let_numberformat(self, v: object) -> None:
        fmt = to_string(v)
        r2, c2 = self._format_extent()
        for r in range(self.r1, r2 + 1):
            for c in range(self.c1, c2 + 1):
                self.ws.cell(r, c).number_format = fmt

    def _format_extent(self) -> tuple[int, int]:
        r2 = self.r2 if self.r2 - self.r1 < 1000 else max(self.ws.max_row, self.r1)
        c2 = self.c2 if self.c2 - self.c1 < 200 else max(self.ws.max_column, self.c1)
        return r2, c2

    def vba_clearcontents(self) -> None:
        r2, c2 = self._clip()
        for r in range(self.r1, r2 + 1):
            for c in range(self.c1, c2 + 1):
                if peek(self.ws, r, c) is not None:
                    self._store(r, c, Empty)

    def vba_clear(self) -> None:
        self.vba_clearcontents()

    vba_delete = vba_clear

    # ------------------------------------------------------------------ geometry

    def vba_item(self, row: object, col: object = MISSING) -> Range:
        if self.kind == "rows" and col is MISSING:
            r = self.r1 + to_long(row) - 1
            return Range(self.ws, self.host, r, self.c1, r, self.c2)
        if self.kind == "columns" and col is MISSING:
            c = self.c1 + _col_index(row) - 1
            return Range(self.ws, self.host, self.r1, c, self.r2, c)
        if col is MISSING:
            n = to_long(row) - 1
            width = self.c2 - self.c1 + 1
            return self._cell(self.r1 + n // width, self.c1 + n % width)
        return self._cell(self.r1 + to_long(row) - 1, self.c1 + _col_index(col) - 1)

    def _cell(self, r: int, c: int) -> Range:
        return Range(self.ws, self.host, r, c, r, c)

    def vba_cells(self, row: object = MISSING, col: object = MISSING) -> Range:
        if row is MISSING:
            return Range(self.ws, self.host, self.r1, self.c1, self.r2, self.c2)
        plain = Range(self.ws, self.host, self.r1, self.c1, self.r2, self.c2)
        return plain.vba_item(row, col)

    def vba_range(self, a: object, b: object = MISSING) -> Range:
        inner = Worksheet(self.host, self.ws).vba_range(a, b)
        return Range(
            self.ws,
            self.host,
            self.r1 + inner.r1 - 1,
            self.c1 + inner.c1 - 1,
            self.r1 + inner.r2 - 1,
            self.c1 + inner.c2 - 1,
        )

    def vba_offset(self, rows: object = 0, cols: object = 0) -> Range:
        dr, dc = (
            to_long(rows) if rows is not MISSING else 0,
            to_long(cols) if (cols is not MISSING) else 0,
        )
        return Range(self.ws, self.host, self.r1 + dr, self.c1 + dc, self.r2 + dr, self.c2 + dc)

    def vba_resize(self, rows: object = MISSING, cols: object = MISSING) -> Range:
        nr = to_long(rows) if rows is not MISSING else self.r2 - self.r1 + 1
        nc = to_long(cols) if cols is not MISSING else self.c2 - self.c1 + 1
        if nr < 1 or nc < 1:
            raise VbaError(1004)
        return Range(self.ws, self.host, self.r1, self.c1, self.r1 + nr - 1, self.c1 + nc - 1)

    def vba_rows(self, index: object = MISSING) -> Range:
        rows = Range(self.ws, self.host, self.r1, self.c1, self.r2, self.c2, "rows")
        if index is MISSING:
            return rows
        if isinstance(index, str) and ":" in index:
            a, b = (int(x) for x in index.replace("$", "").split(":"))
            return Range(self.ws, self.host, self.r1 + a - 1, self.c1, self.r1 + b - 1, self.c2)
        return rows.vba_item(index)

    def vba_columns(self, index: object = MISSING) -> Range:
        cols = Range(self.ws, self.host, self.r1, self.c1, self.r2, self.c2, "columns")
        if index is MISSING:
            return cols
        if isinstance(index, str) and ":" in index:
            a, b = (col_number(x) for x in index.replace("$", "").split(":"))
            return Range(self.ws, self.host, self.r1, self.c1 + a - 1, self.r2, self.c1 + b - 1)
        return Range(
            self.ws,
            self.host,
            self.r1,
            self.c1 + _col_index(index) - 1,
            self.r2,
            self.c1 + _col_index(index) - 1,
        )

    def vba_entirerow(self) -> Range:
        return Range(self.ws, self.host, self.r1, 1, self.r2, MAX_COLS, "rows")

    def vba_entirecolumn(self) -> Range:
        return Range(self.ws, self.host, 1, self.c1, MAX_ROWS, self.c2, "columns")

    def vba_count(self) -> int:
        if self.kind == "rows":
            return self.r2 - self.r1 + 1
        if self.kind == "columns":
            return self.c2 - self.c1 + 1
        return (self.r2 - self.r1 + 1) * (self.c2 - self.c1 + 1)

    vba_countlarge = vba_count

    def vba_row(self) -> int:
        return self.r1

    def vba_column(self) -> int:
        return self.c1

    def vba_address(self, rowabs: object = True, colabs: object = True, *args: object) -> str:
        def one(r: int, c: int) -> str:
            col = ("$" if colabs else "") + get_column_letter(c)
            return col + ("$" if rowabs else "") + str(r)

        if self.r1 == self.r2 and self.c1 == self.c2:
            return one(self.r1, self.c1)
        return one(self.r1, self.c1) + ":" + one(self.r2, self.c2)

    def vba_worksheet(self) -> Worksheet:
        return Worksheet(self.host, self.ws)

    vba_parent = vba_worksheet

    def _empty(self, r: int, c: int) -> bool:
        return peek(self.ws, r, c) in (None, "")

    def vba_end(self, direction: object) -> Range:
        """End(xlUp/xlDown/xlToLeft/xlToRight), as Ctrl+arrow moves."""
        d = to_long(direction)
        dr, dc = {XL_UP: (-1, 0), XL_DOWN: (1, 0), XL_TOLEFT: (0, -1), XL_TORIGHT: (0, 1)}[d]
        r, c = self.r1, self.c1
        max_r = max(self.ws.max_row, 1)
        max_c = max(self.ws.max_column, 1)

        def inside(r: int, c: int) -> bool:
            return 1 <= r <= MAX_ROWS and 1 <= c <= MAX_COLS

        def step(r: int, c: int) -> tuple[int, int]:
            nr, nc = r + dr, c + dc
            # jump over the empty space beyond the data
            if dr > 0 and nr > max_r:
                return MAX_ROWS, c
            if dc > 0 and nc > max_c:
                return r, MAX_COLS
            if dr < 0 and r > max_r:
                return max_r, c
            if dc < 0 and c > max_c:
                return r, max_c
            return nr, nc

        nr, nc = step(r, c)
        if not inside(nr, nc):
            return self._cell(r, c)
        if not self._empty(r, c) and not self._empty(nr, nc):
            while True:
                tr, tc = step(r, c)
                if not inside(tr, tc) or self._empty(tr, tc):
                    return self._cell(r, c)
                r, c = tr, tc
        r, c = nr, nc
        while self._empty(r, c):
            tr, tc = step(r, c)
            if not inside(tr, tc):
                return self._cell(r, c)
            r, c = tr, tc
        return self._cell(r, c)

    def vba_currentregion(self) -> Range:
        """The block of non-empty cells around this one (bounded by empty rows/columns)."""
        r1, c1, r2, c2 = self.r1, self.c1, self.r2, self.c2
        max_r, max_c = self.ws.max_row, self.ws.max_column
        changed = True
        while changed:
            changed = False
            if r1 > 1 and any(
                not self._empty(r1 - 1, c) for c in range(max(c1 - 1, 1), min(c2 + 1, max_c) + 1)
            ):
                r1 -= 1
                changed = True
            if r2 < max_r and any(
                not self._empty(r2 + 1, c) for c in range(max(c1 - 1, 1), min(c2 + 1, max_c) + 1)
            ):
                r2 += 1
                changed = True
            if c1 > 1 and any(
                not self._empty(r, c1 - 1) for r in range(max(r1 - 1, 1), min(r2 + 1, max_r) + 1)
            ):
                c1 -= 1
                changed = True
            if c2 < max_c and any(
                not self._empty(r, c2 + 1) for r in range(max(r1 - 1, 1), min(r2 + 1, max_r) + 1)
            ):
                c2 += 1
                changed = True
        return Range(self.ws, self.host, r1, c1, r2, c2)

    # ------------------------------------------------------------------ accepted, ignored

    def vba_font(self) -> Ignored:
        return Ignored("Font")

    def vba_interior(self) -> Ignored:
        return Ignored("Interior")

    def vba_borders(self, *args: object) -> Ignored:
        return Ignored("Borders")

    def vba_autofit(self) -> None:
        return None

    def vba_select(self) -> None:
        return None

    vba_activate = vba_select

    def vba_autofilter(self, *args: object, **kw: object) -> None:
        return None

    def vba_copy(self, destination: object = MISSING) -> None:
        if isinstance(destination, Range):
            dest = destination.vba_resize(self.r2 - self.r1 + 1, self.c2 - self.c1 + 1)
            dest.vba_let_value(self.vba_value())

    def vba_horizontalalignment(self) -> int:
        return 1

    def vba_let_horizontalalignment(self, v: object) -> None:
        return None

    vba_let_columnwidth = vba_let_horizontalalignment
    vba_let_wraptext = vba_let_horizontalalignment
    vba_let_rowheight = vba_let_horizontalalignment

    def vba_merge(self, *args: object) -> None:
        return None

    def vba_find(
        self,
        what: object = MISSING,
        after: object = MISSING,
        lookin: object = MISSING,
        lookat: object = 2,
        *args: object,
        **kw: object,
    ) -> object:
        """Range.Find: the first cell (row by row) whose value contains ``what``
        (or equals it with LookAt:=xlWhole), case-insensitive; Nothing if none."""
        what = kw.get("what", what)
        lookat = kw.get("lookat", lookat)
        needle = to_string(what).lower()
        whole = lookat is not MISSING and to_long(lookat) == 1
        r2, c2 = self._clip()
        for r in range(self.r1, r2 + 1):
            for c in range(self.c1, c2 + 1):
                v = peek(self.ws, r, c)
                if v is None:
                    continue
                text = to_string(to_vba(v)).lower()
                if (text == needle) if whole else (needle in text):
                    return self._cell(r, c)
        return Nothing


def _col_index(col: object) -> int:
    if isinstance(col, str):
        return col_number(col)
    return to_long(col)


class Ignored(NativeObject):
    """Formatting objects (Font, Interior, Borders): any member can be read or set."""

    def __init__(self, name: str) -> None:
        self.vba_typename = name
        self.props: dict[str, object] = {}

    def vba_get(self, name: str, args: list, kw: dict | None = None) -> object:
        return self.props.get(name, Ignored(name) if args or name in ("item",) else Empty)

    def vba_let(self, name: str, args: list, value: object) -> None:
        self.props[name] = value

    vba_set = vba_let


def _defined_names(book: Any) -> list[str]:
    try:
        return list(book.defined_names.keys())
    except AttributeError:  # older openpyxl
        return [d.name for d in book.defined_names.definedName]


class Names(NativeObject):
    vba_typename = "Names"
    vba_default_member = "item"

    def __init__(self, host: ExcelHost, book: Any) -> None:
        self.host = host
        self.book = book

    def __iter__(self):
        return iter([self.vba_item(n) for n in _defined_names(self.book)])

    def vba_count(self) -> int:
        return len(_defined_names(self.book))

    def vba_item(self, index: object) -> NameObj:
        names = _defined_names(self.book)
        if isinstance(index, str):
            for n in names:
                if n.lower() == index.lower():
                    return NameObj(self.host, self.book, n)
            raise VbaError(1004)
        i = to_long(index)
        if not 1 <= i <= len(names):
            raise VbaError(9)
        return NameObj(self.host, self.book, names[i - 1])

    def vba_add(self, name: object, refersto: object = MISSING, *args: object, **kw: object):
        from openpyxl.workbook.defined_name import DefinedName

        text = to_string(kw.get("refersto", refersto))
        if isinstance(refersto, Range):
            text = f"='{refersto.ws.title}'!{refersto.vba_address()}"
        dn = DefinedName(to_string(name), attr_text=text.lstrip("="))
        try:
            self.book.defined_names[to_string(name)] = dn
        except TypeError:
            self.book.defined_names.append(dn)
        return NameObj(self.host, self.book, to_string(name))


class NameObj(NativeObject):
    vba_typename = "Name"

    def __init__(self, host: ExcelHost, book: Any, name: str) -> None:
        self.host = host
        self.book = book
        self.name = name

    def _dn(self) -> Any:
        try:
            return self.book.defined_names[self.name]
        except (KeyError, TypeError):
            for d in self.book.defined_names.definedName:
                if d.name == self.name:
                    return d
        raise VbaError(1004)

    def vba_name(self) -> str:
        return self.name

    def vba_refersto(self) -> str:
        return "=" + self._dn().attr_text

    def vba_referstorange(self) -> Range:
        for title, coord in self._dn().destinations:
            ws = self.book[title]
            return Range(ws, self.host, *parse_address(coord))
        raise VbaError(1004)

    def vba_value(self) -> str:
        return self.vba_refersto()

    def vba_delete(self) -> None:
        del self.book.defined_names[self.name]


# --------------------------------------------------------------------------- functions


def _flatten(args: list) -> list[object]:
    out: list[object] = []
    for a in args:
        a = deref(a)
        if isinstance(a, Range):
            out.extend(a.cell_values())
        elif isinstance(a, VbaArray):
            out.extend(a.data)
        else:
            out.append(a)
    return out


def _numbers(args: list) -> list[float]:
    """Numbers for SUM/MIN/MAX/AVERAGE: range text and blanks are skipped, direct
    arguments are converted (Excel's documented rules)."""
    out: list[float] = []
    for a in args:
        a = deref(a)
        if isinstance(a, (Range, VbaArray)):
            for v in _flatten([a]):
                if isinstance(v, (int, float)) and type(v) is not bool or isinstance(v, Currency):
                    out.append(to_double(v))
        elif a is not MISSING:
            out.append(to_double(a))
    return out


def _criteria(crit: object) -> Any:
    """COUNTIF/SUMIF criteria: ">=20", "<>x", "West", 5, wildcards."""
    if not isinstance(crit, str):
        target = to_double(crit)
        return lambda v: isinstance(v, (int, float)) and type(v) is not bool and float(v) == target  # type: ignore[arg-type]
    m = re.match(r"^(<=|>=|<>|<|>|=)?(.*)$", crit, re.S)
    op, rest = m.group(1) or "=", m.group(2)  # type: ignore[union-attr]
    num = _number_text(rest)
    if num is not None:
        x = float(num)
        ops = {
            "=": lambda a: a == x,
            "<>": lambda a: a != x,
            "<": lambda a: a < x,
            "<=": lambda a: a <= x,
            ">": lambda a: a > x,
            ">=": lambda a: a >= x,
        }
        f = ops[op]
        return lambda v: (
            (isinstance(v, float) and f(v)) if op != "<>" else not (isinstance(v, float) and v == x)
        )
    pattern = rest.lower()

    def text_match(v: object) -> bool:
        s = to_string(v).lower() if v is not Empty else ""
        hit = (
            fnmatch.fnmatchcase(s, pattern.replace("[", "[[]"))
            if any(ch in pattern for ch in "*?")
            else s == pattern
        )
        return hit if op == "=" else not hit if op == "<>" else False

    return text_match


def _match(value: object, area: object, kind: object = 1) -> float:
    items = _flatten([area])
    mode = to_long(kind) if kind is not MISSING else 1
    if mode == 0:
        for i, v in enumerate(items):
            if _same(v, value):
                return float(i + 1)
        raise LookupError
    best = None
    for i, v in enumerate(items):
        if v is Empty:
            continue
        if (mode > 0 and _le(v, value)) or (mode < 0 and _le(value, v)):
            best = i
        else:
            break
    if best is None:
        raise LookupError
    return float(best + 1)


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        if any(ch in b for ch in "*?"):
            return fnmatch.fnmatchcase(a.lower(), b.lower())
        return a.lower() == b.lower()
    if isinstance(a, str) or isinstance(b, str):
        return False
    try:
        return to_double(a) == to_double(b)
    except VbaError:
        return False


def _le(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() <= b.lower()
    if isinstance(a, str) or isinstance(b, str):
        return not isinstance(a, str)
    return to_double(a) <= to_double(b)


def _rows_of(table: object) -> list[list[object]]:
    if isinstance(table, Range):
        r2, c2 = table._clip()
        return [
            [to_vba(peek(table.ws, r, c)) for c in range(table.c1, c2 + 1)]
            for r in range(table.r1, r2 + 1)
        ]
    if isinstance(table, VbaArray):
        if len(table.bounds) == 1:
            return [list(table.data)]
        (lo1, hi1), (lo2, hi2) = table.bounds
        return [[table.get(i, j) for j in range(lo2, hi2 + 1)] for i in range(lo1, hi1 + 1)]
    raise VbaError(13)


def _vlookup(value: object, table: object, col: object, approx: object = True) -> object:
    rows = _rows_of(table)
    c = to_long(col)
    if c < 1 or (rows and c > len(rows[0])):
        raise LookupError
    exact = approx is not MISSING and not approx
    firsts = VbaArray.from_list([r[0] for r in rows])
    pos = _match(value, firsts, 0 if exact else 1)
    return rows[int(pos) - 1][c - 1]


def _index(area: object, row: object, col: object = MISSING) -> object:
    rows = _rows_of(area)
    r = to_long(row)
    c = to_long(col) if col is not MISSING else 1
    if len(rows) == 1 and col is MISSING:
        r, c = 1, r
    if not (1 <= r <= len(rows) and 1 <= c <= len(rows[0])):
        raise VbaError(1004)
    return rows[r - 1][c - 1]


def _round(x: object, digits: object) -> float:
    d = decimal.Decimal(repr(to_double(x)))
    q = decimal.Decimal(1).scaleb(-to_long(digits))
    return float(d.quantize(q, rounding=decimal.ROUND_HALF_UP))


def _countif(area: object, crit: object) -> float:
    test = _criteria(crit)
    return float(sum(1 for v in _flatten([area]) if test(v)))


def _sumif(area: object, crit: object, sum_area: object = MISSING) -> float:
    test = _criteria(crit)
    keys = _flatten([area])
    vals = _flatten([sum_area]) if sum_area is not MISSING else keys
    return float(
        sum(
            to_double(v)
            for k, v in zip(keys, vals, strict=False)
            if test(k) and isinstance(v, (int, float)) and type(v) is not bool
        )
    )


def _average(*args: object) -> float:
    nums = _numbers(list(args))
    if not nums:
        raise ZeroDivisionError
    return sum(nums) / len(nums)


def _transpose(area: object) -> VbaArray:
    """TRANSPOSE: rows become columns; a 1-D array becomes one column (1-based result)."""
    rows = _rows_of(area)
    n, m = len(rows), len(rows[0]) if rows else 0
    out = VbaArray([(1, m), (1, n)])
    for i in range(n):
        for j in range(m):
            out.set((j + 1, i + 1), rows[i][j])
    return out


_WORKSHEET_FUNCTIONS: dict[str, Any] = {
    "transpose": _transpose,
    "sum": lambda *a: float(sum(_numbers(list(a)))),
    "min": lambda *a: float(min(_numbers(list(a)), default=0.0)),
    "max": lambda *a: float(max(_numbers(list(a)), default=0.0)),
    "average": _average,
    "count": lambda *a: float(len(_numbers([x for x in a if isinstance(x, (Range, VbaArray))]))),
    "counta": lambda *a: float(sum(1 for v in _flatten(list(a)) if v is not Empty and v != "")),
    "countblank": lambda *a: float(sum(1 for v in _flatten(list(a)) if v is Empty or v == "")),
    "countif": _countif,
    "sumif": _sumif,
    "match": _match,
    "vlookup": _vlookup,
    "index": _index,
    "round": _round,
    "roundup": lambda x, d: float(
        decimal.Decimal(repr(to_double(x))).quantize(
            decimal.Decimal(1).scaleb(-to_long(d)), rounding=decimal.ROUND_UP
        )
    ),
    "rounddown": lambda x, d: float(
        decimal.Decimal(repr(to_double(x))).quantize(
            decimal.Decimal(1).scaleb(-to_long(d)), rounding=decimal.ROUND_DOWN
        )
    ),
    "trim": lambda s: " ".join(to_string(s).split()),
    "large": lambda a, k: sorted(_numbers([a]), reverse=True)[to_long(k) - 1],
    "small": lambda a, k: sorted(_numbers([a]))[to_long(k) - 1],
    "product": lambda *a: float(__import__("math").prod(_numbers(list(a)))),
    "median": lambda *a: float(__import__("statistics").median(_numbers(list(a)))),
}


def _call_function(name: str, args: list) -> object:
    fn = _WORKSHEET_FUNCTIONS.get(name)
    if fn is None:
        raise VbaError(438)
    values = [deref(a) for a in args]
    while values and values[-1] is MISSING:
        values.pop()
    return fn(*values)


def _late_bound(name: str, args: list) -> object:
    """Application.Match & co.: a failure is an error value, not a run-time error."""
    try:
        return _call_function(name, args)
    except LookupError:
        return ErrorValue(2042)
    except ZeroDivisionError:
        return ErrorValue(2007)


class WorksheetFunction(NativeObject):
    """WorksheetFunction: failures raise 1004 "Unable to get the X property"."""

    vba_typename = "WorksheetFunction"

    def vba_get(self, name: str, args: list, kw: dict | None = None) -> object:
        try:
            return _call_function(name, args)
        except (LookupError, ZeroDivisionError):
            raise VbaError(
                1004, f"Unable to get the {name.title()} property of the WorksheetFunction class"
            ) from None


__all__ = ["ExcelHost", "Range", "VbaObject", "Worksheet", "parse_address"]
