"""What every reliability test shares: the real executables, a clean environment, file
fingerprints, the trial tally that `scripts/reliability.py` reports, and the runner."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

PYTHON = Path(sys.executable)
PURSUIT = PYTHON.with_name("pursuit")
HELPERS = Path(__file__).parent
RUNNER = HELPERS / "runner.py"
ZYGOTE = HELPERS / "zygote.py"
TZ_NAME = "America/New_York"
NOW_ISO = "2026-03-16T09:00:00-04:00"


def clean_env(tmp: Path, **extra: str) -> dict[str, str]:
    """Only what `pursuit` needs: the developer's config, zone, data and debug flag stay out."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(
        PURSUIT_CONFIG=str(tmp / "no-config.toml"),
        PURSUIT_TZ=TZ_NAME,
        PURSUIT_NOW=NOW_ISO,
        # A call that forgets --db lands here, never in the developer's own data.
        XDG_DATA_HOME=str(tmp / "xdg-data"),
    )
    env.update(extra)
    return env


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_state(path: Path) -> dict[str, str | None]:
    """The hash of the database and of each side file (None when absent)."""
    state: dict[str, str | None] = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = Path(f"{path}{suffix}")
        state[suffix or "db"] = sha256(p) if p.exists() else None
    return state


def table_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in rowid order (read-only)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {t: list(conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid')) for t in tables}


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


class Tally:
    """Counts the rounds or cases a test ran and which failed, so one failing case does
    not hide the others and the reliability report can say "50 trials, 0 failures"."""

    def __init__(self, node: Any) -> None:
        self._node = node
        self.trials = 0
        self.failures: list[str] = []
        self.finished = False

    def case(self, label: str) -> _Case:
        return _Case(self, label)

    def check(self, ok: bool, label: str) -> bool:
        self.trials += 1
        if not ok:
            self.failures.append(label)
        return ok

    def add_trials(self, n: int) -> None:
        self.trials += n

    def fail(self, label: str) -> None:
        self.failures.append(label)

    def finish(self) -> None:
        """Record the counts, then fail the test with every failing case listed."""
        self.finished = True
        # scripts/reliability.py reads these from the test report.
        self._node.user_properties.append(("trials", self.trials))
        self._node.user_properties.append(("failures", len(self.failures)))
        assert self.trials > 0, "the test ran no trials"
        shown = "\n".join(f"  - {f}" for f in self.failures[:20])
        assert not self.failures, f"{len(self.failures)} of {self.trials} failed:\n{shown}"

    def check_finished(self) -> None:
        """At teardown (the `tally` fixture): a test that never called `finish()` fails, or
        the failures its cases caught would pass unseen."""
        if not self.finished:
            shown = "".join(f"\n  - {f}" for f in self.failures[:20])
            pytest.fail(
                f"the test never called tally.finish() ({len(self.failures)} of "
                f"{self.trials} failed){shown}",
                pytrace=False,
            )


class _Case:
    """`with tally.case("label"):` counts one trial; an AssertionError inside is recorded
    as that trial's failure instead of stopping the test."""

    def __init__(self, tally: Tally, label: str) -> None:
        self._tally = tally
        self._label = label

    def __enter__(self) -> None:
        self._tally.trials += 1

    def __exit__(self, kind: Any, exc: Any, _tb: Any) -> bool:
        if exc is None:
            return False
        if isinstance(exc, AssertionError):
            self._tally.failures.append(f"{self._label}: {exc}".splitlines()[0][:300])
            return True
        return False


class Runner:
    """A Python process running pursuit's own code on command (see helpers/runner.py)."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.proc = subprocess.Popen(
            [str(PYTHON), str(RUNNER), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self._lock = threading.Lock()
        hello = self._read()
        assert hello == {"ready": True}, hello

    def _read(self) -> Any:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            err = self.proc.stderr.read() if self.proc.stderr else ""
            raise RuntimeError(f"runner died: {err[-2000:]}")
        return json.loads(line)

    def send(self, **command: Any) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(command) + "\n")
        self.proc.stdin.flush()

    def receive(self) -> Any:
        return self._read()

    def call(self, **command: Any) -> Any:
        with self._lock:
            self.send(**command)
            return self._read()

    def close(self) -> str:
        """Stop the runner; returns what it wrote on stderr."""
        if self.proc.poll() is None:
            try:
                self.send(op="quit")
                self.proc.wait(timeout=30)
            except (BrokenPipeError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()
        return self.proc.stderr.read() if self.proc.stderr else ""


WAITING = "pursuit: waiting for another pursuit to finish writing…"


def quiet(err: str) -> bool:
    """Nothing on stderr but, at most, the notice that a write waited for the lock (a
    writer says so when another held the lock for more than a moment)."""
    return all(line == WAITING for line in err.splitlines())
