"""Index stage: symbols, references, dependency graph and analyses of a legacy project.

See docs/index.md.  Typical use::

    from transform.index import scan
    result = scan(["legacy/"])
    result.index        # ProjectIndex: symbols and references (model.py)
    result.graph        # networkx MultiDiGraph
    result.analyses     # cycles, conversion order, entry points, dead code, effects
    result.inventory    # what `transform scan` writes
"""

from .analyses import analyse
from .graph import build_graph, focus, to_dot, to_graphml, to_json
from .inventory import build_inventory
from .model import (
    Analyses,
    Inventory,
    ProjectIndex,
    from_jsonable,
    to_jsonable,
)
from .parsing import ParseError, parse_vba
from .pipeline import index_modules, index_paths
from .scan import ScanResult, scan, write_scan

__all__ = [
    "Analyses",
    "Inventory",
    "ParseError",
    "ProjectIndex",
    "ScanResult",
    "analyse",
    "build_graph",
    "build_inventory",
    "focus",
    "from_jsonable",
    "index_modules",
    "index_paths",
    "parse_vba",
    "scan",
    "to_dot",
    "to_graphml",
    "to_json",
    "to_jsonable",
    "write_scan",
]
