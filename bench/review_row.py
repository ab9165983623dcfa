"""Issue #17's rows: the review at 10,000 applications. Reading the history, computing the
figures, and opening the review screen once they are read (target: under 150 ms).

    .venv/bin/python bench/review_row.py                the bench's cached 10k file
    .venv/bin/python bench/review_row.py --db PATH      any pursuit file

All in this process, as the app runs them: the read and the figures are what the screen's
thread worker does; the opening is timed from `push_screen` to the figures on the screen
(headless, the next refresh after they were drawn), with the figures already computed.
Also the whole way from the key to the figures (read, figures and drawing), and a period
switch. Each repeat is a fresh read and a fresh screen.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Row

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-03-16T09:00:00-04:00"
ZONE = "America/New_York"
TARGET_MS = 150.0
SIZES = ((120, 35), (80, 30))


def _since(wall: float, cpu: float) -> tuple[float, float]:
    """(wall ms, CPU ms) since these readings of the two clocks."""
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def data_rows(db_path: Path, repeat: int, warm: int) -> tuple[list[Row], dict[Any, Any], int]:
    """The read and the figures (each repeat a fresh read); returns the last figures."""
    sys.path.insert(0, str(ROOT / "src"))
    from dateutil import tz

    from pursuit.domain.review import review
    from pursuit.domain.review_facts import prepare
    from pursuit.domain.review_periods import SCREEN_PERIODS, PeriodKey, period
    from pursuit.domain.settings import DEFAULTS
    from pursuit.store.database import Database
    from pursuit.store.history import read_history

    zone = tz.gettz(ZONE)
    now = datetime.fromisoformat(NOW)
    db = Database(db_path)
    samples: dict[str, tuple[list[float], list[float]]] = {
        k: ([], []) for k in ("read", "prepare", *SCREEN_PERIODS)
    }
    figures: dict[Any, Any] = {}
    apps = 0
    history: Any = None
    for i in range(warm + repeat):
        times: dict[str, tuple[float, float]] = {}
        wall, cpu = time.perf_counter(), time.process_time()
        with db.read() as conn:
            history = read_history(conn)
        times["read"] = _since(wall, cpu)
        wall, cpu = time.perf_counter(), time.process_time()
        facts = prepare(history, now, zone)
        times["prepare"] = _since(wall, cpu)
        apps = len(history.apps)
        for key in SCREEN_PERIODS:
            p = period(key, now, zone)
            wall, cpu = time.perf_counter(), time.process_time()
            figures[key] = review(facts, p, DEFAULTS)
            times[key] = _since(wall, cpu)
        if i >= warm:
            for name, (wall_ms, cpu_ms) in times.items():
                samples[name][0].append(wall_ms)
                samples[name][1].append(cpu_ms)
    h = history
    what = f"{apps:,} apps: {len(h.events):,} events, {len(h.actions):,} actions"

    def row(name: str, key: str) -> Row:
        wall, cpu = samples[key]
        return Row(name, "ms", wall, cpu=cpu)

    rows = [
        row(f"review: read the history ({what})", "read"),
        row(f"review: prepare the figures ({apps:,} apps)", "prepare"),
    ]
    names = {
        PeriodKey.FOUR_WEEKS: "4 weeks",
        PeriodKey.THREE_MONTHS: "3 months",
        PeriodKey.ALL: "all",
    }
    for key in SCREEN_PERIODS:
        rows.append(row(f"review: figures of one period, {names[key]} ({apps:,} apps)", key))
    return rows, figures, apps


async def _screen_samples(
    db_path: Path, figures: dict[Any, Any], size: tuple[int, int], repeat: int, warm: int
) -> dict[str, list[float]]:
    from dateutil import tz
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from pursuit.domain.settings import DEFAULTS
    from pursuit.store.database import Database
    from pursuit.tui.review_screen import ReviewScreen

    zone = tz.gettz(ZONE)
    assert zone is not None
    now = datetime.fromisoformat(NOW)
    db = Database(db_path)

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("host")

    out: dict[str, list[float]] = {"open": [], "key": [], "switch": []}
    host = Host()
    async with host.run_test(size=size) as pilot:

        async def drawn(screen: ReviewScreen, after: float | None = None) -> float:
            while screen.drawn_at is None or (after is not None and screen.drawn_at <= after):
                await asyncio.sleep(0.001)
            return screen.drawn_at

        for i in range(warm + repeat):
            # Opening with the figures read: what the 150 ms target is about.
            started = time.perf_counter()
            screen = ReviewScreen(db, now=now, tz=zone, settings=DEFAULTS, figures=figures)
            host.push_screen(screen)
            opened = (await drawn(screen) - started) * 1000
            # A period switch: the next period's figures are already computed.
            before = screen.drawn_at
            pressed = time.perf_counter()
            await pilot.press("p")
            switched = (await drawn(screen, before) - pressed) * 1000
            host.pop_screen()
            await pilot.pause()
            # The whole way from the key: the worker reads and computes, then the draw.
            started = time.perf_counter()
            screen = ReviewScreen(db, now=now, tz=zone, settings=DEFAULTS)
            host.push_screen(screen)
            whole = (await drawn(screen) - started) * 1000
            host.pop_screen()
            await pilot.pause()
            if i >= warm:
                out["open"].append(opened)
                out["switch"].append(switched)
                out["key"].append(whole)
    return out


def screen_rows(
    db_path: Path, figures: dict[Any, Any], apps: int, repeat: int, warm: int
) -> list[Row]:
    rows = []
    for size in SIZES:
        at = f"{size[0]}x{size[1]}, {apps:,} apps"
        samples = asyncio.run(_screen_samples(db_path, figures, size, repeat, warm))
        row = Row(f"review screen: open, figures already read ({at})", "ms", samples["open"])
        row.target = f"< {TARGET_MS:g} ms"
        row.ok = row.median < TARGET_MS
        row.note = "push_screen to the figures on screen"
        rows.append(row)
        rows.append(Row(f"review screen: period switch, p ({at})", "ms", samples["switch"]))
        whole = Row(f"review screen: open, reading included ({at})", "ms", samples["key"])
        whole.note = "push_screen to figures: worker read + figures, then the draw"
        rows.append(whole)
    return rows


def review_rows(db_path: Path, repeat: int, warm: int = 1) -> list[Row]:
    """Every row of issue #17, on the file at `db_path`."""
    rows, figures, apps = data_rows(db_path, repeat, warm)
    return rows + screen_rows(db_path, figures, apps, repeat, warm)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=None, help="default: the bench's 10k file")
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    from run import _env, print_table

    path = args.db
    if path is None:
        import tempfile

        import databases

        with tempfile.TemporaryDirectory() as tmp:
            path = databases.build(sys.executable, 10_000, _env(Path(tmp))).path
    rows = review_rows(path, args.repeat)
    print_table(rows)
    cpu = [r for r in rows if r.cpu]
    if cpu:
        print(
            "\nCPU medians: "
            + ", ".join(
                f"{r.measure.split(' (')[0]} {statistics.median(r.cpu):.0f} ms" for r in cpu
            )
        )
    print(f"\n(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
