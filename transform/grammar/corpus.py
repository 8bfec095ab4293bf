"""Read and run test corpora in tree-sitter's format (``test/corpus/*.txt``).

A corpus is the independent oracle for a generated parser: hand-written inputs with the
S-expression trees they must produce. The reading rules follow ``tree-sitter test``:

* A header is a line of 3+ ``=`` (optionally followed by a suffix), the test name, optional
  attribute lines (``:skip``, ``:error``, ``:fail-fast``, ``:cst``, ``:language(x)``,
  ``:platform(x)``), and another ``=`` line with the same suffix. The first header's suffix
  applies to the whole file; lines with another suffix are ordinary text.
* The input runs to the longest line of 3+ ``-`` (with the same suffix; the last one on a
  tie) and loses exactly one trailing line break. The expected tree follows it.
* Trees compare with whitespace normalised and ``;`` comments dropped. Fields are compared
  only when the expected tree mentions at least one field, as ``tree-sitter test`` does.

Two deliberate differences from the CLI: an unknown attribute or a test without a divider is
an error naming the file and line (the CLI skips them silently, hiding typos), and a ``;``
comment may also end a line of the tree (the CLI only drops whole comment lines).
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tree_sitter import Language, Node, Parser

_EQUALS = re.compile(r"={3,}([^=].*)?")
_DASHES = re.compile(r"(-{3,})([^-].*)?")
_ATTRIBUTE = re.compile(r":([\w-]+)(?:\((.*)\))?")
_FIELD_LABEL = re.compile(r"(?<=[\s(])[A-Za-z_]\w*: (?=\()")
_FLAG_ATTRIBUTES = {"skip", "error", "fail-fast", "cst"}
_VALUE_ATTRIBUTES = {"language", "platform"}
_PLATFORMS = {"linux": "linux", "darwin": "macos", "win32": "windows", "cygwin": "windows"}


class CorpusFormatError(ValueError):
    """A corpus file that cannot be read as tests; the message gives ``path:line``."""


@dataclass(frozen=True)
class CaseAttributes:
    """The header attributes of one test; empty tuples mean "any language/platform"."""

    skip: bool = False
    error: bool = False
    fail_fast: bool = False
    cst: bool = False
    languages: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()


@dataclass(frozen=True)
class CorpusCase:
    """One test: ``source`` to parse and the ``expected`` S-expression (as written)."""

    name: str
    source: str
    expected: str
    path: Path
    line: int
    attributes: CaseAttributes = field(default_factory=CaseAttributes)

    @property
    def location(self) -> str:
        """``path:line`` of the header, for messages that must point at the test."""
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class CaseResult:
    """The outcome of one case: ``passed``, ``failed`` or ``skipped``, and why."""

    case: CorpusCase
    outcome: str
    actual: str = ""
    message: str = ""

    @property
    def passed(self) -> bool:
        return self.outcome == "passed"

    @property
    def failed(self) -> bool:
        return self.outcome == "failed"

    def describe(self) -> str:
        """One header line plus the message, ready to print in a test failure."""
        head = f"{self.case.location}: {self.outcome}: {self.case.name}"
        return f"{head}\n{self.message}" if self.message else head


# ---------------------------------------------------------------------------------------------
# Reading


def read_corpus(path: str | Path) -> list[CorpusCase]:
    """Read the cases of a corpus file, or of every ``*.txt`` under a directory (sorted)."""
    path = Path(path)
    files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    cases: list[CorpusCase] = []
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CorpusFormatError(f"{file}: cannot read: {error}") from error
        cases.extend(parse_corpus(text, file))
    return cases


def parse_corpus(text: str, path: str | Path = "<corpus>") -> list[CorpusCase]:
    """Split corpus ``text`` into cases; ``path`` is only used in cases and messages."""
    path = Path(path)
    lines = text.splitlines(keepends=True)
    headers = list(_find_headers(lines))
    cases = []
    for index, (start, end, suffix) in enumerate(headers):
        body_end = headers[index + 1][0] if index + 1 < len(headers) else len(lines)
        cases.append(_read_case(lines, start, end, body_end, suffix, path))
    return cases


def _bare(line: str) -> str:
    """A line without its line break and trailing blanks, for matching separators."""
    return line.rstrip("\r\n").rstrip()


def _suffix(match: re.Match[str], group: int) -> str:
    return match.group(group) or ""


def _find_headers(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """Yield ``(first_line, line_after_header, suffix)`` for each header, in order."""
    file_suffix: str | None = None
    index = 0
    while index < len(lines):
        opening = _EQUALS.fullmatch(_bare(lines[index]))
        closing_at = _header_end(lines, index) if opening else None
        if opening and closing_at is not None:
            suffix = _suffix(opening, 1)
            if file_suffix is None:
                file_suffix = suffix
            if suffix == file_suffix:
                yield index, closing_at + 1, suffix
                index = closing_at + 1
                continue
        index += 1


def _header_end(lines: list[str], start: int) -> int | None:
    """Index of the ``=`` line closing the header opened at ``start``, if it is a header."""
    opening = _EQUALS.fullmatch(_bare(lines[start]))
    index = start + 1
    while index < len(lines) and _bare(lines[index]) and not lines[index].startswith("="):
        index += 1
    if index == start + 1 or index >= len(lines):
        return None
    closing = _EQUALS.fullmatch(_bare(lines[index]))
    if opening is None or closing is None or _suffix(closing, 1) != _suffix(opening, 1):
        return None
    return index


def _read_case(
    lines: list[str], start: int, end: int, body_end: int, suffix: str, path: Path
) -> CorpusCase:
    """Build one case from its header lines and the body up to the next header."""
    name, attributes = _read_header(lines[start + 1 : end - 1], path, start + 2)
    divider = _find_divider(lines, end, body_end, suffix)
    if divider is None:
        raise CorpusFormatError(
            f"{path}:{start + 1}: test {name!r} has no '---{suffix}' line before its tree"
        )
    source = "".join(lines[end:divider])
    source = source.removesuffix("\n").removesuffix("\r")
    expected = "".join(lines[divider + 1 : body_end]).strip()
    return CorpusCase(name, source, expected, path, start + 1, attributes)


def _find_divider(lines: list[str], start: int, stop: int, suffix: str) -> int | None:
    """The longest dash line with the file's suffix (the last of equals), as the CLI picks."""
    best: int | None = None
    best_length = 0
    for index in range(start, stop):
        match = _DASHES.fullmatch(_bare(lines[index]))
        if match and _suffix(match, 2) == suffix and len(match.group(1)) >= best_length:
            best, best_length = index, len(match.group(1))
    return best


def _read_header(lines: list[str], path: Path, first_line: int) -> tuple[str, CaseAttributes]:
    """The test name (first line, plus any lines before the attributes) and attributes."""
    name_lines: list[str] = []
    flags: set[str] = set()
    values: dict[str, list[str]] = {"language": [], "platform": []}
    for offset, raw in enumerate(lines):
        line = raw.strip()
        where = f"{path}:{first_line + offset}"
        if offset > 0 and line.startswith(":"):
            _read_attribute(line, where, flags, values)
        elif flags or any(values.values()):
            raise CorpusFormatError(f"{where}: header line {line!r} after the attributes")
        else:
            name_lines.append(line)
    attributes = CaseAttributes(
        skip="skip" in flags,
        error="error" in flags and "skip" not in flags,
        fail_fast="fail-fast" in flags,
        cst="cst" in flags,
        languages=tuple(values["language"]),
        platforms=tuple(values["platform"]),
    )
    return "\n".join(name_lines), attributes


def _read_attribute(line: str, where: str, flags: set[str], values: dict[str, list[str]]) -> None:
    """Record one ``:attribute`` line, refusing unknown names and misplaced arguments."""
    match = _ATTRIBUTE.fullmatch(line)
    name = match.group(1) if match else line
    argument = match.group(2) if match else None
    if match and name in _FLAG_ATTRIBUTES and argument is None:
        flags.add(name)
    elif match and name in _VALUE_ATTRIBUTES and argument and argument.strip():
        values[name].append(argument.strip())
    else:
        known = (
            ", ".join(sorted(f":{n}" for n in _FLAG_ATTRIBUTES)) + ", :language(x), :platform(x)"
        )
        raise CorpusFormatError(f"{where}: unknown attribute {line!r} (known: {known})")


# ---------------------------------------------------------------------------------------------
# S-expressions


def _sexp_tokens(text: str) -> Iterator[str]:
    """Parentheses, quoted strings and atoms; ``;`` outside quotes comments to end of line."""
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            index += 1
        elif char == ";":
            newline = text.find("\n", index)
            index = len(text) if newline < 0 else newline
        elif char in "()":
            yield char
            index += 1
        elif char in "\"'":
            end = _closing_quote(text, index)
            yield text[index:end]
            index = end
        else:
            end = index
            while end < len(text) and not text[end].isspace() and text[end] not in "();":
                end += 1
            yield text[index:end]
            index = end


def _closing_quote(text: str, start: int) -> int:
    """Index just past the string opened at ``start`` (backslash escapes honoured)."""
    index = start + 1
    while index < len(text) and text[index] != text[start]:
        index += 2 if text[index] == "\\" else 1
    return min(index + 1, len(text))


def normalize_sexp(text: str) -> str:
    """One canonical spelling of an S-expression, so layout and comments never matter.

    Tokens are joined by single spaces, except none after ``(`` or before ``)``; a field
    label is always written ``name: (``.
    """
    out: list[str] = []
    for token in _sexp_tokens(text):
        if out and out[-1] != "(" and token != ")":
            out.append(" ")
        out.append(token)
    return "".join(out)


def format_sexp(text: str) -> str:
    """Indent an S-expression one node per line, so that diffs point at the node."""
    lines: list[str] = []
    depth = 0
    label = ""
    tokens = list(_sexp_tokens(text))
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token == "(":
            lines.append("  " * depth + label + "(")
            label = ""
            depth += 1
        elif token == ")":
            lines[-1] += ")"
            depth -= 1
        elif token.endswith(":") and following == "(":
            label = token + " "
        else:
            lines[-1] += token if lines[-1].endswith("(") else " " + token
    return "\n".join(lines)


def tree_sexp(node: Node, *, fields: bool = True) -> str:
    """The S-expression ``tree-sitter test`` prints for ``node``.

    py-tree-sitter's ``str(node)`` is the runtime's ``ts_node_string``, the very text the CLI
    compares (named nodes, ``field: (...)``, ``(ERROR ...)``, ``(MISSING x)``,
    ``(UNEXPECTED 'c')``), so it is reused; only the field labels are optional.
    """
    text = str(node)
    return text if fields else _FIELD_LABEL.sub("", text)


def has_fields(sexp: str) -> bool:
    """Whether an expected tree names fields, which decides if fields are compared."""
    return _FIELD_LABEL.search(normalize_sexp(sexp)) is not None


# ---------------------------------------------------------------------------------------------
# Running


def run_corpus(
    language: Language | Mapping[str, Language], cases: Sequence[CorpusCase]
) -> list[CaseResult]:
    """Parse every case and compare trees; one result per case, in order.

    ``language`` is a Language, or a mapping from the names used in ``:language(name)`` to
    languages (the first entry serves cases without the attribute). After a failed
    ``:fail-fast`` case the remaining cases are reported as skipped.
    """
    results: list[CaseResult] = []
    for index, case in enumerate(cases):
        result = run_case(language, case)
        results.append(result)
        if result.failed and case.attributes.fail_fast:
            reason = f"not run: :fail-fast case {case.name!r} failed"
            results.extend(
                CaseResult(rest, "skipped", message=reason) for rest in cases[index + 1 :]
            )
            break
    return results


def run_case(language: Language | Mapping[str, Language], case: CorpusCase) -> CaseResult:
    """Run one case, never raising: a parser failure is a failed result, not a crash."""
    reason = _skip_reason(case.attributes)
    if reason:
        return CaseResult(case, "skipped", message=reason)
    try:
        languages = _languages_for(language, case.attributes)
    except KeyError as error:
        return CaseResult(case, "failed", message=f"unknown language {error}")
    results = [(name, _check(lang, case)) for name, lang in languages]
    for name, result in results:
        if result.failed:
            prefix = f"[{name}] " if name else ""
            return CaseResult(case, "failed", result.actual, prefix + result.message)
    return results[-1][1]


def _skip_reason(attributes: CaseAttributes) -> str:
    """Why a case is not run here, or "" when it should run."""
    if attributes.skip:
        return "marked :skip"
    if attributes.cst:
        return ":cst output is not supported"
    if attributes.platforms and current_platform() not in attributes.platforms:
        return f"only for platform {', '.join(attributes.platforms)}"
    return ""


def current_platform() -> str:
    """This OS under the names ``:platform(...)`` uses (Rust's ``std::env::consts::OS``)."""
    for prefix in ("freebsd", "openbsd", "netbsd"):
        if sys.platform.startswith(prefix):
            return prefix
    return _PLATFORMS.get(sys.platform, sys.platform)


def _languages_for(
    language: Language | Mapping[str, Language], attributes: CaseAttributes
) -> list[tuple[str, Language]]:
    """The (name, language) pairs a case runs against."""
    if not isinstance(language, Mapping):
        return [("", language)]
    if not attributes.languages:
        name = next(iter(language))
        return [("", language[name])]
    return [(name, language[name]) for name in attributes.languages]


def _check(language: Language, case: CorpusCase) -> CaseResult:
    """Parse ``case.source`` and compare with the expectation (and the error flag)."""
    try:
        tree = Parser(language).parse(case.source.encode("utf-8"))
    except (ValueError, RuntimeError, TypeError) as error:
        return CaseResult(case, "failed", message=f"parser failed: {error}")
    root = tree.root_node
    expected = normalize_sexp(case.expected)
    actual = normalize_sexp(tree_sexp(root, fields=has_fields(expected)))
    if case.attributes.error and not root.has_error:
        return CaseResult(case, "failed", actual, f"expected a parse error; got {actual}")
    if expected == actual or (case.attributes.error and not expected):
        return CaseResult(case, "passed", actual)
    return CaseResult(case, "failed", actual, sexp_diff(expected, actual))


def sexp_diff(expected: str, actual: str) -> str:
    """A unified diff of the two trees, one node per line."""
    diff = difflib.unified_diff(
        format_sexp(expected).splitlines(),
        format_sexp(actual).splitlines(),
        "expected",
        "actual",
        lineterm="",
    )
    return "\n".join(diff)
