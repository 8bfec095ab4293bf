"""A hand-written VBA reader: source text → vba_ast, without tree-sitter.

Why it exists: the interpreter and its tests need VBA source turned into the AST
before the tree-sitter grammar (grammars/vba) is compiled, and it stays useful as
a cross-check of the tree-sitter lowering (vba_lower) and as the fallback when no
compiled grammar is available.  It follows MS-VBAL 3 (lexical) and 5 (syntax)
directly; it is deliberately forgiving (it reads what the VBE would accept) and
reports the first problem as ``VbaSyntaxError`` with file, line and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import vba_ast as A
from .vba_lexer import Token, tokenize
from .vba_literals import literal_value

_CLOSERS = {
    "end",
    "else",
    "elseif",
    "case",
    "next",
    "loop",
    "wend",
}

_VISIBILITY = {"public", "private", "global", "friend"}
_BINARY_LEVELS: list[set[str]] = [
    {"imp"},
    {"eqv"},
    {"xor"},
    {"or"},
    {"and"},
]
_COMPARISONS = {"=", "<>", "<", ">", "<=", ">=", "like", "is", "><", "=<", "=>"}
_NORMAL_OP = {"><": "<>", "=<": "<=", "=>": ">="}


class VbaSyntaxError(ValueError):
    """Unreadable VBA: carries the file and the 1-based position of the problem."""

    def __init__(self, file: str, line: int, column: int, message: str) -> None:
        self.file, self.line, self.column = file, line, column
        super().__init__(f"{file}:{line}:{column}: {message}")


class Reader:
    """Recursive-descent reader over the token list of one file."""

    def __init__(self, tokens: list[Token], file: str) -> None:
        self.toks = tokens
        self.pos = 0
        self.file = file
        self.allow_to = False  # inside ReDim bounds, `a To b` is one argument

    # ------------------------------------------------------------------ tokens

    @property
    def tok(self) -> Token:
        return self.toks[self.pos]

    def peek(self, k: int = 1) -> Token:
        i = min(self.pos + k, len(self.toks) - 1)
        return self.toks[i]

    def word(self, k: int = 0) -> str:
        """Lower-case text of the token k ahead when it is a word, else ""."""
        t = self.peek(k) if k else self.tok
        return t.low if t.kind == "id" else ""

    def at(self, *texts: str) -> bool:
        t = self.tok
        return t.kind in ("id", "op") and t.low in texts

    def accept(self, *texts: str) -> bool:
        if self.at(*texts):
            self.pos += 1
            return True
        return False

    def expect(self, text: str) -> Token:
        if not self.at(text):
            self.fail(f"expected {text!r}, found {self.tok.text!r}")
        t = self.tok
        self.pos += 1
        return t

    def fail(self, message: str) -> None:
        t = self.tok
        raise VbaSyntaxError(self.file, t.line, t.col, message)

    def span(self, start: Token) -> A.Span:
        prev = self.toks[self.pos - 1] if self.pos else start
        return A.Span(self.file, start.line, start.col, prev.line, prev.col + len(prev.text))

    def end_of_stmt(self) -> bool:
        return self.tok.kind in ("nl", "eof") or (self.tok.kind == "op" and self.tok.text == ":")

    def skip_separators(self) -> None:
        while self.tok.kind == "nl" or (self.tok.kind == "op" and self.tok.text == ":"):
            self.pos += 1

    def ident(self) -> str:
        t = self.tok
        if t.kind != "id":
            self.fail(f"expected a name, found {t.text!r}")
        self.pos += 1
        return t.text

    def ident_hint(self) -> tuple[str, str]:
        t = self.tok
        if t.kind != "id":
            self.fail(f"expected a name, found {t.text!r}")
        self.pos += 1
        return t.text, t.hint

    # ------------------------------------------------------------------ module

    def module(self, name: str, kind: str) -> A.Module:
        decls: list[object] = []
        procs: list[A.Procedure] = []
        attrs: list[A.Attribute] = []
        classes: list[A.ClassBlock] = []
        body: list[A.Stmt] = []
        pending_attrs: list[A.Attribute] = []
        while True:
            self.skip_separators()
            if self.tok.kind == "eof":
                break
            if self.word() == "attribute":
                attr = self.attribute()
                attrs.append(attr)
                if "." in attr.name:
                    pending_attrs.append(attr)
                continue
            if self.word() == "class" and kind == "script":
                classes.append(self.class_block())
                continue
            proc = self.try_procedure()
            if proc is not None:
                procs.append(proc)
                continue
            decl = self.try_declaration(module_level=True)
            if decl is not None:
                decls.append(decl)
                continue
            body.extend(self.statement_line())
        procs = [_attach_attrs(p, pending_attrs) for p in procs]
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
            span=A.Span(self.file, 1, 1, self.tok.line, self.tok.col),
        )

    def attribute(self) -> A.Attribute:
        start = self.tok
        self.pos += 1
        parts = [self.ident()]
        while self.accept("."):
            parts.append(self.ident())
        self.expect("=")
        value = self.expression()
        while self.accept(","):
            self.expression()
        v = value.value if isinstance(value, A.Literal) else None
        if isinstance(value, A.Unary) and isinstance(value.operand, A.Literal):
            v = -value.operand.value  # type: ignore[operator]
        return A.Attribute(".".join(parts), v, self.span(start))

    def class_block(self) -> A.ClassBlock:
        start = self.tok
        self.pos += 1
        name = self.ident()
        decls: list[object] = []
        procs: list[A.Procedure] = []
        while True:
            self.skip_separators()
            if self.word() == "end" and self.word(1) == "class":
                self.pos += 2
                break
            if self.tok.kind == "eof":
                self.fail("Class without End Class")
            proc = self.try_procedure()
            if proc is not None:
                procs.append(proc)
                continue
            decl = self.try_declaration(module_level=True)
            if decl is None:
                self.fail(f"unexpected {self.tok.text!r} in Class")
            decls.append(decl)
        return A.ClassBlock(name, tuple(decls), tuple(procs), self.span(start))

    # ------------------------------------------------------------------ declarations

    def try_declaration(self, module_level: bool) -> object | None:
        w = self.word()
        start = self.tok
        if w == "option":
            self.pos += 1
            opt = self.ident()
            value = ""
            if opt.lower() == "base":
                value = self.tok.text
                self.pos += 1
            elif opt.lower() in ("compare", "private"):
                value = self.ident()
            return A.Option(opt, value, self.span(start))
        if w in A.DEFTYPES:
            self.pos += 1
            ranges = []
            while True:
                a = self.ident()
                b = a
                if self.accept("-"):
                    b = self.ident()
                ranges.append((a, b))
                if not self.accept(","):
                    break
            return A.DefType(A.DEFTYPES[w], tuple(ranges), self.span(start))
        if w == "implements":
            self.pos += 1
            return A.Implements(self.dotted_name(), self.span(start))
        visibility = ""
        save = self.pos
        if w in _VISIBILITY:
            visibility = w
            self.pos += 1
            w = self.word()
        if w == "const":
            return self.const_stmt(visibility, start)
        if w == "type" and self.peek().kind == "id":
            return self.type_def(visibility, start)
        if w == "enum":
            return self.enum_def(visibility, start)
        if w == "declare":
            return self.declare(visibility, start)
        if w == "event":
            self.pos += 1
            name = self.ident()
            params = self.params() if self.at("(") else ()
            return A.EventDecl(name, params, self.span(start))
        if w == "dim" or (visibility and w not in ("sub", "function", "property", "static")):
            if w == "dim":
                self.pos += 1
            return self.dim_rest(visibility or "dim", start)
        if w == "static" and not visibility and not module_level:
            self.pos += 1
            return self.dim_rest("static", start)
        self.pos = save
        return None

    def dotted_name(self) -> str:
        parts = [self.ident()]
        while self.accept("."):
            parts.append(self.ident())
        return ".".join(parts)

    def const_stmt(self, visibility: str, start: Token) -> A.Const:
        self.pos += 1
        items = []
        while True:
            t = self.tok
            name, hint = self.ident_hint()
            typ = self.as_clause() if self.at("as") else _hint_type(hint)
            self.expect("=")
            items.append(A.ConstDecl(name, typ, self.expression(), self.span(t)))
            if not self.accept(","):
                break
        return A.Const(visibility, tuple(items), self.span(start))

    def type_def(self, visibility: str, start: Token) -> A.TypeDef:
        self.pos += 1
        name = self.ident()
        members = []
        while True:
            self.skip_separators()
            if self.word() == "end" and self.word(1) == "type":
                self.pos += 2
                break
            if self.tok.kind == "eof":
                self.fail("Type without End Type")
            members.append(self.var_decl())
        return A.TypeDef(name, tuple(members), visibility, self.span(start))

    def enum_def(self, visibility: str, start: Token) -> A.EnumDef:
        self.pos += 1
        name = self.ident()
        members = []
        while True:
            self.skip_separators()
            if self.word() == "end" and self.word(1) == "enum":
                self.pos += 2
                break
            if self.tok.kind == "eof":
                self.fail("Enum without End Enum")
            t = self.tok
            mname = self.ident()
            value = self.expression() if self.accept("=") else None
            members.append(A.EnumMember(mname, value, self.span(t)))
        return A.EnumDef(name, tuple(members), visibility, self.span(start))

    def declare(self, visibility: str, start: Token) -> A.Declare:
        self.pos += 1
        self.accept("ptrsafe")
        kind = self.ident().lower()
        name = self.ident()
        self.expect("lib")
        lib = self.tok.value
        self.pos += 1
        alias = None
        if self.accept("alias"):
            alias = self.tok.value
            self.pos += 1
        params = self.params() if self.at("(") else ()
        ret = self.as_clause() if self.at("as") else None
        return A.Declare(name, kind, str(lib), alias, params, ret, visibility, self.span(start))

    def dim_rest(self, keyword: str, start: Token) -> A.Dim:
        items = [self.var_decl()]
        while self.accept(","):
            items.append(self.var_decl())
        return A.Dim(keyword, tuple(items), self.span(start))

    def var_decl(self) -> A.VarDecl:
        start = self.tok
        with_events = self.accept("withevents")
        name, hint = self.ident_hint()
        bounds = None
        if self.accept("("):
            bounds = () if self.at(")") else self.bounds()
            self.expect(")")
        typ = self.as_clause() if self.at("as") else None
        return A.VarDecl(name, typ, bounds, with_events, hint, self.span(start))

    def bounds(self) -> tuple[A.Bound, ...]:
        out = []
        while True:
            t = self.tok
            first = self.expression()
            if self.accept("to"):
                out.append(A.Bound(first, self.expression(), self.span(t)))
            else:
                out.append(A.Bound(None, first, self.span(t)))
            if not self.accept(","):
                return tuple(out)

    def as_clause(self) -> A.TypeRef:
        start = self.expect("as")
        new = self.accept("new")
        name = self.dotted_name()
        fixed = None
        if self.accept("*"):
            fixed = self.primary()
        array = False
        if self.at("(") and self.peek().text == ")":
            self.pos += 2
            array = True
        return A.TypeRef(name, fixed, new, array, self.span(start))

    def params(self) -> tuple[A.Param, ...]:
        self.expect("(")
        out: list[A.Param] = []
        while not self.at(")"):
            out.append(self.param())
            if not self.accept(","):
                break
        self.expect(")")
        return tuple(out)

    def param(self) -> A.Param:
        start = self.tok
        optional = self.accept("optional")
        mode = "byref"
        if self.at("byval", "byref"):
            mode = self.tok.low
            self.pos += 1
        param_array = self.accept("paramarray")
        name, hint = self.ident_hint()
        is_array = False
        if self.accept("("):
            self.expect(")")
            is_array = True
        typ = self.as_clause() if self.at("as") else None
        default = self.expression() if self.accept("=") else None
        return A.Param(
            name, mode, optional, default, param_array, is_array, typ, hint, self.span(start)
        )

    # ------------------------------------------------------------------ procedures

    def try_procedure(self) -> A.Procedure | None:
        save = self.pos
        start = self.tok
        visibility = ""
        static = is_default = False
        while self.at("public", "private", "friend", "static", "default"):
            w = self.tok.low
            if w == "static":
                static = True
            elif w == "default":
                is_default = True
            else:
                visibility = w
            self.pos += 1
        w = self.word()
        if w not in ("sub", "function", "property"):
            self.pos = save
            return None
        self.pos += 1
        kind = w
        if w == "property":
            kind = self.ident().lower()
        name, hint = self.ident_hint()
        params = self.params() if self.at("(") else ()
        ret = self.as_clause() if self.at("as") else _hint_type(hint)
        end_word = "property" if w == "property" else w
        body, attrs = self.proc_body(end_word)
        for a in attrs:
            if a.name.lower().endswith("vb_usermemid") and a.value == 0:
                is_default = True
        return A.Procedure(
            kind,
            name,
            params,
            body,
            ret,
            visibility,
            static,
            is_default,
            attrs,
            self.span(start),
        )

    def proc_body(self, end_word: str) -> tuple[tuple[A.Stmt, ...], tuple[A.Attribute, ...]]:
        attrs: list[A.Attribute] = []
        body: list[A.Stmt] = []
        while True:
            self.skip_separators()
            if self.word() == "end" and self.word(1) == end_word:
                self.pos += 2
                return tuple(body), tuple(attrs)
            if self.tok.kind == "eof":
                self.fail(f"missing End {end_word.title()}")
            if self.word() == "attribute":
                attrs.append(self.attribute())
                continue
            body.extend(self.statement_line())

    # ------------------------------------------------------------------ statements

    def block(self, stop: Callable[[], bool]) -> tuple[A.Stmt, ...]:
        """Statements until ``stop()`` is true at the start of a statement."""
        out: list[A.Stmt] = []
        while True:
            self.skip_separators()
            if self.tok.kind == "eof" or stop():
                return tuple(out)
            out.extend(self.statement_line())

    def statement_line(self) -> list[A.Stmt]:
        """One statement, preceded by a label or line number if present."""
        out: list[A.Stmt] = []
        t = self.tok
        if t.kind == "num" and t.line_start:
            self.pos += 1
            self.accept(":")
            out.append(A.Label(t.text, int(float(t.text.rstrip("%&!#@^"))), self.span(t)))
            if self.end_of_stmt():
                return out
        elif (
            t.kind == "id"
            and t.line_start
            and self.peek().kind == "op"
            and self.peek().text == ":"
            and t.low not in _NOT_LABELS
        ):
            self.pos += 2
            out.append(A.Label(t.text, None, self.span(t)))
            return out
        out.append(self.statement())
        return out

    def statement(self) -> A.Stmt:
        w = self.word()
        handler = _STATEMENTS.get(w)
        if handler is not None:
            result = handler(self)
            if result is not None:
                return result
        decl = self.try_declaration(module_level=False)
        if decl is not None:
            return decl  # type: ignore[return-value]
        return self.simple_statement()

    def simple_statement(self) -> A.Stmt:
        start = self.tok
        target = self.chain(statement=True)
        if self.at("="):
            self.pos += 1
            return A.Assign(target, self.expression(), False, self.span(start))
        if isinstance(target, A.Member) and self._is_debug(target.obj):
            name = target.name.lower()
            if name == "print":
                return A.Print(None, self.output_list(), self.span(start))
            if name == "assert":
                return A.DebugAssert(self.expression(), self.span(start))
        args: tuple[A.Arg, ...] = ()
        if not self.end_of_stmt() and not self.at("else"):
            args = self.arg_list(until_paren=False)
        elif isinstance(target, A.Index):
            args = tuple(
                A.Arg(A.Paren(a.value, a.span), None, False, a.span)
                if len(target.args) == 1 and a.value is not None and a.name is None
                else a
                for a in target.args
            )
            target = target.target
        return A.CallStmt(target, args, False, self.span(start))

    @staticmethod
    def _is_debug(obj: object) -> bool:
        return isinstance(obj, A.Name) and obj.name.lower() == "debug"

    def output_list(self) -> tuple[A.PrintItem, ...]:
        items: list[A.PrintItem] = []
        while not self.end_of_stmt() and not self.at("else"):
            t = self.tok
            if self.at(";", ","):
                self.pos += 1
                items.append(A.PrintItem(t.text, None, self.span(t)))
                continue
            if self.word() in ("spc", "tab") and self.peek().text == "(":
                kind = self.word()
                self.pos += 2
                value = None if self.at(")") else self.expression()
                self.expect(")")
                items.append(A.PrintItem(kind, value, self.span(t)))
                continue
            if self.word() == "tab":
                self.pos += 1
                items.append(A.PrintItem("tab", None, self.span(t)))
                continue
            items.append(A.PrintItem("expr", self.expression(), self.span(t)))
        return tuple(items)

    # each handler returns a statement, or None to fall back to a simple statement

    def st_if(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        cond = self.expression()
        self.expect("then")
        if self.tok.kind == "nl" or self.tok.kind == "eof":
            return self._block_if(start, cond)
        return self._line_if(start, cond)

    def _line_if(self, start: Token, cond: A.Expr) -> A.If:
        then = self._line_stmts()
        else_body = None
        if self.accept("else"):
            else_body = self._line_stmts()
        self.accept("end") and self.accept("if")  # tolerated: `If x Then y End If`
        return A.If((A.IfBranch(cond, then, self.span(start)),), else_body, True, self.span(start))

    def _line_stmts(self) -> tuple[A.Stmt, ...]:
        out: list[A.Stmt] = []
        if self.tok.kind == "num":  # `If x Then 100` means GoTo 100
            t = self.tok
            self.pos += 1
            out.append(A.GoTo(t.text, self.span(t)))
        while self.tok.kind not in ("nl", "eof") and not self.at("else"):
            if self.accept(":"):
                continue
            out.append(self.statement())
        return tuple(out)

    def _block_if(self, start: Token, cond: A.Expr) -> A.If:
        branches = []

        def stop():
            return self.word() in ("elseif", "else") or (  # noqa: E731
                self.word() == "end" and self.word(1) == "if"
            )

        body = self.block(stop)
        branches.append(A.IfBranch(cond, body, self.span(start)))
        else_body = None
        while True:
            if self.accept("elseif"):
                t = self.toks[self.pos - 1]
                c = self.expression()
                self.expect("then")
                branches.append(A.IfBranch(c, self.block(stop), self.span(t)))
            elif self.accept("else"):
                else_body = self.block(stop)
            elif self.word() == "end":
                self.pos += 2
                break
            else:
                self.fail("If without End If")
        return A.If(tuple(branches), else_body, False, self.span(start))

    def st_select(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        self.expect("case")
        subject = self.expression()
        cases: list[A.CaseClause] = []
        else_body = None

        def stop():
            return self.word() == "case" or (  # noqa: E731
                self.word() == "end" and self.word(1) == "select"
            )

        self.block(stop)
        while self.accept("case"):
            t = self.toks[self.pos - 1]
            if self.accept("else"):
                else_body = self.block(stop)
                continue
            tests = [self.case_test()]
            while self.accept(","):
                tests.append(self.case_test())
            cases.append(A.CaseClause(tuple(tests), self.block(stop), self.span(t)))
        if not (self.accept("end") and self.accept("select")):
            self.fail("Select Case without End Select")
        return A.SelectCase(subject, tuple(cases), else_body, self.span(start))

    def case_test(self) -> A.CaseTest:
        t = self.tok
        if self.accept("is"):
            op = _NORMAL_OP.get(self.tok.text, self.tok.text)
            self.pos += 1
            return A.CaseTest("is", self.expression(), None, op, self.span(t))
        if self.at("=", "<", ">", "<=", ">=", "<>"):
            op = self.tok.text
            self.pos += 1
            return A.CaseTest("is", self.expression(), None, op, self.span(t))
        e = self.expression()
        if self.accept("to"):
            return A.CaseTest("range", e, self.expression(), "=", self.span(t))
        return A.CaseTest("value", e, None, "=", self.span(t))

    def st_for(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        if self.accept("each"):
            elem = self.chain(statement=False)
            self.expect("in")
            group = self.expression()
            body = self._loop_body()
            return A.ForEach(elem, group, body, self.span(start))
        counter = self.chain(statement=False)
        self.expect("=")
        first = self.expression()
        self.expect("to")
        last = self.expression()
        step = self.expression() if self.accept("step") else None
        body = self._loop_body()
        return A.ForNext(counter, first, last, step, body, self.span(start))

    def _loop_body(self) -> tuple[A.Stmt, ...]:
        body = self.block(lambda: self.word() == "next")
        if self.tok.kind == "eof":
            self.fail("For without Next")
        self.pos += 1
        if self.tok.kind == "id" and not self.end_of_stmt():
            self.chain(statement=False)
            if self.at(","):  # `Next j, i` closes two loops: leave `Next i` for the outer
                self.toks[self.pos] = Token("id", "Next", self.tok.line, self.tok.col)
                return body
        return body

    def st_do(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        cond, until, test_at = None, False, ""
        if self.at("while", "until"):
            until = self.tok.low == "until"
            self.pos += 1
            cond, test_at = self.expression(), "pre"
        body = self.block(lambda: self.word() == "loop")
        if not self.accept("loop"):
            self.fail("Do without Loop")
        if self.at("while", "until"):
            until = self.tok.low == "until"
            self.pos += 1
            cond, test_at = self.expression(), "post"
        return A.DoLoop(cond, until, test_at, body, self.span(start))

    def st_while(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        cond = self.expression()
        body = self.block(lambda: self.word() == "wend" or self.word() == "end")
        if not self.accept("wend"):
            self.expect("end")
            self.expect("while")
        return A.WhileWend(cond, body, self.span(start))

    def st_with(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        obj = self.expression()
        body = self.block(lambda: self.word() == "end" and self.word(1) == "with")
        if not (self.accept("end") and self.accept("with")):
            self.fail("With without End With")
        return A.With(obj, body, self.span(start))

    def _label_name(self) -> str:
        t = self.tok
        self.pos += 1
        return t.text

    def st_goto(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        return A.GoTo(self._label_name(), self.span(start))

    def st_gosub(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        return A.GoSub(self._label_name(), self.span(start))

    def st_return(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        return A.Return(self.span(start))

    def st_on(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        if self.accept("error") or self.accept("local") and self.accept("error"):
            if self.accept("resume"):
                self.expect("next")
                return A.OnError("resume_next", None, self.span(start))
            self.expect("goto")
            if self.at("-"):
                self.pos += 2
                return A.OnError("goto-1", None, self.span(start))
            label = self._label_name()
            if label == "0":
                return A.OnError("goto0", None, self.span(start))
            return A.OnError("goto", label, self.span(start))
        expr = self.expression()
        gosub = self.accept("gosub")
        if not gosub:
            self.expect("goto")
        labels = [self._label_name()]
        while self.accept(","):
            labels.append(self._label_name())
        return A.OnGoTo(expr, tuple(labels), gosub, self.span(start))

    def st_resume(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        if self.accept("next"):
            return A.Resume("next", None, self.span(start))
        if self.end_of_stmt() or self.at("else"):
            return A.Resume("here", None, self.span(start))
        label = self._label_name()
        if label == "0":
            return A.Resume("here", None, self.span(start))
        return A.Resume("label", label, self.span(start))

    def st_exit(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        return A.Exit(self.ident().lower(), self.span(start))

    def st_end(self) -> A.Stmt | None:
        if self.word(1) in ("sub", "function", "property", "if", "select", "with", "type"):
            self.fail(f"unexpected End {self.peek().text}")
        start = self.tok
        self.pos += 1
        return A.End(self.span(start))

    def st_stop(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        return A.Stop(self.span(start))

    def st_redim(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        preserve = self.accept("preserve")
        items = []
        while True:
            t = self.tok
            self.allow_to = True
            try:
                target = self.chain(statement=False)
            finally:
                self.allow_to = False
            if not isinstance(target, A.Index):
                self.fail("ReDim needs bounds")
            bounds = tuple(_arg_bound(a) for a in target.args)
            typ = self.as_clause() if self.at("as") else None
            items.append(A.ReDimItem(target.target, bounds, typ, self.span(t)))
            if not self.accept(","):
                break
        return A.ReDim(preserve, tuple(items), self.span(start))

    def st_erase(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        targets = [self.expression()]
        while self.accept(","):
            targets.append(self.expression())
        return A.Erase(tuple(targets), self.span(start))

    def st_set(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        target = self.chain(statement=False)
        self.expect("=")
        return A.Assign(target, self.expression(), True, self.span(start))

    def st_let(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        target = self.chain(statement=False)
        self.expect("=")
        return A.Assign(target, self.expression(), False, self.span(start))

    def st_lset(self) -> A.Stmt | None:
        start = self.tok
        right = self.tok.low == "rset"
        self.pos += 1
        target = self.chain(statement=False)
        self.expect("=")
        return A.LSetRSet(target, self.expression(), right, self.span(start))

    def st_mid(self) -> A.Stmt | None:
        start = self.tok
        save = self.pos
        self.pos += 1
        if not self.at("("):
            self.pos = save
            return None
        self.pos += 1
        target = self.expression()
        self.expect(",")
        first = self.expression()
        length = self.expression() if self.accept(",") else None
        self.expect(")")
        if not self.at("="):
            self.pos = save
            return None
        self.pos += 1
        value = self.expression()
        return A.MidAssign(
            target, first, length, value, start.low.startswith("midb"), self.span(start)
        )

    def st_raiseevent(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        name = self.ident()
        args: tuple[A.Arg, ...] = ()
        if self.accept("("):
            args = self.arg_list(until_paren=True)
            self.expect(")")
        return A.RaiseEvent(name, args, self.span(start))

    def st_call(self) -> A.Stmt:
        start = self.tok
        self.pos += 1
        target = self.chain(statement=False)
        args: tuple[A.Arg, ...] = ()
        if isinstance(target, A.Index):
            target, args = target.target, target.args
        return A.CallStmt(target, args, True, self.span(start))

    def _channel(self) -> A.Expr:
        self.accept("#")
        return self.expression()

    def st_open(self) -> A.Stmt | None:
        if self.peek().kind == "op" and self.peek().text in ("=", ".", "("):
            return None
        start = self.tok
        self.pos += 1
        path = self.expression()
        mode = "random"
        if self.accept("for"):
            mode = self.ident().lower()
        access = lock = ""
        if self.accept("access"):
            access = self.ident().lower()
            if self.at("write"):
                access += " write"
                self.pos += 1
        if self.at("shared", "lock"):
            lock = self.ident().lower()
            if lock == "lock":
                lock = self.ident().lower()
                if self.at("write"):
                    self.pos += 1
        self.expect("as")
        channel = self._channel()
        reclen = None
        if self.accept("len"):
            self.expect("=")
            reclen = self.expression()
        return A.Open(path, mode, channel, access, lock, reclen, self.span(start))

    def st_close(self) -> A.Stmt | None:
        if self.peek().kind == "op" and self.peek().text in ("=", ".", "("):
            return None
        start = self.tok
        kind = self.tok.low
        self.pos += 1
        chans: list[A.Expr | None] = []
        while not self.end_of_stmt():
            chans.append(self._channel())
            if not self.accept(","):
                break
        return A.FileStmt(kind, None, tuple(chans), self.span(start))

    def st_print(self) -> A.Stmt | None:
        if not (self.peek().kind == "op" and self.peek().text == "#"):
            return None
        start = self.tok
        self.pos += 1
        channel = self._channel()
        items: tuple[A.PrintItem, ...] = ()
        if self.accept(","):
            items = self.output_list()
        return A.Print(channel, items, self.span(start))

    def st_write(self) -> A.Stmt | None:
        if not (self.peek().kind == "op" and self.peek().text == "#"):
            return None
        start = self.tok
        self.pos += 1
        channel = self._channel()
        args: list[A.Expr | None] = []
        if self.accept(","):
            while not self.end_of_stmt():
                if self.at(",", ";"):
                    self.pos += 1
                    continue
                args.append(self.expression())
        return A.FileStmt("write", channel, tuple(args), self.span(start))

    def st_input(self) -> A.Stmt | None:
        if not (self.peek().kind == "op" and self.peek().text == "#"):
            return None
        start = self.tok
        self.pos += 1
        channel = self._channel()
        args = []
        while self.accept(","):
            args.append(self.chain(statement=False))
        return A.FileStmt("input", channel, tuple(args), self.span(start))

    def st_line(self) -> A.Stmt | None:
        if self.word(1) != "input":
            return None
        start = self.tok
        self.pos += 2
        channel = self._channel()
        self.expect(",")
        return A.FileStmt("lineinput", channel, (self.chain(statement=False),), self.span(start))

    def st_getput(self) -> A.Stmt | None:
        if not (self.peek().kind == "op" and self.peek().text == "#"):
            return None
        start = self.tok
        kind = self.tok.low
        self.pos += 1
        channel = self._channel()
        self.expect(",")
        record = None if self.at(",") else self.expression()
        self.expect(",")
        var = self.chain(statement=False)
        return A.FileStmt(kind, channel, (record, var), self.span(start))

    def st_seek(self) -> A.Stmt | None:
        if not (self.peek().kind == "op" and self.peek().text == "#"):
            return None
        start = self.tok
        kind = self.tok.low
        self.pos += 1
        channel = self._channel()
        args: list[A.Expr | None] = []
        while self.accept(","):
            args.append(self.expression())
            if self.accept("to"):
                args.append(self.expression())
        return A.FileStmt(kind, channel, tuple(args), self.span(start))

    def st_name(self) -> A.Stmt | None:
        if self.peek().kind == "op" and self.peek().text in ("=", ".", "("):
            return None
        save = self.pos
        start = self.tok
        self.pos += 1
        old = self.expression()
        if not self.accept("as"):
            self.pos = save
            return None
        return A.NameStmt(old, self.expression(), self.span(start))

    # ------------------------------------------------------------------ expressions

    def arg_list(self, until_paren: bool) -> tuple[A.Arg, ...]:
        """Arguments separated by commas; empty positions are omitted arguments."""
        args: list[A.Arg] = []
        while True:
            t = self.tok
            if self.at(",") or (until_paren and self.at(")")) or self.end_of_stmt():
                args.append(A.Arg(None, None, False, self.span(t)))
            else:
                name = None
                if t.kind == "id" and self.peek().kind == "op" and self.peek().text == ":=":
                    name = t.text
                    self.pos += 2
                by_val = False
                if self.at("byval") and self.peek().kind != "op":
                    by_val = True
                    self.pos += 1
                value = self.expression()
                if self.allow_to and self.accept("to"):
                    value = A.Binary("to", value, self.expression(), self.span(t))
                args.append(A.Arg(value, name, by_val, self.span(t)))
            if not self.accept(","):
                break
        if len(args) == 1 and args[0].value is None:
            return ()
        return tuple(args)

    def expression(self) -> A.Expr:
        return self._binary_level(0)

    def _binary_level(self, level: int) -> A.Expr:
        if level == len(_BINARY_LEVELS):
            return self._not()
        start = self.tok
        left = self._binary_level(level + 1)
        ops = _BINARY_LEVELS[level]
        while self.tok.kind == "id" and self.tok.low in ops:
            op = self.tok.low
            self.pos += 1
            right = self._binary_level(level + 1)
            left = A.Binary(op, left, right, self.span(start))
        return left

    def _not(self) -> A.Expr:
        start = self.tok
        if self.accept("not"):
            return A.Unary("not", self._not(), self.span(start))
        return self._comparison()

    def _comparison(self) -> A.Expr:
        start = self.tok
        left = self._concat()
        while self.tok.kind in ("op", "id") and self.tok.low in _COMPARISONS:
            op = _NORMAL_OP.get(self.tok.low, self.tok.low)
            self.pos += 1
            right = self._concat()
            left = A.Binary(op, left, right, self.span(start))
        return left

    def _concat(self) -> A.Expr:
        start = self.tok
        left = self._additive()
        while self.at("&"):
            self.pos += 1
            left = A.Binary("&", left, self._additive(), self.span(start))
        return left

    def _additive(self) -> A.Expr:
        start = self.tok
        left = self._mod()
        while self.at("+", "-"):
            op = self.tok.text
            self.pos += 1
            left = A.Binary(op, left, self._mod(), self.span(start))
        return left

    def _mod(self) -> A.Expr:
        start = self.tok
        left = self._intdiv()
        while self.at("mod"):
            self.pos += 1
            left = A.Binary("mod", left, self._intdiv(), self.span(start))
        return left

    def _intdiv(self) -> A.Expr:
        start = self.tok
        left = self._multiplicative()
        while self.at("\\"):
            self.pos += 1
            left = A.Binary("\\", left, self._multiplicative(), self.span(start))
        return left

    def _multiplicative(self) -> A.Expr:
        start = self.tok
        left = self._unary()
        while self.at("*", "/"):
            op = self.tok.text
            self.pos += 1
            left = A.Binary(op, left, self._unary(), self.span(start))
        return left

    def _unary(self) -> A.Expr:
        start = self.tok
        if self.at("-", "+"):
            op = self.tok.text
            self.pos += 1
            return A.Unary(op, self._unary(), self.span(start))
        return self._power()

    def _power(self) -> A.Expr:
        start = self.tok
        left = self.primary()
        while self.at("^"):
            self.pos += 1
            if self.at("-", "+"):
                t = self.tok
                self.pos += 1
                right: A.Expr = A.Unary(t.text, self.primary(), self.span(t))
            else:
                right = self.primary()
            left = A.Binary("^", left, right, self.span(start))
        return left

    def primary(self) -> A.Expr:
        t = self.tok
        if t.kind in ("num", "str", "date"):
            self.pos += 1
            return A.Literal(literal_value(t), self.span(t))
        if t.kind == "id":
            w = t.low
            if w in ("true", "false"):
                self.pos += 1
                return A.Literal(w == "true", self.span(t))
            if w in _CONSTANT_WORDS:
                self.pos += 1
                return A.Literal(_CONSTANT_WORDS[w], self.span(t))
            if w == "new":
                self.pos += 1
                return A.New(self.dotted_name(), self.span(t))
            if w == "typeof":
                self.pos += 1
                e = self.chain(statement=False)
                self.expect("is")
                return A.TypeOfIs(e, self.dotted_name(), self.span(t))
            if w == "addressof":
                self.pos += 1
                return A.AddressOf(self.dotted_name(), self.span(t))
        return self.chain(statement=False)

    def chain(self, statement: bool) -> A.Expr:
        """A name followed by member accesses and argument lists: ``a.b(1)!c``.

        At the start of a call statement a ``(`` after white space begins the
        argument list (``Foo (x)``), not an index."""
        start = self.tok
        node: A.Expr
        if self.at("."):
            self.pos += 1
            name, hint = self.member_name()
            node = A.Member(None, name, False, self.span(start))
        elif self.at("!"):
            self.pos += 1
            node = A.Member(None, self.member_name()[0], True, self.span(start))
        elif self.at("("):
            self.pos += 1
            inner = self.expression()
            self.expect(")")
            node = A.Paren(inner, self.span(start))
        elif self.tok.kind == "id":
            if self.tok.low == "me":
                self.pos += 1
                node = A.Me(self.span(start))
            else:
                name, hint = self.ident_hint()
                node = A.Name(name, hint, self.span(start))
        else:
            self.fail(f"unexpected {self.tok.text!r}")
        while True:
            t = self.tok
            if t.kind == "op" and t.text == "(" and not (statement and t.space_before):
                self.pos += 1
                args = self.arg_list(until_paren=True)
                self.expect(")")
                node = A.Index(node, args, self.span(start))
            elif t.kind == "op" and t.text in (".", "!") and not t.space_before:
                self.pos += 1
                name = self.member_name()[0]
                node = A.Member(node, name, t.text == "!", self.span(start))
            else:
                return node

    def member_name(self) -> tuple[str, str]:
        t = self.tok
        if t.kind not in ("id", "num"):
            self.fail(f"expected a member name, found {t.text!r}")
        self.pos += 1
        return t.text, t.hint


def _arg_bound(arg: A.Arg) -> A.Bound:
    v = arg.value
    if isinstance(v, A.Binary) and v.op == "to":
        return A.Bound(v.left, v.right, arg.span)
    if v is None:
        raise VbaSyntaxError(arg.span.file, arg.span.line, arg.span.column, "empty bound")
    return A.Bound(None, v, arg.span)


def _hint_type(hint: str) -> A.TypeRef | None:
    name = A.TYPE_HINTS.get(hint)
    return A.TypeRef(name) if name else None


def _attach_attrs(proc: A.Procedure, attrs: list[A.Attribute]) -> A.Procedure:
    """Module-level ``Attribute Proc.VB_UserMemId = 0`` lines mark a default member."""
    for a in attrs:
        owner, _, attr = a.name.rpartition(".")
        if owner.lower() == proc.name.lower() and attr.lower() == "vb_usermemid" and a.value == 0:
            return A.Procedure(
                proc.kind,
                proc.name,
                proc.params,
                proc.body,
                proc.return_type,
                proc.visibility,
                proc.static,
                True,
                proc.attributes + (a,),
                proc.span,
            )
    return proc


_NOT_LABELS = {"else", "end", "loop", "next", "wend", "resume", "return", "stop", "exit"}

_CONSTANT_WORDS: dict[str, object] = {}


def _init_constants() -> None:
    from transform.runtimes.vba.values import Empty, Nothing, Null

    _CONSTANT_WORDS.update({"empty": Empty, "null": Null, "nothing": Nothing})


_init_constants()

_STATEMENTS: dict[str, Callable[[Reader], A.Stmt | None]] = {
    "if": Reader.st_if,
    "select": Reader.st_select,
    "for": Reader.st_for,
    "do": Reader.st_do,
    "while": Reader.st_while,
    "with": Reader.st_with,
    "goto": Reader.st_goto,
    "gosub": Reader.st_gosub,
    "return": Reader.st_return,
    "on": Reader.st_on,
    "resume": Reader.st_resume,
    "exit": Reader.st_exit,
    "end": Reader.st_end,
    "stop": Reader.st_stop,
    "redim": Reader.st_redim,
    "erase": Reader.st_erase,
    "set": Reader.st_set,
    "let": Reader.st_let,
    "lset": Reader.st_lset,
    "rset": Reader.st_lset,
    "mid": Reader.st_mid,
    "mid$": Reader.st_mid,
    "midb": Reader.st_mid,
    "raiseevent": Reader.st_raiseevent,
    "call": Reader.st_call,
    "open": Reader.st_open,
    "close": Reader.st_close,
    "reset": Reader.st_close,
    "print": Reader.st_print,
    "write": Reader.st_write,
    "input": Reader.st_input,
    "line": Reader.st_line,
    "get": Reader.st_getput,
    "put": Reader.st_getput,
    "seek": Reader.st_seek,
    "lock": Reader.st_seek,
    "unlock": Reader.st_seek,
    "width": Reader.st_seek,
    "name": Reader.st_name,
}

_KIND_BY_SUFFIX = {
    ".bas": "standard",
    ".cls": "class",
    ".frm": "form",
    ".ctl": "form",
    ".dsr": "form",
    ".vbs": "script",
}


def module_kind(file: str, text: str) -> str:
    """standard/class/document/form/script from the file name and VB_ attributes."""
    low = file.lower()
    for suffix, kind in _KIND_BY_SUFFIX.items():
        if low.endswith(suffix):
            if kind == "class" and re.search(r"(?im)^Attribute VB_Base\s*=\s*\"0\{0002", text):
                return "document"
            return kind
    return "standard"


def read_module(text: str, file: str = "<string>", kind: str | None = None) -> A.Module:
    """Read one module's source text into a ``vba_ast.Module``."""
    kind = kind or module_kind(file, text)
    name = re.sub(r"\.[^.]*$", "", file.replace("\\", "/").rsplit("/", 1)[-1]) or "Module1"
    tokens = tokenize(text, file)
    return Reader(tokens, file).module(name, kind)
