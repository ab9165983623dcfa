"""Dates typed on the command line (issue 15): an interview needs a time of day, a range
gives its length, open phrases say how they were read, another year shows, a date over a
year away is refused with a way ahead, and the date_order setting reads "05/04".
Real subprocesses; bad input is one line, exit 2, and leaves the search as it was."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import RunCli, contents, rows
from pursuit.store.database import Database

# A Thursday: "fri" is tomorrow, "next fri" the Friday of next week.
THU = "2026-03-19T09:00:00-04:00"


def ok(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout.splitlines()


@pytest.fixture
def acme(run_cli: RunCli, db: Database) -> Database:
    ok(run_cli("add", "Acme", "Engineer", "--applied", "mon 10:00", now=THU))
    return db


REFUSED: list[tuple[tuple[str, ...], str]] = [
    (
        ("interview", "acme", "--at", "next week", "--with", "Jane"),
        'pursuit: --at: no time of day in "next week"; add one, as in "next week 14:00"',
    ),
    (
        ("interview", "acme", "--at", "in 7 days", "--with", "Jane"),
        'pursuit: --at: no time of day in "in 7 days"; add one, as in "in 7 days 14:00"',
    ),
    (
        ("interview", "acme", "--at", "2 days ago", "--with", "Jane"),
        'pursuit: --at: no time of day in "2 days ago"; add one, as in "2 days ago 14:00"',
    ),
    (
        ("interview", "acme", "--at", "fri afternoon", "--with", "Jane"),
        'pursuit: --at: no time of day in "fri afternoon"; add one, as in "fri 14:00"',
    ),
    (
        ("interview", "acme", "--at", "tomorow 10am", "--with", "Jane"),
        'pursuit: --at: can\'t read "tomorow 10am" as a date (did you mean "tomorrow"?); '
        'try "tomorrow 14:00", "fri", "in 2 weeks", "dec 15" or "2026-12-01 09:30"',
    ),
    (
        ("interview", "acme", "--at", "tomorrow 9:30am-11am", "--with", "Jane", "--minutes", "60"),
        'pursuit: --at "tomorrow 9:30am-11am" gives 90 min but --minutes 60; give one',
    ),
    (
        ("interview", "acme", "--at", "2027-06-01 10:00", "--with", "Jane"),
        'pursuit: --at: "2027-06-01 10:00" is Tue 1 Jun 2027 10:00, more than a year from '
        "now; give a date within a year",
    ),
    (
        ("interview", "acme", "--at", "fri 10:00", "--with", "Jane", "--check-back", "dec 15 2030"),
        'pursuit: --check-back: "dec 15 2030" is Sun 15 Dec 2030 09:00, more than a year from '
        "now; give a date within a year",
    ),
    (
        ("guidance", "acme", "2031-01-01"),
        'pursuit: "2031-01-01" is Wed 1 Jan 2031 09:00, more than a year from now; give a date '
        "within a year",
    ),
    (
        ("snooze", "1", "in", "2", "years"),
        'pursuit: "in 2 years" is Sun 19 Mar 2028 09:00, more than a year from now; give a '
        "date within a year",
    ),
    (
        ("add", "Initech", "Engineer", "--applied", "2024-12-15"),
        'pursuit: --applied: "2024-12-15" is Sun 15 Dec 2024 09:00, more than a year ago; '
        "give a date within a year, or add --force if that is right",
    ),
    (
        ("guidance", "acme", "05/04"),
        'pursuit: can\'t read "05/04" as a date (month/day or day/month?); write the month '
        'as a word, as in "dec 15", or use "2026-12-15"',
    ),
]


def test_bad_dates_are_one_line_and_change_nothing(run_cli: RunCli, acme: Database) -> None:
    before = contents(acme)
    for args, line in REFUSED:
        done = run_cli(*args, now=THU)
        assert (done.returncode, done.stdout) == (2, ""), args
        assert done.stderr == line + "\n", args
    assert contents(acme) == before


def test_an_interview_range_gives_its_length(run_cli: RunCli, acme: Database) -> None:
    out = ok(
        run_cli(
            "interview", "acme", "--at", "tomorrow 9:30am-11am", "--with", "Jane Doe, EM", now=THU
        )
    )
    assert out == [
        "Interview at Acme logged: Fri 20 Mar 09:30 (90 min)",
        "  thank-you note to Jane Doe due Sat 21 Mar 11:00",
        "  follow up Mon 30 Mar 09:30 (a guess: ask them when to check back)",
    ]
    # The same length said twice is no conflict; without a range, --minutes or 60.
    ok(
        run_cli(
            "interview",
            "acme",
            "--at",
            "fri 1pm-1:45pm",
            "--with",
            "Bob",
            "--minutes",
            "45",
            now=THU,
        )
    )
    ok(run_cli("interview", "acme", "--at", "fri 16:00", "--with", "Carl", now=THU))
    assert rows(acme, "SELECT starts_at, ends_at FROM interview ORDER BY id") == [
        ("2026-03-20 13:30:00.000000", "2026-03-20 15:00:00.000000"),
        ("2026-03-20 17:00:00.000000", "2026-03-20 17:45:00.000000"),
        ("2026-03-20 20:00:00.000000", "2026-03-20 21:00:00.000000"),
    ]


def test_open_phrases_say_how_they_were_read(run_cli: RunCli, acme: Database) -> None:
    out = ok(
        run_cli(
            "interview", "acme", "--at", "next fri 2pm", "--with", "Bob Lee",
            "--check-back", "next fri at 5", now=THU,
        )
    )  # fmt: skip
    assert out == [
        "Interview at Acme logged: Fri 27 Mar 14:00 (60 min)",
        "  thank-you note to Bob Lee due Sat 28 Mar 15:00",
        "  follow up Fri 27 Mar 17:00",
        'Note: "next fri" is the Friday of next week',
        'Note: "next fri" is the Friday of next week; "at 5" read as 17:00',
    ]
    assert ok(run_cli("guidance", "acme", "next", "fri", now=THU)) == [
        "Acme: follow up Fri 27 Mar 09:00, as they asked",
        'Note: "next fri" is the Friday of next week',
    ]
    assert ok(run_cli("snooze", "2", "apr", "1", "at", "3", now=THU)) == [
        "Snoozed until Wed 1 Apr 15:00",
        'Note: "at 3" read as 15:00',
    ]
    assert rows(acme, "SELECT kind, snoozed_until FROM action WHERE id = 2") == [
        ("thank_you", "2026-04-01 19:00:00.000000")
    ]
    assert ok(run_cli("add", "Globex", "SRE", "--applied", "yesterday at 4", now=THU)) == [
        "Added Globex — SRE (applied)",
        "Applied Wed 18 Mar 16:00",
        "Follow up (a guess; ask them when): Thu 26 Mar 09:30",
        'Note: "at 4" read as 16:00',
    ]


def test_another_year_shows_and_force_takes_a_date_long_ago(
    run_cli: RunCli, acme: Database
) -> None:
    assert ok(run_cli("add", "Hooli", "SRE", "--applied", "dec 15", now=THU)) == [
        "Added Hooli — SRE (applied)",
        "Applied Mon 15 Dec 2025 09:00",
        "Follow up (a guess; ask them when): Mon 22 Dec 2025 09:30",
    ]
    assert ok(run_cli("add", "Initech", "SRE", "--applied", "2024-12-15", "--force", now=THU)) == [
        "Added Initech — SRE (applied)",
        "Applied Sun 15 Dec 2024 09:00",
        "Follow up (a guess; ask them when): Mon 23 Dec 2024 09:30",
    ]
    assert rows(
        acme,
        "SELECT c.name, a.applied_at FROM application a JOIN company c ON c.id = a.company_id"
        " ORDER BY a.id",
    ) == [
        ("Acme", "2026-03-16 14:00:00.000000"),
        ("Hooli", "2025-12-15 14:00:00.000000"),
        ("Initech", "2024-12-15 14:00:00.000000"),
    ]


@pytest.mark.parametrize(
    ("order", "shown"),
    [("day-first", "Sun 5 Apr 09:00"), ("month-first", "Mon 4 May 09:00")],
)
def test_the_date_order_setting_reads_typed_dates(
    run_cli: RunCli, acme: Database, tmp_path: Path, order: str, shown: str
) -> None:
    (tmp_path / "none.toml").write_text(f'date_order = "{order}"\n')
    assert ok(run_cli("guidance", "acme", "05/04", now=THU)) == [
        f"Acme: follow up {shown}, as they asked"
    ]
    got = rows(acme, "SELECT due_at FROM action WHERE kind = 'follow_up' AND done_at IS NULL")
    expected = (
        "2026-04-05 13:00:00.000000" if order == "day-first" else "2026-05-04 13:00:00.000000"
    )
    assert got == [(expected,)], shown
