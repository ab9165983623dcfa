"""Synthetic job searches as data: what happened to each application, and when.

A pure function of a seed and a clock (no I/O), so one plan can be replayed through the
commands one per step (`demo.replay_with_commands`) or written in one go
(`demo.write_plan`, what `pursuit demo --apps N` uses), and the two compared.
"""

from __future__ import annotations

import random
from collections.abc import Generator, Iterator
from datetime import UTC, datetime, timedelta, tzinfo

from pursuit.domain.dates.zones import local_to_utc
from pursuit.domain.matching import name_key
from pursuit.domain.people import Person
from pursuit.domain.status import Status
from pursuit.store.steps import (
    Apply,
    CheckIn,
    FollowUp,
    HeardBack,
    Interview,
    Move,
    Reject,
    Step,
    Thanks,
)

ROLES = (
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
SOURCES = ("referral", "job board", "company site", "recruiter", "meetup")
FIRST = ("Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo")
LAST = ("Okafor", "Silva", "Kim", "Novak", "Haddad", "Berg", "Ito", "Moreau", "Rossi", "Shah")
PEOPLE_ROLES = ("Recruiter", "Engineering Manager", "Staff Engineer", "Director", "Peer")
TOPICS = ("on-call", "the roadmap", "mentoring", "the migration", "team rituals", "hiring")
REPLIES = (
    "Recruiter asked for a call this week.",
    "They liked the portfolio; a screen is next.",
    "Hiring manager wants to talk.",
)
DECIDING = ("They are deciding this week.", "Waiting on one more interviewer's feedback.")
GUIDANCE = ("in two weeks", "after the team offsite", "early next month", "after the 15th")

NOTES_PER_COMPANY = 4
"""At most this many thank-you notes to one company: a fifth rarely finds a draft under R2's
distinctness margin, and thank_you_draft then tries all 64 variants (about 40 ms each)."""
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


def local_time(
    now: datetime, tz: tzinfo, days_ago: float, hour: int = 10, minute: int = 0
) -> datetime:
    """`days_ago` days before `now`, at hour:minute on that local day (as UTC)."""
    day = (now - timedelta(days=days_ago)).astimezone(tz)
    naive = day.replace(hour=hour, minute=minute, tzinfo=None, second=0, microsecond=0)
    return local_to_utc(naive, tz)


def company_name(index: int) -> str:
    return f"Company {index:05d}"


def plan(n: int, *, now: datetime, tz: tzinfo, seed: int = 7) -> list[Step]:
    """N applications over the last 90 days, about ten actions and events each: every
    status, interviews (some to come, some with the employer's date), thank-you notes sent
    and overdue, follow-ups, replies, and bridges with check-ins."""
    rng = random.Random(seed)
    days = _Days(now, tz)
    # Compared with thousands of UTC instants: one zone lookup, not one per comparison.
    now = now.astimezone(UTC)
    steps: list[Step] = []
    for i in range(n):
        steps.extend(_Story(rng, company_name(i), now, days).steps())
    return steps


class _Days(dict[tuple[int, int], datetime]):
    """(days ago, hour) to that local time as UTC, each looked up in the zone once: a zone
    without a fast path (tzlocal) costs tens of microseconds per conversion."""

    def __init__(self, now: datetime, tz: tzinfo) -> None:
        super().__init__()
        self.today = now.astimezone(tz).replace(tzinfo=None, second=0, microsecond=0)
        self.tz = tz

    def __missing__(self, key: tuple[int, int]) -> datetime:
        days_ago, hour = key
        naive = (self.today - days_ago * DAY).replace(hour=hour, minute=0)
        value = self[key] = local_to_utc(naive, self.tz)
        return value


class _Story:
    def __init__(self, rng: random.Random, company: str, now: datetime, days: _Days) -> None:
        self.rng = rng
        self.company = company
        self.now = now
        self.days = days
        self.met: list[Person] = []

    def steps(self) -> Iterator[Step]:
        rng, company, now = self.rng, self.company, self.now
        applied = self.days[rng.randint(1, 90), rng.randint(8, 18)]
        roll = rng.random()
        role = rng.choice(ROLES)
        if roll < 0.05:
            yield Apply(applied, company, role, wishlist=True)
            return
        yield Apply(applied, company, role, source=rng.choice(SOURCES))
        if roll < 0.25:
            yield from self._unanswered(applied + rng.uniform(8, 12) * DAY)
            return
        screened = applied + rng.uniform(2, 6) * DAY
        if screened >= now:
            return
        if rng.random() < 0.6:
            yield HeardBack(screened - rng.uniform(2, 20) * HOUR, company, rng.choice(REPLIES))
        yield Move(screened, company, Status.SCREENING)
        if roll < 0.35:
            t = screened + rng.uniform(8, 12) * DAY
            if rng.random() < 0.7 and t < now:
                yield FollowUp(t, company)
            return
        first = screened + rng.uniform(1, 14) * DAY + rng.randint(0, 6) * HOUR
        ends = yield from self._interview(first, ("phone", "video", "onsite"), 3)
        if ends is None:
            return
        if rng.random() < 0.4 and len(self.met) < NOTES_PER_COMPANY:
            # A second round: more notes to the same company, which must read differently (R2).
            ends = yield from self._interview(
                ends + rng.uniform(4, 10) * DAY,
                ("onsite", "final"),
                NOTES_PER_COMPANY - len(self.met),
            )
            if ends is None:
                return
        decided = ends + rng.uniform(3, 20) * DAY
        word = ends + rng.uniform(1, 3) * DAY
        if rng.random() < 0.5 and word < min(decided, now):
            yield HeardBack(word, company, rng.choice(DECIDING))
        if decided < now:
            yield from self._outcome(roll, decided)

    def _unanswered(self, t: datetime) -> Iterator[Step]:
        """No answer to the application: follow up, again, then call it ghosted (R5)."""
        rng, company, now = self.rng, self.company, self.now
        for chance in (0.7, 0.5):
            if rng.random() >= chance or t >= now:
                return
            yield FollowUp(t, company)
            t += rng.uniform(7, 10) * DAY
        if rng.random() < 0.5 and t < now:
            yield Move(t, company, Status.GHOSTED)

    def _panel(self, size: int) -> tuple[Person, ...]:
        rng = self.rng
        people: list[Person] = []
        if self.met and rng.random() < 0.5:
            people.append(rng.choice(self.met))  # someone from the last round again
        for _ in range(rng.randint(1, size) - len(people)):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            # The same name twice in one panel is one person (commands merge them).
            if all(name_key(p.name) != name_key(name) for p in people):
                people.append(Person(name, rng.choice(PEOPLE_ROLES)))
        self.met = people
        return tuple(people)

    def _interview(
        self, starts: datetime, kinds: tuple[str, ...], size: int
    ) -> Generator[Step, None, datetime | None]:
        """The interview (up to `size` people) and the notes after it; returns when it
        ended (None: still to come)."""
        rng, company, now = self.rng, self.company, self.now
        people = self._panel(size)
        ends = starts + HOUR
        check_back, said = None, None
        if rng.random() < 0.3:
            # R4: the employer said when to check back.
            check_back, said = ends + rng.uniform(7, 21) * DAY, rng.choice(GUIDANCE)
        yield Interview(
            min(starts - DAY, now),
            company,
            starts,
            people,
            kind=rng.choice(kinds),
            check_back=check_back,
            check_back_text=said,
        )
        if ends >= now:
            return None
        for index, person in enumerate(people):
            # Most notes go out within the day; a few are left overdue (R3).
            sent = ends + rng.uniform(1, 20) * HOUR
            if rng.random() < 0.85 and sent < now:
                topic = rng.choice(TOPICS)
                note = f"Thank you, {person.name}: note {index} about {topic}."
                yield Thanks(sent, company, person.name, note)
        return ends

    def _outcome(self, roll: float, decided: datetime) -> Iterator[Step]:
        rng, company, now = self.rng, self.company, self.now
        if roll < 0.50:
            # Still waiting: follow up, maybe twice.
            yield FollowUp(decided, company)
            again = decided + rng.uniform(7, 12) * DAY
            if rng.random() < 0.4 and again < now:
                yield FollowUp(again, company)
        elif roll < 0.62:
            # A kind no: the company becomes a bridge with a check-in cadence (R8).
            yield Reject(decided, company, friendly=True)
            check = decided + rng.uniform(20, 60) * DAY
            if check < now and rng.random() < 0.7:
                yield CheckIn(check, company, "Caught up over coffee.")
        elif roll < 0.75:
            yield Reject(decided, company, friendly=False)
        elif roll < 0.81:
            yield Move(decided, company, Status.GHOSTED)
        elif roll < 0.86:
            # A hiring freeze: on hold, followed up on the slower cadence (R9).
            yield Move(decided, company, Status.ON_HOLD)
            later = decided + rng.uniform(30, 35) * DAY
            if rng.random() < 0.6 and later < now:
                yield FollowUp(later, company)
        elif roll < 0.89:
            yield Move(decided, company, Status.OFFER)
            if decided + DAY < now:
                yield HeardBack(decided + DAY, company, "Offer details arrived.")
        elif roll < 0.91:
            yield Move(decided, company, Status.WITHDRAWN)
        elif rng.random() < 0.6:
            yield FollowUp(decided, company)  # still interviewing, nothing decided yet
