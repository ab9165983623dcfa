"""Four processes writing one search on the server at once (issue 16): none fails, none
is lost. Writers queue on the revision row's lock (store/pg/adapter.py), as on SQLite
they queue on the file's write lock."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import NOW, PURSUIT, cli_env
from engines import PG_URL
from pursuit.store.location import pg_target
from pursuit.store.opening import open_location

pytestmark = pytest.mark.postgresql_only
WRITERS = 4
EACH = 6


def test_four_writers_at_once_never_fail(tmp_path: Path, engine: str, pg_search: str) -> None:
    env = {
        **cli_env(tmp_path / "unused.db", NOW),
        "PURSUIT_DB": PG_URL,
        "PURSUIT_SEARCH": pg_search,
    }
    script = "; ".join(
        f"pursuit add 'Company {{w}}-{i}' 'Role {i}' && pursuit move 'Company {{w}}-{i}' screening"
        for i in range(EACH)
    )
    # Each writer is a shell running its commands one after another, as a person's
    # scripts do; the four run at once.
    procs = [
        subprocess.Popen(
            ["bash", "-c", script.replace("{w}", str(w)).replace("pursuit ", f"{PURSUIT} ")],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(WRITERS)
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        assert err == "", err
    db = open_location(pg_target(PG_URL, pg_search), local=tmp_path)
    with db.read() as conn:
        (apps,) = conn.execute(
            "SELECT count(*) FROM application WHERE status = 'screening'"
        ).fetchone()
        (changes,) = conn.execute("SELECT count(*) FROM change").fetchone()
    db.close()
    assert apps == WRITERS * EACH
    assert changes == 2 * WRITERS * EACH  # every write recorded once for undo
