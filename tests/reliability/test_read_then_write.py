"""Issue 4, item 4: a transaction that reads and then writes, while another process
commits, waits for its turn and succeeds; it never reports "database is locked".

The counter-test shows the hazard is real: the same interleaving with a plain deferred
BEGIN fails at once with "database is locked", whatever the busy timeout.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import func, select

from pursuit.domain.matching import name_key
from pursuit.store import sqlite
from pursuit.store.database import open_database
from pursuit.store.models import Company
from pursuit.store.unit import write_session

from .helpers.common import Runner, Tally

pytestmark = pytest.mark.reliability

ROUNDS = 12
RACE_WRITES = 30


def test_read_then_write_waits_for_another_process(
    tmp_path: Path, runner: Runner, tally: Tally
) -> None:
    path = tmp_path / "pursuit.db"
    db = open_database(path)
    other = runner
    other.call(op="add", db=str(path), company="Warm", role="up")
    now = datetime.now(UTC)
    for round_no in range(ROUNDS):
        with tally.case(f"round {round_no}"):
            sent = False
            try:
                with write_session(db, label="race", now=now) as session:
                    seen = session.exec(select(func.count()).select_from(Company)).one()
                    # The other process now tries to write: it must find the lock taken...
                    other.send(op="contend", db=str(path), company="Other", role=f"o-{round_no}")
                    sent = True
                    probe = other.receive()
                    # ...and our write, made after the read, must still succeed.
                    name = f"Mine {round_no} after {seen}"
                    session.add(Company(name=name, name_key=name_key(name), created_at=now))
            finally:
                # Always read its answer, so the shared runner stays in step.
                theirs = other.receive() if sent else {}
            assert probe == {"locked": True}, probe
            assert "id" in theirs, theirs
            with closing(sqlite3.connect(path)) as conn:
                last_two = [
                    r[0] for r in conn.execute("SELECT label FROM change ORDER BY id DESC LIMIT 2")
                ]
            # The other process waited: its write was recorded after ours.
            assert last_two == ["add Other", "race"], last_two
    db.close()
    tally.finish()


def test_concurrent_read_then_write_sessions_never_fail(
    tmp_path: Path, runner: Runner, tally: Tally
) -> None:
    """Random interleavings: read-then-write sessions with a pause between the read and the
    write, in two threads, while another process adds applications as fast as it can."""
    path = tmp_path / "pursuit.db"
    db = open_database(path)
    other = runner
    other.call(op="add", db=str(path), company="Warm", role="up")
    items = [
        {"kind": "add", "company": f"Other {i % 3}", "role": f"o-{i}"} for i in range(RACE_WRITES)
    ]
    other.send(op="write_many", db=str(path), items=items)
    errors: list[str] = []
    rng = random.Random(4)
    pauses = [[rng.uniform(0, 0.01) for _ in range(RACE_WRITES // 2)] for _ in range(2)]

    def racer(worker: int) -> None:
        for i, pause in enumerate(pauses[worker]):
            try:
                with write_session(db, label="race", now=datetime.now(UTC)) as session:
                    count = session.exec(select(func.count()).select_from(Company)).one()
                    # A pause between read and write is what lets another commit slip in
                    # under a deferred transaction; under BEGIN IMMEDIATE nothing can.
                    time.sleep(pause)
                    name = f"Race {worker}-{i} saw {count}"
                    session.add(
                        Company(name=name, name_key=name_key(name), created_at=datetime.now(UTC))
                    )
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=racer, args=(w,)) for w in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    reply = other.receive()
    db.close()
    tally.add_trials(RACE_WRITES * 2)
    for e in errors + reply["errors"]:
        tally.fail(e)
    with closing(sqlite3.connect(path)) as conn:
        races = conn.execute("SELECT COUNT(*) FROM company WHERE name LIKE 'Race %'").fetchone()[0]
        others = conn.execute("SELECT COUNT(*) FROM application WHERE title LIKE 'o-%'").fetchone()
    if races != RACE_WRITES:
        tally.fail(f"{races} of {RACE_WRITES} read-then-write sessions committed")
    if others[0] != RACE_WRITES:
        tally.fail(f"{others[0]} of {RACE_WRITES} writes from the other process committed")
    tally.finish()


def test_a_deferred_transaction_would_fail(tmp_path: Path, runner: Runner) -> None:
    """The counter-test: a plain BEGIN, a read, another process's commit, then a write:
    SQLite refuses at once, because the snapshot read is stale."""
    path = tmp_path / "pursuit.db"
    open_database(path).close()
    other = runner
    other.call(op="add", db=str(path), company="Warm", role="up")
    conn = sqlite.connect(path)
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT COUNT(*) FROM company").fetchone()
        assert "id" in other.call(op="add", db=str(path), company="Other", role="slipped in")
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            conn.execute(
                "INSERT INTO company (name, name_key, created_at) VALUES ('x', 'x', 'now')"
            )
        # Not the busy timeout running out: the failure is immediate and final.
        assert time.monotonic() - started < sqlite.BUSY_TIMEOUT_MS / 1000 / 2
        conn.execute("ROLLBACK")
    finally:
        conn.close()
