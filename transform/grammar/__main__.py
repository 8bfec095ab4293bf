from .cli import grammar_group

grammar_group(prog_name="python -m transform.grammar")
