"""The agenda: overdue first, then today, then upcoming; the R7 nudge; the demo search."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime, timedelta

from conftest import NY
from pursuit.agenda import Bucket, OverdueNotifier, build_agenda, local_day_end, seconds_until_wake
from pursuit.demo import fill_demo
from pursuit.domain.people import Person
from pursuit.domain.status import Status
from pursuit.store import actions, commands, reads
from pursuit.store.context import Ctx

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


def at(ctx: Ctx, delta: timedelta) -> Ctx:
    return replace(ctx, now=ctx.now + delta)


def test_overdue_then_today_then_upcoming(ctx: Ctx) -> None:
    # Overdue: a thank-you from an interview two days ago.
    commands.add_application(at(ctx, -10 * DAY), "Acme", "Engineer")
    commands.log_interview(
        at(ctx, -2 * DAY), "acme", at=ctx.now - 2 * DAY - 2 * HOUR, people=(Person("Jane"),)
    )
    # Today: a Globex note due this afternoon (interview yesterday at 14:00, 60 min).
    commands.add_application(at(ctx, -10 * DAY), "Globex", "SRE")
    commands.log_interview(ctx, "globex", at=ctx.now - 20 * HOUR, people=(Person("Priya"),))
    # Upcoming: the follow-ups, and a bridge check-in in 90 days.
    commands.add_application(at(ctx, -30 * DAY), "Wayne", "Security")
    commands.reject(ctx, "wayne", friendly=True)

    agenda = build_agenda(ctx.db, ctx.now, NY, ctx.settings)
    items = [i for i in agenda.items if i.kind != "options"]
    buckets = [i.bucket for i in items]
    assert buckets == sorted(buckets, key=[Bucket.OVERDUE, Bucket.TODAY, Bucket.UPCOMING].index)
    assert [(i.kind, i.company, i.bucket) for i in items[:2]] == [
        ("thank_you", "Acme", Bucket.OVERDUE),
        ("thank_you", "Globex", Bucket.TODAY),
    ]
    assert [i.kind for i in items[2:]] == ["follow_up", "follow_up", "check_in"]
    assert all(a.due <= b.due for a, b in itertools.pairwise(items))
    assert items[0].overdue and not items[1].overdue
    assert (agenda.overdue, agenda.today) == (1, 1)
    assert agenda.next_due == items[1].due
    assert agenda.revision == ctx.db.revision()
    # R4: a guessed follow-up date says so.
    assert "a guess" in items[2].what

    # The timer service sleeps until the next item falls due, at most a minute.
    assert seconds_until_wake(agenda.next_due, ctx.now) == 60
    assert seconds_until_wake(ctx.now + timedelta(seconds=5), ctx.now) == 5
    assert seconds_until_wake(None, ctx.now) == 60
    # Each overdue action is announced once.
    notifier = OverdueNotifier()
    assert [i.company for i in notifier.newly_overdue(agenda)] == ["Acme"]
    assert notifier.newly_overdue(agenda) == []
    # Once it is done the agenda no longer shows it.
    actions.mark_thanks(ctx, "acme", "jane", note="Thanks, Jane!")
    assert build_agenda(ctx.db, ctx.now, NY, ctx.settings).overdue == 0


def test_options_nudge_after_overdue_and_today_even_when_loud(ctx: Ctx) -> None:
    commands.add_application(at(ctx, -10 * DAY), "Acme", "Engineer")
    commands.log_interview(
        at(ctx, -2 * DAY), "acme", at=ctx.now - 2 * DAY - 2 * HOUR, people=(Person("Jane"),)
    )
    agenda = build_agenda(ctx.db, ctx.now, NY, ctx.settings)
    assert [i.kind for i in agenda.items][:2] == ["thank_you", "options"]
    nudge = agenda.items[1]
    assert nudge.bucket == Bucket.TODAY and nudge.action_id is None
    assert nudge.what == "Keep your options open: 4 more active and 2 new this week"
    # At offer stage the nudge is loud, but overdue still comes first: it is the promise.
    commands.move(ctx, "acme", Status.OFFER)
    agenda = build_agenda(ctx.db, ctx.now, NY, ctx.settings)
    assert [i.kind for i in agenda.items][:2] == ["thank_you", "options"]
    assert agenda.gauge.loud and agenda.items[1].loud
    assert agenda.items[1].what.endswith("can still fall through")
    # On target: no nudge at all.
    for i in range(5):
        commands.add_application(ctx, f"Co {i}", "Engineer")
    agenda = build_agenda(ctx.db, ctx.now, NY, ctx.settings)
    assert "options" not in [i.kind for i in agenda.items]
    assert agenda.gauge.label == "6/5 active · 5/2 new this week"


def test_a_final_round_counts_as_final_stage(ctx: Ctx) -> None:
    commands.add_application(at(ctx, -10 * DAY), "Acme", "Engineer")
    commands.log_interview(
        ctx, "acme", at=ctx.now + 2 * DAY, people=(Person("Jane"),), kind="Final round"
    )
    agenda = build_agenda(ctx.db, ctx.now, NY, ctx.settings)
    # Nothing overdue or due today: the loud nudge leads, before the interview to come.
    assert agenda.gauge.loud and [i.kind for i in agenda.items][:2] == ["options", "interview"]


def test_day_end_is_local_midnight_across_dst() -> None:
    # The evening before the spring-forward night: midnight is still EST.
    end = local_day_end(datetime(2026, 3, 7, 20, 0, tzinfo=NY), NY)
    assert end.astimezone(NY).replace(tzinfo=None) == datetime(2026, 3, 8, 0, 0)
    assert end.utcoffset() == timedelta(0)


def test_demo_fill(ctx: Ctx) -> None:
    assert fill_demo(ctx) == 12
    agenda = build_agenda(ctx.db, ctx.now, NY, ctx.settings)
    o, t, u = Bucket.OVERDUE, Bucket.TODAY, Bucket.UPCOMING
    # Overdue first, then the rest of today, then the options nudge (loud: Hooli is at
    # offer, but it never hides what is overdue), then what is coming. Massive Dynamic's
    # final round (Friday) is on the agenda; its thank-you notes are not owed until it ends.
    assert [(i.kind, i.company, i.contact, i.bucket) for i in agenda.items] == [
        ("follow_up", "Soylent", None, o),
        ("check_in", "Wayne Enterprises", "Lucius Fox", o),
        ("follow_up", "Hooli", None, o),
        ("thank_you", "Acme Robotics", "Bob Lee", o),
        ("follow_up", "Umbrella Health", None, t),
        ("thank_you", "Globex", "Priya Nair", t),
        ("options", None, None, t),
        ("interview", "Massive Dynamic", None, u),
        ("follow_up", "Acme Robotics", None, u),
        ("follow_up", "Cyberdyne", None, u),
        ("follow_up", "Globex", None, u),
        ("follow_up", "Vandelay Industries", None, u),
        ("check_in", "Stark Industries", "Pepper Potts", u),
        ("follow_up", "Massive Dynamic", None, u),
    ]
    assert agenda.items[7].what == (
        "Interview at Massive Dynamic, Fri 20 Mar 13:00, with Nina Sharp (VP Engineering), "
        "Walter Bishop (Principal)"
    )
    # Umbrella's guessed follow-up is at 09:30 today, the usual time: not overdue at 09:00.
    assert (agenda.overdue, agenda.today) == (4, 2)
    assert agenda.gauge.loud and agenda.gauge.label == "7/5 active · 1/2 new this week"
    # Umbrella's follow-up, at the usual 09:30.
    assert agenda.next_due == datetime(2026, 3, 16, 9, 30, tzinfo=NY)
    with ctx.db.read() as conn:
        apps = reads.applications(conn, include_closed=True)
        assert sorted((a.company, a.status) for a in apps) == [
            ("Acme Robotics", Status.INTERVIEWING),
            ("Cyberdyne", Status.APPLIED),
            ("Globex", Status.INTERVIEWING),
            ("Hooli", Status.OFFER),
            ("Massive Dynamic", Status.INTERVIEWING),
            ("Pied Piper", Status.GHOSTED),
            ("Soylent", Status.SCREENING),
            ("Stark Industries", Status.REJECTED),
            ("Tyrell Corp", Status.WISHLIST),
            ("Umbrella Health", Status.APPLIED),
            ("Vandelay Industries", Status.ON_HOLD),
            ("Wayne Enterprises", Status.REJECTED),
        ]
        assert {b.company for b in reads.bridges(conn)} == {"Stark Industries", "Wayne Enterprises"}
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
