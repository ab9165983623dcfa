"""`pursuit restore`: put a backup back in place of the database, through SQLite's backup
API so an app open on the same file sees the change instead of a file swapped under it.

The backup is checked first (a SQLite file, a pursuit schema this version knows, a clean
integrity check); an existing database is only replaced when asked, and then a copy of it
is kept next to it, since a restore over the wrong file is otherwise final.
"""

from __future__ import annotations

import contextlib
import sqlite3
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pursuit.store import sqlite
from pursuit.store.database import apply_migration, open_database
from pursuit.store.errors import InputError, Refused
from pursuit.store.rows import INSTANTS
from pursuit.store.schema import HEAD, MIGRATIONS
from pursuit.store.sqlite import DatabaseError

_PURSUIT_TABLES = {"company", "application", "action", "event", "revision"}


@dataclass(frozen=True)
class Restored:
    target: Path
    schema: int
    """The backup's schema version (migrated to the current one after the copy)."""
    kept: Path | None
    """The copy taken of the database that was replaced, if there was one."""


def check_backup(path: Path) -> int:
    """The schema version of a usable pursuit backup at `path`; InputError otherwise."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):  # a pipe would block the read below
            raise InputError(f"{path} is {sqlite.file_kind(mode)}, not a backup file")
        with path.open("rb") as f:
            magic = f.read(len(sqlite.MAGIC))
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    if magic != sqlite.MAGIC:
        raise InputError(f"{path} is not a SQLite database")
    try:
        conn = sqlite.connect_readonly(path)
    except sqlite3.Error as exc:
        raise InputError(f"cannot open {path}: {exc}") from None
    try:
        version = sqlite.user_version(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version < 1 or not tables >= _PURSUIT_TABLES:
            raise InputError(f"{path} is a SQLite file but not a pursuit database")
        if version > HEAD:
            raise DatabaseError(
                f"{path} was written by a newer pursuit (schema {version}, this one knows "
                f"{HEAD}); upgrade pursuit to restore it"
            )
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise InputError(f"{path} is damaged: {problems[0]}")
        shape = _shape_problem(conn, version)
        if shape:
            raise InputError(f"{path} is not a pursuit database of schema {version}: {shape}")
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{path} is damaged: {exc}") from None
    finally:
        conn.close()
    return version


def _shape(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str, int, int]]]:
    """Each table's columns: name, declared type, NOT NULL, primary key position."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: _columns(conn, name) for name in names}


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, int, int]]:
    quoted = table.replace('"', '""')
    rows = conn.execute(f'PRAGMA table_info("{quoted}")').fetchall()
    return [(str(r[1]), str(r[2]).upper(), int(r[3]), int(r[5])) for r in rows]


def _shape_problem(conn: sqlite3.Connection, version: int) -> str | None:
    """What differs from the schema `version` would have (tables, their columns, the
    triggers that keep the revision counter), and times that do not read; None if
    nothing. The same names with other columns would make every command fail after."""
    with contextlib.closing(sqlite3.connect(":memory:", isolation_level=None)) as ref:
        for migration in MIGRATIONS:
            if migration.version <= version:
                apply_migration(ref, migration)
        want = _shape(ref)
        want_triggers = {
            r[0] for r in ref.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
    have = _shape(conn)
    for table in sorted(set(want) | set(have)):
        if table not in have:
            return f"no {table} table"
        if table not in want:
            return f"an unknown table {table!r}"
        if have[table] != want[table]:
            theirs = ", ".join(c[0] for c in have[table])[:120]
            return f"the {table} table has other columns ({theirs})"
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    if not want_triggers <= triggers:
        return f"the trigger {sorted(want_triggers - triggers)[0]} is missing"
    for table, columns in want.items():
        for name, *_ in columns:
            if name not in INSTANTS:
                continue
            bad = conn.execute(
                f"SELECT {name} FROM {table} WHERE {name} IS NOT NULL AND NOT ({name} GLOB "
                "'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9]*')"
                " LIMIT 1"
            ).fetchone()
            if bad is not None:
                return f"{table}.{name} holds a time pursuit cannot read ({str(bad[0])[:40]!r})"
    return None


def restore(
    source: Path, target: Path, *, now: datetime, force: bool = False, private_dir: bool = False
) -> Restored:
    version = check_backup(source)
    sqlite.check_database_path(target)
    if target.exists() and source.resolve() == target.resolve():
        raise InputError("that is the database itself; nothing to restore")
    kept = None
    if target.exists() and target.stat().st_size > 0:
        if not force:
            raise Refused(
                f"{target} already exists",
                ["restoring replaces everything in it (a copy of it is kept)"],
            )
        kept = target.with_name(f"{target.name}.before-restore-{now:%Y%m%dT%H%M%S}.bak")
        n = 1
        while kept.exists():
            n += 1
            kept = kept.with_name(f"{target.name}.before-restore-{now:%Y%m%dT%H%M%S}-{n}.bak")
        with contextlib.closing(sqlite.connect(target)) as conn:
            sqlite.backup_to(conn, kept)
    try:
        sqlite.ensure_private_file(target, make_dir_private=private_dir)
    except OSError as exc:
        raise DatabaseError(f"cannot create {target}: {exc.strerror}") from None
    src = sqlite.connect_readonly(source)
    try:
        with contextlib.closing(sqlite.connect(target)) as dest:
            src.backup(dest)
            # The copy carries the backup's journal mode; ours is WAL (see sqlite.PRAGMAS).
            dest.execute("PRAGMA journal_mode = WAL")
            if dest.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise DatabaseError(f"the restored {target} failed its check; the copy is {kept}")
    except sqlite3.Error as exc:
        raise DatabaseError(f"restore failed: {exc}") from None
    finally:
        src.close()
    for side in ("", *sqlite.SIDE_FILES):
        sqlite.tighten(Path(f"{target}{side}"))
    # An older backup is brought up to date the usual way (with its own safety copy).
    open_database(target).close()
    return Restored(target, version, kept)
