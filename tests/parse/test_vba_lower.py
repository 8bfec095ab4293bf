"""Source → vba_ast: the tree-sitter lowering and the hand-written reader.

Both must produce the same AST (spans aside); the shapes checked here are the
ones the interpreter relies on (MS-VBAL 5.6.6 argument passing, 5.4 statements).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from transform.parse import vba_ast as A
from transform.parse.vba_lower import decode_source, parse_text, tree_sitter_parser
from transform.parse.vba_reader import VbaSyntaxError, read_module
from transform.runtimes.vba.values import Currency, Date, Integer, Single

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(
    p
    for p in (ROOT / "samples").glob("*/*")
    if p.suffix.lower() in (".bas", ".cls", ".frm", ".ctl", ".vbs")
)
HAVE_TREE_SITTER = tree_sitter_parser() is not None
PARSERS = ["reader", "tree-sitter"] if HAVE_TREE_SITTER else ["reader"]


def shape(x: object) -> object:
    """An AST without spans, for comparing the two parsers."""
    if dataclasses.is_dataclass(x):
        return (type(x).__name__,) + tuple(
            shape(getattr(x, f.name))
            for f in dataclasses.fields(x)
            if f.name not in ("span", "file")
        )
    if isinstance(x, tuple):
        return tuple(shape(i) for i in x)
    return (type(x).__name__, repr(x))


def parse(text: str, parser: str, file: str = "Module1.bas") -> A.Module:
    if parser == "reader":
        return read_module(text, file)
    return parse_text(text, file)


def body(text: str, parser: str) -> tuple:
    """Statements of ``Sub Main`` wrapped around ``text``."""
    return parse(f"Sub Main()\n{text}\nEnd Sub\n", parser).procedures[0].body


@pytest.mark.skipif(not HAVE_TREE_SITTER, reason="VBA grammar not compiled")
@pytest.mark.parametrize("path", SAMPLES, ids=[f"{p.parent.name}/{p.name}" for p in SAMPLES])
def test_both_parsers_agree_on_samples(path: Path) -> None:
    text = decode_source(path.read_bytes())
    assert shape(parse_text(text, str(path))) == shape(read_module(text, str(path)))


@pytest.mark.parametrize("parser", PARSERS)
def test_paren_argument_is_marked(parser: str) -> None:
    """MS-VBAL 5.6.6: `Foo (x)` passes a copy; `Call Foo(x)` passes x itself."""
    s1, s2, s3 = body("Foo (x)\nCall Foo(x)\nFoo x, (y)", parser)
    assert isinstance(s1, A.CallStmt) and isinstance(s1.args[0].value, A.Paren)
    assert isinstance(s2, A.CallStmt) and s2.explicit and isinstance(s2.args[0].value, A.Name)
    assert isinstance(s3.args[0].value, A.Name) and isinstance(s3.args[1].value, A.Paren)


@pytest.mark.parametrize("parser", PARSERS)
def test_assignment_vs_comparison(parser: str) -> None:
    """MS-VBAL 5.4.3.1: the first `=` of a statement assigns; later ones compare."""
    (s,) = body("a = b = c", parser)
    assert isinstance(s, A.Assign) and isinstance(s.value, A.Binary) and s.value.op == "="


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1", Integer(1)),
        ("32768", 32768),
        ("&HFFFF", Integer(-1)),
        ("&H8000&", 32768),
        ("1.5", 1.5),
        ("2!", Single(2.0)),
        ("3@", Currency(30000)),
        ("#1/2/2003#", Date(37623.0)),
        ('"a""b"', 'a"b'),
    ],
)
def test_literal_values(parser: str, text: str, value: object) -> None:
    """MS-VBAL 3.3.2-3.3.4: literal tokens and their declared types."""
    (s,) = body(f"x = {text}", parser)
    assert isinstance(s.value, A.Literal)
    assert s.value.value == value and type(s.value.value) is type(value)


@pytest.mark.parametrize("parser", PARSERS)
def test_precedence(parser: str) -> None:
    """MS-VBAL 5.6.9: -2 ^ 2 is -(2 ^ 2); a & b + c is a & (b + c); Not a = b is Not (a = b)."""
    s1, s2, s3 = body("x = -2 ^ 2\nx = a & b + c\nx = Not a = b", parser)
    assert isinstance(s1.value, A.Unary) and isinstance(s1.value.operand, A.Binary)
    assert s2.value.op == "&" and s2.value.right.op == "+"
    assert isinstance(s3.value, A.Unary) and s3.value.operand.op == "="


@pytest.mark.parametrize("parser", PARSERS)
def test_labels_line_numbers_and_next_list(parser: str) -> None:
    """MS-VBAL 5.4.1.1 labels and line numbers; `Next j, i` closes two loops."""
    stmts = body("10 x = 1\nRetry:\nFor i = 1 To 2\nFor j = 1 To 2\nNext j, i\nGoTo Retry", parser)
    assert isinstance(stmts[0], A.Label) and stmts[0].number == 10
    assert isinstance(stmts[2], A.Label) and stmts[2].name == "Retry"
    outer = stmts[3]
    assert isinstance(outer, A.ForNext) and isinstance(outer.body[0], A.ForNext)
    assert isinstance(stmts[4], A.GoTo)


@pytest.mark.parametrize("parser", PARSERS)
def test_with_member_and_named_omitted_args(parser: str) -> None:
    """MS-VBAL 5.4.2.21 With (`.x` has no object), 5.6.6 named and omitted arguments."""
    (w,) = body("With obj\n    .Add 1, , k:=2\n    .x = .y!z\nEnd With", parser)
    call, assign = w.body
    assert call.target.obj is None and call.args[1].value is None
    assert call.args[2].name == "k"
    assert assign.target.obj is None and assign.value.bang


@pytest.mark.parametrize("parser", PARSERS)
def test_single_line_if_else(parser: str) -> None:
    """MS-VBAL 5.4.2.8 single-line If with several statements and Else."""
    (s,) = body("If a Then b = 1: c = 2 Else d = 3", parser)
    assert isinstance(s, A.If) and len(s.branches[0].body) == 2
    assert s.else_body is not None and len(s.else_body) == 1


@pytest.mark.parametrize("parser", PARSERS)
def test_conditional_compilation(parser: str) -> None:
    """MS-VBAL 3.4: only the live #If branch is kept (VBA7 is True)."""
    m = parse("#If VBA7 Then\nDim p As LongPtr\n#Else\nDim p As Long\n#End If\n", parser)
    (d,) = m.declarations
    assert d.variables[0].type.name == "LongPtr"


@pytest.mark.parametrize("parser", PARSERS)
def test_default_member_attribute(parser: str) -> None:
    """VB_UserMemId = 0 marks the class's default member."""
    src = (
        'Attribute VB_Name = "C"\nPublic Property Get Item(i)\n'
        "Attribute Item.VB_UserMemId = 0\n    Item = i\nEnd Property\n"
    )
    m = parse(src, parser, "C.cls")
    assert m.name == "C" and m.kind == "class" and m.procedures[0].is_default


@pytest.mark.parametrize("parser", PARSERS)
def test_procedure_header(parser: str) -> None:
    """MS-VBAL 5.3.1: parameters with ByVal/Optional/ParamArray/arrays and As types."""
    src = (
        'Private Function F(ByVal a As Long, Optional b As String = "x", c() As Byte, '
        "ParamArray d()) As String()\nEnd Function\n"
    )
    (p,) = parse(src, parser).procedures
    a, b, c, d = p.params
    assert (a.mode, a.type.name) == ("byval", "Long")
    assert b.optional and isinstance(b.default, A.Literal)
    assert c.is_array and d.param_array
    assert p.return_type.array and p.visibility == "private"


@pytest.mark.parametrize("parser", PARSERS)
def test_vbscript_class_block(parser: str) -> None:
    """VBScript Class ... End Class becomes a ClassBlock; top-level code is the body."""
    m = parse(
        "Class K\n  Public x\n  Sub S()\n  End Sub\nEnd Class\nDim k\nSet k = New K\n",
        parser,
        "t.vbs",
    )
    assert m.kind == "script" and m.classes[0].name == "K"
    assert isinstance(m.body[-1], A.Assign) and m.body[-1].set_


@pytest.mark.parametrize("parser", PARSERS)
def test_file_statements(parser: str) -> None:
    """MS-VBAL 5.4.5 Open/Print #/Line Input #/Close."""
    stmts = body(
        "Open p For Append Access Write As #1\nPrint #1, a; b\nLine Input #1, s\nClose #1", parser
    )
    op, pr, li, cl = stmts
    assert isinstance(op, A.Open) and op.mode == "append" and op.access == "write"
    assert isinstance(pr, A.Print) and pr.channel is not None
    assert [i.kind for i in pr.items] == ["expr", ";", "expr"]
    assert li.kind == "lineinput" and cl.kind == "close"


def test_syntax_error_names_file_and_position() -> None:
    """Bad input: a clear error naming file and position (CONTRIBUTING)."""
    with pytest.raises(VbaSyntaxError) as info:
        parse_text("Sub Main()\n    x = (1 +\nEnd Sub\n", "bad.bas")
    assert info.value.file == "bad.bas" and info.value.line == 2


def test_decode_source_encodings() -> None:
    """VBA exports are Windows-1252; UTF-8 and UTF-16 with BOM are accepted too."""
    assert decode_source("é".encode("cp1252")) == "é"
    assert decode_source("\ufeffé".encode("utf-8")) == "é"
    assert decode_source("é".encode("utf-16")) == "é"
