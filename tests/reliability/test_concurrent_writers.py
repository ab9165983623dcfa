"""Issue 4, item 3: the app and command-line calls in other tabs write at once, and no
"database is locked" (or any other error) reaches the user, and no write is lost.

The app's side is what its worker threads call: `store.commands` on one shared `Database`,
from many threads at once. The command line's side is `pursuit add`: two runner processes
each run `pursuit.cli.dispatch.main(["add", ...])` 249 times (the real CLI code in another
process, without paying a second of interpreter start-up per call), plus two real `pursuit
add` processes. All writers share a handful of company names, so they also race to create the
same company.
"""

from __future__ import annotations

import sqlite3
import subprocess
import threading
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from dateutil import tz as dateutil_tz

from pursuit.store.commands import add_application
from pursuit.store.context import Ctx
from pursuit.store.database import open_database

from .helpers.common import PURSUIT, Runner, Tally, integrity, quiet

pytestmark = pytest.mark.reliability

APP_THREADS = 10
APP_WRITES = 500
CLI_RUNNERS = 2
CLI_PROCESSES = 2
CLI_WRITES = 500
COMPANIES = 7


def test_app_threads_and_cli_processes_write_1000_entries_at_once(
    tmp_path: Path,
    env: dict[str, str],
    runner: Runner,
    start_runner: Callable[..., Runner],
    tally: Tally,
) -> None:
    path = tmp_path / "pursuit.db"
    db = open_database(path)
    zone = dateutil_tz.gettz("America/New_York")
    assert zone is not None
    runners = [runner, *(start_runner(env) for _ in range(CLI_RUNNERS - 1))]
    per_runner = (CLI_WRITES - CLI_PROCESSES) // CLI_RUNNERS
    assert per_runner * CLI_RUNNERS + CLI_PROCESSES == CLI_WRITES

    errors: list[str] = []
    lock = threading.Lock()

    def app_worker(worker: int) -> None:
        for i in range(APP_WRITES // APP_THREADS):
            n = worker * 1000 + i
            try:
                ctx = Ctx(db=db, now=datetime.now(UTC), tz=zone)
                add_application(ctx, f"Company {n % COMPANIES}", f"app-{worker}-{i}")
            except Exception as exc:
                with lock:
                    errors.append(f"app thread {worker}: {type(exc).__name__}: {exc}")

    # Everything is loaded before the start, so the writers really overlap.
    for r, each in enumerate(runners):
        cases = [
            {"argv": ["--db", str(path), "add", f"Company {i % COMPANIES}", f"cli-{r}-{i}"]}
            for i in range(per_runner)
        ]
        each.send(op="cli_many", cases=cases)
    threads = [threading.Thread(target=app_worker, args=(w,)) for w in range(APP_THREADS)]
    for t in threads:
        t.start()
    procs = [
        subprocess.Popen(
            [str(PURSUIT), "--db", str(path), "add", f"Company {p}", f"proc-{p}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in range(CLI_PROCESSES)
    ]
    for t in threads:
        t.join()
    replies = [each.receive() for each in runners]
    finished = [p.communicate(timeout=120) for p in procs]
    db.close()

    for worker in range(APP_THREADS):
        with tally.case(f"app thread {worker}"):
            mine = [e for e in errors if e.startswith(f"app thread {worker}:")]
            assert not mine, mine[0]
    for r, reply in enumerate(replies):
        assert "results" in reply, reply
        for i, res in enumerate(reply["results"]):
            with tally.case(f"runner {r} call {i}"):
                assert res["code"] == 0 and quiet(res["err"]), (res["code"], res["err"])
    for p, (proc, (_, err)) in enumerate(zip(procs, finished, strict=True)):
        with tally.case(f"pursuit add process {p}"):
            assert proc.returncode == 0 and quiet(err), (proc.returncode, err)

    with closing(sqlite3.connect(path)) as conn:
        total, distinct = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT title) FROM application"
        ).fetchone()
        companies = conn.execute("SELECT COUNT(*) FROM company").fetchone()[0]
    with tally.case("exactly 1000 rows, none lost or doubled"):
        assert (total, distinct) == (APP_WRITES + CLI_WRITES,) * 2, (total, distinct)
    with tally.case("each company created once"):
        assert companies == COMPANIES, companies
    with tally.case("integrity_check"):
        assert integrity(path) == "ok"
    tally.finish()
