"""Helpers for index-stage tests: write small projects, query edges."""

from __future__ import annotations

from pathlib import Path

from transform.index import ScanResult


def write_project(root: Path, files: dict[str, str]) -> Path:
    """Write modules with CRLF line endings, as the VBA editor exports them."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.strip("\n").replace("\n", "\r\n").encode() + b"\r\n")
    return root


def edges(result: ScanResult, kind: str) -> set[tuple[str, str]]:
    """(source, target) of every edge of ``kind``."""
    return {(u, v) for u, v, k in result.graph.edges(keys=True) if k == kind}


def edges_from(result: ScanResult, kind: str, source: str) -> set[str]:
    return {v for u, v in edges(result, kind) if u == source}


def unresolved(result: ScanResult) -> set[tuple[str, str, str]]:
    """(name, kind, scope) of every unresolved name."""
    return {(u.name, u.kind, u.scope) for u in result.index.unresolved}
