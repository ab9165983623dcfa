"""Running a write definition and putting what it changed in the file, in one transaction.

`run` is the one way every write reaches the database: one command, a quick-entry line,
a whole import or a generated demo. The definition runs first, on a snapshot read
without any lock (finding rows, drafting notes, comparing them: the slow part); then
`BEGIN IMMEDIATE` takes the lock, checks with the revision counter that nothing was
written meanwhile, and only writes. If something was, the definition runs again on fresh
rows; after a few tries it runs under the lock, so a busy file cannot starve a command.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

from pursuit.store import sqlite
from pursuit.store.context import Ctx
from pursuit.store.rows import INSTANTS, ROW_TYPES, LinkRow, Row
from pursuit.store.source import SqliteSource
from pursuit.store.sqlite import DatabaseError
from pursuit.store.timefmt import to_db
from pursuit.store.world import World

T = TypeVar("T")
_OPTIMISTIC_TRIES = 3
# Long enough that a neighbour's ordinary write never shows a message; past it, say why.
_QUIET_WAIT_MS = 1_000
_CACHE_KIB = 256 * 1024


def run(ctx: Ctx, rule: Callable[[World], T], *, label: str, undoable: bool = True) -> T:
    """Apply `rule` to the rows it asks for and write its changes; nothing is written
    if it raises. Recorded for undo under the world's label (or `label`)."""
    with ctx.db.connection() as conn:
        # Room for every page a large write dirties: a cache that spills mid-transaction
        # writes pages to the WAL twice and doubles the time the lock is held.
        conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        for _ in range(_OPTIMISTIC_TRIES):
            conn.execute("BEGIN")
            try:
                revision = _revision(conn)
                world = World(SqliteSource(conn))
                result = rule(world)
            finally:
                conn.execute("ROLLBACK")
            if world.empty:
                return result
            with _locked(conn, ctx) as still:
                if still(revision):
                    write(conn, world, label=world.label or label, now=ctx.now, undoable=undoable)
                    return result
        with _locked(conn, ctx):
            world = World(SqliteSource(conn))
            result = rule(world)
            write(conn, world, label=world.label or label, now=ctx.now, undoable=undoable)
            return result


def dry_run(ctx: Ctx, rule: Callable[[World], T]) -> tuple[T, World]:
    """Apply `rule` as `run` would, on the rows as they are now, and write nothing: what
    the write would do, for a preview that must say exactly what saving will."""
    with ctx.db.connection() as conn:
        conn.execute("BEGIN")
        try:
            world = World(SqliteSource(conn))
            return rule(world), world
        finally:
            conn.execute("ROLLBACK")


def _revision(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT value FROM revision WHERE id = 1").fetchone()[0])


@contextmanager
def _locked(conn: sqlite3.Connection, ctx: Ctx) -> Iterator[Callable[[int], bool]]:
    """BEGIN IMMEDIATE, committed when the block ends; the block gets a check that the
    file is still at a revision (when it is not, the block's writes are rolled back)."""
    _begin_immediate(conn, ctx)

    def still(revision: int) -> bool:
        return _revision(conn) == revision

    try:
        yield still
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if conn.in_transaction:
        conn.execute("COMMIT")


def _begin_immediate(conn: sqlite3.Connection, ctx: Ctx) -> None:
    started = time.monotonic()
    conn.execute(f"PRAGMA busy_timeout = {_QUIET_WAIT_MS}")
    try:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not _busy(exc):
                raise
        if ctx.on_wait is not None:
            ctx.on_wait()
        left = sqlite.BUSY_TIMEOUT_MS - int((time.monotonic() - started) * 1000)
        conn.execute(f"PRAGMA busy_timeout = {max(left, 1)}")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if not _busy(exc):
                raise
            seconds = sqlite.BUSY_TIMEOUT_MS // 1000
            raise DatabaseError(
                f"the database is busy: another pursuit held it for over {seconds} s "
                "(a long import?); nothing was written, try again"
            ) from None
    finally:
        conn.execute(f"PRAGMA busy_timeout = {sqlite.BUSY_TIMEOUT_MS}")


def _busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def write(
    conn: sqlite3.Connection, world: World, *, label: str, now: datetime, undoable: bool
) -> None:
    """The world's new rows and changed columns, inside the caller's write transaction."""
    ops: list[dict[str, Any]] = []
    for cls in ROW_TYPES:
        rows = [r for r in world.new if type(r) is cls]
        if not rows:
            continue
        marks = ", ".join("?" * len(cls.COLUMNS))
        conn.executemany(
            f"INSERT INTO {cls.TABLE} ({', '.join(cls.COLUMNS)}) VALUES ({marks})",
            [r.values() for r in rows],
        )
    for row in world.new:
        if not isinstance(row, LinkRow):
            ops.append({"op": "insert", "table": row.TABLE, "id": _id(row)})
    for row, old in world.changed():
        columns = list(old)
        current = dict(zip(row.COLUMNS, row.values(), strict=True))
        conn.execute(
            f"UPDATE {row.TABLE} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
            [*(current[c] for c in columns), _id(row)],
        )
        ops.append(
            {
                "op": "update",
                "table": row.TABLE,
                "id": _id(row),
                "old": {c: encode(c, v) for c, v in old.items()},
            }
        )
    if undoable and ops:
        conn.execute(
            "INSERT INTO change (at, label, payload) VALUES (?, ?, ?)",
            (to_db(now), label, json.dumps(ops)),
        )


def _id(row: Row) -> int:
    value = getattr(row, "id", None)
    assert isinstance(value, int), f"a {row.TABLE} row without an id cannot change"
    return value


def encode(column: str, value: object) -> object:
    """An old value as undo keeps it: instants marked, so they are never taken for text."""
    if column in INSTANTS and value is not None:
        return {"$dt": value}
    if column in ("is_bridge", "due_guessed") and value is not None:
        return bool(value)
    return value
