"""Ingest stage: turn the files users point the CLI at into decoded source modules.

See docs/ingest.md for what is read and how.
"""

from .decode import DecodeError, decode, detect_newline
from .discover import discover, source_type
from .model import IngestError, IngestResult, SourceModule
from .office import read_office, read_office_modules
from .pipeline import ingest

__all__ = [
    "DecodeError",
    "IngestError",
    "IngestResult",
    "SourceModule",
    "decode",
    "detect_newline",
    "discover",
    "ingest",
    "read_office",
    "read_office_modules",
    "source_type",
]
