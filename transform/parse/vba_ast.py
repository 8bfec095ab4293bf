"""The VBA abstract syntax tree: the parse stage's output for VBA, VB6 and VBScript.

Why a separate tree: the tree-sitter syntax tree is concrete (tokens, separators,
keyword spellings) and tied to one grammar; the interpreter, the indexer and the
translator want one small, stable shape.  Nodes are frozen, slotted dataclasses
so they are cheap, hashable and safe to share between stages.  Every node carries
a ``Span`` pointing back at the legacy source.  Names keep their source
spelling; compare them case-insensitively (VBA is case-insensitive).
See docs/vba-ast.md for the node reference.
"""

from __future__ import annotations

from dataclasses import dataclass

# --------------------------------------------------------------------------- spans


@dataclass(frozen=True, slots=True)
class Span:
    """Where a node came from: file, 1-based start/end line and column."""

    file: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


NO_SPAN = Span()

# --------------------------------------------------------------------------- type names

# The type a declaration character gives a name or literal (MS-VBAL 3.3.5.3 type-suffix).
TYPE_HINTS = {
    "%": "Integer",
    "&": "Long",
    "^": "LongLong",
    "!": "Single",
    "#": "Double",
    "@": "Currency",
    "$": "String",
}

# The type each Def<type> statement gives names by first letter (MS-VBAL 5.2.2).
DEFTYPES = {
    "defbool": "Boolean",
    "defbyte": "Byte",
    "defint": "Integer",
    "deflng": "Long",
    "deflnglng": "LongLong",
    "deflngptr": "LongPtr",
    "defcur": "Currency",
    "defsng": "Single",
    "defdbl": "Double",
    "defdate": "Date",
    "defstr": "String",
    "defobj": "Object",
    "defvar": "Variant",
    "defdec": "Decimal",
}


# --------------------------------------------------------------------------- types


@dataclass(frozen=True, slots=True)
class TypeRef:
    """An ``As`` clause: ``As Long``, ``As String * 10``, ``As New Collection``,
    ``As Excel.Range``.  ``name`` is the (possibly dotted) type name; ``array`` for a
    function returning an array (``As String()``)."""

    name: str
    fixed_length: Expr | None = None
    new: bool = False
    array: bool = False
    span: Span = NO_SPAN


# --------------------------------------------------------------------------- expressions


@dataclass(frozen=True, slots=True)
class Literal:
    """A literal already converted to its VBA value (Integer, Long, Double, Currency,
    String, Date, Boolean, Empty, Null, Nothing) by the literal rules of MS-VBAL 3.3."""

    value: object
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Name:
    """A simple name; ``type_hint`` is its declaration character (``s$`` → "$")."""

    name: str
    type_hint: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Me:
    """``Me``: the current class instance."""

    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Member:
    """``obj.name`` or ``obj!name`` (``bang``); ``obj`` is None for ``.name`` inside
    a With block."""

    obj: Expr | None
    name: str
    bang: bool = False
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Arg:
    """One argument: ``value`` is None when omitted (``f(1, , 3)``); ``name`` for a
    named argument ``x:=1``; ``by_val`` for the ``ByVal`` argument prefix."""

    value: Expr | None
    name: str | None = None
    by_val: bool = False
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Index:
    """``target(args)``: a call or an array index (VBA cannot tell them apart
    syntactically; the interpreter resolves it)."""

    target: Expr
    args: tuple[Arg, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Paren:
    """A parenthesised expression.  Kept because ``(x)`` as an argument passes a copy
    of ``x`` even to a ByRef parameter (MS-VBAL 5.6.6)."""

    expr: Expr
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Unary:
    """``-x``, ``+x``, ``Not x``; ``op`` is "-", "+" or "not"."""

    op: str
    operand: Expr
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Binary:
    """A binary operator; ``op`` in lower case: ``+ - * / \\ mod ^ & = <> < <= > >=
    like is and or xor eqv imp``."""

    op: str
    left: Expr
    right: Expr
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class TypeOfIs:
    """``TypeOf expr Is TypeName``."""

    expr: Expr
    type_name: str
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class New:
    """``New ClassName`` (in ``Set x = New C``)."""

    class_name: str
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class AddressOf:
    """``AddressOf ProcName``."""

    name: str
    span: Span = NO_SPAN


Expr = Literal | Name | Me | Member | Index | Paren | Unary | Binary | TypeOfIs | New | AddressOf


# --------------------------------------------------------------------------- declarations


@dataclass(frozen=True, slots=True)
class Bound:
    """One array dimension: ``upper`` alone, or ``lower To upper``."""

    lower: Expr | None
    upper: Expr
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class VarDecl:
    """One variable in a Dim/Private/Public/Static/ReDim list.  ``bounds`` is None for a
    scalar, ``()`` for a dynamic array, else the dimensions."""

    name: str
    type: TypeRef | None = None
    bounds: tuple[Bound, ...] | None = None
    with_events: bool = False
    type_hint: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Dim:
    """A variable declaration statement; ``keyword`` is dim/private/public/global/static."""

    keyword: str
    variables: tuple[VarDecl, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class ConstDecl:
    name: str
    type: TypeRef | None
    value: Expr
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Const:
    """``[Public|Private] Const a = 1, b As Long = 2``."""

    visibility: str
    constants: tuple[ConstDecl, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class TypeDef:
    """``Type Name ... End Type`` (a user-defined type: a value, copied on assignment)."""

    name: str
    members: tuple[VarDecl, ...]
    visibility: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class EnumMember:
    name: str
    value: Expr | None
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class EnumDef:
    """``Enum Name ... End Enum``; members without a value count on from the previous."""

    name: str
    members: tuple[EnumMember, ...]
    visibility: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Param:
    """A formal parameter.  ``mode`` is "byref" (the default) or "byval"."""

    name: str
    mode: str = "byref"
    optional: bool = False
    default: Expr | None = None
    param_array: bool = False
    is_array: bool = False
    type: TypeRef | None = None
    type_hint: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Declare:
    """``Declare [PtrSafe] Sub|Function name Lib "x" [Alias "y"] (params) [As T]``."""

    name: str
    kind: str
    lib: str
    alias: str | None
    params: tuple[Param, ...]
    return_type: TypeRef | None = None
    visibility: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class EventDecl:
    """``[Public] Event Name(params)``."""

    name: str
    params: tuple[Param, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Implements:
    name: str
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Option:
    """``Option Explicit|Base n|Compare Binary/Text/Database|Private Module``."""

    name: str
    value: str = ""
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class DefType:
    """``DefInt A-Z`` and friends: default type by first letter."""

    type_name: str
    ranges: tuple[tuple[str, str], ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Attribute:
    """``Attribute VB_Name = "X"`` (module) or ``Attribute Item.VB_UserMemId = 0``."""

    name: str
    value: object
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Procedure:
    """Sub, Function or Property Get/Let/Set.  ``kind`` is sub/function/get/let/set.
    ``attributes`` holds procedure attributes such as VB_UserMemId (default member)."""

    kind: str
    name: str
    params: tuple[Param, ...]
    body: tuple[Stmt, ...]
    return_type: TypeRef | None = None
    visibility: str = ""
    static: bool = False
    is_default: bool = False
    attributes: tuple[Attribute, ...] = ()
    span: Span = NO_SPAN


# --------------------------------------------------------------------------- statements


@dataclass(frozen=True, slots=True)
class Label:
    """A line label ``Name:`` or a line number (``number`` set, for Erl)."""

    name: str
    number: int | None = None
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Assign:
    """``[Let] target = value`` or ``Set target = value`` (``set_``)."""

    target: Expr
    value: Expr
    set_: bool = False
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class CallStmt:
    """A call statement: ``Foo a, b`` / ``Foo (a)`` / ``Call Foo(a)`` / ``obj.M x``.
    ``args`` are the call's arguments; ``Foo (a)`` has one argument that is a Paren."""

    target: Expr
    args: tuple[Arg, ...]
    explicit: bool = False
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class IfBranch:
    condition: Expr
    body: tuple[Stmt, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class If:
    """Block or single-line If: branches (If, ElseIf...) then the Else body."""

    branches: tuple[IfBranch, ...]
    else_body: tuple[Stmt, ...] | None = None
    single_line: bool = False
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class CaseTest:
    """One Case test: ``kind`` "value" (expr), "range" (expr To upper) or "is"
    (Is op expr)."""

    kind: str
    expr: Expr
    upper: Expr | None = None
    op: str = "="
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class CaseClause:
    tests: tuple[CaseTest, ...]
    body: tuple[Stmt, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class SelectCase:
    subject: Expr
    cases: tuple[CaseClause, ...]
    else_body: tuple[Stmt, ...] | None = None
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class ForNext:
    counter: Expr
    start: Expr
    end: Expr
    step: Expr | None
    body: tuple[Stmt, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class ForEach:
    element: Expr
    group: Expr
    body: tuple[Stmt, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class DoLoop:
    """``Do [While|Until c] ... Loop [While|Until c]``: ``test_at`` is "pre", "post"
    or "" (no condition); ``until`` negates the condition."""

    condition: Expr | None
    until: bool
    test_at: str
    body: tuple[Stmt, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class WhileWend:
    condition: Expr
    body: tuple[Stmt, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class With:
    obj: Expr
    body: tuple[Stmt, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class GoTo:
    label: str
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class GoSub:
    label: str
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Return:
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class OnGoTo:
    """``On expr GoTo|GoSub l1, l2``."""

    expr: Expr
    labels: tuple[str, ...]
    gosub: bool = False
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class OnError:
    """``On Error GoTo label`` (kind "goto"), ``Resume Next`` ("resume_next"),
    ``GoTo 0`` ("goto0"), ``GoTo -1`` ("goto-1")."""

    kind: str
    label: str | None = None
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Resume:
    """``Resume`` ("here"), ``Resume Next`` ("next"), ``Resume label`` ("label")."""

    kind: str
    label: str | None = None
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Exit:
    """``Exit Sub|Function|Property|For|Do``; ``kind`` in lower case."""

    kind: str
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class End:
    """``End`` (stops the whole program)."""

    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Stop:
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class ReDimItem:
    target: Expr
    bounds: tuple[Bound, ...]
    type: TypeRef | None = None
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class ReDim:
    preserve: bool
    items: tuple[ReDimItem, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Erase:
    targets: tuple[Expr, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class LSetRSet:
    """``LSet target = value`` / ``RSet target = value`` (``right``)."""

    target: Expr
    value: Expr
    right: bool = False
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class MidAssign:
    """``Mid[$|B](target, start[, length]) = value``."""

    target: Expr
    start: Expr
    length: Expr | None
    value: Expr
    bytes_: bool = False
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class RaiseEvent:
    name: str
    args: tuple[Arg, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class PrintItem:
    """One item of an output list: ``kind`` "expr", "spc", "tab" (``value`` None for
    a bare Tab), ";" or ","."""

    kind: str
    value: Expr | None = None
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Print:
    """``Debug.Print items`` (``channel`` None) or ``Print #n, items``."""

    channel: Expr | None
    items: tuple[PrintItem, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class DebugAssert:
    condition: Expr
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Open:
    """``Open path For mode [Access a] [lock] As #n [Len = r]``."""

    path: Expr
    mode: str
    channel: Expr
    access: str = ""
    lock: str = ""
    record_length: Expr | None = None
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class FileStmt:
    """The other file statements.  ``kind``: close, reset, write, input, lineinput, get,
    put, seek, lock, unlock, width.  ``channel`` then ``args`` (for Input/Get the
    targets; for Get/Put ``args`` = (record or None, variable))."""

    kind: str
    channel: Expr | None
    args: tuple[Expr | None, ...] = ()
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class NameStmt:
    """``Name old As new`` (rename a file)."""

    old: Expr
    new: Expr
    span: Span = NO_SPAN


Stmt = (
    Label
    | Dim
    | Const
    | Assign
    | CallStmt
    | If
    | SelectCase
    | ForNext
    | ForEach
    | DoLoop
    | WhileWend
    | With
    | GoTo
    | GoSub
    | Return
    | OnGoTo
    | OnError
    | Resume
    | Exit
    | End
    | Stop
    | ReDim
    | Erase
    | LSetRSet
    | MidAssign
    | RaiseEvent
    | Print
    | DebugAssert
    | Open
    | FileStmt
    | NameStmt
)


# --------------------------------------------------------------------------- modules


@dataclass(frozen=True, slots=True)
class ClassBlock:
    """A VBScript ``Class Name ... End Class`` (a class module inside a file)."""

    name: str
    declarations: tuple[object, ...]
    procedures: tuple[Procedure, ...]
    span: Span = NO_SPAN


@dataclass(frozen=True, slots=True)
class Module:
    """One source file.  ``kind``: "standard" (.bas), "class" (.cls), "document"
    (ThisWorkbook, Sheet1), "form" (.frm/.ctl), "script" (.vbs).  ``declarations`` are
    the module-level Option/Dim/Const/Type/Enum/Declare/Event/Implements items in source
    order; ``body`` is top-level executable code (VBScript only)."""

    name: str
    kind: str
    declarations: tuple[object, ...] = ()
    procedures: tuple[Procedure, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    classes: tuple[ClassBlock, ...] = ()
    body: tuple[Stmt, ...] = ()
    file: str = ""
    span: Span = NO_SPAN

    def option(self, name: str) -> Option | None:
        """The ``Option name`` declaration, if present."""
        for d in self.declarations:
            if isinstance(d, Option) and d.name.lower() == name.lower():
                return d
        return None
