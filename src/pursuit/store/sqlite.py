"""Every SQLite-only detail lives here: pragmas, file modes, online backup.

Only the standard library is imported, so the fast read path (`pursuit status`, the
app's first paint) never pays for SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from pursuit.domain.matching import fold


def _busy_timeout_ms() -> int:
    """10 s, unless PURSUIT_BUSY_TIMEOUT_MS (a test hook, documented in the README) says
    less: the fault tests hold the lock past the timeout without waiting 10 s for it."""
    try:
        return max(1, min(10_000, int(os.environ.get("PURSUIT_BUSY_TIMEOUT_MS", "10000"))))
    except ValueError:
        return 10_000


BUSY_TIMEOUT_MS = _busy_timeout_ms()
PRAGMAS = (
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
    """A database that cannot be used; the message is one line for the user.

    `environment`: the file, the disk or another process is at fault (exit 4), rather than
    what the user typed (exit 2)."""

    def __init__(self, message: str, *, environment: bool = True) -> None:
        super().__init__(message)
        self.environment = environment


# SQLite's primary result codes for the faults a user can meet (sqlite.org/rescode.html).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = (
    3,
    5,
    6,
    8,
    10,
    11,
    13,
    14,
    26,
)
DAMAGED_HINT = "restore a backup with: pursuit restore BACKUP --force"


OTHER_FAULTS: list[Callable[[BaseException], DatabaseError | None]] = []
"""Another engine's fault lines (store/pg/errors.py adds PostgreSQL's when it is imported,
which is before any of its errors can be raised)."""


def fault(exc: BaseException) -> DatabaseError | None:
    """A storage fault as one line for the user, or None when `exc` is not one.

    SQLite's errors (also when SQLAlchemy wraps them) and the operating system's: busy past
    the timeout, disk full, read-only file or folder, I/O error, damaged file. The line
    names what happened and what to do; it never carries the data being written."""
    if isinstance(exc, DatabaseError):
        return exc
    orig = getattr(exc, "orig", None)  # sqlalchemy.exc.DBAPIError wraps the driver's error
    if isinstance(orig, BaseException) and orig is not exc:
        return fault(orig)
    if isinstance(exc, sqlite3.Error):
        return _sqlite_fault(exc)
    for other in OTHER_FAULTS:
        known = other(exc)
        if known is not None:
            return known
    if isinstance(exc, OSError):
        return _os_fault(exc)
    return None


def _sqlite_fault(exc: sqlite3.Error) -> DatabaseError | None:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(exc).lower()
    if code in (_BUSY, _LOCKED) or "locked" in text or "busy" in text:
        return busy_error()
    if code == _FULL or "disk is full" in text:
        return DatabaseError("the disk is full: nothing was written; free some space and try again")
    if code in (_READONLY, _PERM) or "readonly" in text or "read-only" in text:
        return DatabaseError(
            "the database is read-only (the file, its folder or the disk): nothing was "
            "written; check their permissions"
        )
    if "could not decode" in text:
        # The driver's message quotes the text: neither it nor the data belongs on screen.
        return DatabaseError(f"the database holds text that is not UTF-8; {DAMAGED_HINT}")
    if code in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
        return DatabaseError(f"the database file is damaged ({exc}); {DAMAGED_HINT}")
    if code == _IOERR or "disk i/o error" in text:
        return DatabaseError(
            "the disk reported an error reading or writing the database: nothing was "
            "written; check the disk, then try again"
        )
    if code == _CANTOPEN or "unable to open" in text:
        return DatabaseError(
            "cannot open the database file: check that it and its folder exist and are writable"
        )
    if isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError) and not isinstance(
        exc, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
    ):
        return DatabaseError(f"database error: {exc}")
    return None


def _os_fault(exc: OSError) -> DatabaseError | None:
    where = f" ({exc.filename})" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DatabaseError(f"the disk is full{where}: free some space and try again")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return DatabaseError(f"permission denied{where}: {exc.strerror}")
    if exc.errno == errno.EIO:
        return DatabaseError(f"the disk reported an error{where}: check the disk")
    return None


def busy_error() -> DatabaseError:
    seconds = max(1, BUSY_TIMEOUT_MS // 1000)
    return DatabaseError(
        f"the database is busy: another pursuit held it for over {seconds} s (a long "
        "import?); nothing was written, try again"
    )


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
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        for pragma in PRAGMAS:
            conn.execute(pragma)
        # The filter compares names as people type them: no case, no accents (matching.fold).
        conn.create_function("fold", 1, _fold, deterministic=True)
    except BaseException:
        conn.close()
        raise
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
    """Create the folder and file owner-only, and tighten an existing file that is not.

    Only regular files are ever opened as a database (never a device, a pipe or a folder),
    and only files that are the user's own are tightened: pursuit does not change the mode
    of a file it could not have made (as root, `--db /dev/null` must leave it alone)."""
    check_database_path(path)
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=DIR_MODE)
        make_dir_private = True
    if make_dir_private:
        os.chmod(folder, DIR_MODE)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | _NOFOLLOW, FILE_MODE)
        os.close(fd)
    for candidate in (path, *(Path(f"{path}{s}") for s in SIDE_FILES)):
        tighten(candidate)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_database_path(path: Path) -> None:
    """A database is a regular file, or a path where one can be created: never a device,
    a pipe or a folder (opening a pipe would hang; SQLite would write `/dev/null-journal`
    beside a device). Its side files (-wal, -shm, -journal) must be regular too."""
    for candidate in (path, *(Path(f"{path}{s}") for s in SIDE_FILES)):
        try:
            mode = candidate.stat().st_mode
        except FileNotFoundError:
            continue
        except NotADirectoryError:
            raise DatabaseError(
                f"cannot use {path}: {path.parent} is not a folder", environment=False
            ) from None
        except OSError as exc:
            raise DatabaseError(f"cannot use {candidate}: {exc.strerror}") from None
        if not stat.S_ISREG(mode):
            raise DatabaseError(
                f"{candidate} is {file_kind(mode)}, not a database file; give the path of "
                "a file (it is created if missing)",
                environment=False,
            )


def tighten(path: Path) -> None:
    """Owner-only, for a regular file of the user's own; anything else is left as it is."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
        return
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        # A file that cannot be changed (read-only disk, immutable) is still read; a write
        # then says why it cannot be done.
        with contextlib.suppress(OSError):
            os.chmod(path, mode & 0o700 | 0o600)


def backup_to(conn: sqlite3.Connection, target: Path) -> None:
    """An online, consistent copy through SQLite's backup API, owner-only from the start."""
    if target.exists() or target.is_symlink():
        raise DatabaseError(f"{target} already exists", environment=False)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Create the file 0600 before SQLite writes to it; otherwise it inherits the umask.
        # O_EXCL: never onto an existing file, the database itself, a device or a pipe.
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY | _NOFOLLOW, FILE_MODE)
    except FileExistsError:
        raise DatabaseError(f"{target} already exists", environment=False) from None
    except OSError as exc:
        raise DatabaseError(
            f"cannot write {target}: {exc.strerror}",
            environment=exc.errno not in (errno.ENOENT, errno.ENOTDIR, errno.EISDIR),
        ) from None
    os.close(fd)
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        # A half-written copy must not pass for a backup.
        dest.close()
        target.unlink(missing_ok=True)
        known = fault(exc)
        raise DatabaseError(f"backup to {target} failed: {known or exc}") from None
    finally:
        dest.close()
    tighten(target)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])
