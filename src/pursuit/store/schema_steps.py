"""How a migration's steps run inside its one transaction: plain SQL statement by
statement (executescript would commit first), and a table rebuilt by SQLite's procedure
when ALTER TABLE cannot make the change.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

_CREATE_TABLE = re.compile(r'^\s*CREATE\s+TABLE\s+(?:"([^"]+)"|(\w+))\s*\(', re.IGNORECASE)


def rebuild_table(conn: sqlite3.Connection, table: str, create_sql: str) -> None:
    """Change a table in a way ALTER TABLE cannot (constraints, types, column order), by
    SQLite's 12-step procedure: create the new table under a temporary name, copy the
    shared columns, drop the old one, rename, then recreate its indexes and triggers and
    any trigger or view that names it (https://sqlite.org/lang_altertable.html#otheralter).

    Only inside a migration marked `rebuilds=True`: with foreign keys on, dropping a parent
    table deletes or fails every child row pointing at it.
    """
    if conn.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError(f"rebuilding {table} with foreign keys on would cascade into children")
    if not conn.in_transaction:
        raise RuntimeError(f"rebuilding {table} must run inside the migration's transaction")
    m = _CREATE_TABLE.match(create_sql)
    if m is None or (m[1] or m[2]) != table:
        raise ValueError(f"create_sql must be CREATE TABLE {table} (...)")
    temp = f"{table}__rebuild"
    dependents = conn.execute(
        "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL "
        "AND type IN ('index', 'trigger', 'view') AND (tbl_name = ? OR "
        "(type != 'index' AND instr(lower(sql), lower(?)) > 0)) ORDER BY type = 'view' DESC",
        (table, table),
    ).fetchall()
    old_columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    conn.execute(f'CREATE TABLE "{temp}" (' + create_sql[m.end() :])
    new_columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{temp}")')}
    shared = ", ".join(f'"{c}"' for c in old_columns if c in new_columns)
    conn.execute(f'INSERT INTO "{temp}" ({shared}) SELECT {shared} FROM "{table}"')
    # Views and triggers elsewhere that name the table would make the rename fail while it
    # is missing; they are dropped here and recreated below, like its own.
    for kind, name, _sql in dependents:
        if kind != "index":
            conn.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
    conn.execute(f'DROP TABLE "{table}"')
    conn.execute(f'ALTER TABLE "{temp}" RENAME TO "{table}"')
    for _kind, _name, sql in reversed(dependents):
        conn.execute(sql)


def script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        # executescript() would COMMIT first; run statement by statement instead so the
        # whole step stays inside the caller's transaction.
        for statement in _split(sql):
            conn.execute(statement)

    return run


def _split(sql: str) -> list[str]:
    statements: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements
