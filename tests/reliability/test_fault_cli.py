"""Issue 14, problems 5 and the smaller ones: clear words for every fault.

Each fault the command line can meet is one line on stderr, exit 2 (bad input) or 4 (the
file, the disk or another process), no traceback, and the data untouched:

- busy past the timeout (another connection holds the write lock; the timeout shortened
  through PURSUIT_BUSY_TIMEOUT_MS), through the commands, undo, a JSON import and demo;
- a full disk (SQLite's own SQLITE_FULL: `max_page_count` at the file's size);
- a read-only file and a read-only folder (`chattr +i` as root, where permissions are no
  bar; chmod otherwise), where reading still works;
- a damaged file (a broken b-tree page, a header that is not SQLite's);
- a database written by a newer pursuit (exit 4, tests/reliability/test_newer_database.py);
- bad UTF-8 in arguments and from the editor, a cadence that never recurs, zone names
  that are paths, 5,000 characters or POSIX rules, a JSON import with a huge id, a lone
  surrogate, deep nesting or names with line breaks.

The busy, bad-input, editor and hostile-JSON cases run on both engines (tests/engines.py;
on PostgreSQL the lock held is the revision row's); the full disk, read-only file or
folder and damaged file are about the SQLite file itself, and a server's own faults
(busy, newer, read-only role) are in test_fault_server.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import contents, rows
from pursuit.cli import dispatch
from pursuit.store import sqlite
from pursuit.store.database import Database

from .helpers.common import PURSUIT, Tally, table_rows
from .helpers.on_engine import another_search, pointed_at, writers_lock_held

pytestmark = pytest.mark.reliability


def _pursuit(
    env: dict[str, str], *args: str | bytes, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PURSUIT), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )


def _one_line(proc: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("pursuit: "), proc.stderr
    assert words in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.fixture
def filled(tmp_path: Path, env: dict[str, str]) -> Path:
    path = tmp_path / "pursuit.db"
    for args in (["add", "Acme", "Engineer"], ["add", "Globex", "SRE"]):
        proc = _pursuit(env, "--db", str(path), *args)
        assert proc.returncode == 0, proc.stderr
    return path


@pytest.fixture
def on_engine(env: dict[str, str], db: Database) -> dict[str, str]:
    """The environment that points `pursuit` at the test's search, on either engine
    (`db`, the same search, reads it), with two applications in it."""
    pointed = pointed_at(env, db)
    for args in (["add", "Acme", "Engineer"], ["add", "Globex", "SRE"]):
        proc = _pursuit(pointed, *args)
        assert proc.returncode == 0, proc.stderr
    return pointed


def test_busy_past_the_timeout_is_one_line_exit_4(
    tmp_path: Path, env: dict[str, str], on_engine: dict[str, str], db: Database, tally: Tally
) -> None:
    """On PostgreSQL the lock is the revision row's, held by another connection."""
    export = tmp_path / "export.json"
    assert _pursuit(on_engine, "export", "-o", str(export)).returncode == 0
    with another_search(db, tmp_path) as empty:
        cases = [
            (db, ["add", "Initech", "Engineer"]),
            (db, ["move", "acme", "interviewing"]),
            (db, ["undo"]),
            (db, ["import", str(export)]),
            (empty, ["demo"]),
        ]
        for where, args in cases:
            before = contents(where)
            quick = {**pointed_at(env, where), "PURSUIT_BUSY_TIMEOUT_MS": "300"}
            with writers_lock_held(where):
                proc = _pursuit(quick, *args)
            with tally.case(f"busy: {' '.join(args[:2])}"):
                # A write by store/writer.run first says it is waiting, then why it gave up.
                rest = proc.stderr.removeprefix(
                    "pursuit: waiting for another pursuit to finish writing…\n"
                )
                done = subprocess.CompletedProcess(proc.args, proc.returncode, "", rest)
                _one_line(done, 4, "busy")
                assert "the database is busy" in rest, rest
                assert contents(where) == before
    tally.finish()


@pytest.mark.sqlite_only  # SQLite's own SQLITE_FULL, at the file's page count
def test_a_full_disk_is_one_line_exit_4(
    filled: Path,
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tally: Tally,
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with contextlib.closing(sqlite3.connect(filled)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    real = sqlite.connect

    def capped(path: Path) -> sqlite3.Connection:
        conn = real(path)
        conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is as full as the file
        return conn

    monkeypatch.setattr(sqlite, "connect", capped)
    before = table_rows(filled)
    for args in (
        ["add", "Initech", "Engineer", "--source", "x" * 1_999, "--note", "z" * 19_999],
        ["followup", "acme", "--force", "--note", "y" * 200_000],
    ):
        code = dispatch.main(["--db", str(filled), *args])
        err = capsys.readouterr().err
        with tally.case(f"full: {args[0]}"):
            assert code == 4, (code, err)
            assert err.count("\n") == 1 and "the disk is full" in err, err
            assert table_rows(filled) == before
    tally.finish()


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """The file or folder made unwritable, for root too (immutable), then restored."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("root, and no chattr to make a file read-only")
        made = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
        if made.returncode != 0:
            pytest.skip(f"chattr +i not supported here: {made.stderr!r}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)


@pytest.mark.sqlite_only  # the file's and folder's mode; a server's is test_fault_server.py
def test_a_read_only_file_or_folder_reads_and_refuses_writes_in_one_line(
    tmp_path: Path, env: dict[str, str], filled: Path, tally: Tally
) -> None:
    # A file: reading works, a write is one line.
    with contextlib.closing(sqlite3.connect(filled)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = table_rows(filled)
    with _read_only(filled):
        listed = _pursuit(env, "--db", str(filled), "list")
        added = _pursuit(env, "--db", str(filled), "add", "Initech", "Engineer")
    with tally.case("read-only file: list still works"):
        assert listed.returncode == 0 and "Acme" in listed.stdout, listed.stderr
    with tally.case("read-only file: a write is one line, exit 4"):
        _one_line(added, 4, "read-only")
        assert table_rows(filled) == before
    # A folder: SQLite cannot make its -wal and -shm there.
    folder = tmp_path / "locked"
    folder.mkdir()
    inside = folder / "pursuit.db"
    shutil.copy(filled, inside)
    with _read_only(folder):
        added = _pursuit(env, "--db", str(inside), "add", "Initech", "Engineer")
    with tally.case("read-only folder: one line, exit 4"):
        _one_line(added, 4, "")
        assert "writable" in added.stderr or "read-only" in added.stderr, added.stderr
        assert table_rows(inside) == before
    tally.finish()


def _damage(path: Path, table: str) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
        page = root.fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\xff" * 16)


@pytest.mark.sqlite_only  # breaks a b-tree page of the file itself
def test_a_damaged_file_is_one_line(
    tmp_path: Path, env: dict[str, str], filled: Path, tally: Tally
) -> None:
    _damage(filled, "application")
    header = tmp_path / "header.db"
    header.write_bytes(b"Company,Role\nAcme,Engineer\n" * 10)  # a CSV written over it
    for path, args, words, code in [
        (filled, ["list"], "damaged", 4),
        (filled, ["add", "Initech", "Engineer"], "damaged", 4),
        (filled, ["export", "--format", "csv"], "damaged", 4),
        # Not SQLite at all: most likely --db onto the wrong file, bad input.
        (header, ["list"], "not a pursuit database", 2),
    ]:
        before = path.read_bytes()
        proc = _pursuit(env, "--db", str(path), *args)
        with tally.case(f"{path.name} {args[0]}: one line, exit {code}, what to do"):
            _one_line(proc, code, words)
            assert "pursuit restore" in proc.stderr
            assert path.read_bytes() == before
    tally.finish()


def test_bad_words_from_the_environment_and_the_arguments(
    on_engine: dict[str, str], db: Database, tally: Tally
) -> None:
    env = on_engine
    before = contents(db)
    zones = ["../../etc/passwd", "/etc/passwd", "x" * 5000, "UTC+99", "Not/AZone", "Europe/"]
    for zone in zones:
        for args in (["list"], ["status"], ["add", "Initech", "Engineer"]):
            proc = _pursuit({**env, "PURSUIT_TZ": zone}, *args)
            with tally.case(f"PURSUIT_TZ={zone[:20]!r} {args[0]}: one line, exit 2"):
                _one_line(proc, 2, "not a known time zone")
                assert len(proc.stderr) < 300
    for now in ("0001-01-01T00:00:00+00:00", "0999-06-01T10:00:00", "9999-12-31T23:00:00+14:00"):
        proc = _pursuit({**env, "PURSUIT_NOW": now}, "add", "Initech", "Engineer")
        with tally.case(f"PURSUIT_NOW={now}: one line, exit 2"):
            _one_line(proc, 2, "outside the dates pursuit keeps")
    # Bytes that are not UTF-8 as an argument (a Latin-1 name from a script).
    raw = subprocess.run(
        [os.fsencode(PURSUIT), b"add", b"Caf\xe9", b"Engineer"],
        env=env,
        capture_output=True,
        timeout=60,
    )
    with tally.case("an argument that is not UTF-8: one line, exit 2"):
        assert raw.returncode == 2, raw.stderr
        assert raw.stderr.count(b"\n") == 1 and b"not valid UTF-8" in raw.stderr, raw.stderr
    # A cadence that never recurs, as the rule for a bridge.
    for rule in ("FREQ=DAILY;COUNT=1", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"):
        proc = _pursuit(env, "reject", "globex", "--friendly", "--every", rule)
        with tally.case(f"reject --every {rule}: one line, exit 2"):
            _one_line(proc, 2, "no occurrence")
    with tally.case("nothing was written by any of them"):
        assert contents(db) == before
    tally.finish()


def test_an_editor_that_saves_latin_1(
    tmp_path: Path, on_engine: dict[str, str], db: Database, tally: Tally
) -> None:
    env = on_engine
    assert (
        _pursuit(
            env,
            "interview",
            "acme",
            "--at",
            "2 hours ago",
            "--with",
            "Jane Doe",
        ).returncode
        == 0
    )
    editor = tmp_path / "latin1.sh"
    editor.write_text("#!/bin/sh\nprintf 'Merci, caf\\351 cr\\350me\\n' > \"$1\"\n")
    editor.chmod(0o700)
    before = contents(db)
    proc = _pursuit({**env, "VISUAL": str(editor)}, "note", "acme", "jane", "--edit")
    with tally.case("an editor's Latin-1: one line, exit 2, the draft unchanged"):
        _one_line(proc, 2, "not UTF-8")
        assert contents(db) == before
    tally.finish()


def test_hostile_json_imports_are_one_line_each(
    tmp_path: Path, on_engine: dict[str, str], db: Database, tally: Tally
) -> None:
    env = on_engine
    exported = _pursuit(env, "export", "--format", "json")
    doc = json.loads(exported.stdout)
    company = doc["tables"]["company"][0]

    def variant(name: str, change: dict[str, object]) -> Path:
        copy = json.loads(exported.stdout)
        copy["tables"]["company"][0] = {**company, **change}
        copy["tables"]["company"][0]["name"] = change.get("name", f"{name} Co")
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(copy), encoding="utf-8")
        return path

    huge = variant("huge", {"id": 10**30})
    surrogate = tmp_path / "surrogate.json"
    surrogate.write_text(
        exported.stdout.replace('"name": "Acme"', '"name": "Ac\\ud800me"'), encoding="utf-8"
    )
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "pursuit", "tables": ' + "[" * 100_000 + "]" * 100_000 + "}")
    digits = tmp_path / "digits.json"
    digits.write_text('{"format": "pursuit", "version": ' + "9" * 5000 + "}")
    lines = variant("lines", {"name": "Line\nBreak\tCo"})
    early = variant("early", {"created_at": "0999-06-01T00:00:00+00:00"})
    late = variant("late", {"created_at": "9999-12-31T23:59:59+00:00"})
    for path, code, words in [
        (huge, 0, "too large"),
        (surrogate, 0, ""),
        (deep, 2, "nested too deeply"),
        (digits, 2, "not a pursuit export"),
        (lines, 0, ""),
        (early, 0, "outside 1900-01-01 to 2999-12-31"),
        (late, 0, "outside 1900-01-01 to 2999-12-31"),
    ]:
        proc = _pursuit(env, "import", str(path))
        with tally.case(f"import {path.name}: exit {code}, no traceback"):
            assert proc.returncode == code, (proc.returncode, proc.stderr)
            assert "Traceback" not in proc.stderr and "unexpected" not in proc.stderr
            assert words in proc.stderr, proc.stderr
    listed = json.loads(_pursuit(env, "list", "--json").stdout)
    names = {r["company"] for r in listed}
    with tally.case("a name's line break and tab became spaces"):
        assert "Line Break Co" in names, names
    with tally.case("a lone surrogate became U+FFFD, not a crash"):
        stored = {r[0] for r in rows(db, "SELECT name FROM company")}
        assert "Ac\ufffdme" in stored, stored
    tally.finish()
