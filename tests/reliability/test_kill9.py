"""Issue 4, item 2: a write reported as done survives a kill -9 of its process.

Two writer processes add applications through `store.commands.add_application`, each
acknowledging an id only after the call (and so the commit) returned. The test SIGKILLs
them at random moments: before their first write, mid-transaction, right after an ack.
After every round: `integrity_check` is ok, every acknowledged row is there with the title
its writer gave it, and no title was written twice.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest

from .helpers.common import PYTHON, ZYGOTE, Tally

pytestmark = pytest.mark.reliability

ROUNDS = 50
SEED = int(os.environ.get("PURSUIT_KILL_SEED", random.randrange(1 << 30)))


class Zygote:
    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [str(PYTHON), str(ZYGOTE)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        self.cond = threading.Condition()
        self.acks: list[tuple[int, str]] = []
        self.pids: list[int] = []
        self.syncs = 0
        self.errors: list[str] = []
        self.ready = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.wait_for(lambda: self.ready)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            msg = json.loads(raw)
            with self.cond:
                if "ack" in msg:
                    self.acks.append((msg["ack"], msg["title"]))
                elif "pid" in msg:
                    self.pids.append(msg["pid"])
                elif "sync" in msg:
                    self.syncs += 1
                elif "error" in msg:
                    self.errors.append(msg["error"])
                elif "ready" in msg:
                    self.ready = True
                self.cond.notify_all()

    def wait_for(self, predicate: object, timeout: float = 30) -> None:
        with self.cond:
            assert self.cond.wait_for(predicate, timeout), "zygote stopped answering"  # type: ignore[arg-type]

    def send(self, **cmd: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps(cmd) + "\n").encode())
        self.proc.stdin.flush()

    def spawn(self, db: Path, tag: str) -> int:
        with self.cond:
            before = len(self.pids)
        self.send(op="spawn", db=str(db), tag=tag)
        self.wait_for(lambda: len(self.pids) > before)
        return self.pids[before]

    def sync(self) -> None:
        with self.cond:
            before = self.syncs
        self.send(op="sync")
        self.wait_for(lambda: self.syncs > before)

    def acked(self, tag: str) -> int:
        with self.cond:
            return sum(1 for _, title in self.acks if title.startswith(tag + "-"))

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=10)


def _kill_at_random(zygote: Zygote, pidfd: int, tag: str, rng: random.Random) -> str:
    """Kill one writer after a random number of its own acks, or at a random instant."""
    if rng.random() < 0.5:
        wanted = rng.randrange(0, 4)
        zygote.wait_for(lambda: zygote.acked(tag) >= wanted or zygote.errors)
        how = f"after {wanted} acks"
    else:
        # A random instant is the point: it lands anywhere in a transaction or a commit.
        delay = rng.uniform(0, 0.04)
        time.sleep(delay)
        how = f"after {delay * 1000:.0f} ms"
    signal.pidfd_send_signal(pidfd, signal.SIGKILL)
    return how


def test_acknowledged_writes_survive_kill_9(
    tmp_path: Path, env: dict[str, str], tally: Tally
) -> None:
    db = tmp_path / "pursuit.db"
    rng = random.Random(SEED)
    zygote = Zygote(env)
    kills = 0
    try:
        for round_no in range(ROUNDS):
            tags = [f"a-{round_no}", f"b-{round_no}"]
            pidfds = [os.pidfd_open(zygote.spawn(db, tag)) for tag in tags]
            order = [0, 1] if rng.random() < 0.5 else [1, 0]
            plans = [_kill_at_random(zygote, pidfds[i], tags[i], rng) for i in order]
            for fd in pidfds:
                dead, _, _ = select.select([fd], [], [], 30)
                assert dead, "a killed writer did not die"
                os.close(fd)
                kills += 1
            zygote.sync()
            with tally.case(f"round {round_no} (seed {SEED}; kills {', '.join(plans)})"):
                assert not zygote.errors, zygote.errors
                with closing(sqlite3.connect(db)) as conn:
                    check = conn.execute("PRAGMA integrity_check").fetchone()[0]
                    assert check == "ok", check
                    rows = dict(conn.execute("SELECT id, title FROM application"))
                    total, distinct = conn.execute(
                        "SELECT COUNT(*), COUNT(DISTINCT title) FROM application"
                    ).fetchone()
                with zygote.cond:
                    acks = list(zygote.acks)
                missing = [(i, t) for i, t in acks if rows.get(i) != t]
                assert not missing, f"acknowledged but lost: {missing[:5]}"
                assert total == distinct, f"{total - distinct} titles written twice"
    finally:
        zygote.close()
    assert kills >= 2 * ROUNDS
    # The writers did write: otherwise "nothing lost" would prove nothing.
    assert len(zygote.acks) >= ROUNDS, f"only {len(zygote.acks)} acknowledged writes"
    tally.finish()
