"""The layout ARCHITECTURE.md draws: packages on floors, each importing only floors below.

Every ``import`` and ``from … import`` of the package, at module level or inside a
function, is read from the source. A package may import its own modules and those of any
package below it in ``FLOORS``; the root package only for ``__version__``. The few edges
that still climb are listed in ``CLIMBS`` and may only go away: a new one fails, and so
does a listed one that no longer exists (remove it from the list).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "citecheck"
FLOORS = (
    "model",
    "text",
    "report",
    "reader",
    "parser",
    "resolver",
    "sources",
    "verifier",
    "checker",
    "config",
    "fixer",
    "api",
    "run",
    "server",
    "cli",
    "__main__",
)
# Edges that still climb a floor: each is work left, never a precedent. None is left.
CLIMBS: frozenset[tuple[str, str]] = frozenset()


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Module → the citecheck modules (or names in them) it imports."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        module, names = _module(path), set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                if node.module.split(".")[0] == "citecheck":
                    names.update(f"{node.module}.{a.name}" for a in node.names)
                    names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names if a.name.split(".")[0] == "citecheck")
        found[module] = names
    return found


def _floor(module: str) -> int:
    parts = module.split(".")
    return FLOORS.index(parts[1]) if len(parts) > 1 else len(FLOORS)


def _climbs() -> set[tuple[str, str]]:
    imports = _imports()
    modules = set(imports)
    out: set[tuple[str, str]] = set()
    for module, names in imports.items():
        for name in names:
            if name not in modules or name == "citecheck":
                continue  # a name inside a module, or the root's __version__
            if _floor(name) > _floor(module):
                out.add((module, name))
    return out


def test_every_package_is_on_a_floor() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    assert packages | modules - {"__init__"} == set(FLOORS), "a package is missing from FLOORS"


def test_no_package_imports_a_floor_above_it() -> None:
    found = _climbs()
    assert found - CLIMBS == set(), "new imports that climb a floor"
    assert CLIMBS - found == set(), "listed climbs that no longer exist: remove them"


def test_the_root_imports_only_the_api_and_lazily() -> None:
    source = (PACKAGE / "__init__.py").read_text("utf-8")
    top = [n for n in ast.parse(source).body if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert all(isinstance(n, ast.ImportFrom) and n.module in ("__future__", "typing") for n in top)


def _module_level_imports() -> dict[str, set[str]]:
    """Module → the citecheck modules it imports when it loads (not inside a function,
    not under ``if TYPE_CHECKING``)."""
    paths = {_module(p): p for p in PACKAGE.rglob("*.py")}
    found: dict[str, set[str]] = {}
    for module, path in paths.items():
        names: set[str] = set()
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    names.add(full if full in paths else node.module)
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
        found[module] = {n for n in names if n in paths and n != module}
    return found


def test_no_module_imports_itself_in_a_circle() -> None:
    graph = _module_level_imports()
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            raise AssertionError(" -> ".join([*path[path.index(module) :], module]))
        if module in done:
            return
        for name in sorted(graph[module]):
            visit(name, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
