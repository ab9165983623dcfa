"""Issue 4, item 7: `pursuit backup` while another process writes gives a consistent,
owner-only copy that restores to identical contents.

Consistent means a snapshot between two transactions: every application in the copy has
the timeline event and follow-up written in the same transaction, and every row in the copy
is in the live database, unchanged (the writer only adds).
"""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import time
from contextlib import closing
from pathlib import Path

import pytest

from pursuit.store.database import open_database

from .helpers.common import PURSUIT, Runner, Tally, integrity, quiet, table_rows

pytestmark = pytest.mark.reliability


def _count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM application").fetchone()[0])


def _wait_for_rows(path: Path, more_than: int, runner: Runner) -> None:
    deadline = time.monotonic() + 120
    while _count(path) <= more_than:
        assert runner.proc.poll() is None, "the writer died"
        assert time.monotonic() < deadline, "the writer stalled"


def test_backup_under_concurrent_writes_restores_identically(
    tmp_path: Path, env: dict[str, str], runner: Runner, tally: Tally
) -> None:
    live = tmp_path / "pursuit.db"
    open_database(live).close()
    runner.send(op="write_loop", db=str(live))
    backups: list[Path] = []
    try:
        for n, target in enumerate([None, tmp_path / "explicit" / "copy.db"]):
            _wait_for_rows(live, 20 * (n + 1), runner)
            argv = [str(PURSUIT), "--db", str(live), "backup"]
            proc = subprocess.run(
                argv + ([str(target)] if target else []),
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                umask=0o022,
            )
            with tally.case(f"backup {n} exits cleanly"):
                assert proc.returncode == 0 and quiet(proc.stderr), proc.stderr
            copy = Path(proc.stdout.strip().removeprefix("Backed up to "))
            backups.append(copy)
            # The writer is still going: the copy was taken between its transactions.
            _wait_for_rows(live, len(table_rows(copy)["application"]), runner)
    finally:
        runner.send(op="stop")
        reply = runner.receive()
    assert reply["errors"] == [] and reply["count"] > 40, reply
    final = table_rows(live)

    for n, copy in enumerate(backups):
        with tally.case(f"backup {n}: integrity ok, mode 0600, no side files"):
            assert integrity(copy) == "ok"
            assert stat.S_IMODE(copy.stat().st_mode) == 0o600
            assert not Path(f"{copy}-wal").exists()
        rows = table_rows(copy)
        with tally.case(f"backup {n}: taken while the writer was writing"):
            assert 0 < len(rows["application"]) < len(final["application"])
        with tally.case(f"backup {n}: a snapshot between transactions"):
            with closing(sqlite3.connect(copy)) as conn:
                apps = {r[0] for r in conn.execute("SELECT id FROM application")}
                followed = {
                    r[0]
                    for r in conn.execute(
                        "SELECT application_id FROM action WHERE kind = 'follow_up'"
                    )
                }
                logged = {r[0] for r in conn.execute("SELECT application_id FROM event")}
            assert apps == followed == logged
            assert len(rows["event"]) == len(rows["action"]) == len(apps)
            for table, copied in rows.items():
                if table != "revision":
                    assert set(copied) <= set(final[table]), f"{table} differs from live"
        restored = tmp_path / f"restored-{n}.db"
        with closing(sqlite3.connect(copy)) as src, closing(sqlite3.connect(restored)) as dst:
            src.backup(dst)
        with tally.case(f"backup {n}: restores to identical contents"):
            assert table_rows(restored) == rows
            assert integrity(restored) == "ok"
            open_database(restored).close()  # and pursuit opens it as is
            assert table_rows(restored) == rows
    tally.finish()
