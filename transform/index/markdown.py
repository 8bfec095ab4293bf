"""inventory.md: the inventory as a migration lead reads it.

Long lists are capped (the JSON has everything) so the page stays readable for a
million-line repository.
"""

from __future__ import annotations

from .model import Inventory

_CAP = 50


def render_markdown(inv: Inventory) -> str:
    parts = [
        "# Legacy code inventory",
        "",
        f"Scanned: {', '.join(f'`{r}`' for r in inv.roots) or '(modules given directly)'}",
        "",
        _summary(inv),
        _projects(inv),
        _modules(inv),
        _procedures(inv),
        _externals(inv),
        _entry_points(inv),
        _cycles(inv),
        _order(inv),
        _dead(inv),
        _unresolved(inv),
        _failures(inv),
        "Difficulty = size + decisions + complex_procedures + unstructured + effects + "
        "late_binding + events + unresolved + cycles; levels: low < 5 <= medium < 15 <= "
        "high < 40 <= very high. See docs/index.md for each term.",
        "",
    ]
    return "\n".join(p for p in parts if p is not None)


def _table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        cells = [str(c).replace("|", "\\|").replace("\n", " ") for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _capped(title: str, items: list, total: int | None = None) -> str:
    total = len(items) if total is None else total
    more = f" (first {_CAP} of {total}; all in inventory.json)" if total > _CAP else ""
    return f"## {title}{more}\n"


def _summary(inv: Inventory) -> str:
    rows = [[k.replace("_", " "), v] for k, v in inv.totals.items()]
    return "## Summary\n\n" + _table(["", "count"], rows)


def _projects(inv: Inventory) -> str:
    rows = [
        [p.name, len(p.modules), ", ".join(p.hosts) or "-", "yes" if p.hosts_assumed else "no"]
        for p in inv.projects
    ]
    return "## Projects\n\n" + _table(["project", "modules", "hosts", "hosts assumed"], rows)


def _modules(inv: Inventory) -> str:
    rows = [
        [
            f"`{m.name}`",
            m.kind,
            m.lines,
            m.procedures,
            f"{m.complexity_total} / {m.complexity_max}",
            ", ".join(m.effects) or "-",
            m.unresolved,
            "yes" if m.in_cycle else "",
            m.difficulty,
            m.level,
            ", ".join(f"{k} {v}" for k, v in m.factors.items()),
        ]
        for m in inv.modules[:_CAP]
    ]
    header = [
        "module",
        "kind",
        "lines",
        "procs",
        "CC total / max",
        "effects",
        "unresolved",
        "cycle",
        "difficulty",
        "level",
        "factors",
    ]
    return _capped("Modules by migration difficulty", inv.modules) + "\n" + _table(header, rows)


def _procedures(inv: Inventory) -> str:
    ranked = sorted(inv.procedures, key=lambda p: (-p.complexity, p.id.lower()))
    rows = [
        [f"`{p.id}`", p.kind, p.visibility, p.lines, p.complexity, ", ".join(p.effects) or "-"]
        for p in ranked[:_CAP]
    ]
    title = "Procedures by cyclomatic complexity"
    header = ["procedure", "kind", "visibility", "lines", "CC", "effects (transitive)"]
    return _capped(title, ranked) + "\n" + _table(header, rows)


def _externals(inv: Inventory) -> str:
    rows = [
        [f"`{e.id}`", e.kind, len(e.used_by), ", ".join(e.used_by[:8])]
        for e in inv.external_dependencies[:_CAP]
    ]
    title = _capped("External dependencies", inv.external_dependencies)
    return title + "\n" + _table(["dependency", "kind", "modules", "used by"], rows)


def _entry_points(inv: Inventory) -> str:
    rows = [[f"`{e.id}`", e.reason] for e in inv.entry_points[:_CAP]]
    return _capped("Entry points", inv.entry_points) + "\n" + _table(["procedure", "why"], rows)


def _cycles(inv: Inventory) -> str:
    lines = ["## Cycles", ""]
    if not inv.recursion and not inv.module_cycles:
        return "## Cycles\n\nNone.\n"
    for group in inv.module_cycles[:_CAP]:
        lines.append(f"- modules: {', '.join(group)}")
    for group in inv.recursion[:_CAP]:
        kind = "recursive" if len(group) == 1 else "mutually recursive"
        lines.append(f"- {kind}: {', '.join(group)}")
    return "\n".join(lines) + "\n"


def _order(inv: Inventory) -> str:
    lines = ["## Conversion order (leaves first)", ""]
    for i, group in enumerate(inv.conversion_order[: _CAP * 4], start=1):
        lines.append(f"{i}. {', '.join(group)}")
    if len(inv.conversion_order) > _CAP * 4:
        lines.append(f"... {len(inv.conversion_order) - _CAP * 4} more in inventory.json")
    return "\n".join(lines) + "\n"


def _dead(inv: Inventory) -> str:
    if not inv.dead_code:
        return "## Dead code\n\nNo unreachable private procedures.\n"
    rows = [[f"`{d.id}`", d.reason, ", ".join(d.referenced_by)] for d in inv.dead_code[:_CAP]]
    title = _capped("Dead code (private, unreachable)", inv.dead_code)
    return title + "\n" + _table(["procedure", "why", "referenced by (dead)"], rows)


def _unresolved(inv: Inventory) -> str:
    if not inv.unresolved:
        return "## Unresolved names\n\nNone.\n"
    rows = [
        [f"`{u.name}`", u.kind, f"`{u.scope}`", f"{u.location.file}:{u.location.line}", u.note]
        for u in inv.unresolved[:_CAP]
    ]
    header = ["name", "kind", "in", "where", "note"]
    return _capped("Unresolved names", inv.unresolved) + "\n" + _table(header, rows)


def _failures(inv: Inventory) -> str:
    if not inv.failures:
        return None  # type: ignore[return-value]
    rows = [[f.file, f.line, f.column, f.message] for f in inv.failures]
    return "## Files that failed to parse\n\n" + _table(["file", "line", "column", "error"], rows)
