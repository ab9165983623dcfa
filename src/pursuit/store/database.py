"""Opening a database: private file, version check, backup, migrations."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pursuit.store import sqlite
from pursuit.store.schema import HEAD, MIGRATIONS, Migration
from pursuit.store.sqlite import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


Token = tuple[object, ...]
"""A database's change token (`Database.change_token`): equal tokens, same data."""


class NewerDatabaseError(DatabaseError):
    """The file was written by a newer pursuit; it is left exactly as it was."""


class Database:
    """One SQLite file. Reads use the standard library; writes use the ORM engine, which is
    only imported on the first write so reading stays fast."""

    remote = False
    """True for a database on a server, which can go away and come back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._engine: Engine | None = None
        # Worker threads may make the first write at the same moment: build one engine.
        self._engine_lock = threading.Lock()

    @property
    def label(self) -> str:
        """The database as the user knows it (never a password)."""
        return str(self.path)

    @contextlib.contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite.connect(self.path)
        try:
            yield conn
        finally:
            conn.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A short read transaction on its own connection (safe from any thread)."""
        with self.connection() as conn, sqlite.read_transaction(conn):
            yield conn

    @property
    def engine(self) -> Engine:
        with self._engine_lock:
            if self._engine is None:
                from pursuit.store.engine import make_engine

                self._engine = make_engine(self.path)
            return self._engine

    def revision(self) -> int:
        with self.connection() as conn:
            return int(conn.execute("SELECT value FROM revision WHERE id = 1").fetchone()[0])

    def change_token(self) -> Token:
        """What changes whenever the data may have: the revision counter, and the file
        and its write-ahead log themselves. A restore, or another file put in this one's
        place, can bring the counter back to a value it had; it cannot bring back the
        file's size and modification time. (A checkpoint changes them too, without any
        change to the data: then a view reloads once for nothing.)"""
        files: list[tuple[int, int, int] | None] = []
        for side in ("", "-wal"):
            try:
                st = os.stat(f"{self.path}{side}")
            except OSError:
                files.append(None)
                continue
            if side and not st.st_size:
                # An empty log holds nothing: each connection that opens and closes the
                # file alone creates and removes it, which is not a change.
                files.append(None)
            else:
                files.append((0 if side else st.st_ino, st.st_size, st.st_mtime_ns))
        return (self.revision(), *files)

    def backup(self, target: Path) -> Path:
        with self.connection() as conn:
            sqlite.backup_to(conn, target)
        return target

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def open_database(path: Path, *, private_dir: bool = False) -> Database:
    """Open (creating if needed) and migrate; refuse a newer file without touching it."""
    path = path.expanduser()
    # Before anything reads it: opening a named pipe would wait forever.
    sqlite.check_database_path(path)
    if path.exists():
        _refuse_if_newer(path)
    try:
        sqlite.ensure_private_file(path, make_dir_private=private_dir)
    except OSError as exc:
        raise DatabaseError(
            f"cannot create database at {path}: {exc.strerror}",
            environment=exc.errno not in (errno.ENOENT, errno.ENOTDIR, errno.ELOOP),
        ) from None
    db = Database(path)
    try:
        with db.connection() as conn:
            version = sqlite.user_version(conn)
            if version < HEAD:
                _migrate(db, conn, version)
    except (sqlite3.Error, OSError) as exc:
        known = sqlite.fault(exc)
        if known is None:
            raise
        raise DatabaseError(f"{path}: {known}", environment=known.environment) from None
    return db


def _refuse_if_newer(path: Path) -> None:
    version = _header_version(path)
    if version is None:
        try:
            conn = sqlite.connect_readonly(path)
        except sqlite3.Error as exc:
            raise DatabaseError(f"cannot open {path}: {exc}") from None
        try:
            version = sqlite.user_version(conn)
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(
                f"{path} is not a pursuit database or is damaged ({exc}); {sqlite.DAMAGED_HINT}"
            ) from None
        finally:
            conn.close()
    if version > HEAD:
        raise NewerDatabaseError(
            f"{path} was written by a newer pursuit (schema {version}, this one knows "
            f"{HEAD}); upgrade pursuit to open it. The file was not changed."
        )


def _header_version(path: Path) -> int | None:
    """user_version read from the file header (bytes 60-63), or None when a -wal file may
    hold a newer header. Even a read-only SQLite connection to a WAL file leaves -wal and
    -shm files behind, so a file we are about to refuse is not opened through SQLite."""
    try:
        if Path(f"{path}-wal").stat().st_size > 0:
            return None
    except FileNotFoundError:
        # None, or the last connection just checkpointed and removed it: the header is current.
        pass
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise DatabaseError(f"cannot open {path}: {exc.strerror}") from None
    if not header:
        return 0  # created but never initialised
    if len(header) < 100 or not header.startswith(sqlite.MAGIC):
        # Most likely the wrong path (--db onto a document): bad input, exit 2.
        raise DatabaseError(
            f"{path} is not a pursuit database (not an SQLite file: damaged, or another "
            f"program's file); if it was yours, {sqlite.DAMAGED_HINT}",
            environment=False,
        )
    return int.from_bytes(header[60:64], "big", signed=True)


def _migrate(db: Database, conn: sqlite3.Connection, version: int) -> None:
    if version > 0:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        backup = db.path.with_name(f"{db.path.name}.v{version}-{stamp}.bak")
        sqlite.backup_to(conn, backup)
    for migration in MIGRATIONS:
        apply_migration(conn, migration)


def apply_migration(conn: sqlite3.Connection, migration: Migration) -> None:
    """One step in one transaction; another process may have applied it meanwhile."""
    # PRAGMA foreign_keys is a no-op inside a transaction, so a step that rebuilds a table
    # turns them off before BEGIN and back on after; foreign_key_check guards the commit.
    keys_were_on = bool(conn.execute("PRAGMA foreign_keys").fetchone()[0])
    if migration.rebuilds:
        conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with sqlite.write_transaction(conn):
            if sqlite.user_version(conn) >= migration.version:
                return
            migration.apply(conn)
            conn.execute(f"PRAGMA user_version = {migration.version}")
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise DatabaseError(
                    f"migration {migration.version} broke {len(problems)} foreign keys; rolled back"
                )
    finally:
        if migration.rebuilds and keys_were_on:
            conn.execute("PRAGMA foreign_keys = ON")
