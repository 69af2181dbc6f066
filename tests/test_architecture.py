"""Rules of the package layout that a test can check, read from the sources with `ast` (nothing is imported):

- nothing outside desktop/ui imports desktop.ui, except the one entry point that starts the window;
- no import cycle among desktop's modules.

Every import counts: at module level, inside functions, under `if TYPE_CHECKING:`. Relative imports are
resolved to absolute names; `from pkg import name` is an edge to the submodule `pkg.name` when there is
one, else to `pkg`. Importing a submodule runs its package's `__init__` too, but that is not counted as
an edge (a package whose `__init__` re-exports its submodules is not a cycle, as long as the submodules
do not import the package itself).
"""
from __future__ import annotations

import ast
import tempfile
from collections.abc import Iterable, Mapping
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop"
UI = "desktop.ui"
WINDOW_ENTRY_POINT = "desktop.__main__"   # the only module outside desktop/ui that may start the window


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def sources() -> dict[str, Path]:
    """Every module of the desktop package by its dotted name."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in p.parts}


def imports_of(name: str, path: Path, known: Iterable[str]) -> list[tuple[str, int, str]]:
    """(imported desktop module, line, the import as written) for every import in the module's source."""
    known = set(known)
    is_package = path.name == "__init__.py"
    found = []

    def owner(dotted: str) -> str | None:
        """The module `dotted` is, or the closest package it is inside of."""
        while dotted:
            if dotted in known:
                return dotted
            dotted = dotted.rpartition(".")[0]
        return None

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = owner(alias.name)
                if target:
                    found.append((target, node.lineno, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[:len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            written = f"from {'.' * node.level}{node.module or ''} import {', '.join(a.name for a in node.names)}"
            for alias in node.names:
                target = owner(f"{module}.{alias.name}") if f"{module}.{alias.name}" in known else owner(module)
                if target:
                    found.append((target, node.lineno, written))
    return found


def import_graph() -> tuple[dict[str, set[str]], dict[tuple[str, str], tuple[int, str]]]:
    """Edges between desktop modules, and where each edge is written (first place)."""
    modules = sources()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    where: dict[tuple[str, str], tuple[int, str]] = {}
    for name, path in modules.items():
        for target, line, written in imports_of(name, path, modules):
            if target != name:
                graph[name].add(target)
                where.setdefault((name, target), (line, written))
    return graph, where


def find_cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """One cycle (a path back to its start) per group of modules that import each other."""
    return [cycle_in(group, graph) for group in import_each_other(graph)]


def import_each_other(graph: Mapping[str, Iterable[str]]) -> list[set[str]]:
    """The strongly connected groups of the graph that hold a cycle (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def cycle_in(group: set[str], graph: Mapping[str, Iterable[str]]) -> list[str]:
    """A shortest path from the group's first module back to itself, inside the group (breadth first)."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    return paths[node] + [start]
                if nxt in group and nxt not in paths:
                    paths[nxt] = paths[node] + [nxt]
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"{group} is not strongly connected")


# --------------------------------------------------------------------------- the rules

def test_nothing_outside_ui_imports_ui_except_the_entry_point():
    modules = sources()
    offenders = [*dict.fromkeys(f"{name} (line {line}): {written}"
                 for name, path in modules.items()
                 if not (name == UI or name.startswith(UI + ".")) and name != WINDOW_ENTRY_POINT
                 for target, line, written in imports_of(name, path, modules)
                 if target == UI or target.startswith(UI + "."))]
    assert offenders == [], "only desktop/ui and " + WINDOW_ENTRY_POINT + " may import desktop.ui:\n" + \
        "\n".join(offenders)


def test_the_entry_point_starts_the_window():
    modules = sources()
    targets = {target for target, _line, _w in imports_of(WINDOW_ENTRY_POINT, modules[WINDOW_ENTRY_POINT],
                                                             modules)}
    assert "desktop.ui.app" in targets      # so the exception above names the module that really needs it


def test_no_import_cycle_among_desktop_modules():
    graph, where = import_graph()
    groups = import_each_other(graph)
    described = []
    for group in groups:
        cycle = cycle_in(group, graph)
        steps = [f"  {a} -> {b}  (line {where[a, b][0]}: {where[a, b][1]})" for a, b in pairwise(cycle)]
        described.append(f"{', '.join(sorted(group))} import each other, e.g. {' -> '.join(cycle)}\n"
                         + "\n".join(steps))
    assert groups == [], "import cycles:\n" + "\n".join(described)


def test_the_rules_can_fail():
    # The cycle finder finds cycles (a self-import too) and passes a graph without one.
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert sorted(find_cycles(graph)) == [["a", "b", "c", "a"], ["e", "e"]]
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []
    # Relative imports resolve to the submodule when the imported name is one, else to the package.
    assert resolve("desktop.core.search.engine", "from . import engine") == ["desktop.core.search.engine"]
    assert resolve("desktop.core.search.engine", "from ..search import SearchIndex") == ["desktop.core.search"]
    assert resolve("desktop.core.search", "from .engine import SearchIndex", package=True) == \
        ["desktop.core.search.engine"]
    assert resolve("desktop.cli", "def f():\n    from .ui.app import run") == ["desktop.ui.app"]
    assert resolve("desktop.cli", "from . import environment, __version__") == ["desktop.environment", "desktop"]
    assert resolve("desktop.cli", "import desktop.ui.app as a\nimport os") == ["desktop.ui.app"]


def resolve(name: str, source: str, package: bool = False) -> list[str]:
    """The desktop modules that `source`, as the module `name`, imports by the graph's rules."""
    known = {"desktop", "desktop.ui", "desktop.ui.app", "desktop.core", "desktop.core.search",
             "desktop.core.search.engine", "desktop.environment"}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("__init__.py" if package else "module.py")
        path.write_text(source, encoding="utf-8")
        return [target for target, _line, _written in imports_of(name, path, known)]


@pytest.mark.parametrize("rule", ["ui", "cycles"])
def test_a_broken_tree_is_reported_with_names(rule, tmp_path, monkeypatch):
    # A copy of the rules run on a tiny fake desktop package that breaks them: the message names the module.
    package = tmp_path / "desktop"
    (package / "ui").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "ui" / "__init__.py").write_text("")
    (package / "ui" / "app.py").write_text("def run():\n    pass\n")
    (package / "__main__.py").write_text("from .ui.app import run\n")
    if rule == "ui":
        (package / "cli.py").write_text("def main():\n    from .ui import app\n")
    else:
        (package / "one.py").write_text("from . import two\n")
        (package / "two.py").write_text("def f():\n    from .one import g\n")
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    monkeypatch.setitem(globals(), "PACKAGE", package)
    test = test_nothing_outside_ui_imports_ui_except_the_entry_point if rule == "ui" else \
        test_no_import_cycle_among_desktop_modules
    with pytest.raises(AssertionError) as failure:
        test()
    expected = "desktop.cli (line 2): from .ui import app" if rule == "ui" else \
        "desktop.one -> desktop.two -> desktop.one"
    assert expected in str(failure.value)


# --------------------------------------------------------------------------- layers, sizes and places

# What each layer may import from the desktop package (docs/architecture.md gives the why):
# core keeps codes, rules and data; present turns them into words and HTML; the rest shows or prints them.
# `desktop` itself (its __version__) and `desktop.paths` (the app's own files) are the leaves every layer may use.
LEAVES = ("desktop", "desktop.paths")
LAYERS = {"desktop.core": ("desktop.core",), "desktop.present": ("desktop.core", "desktop.present"),
          "desktop.environment": ("desktop.core",)}
MAX_LINES = 400
# The user's folders and settings are known in one place (environment.py) and found nowhere else.
PLACE_WORDS = ("QStandardPaths", "QSettings", "XDG_", "Path.home", "expanduser", "setOrganizationName")


def inside(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def layer_offenders() -> list[str]:
    modules = sources()
    offenders = []
    for name, path in modules.items():
        layer = next((layer for layer in LAYERS if inside(name, layer)), None)
        if layer is None:
            continue
        for target, line, written in imports_of(name, path, modules):
            if target not in LEAVES and not any(inside(target, allowed) for allowed in LAYERS[layer]):
                offenders.append(f"{name} (line {line}): {written}")
    return [*dict.fromkeys(offenders)]


def test_each_layer_imports_only_the_layers_below_it():
    offenders = layer_offenders()
    assert offenders == [], "a layer imports one above it:\n" + "\n".join(offenders)


def test_no_module_is_longer_than_the_limit():
    long = {name: n for name, path in sources().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"split these along their sections (at most {MAX_LINES} lines a module): {long}"


def test_only_the_environment_knows_the_users_folders_and_settings():
    offenders = [f"{name}: {word}" for name, path in sources().items() if name != "desktop.environment"
                 for word in PLACE_WORDS if word in path.read_text(encoding="utf-8")]
    assert offenders == [], "ask desktop.environment instead:\n" + "\n".join(offenders)


def test_the_layer_rule_can_fail(tmp_path, monkeypatch):
    package = tmp_path / "desktop"
    (package / "core").mkdir(parents=True)
    (package / "present").mkdir()
    for init in (package, package / "core", package / "present"):
        (init / "__init__.py").write_text("")
    (package / "present" / "words.py").write_text("")
    (package / "core" / "rules.py").write_text("def f():\n    from ..present import words\n")
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    monkeypatch.setitem(globals(), "PACKAGE", package)
    assert layer_offenders() == ["desktop.core.rules (line 2): from ..present import words"]
