"""Every SQLite-only detail lives here: pragmas, file modes, online backup.

Only the standard library is imported, so the fast read path (`pursuit status`, the
app's first paint) never pays for SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

from pursuit.domain.matching import fold

BUSY_TIMEOUT_MS = 10_000
PRAGMAS = (
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    # FULL, not NORMAL: in WAL mode NORMAL can lose the last commits on power loss, and a
    # write we reported as done must survive.
    "PRAGMA synchronous = FULL",
)
FILE_MODE = 0o600
DIR_MODE = 0o700
SIDE_FILES = ("-wal", "-shm", "-journal")
MAGIC = b"SQLite format 3\x00"
"""The first bytes of every SQLite database file."""


class DatabaseError(Exception):
    """A database that cannot be used; the message is one line for the user."""


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the pragmas set; autocommit at the driver, so BEGIN is ours."""
    conn = sqlite3.connect(
        path,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        # Connections are handed between worker threads by SQLAlchemy's pool, one thread
        # at a time; SQLite itself is in serialized mode.
        check_same_thread=False,
    )
    for pragma in PRAGMAS:
        conn.execute(pragma)
    # The filter compares names as people type them: no case, no accents (matching.fold).
    conn.create_function("fold", 1, _fold, deterministic=True)
    return conn


def _fold(text: str | None) -> str:
    return fold(text) if text else ""


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only look that cannot change the file (used before deciding to migrate)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


@contextlib.contextmanager
def read_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A deferred transaction: one consistent snapshot for several SELECTs."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE: take the write lock first, so a read-then-write never fails with
    "database is locked" because another process committed in between."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def ensure_private_file(path: Path, *, make_dir_private: bool) -> None:
    """Create the folder and file owner-only, and tighten an existing file that is not."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=DIR_MODE)
        make_dir_private = True
    if make_dir_private:
        os.chmod(folder, DIR_MODE)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
        os.close(fd)
    for candidate in (path, *(Path(f"{path}{s}") for s in SIDE_FILES)):
        tighten(candidate)


def tighten(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, mode & 0o700 | 0o600)


def backup_to(conn: sqlite3.Connection, target: Path) -> None:
    """An online, consistent copy through SQLite's backup API, owner-only from the start."""
    if target.exists():
        raise DatabaseError(f"{target} already exists")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Create the file 0600 before SQLite writes to it; otherwise it inherits the umask.
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    except OSError as exc:
        raise DatabaseError(f"cannot write {target}: {exc.strerror}") from None
    os.close(fd)
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        # A half-written copy must not pass for a backup.
        dest.close()
        target.unlink(missing_ok=True)
        raise DatabaseError(f"backup to {target} failed: {exc}") from None
    finally:
        dest.close()
    tighten(target)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])
