"""Issue 4, item 6: a database written by a newer pursuit is refused, with one clear line,
and left exactly as it was: same bytes, and no -wal or -shm file appears next to it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from pursuit.store.database import NewerDatabaseError, open_database
from pursuit.store.schema import HEAD

from .helpers.common import PURSUIT, Runner, Tally, files_state

pytestmark = pytest.mark.reliability

NEWER = HEAD + 7


def _newer_closed(path: Path) -> None:
    """A newer file as it sits on disk after its app quit: WAL mode, no side files."""
    open_database(path).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("INSERT INTO company (name, name_key, created_at) VALUES ('A', 'a', 't')")
        conn.commit()
        conn.execute(f"PRAGMA user_version = {NEWER}")
    assert files_state(path)["-wal"] is None


def _newer_with_wal(path: Path, scratch: Path) -> None:
    """A newer file whose last commits (the version bump included) are still in its -wal,
    as after a crash: copied while the writer holds it open."""
    conn = sqlite3.connect(scratch)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES ('row')")
    conn.commit()
    conn.execute(f"PRAGMA user_version = {NEWER}")
    for suffix in ("", "-wal"):
        shutil.copy(f"{scratch}{suffix}", f"{path}{suffix}")
    conn.close()
    assert files_state(path)["-wal"] is not None


def test_a_newer_database_is_refused_untouched(
    tmp_path: Path, env: dict[str, str], runner: Runner, tally: Tally
) -> None:
    closed, wal = tmp_path / "closed.db", tmp_path / "wal.db"
    _newer_closed(closed)
    _newer_with_wal(wal, tmp_path / "scratch.db")

    for path in (closed, wal):
        before = files_state(path)
        with (
            tally.case(f"{path.name}: open_database refuses"),
            pytest.raises(NewerDatabaseError, match=f"schema {NEWER}"),
        ):
            open_database(path)
        # Every verb's way in, in one runner process, and a real `pursuit` process.
        argvs = [
            ["--db", str(path), "list"],
            ["--db", str(path), "add", "Acme", "Engineer"],
            ["--db", str(path), "due", "--json"],
            ["--db", str(path), "backup", str(tmp_path / f"{path.name}.copy")],
        ]
        results = runner.call(op="cli_many", cases=[{"argv": a, "env": env} for a in argvs])
        outcomes = [
            (" ".join(a[2:]), r["code"], r["err"])
            for a, r in zip(argvs, results["results"], strict=True)
        ]
        proc = subprocess.run(
            [str(PURSUIT), "--db", str(path), "add", "Acme", "Engineer"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        outcomes.append(("real process: add", proc.returncode, proc.stderr))
        for what, code, err in outcomes:
            with tally.case(f"{path.name}: {what}"):
                assert code == 4, (code, err)  # the environment's problem, not the input's
                assert err.count("\n") == 1 and "newer pursuit" in err, err
                assert "Traceback" not in err
        with tally.case(f"{path.name}: bytes unchanged, no side files created"):
            after = files_state(path)
            # -shm is SQLite's shared-memory index of the -wal: reading a -wal needs one.
            assert {k: v for k, v in after.items() if k != "-shm"} == {
                k: v for k, v in before.items() if k != "-shm"
            }
            if before["-wal"] is None:
                assert after["-shm"] is None, "a -shm file appeared"
            assert not (tmp_path / f"{path.name}.copy").exists()
            assert not list(tmp_path.glob(f"{path.name}.v*.bak"))
    tally.finish()
