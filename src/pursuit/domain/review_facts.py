"""Step 1 of the review (issue #17): the history, prepared once, whatever the period.

`prepare` turns the history into one `AppStory` per application and sorted lists of what
happened, reading each status event's timeline line for the stage it entered and each
application's free-text source for its group.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum

from pursuit.domain.dates.zones import local_to_utc
from pursuit.domain.kinds import ActionKind, Direction, EventKind, Status
from pursuit.domain.review_history import History
from pursuit.domain.review_periods import DAY
from pursuit.domain.status import ACTIVE

FUNNEL = (Status.APPLIED, Status.SCREENING, Status.INTERVIEWING, Status.OFFER, Status.ACCEPTED)
"""The stages of the funnel, in order."""
_RANK = {s: i for i, s in enumerate(FUNNEL)}
ANSWERED_BY_MOVE = frozenset(
    {Status.SCREENING, Status.INTERVIEWING, Status.OFFER, Status.ACCEPTED, Status.REJECTED}
)
"""A move to one of these means the employer answered, even if no reply was logged."""


# --- reading the timeline ------------------------------------------------------------------

_BY_LABEL = {s.label: s for s in Status}


def entered_status(summary: str) -> Status | None:
    """The status a status event says the application entered: "applied → screening" is a
    move; "applied: Backend Engineer" (or "wishlist: …") how it was added; "reopened: …" a
    new application with a bridge, which starts as applied."""
    left, arrow, right = summary.partition(" → ")
    if arrow and left in _BY_LABEL and right in _BY_LABEL:
        return _BY_LABEL[right]
    head, colon, _title = summary.partition(": ")
    if colon:
        if head == "reopened":
            return Status.APPLIED
        return _BY_LABEL.get(head)
    return None


class SourceGroup(StrEnum):
    REFERRAL = "referral"
    JOB_BOARD = "job board"
    RECRUITER = "recruiter"
    OTHER = "other/none"


_RECRUITER_WORDS = ("recruit", "headhunt", "agency", "sourcer")
_BOARD_WORDS = (
    "board",
    "linkedin",
    "indeed",
    "glassdoor",
    "monster",
    "wellfound",
    "angellist",
    "otta",
    "ziprecruiter",
    "dice",
    "hacker news",
    "who is hiring",
    "job site",
    "jobs site",
)


def source_group(source: str | None) -> SourceGroup:
    """Where an application came from, as one of four groups (the source is free text)."""
    text = (source or "").casefold()
    if not text:
        return SourceGroup.OTHER
    if "refer" in text:
        return SourceGroup.REFERRAL
    if any(w in text for w in _RECRUITER_WORDS):
        return SourceGroup.RECRUITER
    if any(w in text for w in _BOARD_WORDS):
        return SourceGroup.JOB_BOARD
    return SourceGroup.OTHER


# --- step 1: the history, prepared once --------------------------------------------------


@dataclass(slots=True)
class AppStory:
    id: int
    source: SourceGroup
    sent: datetime | None
    """When it was sent: its applied date, else when it first entered a funnel stage (a
    wishlist entry moved on); None if never."""
    applied_at: datetime | None
    """As stored: what the options gauge (R7) counts as new."""
    reached: int
    """The furthest funnel stage reached (index into FUNNEL); -1 if none."""
    first_answer: datetime | None
    spans: tuple[tuple[datetime, Status], ...]
    """Its status from each instant on, oldest first."""


@dataclass(slots=True)
class Decided:
    """An action whose outcome is known: done by its deadline, or not."""

    at: datetime
    """When it was done (on time) or fell due (late)."""
    app_id: int | None
    on_time: bool


@dataclass(frozen=True)
class Facts:
    now: datetime
    tz: tzinfo
    apps: dict[int, AppStory]
    first: datetime | None
    """The earliest thing recorded (the start of "all time")."""
    sent: list[tuple[datetime, int]]
    interviews: list[tuple[datetime, int]]
    follow_ups: list[tuple[datetime, int, bool | None]]
    check_ins: list[tuple[datetime, int | None]]
    thank_yous: list[Decided]
    bridge_check_ins: list[Decided]
    active_changes: list[tuple[datetime, int, int]]
    """(when, +1/-1, app id): an application entering or leaving an active status, in time
    order (each application's in its own order)."""


def prepare(history: History, now: datetime, tz: tzinfo) -> Facts:
    """Everything the figures count, independent of the period: one pass over the events,
    one over the applications, one over the actions."""
    # Compared with every instant of the history: in the history's own zone (UTC), so a
    # comparison never calls a Python tzinfo's utcoffset().
    now = now.astimezone(UTC)
    known = {a.id for a in history.apps}
    # A bridge's check-in belongs to its company; shown as the company's latest application.
    latest_of: dict[int, int] = {}
    for a in history.apps:
        if a.id > latest_of.get(a.company_id, -1):
            latest_of[a.company_id] = a.id
    spans: dict[int, list[tuple[datetime, Status]]] = {}
    answers: dict[int, list[datetime]] = {}
    interviews: list[tuple[datetime, int]] = []
    follow_ups: list[tuple[datetime, int, bool | None]] = []
    check_ins: list[tuple[datetime, int | None]] = []
    entered: dict[str, Status | None] = {}
    first: datetime | None = None
    status_kind, interview_kind = EventKind.STATUS, EventKind.INTERVIEW
    follow_up_kind, check_in_kind, incoming = EventKind.FOLLOW_UP, EventKind.CHECK_IN, Direction.IN
    for e in history.events:
        at = e.at
        if at > now:
            continue  # an interview still to come
        kind, app_id = e.kind, e.application_id
        if kind == check_in_kind:
            check_ins.append((at, app_id if app_id in known else latest_of.get(e.company_id)))
        elif app_id is None or app_id not in known:
            continue
        elif kind == status_kind:
            summary = e.summary
            if summary in entered:
                status = entered[summary]
            else:
                status = entered[summary] = entered_status(summary)
            if status is None:
                continue
            spans.setdefault(app_id, []).append((at, status))
            if status in ANSWERED_BY_MOVE:
                answers.setdefault(app_id, []).append(at)
        else:
            if kind == interview_kind:
                interviews.append((at, app_id))
            elif kind == follow_up_kind:
                follow_ups.append((at, app_id, e.too_soon))
            if e.direction == incoming:
                # An interview is an answer from when it was booked: logged before it
                # took place, it counts from then.
                logged = e.logged_at
                answers.setdefault(app_id, []).append(logged if logged < at else at)
        if first is None or at < first:
            first = at

    apps: dict[int, AppStory] = {}
    groups: dict[str | None, SourceGroup] = {}
    sent: list[tuple[datetime, int]] = []
    active_changes: list[tuple[datetime, int, int]] = []
    for a in history.apps:
        app_id = a.id
        story = spans.get(app_id) or [(a.applied_at or a.created_at, a.status)]
        when = a.applied_at
        reached = -1 if when is None else 0
        since: datetime | None = None
        for t, status in story:
            rank = _RANK.get(status, -1)
            if rank > reached:
                reached = rank
            if when is None and rank >= 0:
                when = t  # a wishlist entry moved on: sent when it entered the funnel
            if status in ACTIVE:
                if since is None:
                    since = t
                    active_changes.append((t, 1, app_id))
            elif since is not None:
                if t == since:
                    active_changes.pop()  # added and closed at once (an import)
                else:
                    active_changes.append((t, -1, app_id))
                since = None
        first_answer = None
        if when is not None:
            for t in answers.get(app_id, ()):
                if t >= when and (first_answer is None or t < first_answer):
                    first_answer = t
            sent.append((when, app_id))
            if first is None or when < first:
                first = when
        group = groups.get(a.source)
        if group is None:
            group = groups[a.source] = source_group(a.source)
        apps[app_id] = AppStory(
            app_id, group, when, a.applied_at, reached, first_answer, tuple(story)
        )

    thank_yous: list[Decided] = []
    bridge_check_ins: list[Decided] = []
    for x in history.actions:
        app_id = x.application_id if x.application_id in known else None
        if x.kind == ActionKind.THANK_YOU:
            # R3's deadline is exact: due 24 h (the setting) after the interview ends.
            decided = _decided(x.due_at, x.done_at, x.due_at, now)
            if decided is not None:
                thank_yous.append(Decided(decided[0], app_id, decided[1]))
        elif x.kind == ActionKind.CHECK_IN:
            # A check-in lands on a day at the usual hour: done that day is on time.
            decided = _decided(x.due_at, x.done_at, _day_end(x.due_at, tz), now)
            if decided is not None:
                bridge_check_ins.append(
                    Decided(decided[0], app_id or latest_of.get(x.company_id), decided[1])
                )

    sent.sort()
    interviews.sort()
    follow_ups.sort(key=_first)
    check_ins.sort(key=_first)
    thank_yous.sort(key=_at)
    bridge_check_ins.sort(key=_at)
    # Stable, by time only: each application's own entries keep their order.
    active_changes.sort(key=_first)
    return Facts(
        now=now,
        tz=tz,
        apps=apps,
        first=first,
        sent=sent,
        interviews=interviews,
        follow_ups=follow_ups,
        check_ins=check_ins,
        thank_yous=thank_yous,
        bridge_check_ins=bridge_check_ins,
        active_changes=active_changes,
    )


def _first(item: tuple[datetime, object] | tuple[datetime, object, object]) -> datetime:
    return item[0]


def _at(item: Decided) -> datetime:
    return item.at


def _day_end(at: datetime, tz: tzinfo) -> datetime:
    local = at.astimezone(tz).replace(tzinfo=None, hour=0, minute=0, second=0, microsecond=0)
    return local_to_utc(local + DAY, tz) - timedelta(microseconds=1)


def _decided(
    due: datetime, done: datetime | None, deadline: datetime, now: datetime
) -> tuple[datetime, bool] | None:
    """(when it counts, on time), or None while it can still be done on time."""
    if done is not None and done <= deadline:
        return done, True
    if done is not None or deadline < now:
        return due, False
    return None


def ids_of(values: Iterable[int | None]) -> tuple[int, ...]:
    return tuple(sorted({v for v in values if v is not None}))
