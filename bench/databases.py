"""The benchmark's databases: built with `pursuit demo --apps N` (the project's own write
path), cached under bench/.cache by a hash of the code that decides what gets written."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
DEMO_APPS = 12
"""fill_demo's own hand-written applications; --apps adds generated ones."""


def code_version() -> str:
    """What the generated data depends on, coarsely: the release, the schema and the demo
    generator (its plan and the write definitions). (Keying on every store file would regenerate
    the 10,000-application file on each edit; `run.py --fresh` rebuilds when in doubt.)"""
    src = ROOT / "src" / "pursuit"
    digest = hashlib.sha256()
    patterns = ("__init__.py", "demo*.py", "demo/*.py", "store/schema*.py", "store/steps.py")
    for pattern in (*patterns, "store/writer.py", "store/world*.py", "store/writes/*.py"):
        for path in sorted(src.glob(pattern)):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class Built:
    path: Path
    apps: int
    seconds: float
    """Generation time (when cached: the time it took when it was built)."""
    cached: bool
    actions: int
    events: int


def _counts(path: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(path)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("application", "action", "event")
        )
    finally:
        conn.close()


def _copy(src: Path, dest: Path) -> None:
    """A consistent single-file copy (WAL folded in) through SQLite's backup API."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dest}{suffix}").unlink(missing_ok=True)
    source = sqlite3.connect(src)
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    os.chmod(dest, 0o600)


def build(
    python: str, apps: int, env: dict[str, str], *, use_cache: bool = True, cache: Path = CACHE
) -> Built:
    """A database of `apps` applications; generated once per code version."""
    extra = max(apps - DEMO_APPS, 0)
    key = f"demo-{apps}-{code_version()}"
    cached = cache / f"{key}.db"
    timing = cache / f"{key}.seconds"
    if use_cache and cached.exists() and timing.exists():
        app_count, actions, events = _counts(cached)
        return Built(cached, app_count, float(timing.read_text()), True, actions, events)
    cache.mkdir(parents=True, exist_ok=True)
    for old in cache.glob(f"demo-{apps}-*"):
        old.unlink()
    work = cache / f"{key}.building.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(
        [python, "-m", "pursuit", "--db", str(work), "demo", "--apps", str(extra)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    _copy(work, cached)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    timing.write_text(f"{seconds:.3f}")
    app_count, actions, events = _counts(cached)
    return Built(cached, app_count, seconds, False, actions, events)


def scratch(src: Path, dest: Path) -> Path:
    """A private copy to write to, so the cached file never changes."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    _copy(src, dest)
    return dest


def inflate_actions(src: Path, dest: Path, target: int) -> int:
    """A copy with at least `target` actions, for the timer's query at 100,000 actions.

    Bench-only: the extra rows are copies of real pending and done actions moved 1-N years
    on, written with SQL rather than the demo generator because only the reads are measured
    on this file.
    """
    scratch(src, dest)
    conn = sqlite3.connect(dest)
    try:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(action)") if r[1] != "id"]
        count = conn.execute("SELECT COUNT(*) FROM action").fetchone()[0]
        shift = 1
        while count < target:
            moved = ", ".join(
                f"strftime('%Y-%m-%d %H:%M:%f000', {c}, '+{shift} years')"
                if c in ("due_at", "next_at")
                else c
                for c in cols
            )
            limit = target - count
            conn.execute(
                f"INSERT INTO action ({', '.join(cols)}) SELECT {moved} FROM action "
                f"ORDER BY id LIMIT {limit}"
            )
            conn.commit()
            count = conn.execute("SELECT COUNT(*) FROM action").fetchone()[0]
            shift += 1
    finally:
        conn.close()
    return int(count)
