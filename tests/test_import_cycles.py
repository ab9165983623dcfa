"""No two modules of pursuit import each other, directly or around a loop.

Every import counts: at module level, inside a function (a deferred import still couples
the two modules), and under TYPE_CHECKING. `from pursuit.x import y` is an import of the
module pursuit.x.y when y is one, and of pursuit.x otherwise.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pursuit

PACKAGE = Path(pursuit.__file__).parent

# Imports that close a loop and are left for their owners to remove, as
# {(importer, imported): "why it is still here"}. Each is taken out of the graph before the
# search, so any other loop still fails; an entry whose import is gone fails
# test_known_cycles_are_still_there, so the list only shrinks. Empty: the last loop
# (cli.py <-> cli_io.py) went when the command line became the cli/ package.
KNOWN_CYCLE_EDGES: dict[tuple[str, str], str] = {}


def _module_files() -> dict[str, Path]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The module `name` loads: itself, or its nearest enclosing module (an attribute)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                source = f"{base}.{node.module}" if node.module else base
            else:
                source = node.module or ""
            # `from pursuit.cli import parser` imports the module pursuit.cli.parser.
            targets = [
                f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            if target == "pursuit" or target.startswith("pursuit."):
                resolved = _resolve(target, modules)
                if resolved is not None and resolved != name:
                    found.add(resolved)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = _module_files()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> Iterator[list[str]]:
    """One cycle (as a path that returns to its start) per strongly connected group of
    modules (Tarjan's algorithm, iterative so deep chains cannot overflow the stack)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    for group in groups:
        yield _loop_in(group, graph)


def _loop_in(group: list[str], graph: dict[str, set[str]]) -> list[str]:
    """A shortest path from the group's first module back to itself, inside the group."""
    members = set(group)
    start = group[0]
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph[node] & members):
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if nxt not in came_from:
                    came_from[nxt] = node
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"no loop in {group}")


def test_the_graph_sees_deferred_and_from_imports() -> None:
    graph = import_graph()
    # Deferred imports inside main(), and `from pursuit.cli import applications, ...`.
    assert {"pursuit.cli.dispatch", "pursuit.cli.status_line"} <= graph["pursuit.__main__"]
    assert "pursuit.cli.applications" in graph["pursuit.cli.dispatch"]
    # `from pursuit.cli.output import UsageError` imports a module, not a name.
    assert "pursuit.cli.output" in graph["pursuit.cli.applications"]
    assert "pursuit.cli.output.UsageError" not in graph["pursuit.cli.applications"]


def test_the_cycle_search_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert list(_cycles(graph)) == [["a", "b", "c", "a"]]
    assert list(_cycles({"a": {"b"}, "b": set()})) == []


def test_no_import_cycles() -> None:
    graph = import_graph()
    for (source, target), _why in KNOWN_CYCLE_EDGES.items():
        graph[source].discard(target)
    cycles = [" -> ".join(loop) for loop in _cycles(graph)]
    assert cycles == [], "import cycles:\n" + "\n".join(cycles)


def test_known_cycles_are_still_there() -> None:
    graph = import_graph()
    gone = [f"{s} -> {t}" for s, t in KNOWN_CYCLE_EDGES if t not in graph.get(s, set())]
    assert gone == [], f"no longer imported, delete from KNOWN_CYCLE_EDGES: {gone}"
