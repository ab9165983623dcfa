"""The timer service's brain: what is due, what is overdue, and when to wake next.

Overdue is always computed from the clock reading passed in, never from counting timer
ticks, so a laptop that slept or a clock that jumped still gets the right answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum

from pursuit.domain.dates.showing import show_when
from pursuit.domain.dates.zones import local_to_utc
from pursuit.domain.matching import fold
from pursuit.domain.options import OptionsGauge
from pursuit.domain.settings import RuleSettings
from pursuit.store import action_reads, agenda_reads, count_reads
from pursuit.store.database import Database

MAX_SLEEP = timedelta(minutes=1)


class Bucket(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"


OPTIONS = "options"
"""The kind of the options nudge (R7): a row of the agenda that is not a stored action."""
INTERVIEW = "interview"
"""An interview still to come: on the agenda so the day's plan is in one place."""


@dataclass(frozen=True)
class AgendaItem:
    kind: str
    """An ActionKind (thank_you, follow_up, check_in), or OPTIONS for the R7 nudge."""
    bucket: Bucket
    due: datetime
    what: str
    company: str | None = None
    company_id: int | None = None
    application_id: int | None = None
    action_id: int | None = None
    contact: str | None = None
    title: str | None = None
    guessed: bool = False
    draft: str = ""
    notified: bool = False
    loud: bool = False
    """The options nudge while an offer or final round is in play: it is shown loudest."""
    interview_id: int | None = None
    """An interview still to come (kind INTERVIEW)."""

    @property
    def overdue(self) -> bool:
        return self.bucket == Bucket.OVERDUE

    @property
    def key(self) -> str:
        if self.action_id is not None:
            return f"a{self.action_id}"
        if self.interview_id is not None:
            return f"i{self.interview_id}"
        return self.kind


@dataclass(frozen=True)
class Agenda:
    items: list[AgendaItem]
    gauge: OptionsGauge
    overdue: int
    today: int
    next_due: datetime | None
    revision: int = 0
    now: datetime = field(default_factory=lambda: datetime.min)
    unannounced: list[AgendaItem] = field(default_factory=list)
    """Overdue and not announced since they fell due: all of them, not just the first page."""


def local_day_end(now: datetime, tz: tzinfo) -> datetime:
    local = now.astimezone(tz)
    midnight = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return local_to_utc(midnight.replace(tzinfo=None), tz)


def bucket(due: datetime, now: datetime, day_end: datetime) -> Bucket:
    if due <= now:
        return Bucket.OVERDUE
    return Bucket.TODAY if due < day_end else Bucket.UPCOMING


def _who(name: str, role: str | None) -> str:
    return f"{name} ({role})" if role else name


def describe(
    row: action_reads.ActionRow, tz: tzinfo | None = None, now: datetime | None = None
) -> str:
    who = _who(row.contact, row.contact_role) if row.contact else None
    if row.kind == "thank_you":
        return f"Thank {who}" if who else "Send a thank-you note"
    if row.kind == "follow_up":
        # R4: a date we guessed is shown as one, with a nudge to ask the employer.
        return "Follow up (a guess: ask them when)" if row.guessed else "Follow up (as they asked)"
    if row.kind == "check_in":
        return (
            f"Check in with {who}: ask about other roles"
            if who
            else "Check in: ask about other roles"
        )
    if row.kind == "answer_offer":
        by = show_when(row.due_at, tz or UTC, now)
        return f"Answer the offer from {row.company} by {by}"
    if row.kind == "withdraw":
        return f"Withdraw from {row.company}: you accepted another offer"
    return row.kind


def build_agenda(
    db: Database,
    now: datetime,
    tz: tzinfo,
    settings: RuleSettings,
    *,
    limit: int | None = None,
    announce: bool = True,
    search: str = "",
) -> Agenda:
    """The agenda at `now`; with announce=False the (possibly long) list of unannounced
    overdue actions is left for `announcements`, so the app can paint first. With
    `search`, only the actions (and the nudge) that mention it; the counts stay whole."""
    day_end = local_day_end(now, tz)
    with db.read() as conn:
        rows = action_reads.pending_actions(conn, limit=limit, search=search)
        not_yet = agenda_reads.notes_not_yet_owed(conn, now)
        interviews = agenda_reads.upcoming_interviews(conn, now, limit=limit)
        quiet = agenda_reads.search_ended(conn) or agenda_reads.nudge_quiet(conn, now)
        fresh = action_reads.unannounced_overdue(conn, now) if announce else []
        overdue, today = count_reads.due_counts(conn, now, day_end)
        counts = count_reads.gauge_counts(conn, now)
        nxt = action_reads.next_due_after(conn, now)
        revision = count_reads.revision(conn)
    gauge = OptionsGauge(
        counts.active,
        counts.new_this_week,
        settings.target_active,
        settings.target_new_per_week,
        counts.loud,
    )
    items = [_item(r, now, day_end, tz) for r in rows if r.id not in not_yet]
    # Announcements come from their own query, not from the (paged) list: the hundred-and-
    # first overdue action must be announced too.
    unannounced = [_item(r, now, day_end, tz) for r in fresh if r.id not in not_yet]
    upcoming = [_interview(i, now, day_end, tz) for i in interviews]
    items += [i for i in upcoming if not search or fold(search) in fold(i.what)]
    nudge = None if quiet else gauge.nudge
    nudge_item = None
    if nudge is not None and (not search or fold(search) in fold(nudge)):
        item = AgendaItem(
            kind=OPTIONS,
            bucket=Bucket.TODAY,
            due=now,
            what=nudge,
            draft=gauge.short_nudge or nudge,
            loud=gauge.loud,
        )
        nudge_item = item
    return Agenda(
        in_order(items, nudge_item), gauge, overdue, today, nxt, revision, now, unannounced
    )


def in_order(items: list[AgendaItem], nudge: AgendaItem | None) -> list[AgendaItem]:
    """Overdue first, whatever it is; then offers waiting for an answer (their deadline is
    the one that matters most); then the rest of today; then the options nudge (loud or
    not, it never hides something overdue); then what is coming, soonest first."""

    def rank(item: AgendaItem) -> int:
        if item.overdue:
            return 0
        if item.kind == "answer_offer":
            return 1
        return 2 if item.bucket == Bucket.TODAY else 4

    ordered = sorted(items, key=lambda i: (rank(i), i.due))
    if nudge is not None:
        at = sum(1 for i in ordered if rank(i) < 4)
        ordered.insert(at, nudge)
    return ordered


def _interview(
    i: agenda_reads.UpcomingInterview, now: datetime, day_end: datetime, tz: tzinfo
) -> AgendaItem:
    people = ", ".join(_who(name, role) for name, role in i.people)
    return AgendaItem(
        kind=INTERVIEW,
        bucket=bucket(i.starts_at, now, day_end),
        due=i.starts_at,
        what=f"Interview at {i.company}, {show_when(i.starts_at, tz, now)}"
        + (f", with {people}" if people else ""),
        company=i.company,
        company_id=i.company_id,
        application_id=i.application_id,
        title=i.title,
        interview_id=i.interview_id,
        notified=True,  # an interview to come is not overdue news
    )


def _item(
    r: action_reads.ActionRow, now: datetime, day_end: datetime, tz: tzinfo | None = None
) -> AgendaItem:
    return AgendaItem(
        kind=r.kind,
        bucket=bucket(r.next_at, now, day_end),
        due=r.next_at,
        what=describe(r, tz, now),
        company=r.company,
        company_id=r.company_id,
        application_id=r.application_id,
        action_id=r.id,
        contact=r.contact,
        title=r.title,
        guessed=r.guessed,
        draft=r.draft,
        # Announced since it last fell due (a snooze makes it due, and news, again).
        notified=r.notified_at is not None and r.notified_at >= r.next_at,
    )


def announcements(db: Database, now: datetime, tz: tzinfo) -> list[AgendaItem]:
    """Overdue actions not announced since they last fell due: all of them."""
    day_end = local_day_end(now, tz)
    with db.read() as conn:
        not_yet = agenda_reads.notes_not_yet_owed(conn, now)
        return [
            _item(r, now, day_end, tz)
            for r in action_reads.unannounced_overdue(conn, now)
            if r.id not in not_yet
        ]


def seconds_until_wake(next_due: datetime | None, now: datetime) -> float:
    """Sleep until the next action falls due, but never more than a minute."""
    if next_due is None:
        return MAX_SLEEP.total_seconds()
    return max(0.05, min((next_due - now).total_seconds(), MAX_SLEEP.total_seconds()))


class OverdueNotifier:
    """Remembers which actions were announced as overdue, so each is announced once: once per
    time it falls due (a snoozed action that falls due again is news again)."""

    def __init__(self) -> None:
        self._seen: set[tuple[int, datetime]] = set()

    def newly_overdue(self, agenda: Agenda) -> list[AgendaItem]:
        return self.newly_overdue_items(agenda.unannounced)

    def newly_overdue_items(self, items: Iterable[AgendaItem]) -> list[AgendaItem]:
        fresh: list[AgendaItem] = []
        for item in items:
            if item.action_id is None:
                continue
            key = (item.action_id, item.due)
            if key not in self._seen:
                self._seen.add(key)
                fresh.append(item)
        return fresh
