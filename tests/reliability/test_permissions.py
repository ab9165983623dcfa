"""Issue 4, item 8: with umask 022, the data folder is 0700 and the database, its -wal and
-shm files and every backup are 0600; a database left 0644 is tightened when opened.

The default location is used (no --db, no PURSUIT_DB), pointed into tmp_path through
XDG_DATA_HOME, which platformdirs follows. (There is no export verb yet to check.)
"""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pursuit.store import sqlite
from pursuit.store.commands import add_application
from pursuit.store.context import Ctx
from pursuit.store.database import apply_migration, open_database
from pursuit.store.schema import MIGRATIONS

from .helpers.common import PURSUIT, Tally

pytestmark = pytest.mark.reliability


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def _pursuit(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PURSUIT), *args], env=env, capture_output=True, text=True, timeout=60, umask=0o022
    )


def test_files_are_private_under_umask_022(
    tmp_path: Path, env: dict[str, str], tally: Tally
) -> None:
    # A first run at the default location creates the folder and the file.
    fresh = tmp_path / "xdg-fresh"
    proc = _pursuit({**env, "XDG_DATA_HOME": str(fresh)}, "add", "Acme", "Engineer")
    assert proc.returncode == 0, proc.stderr
    folder, db = fresh / "pursuit", fresh / "pursuit" / "pursuit.db"
    with tally.case("new data folder is 0700"):
        assert mode(folder) == 0o700, oct(mode(folder))
    with tally.case("new database is 0600"):
        assert mode(db) == 0o600, oct(mode(db))
    proc = _pursuit({**env, "XDG_DATA_HOME": str(fresh)}, "backup")
    assert proc.returncode == 0, proc.stderr
    with tally.case("`pursuit backup` copy is 0600"):
        (copy,) = folder.glob("pursuit-*.db")
        assert mode(copy) == 0o600, oct(mode(copy))

    # A folder and file someone left open to the world are tightened on the next open.
    loose = tmp_path / "xdg-loose" / "pursuit"
    loose.mkdir(parents=True)
    open_database(loose / "pursuit.db").close()
    os.chmod(loose, 0o755)
    os.chmod(loose / "pursuit.db", 0o644)
    proc = _pursuit({**env, "XDG_DATA_HOME": str(loose.parent)}, "list")
    assert proc.returncode == 0, proc.stderr
    with tally.case("a 0644 database is tightened to 0600 on open"):
        assert mode(loose / "pursuit.db") == 0o600, oct(mode(loose / "pursuit.db"))
    with tally.case("a 0755 default folder is tightened to 0700 on open"):
        assert mode(loose) == 0o700, oct(mode(loose))

    # The -wal and -shm exist only while a connection is open: look while one is.
    with umask(0o022):
        path = tmp_path / "own" / "pursuit.db"
        db_obj = open_database(path)
        held = sqlite.connect(path)  # as the open app holds one
        add_application(Ctx(db=db_obj, now=datetime.now(UTC), tz=UTC), "Acme", "Engineer")
        for side in ("-wal", "-shm"):
            with tally.case(f"{side} is 0600"):
                side_file = Path(f"{path}{side}")
                assert side_file.exists(), f"{side} not present while a connection is open"
                assert mode(side_file) == 0o600, oct(mode(side_file))
        held.close()
        db_obj.close()

        # The backup taken before a migration, from a version-1 file.
        old = tmp_path / "old" / "pursuit.db"
        old.parent.mkdir()
        conn = sqlite.connect(old)
        apply_migration(conn, MIGRATIONS[0])
        conn.close()
        open_database(old).close()
        with tally.case("the pre-migration backup is 0600"):
            (backup,) = old.parent.glob("pursuit.db.v1-*.bak")
            assert mode(backup) == 0o600, oct(mode(backup))
    tally.finish()
