"""Issue 14, problems 4, 7 and the file ones: files handled like a careful tool.

`export -o`, `backup` and `--db` pointed at the database, its -wal and -shm, a named pipe,
a device and a folder: refused in one line (exit 2), the target left exactly as it was
(a pipe still a pipe, a device's mode unchanged, no `-journal` beside it), and nothing
hangs. `import` reads regular files only and stops at the size limit while reading.
`restore` refuses a file with pursuit's table names but other columns, or times it cannot
read, before replacing anything.

Devices are private nodes made in the test's folder (`mknod`, as root): a test must never
point pursuit at the machine's own /dev/null.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from pursuit.store.errors import InputError
from pursuit.store.files import read_limited

from .helpers.common import PURSUIT, Tally, sha256, table_rows

pytestmark = pytest.mark.reliability


def _pursuit(
    env: dict[str, str], *args: str, timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PURSUIT), *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def _device(folder: Path, name: str, minor: int) -> Path | None:
    """A character device like /dev/null (minor 3) or /dev/zero (5), private to the test."""
    path = folder / name
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except (PermissionError, AttributeError, OSError):
        return None
    return path


@pytest.fixture
def filled(tmp_path: Path, env: dict[str, str]) -> Path:
    path = tmp_path / "pursuit.db"
    proc = _pursuit(env, "--db", str(path), "add", "Acme", "Engineer")
    assert proc.returncode == 0, proc.stderr
    return path


def _state(path: Path) -> tuple[int, int, int]:
    info = os.lstat(path)
    return info.st_mode, info.st_rdev, info.st_size


def test_export_and_backup_never_write_onto_the_database_or_a_special_file(
    tmp_path: Path, env: dict[str, str], filled: Path, tally: Tally
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    null = _device(tmp_path, "null", 3)
    # The -wal and -shm exist while a connection is open, as the app holds one.
    holder = sqlite3.connect(filled)
    holder.execute("SELECT count(*) FROM company").fetchone()
    targets = [filled, Path(f"{filled}-wal"), Path(f"{filled}-shm"), fifo, folder]
    targets += [null] if null is not None else []
    try:
        assert Path(f"{filled}-wal").exists()
        for target in targets:
            before = _state(target)
            rows = table_rows(filled)
            for args in (
                ["export", "--format", "json", "-o", str(target)],
                ["export", "--format", "csv", "-o", str(target)],
                ["backup", str(target)],
            ):
                proc = _pursuit(env, "--db", str(filled), *args)
                with tally.case(f"{' '.join(args[:-1])} onto {target.name}: refused, untouched"):
                    assert proc.returncode == 2, (proc.returncode, proc.stderr)
                    assert proc.stderr.count("\n") == 1, proc.stderr
                    assert _state(target) == before
                    assert table_rows(filled) == rows
            # Through a symbolic link, the same.
            link = tmp_path / f"link-to-{target.name}"
            link.symlink_to(target)
            proc = _pursuit(env, "--db", str(filled), "export", "-o", str(link))
            with tally.case(f"export onto a link to {target.name}: refused"):
                assert proc.returncode == 2 and _state(target) == before, proc.stderr
    finally:
        holder.close()
    with tally.case("the database is whole"):
        proc = _pursuit(env, "--db", str(filled), "list")
        assert proc.returncode == 0 and "Acme" in proc.stdout
    tally.finish()


def test_db_must_be_a_regular_file_or_a_path_to_create(
    tmp_path: Path, env: dict[str, str], tally: Tally
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    null = _device(tmp_path, "null", 3)
    targets = [fifo, folder] + ([null] if null is not None else [])
    for target in targets:
        before = _state(target)
        for args in (["list"], ["add", "Acme", "Engineer"], ["status"], []):
            try:
                proc = _pursuit(env, "--db", str(target), *args, timeout=20)
            except subprocess.TimeoutExpired:
                tally.check(False, f"--db {target.name} {args[:1]}: hung")
                continue
            with tally.case(f"--db {target.name} {' '.join(args[:1]) or '(the app)'}: refused"):
                assert proc.returncode == 2, (proc.returncode, proc.stderr)
                assert proc.stderr.count("\n") == 1 and "not a database file" in proc.stderr
                assert _state(target) == before, "its mode or kind changed"
        try:
            names = _pursuit(env, "--db", str(target), "_companies", timeout=20)
            with tally.case(f"completion's names from {target.name}: nothing, at once"):
                assert names.returncode == 1 and not names.stdout, names
        except subprocess.TimeoutExpired:
            tally.check(False, f"completion's names from {target.name}: hung")
        with tally.case(f"--db {target.name}: no side file made beside it"):
            assert not list(tmp_path.glob(f"{target.name}-*")), list(tmp_path.glob("*-*"))
    # A side file that is not a regular file (a pipe planted as the -wal) is refused too.
    planted = tmp_path / "planted.db"
    os.mkfifo(f"{planted}-wal")
    try:
        proc = _pursuit(env, "--db", str(planted), "list", timeout=20)
        with tally.case("a pipe as the -wal: refused, no hang"):
            assert proc.returncode == 2 and "planted.db-wal" in proc.stderr, proc.stderr
    except subprocess.TimeoutExpired:
        tally.check(False, "a pipe as the -wal: hung")
    tally.finish()


@pytest.mark.skipif(os.geteuid() != 0, reason="a file of another user needs root to make")
def test_pursuit_never_changes_the_mode_of_a_file_it_did_not_create(
    tmp_path: Path, env: dict[str, str], tally: Tally
) -> None:
    theirs = tmp_path / "theirs.db"
    with contextlib.closing(sqlite3.connect(theirs)):
        pass
    theirs.chmod(0o644)
    os.chown(theirs, 65534, 65534)
    proc = _pursuit(env, "--db", str(theirs), "list")
    with tally.case("another user's file keeps its mode"):
        assert proc.returncode == 0, proc.stderr
        assert stat.S_IMODE(theirs.stat().st_mode) == 0o644
    tally.finish()


def test_import_reads_regular_files_only_and_stops_at_the_limit(
    tmp_path: Path, env: dict[str, str], filled: Path, tally: Tally
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    zero = _device(tmp_path, "zero", 5)
    folder = tmp_path / "folder"
    folder.mkdir()
    rows = table_rows(filled)
    for target in [fifo, folder] + ([zero] if zero is not None else []):
        try:
            proc = _pursuit(env, "--db", str(filled), "import", str(target), timeout=20)
        except subprocess.TimeoutExpired:
            tally.check(False, f"import {target.name}: hung")
            continue
        with tally.case(f"import {target.name}: refused in one line"):
            assert proc.returncode == 2, (proc.returncode, proc.stderr)
            assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
            assert table_rows(filled) == rows
    # The limit holds while reading, whatever stat() said the size was.
    big = tmp_path / "big.csv"
    big.write_bytes(b"Company,Role\n" + b"Acme,Engineer\n" * 1000)
    with tally.case("read_limited stops past the limit"), pytest.raises(InputError, match="over"):
        read_limited(big, 2000)
    with tally.case("read_limited reads a file within the limit whole"):
        assert read_limited(big, 1 << 20) == big.read_bytes()
    tally.finish()


def _shaped_like_pursuit(path: Path, good: Path) -> None:
    """pursuit's table names and version, other columns."""
    with contextlib.closing(sqlite3.connect(good)) as src:
        version = src.execute("PRAGMA user_version").fetchone()[0]
        tables = [r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for table in tables:
            conn.execute(f'CREATE TABLE "{table}" (x)')
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()


def test_restore_checks_shapes_and_times_before_replacing_anything(
    tmp_path: Path, env: dict[str, str], filled: Path, tally: Tally
) -> None:
    good = tmp_path / "good.db"
    assert _pursuit(env, "--db", str(filled), "backup", str(good)).returncode == 0
    shaped = tmp_path / "shaped.db"
    _shaped_like_pursuit(shaped, good)
    old_times = tmp_path / "old-times.db"
    old_times.write_bytes(good.read_bytes())
    with contextlib.closing(sqlite3.connect(old_times)) as conn:
        conn.execute("UPDATE application SET applied_at = '999-06-01 10:00:00.000000'")
        conn.commit()
    no_trigger = tmp_path / "no-trigger.db"
    no_trigger.write_bytes(good.read_bytes())
    with contextlib.closing(sqlite3.connect(no_trigger)) as conn:
        name = conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchone()[0]
        conn.execute(f'DROP TRIGGER "{name}"')
        conn.commit()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    before = sha256(filled)
    for source, words in [
        (shaped, "other columns"),
        (old_times, "cannot read"),
        (no_trigger, "trigger"),
        (fifo, "named pipe"),
    ]:
        try:
            proc = _pursuit(env, "--db", str(filled), "restore", str(source), "--force", timeout=20)
        except subprocess.TimeoutExpired:
            tally.check(False, f"restore {source.name}: hung")
            continue
        with tally.case(f"restore {source.name}: refused in one line, nothing replaced"):
            assert proc.returncode == 2, (proc.returncode, proc.stderr)
            assert proc.stderr.count("\n") == 1 and words in proc.stderr, proc.stderr
            assert sha256(filled) == before
            assert not list(tmp_path.glob("pursuit.db.before-restore-*"))
    proc = _pursuit(env, "--db", str(filled), "restore", str(good), "--force")
    with tally.case("a good backup still restores"):
        assert proc.returncode == 0, proc.stderr
    tally.finish()
