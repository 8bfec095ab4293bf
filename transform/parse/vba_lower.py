"""Source → vba_ast: the parse stage's entry point for VBA, VB6 and VBScript.

Why a lowering: the tree-sitter tree (grammars/vba, docs/vba-grammar.md) is
concrete — tokens, separators, keyword spellings; the interpreter, the indexer
and the translator want the small, stable AST of vba_ast.  ``Lowerer`` walks the
tree once and builds it.  When the compiled grammar is unavailable (a checkout
without a C compiler) the hand-written reader (vba_reader) produces the same AST.
A tree with ERROR or MISSING nodes is refused with the first position, so a
half-read module never runs.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import vba_ast as A
from .vba_lexer import _pp_value
from .vba_literals import date_literal, number_literal
from .vba_reader import VbaSyntaxError, _attach_attrs, _hint_type, module_kind, read_module

__all__ = ["VbaSyntaxError", "decode_source", "parse_file", "parse_text", "tree_sitter_parser"]


def decode_source(data: bytes) -> str:
    """Text of a VBA export: UTF-8 (with or without BOM), UTF-16 with BOM, else
    Windows-1252 (what the VBE writes)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


_PARSER: list[object] = []


def tree_sitter_parser() -> object | None:
    """The tree-sitter parser for the VBA grammar, or None when it is not built.

    ``VBA_PARSER=reader`` in the environment forces the hand-written reader."""
    if os.environ.get("VBA_PARSER") == "reader":
        return None
    if not _PARSER:
        try:
            import tree_sitter

            from .languages import LanguageUnavailable, get_language

            try:
                _PARSER.append(tree_sitter.Parser(get_language("vba")))
            except (LanguageUnavailable, OSError, RuntimeError):
                _PARSER.append(None)
        except ImportError:  # pragma: no cover - a declared dependency
            _PARSER.append(None)
    return _PARSER[0]


def parse_text(text: str, file: str = "Module1.bas", kind: str | None = None) -> A.Module:
    """Parse one module's text; ``kind`` defaults from the file name."""
    kind = kind or module_kind(file, text)
    parser = tree_sitter_parser()
    if parser is None:
        return read_module(text, file, kind)
    text = text.lstrip("\ufeff")
    if not text.endswith("\n"):
        text += "\n"
    tree = parser.parse(text.encode("utf-8"))  # type: ignore[attr-defined]
    return Lowerer(file, text).module(tree.root_node, kind)


def parse_file(path: Path) -> A.Module:
    """Parse one source file (.bas .cls .frm .ctl .vbs)."""
    return parse_text(decode_source(Path(path).read_bytes()), str(path))


class Lowerer:
    """tree-sitter nodes → vba_ast nodes (one method per node type)."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.consts: dict[str, object] = {}

    # ------------------------------------------------------------------ helpers

    def span(self, n: object) -> A.Span:
        (r1, c1), (r2, c2) = n.start_point, n.end_point  # type: ignore[attr-defined]
        return A.Span(self.file, r1 + 1, c1 + 1, r2 + 1, c2 + 1)

    def fail(self, n: object, message: str) -> VbaSyntaxError:
        r, c = n.start_point  # type: ignore[attr-defined]
        return VbaSyntaxError(self.file, r + 1, c + 1, message)

    @staticmethod
    def text(n: object) -> str:
        return n.text.decode("utf-8")  # type: ignore[attr-defined]

    def name_hint(self, n: object) -> tuple[str, str]:
        """An identifier's name and type-hint character (``s$`` → ("s", "$"))."""
        t = self.text(n)
        if t.startswith("[") and t.endswith("]"):
            return t[1:-1], ""
        if len(t) > 1 and t[-1] in A.TYPE_HINTS:
            return t[:-1], t[-1]
        return t, ""

    def name(self, n: object) -> str:
        if n.type == "type_name":  # type: ignore[attr-defined]
            return ".".join(self.name_hint(c)[0] for c in n.named_children)  # type: ignore
        return self.name_hint(n)[0]

    @staticmethod
    def field(n: object, name: str) -> object | None:
        return n.child_by_field_name(name)  # type: ignore[attr-defined]

    @staticmethod
    def fields(n: object, name: str) -> list:
        return n.children_by_field_name(name)  # type: ignore[attr-defined]

    @staticmethod
    def anon(n: object) -> list[str]:
        """Lower-case texts of a node's anonymous children (keywords, operators)."""
        return [
            c.text.decode("utf-8").lower()
            for c in n.children  # type: ignore[attr-defined]
            if not c.is_named
        ]

    def visibility(self, n: object) -> str:
        for c in n.named_children:  # type: ignore[attr-defined]
            if c.type == "modifier":
                word = self.text(c).lower()
                if word != "static":
                    return word
        return ""

    def has_static(self, n: object) -> bool:
        return any(
            c.type == "modifier" and self.text(c).lower() == "static"
            for c in n.named_children  # type: ignore[attr-defined]
        )

    # ------------------------------------------------------------------ module

    def check(self, root: object) -> None:
        if not root.has_error:  # type: ignore[attr-defined]
            return
        stack = [root]
        while stack:
            n = stack.pop()
            if n.is_error or n.is_missing:  # type: ignore[attr-defined]
                what = "missing " + n.type if n.is_missing else "cannot read"  # type: ignore
                snippet = self.text(n)[:30]
                raise self.fail(n, f"{what} {snippet!r}")
            stack.extend(reversed(n.children))  # type: ignore[attr-defined]

    def module(self, root: object, kind: str) -> A.Module:
        self.check(root)
        decls: list[object] = []
        procs: list[A.Procedure] = []
        attrs: list[A.Attribute] = []
        proc_attrs: list[A.Attribute] = []
        classes: list[A.ClassBlock] = []
        body: list[A.Stmt] = []
        for c in self.flatten(root.named_children):  # type: ignore[attr-defined]
            t = c.type
            if t in (
                "comment",
                "line_continuation",
                "version_header",
                "object_reference",
                "begin_block",
            ):
                continue
            if t == "attribute_statement":
                a = self.attribute(c)
                attrs.append(a)
                if "." in a.name:
                    proc_attrs.append(a)
            elif t in ("sub_declaration", "function_declaration", "property_declaration"):
                procs.append(self.procedure(c))
            elif t == "class_declaration":
                classes.append(self.class_block(c))
            elif t in _DECLARATIONS:
                decls.append(getattr(self, "d_" + t)(c))
            elif t == "label":
                body.append(self.label(c))
            else:
                body.append(self.statement(c))
        procs = [_attach_attrs(p, proc_attrs) for p in procs]
        name = Path(self.file.replace("\\", "/")).stem or "Module1"
        for a in attrs:
            if a.name.lower() == "vb_name" and isinstance(a.value, str):
                name = a.value
        return A.Module(
            name=name,
            kind=kind,
            declarations=tuple(decls),
            procedures=tuple(procs),
            attributes=tuple(attrs),
            classes=tuple(classes),
            body=tuple(body),
            file=self.file,
            span=self.span(root),
        )

    def flatten(self, nodes: list) -> list:
        """Children with ``#If`` resolved (MS-VBAL 3.4): only the live branch stays."""
        out = []
        for c in nodes:
            if c.type == "preproc_if":
                out.extend(self.flatten(self.preproc_branch(c)))
            elif c.type == "preproc_const":
                value = self.field(c, "value")
                self.consts[self.text(self.field(c, "name")).lower()] = (
                    _pp_value(self.text(value), self.consts) if value is not None else 0
                )
            elif c.type == "block":
                out.extend(self.flatten(c.named_children))
            else:
                out.append(c)
        return out

    def preproc_branch(self, n: object) -> list:
        consts = {
            "vba7": True,
            "vba6": True,
            "win64": True,
            "win32": True,
            "win16": False,
            "mac": False,
            **self.consts,
        }
        if _pp_value(self.text(self.field(n, "condition")), consts):
            body = self.field(n, "consequence")
            return list(body.named_children) if body is not None else []  # type: ignore
        for alt in self.fields(n, "alternative"):
            if alt.type == "preproc_elseif":
                if _pp_value(self.text(self.field(alt, "condition")), consts):
                    body = self.field(alt, "consequence")
                    return list(body.named_children) if body is not None else []  # type: ignore
            elif alt.type == "preproc_else":
                body = self.field(alt, "body")
                return list(body.named_children) if body is not None else []  # type: ignore
        return []

    def attribute(self, n: object) -> A.Attribute:
        name_node = self.field(n, "name")
        values = self.fields(n, "value")
        value: object = None
        if values:
            e = self.expr(values[0])
            if isinstance(e, A.Literal):
                value = e.value
            elif isinstance(e, A.Unary) and isinstance(e.operand, A.Literal):
                value = -e.operand.value  # type: ignore[operator]
        if name_node.type == "member_expression":  # type: ignore[union-attr]
            name = self.text(name_node).replace(" ", "")
        else:
            name = self.name(name_node)
        return A.Attribute(name, value, self.span(n))

    def class_block(self, n: object) -> A.ClassBlock:
        decls: list[object] = []
        procs: list[A.Procedure] = []
        body = self.field(n, "body")
        children = self.flatten(body.named_children) if body is not None else []  # type: ignore
        for c in children:
            if c.type in ("sub_declaration", "function_declaration", "property_declaration"):
                procs.append(self.procedure(c))
            elif c.type in _DECLARATIONS:
                decls.append(getattr(self, "d_" + c.type)(c))
        return A.ClassBlock(
            self.name(self.field(n, "name")), tuple(decls), tuple(procs), self.span(n)
        )

    # ------------------------------------------------------------------ declarations

    def d_option_statement(self, n: object) -> A.Option:
        words = [self.text(c) for c in n.children if c.type != "comment"]  # type: ignore
        words = [w for w in " ".join(words).split() if w]
        name = words[1] if len(words) > 1 else ""
        value = words[2] if len(words) > 2 else ""
        return A.Option(name, value, self.span(n))

    def d_deftype_statement(self, n: object) -> A.DefType:
        word = self.anon(n)[0] if self.anon(n) else "defvar"

        ranges = []
        for r in n.named_children:  # type: ignore[attr-defined]
            if r.type == "letter_range":
                start = self.text(self.field(r, "start"))
                end = self.field(r, "end")
                ranges.append((start, self.text(end) if end is not None else start))
        return A.DefType(A.DEFTYPES.get(word, "Variant"), tuple(ranges), self.span(n))

    def d_implements_statement(self, n: object) -> A.Implements:
        return A.Implements(self.name(self.field(n, "interface")), self.span(n))

    def d_variable_declaration(self, n: object) -> A.Dim:
        keyword = "dim"
        mods = [self.text(c).lower() for c in n.named_children if c.type == "modifier"]  # type: ignore
        if mods:
            keyword = mods[0]
        elif "static" in self.anon(n):
            keyword = "static"
        with_events = self.field(n, "with_events") is not None
        decls = tuple(
            self.declarator(c, with_events)
            for c in n.named_children  # type: ignore[attr-defined]
            if c.type == "variable_declarator"
        )
        return A.Dim(keyword, decls, self.span(n))

    def declarator(self, n: object, with_events: bool = False) -> A.VarDecl:
        name, hint = self.name_hint(self.field(n, "name"))
        dims = self.field(n, "dimensions")
        return A.VarDecl(
            name,
            self.type_ref(n),
            self.bounds(dims) if dims is not None else None,
            with_events,
            hint,
            self.span(n),
        )

    def type_ref(self, n: object, field: str = "type") -> A.TypeRef | None:
        t = self.field(n, field)
        if t is None:
            return None
        length = self.field(n, "length")
        return A.TypeRef(
            self.name(t),
            self.expr(length) if length is not None else None,
            self.field(n, "new") is not None,
            False,
            self.span(t),
        )

    def bounds(self, n: object) -> tuple[A.Bound, ...]:
        out = []
        for d in n.named_children:  # type: ignore[attr-defined]
            if d.type != "dimension":
                continue
            lower = self.field(d, "lower")
            out.append(
                A.Bound(
                    self.expr(lower) if lower is not None else None,
                    self.expr(self.field(d, "upper")),
                    self.span(d),
                )
            )
        return tuple(out)

    def d_const_declaration(self, n: object) -> A.Const:
        items = []
        for c in n.named_children:  # type: ignore[attr-defined]
            if c.type != "const_declarator":
                continue
            name, hint = self.name_hint(self.field(c, "name"))
            items.append(
                A.ConstDecl(
                    name,
                    self.type_ref(c) or _hint_type(hint),
                    self.expr(self.field(c, "value")),
                    self.span(c),
                )
            )
        return A.Const(self.visibility(n), tuple(items), self.span(n))

    def d_type_declaration(self, n: object) -> A.TypeDef:
        members = []
        for c in self.flatten(n.named_children):  # type: ignore[attr-defined]
            if c.type == "type_member":
                members.append(self.declarator(c))
        return A.TypeDef(
            self.name(self.field(n, "name")), tuple(members), self.visibility(n), self.span(n)
        )

    def d_enum_declaration(self, n: object) -> A.EnumDef:
        members = []
        for c in self.flatten(n.named_children):  # type: ignore[attr-defined]
            if c.type == "enum_member":
                v = self.field(c, "value")
                members.append(
                    A.EnumMember(
                        self.name(self.field(c, "name")),
                        self.expr(v) if v is not None else None,
                        self.span(c),
                    )
                )
        return A.EnumDef(
            self.name(self.field(n, "name")), tuple(members), self.visibility(n), self.span(n)
        )

    def d_declare_statement(self, n: object) -> A.Declare:
        kind = self.text(self.field(n, "kind")).lower()
        alias = self.field(n, "alias")
        params = self.field(n, "parameters")
        return A.Declare(
            self.name(self.field(n, "name")),
            kind,
            self.string(self.field(n, "library")),
            self.string(alias) if alias is not None else None,
            self.params(params) if params is not None else (),
            self.type_ref(n, "return_type"),
            self.visibility(n),
            self.span(n),
        )

    def d_event_declaration(self, n: object) -> A.EventDecl:
        params = self.field(n, "parameters")
        return A.EventDecl(
            self.name(self.field(n, "name")),
            self.params(params) if params is not None else (),
            self.span(n),
        )

    def params(self, n: object) -> tuple[A.Param, ...]:
        out = []
        for p in n.named_children:  # type: ignore[attr-defined]
            if p.type != "parameter":
                continue
            name, hint = self.name_hint(self.field(p, "name"))
            passing = self.field(p, "passing")
            default = self.field(p, "default")
            out.append(
                A.Param(
                    name,
                    self.text(passing).lower() if passing is not None else "byref",
                    self.field(p, "optional") is not None,
                    self.expr(default) if default is not None else None,
                    self.field(p, "param_array") is not None,
                    "(" in self.anon(p),
                    self.type_ref(p),
                    hint,
                    self.span(p),
                )
            )
        return tuple(out)

    # ------------------------------------------------------------------ procedures

    def procedure(self, n: object) -> A.Procedure:
        header = n
        for c in n.named_children:  # type: ignore[attr-defined]
            if c.type == "preproc_if":
                for h in self.preproc_branch(c):
                    if h.type.endswith("_header"):
                        header = h
        t = n.type  # type: ignore[attr-defined]
        kind = (
            "sub"
            if t.startswith("sub")
            else "function"
            if t.startswith("function")
            else (self.text(self.field(header, "kind")).lower())
        )
        name, hint = self.name_hint(self.field(header, "name"))
        params = self.field(header, "parameters")
        ret = self.type_ref(header, "return_type")
        if ret is not None and "(" in self.anon(header):
            ret = A.TypeRef(ret.name, ret.fixed_length, ret.new, True, ret.span)
        if ret is None and kind in ("function", "get"):
            ret = _hint_type(hint)
        body_node = self.field(n, "body")
        attrs: list[A.Attribute] = []
        body: list[A.Stmt] = []
        if body_node is not None:
            for c in self.flatten(body_node.named_children):  # type: ignore[attr-defined]
                if c.type == "attribute_statement":
                    attrs.append(self.attribute(c))
                elif c.type not in ("comment", "line_continuation"):
                    body.append(self.label(c) if c.type == "label" else self.statement(c))
        is_default = "default" in self.anon(header) or any(
            a.name.lower().endswith("vb_usermemid") and a.value == 0 for a in attrs
        )
        return A.Procedure(
            kind,
            name,
            self.params(params) if params is not None else (),
            tuple(body),
            ret,
            self.visibility(header),
            self.has_static(header),
            is_default,
            tuple(attrs),
            self.span(n),
        )

    # ------------------------------------------------------------------ statements

    def block(self, n: object | None) -> tuple[A.Stmt, ...]:
        if n is None:
            return ()
        out: list[A.Stmt] = []
        for c in self.flatten(n.named_children):  # type: ignore[attr-defined]
            if c.type in ("comment", "line_continuation", "attribute_statement"):
                continue
            out.append(self.label(c) if c.type == "label" else self.statement(c))
        return tuple(out)

    def label(self, n: object) -> A.Label:
        name_node = self.field(n, "name")
        text = self.text(name_node)
        number = int(text) if name_node.type == "line_number" else None  # type: ignore
        return A.Label(text, number, self.span(n))

    def statement(self, n: object) -> A.Stmt:
        t = n.type  # type: ignore[attr-defined]
        if t in _DECLARATIONS:
            return getattr(self, "d_" + t)(n)
        method = getattr(self, "s_" + t, None)
        if method is None:
            raise self.fail(n, f"unsupported statement {t}")
        return method(n)

    def s_assignment_statement(self, n: object) -> A.Assign:
        return A.Assign(
            self.expr(self.field(n, "left")), self.expr(self.field(n, "right")), False, self.span(n)
        )

    def s_set_statement(self, n: object) -> A.Assign:
        return A.Assign(
            self.expr(self.field(n, "left")), self.expr(self.field(n, "right")), True, self.span(n)
        )

    def s_lset_statement(self, n: object) -> A.LSetRSet:
        return A.LSetRSet(
            self.expr(self.field(n, "left")), self.expr(self.field(n, "right")), False, self.span(n)
        )

    def s_rset_statement(self, n: object) -> A.LSetRSet:
        return A.LSetRSet(
            self.expr(self.field(n, "left")), self.expr(self.field(n, "right")), True, self.span(n)
        )

    def s_call_statement(self, n: object) -> A.CallStmt:
        fn = self.field(n, "function")
        args_node = self.field(n, "arguments")
        explicit = "call" in self.anon(n)
        args = self.args(args_node) if args_node is not None else ()
        if fn.type == "call_expression" and args_node is None:  # type: ignore[union-attr]
            inner = self.field(fn, "arguments")
            target = self.expr(self.field(fn, "function"))
            args = self.args(inner) if inner is not None else ()
            if (
                not explicit
                and len(args) == 1
                and args[0].value is not None
                and args[0].name is None
            ):
                # `Foo(x)` as a statement is `Foo (x)`: the argument is a copy
                a = args[0]
                args = (A.Arg(A.Paren(a.value, a.span), None, a.by_val, a.span),)
            return A.CallStmt(target, args, explicit, self.span(n))
        target = self.expr(fn)
        if (
            isinstance(target, A.Member)
            and isinstance(target.obj, A.Name)
            and target.obj.name.lower() == "debug"
            and target.name.lower() == "assert"
        ):
            return A.DebugAssert(args[0].value if args else A.Literal(True), self.span(n))
        return A.CallStmt(target, args, explicit, self.span(n))

    def s_if_statement(self, n: object) -> A.If:
        branches = [
            A.IfBranch(
                self.expr(self.field(n, "condition")),
                self.block(self.field(n, "consequence")),
                self.span(n),
            )
        ]
        else_body = None
        for alt in self.fields(n, "alternative"):
            if alt.type == "elseif_clause":
                branches.append(
                    A.IfBranch(
                        self.expr(self.field(alt, "condition")),
                        self.block(self.field(alt, "consequence")),
                        self.span(alt),
                    )
                )
            elif alt.type == "else_clause":
                else_body = self.block(self.field(alt, "body"))
        single = self.span(n).line == self.span(n).end_line or "end if" not in self.anon(n)
        return A.If(tuple(branches), else_body, single, self.span(n))

    def s_select_statement(self, n: object) -> A.SelectCase:
        cases = []
        else_body = None
        for c in n.named_children:  # type: ignore[attr-defined]
            if c.type == "case_clause":
                tests = tuple(self.case_test(v) for v in self.fields(c, "value"))
                cases.append(A.CaseClause(tests, self.block(self.field(c, "body")), self.span(c)))
            elif c.type == "case_else_clause":
                else_body = self.block(self.field(c, "body"))
        return A.SelectCase(
            self.expr(self.field(n, "value")), tuple(cases), else_body, self.span(n)
        )

    def case_test(self, v: object) -> A.CaseTest:
        if v.type == "case_range":  # type: ignore[attr-defined]
            return A.CaseTest(
                "range",
                self.expr(self.field(v, "start")),
                self.expr(self.field(v, "end")),
                "=",
                self.span(v),
            )
        if v.type == "case_comparison":  # type: ignore[attr-defined]
            op = self.text(self.field(v, "operator"))
            op = {"><": "<>", "=<": "<=", "=>": ">="}.get(op, op)
            return A.CaseTest("is", self.expr(self.field(v, "value")), None, op, self.span(v))
        return A.CaseTest("value", self.expr(v), None, "=", self.span(v))

    def s_for_statement(self, n: object) -> A.ForNext:
        step = self.field(n, "step")
        return A.ForNext(
            self.expr(self.field(n, "counter")),
            self.expr(self.field(n, "start")),
            self.expr(self.field(n, "end")),
            self.expr(step) if step is not None else None,
            self.block(self.field(n, "body")),
            self.span(n),
        )

    def s_for_each_statement(self, n: object) -> A.ForEach:
        return A.ForEach(
            self.expr(self.field(n, "element")),
            self.expr(self.field(n, "collection")),
            self.block(self.field(n, "body")),
            self.span(n),
        )

    def s_do_statement(self, n: object) -> A.DoLoop:
        pre, post = self.field(n, "pre_condition"), self.field(n, "post_condition")
        clause, test_at = (
            (pre, "pre") if pre is not None else (post, "post") if post else (None, "")
        )
        cond = until = None
        if clause is not None:
            cond = self.expr(self.field(clause, "condition"))
            until = clause.type == "until_clause"  # type: ignore[attr-defined]
        return A.DoLoop(cond, bool(until), test_at, self.block(self.field(n, "body")), self.span(n))

    def s_while_statement(self, n: object) -> A.WhileWend:
        return A.WhileWend(
            self.expr(self.field(n, "condition")), self.block(self.field(n, "body")), self.span(n)
        )

    def s_with_statement(self, n: object) -> A.With:
        return A.With(
            self.expr(self.field(n, "object")), self.block(self.field(n, "body")), self.span(n)
        )

    def s_goto_statement(self, n: object) -> A.GoTo:
        return A.GoTo(self.text(self.field(n, "target")), self.span(n))

    def s_gosub_statement(self, n: object) -> A.GoSub:
        return A.GoSub(self.text(self.field(n, "target")), self.span(n))

    def s_return_statement(self, n: object) -> A.Return:
        return A.Return(self.span(n))

    def s_on_goto_statement(self, n: object) -> A.OnGoTo:
        return A.OnGoTo(
            self.expr(self.field(n, "value")),
            tuple(self.text(t) for t in self.fields(n, "target")),
            "gosub" in self.anon(n),
            self.span(n),
        )

    def s_on_error_statement(self, n: object) -> A.OnError:
        words = self.anon(n)
        target = self.field(n, "target")
        if "resume" in words:
            return A.OnError("resume_next", None, self.span(n))
        if "-" in words:
            return A.OnError("goto-1", None, self.span(n))
        label = self.text(target) if target is not None else "0"
        if label == "0":
            return A.OnError("goto0", None, self.span(n))
        return A.OnError("goto", label, self.span(n))

    def s_resume_statement(self, n: object) -> A.Resume:
        target = self.field(n, "target")
        if target is not None:
            label = self.text(target)
            if label == "0":
                return A.Resume("here", None, self.span(n))
            return A.Resume("label", label, self.span(n))
        if "next" in self.anon(n):
            return A.Resume("next", None, self.span(n))
        return A.Resume("here", None, self.span(n))

    def s_exit_statement(self, n: object) -> A.Exit:
        kind = self.field(n, "kind")
        word = self.text(kind) if kind is not None else self.anon(n)[-1]
        return A.Exit(word.lower().split()[-1], self.span(n))

    def s_end_statement(self, n: object) -> A.End:
        return A.End(self.span(n))

    def s_stop_statement(self, n: object) -> A.Stop:
        return A.Stop(self.span(n))

    def s_redim_statement(self, n: object) -> A.ReDim:
        items = []
        for c in n.named_children:  # type: ignore[attr-defined]
            if c.type == "redim_clause":
                dims = self.field(c, "dimensions")
                items.append(
                    A.ReDimItem(
                        self.expr(self.field(c, "name")),
                        self.bounds(dims) if dims is not None else (),
                        self.type_ref(c),
                        self.span(c),
                    )
                )
        return A.ReDim("preserve" in self.anon(n), tuple(items), self.span(n))

    def s_erase_statement(self, n: object) -> A.Erase:
        return A.Erase(tuple(self.expr(a) for a in self.fields(n, "array")), self.span(n))

    def s_mid_statement(self, n: object) -> A.MidAssign:
        args = self.args(self.field(n, "arguments"))
        fn = self.text(self.field(n, "function")).lower()
        return A.MidAssign(
            args[0].value,  # type: ignore[arg-type]
            args[1].value,  # type: ignore[arg-type]
            args[2].value if len(args) > 2 else None,
            self.expr(self.field(n, "value")),
            fn.startswith("midb"),
            self.span(n),
        )

    def s_raiseevent_statement(self, n: object) -> A.RaiseEvent:
        args = self.field(n, "arguments")
        return A.RaiseEvent(
            self.name(self.field(n, "name")),
            self.args(args) if args is not None else (),
            self.span(n),
        )

    def s_name_statement(self, n: object) -> A.NameStmt:
        return A.NameStmt(
            self.expr(self.field(n, "old")), self.expr(self.field(n, "new")), self.span(n)
        )

    def s_print_statement(self, n: object) -> A.Print:
        fnum = self.field(n, "file_number")
        out = self.field(n, "output")
        items = self.output_list(out) if out is not None else ()
        if fnum is not None:
            return A.Print(self.file_number(fnum), items, self.span(n))
        return A.Print(None, items, self.span(n))

    def output_list(self, n: object) -> tuple[A.PrintItem, ...]:
        items: list[A.PrintItem] = []
        for c in n.children:  # type: ignore[attr-defined]
            if not c.is_named:
                if c.type in (";", ","):
                    items.append(A.PrintItem(c.type, None, self.span(c)))
                continue
            if c.type == "spc_clause":
                items.append(A.PrintItem("spc", self.expr(c.named_children[0]), self.span(c)))
            elif c.type == "tab_clause":
                inner = [x for x in c.named_children if x.type not in ("comment",)]
                items.append(
                    A.PrintItem("tab", self.expr(inner[0]) if inner else None, self.span(c))
                )
            elif c.type not in ("comment", "line_continuation"):
                items.append(A.PrintItem("expr", self.expr(c), self.span(c)))
        return tuple(items)

    def file_number(self, n: object) -> A.Expr:
        """``#1`` or a bare ``f`` (``Close f``): the channel expression."""
        if n.type != "file_number":  # type: ignore[attr-defined]
            return self.expr(n)
        inner = [c for c in n.named_children if c.type != "comment"]  # type: ignore
        return self.expr(inner[0])

    def s_write_statement(self, n: object) -> A.FileStmt:
        out = self.field(n, "output")
        values: list[A.Expr | None] = []
        if out is not None:
            values = [i.value for i in self.output_list(out) if i.kind == "expr"]
        return A.FileStmt(
            "write", self.file_number(self.field(n, "file_number")), tuple(values), self.span(n)
        )

    def s_input_statement(self, n: object) -> A.FileStmt:
        return A.FileStmt(
            "input",
            self.file_number(self.field(n, "file_number")),
            tuple(self.expr(v) for v in self.fields(n, "variable")),
            self.span(n),
        )

    def s_line_input_statement(self, n: object) -> A.FileStmt:
        return A.FileStmt(
            "lineinput",
            self.file_number(self.field(n, "file_number")),
            (self.expr(self.field(n, "variable")),),
            self.span(n),
        )

    def _get_put(self, n: object, kind: str) -> A.FileStmt:
        record = self.field(n, "record")
        return A.FileStmt(
            kind,
            self.file_number(self.field(n, "file_number")),
            (
                self.expr(record) if record is not None else None,
                self.expr(self.field(n, "variable")),
            ),
            self.span(n),
        )

    def s_get_statement(self, n: object) -> A.FileStmt:
        return self._get_put(n, "get")

    def s_put_statement(self, n: object) -> A.FileStmt:
        return self._get_put(n, "put")

    def s_seek_statement(self, n: object) -> A.FileStmt:
        return A.FileStmt(
            "seek",
            self.file_number(self.field(n, "file_number")),
            (self.expr(self.field(n, "position")),),
            self.span(n),
        )

    def _lock(self, n: object, kind: str) -> A.FileStmt:
        args = [self.expr(x) for x in (self.field(n, "start"), self.field(n, "end")) if x]
        return A.FileStmt(
            kind, self.file_number(self.field(n, "file_number")), tuple(args), self.span(n)
        )

    def s_lock_statement(self, n: object) -> A.FileStmt:
        return self._lock(n, "lock")

    def s_unlock_statement(self, n: object) -> A.FileStmt:
        return self._lock(n, "unlock")

    def s_width_statement(self, n: object) -> A.FileStmt:
        return A.FileStmt(
            "width",
            self.file_number(self.field(n, "file_number")),
            (self.expr(self.field(n, "width")),),
            self.span(n),
        )

    def s_close_statement(self, n: object) -> A.FileStmt:
        kind = "reset" if "reset" in self.anon(n) else "close"
        return A.FileStmt(
            kind,
            None,
            tuple(self.file_number(f) for f in self.fields(n, "file_number")),
            self.span(n),
        )

    def s_open_statement(self, n: object) -> A.Open:
        mode = self.field(n, "mode")
        access = self.field(n, "access")
        lock = self.field(n, "lock")
        length = self.field(n, "length")
        return A.Open(
            self.expr(self.field(n, "path")),
            self.text(mode).lower() if mode is not None else "random",
            self.file_number(self.field(n, "file_number")),
            _access_words(self.text(access)) if access is not None else "",
            " ".join(self.text(lock).lower().split()) if lock is not None else "",
            self.expr(length) if length is not None else None,
            self.span(n),
        )

    # ------------------------------------------------------------------ expressions

    def string(self, n: object) -> str:
        return self.text(n)[1:-1].replace('""', '"')

    def expr(self, n: object) -> A.Expr:
        t = n.type  # type: ignore[attr-defined]
        method = getattr(self, "x_" + t, None)
        if method is None:
            raise self.fail(n, f"unsupported expression {t}")
        return method(n)

    def x_integer_literal(self, n: object) -> A.Literal:
        return A.Literal(number_literal(self.text(n)), self.span(n))

    x_float_literal = x_integer_literal

    def x_string_literal(self, n: object) -> A.Literal:
        return A.Literal(self.string(n), self.span(n))

    def x_date_literal(self, n: object) -> A.Literal:
        return A.Literal(date_literal(self.text(n)), self.span(n))

    def x_boolean_literal(self, n: object) -> A.Literal:
        return A.Literal(self.text(n).lower() == "true", self.span(n))

    def x_nothing(self, n: object) -> A.Literal:
        from transform.runtimes.vba.values import Nothing

        return A.Literal(Nothing, self.span(n))

    def x_empty(self, n: object) -> A.Literal:
        from transform.runtimes.vba.values import Empty

        return A.Literal(Empty, self.span(n))

    def x_null(self, n: object) -> A.Literal:
        from transform.runtimes.vba.values import Null

        return A.Literal(Null, self.span(n))

    def x_me(self, n: object) -> A.Me:
        return A.Me(self.span(n))

    def x_identifier(self, n: object) -> A.Name:
        name, hint = self.name_hint(n)
        return A.Name(name, hint, self.span(n))

    def x_type_name(self, n: object) -> A.Expr:
        parts = [self.expr(c) for c in n.named_children]  # type: ignore[attr-defined]
        node = parts[0]
        for p in parts[1:]:
            node = A.Member(node, p.name, False, self.span(n))  # type: ignore[union-attr]
        return node

    def x_member_expression(self, n: object) -> A.Member:
        obj = self.field(n, "object")
        name, _ = self.name_hint(self.field(n, "member"))
        return A.Member(self.expr(obj) if obj is not None else None, name, False, self.span(n))

    def x_dictionary_access(self, n: object) -> A.Member:
        obj = self.field(n, "object")
        name, _ = self.name_hint(self.field(n, "member"))
        return A.Member(self.expr(obj) if obj is not None else None, name, True, self.span(n))

    def x_call_expression(self, n: object) -> A.Index:
        args = self.field(n, "arguments")
        return A.Index(
            self.expr(self.field(n, "function")),
            self.args(args) if args is not None else (),
            self.span(n),
        )

    def x_parenthesized_expression(self, n: object) -> A.Paren:
        inner = [c for c in n.named_children if c.type not in ("comment", "line_continuation")]  # type: ignore
        return A.Paren(self.expr(inner[0]), self.span(n))

    def x_unary_expression(self, n: object) -> A.Unary:
        op = self.text(self.field(n, "operator")).lower()
        return A.Unary(op, self.expr(self.field(n, "operand")), self.span(n))

    def x_binary_expression(self, n: object) -> A.Binary:
        op = self.text(self.field(n, "operator")).lower()
        op = {"><": "<>", "=<": "<=", "=>": ">="}.get(op, op)
        return A.Binary(
            op, self.expr(self.field(n, "left")), self.expr(self.field(n, "right")), self.span(n)
        )

    def x_new_expression(self, n: object) -> A.New:
        return A.New(self.name(self.field(n, "type")), self.span(n))

    def x_typeof_expression(self, n: object) -> A.TypeOfIs:
        return A.TypeOfIs(
            self.expr(self.field(n, "value")), self.name(self.field(n, "type")), self.span(n)
        )

    def x_addressof_expression(self, n: object) -> A.AddressOf:
        return A.AddressOf(self.text(self.field(n, "value")), self.span(n))

    def x_file_number(self, n: object) -> A.Expr:
        return self.file_number(n)

    def x_point(self, n: object) -> A.Expr:
        raise self.fail(n, "VB6 graphics points are not supported")

    def args(self, n: object) -> tuple[A.Arg, ...]:
        """An argument_list; consecutive commas leave omitted (None) arguments."""
        out: list[A.Arg] = []
        pending: A.Arg | None = None
        saw_any = False
        for c in n.children:  # type: ignore[attr-defined]
            if not c.is_named:
                if c.type == ",":
                    out.append(pending or A.Arg(None, None, False, self.span(c)))
                    pending = None
                    saw_any = True
                continue
            if c.type in ("comment", "line_continuation"):
                continue
            saw_any = True
            if c.type == "named_argument":
                pending = A.Arg(
                    self.expr(self.field(c, "value")),
                    self.name(self.field(c, "name")),
                    False,
                    self.span(c),
                )
            elif c.type == "byval_argument":
                pending = A.Arg(self.expr(self.field(c, "value")), None, True, self.span(c))
            else:
                pending = A.Arg(self.expr(c), None, False, self.span(c))
        if pending is not None:
            out.append(pending)
        elif saw_any and out:
            out.append(A.Arg(None, None, False, self.span(n)))
        return tuple(out)


def _access_words(text: str) -> str:
    """``Access Read Write`` / ``Read Write`` → "read write"."""
    words = text.lower().split()
    return " ".join(words[1:] if words and words[0] == "access" else words)


_DECLARATIONS = {
    "option_statement",
    "deftype_statement",
    "implements_statement",
    "variable_declaration",
    "const_declaration",
    "type_declaration",
    "enum_declaration",
    "declare_statement",
    "event_declaration",
}
