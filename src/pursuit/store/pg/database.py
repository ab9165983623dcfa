"""A search on a PostgreSQL server, as a `Database`: what the store and the app call
(connection, read, revision, change_token, engine, backup) means the same here.

Connections are kept for reuse (a connection costs a round trip and authentication); one
that the server closed while it sat idle (a restart, pg_terminate_backend) is dropped on
the way out of the pool, so the next operation simply connects again: that is all the
reconnection there is, and the app says "reconnecting…" while connecting fails.
"""

from __future__ import annotations

import contextlib
import select
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

import psycopg
from psycopg import errors

from pursuit.store.database import Database, NewerDatabaseError, Token
from pursuit.store.location import PgTarget
from pursuit.store.pg.adapter import PgConnection, lost
from pursuit.store.pg.connect import PgConn, connect
from pursuit.store.pg.schema import LOWER_COLLATIONS, PG_STEPS, head_statements
from pursuit.store.schema import HEAD
from pursuit.store.sqlite import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

_IDLE_KEPT = 4


class PgDatabase(Database):
    remote = True

    def __init__(self, target: PgTarget, local: Path) -> None:
        # `path`: where files that belong beside the database go on this machine (what
        # could not be saved, pursuit.keep); the data itself is on the server.
        super().__init__(local)
        self.target = target
        self._idle: list[PgConn] = []
        self._idle_lock = threading.Lock()

    @property
    def label(self) -> str:
        return self.target.label

    @contextlib.contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        raw = self._checkout()
        conn = PgConnection(raw, self.target)
        try:
            # The adapter answers every call the store makes on an sqlite3 connection; it
            # is typed as one so the store's annotations need not name two drivers.
            yield cast(sqlite3.Connection, conn)
        finally:
            self._checkin(raw)

    def _checkout(self) -> PgConn:
        with self._idle_lock:
            while self._idle:
                raw = self._idle.pop()
                if _still_open(raw):
                    return raw
                raw.close()
        return connect(self.target)

    def _checkin(self, raw: PgConn) -> None:
        if raw.closed:
            return
        if raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            # A block that ended mid-transaction (an error in the middle): start clean.
            with contextlib.suppress(psycopg.Error):
                raw.execute("ROLLBACK")
        with self._idle_lock:
            if len(self._idle) < _IDLE_KEPT and not raw.closed:
                self._idle.append(raw)
                return
        raw.close()

    @property
    def engine(self) -> Engine:
        with self._engine_lock:
            if self._engine is None:
                from pursuit.store.pg.engine import make_engine

                self._engine = make_engine(self.target)
            return self._engine

    def change_token(self) -> Token:
        """The revision counter, and which schema holds it: a search dropped and made
        again (copied back, say) can restart the counter but not keep the schema's oid."""
        with self.connection() as conn:
            row = conn.execute(
                "SELECT value, (SELECT oid FROM pg_namespace WHERE nspname = "
                "current_schema())::bigint FROM revision WHERE id = 1"
            ).fetchone()
        return (int(row[0]), int(row[1]))

    def backup(self, target: Path) -> Path:
        """A logical backup: pursuit's own JSON export, no pg_dump needed."""
        from pursuit.store.exporter import export_json

        if target.exists() or target.is_symlink():
            raise DatabaseError(f"{target} already exists", environment=False)
        data = export_json(self)
        fd = _create_private(target)
        with open(fd, "wb") as handle:
            handle.write(data)
        return target

    def close(self) -> None:
        super().close()
        with self._idle_lock:
            idle, self._idle = self._idle, []
        for raw in idle:
            raw.close()


def _still_open(raw: PgConn) -> bool:
    """False for a connection the server closed while it was idle. An idle connection
    has nothing to read (pursuit never LISTENs): if its socket is readable, what waits is
    the server's goodbye (or the end of the stream)."""
    if raw.closed:
        return False
    try:
        readable, _w, _x = select.select([raw.fileno()], [], [], 0)
    except (OSError, ValueError):
        return False
    return not readable


def _create_private(target: Path) -> int:
    import os

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise DatabaseError(f"{target} already exists", environment=False) from None
    except OSError as exc:
        raise DatabaseError(f"cannot write {target}: {exc.strerror}") from None


def open_pg(target: PgTarget, local: Path) -> PgDatabase:
    """Connect, and make the search at HEAD if it is new; refuse a newer one untouched."""
    db = PgDatabase(target, local)
    raw = db._checkout()
    try:
        version = _version(raw)
        if version is None:
            _create(raw, target)
        elif version > HEAD:
            raise NewerDatabaseError(
                f"{target.label} was written by a newer pursuit (schema {version}, this "
                f"one knows {HEAD}); upgrade pursuit to open it. Nothing was changed."
            )
        elif version < HEAD:
            _upgrade(db, raw, version)
    except psycopg.OperationalError:
        raw.close()
        raise lost(target) from None
    except BaseException:
        raw.close()
        raise
    db._checkin(raw)
    return db


def _version(raw: PgConn) -> int | None:
    try:
        row = raw.execute("SELECT version FROM schema_version").fetchone()
    except errors.UndefinedTable:
        return None
    return None if row is None else int(row[0])


def _create(raw: PgConn, target: PgTarget) -> None:
    search = target.search
    with raw.transaction():
        # Two pursuits opening a new search at once: one creates it, the other waits and
        # then finds it made.
        raw.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"pursuit {search}",))
        raw.execute(f"CREATE SCHEMA IF NOT EXISTS {search}")
        raw.execute(f"SET LOCAL search_path = {search}")
        made = raw.execute("SELECT to_regclass(%s)", (f"{search}.schema_version",)).fetchone()
        if made and made[0] is not None:
            return
        present = raw.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = %s", (search,)
        ).fetchone()
        if present and present[0]:
            raise DatabaseError(
                f"{target.label}: the schema {search} holds tables that are not a pursuit "
                "search; name another search (--search)",
                environment=False,
            )
        for statement in head_statements(_lower_collation(raw)):
            raw.execute(statement)


def _lower_collation(raw: PgConn) -> str:
    """A collation whose lower() knows Unicode case, for fold (see fold.py)."""
    for name in LOWER_COLLATIONS:
        try:
            with raw.transaction():
                row = raw.execute(f"SELECT lower('ÉΣЖ' COLLATE \"{name}\")").fetchone()
        except psycopg.Error:
            continue
        if row and row[0] == "éσж":
            return name
    return "default"


def _upgrade(db: PgDatabase, raw: PgConn, version: int) -> None:
    if any(v not in PG_STEPS for v in range(version + 1, HEAD + 1)):
        raise DatabaseError(
            f"{db.target.label} is at schema {version}, and this pursuit has no step for "
            f"PostgreSQL from there to {HEAD}; nothing was changed"
        )
    raise DatabaseError("PostgreSQL migrations are not written yet")  # pragma: no cover
