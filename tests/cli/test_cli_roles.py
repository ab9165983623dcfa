"""A company with two open applications, as real processes: a verb that names only the
company writes nothing, says which there are in one line and exits 2; --role says which."""

from __future__ import annotations

import json

import pytest

from conftest import RunCli, contents
from pursuit.store.database import Database

MON = "2026-11-09T10:00:00-05:00"
TUE = "2026-11-10T10:00:00-05:00"
WHICH = (
    "pursuit: Stark Industries has 2 open applications (Backend Engineer, Engineering Manager);"
    ' say which with --role "Backend Engineer"\n'
)


def ok(result: object) -> list[str]:
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    return result.stdout.splitlines()  # type: ignore[attr-defined, no-any-return]


def two_open(run_cli: RunCli) -> None:
    ok(run_cli("add", "Stark Industries", "Backend Engineer", now=MON))
    ok(run_cli("add", "Stark Industries", "Engineering Manager", now=MON))
    for role, who in (("Engineering Manager", "Ann Lee"), ("Backend Engineer", "Bo Chen")):
        ok(
            run_cli(
                "interview", "stark", "--at", "today 8:00", "--with", who, "--role", role, now=MON
            )
        )


def statuses(run_cli: RunCli) -> dict[str, str]:
    rows = json.loads(run_cli("list", "--all", "--json", now=TUE).stdout)
    return {row["role"]: row["status"] for row in rows}


VERBS = [
    ("offer", "stark", "--by", "fri 17:00"),
    ("followup", "stark", "--force"),
    ("followup", "stark", "--check"),
    ("heard", "stark"),
    ("reject", "stark"),
    ("withdraw", "stark", "--friendly"),
    ("move", "stark", "on hold"),
    ("guidance", "stark", "in", "two", "weeks"),
    ("interview", "stark", "--at", "today 9:00", "--with", "Cy Park"),
    ("edit-interview", "stark", "--kind", "onsite"),
    ("delete", "stark"),
]


@pytest.mark.parametrize("argv", VERBS, ids=lambda a: " ".join(a[:1] + a[2:3]))
def test_naming_only_the_company_refuses_in_one_line(
    run_cli: RunCli, db: Database, argv: tuple[str, ...]
) -> None:
    two_open(run_cli)
    before = contents(db)
    result = run_cli(*argv, now=TUE)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", WHICH)
    assert contents(db) == before


@pytest.mark.parametrize("argv", VERBS, ids=lambda a: " ".join(a[:1] + a[2:3]))
def test_the_role_says_which(run_cli: RunCli, db: Database, argv: tuple[str, ...]) -> None:
    two_open(run_cli)
    done = run_cli(*argv, "--role", "engineering manager", now=TUE)
    if "--check" in argv:
        # Its answer for that role: yesterday's interview was a touch, so too soon (exit 3).
        assert (done.returncode, done.stdout.split(":")[0]) == (3, "too soon"), done.stderr
    else:
        ok(done)
    assert statuses(run_cli)["Backend Engineer"] == "interviewing"


def test_an_offer_and_a_rejection_land_on_the_role_named(run_cli: RunCli) -> None:
    two_open(run_cli)
    assert ok(run_cli("offer", "stark", "--by", "fri 17:00", "--role", "eng", now=TUE)) == [
        "Offer from Stark Industries: answer by Fri 13 Nov 17:00"
    ]
    assert ok(run_cli("reject", "stark", "--role", "Backend", now=TUE)) == [
        "Stark Industries: closed as rejected"
    ]
    assert statuses(run_cli) == {"Engineering Manager": "offer", "Backend Engineer": "rejected"}
    # One open now: no role needed.
    assert ok(run_cli("move", "stark", "accepted", now=TUE)) == [
        "Stark Industries: offer → accepted"
    ]


def test_a_role_that_is_not_open_there_is_named(run_cli: RunCli, db: Database) -> None:
    two_open(run_cli)
    before = contents(db)
    result = run_cli("offer", "stark", "--by", "fri 17:00", "--role", "Designer", now=TUE)
    assert (result.returncode, result.stderr) == (
        2,
        'pursuit: Stark Industries: no open application matches "Designer" '
        "(Backend Engineer, Engineering Manager)\n",
    )
    assert contents(db) == before


def test_quick_entry_says_to_name_the_role(run_cli: RunCli, db: Database) -> None:
    two_open(run_cli)
    before = contents(db)
    result = run_cli("quick", "Stark offer by fri 17:00", now=TUE)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "pursuit: Stark Industries has 2 open applications (Backend Engineer, Engineering "
        'Manager); say which with the role: "Stark Industries / Backend Engineer …"\n',
    )
    assert contents(db) == before
    assert ok(run_cli("quick", "Stark / Engineering Manager offer by fri 17:00", now=TUE)) == [
        "Offer from Stark Industries — Engineering Manager: answer by Fri 13 Nov 17:00",
        "Saved",
    ]
    assert statuses(run_cli)["Engineering Manager"] == "offer"


def test_edit_says_which_by_app_id(run_cli: RunCli) -> None:
    two_open(run_cli)
    result = run_cli("edit", "stark", "--priority", "high", now=TUE)
    assert result.returncode == 2
    assert result.stderr.endswith(
        "say which with --app 1 (Backend Engineer) or --app 2 (Engineering Manager)\n"
    )


def test_one_open_application_needs_no_role(run_cli: RunCli) -> None:
    ok(run_cli("add", "Acme", "Engineer", now=MON))
    assert ok(run_cli("offer", "acme", "--by", "fri 17:00", now=TUE)) == [
        "Offer from Acme: answer by Fri 13 Nov 17:00"
    ]
