"""The characterize stage: golden cases recorded by running the legacy code in the
interpreter, and pytest files rendered from them (docs/characterize.md)."""

from .golden import has_cases
from .pipeline import CharacterizeResult, characterize, characterize_output

__all__ = ["CharacterizeResult", "characterize", "characterize_output", "has_cases"]
