"""A realistic demo search, written through the same commands a user runs.

Each step runs with the clock set to when it "happened", so the timeline, the overdue
notes and the bridges look like a search in its fourth week.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

from pursuit.domain.dates import local_to_utc
from pursuit.domain.people import Person
from pursuit.domain.status import Status
from pursuit.store import actions, commands, unit
from pursuit.store.context import Ctx


def _at(ctx: Ctx, days_ago: float, hour: int = 10, minute: int = 0) -> datetime:
    day = (ctx.now - timedelta(days=days_ago)).astimezone(ctx.tz)
    return local_to_utc(
        day.replace(hour=hour, minute=minute, tzinfo=None, second=0, microsecond=0), ctx.tz
    )


def _then(ctx: Ctx, when: datetime) -> Ctx:
    return replace(ctx, now=when)


def fill_demo(ctx: Ctx, *, extra_apps: int = 0) -> int:
    c = ctx
    P = Person
    add = commands.add_application
    add(_then(c, _at(c, 24)), "Acme Robotics", "Backend Engineer", source="referral")
    add(_then(c, _at(c, 21)), "Globex", "Platform Engineer", url="https://globex.example/jobs/42")
    add(_then(c, _at(c, 18)), "Umbrella Health", "Data Engineer")
    add(_then(c, _at(c, 30)), "Hooli", "Site Reliability Engineer")
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
    count = 12
    if extra_apps:
        count += generate(ctx, extra_apps)
    return count


_ROLES = (
    "Backend Engineer",
    "Data Engineer",
    "SRE",
    "Frontend Engineer",
    "Engineering Manager",
    "Platform Engineer",
    "ML Engineer",
    "Security Engineer",
    "Mobile Engineer",
    "QA Lead",
)
_FIRST = ("Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo")
_LAST = ("Okafor", "Silva", "Kim", "Novak", "Haddad", "Berg", "Ito", "Moreau", "Rossi", "Shah")


def generate(ctx: Ctx, n: int, *, seed: int = 7) -> int:
    """N synthetic applications over the last 90 days, written through the same commands a
    user runs (about ten actions and events each): interviews with thank-you notes, some
    sent and some overdue, follow-ups, every status, and bridges with check-ins.

    The commands share write transactions (`unit.batch`): one fsync per command would
    make 10,000 applications take minutes.
    """
    rng = random.Random(seed)
    with unit.batch(ctx.db):
        for i in range(n):
            _story(ctx, rng, f"Company {i:05d}")
    return n


def _story(ctx: Ctx, rng: random.Random, company: str) -> None:
    now = ctx.now
    applied = _at(ctx, rng.uniform(1, 90), rng.randint(8, 18))
    roll = rng.random()
    if roll < 0.05:
        commands.add_application(
            _then(ctx, applied), company, rng.choice(_ROLES), status=Status.WISHLIST
        )
        return
    added = commands.add_application(
        _then(ctx, applied), company, rng.choice(_ROLES), source=rng.choice(_SOURCES)
    )
    app_id = added.application_id
    t = applied + timedelta(days=rng.uniform(8, 12))
    if rng.random() < 0.5 and t < now:
        actions.log_followup(_then(ctx, t), application_id=app_id, force=True)
    if roll < 0.25:
        return
    t = applied + timedelta(days=rng.uniform(2, 6))
    if t >= now:
        return
    commands.move(_then(ctx, t), company, Status.SCREENING, application_id=app_id)
    if roll < 0.35:
        return
    # An interview, sometimes still to come; each interviewer gets a thank-you (R1).
    interview_at = t + timedelta(days=rng.uniform(1, 14), hours=rng.randint(0, 6))
    people = tuple(
        Person(f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", rng.choice(_PEOPLE_ROLES))
        for _ in range(rng.randint(1, 3))
    )
    logged = commands.log_interview(
        _then(ctx, min(interview_at - timedelta(days=1), now)),
        company,
        at=interview_at,
        people=people,
        kind=rng.choice(("phone", "video", "onsite", "final")),
    )
    ends = interview_at + timedelta(hours=1)
    if ends >= now:
        return
    for index, name in enumerate(logged.interviewers):
        # Most notes go out within the day; a few are left overdue (R3).
        sent_at = ends + timedelta(hours=rng.uniform(1, 20))
        if rng.random() < 0.85 and sent_at < now:
            actions.mark_thanks(
                _then(ctx, sent_at),
                company,
                name,
                force=True,
                note=f"Thank you, {name}: note {index} about {rng.choice(_TOPICS)}.",
            )
    decided = ends + timedelta(days=rng.uniform(3, 20))
    if decided >= now:
        return
    later = _then(ctx, decided)
    if roll < 0.50:
        actions.log_followup(later, application_id=app_id, force=True)
    elif roll < 0.62:
        commands.reject(later, company, friendly=True, application_id=app_id)
        check = decided + timedelta(days=rng.uniform(20, 60))
        if check < now and rng.random() < 0.5:
            actions.check_in(_then(ctx, check), company, note="Caught up over coffee.")
    elif roll < 0.75:
        commands.reject(later, company, friendly=False, application_id=app_id)
    elif roll < 0.81:
        commands.move(later, company, Status.GHOSTED, application_id=app_id)
    elif roll < 0.86:
        commands.move(later, company, Status.ON_HOLD, application_id=app_id)
    elif roll < 0.89:
        commands.move(later, company, Status.OFFER, application_id=app_id)
    elif roll < 0.91:
        commands.move(later, company, Status.WITHDRAWN, application_id=app_id)


_SOURCES = ("referral", "job board", "company site", "recruiter", "meetup")
_PEOPLE_ROLES = ("Recruiter", "Engineering Manager", "Staff Engineer", "Director", "Peer")
_TOPICS = ("on-call", "the roadmap", "mentoring", "the migration", "team rituals", "hiring")
