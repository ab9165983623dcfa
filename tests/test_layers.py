"""The layers go one way: cli, tui -> agenda -> store -> domain. Checked, not hoped for."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import pursuit

PACKAGE = Path(pursuit.__file__).parent
DB_LIBRARIES = ("sqlite3", "sqlalchemy", "sqlmodel")


@dataclass(frozen=True)
class Module:
    name: str
    path: Path
    tree: ast.Module

    @property
    def imports(self) -> set[str]:
        """Every module imported anywhere in the file, deferred and TYPE_CHECKING ones too."""
        found: set[str] = set()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = self.name.rsplit(".", node.level)[0]
                    module = f"{base}.{node.module}" if node.module else base
                else:
                    module = node.module or ""
                found.add(module)
                # `from pursuit import tui` imports pursuit.tui.
                found.update(f"{module}.{alias.name}" for alias in node.names)
        return found

    def strings(self) -> list[str]:
        return [
            node.value
            for node in ast.walk(self.tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        ]


def _modules(sub: str) -> list[Module]:
    root = PACKAGE / sub if sub else PACKAGE
    paths = sorted(root.rglob("*.py")) if root.is_dir() else [root.with_suffix(".py")]
    out = []
    for path in paths:
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out.append(Module(name, path, ast.parse(path.read_text(encoding="utf-8"), str(path))))
    return out


def _hits(imports: set[str], banned: tuple[str, ...]) -> set[str]:
    return {m for m in imports if any(m == b or m.startswith(b + ".") for b in banned)}


def test_the_package_is_found() -> None:
    names = {m.name for m in _modules("")}
    assert {"pursuit.cli", "pursuit.agenda", "pursuit.domain.pesky", "pursuit.store.unit"} <= names


@pytest.mark.parametrize("module", _modules("domain"), ids=lambda m: m.name)
def test_domain_is_pure(module: Module) -> None:
    project = {m for m in module.imports if m == "pursuit" or m.startswith("pursuit.")}
    assert {m for m in project if not m.startswith("pursuit.domain")} == set()
    assert _hits(module.imports, (*DB_LIBRARIES, "textual", "rich", "os", "time")) == set()
    # The clock is a parameter: no reading it here, in any spelling.
    source = module.path.read_text(encoding="utf-8")
    assert not re.search(
        r"\b(datetime\.now|datetime\.utcnow|date\.today|datetime\.today)\b", source
    )
    called = {
        node.func.attr
        for node in ast.walk(module.tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert not called & {"now", "utcnow", "today"}


@pytest.mark.parametrize("module", _modules("store"), ids=lambda m: m.name)
def test_store_knows_nothing_above_it(module: Module) -> None:
    banned = ("textual", "rich", "pursuit.tui", "pursuit.cli", "pursuit.agenda")
    assert _hits(module.imports, banned) == set()


_DEFINITIONS = [
    m
    for m in _modules("store")
    if m.name.startswith("pursuit.store.writes")
    or m.name in ("pursuit.store.world", "pursuit.store.world_rows", "pursuit.store.rows")
]


def test_the_write_definitions_are_found() -> None:
    names = {m.name for m in _DEFINITIONS}
    assert {
        "pursuit.store.writes.applications",
        "pursuit.store.world",
        "pursuit.store.world_rows",
    } <= names


@pytest.mark.parametrize("module", _DEFINITIONS, ids=lambda m: m.name)
def test_write_definitions_see_rows_not_sql(module: Module) -> None:
    """A write is the rules applied to rows in memory; only store.writer and store.source
    turn them into SQL. So the same definition serves one command, an import and a demo."""
    assert (
        _hits(module.imports, (*DB_LIBRARIES, "pursuit.store.writer", "pursuit.store.source"))
        == set()
    )
    assert _hits(module.imports, ("pursuit.store.database", "pursuit.store.unit")) == set()
    assert [s for s in module.strings() if _SQL.search(s)] == []
    called = {
        node.func.attr
        for node in ast.walk(module.tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert not called & {"now", "utcnow", "today"}


@pytest.mark.parametrize("module", _modules("agenda"), ids=lambda m: m.name)
def test_agenda_knows_nothing_above_it(module: Module) -> None:
    assert _hits(module.imports, ("textual", "rich", "pursuit.tui", "pursuit.cli")) == set()


# SQL as this project writes it: upper-case keywords in their usual pairs. Upper case only,
# so English in the app ("select a row from the list") is not taken for a query.
_SQL = re.compile(
    r"\bSELECT\b[\s\S]+\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b|\bCREATE\s+(TABLE|INDEX|TRIGGER)\b|\bPRAGMA\b|\bBEGIN\s+IMMEDIATE\b"
)


def test_the_sql_pattern_finds_sql() -> None:
    assert _SQL.search("SELECT id FROM action WHERE done_at IS NULL")
    assert _SQL.search("UPDATE action SET done_at = ?")
    assert _SQL.search("PRAGMA user_version")
    assert not _SQL.search("Select a row from the list to see its timeline")


@pytest.mark.parametrize("module", _modules("tui"), ids=lambda m: m.name)
def test_the_ui_writes_no_sql(module: Module) -> None:
    assert _hits(module.imports, DB_LIBRARIES) == set()
    assert [s for s in module.strings() if _SQL.search(s)] == []


_PROBE = """
import importlib, json, pkgutil, sys
import pursuit.domain
report = {}
domain = ["pursuit.domain." + m.name for m in pkgutil.iter_modules(pursuit.domain.__path__)]
reads = ["action_reads", "application_reads", "company_reads", "count_reads"]
reads = ["pursuit.store." + m for m in reads]
for name in [*domain, *reads, "pursuit.agenda", "pursuit.store.commands"]:
    importlib.import_module(name)
    report[name] = sorted(
        m for m in ("textual", "rich", "sqlalchemy", "sqlmodel") if m in sys.modules
    )
print(json.dumps(report))
"""


def test_headless_modules_do_not_load_the_ui_or_the_orm() -> None:
    """Imported in a fresh interpreter, one after another: any that drags in Textual (or,
    for the read path and the commands, SQLAlchemy) shows up at the first module that
    loads it. The commands write with the standard library's driver: `pursuit add` never
    pays for building the ORM's classes."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    report: dict[str, list[str]] = json.loads(result.stdout)
    assert "pursuit.domain.pesky" in report and "pursuit.agenda" in report
    assert {name: loaded for name, loaded in report.items() if loaded} == {}
