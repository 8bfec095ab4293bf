"""Run a rule's before/after examples: the examples are the rules' tests, for our rules
and for rules users add with --rules."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import tree_sitter

from .module import translate_module
from .rules import Example, Rule, RuleSet

WRAPPER = "Example__"


@dataclass
class ExampleResult:
    rule: Rule
    example: Example
    actual: str

    @property
    def passed(self) -> bool:
        return self.actual.strip() == self.example.python.strip()


def translate_example(rules: RuleSet, language: tree_sitter.Language, example: Example) -> str:
    if example.context == "module":
        code = _translate(rules, language, example.vba + "\n", "example")
        return _body_of_module(code)
    if example.context == "expression":
        source = f"Sub {WRAPPER}()\nvalue__ = {example.vba}\nEnd Sub\n"
        body = _body_of_wrapper(_translate(rules, language, source, "x"))
        return body.split("=", 1)[1].strip() if "=" in body else body
    source = f"Sub {WRAPPER}()\n{example.vba}\nEnd Sub\n"
    return _body_of_wrapper(_translate(rules, language, source, "x"))


def _translate(rules: RuleSet, language: tree_sitter.Language, source: str, name: str) -> str:
    return translate_module(rules, language, source, name, name, free_names_are_variables=True).code


def run_examples(rules: RuleSet, language: tree_sitter.Language) -> list[ExampleResult]:
    return [
        ExampleResult(rule, example, translate_example(rules, language, example))
        for rule in rules.rules
        for example in rule.examples
    ]


def _body_of_module(code: str) -> str:
    lines = code.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith('"""'))
    rest = [line for line in lines[start + 1 :]]
    while rest and (not rest[0].strip() or rest[0].startswith(("from ", "import "))):
        rest.pop(0)
    return "\n".join(rest).strip()


def _body_of_wrapper(code: str) -> str:
    lines = code.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("def example__("))
    body = textwrap.dedent("\n".join(lines[start + 1 :])).strip()
    return "" if body == "pass" else body
