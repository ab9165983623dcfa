"""One definition per write: a story written as one command per step, as one big write
(what `pursuit demo --apps N` does), and through an import gives the same rows.

They agree because they run the same definitions (`store.writes`); these tests catch a
write path that stops going through them, or a writer that applies a world differently
when it is large (executemany) than when it is one command.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from conftest import NOW, NY
from pursuit.demo import replay_with_commands, write_plan
from pursuit.demo.plan import plan
from pursuit.domain.settings import DEFAULTS, RuleSettings
from pursuit.domain.status import Status
from pursuit.store import commands, importer, sheet_reader
from pursuit.store.context import Ctx
from pursuit.store.database import open_database
from pursuit.store.errors import InputError
from pursuit.store.steps import (
    Apply,
    CheckIn,
    FollowUp,
    HeardBack,
    Interview,
    Move,
    Reject,
    Step,
    Thanks,
)
from pursuit.store.undo import undo_last

# Every table a command writes, except `change` (a generated demo is not recorded for undo)
# and `revision` (one write per step bumps it more often).
TABLES = {
    "company": "id",
    "contact": "id",
    "application": "id",
    "interview": "id",
    "interview_contact": "interview_id, contact_id",
    "action": "id",
    "event": "id",
}
# Seed and size chosen so that every branch of the story occurs (asserted below).
STORIES, SEED = 50, 27
# Every rule knob the writes read, moved off its default, and a bridge cadence tied to the
# calendar (a check-in keeps its anchor) rather than an interval.
CUSTOM = RuleSettings(
    thank_you_window=timedelta(hours=12),
    default_guidance=timedelta(days=5),
    hold_cadence=timedelta(days=21),
    bridge_rule="FREQ=MONTHLY;BYDAY=1MO",
)


def branches(steps: list[Step], now: datetime) -> set[str]:
    """Which parts of the story a plan exercises, read from the plan alone."""
    seen: set[str] = set()
    status: dict[str, Status] = {}
    met: dict[str, set[str]] = {}
    owed = 0
    for step in steps:
        company = step.company
        match step:
            case Apply(wishlist=wishlist):
                seen.add("wishlist" if wishlist else "applied")
                status[company] = Status.WISHLIST if wishlist else Status.APPLIED
            case FollowUp():
                seen.add(f"follow-up while {status[company]}")
            case HeardBack():
                seen.add("heard back")
            case Move(status=new):
                seen.add(f"{status[company]} -> {new}")
                status[company] = new
            case Interview(people=people, check_back=check_back):
                names = {p.name for p in people}
                seen.add("second round" if company in met else "first round")
                if names & met.get(company, set()):
                    seen.add("interviewer met before")
                if check_back is not None:
                    seen.add("employer's date")
                if len(names) > 1:
                    seen.add("panel")
                if step.starts + timedelta(minutes=step.minutes) >= now:
                    seen.add("interview to come")
                else:
                    owed += len(names)
                met.setdefault(company, set()).update(names)
                if status[company] in (Status.APPLIED, Status.SCREENING):
                    status[company] = Status.INTERVIEWING
            case Thanks():
                seen.add("thank-you sent")
                owed -= 1
            case Reject(friendly=friendly):
                seen.add("rejected kindly" if friendly else "rejected")
                status[company] = Status.REJECTED
            case CheckIn():
                seen.add("check-in")
    if owed > 0:
        seen.add("thank-you left overdue")
    return seen


EVERY_BRANCH = {
    "wishlist",
    "applied",
    "follow-up while applied",
    "follow-up while screening",
    "follow-up while interviewing",
    "follow-up while on_hold",
    "heard back",
    "applied -> screening",
    "applied -> ghosted",
    "interviewing -> ghosted",
    "interviewing -> on_hold",
    "interviewing -> offer",
    "interviewing -> withdrawn",
    "first round",
    "second round",
    "interviewer met before",
    "employer's date",
    "panel",
    "interview to come",
    "thank-you sent",
    "thank-you left overdue",
    "rejected kindly",
    "rejected",
    "check-in",
}


def dump(path: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    conn = sqlite3.connect(path)
    try:
        return {
            table: (
                [r[1] for r in conn.execute(f"PRAGMA table_info({table})")],
                conn.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall(),
            )
            for table, key in TABLES.items()
        }
    finally:
        conn.close()


def fresh(path: Path, settings: RuleSettings) -> Ctx:
    ctx = Ctx(db=open_database(path), now=NOW, tz=NY, settings=settings)
    # A row already there, so the new rows' ids must start after the file's own.
    commands.add_application(replace(ctx, now=NOW - timedelta(days=120)), "Existing Co", "SRE")
    return ctx


def same_rows(want_path: Path, got_path: Path, *, but: frozenset[str] = frozenset()) -> None:
    """Every column of every row alike, except the `but` ones ("action.due_at")."""
    want, got = dump(want_path), dump(got_path)
    for table, (columns, rows) in want.items():
        assert len(got[table][1]) == len(rows), table
        for expected, actual in zip(rows, got[table][1], strict=True):
            differ = {
                c: (e, a)
                for c, e, a in zip(columns, expected, actual, strict=True)
                if e != a and f"{table}.{c}" not in but
            }
            if differ:
                pytest.fail(f"{table} row {expected[0]}: (one by one, at once) differ: {differ}")


@pytest.mark.parametrize("settings", [DEFAULTS, CUSTOM], ids=["default rules", "custom rules"])
def test_one_write_gives_what_one_command_per_step_gives(
    tmp_path: Path, settings: RuleSettings
) -> None:
    steps = plan(STORIES, now=NOW, tz=NY, seed=SEED)
    assert branches(steps, NOW) == EVERY_BRANCH

    by_commands = fresh(tmp_path / "commands.db", settings)
    replay_with_commands(by_commands, steps)
    at_once = fresh(tmp_path / "at-once.db", settings)
    before = at_once.db.revision()
    assert write_plan(at_once, steps) == STORIES
    # The revision triggers fire on these inserts too, so an open app sees the new rows.
    assert at_once.db.revision() > before
    same_rows(by_commands.db.path, at_once.db.path)
    by_commands.db.close()
    at_once.db.close()


SHEET = """company,role,status,applied,source
Acme Robotics,Backend Engineer,applied,2026-03-01,referral
Globex,Platform Engineer,interviewing,2026-02-20,
Initech,SRE,rejected,2026-02-10,job board
Hooli,SRE,on hold,2026-02-15,
Soylent,Chef,wishlist,,
Umbrella Health,Data Engineer,offer,2026-01-30,recruiter
Vandelay,Importer,ghosted,2026-01-02,
Pied Piper,Compression Engineer,screening,2026-03-10,
"""


def test_an_import_gives_what_add_then_move_give(tmp_path: Path) -> None:
    sheet = tmp_path / "tracker.csv"
    sheet.write_text(SHEET)
    imported = fresh(tmp_path / "imported.db", DEFAULTS)
    report = importer.import_file(imported, sheet)
    assert (len(report.created), report.problems) == (8, [])

    by_hand = fresh(tmp_path / "by-hand.db", DEFAULTS)
    read = sheet_reader.read_sheet(by_hand, SHEET)
    assert read.problems == []
    for row in read.rows:
        start = Status.WISHLIST if row.status == Status.WISHLIST else Status.APPLIED
        commands.add_application(
            by_hand,
            row.company,
            row.role,
            applied_at=row.applied_at,
            status=start,
            fields={"source": row.source} if row.source else None,
        )
        if row.status != start:
            commands.move(by_hand, row.company, row.status)
    # The same rows, but for the follow-ups that would be overdue at the import: those
    # start from the import (writes/imports.py), a week on, three a morning.
    reminders = frozenset({"action.due_at", "action.next_at"})
    same_rows(by_hand.db.path, imported.db.path, but=reminders)
    due = (
        "SELECT c.name, a.due_at, a.due_guessed FROM action a JOIN company c"
        " ON c.id = a.company_id WHERE a.deleted_at IS NULL AND a.kind = 'follow_up'"
        " ORDER BY a.id"
    )
    with sqlite3.connect(by_hand.db.path) as conn:
        by_hand_due = conn.execute(due).fetchall()
    with sqlite3.connect(imported.db.path) as conn:
        imported_due = conn.execute(due).fetchall()
    assert by_hand_due[1:4] == [
        # A week after Sun 1 Mar is a Sunday: Mon 9 Mar 09:30, the clocks gone forward.
        ("Acme Robotics", "2026-03-09 13:30:00.000000", 1),
        ("Globex", "2026-02-27 14:30:00.000000", 1),
        ("Hooli", "2026-04-15 13:30:00.000000", 1),
    ]
    assert imported_due == [
        ("Existing Co", "2025-11-24 14:30:00.000000", 1),  # there before: left alone
        ("Acme Robotics", "2026-03-23 13:30:00.000000", 1),  # Mon 23 Mar 09:30 in New York
        ("Globex", "2026-03-23 13:30:00.000000", 1),
        ("Hooli", "2026-04-15 13:30:00.000000", 1),  # on hold: 30 days from now, as a move
        ("Umbrella Health", "2026-03-23 13:30:00.000000", 1),
        ("Pied Piper", "2026-03-17 13:30:00.000000", 1),  # applied 6 days ago: as added
    ]
    # One undo takes the whole import back, as one undo takes back one command.
    assert undo_last(imported.db, now=NOW) == f"import {sheet.name}"
    with sqlite3.connect(imported.db.path) as conn:
        live = conn.execute("SELECT count(*) FROM application WHERE deleted_at IS NULL")
        assert live.fetchone() == (1,)  # only the row that was there before


def test_a_generated_search_refuses_companies_already_in_the_file(ctx: Ctx) -> None:
    steps = plan(3, now=NOW, tz=NY)
    write_plan(ctx, steps)
    revision = ctx.db.revision()
    with pytest.raises(InputError, match="Company 00000 is already in this database"):
        write_plan(ctx, steps)
    with pytest.raises(InputError, match="3 of the generated companies"):
        write_plan(ctx, [*steps, Apply(NOW, "Other", "SRE")])
    assert ctx.db.revision() == revision
    # A plan a command would refuse is refused whole, before anything is written.
    late = steps[-1].at + timedelta(hours=1)
    with pytest.raises(InputError, match="closed as withdrawn"):
        write_plan(
            ctx,
            [
                Apply(late, "Fresh Co", "SRE"),
                Move(late, "Fresh Co", Status.WITHDRAWN),
                Move(late, "Fresh Co", Status.SCREENING),
            ],
        )
    assert ctx.db.revision() == revision
