"""`make bench`: how fast pursuit is at 100 and at 10,000 applications, against baselines
measured in the same run. Prints a table and writes bench/results/latest.json.

    .venv/bin/python bench/run.py            the full run (issue 5's targets)
    .venv/bin/python bench/run.py --smoke    tiny sizes, few repeats: checks the script runs
    .venv/bin/python bench/run.py --fresh    regenerate the cached databases first
    .venv/bin/python bench/similarity_row.py   just issue 10's R2 row, in seconds
    .venv/bin/python bench/review_row.py       just issue 17's rows (the review at 10k)
    .venv/bin/python bench/pg_rows.py          just issue 16's rows (status, paint on PostgreSQL)

Databases come from `pursuit demo --apps N` and are cached in bench/.cache by code version.
Every process is timed whole (spawn to exit) with its CPU time; commands compared with a
baseline run round-robin with it, so both see the same machine load.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import databases
import imports
from measure import Row, interleaved, percentile, run_once
from pg_rows import pg_rows
from review_row import review_rows
from similarity_row import similarity_rows

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "bench" / "app_probe.py"
RESULTS = ROOT / "bench" / "results"
NOW = "2026-03-16T09:00:00-04:00"
"""Every measured process reads this clock, so the cached data never drifts into the past."""


def _env(tmp: Path) -> dict[str, str]:
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TERM")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(
        PURSUIT_NOW=NOW,
        PURSUIT_TZ="America/New_York",
        PURSUIT_CONFIG=str(tmp / "no-config.toml"),
    )
    return env


def _ratio(row: Row, base: Row, limit: float) -> Row:
    row.baseline = base.measure
    row.ratio = row.median / base.median
    row.target = f"<= {limit:g}x"
    row.ok = row.ratio <= limit
    return row


def _timed(name: str, samples: tuple[list[float], list[float]], unit: str = "ms") -> Row:
    return Row(name, unit, samples=samples[0], cpu=samples[1])


# --- 1, 2: whole CLI processes --------------------------------------------------------------


def cli_rows(
    py: str, pursuit: str, big: Path, tmp: Path, repeat: int, warm: int, smoke: bool
) -> list[Row]:
    env = _env(tmp)
    # A prompt reads the real clock; PURSUIT_NOW (for tests) would add a datetime import.
    prompt_env = {k: v for k, v in env.items() if k != "PURSUIT_NOW"}
    scratch = databases.scratch(big, tmp / "add.db")
    counter = iter(range(10**6))

    status = interleaved(
        {
            "python -c pass": [py, "-c", "pass"],
            "status (script)": [pursuit, "--db", str(big), "status"],
            "status (-m)": [py, "-m", "pursuit", "--db", str(big), "status"],
        },
        prompt_env,
        repeat=repeat,
        warmup=warm,
    )
    base = _timed("python -c pass", status["python -c pass"])
    rows = [base]
    rows.append(_ratio(_timed("pursuit status (script)", status["status (script)"]), base, 2.0))
    # What a prompt runs is the script; `python -m` adds runpy's own imports (importlib.util,
    # contextlib: about 13 ms here) before pursuit's code starts, so it is shown, not judged.
    by_module = _ratio(_timed("pursuit status (python -m)", status["status (-m)"]), base, 2.0)
    by_module.target, by_module.ok = "", None
    by_module.note = "for reference: runpy's imports come first"
    rows.append(by_module)

    if smoke:  # importing the ORM twice more would double the smoke test's time
        return rows
    # `add` writes: each run adds a new company to a scratch copy of the big file.
    results: dict[str, tuple[list[float], list[float]]] = {
        k: ([], []) for k in ("sqlmodel", "add", "due")
    }
    for i in range(repeat + warm):
        runs = {
            "sqlmodel": [py, "-c", "import sqlmodel"],
            "add": [pursuit, "--db", str(scratch), "add", f"Bench {next(counter)}", "Engineer"],
            "due": [pursuit, "--db", str(big), "due", "--json"],
        }
        for name, argv in runs.items():
            wall, cpu = run_once(argv, env)
            if i >= warm:  # a first round warms the page cache
                results[name][0].append(wall)
                results[name][1].append(cpu)
    sql = _timed('python -c "import sqlmodel"', results["sqlmodel"])
    rows.append(sql)
    rows.append(_ratio(_timed("pursuit add (10k file)", results["add"]), sql, 1.3))
    rows.append(_ratio(_timed("pursuit due --json (10k)", results["due"]), sql, 1.5))
    return rows


# --- 3, 6: first paint, tmux and headless ----------------------------------------------------


class Tmux:
    def __init__(self) -> None:
        self.socket = f"pursuit-bench-{os.getpid()}"
        self.count = 0
        self._run("new-session", "-d", "-s", "keep", "-x", "120", "-y", "35", "sleep 3600")
        self.path = self._run("display-message", "-p", "#{socket_path}").strip()

    def _run(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return done.stdout

    def first_paint(self, argv: list[str], env: dict[str, str], marker: str) -> float:
        """ms from asking tmux for a 120x35 window running argv until `marker` shows."""
        self.count += 1
        name = f"m{self.count}"
        command = shlex.join(["env", "-i", *(f"{k}={v}" for k, v in env.items()), *argv])
        start = time.perf_counter()
        self._run("new-session", "-d", "-s", name, "-x", "120", "-y", "35", command)
        try:
            while True:
                screen = self._run("capture-pane", "-p", "-t", name)
                elapsed = (time.perf_counter() - start) * 1000
                if marker in screen:
                    return elapsed
                if elapsed > 60_000:
                    raise RuntimeError(f"{marker!r} never showed; screen was:\n{screen}")
                time.sleep(0.002)
        finally:
            self._run("kill-session", "-t", name)

    def close(self) -> None:
        self._run("kill-server")
        if self.path:
            Path(self.path).unlink(missing_ok=True)


def _headless_paint(argv: list[str], env: dict[str, str], out: Path) -> tuple[float, int]:
    out.unlink(missing_ok=True)
    spawned = time.time()
    subprocess.run([*argv, "--out", str(out)], env=env, check=True, timeout=300)
    data = json.loads(out.read_text())
    return (data["paint_epoch"] - spawned) * 1000, int(data["maxrss_kb"])


def _marker(path: Path) -> str:
    """Text that only shows once the data is painted: the top bar's overdue count."""
    sys.path.insert(0, str(ROOT / "src"))
    from pursuit.cli.status_line import day_end_us, now_us
    from pursuit.store import fastread

    os.environ["TZ"] = "America/New_York"
    time.tzset()
    saved = os.environ.get("PURSUIT_NOW")
    os.environ["PURSUIT_NOW"] = NOW
    try:
        now = now_us()
        assert now is not None
        end = day_end_us(now)
        assert end is not None
        conn = fastread.connect(str(path))
        counts = fastread.status_counts(conn, now_us=now, day_end_us=end)
        conn.close()
    finally:
        if saved is None:
            os.environ.pop("PURSUIT_NOW", None)
        else:
            os.environ["PURSUIT_NOW"] = saved
    assert counts is not None, "bench database is not at the current schema"
    return f"{counts.overdue} overdue"


def paint_rows(
    py: str,
    pursuit: str,
    small: Path,
    big: Path,
    tmp: Path,
    repeat: int,
    warm: int,
    use_tmux: bool,
) -> tuple[list[Row], dict[str, list[int]]]:
    env = _env(tmp)
    out = tmp / "probe.json"
    # The app writes (it marks overdue actions announced), so every run gets a fresh copy
    # of its file, made before the clock starts.
    copy = tmp / "app.db"
    variants: dict[str, tuple[list[str], Path | None]] = {
        "minimal Textual app": ([py, str(PROBE), "minimal"], None),
        "minimal Textual app + import sqlmodel": ([py, str(PROBE), "minimal", "--sqlmodel"], None),
        f"pursuit app, {_apps(small)} apps": ([py, str(PROBE), "paint", "--db", str(copy)], small),
        f"pursuit app, {_apps(big)} apps": ([py, str(PROBE), "paint", "--db", str(copy)], big),
    }
    if small == big:
        variants = {k: v for k, v in variants.items() if "sqlmodel" not in k}
    headless: dict[str, list[float]] = {k: [] for k in variants}
    memory: dict[str, list[int]] = {k: [] for k in variants}
    for _ in range(repeat + warm):
        for name, (argv, source) in variants.items():
            if source is not None:
                databases.scratch(source, copy)
            ms, rss = _headless_paint(argv, env, out)
            headless[name].append(ms)
            memory[name].append(rss)
    for name in headless:
        headless[name] = headless[name][warm:]
    if len(headless) < 4:  # one file (--smoke): nothing to compare
        rows = [Row(f"first paint headless: {n}", "ms", v) for n, v in headless.items()]
        return rows, memory
    rows = _paint_table("headless", headless)
    if use_tmux and shutil.which("tmux"):
        tmux = Tmux()
        try:
            screen: dict[str, list[float]] = {k: [] for k in variants}
            ready = "pursuit bench: ready"
            real: dict[str, tuple[list[str], Path | None, str]] = {
                "minimal Textual app": ([py, str(PROBE), "minimal"], None, ready),
                "minimal Textual app + import sqlmodel": (
                    [py, str(PROBE), "minimal", "--sqlmodel"],
                    None,
                    ready,
                ),
                f"pursuit app, {_apps(small)} apps": (
                    [pursuit, "--db", str(copy)],
                    small,
                    _marker(small),
                ),
                f"pursuit app, {_apps(big)} apps": (
                    [pursuit, "--db", str(copy)],
                    big,
                    _marker(big),
                ),
            }
            tmux_env = {**env, "TERM": "tmux-256color", "COLORTERM": "truecolor"}
            for i in range(repeat + warm):
                for name, (argv, source, marker) in real.items():
                    if source is not None:
                        databases.scratch(source, copy)
                    ms = tmux.first_paint(argv, tmux_env, marker)
                    if i >= warm:
                        screen[name].append(ms)
            rows += _paint_table("tmux", screen)
        finally:
            tmux.close()
    return rows, memory


def _apps(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        n = int(conn.execute("SELECT COUNT(*) FROM application").fetchone()[0])
    finally:
        conn.close()
    return f"{n:,}"


def _paint_table(where: str, samples: dict[str, list[float]]) -> list[Row]:
    names = list(samples)
    minimal, with_sql, small, big = (Row(f"first paint {where}: {n}", "ms") for n in names)
    for row, name in zip((minimal, with_sql, small, big), names, strict=True):
        row.samples = samples[name]
    rows = [minimal, with_sql, small]
    rows.append(_ratio(Row(big.measure + " vs small", "ms", samples=big.samples), small, 1.1))
    rows.append(_ratio(Row(big.measure + " vs min+sqlmodel", "ms", big.samples), with_sql, 1.3))
    aim = _ratio(Row(big.measure + " vs minimal (aim)", "ms", big.samples), minimal, 1.5)
    aim.note = "aim, not a target"
    rows.append(aim)
    return rows


# --- 4, 5: a session in the app: key presses, timer wakes ------------------------------------


def session_rows(
    py: str,
    big: Path,
    inflated: Path,
    tmp: Path,
    keys: int,
    wakes: int,
    actions: int,
    smoke: bool,
) -> list[Row]:
    env = _env(tmp)
    rows: list[Row] = []
    out = tmp / "session.json"
    big = databases.scratch(big, tmp / "session.db")  # the app writes: never the cached file
    if smoke:
        # One process for keys and wakes: the smoke test only checks that both work.
        big = inflated
        wakes_first = str(wakes)
    else:
        wakes_first = "3"
    subprocess.run(
        [
            py,
            str(PROBE),
            "session",
            "--db",
            str(big),
            "--out",
            str(out),
            "--keys",
            str(keys),
            "--wakes",
            wakes_first,
        ],
        env=env,
        check=True,
        timeout=600,
    )
    data = json.loads(out.read_text())
    every = [ms for values in data["key_ms"].values() for ms in values]
    for label, values in (("all keys", every), *sorted(data["key_ms"].items())):
        for pct, limit in ((50, None), (95, 16.0), (99, 33.0)):
            row = Row(f"key to repaint p{pct} ({label}, n={len(values)})", "ms")
            row.samples = [percentile(values, pct)]
            if limit is not None and label == "all keys":
                row.target = f"<= {limit:g} ms"
                row.ok = row.samples[0] <= limit
            rows.append(row)
    if data["keys_without_repaint"]:
        rows[-1].note = f"{data['keys_without_repaint']} presses painted nothing"
    rows.append(Row("app peak memory after the session (10k)", "MB", [data["maxrss_kb"] / 1024]))
    if not smoke:
        subprocess.run(
            [
                py,
                str(PROBE),
                "session",
                "--db",
                str(inflated),
                "--out",
                str(out),
                "--keys",
                "0",
                "--wakes",
                str(wakes),
            ],
            env=env,
            check=True,
            timeout=600,
        )
        data = json.loads(out.read_text())
    at = f"({actions:,} actions)"
    loop = Row(f"timer wake: on the event loop {at}", "ms", data["wake_loop_ms"])
    loop.target, loop.ok = "<= 2 ms", statistics.median(loop.samples) <= 2.0
    total = Row(f"timer wake: total, worker + loop {at}", "ms", data["wake_total_ms"])
    lag = Row("timer wake: worst event-loop lag seen", "ms", [max(data["loop_lag_ms"] or [0])])
    lag.note = "includes the GIL held by the worker thread"
    rows += [loop, total, lag]
    return rows


def query_rows(inflated: Path, repeat: int, actions: int) -> tuple[list[Row], dict[str, list[str]]]:
    """The timer's queries in-process, and their plans: an index, never a full scan."""
    sys.path.insert(0, str(ROOT / "src"))
    from datetime import datetime

    from dateutil import tz as dateutil_tz

    from pursuit.agenda import build_agenda
    from pursuit.domain.settings import DEFAULTS
    from pursuit.store import action_reads, application_reads, company_reads
    from pursuit.store.database import Database

    now = datetime.fromisoformat(NOW)
    zone = dateutil_tz.gettz("America/New_York")
    assert zone is not None
    db = Database(inflated)
    plans: dict[str, list[str]] = {}
    with db.connection() as conn:
        calls = {
            "next due (NEXT_DUE_SQL)": lambda: action_reads.next_due_after(conn, now),
            "agenda first page": lambda: action_reads.pending_actions(conn, limit=300),
            "applications first page": lambda: application_reads.applications(conn, limit=300),
            "bridges first page": lambda: company_reads.bridges(conn, limit=300),
        }
        for name, call in calls.items():
            captured: list[str] = []
            conn.set_trace_callback(captured.append)
            call()
            conn.set_trace_callback(None)
            # The first statement is the page's; a second one only fills a short page.
            plans[name] = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + captured[0])]
        timings: dict[str, list[float]] = {k: [] for k in plans}
        agenda_ms: list[float] = []
        for _ in range(repeat):
            for name, call in calls.items():
                start = time.perf_counter()
                call()
                timings[name].append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            build_agenda(db, now, zone, DEFAULTS, limit=300)
            agenda_ms.append((time.perf_counter() - start) * 1000)
    rows = []
    for name, values in timings.items():
        row = Row(f"query: {name} ({actions:,} actions)", "ms", values)
        scans = [p for p in plans[name] if _full_scan(p)]
        row.target = "index, no full scan"
        row.ok = not scans
        row.note = "; ".join(plans[name])
        rows.append(row)
    rows.append(Row(f"build_agenda(limit=300) ({actions:,} actions)", "ms", agenda_ms))
    return rows, plans


# What a plan may SCAN whole: a page the query itself materialized, or a constant row.
# Subqueries the query builds itself (a page of rows, the people of one company, in order).
NOT_TABLES = ("page", "people", "CONSTANT")


def _full_scan(plan: str) -> bool:
    """A plan step that reads a whole table: SCAN without an index."""
    words = plan.split()
    return words[0] == "SCAN" and "INDEX" not in plan and words[1] not in NOT_TABLES


# --- table -----------------------------------------------------------------------------------


def _fmt(value: float | None, unit: str) -> str:
    if value is None or value != value:
        return "—"
    if unit == "s":
        return f"{value:.1f}"
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def print_table(rows: list[Row]) -> None:
    head = ("measure", "unit", "median", "min", "max", "ratio", "target", "result")
    lines = [head]
    for r in rows:
        lines.append(
            (
                r.measure,
                r.unit,
                _fmt(r.median, r.unit),
                _fmt(min(r.samples, default=None), r.unit),
                _fmt(max(r.samples, default=None), r.unit),
                f"{r.ratio:.2f}x" if r.ratio is not None else "",
                r.target,
                "" if r.ok is None else ("pass" if r.ok else "FAIL"),
            )
        )
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(head))]
    for i, line in enumerate(lines):
        print("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one repeat")
    parser.add_argument("--fresh", action="store_true", help="regenerate cached databases")
    parser.add_argument("--repeat", type=int, default=None)
    parser.add_argument("--no-tmux", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args()

    py = sys.executable
    pursuit = str(Path(py).with_name("pursuit"))
    smoke = args.smoke
    sizes = (14,) if smoke else (100, 10_000)
    repeat = args.repeat or (1 if smoke else 9)
    warm = 0 if smoke else 1
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pursuit-bench-") as tmp_name:
        tmp = Path(tmp_name)
        env = _env(tmp)
        cache = tmp / "cache" if smoke else databases.CACHE
        built = [databases.build(py, n, env, use_cache=not args.fresh, cache=cache) for n in sizes]
        small, big = built[0], built[-1]
        rows: list[Row] = []
        for b in built:
            what = f"{b.apps:,} apps, {b.actions:,} actions, {b.events:,} events"
            row = Row(f"pursuit demo: {what}", "s", [b.seconds])
            row.note = "from cache (time when built)" if b.cached else "generated now"
            rows.append(row)
        inflated_path = tmp / "inflated.db"
        actions = databases.inflate_actions(big.path, inflated_path, 300 if smoke else 100_000)
        rows += cli_rows(py, pursuit, big.path, tmp, repeat, warm, smoke)
        rows += imports.import_rows(pursuit, env, tmp, rows=200 if smoke else 20_000)
        query, plans = query_rows(inflated_path, repeat, actions)
        rows += query
        paint, memory = paint_rows(
            py,
            pursuit,
            small.path,
            big.path,
            tmp,
            # As many as the other figures: with four runs a paint's median moved by 10%
            # between two runs of the bench on this machine.
            repeat,
            warm,
            not (args.no_tmux or smoke),
        )
        rows += paint
        for name, values in memory.items():
            rows.append(
                Row(f"peak memory at first paint: {name}", "MB", [v / 1024 for v in values])
            )
        keys, wakes = (10, 2) if smoke else (200, 20)
        rows += session_rows(py, big.path, inflated_path, tmp, keys, wakes, actions, smoke)
        rows += similarity_rows(repeat, warm)
        rows += review_rows(big.path, repeat, warm)
        rows += pg_rows(py, pursuit, small.path, env, tmp, repeat, warm)
    elapsed = time.perf_counter() - started
    print_table(rows)
    print(f"\n{len([r for r in rows if r.ok is False])} targets missed; bench took {elapsed:.0f} s")
    report: dict[str, Any] = {
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
        },
        "smoke": args.smoke,
        "repeat": repeat,
        "seconds": elapsed,
        "query_plans": plans,
        "rows": [r.as_json() for r in rows],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
