"""Issue #17's figures, from hand-built histories at a fixed clock."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from dateutil import tz as dateutil_tz

from pursuit.domain.kinds import ActionKind, Direction, EventKind, Status
from pursuit.domain.options import AppSnapshot, options_gauge
from pursuit.domain.review import Review, review
from pursuit.domain.review_facts import SourceGroup, entered_status, prepare, source_group
from pursuit.domain.review_history import ActionFact, AppFact, EventFact, History
from pursuit.domain.review_periods import PeriodKey, period, week_buckets, weeks_back
from pursuit.domain.settings import DEFAULTS, RuleSettings

_NY = dateutil_tz.gettz("America/New_York")
assert _NY is not None
NY = _NY
# A Monday morning in New York; the DST change (8 March 2026) is inside "the last 4 weeks".
NOW = datetime(2026, 3, 16, 9, 0, tzinfo=NY)
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


def ago(days: float) -> datetime:
    return (NOW - days * DAY).astimezone(UTC)


@dataclass
class Search:
    """A history written the way pursuit writes one: each application starts with its
    "applied: ROLE" status event, and each move is an "old → new" event."""

    apps: dict[int, AppFact] = field(default_factory=dict)
    events: list[EventFact] = field(default_factory=list)
    actions: list[ActionFact] = field(default_factory=list)

    def _event(
        self,
        app_id: int | None,
        days: float,
        kind: EventKind,
        *,
        direction: Direction | None = None,
        summary: str = "",
        logged: float | None = None,
        too_soon: bool | None = None,
        company: int | None = None,
    ) -> None:
        company_id = company if company is not None else self.apps[app_id or 0].company_id
        self.events.append(
            EventFact(
                len(self.events) + 1,
                app_id,
                company_id,
                ago(days),
                ago(days if logged is None else logged),
                kind,
                direction,
                summary,
                too_soon,
            )
        )

    def add(
        self,
        app_id: int,
        days: float | None,
        *,
        source: str | None = None,
        wishlist: bool = False,
        company: int | None = None,
    ) -> Search:
        status = Status.WISHLIST if wishlist else Status.APPLIED
        when = None if days is None or wishlist else ago(days)
        self.apps[app_id] = AppFact(app_id, company or app_id, status, source, when, ago(days or 0))
        self._event(
            app_id,
            days or 0,
            EventKind.STATUS,
            summary=f"{status.label}: Engineer → Lead",  # a title with an arrow in it
            direction=None if wishlist else Direction.OUT,
        )
        return self

    def move(self, app_id: int, days: float, new: Status) -> Search:
        old = self.apps[app_id].status
        self.apps[app_id] = replace(self.apps[app_id], status=new)
        self._event(app_id, days, EventKind.STATUS, summary=f"{old.label} → {new.label}")
        if new == Status.REJECTED:
            self._event(app_id, days, EventKind.REJECTED, direction=Direction.IN)
        return self

    def heard(self, app_id: int, days: float) -> Search:
        self._event(app_id, days, EventKind.REPLY, direction=Direction.IN)
        return self

    def interview(self, app_id: int, days: float, *, logged: float | None = None) -> Search:
        self._event(app_id, days, EventKind.INTERVIEW, direction=Direction.IN, logged=logged)
        return self

    def follow_up(self, app_id: int, days: float, too_soon: bool | None) -> Search:
        self._event(app_id, days, EventKind.FOLLOW_UP, direction=Direction.OUT, too_soon=too_soon)
        return self

    def check_in(self, company: int, days: float) -> Search:
        self._event(None, days, EventKind.CHECK_IN, direction=Direction.OUT, company=company)
        return self

    def action(
        self,
        kind: ActionKind,
        app_id: int | None,
        due: datetime,
        done: datetime | None,
        company: int | None = None,
    ) -> Search:
        company_id = company if company is not None else self.apps[app_id or 0].company_id
        self.actions.append(ActionFact(kind, app_id, company_id, due, done))
        return self

    def history(self) -> History:
        return History(
            list(self.apps.values()),
            sorted(self.events, key=lambda e: (e.at, e.id)),
            self.actions,
        )

    def review(
        self, key: PeriodKey = PeriodKey.FOUR_WEEKS, settings: RuleSettings = DEFAULTS
    ) -> Review:
        facts = prepare(self.history(), NOW, NY)
        return review(facts, period(key, NOW, NY), settings)


# --- reading the timeline ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("summary", "status"),
    [
        ("applied → screening", Status.SCREENING),
        ("on hold → interviewing", Status.INTERVIEWING),
        ("interviewing → rejected", Status.REJECTED),
        ("applied: Backend Engineer", Status.APPLIED),
        ("wishlist: Replicant UX Lead", Status.WISHLIST),
        ("reopened: Platform Engineer", Status.APPLIED),
        # A title with an arrow or a colon in it is still how the application was added.
        ("applied: Import → Export: Analyst", Status.APPLIED),
        ("applied: screening → offer", Status.APPLIED),
        ("screening → nonsense", None),
        ("rejected", None),
        ("kept as a bridge: check in every 90 days", None),
        ("", None),
    ],
)
def test_entered_status(summary: str, status: Status | None) -> None:
    assert entered_status(summary) == status


@pytest.mark.parametrize(
    ("source", "group"),
    [
        (None, SourceGroup.OTHER),
        ("", SourceGroup.OTHER),
        ("referral", SourceGroup.REFERRAL),
        ("Referred by Ana", SourceGroup.REFERRAL),
        ("recruiter", SourceGroup.RECRUITER),
        ("LinkedIn recruiter", SourceGroup.RECRUITER),
        ("agency (Hays)", SourceGroup.RECRUITER),
        ("job board", SourceGroup.JOB_BOARD),
        ("LinkedIn", SourceGroup.JOB_BOARD),
        ("Indeed", SourceGroup.JOB_BOARD),
        ("company site", SourceGroup.OTHER),
        ("meetup", SourceGroup.OTHER),
    ],
)
def test_source_group(source: str | None, group: SourceGroup) -> None:
    assert source_group(source) == group


# --- periods and weeks -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "weeks", "whole"),
    [
        (PeriodKey.WEEK, 1, True),
        (PeriodKey.FOUR_WEEKS, 4, True),
        (PeriodKey.THREE_MONTHS, 13, True),
    ],
)
def test_named_periods_are_whole_weeks_ending_now(key: PeriodKey, weeks: int, whole: bool) -> None:
    p = period(key, NOW, NY)
    assert p.start is not None
    buckets = week_buckets(p.start, p.end, NY)
    assert len(buckets) == weeks
    assert all(b.whole for b in buckets) is whole
    assert buckets[-1].end == NOW
    # Each week starts at 09:00 local, across the DST change too.
    assert {b.start.astimezone(NY).strftime("%a %H:%M") for b in buckets} == {"Mon 09:00"}
    assert all(a.end == b.start for a, b in pairwise(buckets))


def test_a_since_period_cuts_its_oldest_week_short() -> None:
    since = datetime(2026, 2, 25, 0, 0, tzinfo=NY)  # a Wednesday
    p = period(PeriodKey.SINCE, NOW, NY, since)
    assert p.label == "since Wed 25 Feb 2026"
    buckets = week_buckets(since, NOW, NY)
    assert [b.whole for b in buckets] == [False, True, True]
    assert buckets[0].start == since
    assert buckets[0].end == weeks_back(NOW, NY, 2)


def test_all_time_starts_at_the_first_thing_recorded() -> None:
    r = Search().add(1, 30).add(2, 3).review(PeriodKey.ALL)
    assert r.start == ago(30)
    assert len(r.weeks) == 5 and not r.weeks[0].whole
    assert r.period.label == "all time"


# --- the funnel --------------------------------------------------------------------------


def _funnel_search() -> Search:
    s = Search()
    s.add(1, 20).move(1, 15, Status.SCREENING).move(1, 10, Status.INTERVIEWING)
    s.move(1, 5, Status.OFFER)
    # Straight to interviewing: it passed screening too.
    s.add(2, 20).move(2, 12, Status.INTERVIEWING).move(2, 2, Status.REJECTED)
    s.add(3, 18).move(3, 14, Status.SCREENING).move(3, 8, Status.REJECTED)
    s.add(4, 10)
    # On hold after an interview, then back: still counts at interviewing once.
    s.add(5, 25).move(5, 20, Status.INTERVIEWING).move(5, 15, Status.ON_HOLD)
    s.move(5, 5, Status.INTERVIEWING)
    # Sent before the period: not in its funnel.
    s.add(6, 40).move(6, 10, Status.SCREENING)
    # A wishlist entry never sent is not in any funnel; one moved on is, from the move.
    s.add(7, 12, wishlist=True)
    s.add(8, 35, wishlist=True).move(8, 6, Status.APPLIED).move(8, 3, Status.SCREENING)
    return s


@pytest.mark.parametrize(
    ("key", "counts", "ids"),
    [
        (
            PeriodKey.FOUR_WEEKS,
            [6, 5, 3, 1, 0],
            [(1, 2, 3, 4, 5, 8), (1, 2, 3, 5, 8), (1, 2, 5), (1,), ()],
        ),
        (
            PeriodKey.ALL,
            [7, 6, 3, 1, 0],
            [(1, 2, 3, 4, 5, 6, 8), (1, 2, 3, 5, 6, 8), (1, 2, 5), (1,), ()],
        ),
        (PeriodKey.WEEK, [1, 1, 0, 0, 0], [(8,), (8,), (), (), ()]),
    ],
)
def test_funnel_counts_each_application_at_every_stage_it_reached(
    key: PeriodKey, counts: list[int], ids: list[tuple[int, ...]]
) -> None:
    r = _funnel_search().review(key)
    assert [s.status for s in r.funnel] == [
        Status.APPLIED,
        Status.SCREENING,
        Status.INTERVIEWING,
        Status.OFFER,
        Status.ACCEPTED,
    ]
    assert [s.count for s in r.funnel] == counts
    assert [s.ids for s in r.funnel] == ids


def test_funnel_conversion_is_from_the_stage_before() -> None:
    r = _funnel_search().review(PeriodKey.FOUR_WEEKS)
    assert [s.conversion for s in r.funnel] == [None, 5 / 6, 3 / 5, 1 / 3, 0.0]
    assert [s.of_sent for s in r.funnel] == [1.0, 5 / 6, 3 / 6, 1 / 6, 0.0]
    empty = Search().review()
    assert [(s.count, s.conversion, s.of_sent) for s in empty.funnel] == [(0, None, None)] * 5


# --- activity per week -------------------------------------------------------------------


def test_activity_per_week() -> None:
    s = Search()
    s.add(1, 26).add(2, 20).add(3, 19).add(4, 1).add(5, 40)
    s.interview(1, 13).interview(2, 6.5).interview(3, -2)  # the last is still to come
    s.follow_up(1, 20, too_soon=False).follow_up(5, 2, too_soon=True)
    s.add(9, 90, company=90).move(9, 60, Status.REJECTED)
    s.check_in(90, 8)
    r = s.review(PeriodKey.FOUR_WEEKS)
    series = {a.key: a for a in r.activity}
    assert list(series) == [
        "activity.sent",
        "activity.interviews",
        "activity.follow_ups",
        "activity.check_ins",
    ]
    assert series["activity.sent"].counts == (1, 2, 0, 1)
    assert series["activity.sent"].week_ids == ((1,), (2, 3), (), (4,))
    assert series["activity.interviews"].counts == (0, 0, 1, 1)
    assert series["activity.interviews"].ids == (1, 2)
    assert series["activity.follow_ups"].counts == (0, 1, 0, 1)
    # A check-in is the bridge company's: shown with its latest application.
    assert series["activity.check_ins"].counts == (0, 0, 1, 0)
    assert series["activity.check_ins"].ids == (9,)
    assert series["activity.sent"].total == 4


# --- answers by source -------------------------------------------------------------------


def test_answers_by_source() -> None:
    s = Search()
    s.add(1, 20, source="referral").heard(1, 18)  # 2 days
    s.add(2, 20, source="Referred by Bo").move(2, 16, Status.SCREENING)  # a move is an answer
    s.add(3, 20, source="referral")  # no answer
    s.add(4, 20, source="LinkedIn").move(4, 10, Status.REJECTED)  # a no is an answer: 10 days
    # An interview logged before it takes place is an answer from when it was logged.
    s.add(5, 20, source="recruiter").interview(5, 5, logged=19)  # 1 day
    # Heard from before applying (they reached out first): not an answer to this one.
    s.add(6, 20).heard(6, 25)
    s.add(7, 20).follow_up(7, 10, too_soon=False).move(7, 5, Status.GHOSTED)  # not an answer
    r = s.review(PeriodKey.FOUR_WEEKS)
    lines = {line.key: line for line in r.sources}
    assert list(lines) == [
        "source.referral",
        "source.job_board",
        "source.recruiter",
        "source.other",
        "source.all",
    ]
    got = {k: (v.sent, v.answered, v.rate, v.median_days) for k, v in lines.items()}
    assert got == {
        "source.referral": (3, 2, 2 / 3, 3.0),
        "source.job_board": (1, 1, 1.0, 10.0),
        "source.recruiter": (1, 1, 1.0, 1.0),
        "source.other": (2, 0, 0.0, None),
        "source.all": (7, 4, 4 / 7, 3.0),
    }
    assert lines["source.referral"].ids == (1, 2, 3)
    assert lines["source.referral"].answered_ids == (1, 2)


# --- habits ------------------------------------------------------------------------------


def _habits(s: Search, key: PeriodKey = PeriodKey.FOUR_WEEKS) -> dict[str, tuple[int, int]]:
    return {h.key: (h.count, h.total) for h in s.review(key).habits}


def test_thank_you_notes_within_24_h() -> None:
    s = Search().add(1, 20).add(2, 20).add(3, 20).add(4, 20)
    due = ago(10)
    s.action(ActionKind.THANK_YOU, 1, due, due - HOUR)  # on time
    s.action(ActionKind.THANK_YOU, 1, due, due)  # on the dot: on time (R3 is exact)
    s.action(ActionKind.THANK_YOU, 2, due, due + timedelta(seconds=1))  # late
    s.action(ActionKind.THANK_YOU, 3, due, None)  # never sent: late
    s.action(ActionKind.THANK_YOU, 4, ago(-0.5), None)  # not due yet: not counted
    s.action(ActionKind.THANK_YOU, 4, ago(60), ago(61))  # before the period
    r = s.review()
    (thanks,) = [h for h in r.habits if h.key == "habit.thank_you"]
    assert (thanks.count, thanks.total, thanks.share) == (2, 4, 0.5)
    assert thanks.label == "thank-you notes sent within 24 h"
    assert thanks.ids == (1, 2, 3)
    assert thanks.flagged == (2, 3)


def test_follow_ups_sent_though_too_soon() -> None:
    s = Search().add(1, 20).add(2, 20).add(3, 20)
    s.follow_up(1, 12, too_soon=False).follow_up(1, 10, too_soon=True)
    s.follow_up(2, 9, too_soon=True).follow_up(3, 8, too_soon=None)  # from before schema 4
    s.follow_up(3, 50, too_soon=True)  # before the period
    (early,) = [h for h in s.review().habits if h.key == "habit.too_soon"]
    assert (early.count, early.total) == (2, 3)
    assert early.flagged == (1, 2)
    assert early.ids == (1, 2, 3)
    assert early.note == "1 logged before pursuit kept this"
    assert not early.good_when_high


def test_check_ins_with_bridges_on_time() -> None:
    s = Search().add(1, 200, company=10).add(2, 200, company=20).add(3, 200, company=30)
    due = datetime(2026, 3, 2, 10, 0, tzinfo=NY)
    # Later on the due day is on time; the next day is late.
    s.action(ActionKind.CHECK_IN, None, due, due + 8 * HOUR, company=10)
    s.action(ActionKind.CHECK_IN, None, due, due + 14 * HOUR, company=20)
    s.action(ActionKind.CHECK_IN, None, due, None, company=30)  # overdue
    s.action(ActionKind.CHECK_IN, None, NOW + HOUR, None, company=30)  # not due yet
    s.action(ActionKind.CHECK_IN, None, NOW + 30 * DAY, NOW - DAY, company=10)  # early
    (checks,) = [h for h in s.review().habits if h.key == "habit.check_in"]
    assert (checks.count, checks.total) == (2, 4)
    assert checks.flagged == (2, 3)


def test_weeks_under_the_options_target() -> None:
    s = Search()
    # Two applications in the oldest week, none after: new falls below 2 a week.
    s.add(1, 26).add(2, 25).add(3, 24).move(3, 16, Status.REJECTED)
    settings = RuleSettings(target_active=2, target_new_per_week=1)
    r = s.review(settings=settings)
    assert [(w.active, w.new, w.under) for w in r.target_weeks] == [
        (3, 3, False),
        (2, 0, True),
        (2, 0, True),
        (2, 0, True),
    ]
    (under,) = [h for h in r.habits if h.key == "habit.under_target"]
    assert (under.count, under.total) == (3, 4)
    assert under.flagged == (1, 2)  # the options there were in those weeks
    assert under.note == "2 active, 1 new a week"


def test_a_short_week_is_not_judged_against_the_target() -> None:
    s = Search().add(1, 30)
    r = s.review(PeriodKey.ALL)
    assert r.target_weeks[0].under is None
    (under,) = [h for h in r.habits if h.key == "habit.under_target"]
    assert under.total == len(r.weeks) - 1


@pytest.mark.parametrize("days", [0, 1, 6.9, 7, 12, 40])
def test_the_last_week_is_the_options_gauge_now(days: float) -> None:
    """R7 at the end of the last week counts what the header's gauge counts now."""
    s = Search()
    s.add(1, days).add(2, days + 1).move(2, days, Status.SCREENING)
    s.add(3, days + 0.5).move(3, max(days - 0.1, 0), Status.REJECTED)
    s.add(4, days, wishlist=True).add(5, days + 2).move(5, days, Status.ON_HOLD)
    r = s.review(PeriodKey.WEEK)
    snapshots = [AppSnapshot(a.status, a.applied_at) for a in s.apps.values()]
    gauge = options_gauge(
        [x for x in snapshots if x.status not in {Status.REJECTED}], NOW, DEFAULTS
    )
    last = r.target_weeks[-1]
    assert (last.active, last.new) == (gauge.active, gauge.new_this_week)


def test_every_figure_has_a_key_and_its_ids() -> None:
    r = _funnel_search().review()
    figures = r.figures()
    assert len(figures) == 5 + 4 + 5 + 4
    assert figures["funnel.offer"].ids == (1,)
    assert all(isinstance(f.ids, tuple) for f in figures.values())
