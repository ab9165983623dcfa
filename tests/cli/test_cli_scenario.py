"""Issue 2's "done when", as a new user would type it."""

from __future__ import annotations

import json

from conftest import RunCli, rows
from pursuit.store.database import Database


def test_new_user_scenario(run_cli: RunCli, db: Database) -> None:
    monday = "2026-03-16T09:00:00-04:00"
    added = run_cli("add", "Acme", "Backend Engineer", now=monday)
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines()[0] == "Added Acme — Backend Engineer (applied)"

    interview = run_cli(
        "interview",
        "acme",
        "--at",
        "today 13:00",
        "--with",
        "Jane Doe, EM",
        "--with",
        "Bob Lee",
        now="2026-03-16T15:00:00-04:00",
    )
    assert interview.returncode == 0, interview.stderr
    assert "thank-you note to Jane Doe due Tue 17 Mar 14:00" in interview.stdout
    assert "thank-you note to Bob Lee due Tue 17 Mar 14:00" in interview.stdout

    due = run_cli("due", "--json", now="2026-03-16T15:00:00-04:00")
    assert due.returncode == 0, due.stderr
    thanks = [i for i in json.loads(due.stdout) if i["kind"] == "thank_you"]
    assert [(i["contact"], i["company"], i["due"], i["overdue"]) for i in thanks] == [
        ("Jane Doe", "Acme", "2026-03-17T14:00:00-04:00", False),
        ("Bob Lee", "Acme", "2026-03-17T14:00:00-04:00", False),
    ]

    # The next morning a follow-up is too soon: refused, saying why, nothing written.
    before = rows(db, "SELECT count(*) FROM event")
    followup = run_cli("followup", "acme", now="2026-03-17T09:00:00-04:00")
    assert followup.returncode == 3
    assert followup.stdout == ""
    (line,) = followup.stderr.splitlines()
    assert line.startswith("pursuit: too soon to follow up with Acme: ")
    assert "between touches" in line and line.endswith("(use --force to go ahead)")
    assert rows(db, "SELECT count(*) FROM event") == before

    # A kind rejection: a bridge with a check-in 90 days out.
    reject = run_cli("reject", "acme", "--friendly", now="2026-03-17T09:00:00-04:00")
    assert reject.returncode == 0, reject.stderr
    assert reject.stdout.splitlines() == [
        "Acme: closed as rejected",
        "Kept as a bridge: check in Mon 15 Jun 09:30",
    ]
    assert rows(db, "SELECT is_bridge FROM company") == [(1,)]
    assert rows(
        db,
        "SELECT due_at FROM action WHERE kind = 'check_in' AND done_at IS NULL AND deleted_at IS NULL",
    ) == [("2026-06-15 13:30:00.000000",)]
    # A check-in with the bridge schedules the next one a cadence after it...
    checkin = run_cli(
        "checkin", "acme", "--note", "Congrats on the launch", now="2026-06-16T10:00:00-04:00"
    )
    assert checkin.stdout.splitlines() == ["Check-in with Acme logged; next Tue 15 Sep 09:30"]
    assert rows(
        db, "SELECT due_at, done_at IS NOT NULL FROM action WHERE kind = 'check_in' ORDER BY id"
    ) == [("2026-06-15 13:30:00.000000", 1), ("2026-09-15 13:30:00.000000", 0)]
    # ...and when it pays off, a new application keeps the company's history.
    reopen = run_cli("reopen", "acme", "Staff Engineer", now="2026-07-01T10:00:00-04:00")
    assert reopen.stdout.splitlines() == ["Reopened Acme — Staff Engineer; its history is kept"]
    assert rows(db, "SELECT id, title, status, reopened_from_id FROM application ORDER BY id") == [
        (1, "Backend Engineer", "rejected", None),
        (2, "Staff Engineer", "applied", 1),
    ]
    assert rows(db, "SELECT is_bridge FROM company") == [(0,)]
    assert rows(
        db,
        "SELECT count(*) FROM action WHERE kind = 'check_in' AND done_at IS NULL AND deleted_at IS NULL",
    ) == [(0,)]
