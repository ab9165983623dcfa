"""Issue 4, item 11: a reminder fires at the documented instant, across DST changes, a
change of the user's zone, and bridge cadences that start on the 31st or on Feb 29.

The documented rules (domain.dates.local_to_utc, domain.cadence, DESIGN R3):
- a wall-clock time skipped by spring-forward moves forward by the gap (02:30 -> 03:30);
- a wall-clock time repeated at fall-back means its first occurrence;
- a thank-you note is due 24 real hours after the interview ends;
- a cadence of months lands on the month's last day when the day is missing, comes back to
  the 31st afterwards, and keeps its local hour through DST;
- stored instants are UTC: a new zone shows the same instant in the new zone's time.
"""

from __future__ import annotations

import calendar
import json
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

import pytest
from dateutil import tz as dateutil_tz

from pursuit.agenda import build_agenda
from pursuit.domain.cadence import parse_cadence
from pursuit.domain.dates import local_to_utc, parse_when
from pursuit.domain.people import Person
from pursuit.domain.settings import DEFAULTS
from pursuit.store.commands import log_interview
from pursuit.store.context import Ctx
from pursuit.store.database import open_database

from .helpers.common import Runner, Tally

pytestmark = pytest.mark.reliability


def zone(name: str) -> tzinfo:
    found = dateutil_tz.gettz(name)
    assert found is not None
    return found


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# (zone, the DST day, typed time, the documented instant)
DST_CASES = [
    # Spring forward: 02:00 -> 03:00, so 02:30 does not exist and means 03:30 EDT.
    ("America/New_York", "2026-03-08", "02:30", utc(2026, 3, 8, 7, 30)),
    # Fall back: 02:00 -> 01:00; 02:30 exists once (EST); 01:30 twice, the first is EDT.
    ("America/New_York", "2026-11-01", "02:30", utc(2026, 11, 1, 7, 30)),
    ("America/New_York", "2026-11-01", "01:30", utc(2026, 11, 1, 5, 30)),
    # Berlin springs forward 02:00 -> 03:00: 02:30 means 03:30 CEST.
    ("Europe/Berlin", "2026-03-29", "02:30", utc(2026, 3, 29, 1, 30)),
    # Berlin falls back 03:00 -> 02:00: 02:30 happens twice, the first is CEST.
    ("Europe/Berlin", "2026-10-25", "02:30", utc(2026, 10, 25, 0, 30)),
]


def test_reminders_at_0230_on_dst_days(tmp_path: Path, tally: Tally) -> None:
    for name, day, clock, expected in DST_CASES:
        tz = zone(name)
        noon_before = local_to_utc(datetime.fromisoformat(f"{day}T12:00") - timedelta(days=1), tz)
        label = f"{name} {day} {clock}"
        with tally.case(f"{label}: typed as a date"):
            assert parse_when(f"{day} {clock}", noon_before, tz) == expected
        with tally.case(f"{label}: typed as 'tomorrow'"):
            assert parse_when(f"tomorrow {clock}", noon_before, tz) == expected
        with tally.case(f"{label}: the wall-clock rule"):
            naive = datetime.fromisoformat(f"{day}T{clock}")
            assert local_to_utc(naive, tz) == expected

        # Through the store and the agenda: one thank-you per interviewer, due 24 real hours
        # after the interview ends, falling due exactly then.
        db = open_database(tmp_path / f"{name.replace('/', '-')}-{day}-{clock}.db")
        ctx = Ctx(db=db, now=noon_before, tz=tz)
        people = (Person("Jane Doe"), Person("Bob Lee"))
        log_interview(ctx, "Acme", at=expected, people=people, minutes=45, role="SRE")
        due = expected + timedelta(minutes=45) + DEFAULTS.thank_you_window
        before = build_agenda(db, due - timedelta(seconds=1), tz, DEFAULTS)
        at = build_agenda(db, due, tz, DEFAULTS)
        db.close()
        thanks_before = [i for i in before.items if i.kind == "thank_you"]
        thanks_at = [i for i in at.items if i.kind == "thank_you"]
        with tally.case(f"{label}: two thank-yous, due 24 h after the end"):
            assert sorted(i.contact or "" for i in thanks_at) == ["Bob Lee", "Jane Doe"]
            assert all(i.due == due for i in thanks_at), [i.due for i in thanks_at]
        with tally.case(f"{label}: not overdue a second early, overdue on the dot"):
            assert not any(i.overdue for i in thanks_before)
            assert all(i.overdue for i in thanks_at)
            assert before.next_due == due
    tally.finish()


def test_a_new_zone_shows_the_same_instants(
    tmp_path: Path, env: dict[str, str], runner: Runner, tally: Tally
) -> None:
    path = str(tmp_path / "pursuit.db")
    ny = {**env, "PURSUIT_TZ": "America/New_York", "PURSUIT_NOW": "2026-03-07T12:00:00-05:00"}
    made = runner.call(
        op="cli_many",
        cases=[
            {"argv": ["--db", path, "add", "Acme", "SRE"], "env": ny},
            {
                "argv": [
                    *("--db", path, "interview", "Acme", "--at", "tomorrow 02:30"),
                    *("--with", "Jane Doe", "--check-back", "mar 20"),
                ],
                "env": ny,
            },
        ],
    )["results"]
    assert [r["code"] for r in made] == [0, 0], made
    shown: dict[str, list[dict[str, object]]] = {}
    offsets = {
        "America/New_York": "-04:00",
        "Europe/Berlin": "+01:00",
        "Asia/Kathmandu": "+05:45",
        "UTC": "+00:00",
    }
    for name in offsets:
        # Read the day after, once the interview (02:30, in the night the clocks went
        # forward) is over: its thank-you note is owed from then on.
        moved = {**ny, "PURSUIT_TZ": name, "PURSUIT_NOW": "2026-03-08T12:00:00-04:00"}
        result = runner.call(op="cli", argv=["--db", path, "due", "--json"], env=moved)
        assert result["code"] == 0, result["err"]
        shown[name] = json.loads(result["out"])
    instants = {
        name: sorted((i["kind"], datetime.fromisoformat(str(i["due"]))) for i in items)
        for name, items in shown.items()
    }
    with tally.case("same instants in every zone"):
        assert all(v == instants["America/New_York"] for v in instants.values()), instants
    with tally.case("the thank-you is due 24 h after 03:30 EDT + 60 min"):
        thank = [at for kind, at in instants["UTC"] if kind == "thank_you"]
        assert thank == [utc(2026, 3, 9, 8, 30)], thank
    with tally.case("the employer's date is read in the zone it was typed in"):
        follow = [at for kind, at in instants["UTC"] if kind == "follow_up"]
        assert utc(2026, 3, 20, 13, 0) in follow, follow  # 09:00 EDT
    for name, offset in offsets.items():
        with tally.case(f"shown in {name}"):
            thank_due = [str(i["due"]) for i in shown[name] if i["kind"] == "thank_you"]
            assert thank_due and all(d.endswith(offset) for d in thank_due), thank_due
    tally.finish()


def _occurrences(text: str, anchor: datetime, tz: tzinfo, months: int) -> list[datetime]:
    cadence = parse_cadence(text)
    out: list[datetime] = []
    last = anchor
    end = anchor + timedelta(days=months * 31)
    while True:
        nxt = cadence.after(anchor, last, tz)
        if nxt > end:
            return out
        assert nxt > last, f"{text}: {nxt} does not move forward from {last}"
        out.append(nxt)
        last = nxt


def _month_ends(start: datetime, day: int, count: int, step: int = 1) -> list[tuple[int, int, int]]:
    expected = []
    year, month = start.year, start.month
    for _ in range(count):
        month += step
        while month > 12:
            year, month = year + 1, month - 12
        expected.append((year, month, min(day, calendar.monthrange(year, month)[1])))
    return expected


CADENCE_CASES = [
    # (cadence, anchor (local, 09:30), zone, months, step in months)
    ("1 month", "2027-01-31", "America/New_York", 24, 1),
    ("monthly", "2028-01-31", "Europe/Berlin", 24, 1),
    ("1 month", "2028-02-29", "America/New_York", 24, 1),
    ("every 3 months", "2026-08-31", "Europe/Berlin", 24, 3),
    ("quarterly", "2028-02-29", "Europe/Berlin", 24, 3),
    ("1 year", "2028-02-29", "America/New_York", 60, 12),
]


def test_bridge_cadences_from_month_ends(tally: Tally) -> None:
    for text, start, name, months, step in CADENCE_CASES:
        tz = zone(name)
        anchor_local = datetime.fromisoformat(f"{start}T09:30")
        anchor = local_to_utc(anchor_local, tz)
        got = _occurrences(text, anchor, tz, months)
        local = [g.astimezone(tz) for g in got]
        expected = _month_ends(anchor_local, anchor_local.day, months // step, step)
        with tally.case(f"{text} from {start} ({name}): every period once, none skipped"):
            assert [(d.year, d.month, d.day) for d in local] == expected
        with tally.case(f"{text} from {start} ({name}): 09:30 local through DST"):
            assert {(d.hour, d.minute) for d in local} == {(9, 30)}
    # 90 days: 9 check-ins in 24 months, each 90 calendar days on, at the same local time.
    tz = zone("America/New_York")
    anchor_local = datetime(2027, 1, 31, 9, 30)
    got = _occurrences("90d", local_to_utc(anchor_local, tz), tz, 24)
    with tally.case("90d from Jan 31: 90 local days apart, at 09:30"):
        expected_90 = [anchor_local + timedelta(days=90 * n) for n in range(1, 9)]
        assert [g.astimezone(tz).replace(tzinfo=None) for g in got] == expected_90
    tally.finish()


@pytest.mark.parametrize(
    ("text", "start", "months", "step"),
    [("RRULE:FREQ=MONTHLY", "2027-01-31", 24, 1), ("RRULE:FREQ=YEARLY", "2028-02-29", 60, 12)],
)
def test_rrule_cadences_from_month_ends_skip_nothing(
    text: str, start: str, months: int, step: int
) -> None:
    tz = zone("America/New_York")
    anchor_local = datetime.fromisoformat(f"{start}T09:30")
    got = _occurrences(text, local_to_utc(anchor_local, tz), tz, months)
    expected = _month_ends(anchor_local, anchor_local.day, months // step, step)
    assert [
        (g.astimezone(tz).year, g.astimezone(tz).month, g.astimezone(tz).day) for g in got
    ] == expected
