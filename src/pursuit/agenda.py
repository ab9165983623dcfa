"""The timer service's brain: what is due, what is overdue, and when to wake next.

Overdue is always computed from the clock reading passed in, never from counting timer
ticks, so a laptop that slept or a clock that jumped still gets the right answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum

from pursuit.domain.dates import local_to_utc
from pursuit.domain.matching import fold
from pursuit.domain.options import OptionsGauge
from pursuit.domain.settings import RuleSettings
from pursuit.store import reads
from pursuit.store.database import Database

MAX_SLEEP = timedelta(minutes=1)


class Bucket(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"


OPTIONS = "options"
"""The kind of the options nudge (R7): a row of the agenda that is not a stored action."""


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

    @property
    def overdue(self) -> bool:
        return self.bucket == Bucket.OVERDUE

    @property
    def key(self) -> str:
        return f"a{self.action_id}" if self.action_id is not None else self.kind


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


def describe(row: reads.ActionRow) -> str:
    who = f"{row.contact} ({row.contact_role})" if row.contact and row.contact_role else row.contact
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
        rows = reads.pending_actions(conn, limit=limit, search=search)
        fresh = reads.unannounced_overdue(conn, now) if announce else []
        overdue, today = reads.due_counts(conn, now, day_end)
        counts = reads.gauge_counts(conn, now)
        nxt = reads.next_due_after(conn, now)
        revision = reads.revision(conn)
    gauge = OptionsGauge(
        counts.active,
        counts.new_this_week,
        settings.target_active,
        settings.target_new_per_week,
        counts.loud,
    )
    items = [_item(r, now, day_end) for r in rows]
    # Announcements come from their own query, not from the (paged) list: the hundred-and-
    # first overdue action must be announced too.
    unannounced = [_item(r, now, day_end) for r in fresh]
    nudge = gauge.nudge
    if nudge is not None and (not search or fold(search) in fold(nudge)):
        item = AgendaItem(
            kind=OPTIONS,
            bucket=Bucket.TODAY,
            due=now,
            what=nudge,
            draft=gauge.short_nudge or nudge,
            loud=gauge.loud,
        )
        # Loud when an offer or final round is in play: first of all; otherwise after overdue.
        at = 0 if gauge.loud else sum(1 for i in items if i.overdue)
        items.insert(at, item)
    return Agenda(items, gauge, overdue, today, nxt, revision, now, unannounced)


def _item(r: reads.ActionRow, now: datetime, day_end: datetime) -> AgendaItem:
    return AgendaItem(
        kind=r.kind,
        bucket=bucket(r.next_at, now, day_end),
        due=r.next_at,
        what=describe(r),
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
        return [_item(r, now, day_end) for r in reads.unannounced_overdue(conn, now)]


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
