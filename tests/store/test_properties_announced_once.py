"""Each action is announced once per time it falls due, however the clock moves: forward
by minutes or days, back after a laptop sleeps, through a daylight-saving change."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from dateutil import tz as dateutil_tz
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pursuit.agenda import OverdueNotifier, build_agenda
from pursuit.domain.people import Person
from pursuit.store import commands
from pursuit.store.context import Ctx
from pursuit.store.database import open_database

LONDON = dateutil_tz.gettz("Europe/London")
START = datetime(2026, 10, 20, 9, 0, tzinfo=LONDON)  # the clocks go back on Sun 25 Oct


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(moves=st.lists(st.integers(-60 * 12, 60 * 48), min_size=1, max_size=30))
def test_each_action_is_announced_once_per_time_it_falls_due(
    tmp_path_factory: object, moves: list[int]
) -> None:
    path = Path(tmp_path_factory.mktemp("once")) / "p.db"  # type: ignore[attr-defined]
    ctx = Ctx(db=open_database(path), now=START, tz=LONDON)
    for i, company in enumerate(("Acme", "Globex", "Initech")):
        commands.add_application(replace(ctx, now=START - timedelta(days=6 - i)), company, "Eng")
    commands.log_interview(
        ctx, "acme", at=START - timedelta(hours=3), people=(Person("Ann"), Person("Bo"))
    )
    notifier = OverdueNotifier()
    announced: list[tuple[int, datetime]] = []
    seen_overdue: set[tuple[int, datetime]] = set()
    now = START
    for minutes in moves:
        now = now + timedelta(minutes=minutes)
        agenda = build_agenda(ctx.db, now, LONDON, ctx.settings)
        seen_overdue |= {(i.action_id, i.due) for i in agenda.unannounced if i.action_id}
        for item in notifier.newly_overdue(agenda):
            assert item.action_id is not None and item.due <= now
            announced.append((item.action_id, item.due))
    # Never the same action for the same fall-due twice.
    assert len(announced) == len(set(announced))
    # And everything seen overdue was announced (once).
    assert set(announced) == seen_overdue
    ctx.db.close()
