"""PostgreSQL rows (issue 16): `pursuit status` and the app's first paint on a server,
next to the same search in a SQLite file.

Run when PURSUIT_BENCH_POSTGRES (or PURSUIT_TEST_POSTGRES) names a server; the search is
copied there with `pursuit copy` into a schema of its own, dropped afterwards. On SQLite
these paths import no driver; on PostgreSQL they pay for importing psycopg, connecting
(and authenticating) and one round trip per query: that is what these rows measure.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

from databases import scratch
from measure import Row, interleaved

PROBE = Path(__file__).resolve().parent / "app_probe.py"


def _paint(argv: list[str], env: dict[str, str], out: Path) -> float:
    """ms from spawning the app until its first screen holds data (as run.py measures)."""
    out.unlink(missing_ok=True)
    spawned = time.time()
    subprocess.run([*argv, "--out", str(out)], env=env, check=True, timeout=300)
    return (json.loads(out.read_text())["paint_epoch"] - spawned) * 1000


def server_url() -> str:
    return os.environ.get("PURSUIT_BENCH_POSTGRES") or os.environ.get("PURSUIT_TEST_POSTGRES", "")


def pg_rows(
    py: str, pursuit: str, lite: Path, env: dict[str, str], tmp: Path, repeat: int, warm: int
) -> list[Row]:
    url = server_url()
    if not url:
        return [Row("PostgreSQL rows", "ms", note="skipped: set PURSUIT_BENCH_POSTGRES=URL")]
    import psycopg

    search = f"bench_{os.getpid()}"
    done = subprocess.run(
        [pursuit, "--db", str(lite), "copy", "--to", url, "--to-search", search],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return [Row("PostgreSQL rows", "ms", note=f"skipped: {done.stderr.strip()}")]
    server = {**env, "PURSUIT_DB": url, "PURSUIT_SEARCH": search}
    prompt = {k: v for k, v in env.items() if k != "PURSUIT_NOW"}
    try:
        status = interleaved(
            {
                "status: SQLite": [pursuit, "--db", str(lite), "status"],
                "status: PostgreSQL": [pursuit, "status"],
            },
            prompt,
            repeat=repeat,
            warmup=warm,
            envs={"status: PostgreSQL": {k: v for k, v in server.items() if k != "PURSUIT_NOW"}},
        )
        paint: dict[str, tuple[list[float], list[float]]] = {
            "first paint: SQLite": ([], []),
            "first paint: PostgreSQL": ([], []),
        }
        out = tmp / "pg-probe.json"
        for i in range(repeat + warm):
            # The app marks what fell due as announced: each SQLite run paints a fresh copy.
            scratch(lite, tmp / "pg-bench-copy.db")
            for name, db, run_env in (
                ("first paint: SQLite", str(tmp / "pg-bench-copy.db"), env),
                ("first paint: PostgreSQL", url, server),
            ):
                ms = _paint([py, str(PROBE), "paint", "--db", db], run_env, out)
                if i >= warm:
                    paint[name][0].append(ms)
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {search} CASCADE")
    rows: list[Row] = []
    for name, (wall, cpu) in (*status.items(), *paint.items()):
        rows.append(Row(f"{name} (same search)", "ms", samples=wall, cpu=cpu))
    for pair in ((rows[0], rows[1]), (rows[2], rows[3])):
        pair[1].baseline = pair[0].measure
        pair[1].ratio = pair[1].median / pair[0].median
        pair[1].note = "driver import + connect + round trips"
    return rows


def main() -> int:
    """Just these rows, on a demo search of 100 applications (`make bench` runs them too)."""
    import sys
    import tempfile

    from run import NOW, _env, print_table

    py = sys.executable
    pursuit = str(Path(py).with_name("pursuit"))
    with tempfile.TemporaryDirectory(prefix="pursuit-bench-pg-") as name:
        tmp = Path(name)
        env = _env(tmp)
        lite = tmp / "demo.db"
        subprocess.run(
            [pursuit, "--db", str(lite), "demo", "--apps", "100"],
            env={**env, "PURSUIT_NOW": NOW},
            check=True,
            capture_output=True,
        )
        print_table(pg_rows(py, pursuit, lite, env, tmp, repeat=9, warm=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
