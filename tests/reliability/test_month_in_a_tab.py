"""Issue 4, item 15: a month in a tab. The timer service runs through 30 simulated days on
a fake clock advanced in uneven steps, while another process makes 1,000 writes (new
applications, interviews, and actions marked done once announced).

Pass: every action that fell due was announced exactly once and never early, memory grows
by less than 10 MB after warm-up, and no thread or file descriptor piles up.
The loop (helpers/month.py) takes any surface; the app tests point it at the Textual app.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from dateutil import tz as dateutil_tz

from pursuit.config import Config
from pursuit.store.database import open_database
from pursuit.store.timefmt import from_db
from pursuit.tui.app import PursuitApp

from .helpers.app_surface import AppSurface
from .helpers.common import Runner, Tally
from .helpers.month import Month, run_month
from .helpers.timer import AgendaSurface, check_announcements

pytestmark = pytest.mark.reliability

START = datetime(2026, 3, 1, 14, 0, tzinfo=UTC)
WRITES = 1000
MEMORY_LIMIT = 10 * 1024 * 1024


@pytest.mark.parametrize("surface", ["agenda", "app"])
def test_a_month_in_a_tab(tmp_path: Path, runner: Runner, tally: Tally, surface: str) -> None:
    path = tmp_path / "pursuit.db"
    db = open_database(path)
    tz = dateutil_tz.gettz("America/New_York")
    assert tz is not None
    month: Month
    if surface == "agenda":
        month = run_month(AgendaSurface(db, tz), runner, str(path), START, writes=WRITES)
    else:
        # The real app, headless: its timer's reload, its notifier, its worker threads.
        app_surface = AppSurface(PursuitApp(db, config=Config(), tz=tz), START)
        try:
            # Fewer, longer steps than the agenda run (each wake repaints the real screen):
            # a laptop that sleeps through the night, over the same month and 1,000 writes.
            month = run_month(
                app_surface,
                runner,
                str(path),
                START,
                writes=WRITES,
                steps_minutes=(300, 600, 900, 1200, 1440),
            )
        finally:
            app_surface.close()
    db.close()
    assert month.end is not None

    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT id, next_at FROM action WHERE deleted_at IS NULL").fetchall()
    due = {int(i): from_db(at) for i, at in rows}
    fell_due = [i for i, at in due.items() if at <= month.end]
    with tally.case("1,000 writes from the other process, none failed"):
        assert month.writes == WRITES and not month.write_errors, month.write_errors[:3]
    with tally.case("a real month: hundreds of actions fell due"):
        assert len(fell_due) > 300, len(fell_due)
    problems = check_announcements(month.log, due, on_first_wake=False)
    tally.add_trials(len(fell_due))
    for problem in problems:
        tally.fail(problem)
    with tally.case(f"memory grew {month.memory_growth / 1e6:.1f} MB (< 10 MB)"):
        assert month.memory_growth < MEMORY_LIMIT
    with tally.case("no thread, worker, timer or file descriptor piled up"):
        # Counted from the end of warm-up. The app's worker threads come from asyncio's
        # default executor, which may still grow to its bound later; past that is a pile-up.
        executor = min(32, (os.cpu_count() or 1) + 4) if surface == "app" else 0
        assert month.threads[1] <= month.threads[0] + executor, month.threads
        # A connection pool may still open a connection or two (3 fds each: db, -wal, -shm);
        # a leak over hundreds of wakes and 1,000 writes would be far past this bound.
        assert month.fds[1] <= month.fds[0] + (15 if surface == "app" else 0), month.fds
        if surface == "app":
            assert app_surface.workers_left == 0
            assert app_surface.timers[1] <= app_surface.timers[0], app_surface.timers
    tally.finish()
