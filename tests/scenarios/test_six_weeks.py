"""A six-week search lived day by day through the real command line, in two zones, across
the autumn daylight-saving change: what `due --json` and `list --json` say each day is what
a careful coach would say.

Each zone runs the same local script (the user types the same words at the same wall-clock
times). Every morning and evening the test checks the invariants; on the days that matter
it checks exact dates, people, order and whose move.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from dateutil import tz as dateutil_tz

from pursuit.cli.dispatch import main

Run = Callable[..., str]
FIRST = date(2026, 10, 12)  # a Monday; London changes on 25 Oct, New York on 1 Nov


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    monkeypatch.setenv("PURSUIT_DB", str(tmp_path / "pursuit.db"))
    monkeypatch.setenv("PURSUIT_CONFIG", str(tmp_path / "none.toml"))

    def call(*argv: str, at: datetime) -> str:
        monkeypatch.setenv("PURSUIT_NOW", at.isoformat())
        capsys.readouterr()
        code = main(list(argv))
        out = capsys.readouterr()
        assert code == 0, (argv, out.err)
        return out.out

    return call


def day(n: int, hour: int = 9, minute: int = 0, *, zone: object) -> datetime:
    return datetime.combine(FIRST + timedelta(days=n), time(hour, minute), tzinfo=zone)  # type: ignore[arg-type]


@pytest.mark.parametrize("zone_name", ["Europe/London", "America/New_York"])
def test_six_weeks_of_a_search(zone_name: str, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PURSUIT_TZ", zone_name)
    zone = dateutil_tz.gettz(zone_name)

    def due(at: datetime) -> list[dict[str, object]]:
        return json.loads(run("due", "--json", at=at))  # type: ignore[no-any-return]

    def listed(at: datetime) -> dict[str, dict[str, object]]:
        return {r["company"]: r for r in json.loads(run("list", "--json", at=at))}

    probed: list[str] = []

    def check_the_day(at: datetime) -> None:
        items = due(at)
        for item in items:
            when = datetime.fromisoformat(str(item["due"]))
            if item["kind"] == "follow_up" and item["overdue"]:
                # Never shown as due what `followup` would refuse as too soon.
                probe = run("followup", str(item["company"]), "--check", at=at)
                assert probe.strip() == "fine to follow up now", (item, probe)
                probed.append(str(item["company"]))
            if item["kind"] in ("follow_up", "check_in") and item.get("guessed", True):
                local = when.astimezone(zone)
                if item["kind"] == "check_in" or item.get("guessed"):
                    assert local.weekday() < 5 and local.time() == time(9, 30), item
        # Overdue first, then offers' deadlines, then the rest.
        ranks = [0 if i["overdue"] else 1 if i["kind"] == "answer_offer" else 2 for i in items]
        assert ranks == sorted(ranks), [(i["kind"], i["company"]) for i in items]

    # Week 1: four applications on Monday morning.
    for company, role in (
        ("Acme", "Backend Engineer"),
        ("Globex", "SRE"),
        ("Initech", "Platform Engineer"),
        ("Hooli", "Staff Engineer"),
    ):
        run("add", company, role, at=day(0, zone=zone))
    # Wednesday: Acme books an interview for Friday 11:00 with two people.
    run(
        "interview", "acme", "--at", "fri 11:00", "--with", "Ann Lee (CTO)",
        "--with", "Bo Yu (Lead)", at=day(2, 16, zone=zone),
    )  # fmt: skip
    wed = due(day(2, 17, zone=zone))
    interview = [i for i in wed if i["kind"] == "interview"]
    assert [i["what"] for i in interview] == [
        "Interview at Acme, Fri 16 Oct 11:00, with Ann Lee (CTO), Bo Yu (Lead)"
    ]
    assert not [i for i in wed if i["kind"] == "thank_you"]  # not owed before it happens
    # Friday: the notes, once it ends, each different; both sent by 15:00.
    fri = due(day(4, 12, 30, zone=zone))
    assert [(i["kind"], i["contact"]) for i in fri if i["kind"] == "thank_you"] == [
        ("thank_you", "Ann Lee"),
        ("thank_you", "Bo Yu"),
    ]
    run(
        "thanks",
        "acme",
        "ann",
        "--note",
        "Ann, the on-call story stayed with me.",
        at=day(4, 14, zone=zone),
    )
    run(
        "thanks",
        "acme",
        "bo",
        "--note",
        "Bo, thanks for the whiteboard session.",
        at=day(4, 15, zone=zone),
    )
    assert listed(day(4, 15, 30, zone=zone))["Acme"]["whose_move"] == "theirs"

    # Every day for six weeks, morning and evening: the invariants.
    offer_day = 22  # Tue 3 Nov
    for n in range(0, 42):
        at_9, at_18 = day(n, 9, 45, zone=zone), day(n, 18, zone=zone)
        if n == 5:
            # Acme's guessed follow-up: a week after Friday's interview is Fri 23 Oct 12:00,
            # past the usual time, so Mon 26 Oct at 09:30 local (after London's change).
            acme = listed(at_9)["Acme"]
            assert (acme["next_action"], acme["whose_move"]) == ("follow_up", "theirs")
            assert acme["next_due"] == day(14, 9, 30, zone=zone).isoformat()
            assert acme["waiting_until"] == acme["next_due"]
        if n == 7:  # Mon 19 Oct: Globex's guessed follow-up is due; sent.
            items = due(at_9)
            assert ("follow_up", "Globex", True) in [
                (i["kind"], i["company"], i["overdue"]) for i in items
            ]
            run("followup", "globex", "--note", "Checking in on the SRE role.", at=at_9)
        if n == 9:  # Wed 21 Oct: Initech answered.
            run("heard", "initech", "--note", "They will decide in two weeks.", at=at_9)
        if n == offer_day:
            run("offer", "hooli", "--by", "fri 17:00", at=at_9)
        if n == offer_day + 2:  # Thu 5 Nov: accepted; the others get a courteous withdraw.
            run("move", "hooli", "accepted", at=at_9)
            left = due(at_9)
            assert sorted(str(i["company"]) for i in left if i["kind"] == "withdraw") == [
                "Acme",
                "Globex",
                "Initech",
            ]
            assert not [i for i in left if i["kind"] in ("follow_up", "answer_offer")]
            run("withdraw", "globex", "--friendly", at=at_18)
            run("withdraw", "acme", at=at_18)
            run("withdraw", "initech", at=at_18)
        check_the_day(at_9)
        check_the_day(at_18)

    # Overdue follow-ups were met along the way, and each passed R5 when shown.
    assert {"Globex", "Acme"} <= set(probed)
    # After the search: nothing to do but keep in touch with Globex, kindly.
    end = due(day(41, zone=zone))
    assert [(i["kind"], i["company"]) for i in end] == [("check_in", "Globex")]
    assert listed(day(41, zone=zone)) == {}  # nothing open: accepted and withdrawn
