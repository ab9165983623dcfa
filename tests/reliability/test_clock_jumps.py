"""Issue 4, item 12: the clock jumps 3 hours ahead (a laptop wakes from sleep) and 1 hour
back (a clock correction). The timer service surfaces everything overdue at its next wake
and never announces an action twice, even when the clock passes its time again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from dateutil import tz as dateutil_tz

from pursuit.domain.matching import name_key
from pursuit.store.database import Database, open_database
from pursuit.store.models import Action, Company
from pursuit.store.unit import write_session

from .helpers.common import Tally
from .helpers.timer import AgendaSurface, Log, check_announcements, pending_actions

pytestmark = pytest.mark.reliability

T0 = datetime(2026, 3, 16, 13, 0, tzinfo=UTC)


def _seed(db: Database) -> None:
    """Actions due from 30 min before T0 to 6 h after, every 7 minutes, some in pairs."""
    with write_session(db, label="seed", now=T0) as session:
        company = Company(name="Acme", name_key=name_key("Acme"), created_at=T0)
        session.add(company)
        session.flush()
        assert company.id is not None
        for k in range(-4, 52):
            due = T0 + timedelta(minutes=7 * k)
            for _ in range(2 if k % 5 == 0 else 1):
                session.add(
                    Action(
                        kind="follow_up",
                        due_at=due,
                        next_at=due,
                        company_id=company.id,
                        created_at=T0,
                    )
                )


def test_clock_jumps_ahead_and_back(tmp_path: Path, tally: Tally) -> None:
    path = tmp_path / "pursuit.db"
    db = open_database(path)
    _seed(db)
    tz = dateutil_tz.gettz("America/New_York")
    assert tz is not None
    surface = AgendaSurface(db, tz)
    log = Log()

    now = log.run(surface, T0, T0 + timedelta(minutes=30))
    now += timedelta(hours=3)  # asleep through three hours of reminders
    after_jump = log.wake(surface, now)
    now = log.run(surface, now + after_jump.sleep, now + timedelta(minutes=20))
    before_back = now
    now -= timedelta(hours=1)  # the clock is set back
    back = log.wake(surface, now)
    log.run(surface, now + back.sleep, now + timedelta(hours=2))
    db.close()

    due = pending_actions(path)
    with tally.case("the wake after the jump surfaced every action that fell due meanwhile"):
        missed = [i for i, at in due.items() if T0 + timedelta(minutes=30) < at <= after_jump.now]
        assert missed and sorted(after_jump.announced) == sorted(missed)
    with tally.case("after the jump back nothing is announced again"):
        recrossed = [i for i, at in due.items() if back.now < at <= before_back]
        assert recrossed, "the jump back should make the clock pass some actions again"
        assert back.announced == []
    with tally.case("the timer never sleeps more than a minute, nor past a due time"):
        for w in log.wakes:
            assert timedelta(0) < w.sleep <= timedelta(minutes=1)
            if w.next_due is not None:
                assert w.now + w.sleep <= max(w.next_due, w.now + timedelta(seconds=0.05))
    problems = check_announcements(log, due)
    tally.add_trials(len(due))
    for problem in problems:
        tally.fail(problem)
    tally.finish()
