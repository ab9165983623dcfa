"""A realistic demo search: twelve hand-written applications through the same commands a
user runs, and any number of generated ones through the same definitions in one write.

Each step runs with the clock set to when it "happened", so the timeline, the overdue
notes and the bridges look like a search in its fourth week.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from functools import partial

from pursuit.demo import plan as demo_plan
from pursuit.domain.people import Person
from pursuit.domain.status import Status
from pursuit.store import actions, commands, record, steps
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.writer import run
from pursuit.store.writes import story


def _at(ctx: Ctx, days_ago: float, hour: int = 10, minute: int = 0) -> datetime:
    return demo_plan.local_time(ctx.now, ctx.tz, days_ago, hour, minute)


def _then(ctx: Ctx, when: datetime) -> Ctx:
    return replace(ctx, now=when)


def fill_demo(ctx: Ctx, *, extra_apps: int = 0) -> int:
    # Into an empty file only: a second run would add the twelve stories again beside the
    # first, and the user's own search is nobody's demo.
    with ctx.db.read() as conn:
        (companies,) = conn.execute("SELECT count(*) FROM company").fetchone()
    if companies:
        raise InputError(
            f"{ctx.db.label} already holds a search ({companies} "
            f"compan{'y' if companies == 1 else 'ies'}); the demo goes into a new file: "
            "pursuit --db demo.db demo"
        )
    plan = demo_plan.plan(extra_apps, now=ctx.now, tz=ctx.tz) if extra_apps else []
    if plan:
        # A file that already holds the generated companies is refused before any write.
        run(ctx, lambda w: story.refuse_clashes(w, plan), label="demo")
    c = ctx
    P = Person
    add = commands.add_application
    # The whole record (issue #12): salaries, places, a recruiter's details.
    commands.add_application(
        _then(c, _at(c, 24)),
        "Acme Robotics",
        "Backend Engineer",
        fields={
            "source": "referral",
            "salary": "€90–110k",
            "location": "Berlin",
            "remote": "no",
            "note": "Referred by Ana (ex-colleague). Team of six, on call one week in six.",
        },
    )
    commands.add_application(
        _then(c, _at(c, 21)),
        "Globex",
        "Platform Engineer",
        fields={
            "url": "https://globex.example/jobs/42",
            "salary": "$140–160k",
            "location": "Remote (US)",
            "remote": "yes",
        },
    )
    record.save_contact(
        _then(c, _at(c, 5)),
        "Globex",
        "Priya Nair",
        fields={"role": "Recruiter", "email": "priya@globex.example", "phone": "+1 555 010 4242"},
    )
    add(_then(c, _at(c, 18)), "Umbrella Health", "Data Engineer")
    commands.add_application(
        _then(c, _at(c, 30)), "Hooli", "Site Reliability Engineer", fields={"salary": "$185k"}
    )
    add(_then(c, _at(c, 15)), "Soylent", "Frontend Engineer [remote]")
    add(_then(c, _at(c, 40)), "Vandelay Industries", "Import/Export Analyst")
    add(_then(c, _at(c, 35)), "Pied Piper", "Compression Engineer")
    add(_then(c, _at(c, 3)), "Cyberdyne", "ML Platform Engineer")
    add(_then(c, _at(c, 12)), "Massive Dynamic", "Staff Engineer")
    add(_then(c, _at(c, 1)), "Tyrell Corp", "Replicant UX Lead", status=Status.WISHLIST)
    add(_then(c, _at(c, 120)), "Stark Industries", "Robotics Engineer")
    add(_then(c, _at(c, 200)), "Wayne Enterprises", "Security Engineer")

    # Acme: interviewed two days ago by two people; one note sent, one overdue.
    commands.log_interview(
        _then(c, _at(c, 2, 16)),
        "Acme",
        at=_at(c, 2, 14),
        minutes=60,
        people=(P("Jane Doe", "Engineering Manager"), P("Bob Lee", "Staff Engineer")),
        check_back=_at(c, -7, 9),
        check_back_text="after the 3rd",
        place="Acme HQ, Torstraße 5, 4th floor",
        notes="System design (fleet API) and a pairing session. They liked the idempotency keys.",
    )
    actions.set_talking_point(
        _then(c, _at(c, 2, 17)), "Acme", "Bob", "their migration to event sourcing"
    )
    actions.mark_thanks(
        _then(c, _at(c, 2, 19)),
        "Acme",
        "Jane",
        note="Dear Jane,\nThank you for walking me through the team's on-call rotation and "
        "how you grow engineers into tech leads. I'd love to help ship the fleet API.\nBest, Sam",
    )
    # Globex: interviewed this morning; notes due tomorrow, follow-up date is a guess.
    commands.log_interview(
        _then(c, _at(c, 0, 8)),
        "Globex",
        at=_at(c, 1, 15),
        minutes=45,
        people=(P("Priya Nair", "Recruiter"),),
        kind="phone",
        place="meet.globex.example/priya",
    )
    # Hooli: an offer on the table, which makes the options nudge loud (R7).
    commands.log_interview(
        _then(c, _at(c, 14, 18)),
        "Hooli",
        at=_at(c, 14, 11),
        minutes=240,
        people=(P("Gavin Belson", "CEO"), P("Denpok", "Advisor")),
        kind="final",
    )
    actions.mark_thanks(
        _then(c, _at(c, 14, 20)),
        "Hooli",
        "Gavin",
        note="Gavin, thanks for the candid talk about scale and tethics.",
    )
    actions.mark_thanks(
        _then(c, _at(c, 14, 21)),
        "Hooli",
        "Denpok",
        note="Denpok, our walk through the garden made the values concrete.",
    )
    commands.move(_then(c, _at(c, 4)), "Hooli", Status.OFFER)
    # Umbrella: applied 18 days ago, followed up once, no answer yet.
    actions.log_followup(_then(c, _at(c, 9)), "Umbrella", note="Checking in on my application.")
    # Soylent: in screening.
    commands.move(_then(c, _at(c, 10)), "Soylent", Status.SCREENING)
    # Massive Dynamic: final round booked for Monday.
    commands.log_interview(
        _then(c, _at(c, 5)),
        "Massive Dynamic",
        at=_at(c, -4, 13),
        minutes=180,
        people=(P("Nina Sharp", "VP Engineering"), P("Walter Bishop", "Principal")),
        kind="final",
    )
    # Vandelay: hiring freeze, on hold with a slower cadence (R9).
    commands.move(_then(c, _at(c, 20)), "Vandelay", Status.ON_HOLD)
    # Pied Piper: two unanswered follow-ups, then ghosted (R5).
    actions.log_followup(_then(c, _at(c, 28)), "Pied Piper")
    actions.log_followup(_then(c, _at(c, 20)), "Pied Piper")
    commands.move(_then(c, _at(c, 19)), "Pied Piper", Status.GHOSTED)
    # Bridges (R8): Stark said no kindly 80 days ago; Wayne 100 days ago (check-in overdue).
    commands.log_interview(
        _then(c, _at(c, 100)),
        "Stark",
        at=_at(c, 101, 10),
        people=(P("Pepper Potts", "COO"),),
    )
    actions.mark_thanks(
        _then(c, _at(c, 101, 15)),
        "Stark",
        "Pepper",
        note="Pepper, thank you for the frank talk about the arc reactor budget.",
    )
    commands.reject(_then(c, _at(c, 80)), "Stark", friendly=True)
    commands.log_interview(
        _then(c, _at(c, 150)),
        "Wayne",
        at=_at(c, 151, 10),
        people=(P("Lucius Fox", "CTO"),),
    )
    actions.mark_thanks(
        _then(c, _at(c, 151, 15)),
        "Wayne",
        "Lucius",
        note="Lucius, I enjoyed our talk about applied sciences and night shifts.",
    )
    commands.reject(_then(c, _at(c, 100)), "Wayne", friendly=True)
    if plan:
        write_plan(ctx, plan)
    return 12 + extra_apps


def write_plan(ctx: Ctx, plan: Sequence[steps.Step]) -> int:
    """A generated search in one write, not recorded for undo: `pursuit undo` right after
    takes back the last change recorded before it."""
    return run(ctx, lambda w: story.write_plan(w, ctx, plan), label="demo", undoable=False)


def generate(ctx: Ctx, n: int, *, seed: int = 7) -> int:
    """N synthetic applications over the last 90 days (about ten actions and events each,
    see demo_plan.plan), in one write: 10,000 take seconds."""
    return write_plan(ctx, demo_plan.plan(n, now=ctx.now, tz=ctx.tz, seed=seed))


def replay_with_commands(ctx: Ctx, plan: Sequence[steps.Step]) -> None:
    """The plan one command at a time, each its own transaction recorded for undo, with
    the clock at its step's time: what the single write of `write_plan` is tested against."""
    ids: dict[str, int] = {}
    for step in plan:
        run(ctx, partial(story.apply_step, ctx=ctx, step=step, ids=ids), label="step")
