"""`pursuit backup` and `pursuit restore`: online copies, checked restores, 0600 files."""

from __future__ import annotations

import json
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from conftest import RunCli, sha256
from pursuit.store import application_reads, commands
from pursuit.store.context import Ctx
from pursuit.store.database import Database
from pursuit.store.errors import InputError, Refused
from pursuit.store.restore import check_backup, restore
from pursuit.store.schema import HEAD
from pursuit.store.sqlite import DatabaseError


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def titles(ctx: Ctx) -> list[str]:
    with ctx.db.read() as conn:
        return [a.title for a in application_reads.applications(conn)]


@pytest.mark.sqlite_only  # a SQLite backup file's header, schema and damaged pages
def test_restore_checks_the_file_first(ctx: Ctx, tmp_path: Path) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    backup = ctx.db.backup(tmp_path / "good.db")
    # A good backup: its schema version is what comes back, today's.
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (HEAD,)
    assert check_backup(backup) == HEAD

    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE t (x)")
    newer = ctx.db.backup(tmp_path / "newer.db")
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("PRAGMA user_version = 999")
    damaged = tmp_path / "damaged.db"
    with closing(sqlite3.connect(backup)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'company'")
        page = root.fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    raw = bytearray(backup.read_bytes())
    raw[(page - 1) * size : (page - 1) * size + 8] = b"\xff" * 8  # a broken b-tree header
    damaged.write_bytes(bytes(raw))
    for path, message in [
        (text, "not a SQLite database"),
        (other, "not a pursuit database"),
        (damaged, "damaged"),
        (tmp_path / "missing.db", "no such file"),
    ]:
        with pytest.raises(InputError, match=message):
            check_backup(path)
    # Not bad input but a pursuit too old for the file: the environment's (exit 4).
    with pytest.raises(DatabaseError, match="newer pursuit"):
        check_backup(newer)


@pytest.mark.sqlite_only  # restore replaces the SQLite file in place, its mode 0600
def test_restore_refuses_to_overwrite_unless_forced_and_keeps_a_copy(
    ctx: Ctx, tmp_path: Path
) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    backup = ctx.db.backup(tmp_path / "backup.db")
    commands.add_application(ctx, "Globex", "SRE")
    before = sha256(ctx.db.path)

    with pytest.raises(Refused):
        restore(backup, ctx.db.path, now=ctx.now)
    assert sha256(ctx.db.path) == before

    done = restore(backup, ctx.db.path, now=ctx.now, force=True)
    # The open Database object sees the restored data: same file, changed in place.
    assert titles(ctx) == ["Engineer"]
    assert done.kept is not None and mode(done.kept) == 0o600
    assert mode(ctx.db.path) == 0o600
    with closing(sqlite3.connect(done.kept)) as kept:
        assert kept.execute("SELECT count(*) FROM application").fetchone()[0] == 2
    # Writing after a restore works (the copy is a proper WAL database again).
    commands.add_application(ctx, "Initech", "Analyst")
    assert sorted(titles(ctx)) == ["Analyst", "Engineer"]


@pytest.mark.sqlite_only  # restore replaces a SQLite file (refused on PostgreSQL)
def test_restore_and_backup_on_the_command_line(ctx: Ctx, run_cli: RunCli, tmp_path: Path) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    made = run_cli("backup", str(tmp_path / "b.db"))
    assert made.returncode == 0 and mode(tmp_path / "b.db") == 0o600
    commands.add_application(ctx, "Globex", "SRE")

    refused = run_cli("restore", str(tmp_path / "b.db"))
    assert refused.returncode == 3, refused.stderr
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert sorted(titles(ctx)) == ["Engineer", "SRE"]

    fresh = run_cli("restore", str(tmp_path / "b.db"), db=tmp_path / "new" / "fresh.db")
    assert fresh.returncode == 0, fresh.stderr
    assert mode(tmp_path / "new" / "fresh.db") == 0o600

    forced = run_cli("restore", str(tmp_path / "b.db"), "--force")
    assert forced.returncode == 0, forced.stderr
    assert "kept as" in forced.stdout
    assert titles(ctx) == ["Engineer"]


def test_backup_is_online_while_another_process_writes(
    run_cli: RunCli, db: Database, engine: str, tmp_path: Path
) -> None:
    with db.connection() as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO company (name, name_key, created_at) VALUES ('A', 'a', 'x')")
        try:
            made = run_cli("backup", str(tmp_path / "copy.db"))
        finally:
            writer.execute("ROLLBACK")
    assert made.returncode == 0, made.stderr
    assert mode(tmp_path / "copy.db") == 0o600
    if engine == "sqlite":
        with closing(sqlite3.connect(tmp_path / "copy.db")) as copy:
            assert copy.execute("SELECT count(*) FROM company").fetchone() == (0,)
    else:  # a logical backup, the search's export: the uncommitted company is not in it
        tables = json.loads((tmp_path / "copy.db").read_text())["tables"]
        assert tables["company"] == []
