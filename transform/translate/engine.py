"""The rule engine: translate a VBA syntax tree node by node with the first rule that fits.

For each node the engine tries the rules whose pattern starts with the node's type, highest
priority first: the query must match with `@node` at this very node and the rule's `when`
condition must hold; then its template renders, and the filters in the template (`expr`,
`block`, `name`, ...) translate the captured children the same way. A node no rule covers
becomes an explicit marker (`raise NotImplementedError` for a statement, a raising helper
for an expression) and a `Fragment` record: never silently wrong, and the seam where an LLM
rewrite can plug in later.

Provenance: every statement's output lines are tagged with the statement's legacy span and
rule id while rendering (an invisible suffix), so the final module maps each line back.
"""

from __future__ import annotations

import ast
import functools
import io
import keyword
import re
import tokenize
from collections import Counter
from dataclasses import dataclass, field

import tree_sitter
from jinja2 import StrictUndefined, pass_context
from jinja2.sandbox import SandboxedEnvironment

from .excelwords import ExcelWords
from .rules import Rule, RuleSet
from .scope import PROCEDURE_TYPES, ModuleScope
from .support import used_helpers
from .vocabulary import Vocabulary

TAG = "\u2063"  # invisible separator: never in VBA source we translate
_TAG_RE = re.compile(f"{TAG}(\\d+){TAG}$")
INDENT = "    "


@dataclass(frozen=True)
class Origin:
    """Where a generated line came from."""

    start_line: int  # 1-based legacy lines
    end_line: int
    rule: str  # rule id, or "marker" for untranslated code


@dataclass(frozen=True)
class Fragment:
    """Legacy code no rule translated: what an LLM (or a person) must still rewrite."""

    kind: str  # "statement" | "expression"
    node_type: str
    text: str
    start_line: int
    end_line: int
    procedure: str | None


@dataclass
class Translation:
    code: str
    origins: list[Origin | None]  # one per line of code.splitlines()
    helpers: set[str] = field(default_factory=set)
    fragments: list[Fragment] = field(default_factory=list)
    rule_counts: Counter = field(default_factory=Counter)


class TranslationFailure(Exception):
    """Raised inside a template to make the engine try the next rule."""


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        undefined=StrictUndefined, keep_trailing_newline=False, trim_blocks=True
    )
    env.filters.update(
        expr=_filter("expression"),
        operand=_filter("operand"),
        block=_filter("block"),
        name=_filter("name"),
        text=_filter("text"),
    )
    return env


def _filter(method: str):
    @pass_context
    def apply(context, value, *args):
        return getattr(context["_t"], method)(value, *args)

    return apply


# Compiled once per process, not per module: Jinja2 compilation cost more than the
# translation itself (a rule's text, not its id, is the key: `--rules` can redefine an id).
@functools.cache
def _compiled_template(text: str):
    return Translator.environment.from_string(text)


@functools.cache
def _compiled_condition(text: str):
    return Translator.environment.compile_expression(text)


def _indent(text: str) -> str:
    return "\n".join(INDENT + line if line.strip() else line for line in text.split("\n"))


class Translator:
    """Translates one module's tree; rules and scope are shared, state is per module."""

    environment = _environment()

    def __init__(self, rules: RuleSet, source: bytes, scope: ModuleScope):
        self.rules = rules
        self.source = source
        self.scope = scope
        self.origins: list[Origin] = []
        self.fragments: list[Fragment] = []
        self.rule_counts: Counter = Counter()
        self.functions = {**Vocabulary(self).functions(), **ExcelWords(self).functions()}

    # -- entry points used by templates --------------------------------------------------

    def text(self, node: tree_sitter.Node) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def name(self, node) -> str:
        raw = node if isinstance(node, str) else self.text(node)
        return python_name(self.scope.spelling(raw))

    def type_of(self, node: tree_sitter.Node) -> str:
        return self.scope.type_of(node, self.text)

    def operand(self, node: tree_sitter.Node) -> str:
        """An operand: compound expressions get parentheses, so precedence never changes."""
        code = self.expression(node)
        return code if _is_atom(code) else f"({code})"

    def expression(self, node: tree_sitter.Node) -> str:
        rendered = self._apply(node, "expression")
        if rendered is None:
            self._fragment("expression", node)
            return f"vba.untranslated({self.text(node)!r})"
        return rendered

    def statement(self, node: tree_sitter.Node) -> str:
        if node.type == "comment":
            return self._tag(_comment(self.text(node)), node, "comment")
        rendered = self._apply(node, "statement")
        if rendered is None:
            self._fragment("statement", node)
            first = self.text(node).strip().splitlines()[0] if self.text(node).strip() else ""
            marker = f"raise NotImplementedError({('VBA: ' + first)!r})"
            legacy = "\n".join("# " + line for line in self.text(node).splitlines())
            return self._tag(legacy + "\n" + marker, node, "marker")
        return rendered

    def block(self, node: tree_sitter.Node | None) -> str:
        """The statements of a block, indented one level; `pass` when there are none."""
        statements = [] if node is None else list(self.statements_of(node))
        code = "\n".join(filter(None, (self.statement(child) for child in statements)))
        has_code = any(  # statements may render as nothing (a label, a Static declaration)
            line.strip() and not line.strip().startswith("#") for line in code.split("\n")
        )
        if not has_code:
            code = (code + "\n" if code else "") + "pass"
        return _indent(code)

    def statements_of(self, node: tree_sitter.Node):
        for child in node.named_children:
            if child.is_extra and child.type != "comment":
                continue
            if child.type in self.scope.skipped_statement_types:
                continue
            yield child

    # -- rule application -----------------------------------------------------------------

    def _apply(self, node: tree_sitter.Node, role: str) -> str | None:
        if node.type in PROCEDURE_TYPES:
            with self.scope.entering(node, self.text):
                return self._apply_rules(node, role)
        return self._apply_rules(node, role)

    def _apply_rules(self, node: tree_sitter.Node, role: str) -> str | None:
        for rule in self.rules.candidates(node.type):
            captures = self._match(rule, node)
            if captures is None:
                continue
            variables = {
                **self.functions,
                "_t": self,
                "node": node,
                "scope": self.scope,
                **captures,
            }
            if rule.when and not self._condition(rule)(**variables):
                continue
            try:
                rendered = self._template(rule).render(**variables).rstrip("\n")
            except TranslationFailure:
                continue
            except Exception as error:
                if not hasattr(error, "vba_position"):  # the innermost node names the place
                    line, column = node.start_point
                    error.vba_position = f"line {line + 1}, column {column + 1}, rule {rule.id}"
                raise
            self.rule_counts[rule.id] += 1
            if role != "statement" or not rendered.strip():
                return rendered
            return self._tag(rendered, node, rule.id)
        return None

    def _match(self, rule: Rule, node: tree_sitter.Node) -> dict | None:
        cursor = tree_sitter.QueryCursor(rule.query)
        cursor.set_max_start_depth(0)
        for _, captures in cursor.matches(node):
            matched = captures.get("node")
            if matched and matched[0] == node:
                return {k: (v[0] if len(v) == 1 else v) for k, v in captures.items() if k != "node"}
        return None

    def _template(self, rule: Rule):
        return _compiled_template(rule.template)

    def _condition(self, rule: Rule):
        return _compiled_condition(rule.when)

    # -- provenance and markers ----------------------------------------------------------

    def _tag(self, code: str, node: tree_sitter.Node, rule_id: str) -> str:
        """Tag each untagged line with this node's origin; nested statements keep theirs."""
        self.origins.append(Origin(node.start_point[0] + 1, node.end_point[0] + 1, rule_id))
        tag = f"{TAG}{len(self.origins) - 1}{TAG}"
        lines = []
        for line in code.split("\n"):
            lines.append(line if _TAG_RE.search(line) else line + tag)
        return "\n".join(lines)

    def _fragment(self, kind: str, node: tree_sitter.Node) -> None:
        self.fragments.append(
            Fragment(
                kind=kind,
                node_type=node.type,
                text=self.text(node),
                start_line=node.start_point[0] + 1,
                end_line=node.end_point[0] + 1,
                procedure=self.scope.current_procedure,
            )
        )

    def finish(self, code: str) -> Translation:
        """Strip the tags, keeping one origin per output line."""
        lines, origins = [], []
        for line in code.split("\n"):
            match = _TAG_RE.search(line)
            if match:
                origins.append(self.origins[int(match.group(1))])
                line = line[: match.start()]
            else:
                origins.append(None)
            lines.append(line.rstrip())
        while lines and not lines[-1]:
            lines.pop()
            origins.pop()
        return Translation(
            code="\n".join(lines) + "\n",
            origins=origins,
            helpers=used_helpers("\n".join(lines)),
            fragments=list(self.fragments),
            rule_counts=Counter(self.rule_counts),
        )


def _is_atom(code: str) -> bool:
    """Python that binds tighter than any operator: a name, literal, call, attribute or
    subscript (e.g. `vba.concat(a, b)`, but not `vba.concat(a, b) + c`)."""
    try:
        tree = ast.parse(code, mode="eval").body
    except SyntaxError:
        return False
    if isinstance(tree, ast.Name | ast.Constant | ast.Call | ast.Attribute | ast.Subscript):
        return True
    return _enclosed(code)


def _enclosed(code: str) -> bool:
    """Is the whole expression inside one pair of parentheses, like `(a - b)`?"""
    if not (code.startswith("(") and code.endswith(")")):
        return False
    depth = 0
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError):
        return False
    significant = [t for t in tokens if t.type == tokenize.OP or t.string.strip()]
    for index, token in enumerate(significant):
        if token.string in "([{":
            depth += 1
        elif token.string in ")]}":
            depth -= 1
            if depth == 0 and index < len(significant) - 1:
                return False  # the first group closes before the end: `(a) + (b)`
    return True


def _comment(text: str) -> str:
    """A VBA comment as Python comment lines: a comment ending in a line continuation goes
    on over the next physical line (MS-VBAL 3.3.1, comment-body), so each gets its `#`."""
    body = text.strip()
    if body.startswith("'"):
        body = body[1:]
    elif body[:3].lower() == "rem":
        body = body[3:]
    lines = [line.strip() for line in body.splitlines()] or [""]
    return "\n".join("#" + (" " + line if line else "") for line in lines)


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def python_name(vba_name: str) -> str:
    """A VBA identifier as a Python one: snake_case, type hint dropped, keywords avoided."""
    name = vba_name.strip("[]").rstrip("$%&!#@^")
    name = re.sub(r"\W", "_", name)
    snake = _CAMEL.sub("_", name).lower()
    if not snake.isidentifier():  # a bracketed name: `[2nd]`, VBScript's `[]`
        snake = "n_" + snake
    if keyword.iskeyword(snake) or snake in PYTHON_RESERVED:
        snake += "_"
    return snake


# The names the translation itself uses inside procedures (the function result, the
# caught exception) are taken too: a VBA local called Result must not overwrite the result.
PYTHON_RESERVED = {
    *("vba", "self", "cls", "print", "len", "str", "int", "list", "dict", "type"),
    *("result", "exc"),
}
