"""Translation rules are data: YAML files of rules, each with an id, a tree-sitter query, an
optional condition, a Jinja2 template and before/after examples.

A rule file looks like:

    family: statements
    rules:
      - id: VBA-STMT-001
        description: Assignment to a variable.
        pattern: (assignment_statement left: (identifier) @target right: (_) @value) @node
        when: not is_function_result(target)          # optional, a Jinja2 expression
        template: "{{ target | name }} = {{ value | expr }}"
        examples:
          - vba: "x = 1"
            python: "x = 1"

`@node` marks the node the rule translates; other captures are available to the condition
and the template. Rules from a user's folder (`--rules DIR`) with the same id replace ours;
new ids are added. Adding a rule never needs an engine change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import tree_sitter
import yaml

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
_NODE_START = re.compile(r"\(\s*([A-Za-z_][A-Za-z0-9_]*)")


class RuleError(ValueError):
    """A rule file that cannot be used; the message names the file and the rule."""


@dataclass(frozen=True)
class Example:
    vba: str
    python: str
    context: str = "statement"  # statement | expression | module


@dataclass
class Rule:
    id: str
    family: str
    description: str
    pattern: str
    template: str
    root_types: tuple[str, ...]
    when: str | None = None
    priority: int = 0
    examples: list[Example] = field(default_factory=list)
    source: str = ""
    query: tree_sitter.Query | None = field(default=None, repr=False, compare=False)


@dataclass
class RuleSet:
    rules: list[Rule]
    by_type: dict[str, list[Rule]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_type = {}
        ordered = sorted(enumerate(self.rules), key=lambda pair: (-pair[1].priority, pair[0]))
        for _, rule in ordered:
            for root_type in rule.root_types:
                self.by_type.setdefault(root_type, []).append(rule)

    def candidates(self, node_type: str) -> list[Rule]:
        return self.by_type.get(node_type, [])

    def get(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def load_rules(
    language: tree_sitter.Language, dialect: str = "vba", extra_dirs: tuple[Path, ...] = ()
) -> RuleSet:
    """Our rules for a dialect, then each user folder's, later ids replacing earlier ones."""
    by_id: dict[str, Rule] = {}
    for folder in (RULES_DIR / dialect, *extra_dirs):
        for path in sorted(Path(folder).glob("*.yaml")):
            for rule in _read_file(path, language):
                by_id[rule.id] = rule
    return RuleSet(list(by_id.values()))


def _read_file(path: Path, language: tree_sitter.Language) -> list[Rule]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise RuleError(f"{path}: not valid YAML: {error}") from error
    family = document.get("family") or path.stem
    rules = []
    for index, entry in enumerate(document.get("rules") or []):
        rules.append(_read_rule(entry, family, f"{path} (rule {index + 1})", language))
    return rules


REQUIRED = ("id", "description", "pattern", "template")


def _read_rule(entry: dict, family: str, where: str, language: tree_sitter.Language) -> Rule:
    missing = [
        key
        for key in REQUIRED
        if entry.get(key) is None
        or entry.get(key) == []
        or (key != "template" and not entry.get(key))
    ]
    if missing:
        raise RuleError(f"{where}: missing {', '.join(missing)}")
    where = f"{where} `{entry['id']}`"
    pattern = entry["pattern"]
    root_types = _root_types(pattern)
    if not root_types:
        raise RuleError(
            f"{where}: the pattern must start with a named node, like (if_statement, "
            "or an alternation of them, like [(a) (b)]"
        )
    if "@node" not in pattern:
        raise RuleError(f"{where}: the pattern must capture the translated node as @node")
    try:
        query = tree_sitter.Query(language, pattern)
    except Exception as error:  # the binding raises QueryError subclasses
        raise RuleError(f"{where}: invalid pattern: {error}") from error
    clashes = sorted(_capture_names(query) & reserved_names())
    if clashes:
        raise RuleError(
            f"{where}: capture names {', '.join('@' + c for c in clashes)} would hide "
            "template functions of the same name; rename the captures"
        )
    examples = [
        Example(e["vba"], e["python"], e.get("context", "statement"))
        for e in entry.get("examples") or []
    ]
    if not examples:
        raise RuleError(f"{where}: a rule needs at least one example")
    return Rule(
        id=entry["id"],
        family=family,
        description=entry["description"].strip(),
        pattern=pattern,
        template=entry["template"],
        root_types=root_types,
        when=entry.get("when"),
        priority=int(entry.get("priority", 0)),
        examples=examples,
        source=where,
        query=query,
    )


def _root_types(pattern: str) -> tuple[str, ...]:
    """Node types a pattern can match at its root: `(type ...)` or `[(a ...) (b ...)]`."""
    text = pattern.strip()
    if text.startswith("("):
        match = _NODE_START.match(text)
        return (match.group(1),) if match else ()
    if not text.startswith("["):
        return ()
    types, depth, in_string = [], 0, False
    for index, char in enumerate(text[1:], 1):
        if char == '"' and text[index - 1] != "\\":
            in_string = not in_string
        if in_string:
            continue
        if char == "(":
            if depth == 0:
                match = _NODE_START.match(text, index)
                if match:
                    types.append(match.group(1))
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "]" and depth == 0:
            break
    return tuple(types)


def _capture_names(query: tree_sitter.Query) -> set[str]:
    return {query.capture_name(i) for i in range(query.capture_count)} - {"node"}


def reserved_names() -> set[str]:
    """Names templates already use: the vocabulary's functions and the engine's variables."""
    from .vocabulary import Vocabulary

    functions = {n for n in dir(Vocabulary) if not n.startswith("_") and n != "functions"}
    return functions | {"scope"}
