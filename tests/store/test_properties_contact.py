"""Properties over generated histories, run on the write definitions in memory (a World
with no file behind it: the functional core needs no database):

- no follow-up is ever due while R5 would refuse it;
- every guessed follow-up and check-in lands on a working day at the usual time, local;
- that local time holds on both sides of a daylight-saving change.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

from dateutil import tz as dateutil_tz
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pursuit.domain.coach import guessed_follow_up
from pursuit.domain.kinds import ActionKind
from pursuit.domain.people import Person
from pursuit.domain.settings import DEFAULTS
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError, Refused
from pursuit.store.world import World
from pursuit.store.writes import applications, follow_ups, thanks

ZONES = [dateutil_tz.gettz(z) for z in ("Europe/London", "America/New_York", "Asia/Kolkata")]
START = datetime(2026, 10, 12, 9, 0, tzinfo=dateutil_tz.gettz("UTC"))  # both autumn changes
COMPANIES = ("Acme", "Globex", "Initech")

step = st.one_of(
    st.tuples(st.just("wait"), st.integers(1, 60 * 24 * 3)),  # minutes
    st.tuples(st.just("interview"), st.sampled_from(COMPANIES), st.integers(-48, 72)),
    st.tuples(st.just("thanks"), st.sampled_from(COMPANIES)),
    st.tuples(st.just("followup"), st.sampled_from(COMPANIES)),
    st.tuples(st.just("heard"), st.sampled_from(COMPANIES)),
)


class Ctxless:
    """A Ctx whose clock the history moves (the World holds the rows)."""

    def __init__(self, zone: object) -> None:
        self.ctx = Ctx(db=None, now=START, tz=zone)  # type: ignore[arg-type]

    def at(self) -> Ctx:
        return self.ctx

    def wait(self, minutes: int) -> None:
        self.ctx = replace(self.ctx, now=self.ctx.now + timedelta(minutes=minutes))


def apply(w: World, clock: Ctxless, move: tuple[object, ...]) -> None:
    ctx = clock.at()
    kind = move[0]
    try:
        if kind == "wait":
            clock.wait(int(move[1]))  # type: ignore[call-overload]
        elif kind == "interview":
            starts = ctx.now + timedelta(hours=int(move[2]))  # type: ignore[call-overload]
            applications.log_interview(w, ctx, str(move[1]), at=starts, people=(Person("Ann Lee"),))
        elif kind == "thanks":
            thanks.mark_thanks(w, ctx, str(move[1]), "Ann", note=f"Thanks at {ctx.now}", force=True)
        elif kind == "followup":
            follow_ups.log_followup(w, ctx, str(move[1]), force=True)
        elif kind == "heard":
            follow_ups.heard_back(w, ctx, str(move[1]))
    except (InputError, Refused):
        pass  # a step that does not apply now (no note owed yet): the user would see why


def due_follow_ups(w: World, ctx: Ctx) -> list[str]:
    names = []
    for comp in list(w.companies.values()):
        for action in w.pending(comp, ActionKind.FOLLOW_UP):
            if action.next_at <= ctx.now:
                names.append(comp.name)
    return names


# A note sent a day and more after the interview: the guess made at the interview would
# fall inside R5's gap after the note, unless the note moves it.
LATE_NOTE = [
    ("interview", "Acme", -1),
    ("wait", 60 * 26),
    ("thanks", "Acme"),
    ("wait", 60 * 24 * 8),
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zone=st.sampled_from(ZONES), history=st.lists(step, min_size=1, max_size=40))
@example(zone=ZONES[0], history=LATE_NOTE)
@example(zone=ZONES[1], history=[*LATE_NOTE, ("heard", "Acme"), ("wait", 60 * 24 * 7)])
def test_no_follow_up_is_due_while_r5_would_refuse_it(
    zone: object, history: list[tuple[object, ...]]
) -> None:
    w = World()
    clock = Ctxless(zone)
    for company in COMPANIES:
        applications.add_application(w, clock.at(), company, "Engineer")
    for move in history:
        if move[0] == "wait":
            # Look at every hour on the way, not only where the history stops.
            for _ in range(int(move[1]) // 60):  # type: ignore[call-overload]
                clock.wait(60)
                check(w, clock.at())
            continue
        apply(w, clock, move)
        check(w, clock.at())


def check(w: World, ctx: Ctx) -> None:
    for company in due_follow_ups(w, ctx):
        # What the agenda shows as due, `followup` must not call too soon.
        assert follow_ups.follow_up_check(w, ctx, company) == [], (company, ctx.now)
    for comp in w.companies.values():
        for action in w.pending(comp, ActionKind.FOLLOW_UP):
            if action.due_guessed:
                local = action.due_at.astimezone(ctx.tz)
                assert local.weekday() < 5, local
                assert local.time() == time(9, 30), local


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    after=st.datetimes(
        min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(None)
    ),
    wait_days=st.integers(0, 120),
    gap_back=st.integers(0, 60 * 24 * 10),
)
def test_guesses_land_on_a_working_day_at_the_usual_time_across_dst(
    zone: object, after: datetime, wait_days: int, gap_back: int
) -> None:
    start = after.replace(tzinfo=zone)
    last = start - timedelta(minutes=gap_back)
    guess = guessed_follow_up(start, timedelta(days=wait_days), last, DEFAULTS, zone)  # type: ignore[arg-type]
    local = guess.astimezone(zone)  # type: ignore[arg-type]
    assert local.weekday() in DEFAULTS.working_days
    assert local.time() == DEFAULTS.usual_time
    # Never before the wait, nor inside R5's gap after the last contact (in calendar days).
    assert local.date() >= (start + timedelta(days=wait_days)).date() - timedelta(days=1)
    assert guess >= last + DEFAULTS.followup_gap - timedelta(hours=1)
