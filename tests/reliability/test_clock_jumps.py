"""Issue 4, item 12: the clock jumps 3 hours ahead (a laptop wakes from sleep) and 1 hour
back (a clock correction). The timer service surfaces everything overdue at its next wake
and never announces an action twice, even when the clock passes its time again.

This runs the real app, headless, on a clock that moves at the speed of real time (so its
own wake timer, sleeping real seconds, finds the time passed) and jumps when the test says.
Nothing calls reload: every wake is the app's own. Actions fall due a few tenths of a
second apart where the clock runs, so a phase takes seconds, not hours.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from dateutil import tz as dateutil_tz
from textual.message import Message
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from pursuit.agenda import AgendaItem
from pursuit.config import Config
from pursuit.domain.matching import name_key
from pursuit.store.database import Database, open_database
from pursuit.store.models import Action, Company
from pursuit.store.unit import write_session
from pursuit.tui.app import PursuitApp
from pursuit.tui.messages import SnapshotLoaded

from .helpers.common import Tally
from .helpers.timer import Clock, Log, Wake, check_announcements, pending_actions

pytestmark = pytest.mark.reliability

T0 = datetime(2026, 3, 16, 13, 0, tzinfo=UTC)
STEP = timedelta(seconds=0.2)
AHEAD = timedelta(hours=3)
BACK = timedelta(hours=1)
RUN = 60
"""Actions in each run, a STEP apart."""
PROMPT = timedelta(seconds=0.5)
"""How soon after an action falls due, on a running clock, the wake that shows it comes.
The timer is set for the due time itself: a few milliseconds late here, the rest is a busy
machine's latency. Without the timer the app still looks each second after a write (its
poll for other processes): up to a second late, which this tells apart."""


def _dues() -> list[datetime]:
    """Every STEP around T0 (the first run), a few through the three hours slept, every
    STEP two hours in (crossed again after the jump back), every STEP three hours in
    (the run after the jump ahead); every fifth one a pair."""
    out: list[datetime] = []
    # Each run is longer than the test stays in it, even on a busy machine: a clock that
    # passed the last of a run would leave the timer asleep for a minute.
    for start in (T0 - 3 * STEP, T0 + 2 * timedelta(hours=1), T0 + AHEAD):
        for k in range(RUN):
            due = start + k * STEP
            out.extend([due, due] if k % 5 == 0 else [due])
    out += [T0 + timedelta(minutes=10), T0 + timedelta(hours=1), T0 + timedelta(minutes=150)]
    return sorted(out)


def _seed(db: Database) -> None:
    with write_session(db, label="seed", now=T0) as session:
        company = Company(name="Acme", name_key=name_key("Acme"), created_at=T0)
        session.add(company)
        session.flush()
        assert company.id is not None
        for due in _dues():
            session.add(
                Action(
                    kind="follow_up", due_at=due, next_at=due, company_id=company.id, created_at=T0
                )
            )


class Recorder:
    """Every message the app handles, and what its notifier announced after each."""

    def __init__(self, app: PursuitApp) -> None:
        self.messages: list[Message] = []
        self.announced: list[tuple[int, list[int]]] = []
        original = app.notifier.newly_overdue_items

        def recording(items: list[AgendaItem]) -> list[AgendaItem]:
            fresh = original(items)
            ids = [i.action_id for i in fresh if i.action_id is not None]
            self.announced.append((len(self.messages), ids))
            return fresh

        app.notifier.newly_overdue_items = recording  # type: ignore[method-assign]

    def __call__(self, message: Message) -> None:
        self.messages.append(message)

    def wakes(self) -> list[Wake]:
        """One wake per agenda the app painted, with what was announced from it (the
        announcements worker reports right after the paint it belongs to)."""
        painted = [
            (i, m.snapshot) for i, m in enumerate(self.messages) if isinstance(m, SnapshotLoaded)
        ]
        out: list[Wake] = []
        for n, (index, snap) in enumerate(painted):
            until = painted[n + 1][0] if n + 1 < len(painted) else len(self.messages) + 1
            ids = [i for at, batch in self.announced if index < at <= until for i in batch]
            out.append(Wake(snap.now, ids, snap.agenda.next_due))
        return out

    def last_painted(self) -> datetime | None:
        loads = [m for m in self.messages if isinstance(m, SnapshotLoaded)]
        return loads[-1].snapshot.now if loads else None


async def _until_painted(pilot: Pilot[None], seen: Recorder, when: datetime) -> None:
    """Wait (30 s at most) for the app to wake at or after `when` (but within minutes of it:
    not before a jump back), paint what it found and finish what that wake started."""
    for _ in range(3000):
        painted = seen.last_painted()
        if painted is not None and when <= painted < when + timedelta(minutes=10):
            break
        await pilot.pause(0.01)
    else:
        raise AssertionError(f"the app never woke at {when} (last: {seen.last_painted()})")
    for _ in range(3):
        with contextlib.suppress(WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def test_clock_jumps_ahead_and_back(tmp_path: Path, tally: Tally) -> None:
    path = tmp_path / "pursuit.db"
    db = open_database(path)
    _seed(db)
    tz = dateutil_tz.gettz("America/New_York")
    assert tz is not None
    clock = Clock(T0)
    app = PursuitApp(db, config=Config(), tz=tz, now=clock)
    seen = Recorder(app)
    async with app.run_test(size=(120, 35), message_hook=seen) as pilot:
        await _until_painted(pilot, seen, T0)
        clock.start()
        await _until_painted(pilot, seen, T0 + 10 * STEP)
        before_jump = clock.now
        clock.now = before_jump + AHEAD  # asleep through three hours of reminders
        await _until_painted(pilot, seen, before_jump + AHEAD + 8 * STEP)
        before_back = clock.now
        clock.now = before_back - BACK  # the clock is set back
        await _until_painted(pilot, seen, before_back - BACK + 10 * STEP)
    db.close()

    log = Log(seen.wakes())
    due = pending_actions(path)
    # Wakes are in order; those after the jump back read earlier clocks than the jump ahead.
    jumped = next(n for n, w in enumerate(log.wakes) if w.now >= before_jump + AHEAD)
    back = next(n for n, w in enumerate(log.wakes) if n > jumped and w.now < before_back - BACK / 2)
    with tally.case("the wake after the jump surfaced every action that fell due meanwhile"):
        last = log.wakes[jumped - 1].now
        # The first after the jump to announce (a wake superseded by a poll's at once
        # leaves that to the next), promptly.
        after_jump = next(w for w in log.wakes[jumped:] if w.announced)
        assert after_jump.now - log.wakes[jumped].now < PROMPT
        missed = [i for i, at in due.items() if last < at <= after_jump.now]
        # The rest of the first run, all slept through, and the first of the next run.
        assert len(missed) >= 3 + RUN + 10
        assert sorted(after_jump.announced) == sorted(missed)
    with tally.case("after the jump back nothing is announced again"):
        recrossed = [i for i, at in due.items() if log.wakes[back].now < at <= log.wakes[-1].now]
        assert len(recrossed) >= 6, "the jump back should make the clock pass actions again"
        assert [w.announced for w in log.wakes[back:] if w.announced] == []
    with tally.case("where the clock ran, the app woke as each action fell due"):
        ran = [
            (i, at)
            for i, at in due.items()
            if T0 < at <= before_jump - PROMPT or before_jump + AHEAD < at <= before_back - PROMPT
        ]
        assert len(ran) >= 8
        late = []
        for action_id, at in ran:
            shown = next((w.now for w in log.wakes if action_id in w.announced), None)
            if shown is None or shown - at > PROMPT:
                late.append((action_id, at, shown))
        assert late == [], late
    # Not necessarily at the first wake after: a wake superseded by the next (the timer's
    # and a poll's at once) leaves its announcements to that next one.
    problems = check_announcements(log, due, on_first_wake=False)
    tally.add_trials(len(due))
    for problem in problems:
        tally.fail(problem)
    tally.finish()
