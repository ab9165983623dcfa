"""How the search is going (issue #17): figures computed from the stored history.

Pure: the history comes in as plain rows (`History`), the clock and the zone are
parameters, and nothing here reads a file or the time. Two steps, so that switching the
period is cheap: `prepare` turns the history into one `AppStory` per application and
sorted lists of what happened (period-free, once), then `review` counts them for one
`Period`.

What each figure counts:

- **Funnel**: the applications sent in the period, by the furthest stage each reached by
  now (read from the status events of its timeline, "applied → screening"); one that
  reached a stage counts at every stage before it too, so each bar holds the next.
- **Activity per week**: applications sent, interviews held, follow-ups sent and
  check-ins with bridges, in 7-day weeks counted back from now.
- **Answers by source**: of the applications sent in the period, those the employer
  answered (any incoming touch, or a move to screening or further, or a rejection, after
  applying), and the median days to that first answer, by where the application came from.
- **Habits**: thank-you notes sent within their R3 deadline; follow-ups sent though R5
  said to wait; weeks under the R7 options target; check-ins with bridges done by their
  due day (R8).

Every figure keeps the ids of the applications behind it, so a screen can open them.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum

from pursuit.domain.dates.zones import local_to_utc
from pursuit.domain.kinds import ActionKind, Direction, EventKind, Status
from pursuit.domain.settings import RuleSettings
from pursuit.domain.status import ACTIVE, CLOSED

WEEK = timedelta(days=7)
DAY = timedelta(days=1)

FUNNEL = (Status.APPLIED, Status.SCREENING, Status.INTERVIEWING, Status.OFFER, Status.ACCEPTED)
"""The stages of the funnel, in order."""
_RANK = {s: i for i, s in enumerate(FUNNEL)}
ANSWERED_BY_MOVE = frozenset(
    {Status.SCREENING, Status.INTERVIEWING, Status.OFFER, Status.ACCEPTED, Status.REJECTED}
)
"""A move to one of these means the employer answered, even if no reply was logged."""


# --- the history, as the store reads it ----------------------------------------------------
# Plain slotted dataclasses, not frozen ones: a read builds some 75,000 of them at 10,000
# applications, and a frozen dataclass takes four times as long to build. Nothing here
# changes them.


@dataclass(slots=True)
class AppFact:
    """A live application."""

    id: int
    company_id: int
    status: Status
    source: str | None
    applied_at: datetime | None
    created_at: datetime


@dataclass(slots=True)
class EventFact:
    """A live timeline event the review reads: status changes, interviews, follow-ups,
    check-ins, and every incoming touch."""

    id: int
    application_id: int | None
    company_id: int
    at: datetime
    logged_at: datetime
    """When it was written (an interview is logged before or after it takes place)."""
    kind: EventKind
    direction: Direction | None
    summary: str
    """The timeline line, for status events ("applied → screening"); empty for others."""
    too_soon: bool | None = None
    """Follow-ups: sent though R5 said to wait; None when R5 was not asked."""


@dataclass(slots=True)
class ActionFact:
    """A live thank-you note or check-in, done or not."""

    kind: ActionKind
    application_id: int | None
    company_id: int
    due_at: datetime
    done_at: datetime | None


@dataclass(frozen=True)
class History:
    apps: Sequence[AppFact]
    events: Sequence[EventFact]
    """In time order (at, then id)."""
    actions: Sequence[ActionFact]


# --- periods and weeks ---------------------------------------------------------------------


class PeriodKey(StrEnum):
    WEEK = "week"
    FOUR_WEEKS = "4w"
    THREE_MONTHS = "3m"
    ALL = "all"
    SINCE = "since"


SCREEN_PERIODS = (PeriodKey.FOUR_WEEKS, PeriodKey.THREE_MONTHS, PeriodKey.ALL)
"""The review screen's period switch, in order."""
_WEEKS = {PeriodKey.WEEK: 1, PeriodKey.FOUR_WEEKS: 4, PeriodKey.THREE_MONTHS: 13}
_LABELS = {
    PeriodKey.WEEK: "last 7 days",
    PeriodKey.FOUR_WEEKS: "last 4 weeks",
    PeriodKey.THREE_MONTHS: "last 3 months",
    PeriodKey.ALL: "all time",
}


@dataclass(frozen=True)
class Period:
    key: PeriodKey
    label: str
    start: datetime | None
    """None: from the first thing recorded."""
    end: datetime
    """Now."""


def weeks_back(now: datetime, tz: tzinfo, weeks: int) -> datetime:
    """The instant `weeks` weeks before `now` at the same local time (DST-correct)."""
    local = now.astimezone(tz).replace(tzinfo=None)
    return local_to_utc(local - weeks * WEEK, tz)


def period(key: PeriodKey, now: datetime, tz: tzinfo, since: datetime | None = None) -> Period:
    """A named period ending now. "3 months" is 13 whole weeks, so every week shown is a
    full one; "since" starts at `since`, and its oldest week may be short."""
    now = now.astimezone(UTC)
    if key == PeriodKey.SINCE:
        if since is None:
            raise ValueError("a 'since' period needs its start")
        local = since.astimezone(tz)
        return Period(key, f"since {local:%a %d %b %Y}", since.astimezone(UTC), now)
    if key == PeriodKey.ALL:
        return Period(key, _LABELS[key], None, now)
    return Period(key, _LABELS[key], weeks_back(now, tz, _WEEKS[key]), now)


@dataclass(frozen=True)
class Week:
    start: datetime
    end: datetime
    whole: bool
    """Seven full days (the oldest week of a period can be cut short by its start)."""


def week_buckets(start: datetime, now: datetime, tz: tzinfo) -> tuple[Week, ...]:
    """7-day weeks ending now, oldest first, back to `start` (the oldest cut at it)."""
    out: list[Week] = []
    end = now
    k = 1
    while True:
        begin = weeks_back(now, tz, k)
        if begin <= start:
            out.append(Week(start, end, whole=begin == start))
            break
        out.append(Week(begin, end, whole=True))
        end, k = begin, k + 1
    out.reverse()
    return tuple(out)


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


# --- step 2: the figures of one period -------------------------------------------------


def _ids(values: Iterable[int | None]) -> tuple[int, ...]:
    return tuple(sorted({v for v in values if v is not None}))


@dataclass(frozen=True)
class Stage:
    key: str
    label: str
    status: Status
    count: int
    conversion: float | None
    """Share of the stage before that reached this one (None for the first, or when the
    stage before is empty)."""
    of_sent: float | None
    ids: tuple[int, ...]


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    counts: tuple[int, ...]
    """One per week, oldest first."""
    week_ids: tuple[tuple[int, ...], ...]
    ids: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class SourceLine:
    key: str
    label: str
    source: SourceGroup | None
    """None: every source together."""
    sent: int
    answered: int
    rate: float | None
    median_days: float | None
    ids: tuple[int, ...]
    answered_ids: tuple[int, ...]


@dataclass(frozen=True)
class Habit:
    key: str
    label: str
    rule: str
    count: int
    """How many did what the label says."""
    total: int
    good_when_high: bool
    ids: tuple[int, ...]
    flagged: tuple[int, ...]
    """The applications where the habit slipped (late, too soon, under target)."""
    note: str = ""

    @property
    def share(self) -> float | None:
        return self.count / self.total if self.total else None


@dataclass(frozen=True)
class TargetWeek:
    week: Week
    active: int
    new: int
    under: bool | None
    """None: a short week, not judged."""


@dataclass(frozen=True)
class Review:
    period: Period
    start: datetime
    """Where the period starts in fact ("all time" starts at the first record)."""
    weeks: tuple[Week, ...]
    funnel: tuple[Stage, ...]
    activity: tuple[Series, ...]
    sources: tuple[SourceLine, ...]
    habits: tuple[Habit, ...]
    target_weeks: tuple[TargetWeek, ...]
    target_active: int
    target_new: int

    def figures(self) -> dict[str, Stage | Series | SourceLine | Habit]:
        """Every selectable figure by its key, in the order shown."""
        found: list[Stage | Series | SourceLine | Habit] = [
            *self.funnel,
            *self.activity,
            *self.sources,
            *self.habits,
        ]
        return {f.key: f for f in found}


def review(facts: Facts, p: Period, settings: RuleSettings) -> Review:
    now, tz = facts.now, facts.tz
    start = p.start if p.start is not None else (facts.first or weeks_back(now, tz, 1))
    start = min(start, now)
    weeks = week_buckets(start, now, tz)
    cohort = [
        facts.apps[i] for t, i in facts.sent[bisect_left(facts.sent, (start, -1)) :] if t <= now
    ]
    target_weeks = _target_weeks(facts, weeks, settings)
    return Review(
        period=p,
        start=start,
        weeks=weeks,
        funnel=_funnel(cohort),
        activity=_activity(facts, weeks),
        sources=_sources(cohort),
        habits=_habits(facts, start, target_weeks, settings),
        target_weeks=target_weeks,
        target_active=settings.target_active,
        target_new=settings.target_new_per_week,
    )


def _funnel(cohort: list[AppStory]) -> tuple[Stage, ...]:
    stages: list[Stage] = []
    previous: int | None = None
    sent = len(cohort)
    for rank, status in enumerate(FUNNEL):
        ids = _ids(a.id for a in cohort if a.reached >= rank)
        count = len(ids)
        conversion = count / previous if previous else None
        stages.append(
            Stage(
                key=f"funnel.{status.value}",
                label=status.label,
                status=status,
                count=count,
                conversion=conversion,
                of_sent=count / sent if sent else None,
                ids=ids,
            )
        )
        previous = count
    return tuple(stages)


Timed = tuple[datetime, int] | tuple[datetime, int | None] | tuple[datetime, int, bool | None]


def _per_week(
    weeks: tuple[Week, ...], items: Sequence[Timed]
) -> tuple[tuple[int, ...], tuple[tuple[int, ...], ...], tuple[int, ...]]:
    """(count per week, app ids per week, all ids) of items in time order (when, app id,
    …) that fall in the weeks: one walk from the first week's start."""
    counts = [0] * len(weeks)
    ids: list[set[int]] = [set() for _ in weeks]
    last, w, end = weeks[-1].end, 0, weeks[0].end
    final = len(weeks) - 1
    for item in items[bisect_left(items, (weeks[0].start,)) :]:
        at = item[0]
        if at > last:
            break
        while at >= end and w < final:
            w += 1
            end = weeks[w].end
        counts[w] += 1
        if item[1] is not None:
            ids[w].add(item[1])
    every = _ids(i for s in ids for i in s)
    return tuple(counts), tuple(tuple(sorted(s)) for s in ids), every


def _activity(facts: Facts, weeks: tuple[Week, ...]) -> tuple[Series, ...]:
    rows: list[tuple[str, str, Sequence[Timed]]] = [
        ("sent", "applications sent", facts.sent),
        ("interviews", "interviews", facts.interviews),
        ("follow_ups", "follow-ups", facts.follow_ups),
        ("check_ins", "check-ins", facts.check_ins),
    ]
    out = []
    for key, label, items in rows:
        counts, week_ids, ids = _per_week(weeks, items)
        out.append(Series(f"activity.{key}", label, counts, week_ids, ids))
    return tuple(out)


def _sources(cohort: list[AppStory]) -> tuple[SourceLine, ...]:
    groups: list[tuple[SourceGroup | None, list[AppStory]]] = [
        (g, [a for a in cohort if a.source == g]) for g in SourceGroup
    ]
    groups.append((None, cohort))
    out = []
    for group, apps in groups:
        answered = [a for a in apps if a.first_answer is not None]
        days = [
            (a.first_answer - a.sent).total_seconds() / 86400
            for a in answered
            if a.first_answer is not None and a.sent is not None
        ]
        out.append(
            SourceLine(
                key=f"source.{group.name.lower() if group else 'all'}",
                label=group.value if group else "all sources",
                source=group,
                sent=len(apps),
                answered=len(answered),
                rate=len(answered) / len(apps) if apps else None,
                median_days=statistics.median(days) if days else None,
                ids=_ids(a.id for a in apps),
                answered_ids=_ids(a.id for a in answered),
            )
        )
    return tuple(out)


def _in_period(items: list[Decided], start: datetime, now: datetime) -> list[Decided]:
    return [d for d in items if start <= d.at <= now]


def _hours(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    if hours % 24 == 0:
        days = int(hours // 24)
        return f"{days * 24} h" if days == 1 else f"{days} d"
    return f"{hours:g} h"


def _habits(
    facts: Facts, start: datetime, weeks: tuple[TargetWeek, ...], settings: RuleSettings
) -> tuple[Habit, ...]:
    now = facts.now
    thanks = _in_period(facts.thank_yous, start, now)
    late = [d for d in thanks if not d.on_time]
    follow = [f for f in facts.follow_ups if start <= f[0] <= now]
    checked = [f for f in follow if f[2] is not None]
    early = [f for f in checked if f[2]]
    unasked = len(follow) - len(checked)
    checks = _in_period(facts.bridge_check_ins, start, now)
    missed = [d for d in checks if not d.on_time]
    judged = [w for w in weeks if w.under is not None]
    under = [w for w in judged if w.under]
    under_ids = _active_during(facts, [w.week.end for w in under])
    return (
        Habit(
            key="habit.thank_you",
            label=f"thank-you notes sent within {_hours(settings.thank_you_window)}",
            rule="R3",
            count=len(thanks) - len(late),
            total=len(thanks),
            good_when_high=True,
            ids=_ids(d.app_id for d in thanks),
            flagged=_ids(d.app_id for d in late),
        ),
        Habit(
            key="habit.too_soon",
            label="follow-ups sent though R5 said wait",
            rule="R5",
            count=len(early),
            total=len(checked),
            good_when_high=False,
            ids=_ids(f[1] for f in follow),
            flagged=_ids(f[1] for f in early),
            note=f"{unasked} logged before pursuit kept this" if unasked else "",
        ),
        Habit(
            key="habit.under_target",
            label="weeks under the options target",
            rule="R7",
            count=len(under),
            total=len(judged),
            good_when_high=False,
            ids=under_ids,
            flagged=under_ids,
            note=f"{settings.target_active} active, {settings.target_new_per_week} new a week",
        ),
        Habit(
            key="habit.check_in",
            label="check-ins with bridges on time",
            rule="R8",
            count=len(checks) - len(missed),
            total=len(checks),
            good_when_high=True,
            ids=_ids(d.app_id for d in checks),
            flagged=_ids(d.app_id for d in missed),
        ),
    )


def _status_at(story: AppStory, at: datetime) -> Status | None:
    status = None
    for t, s in story.spans:
        if t > at:
            break
        status = s
    return status


def _target_weeks(
    facts: Facts, weeks: tuple[Week, ...], settings: RuleSettings
) -> tuple[TargetWeek, ...]:
    """R7 at the end of each week: active applications then, and new ones that week, as the
    options gauge counts them (applied that week and not closed by its end)."""
    ends = [w.end for w in weeks]
    active = _active_counts(facts, ends)
    out = []
    sent = facts.sent
    for week, count in zip(weeks, active, strict=True):
        new = 0
        # An application's applied date, when it has one, is when it was sent.
        i = bisect_left(sent, (week.end - WEEK, -1))
        while i < len(sent) and sent[i][0] <= week.end:
            story = facts.apps[sent[i][1]]
            if story.applied_at is not None and _status_at(story, week.end) not in CLOSED:
                new += 1
            i += 1
        under = None
        if week.whole:
            under = count < settings.target_active or new < settings.target_new_per_week
        out.append(TargetWeek(week, count, new, under))
    return tuple(out)


def _active_counts(facts: Facts, ends: Sequence[datetime]) -> list[int]:
    """How many applications were active at each instant (sorted), by one sweep."""
    counts = []
    changes = facts.active_changes
    i = total = 0
    for end in ends:
        while i < len(changes) and changes[i][0] <= end:
            total += changes[i][1]
            i += 1
        counts.append(total)
    return counts


def _active_during(facts: Facts, ends: Sequence[datetime]) -> tuple[int, ...]:
    """The applications active at any of these instants."""
    if not ends:
        return ()
    ends = sorted(ends)
    found: set[int] = set()
    opened: dict[int, datetime] = {}
    for at, step, app_id in facts.active_changes:
        if step > 0:
            opened[app_id] = at
            continue
        began = opened.pop(app_id, None)
        # Active from `began` until just before `at`: does an instant fall in between?
        if began is not None and bisect_left(ends, at) > bisect_left(ends, began):
            found.add(app_id)
    for app_id, began in opened.items():
        if ends[-1] >= began:
            found.add(app_id)
    return tuple(sorted(found))
