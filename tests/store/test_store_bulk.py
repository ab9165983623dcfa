"""The bulk writer against the commands: one plan replayed both ways gives the same rows.

This is what makes `pursuit demo --apps N` trustworthy: the commands stay the one
definition of what a write means, and store/bulk.py must follow them column by column.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from conftest import NOW, NY
from pursuit.demo import replay_with_commands
from pursuit.demo_plan import plan
from pursuit.domain.settings import DEFAULTS, RuleSettings
from pursuit.domain.status import Status
from pursuit.store import bulk, commands
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

# Every table a command writes, except `change` (bulk writes are not recorded for undo) and
# `revision` (the commands also update rows, which bumps it more often).
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
    # A row already there, so the bulk writer's ids must start after the file's own.
    commands.add_application(replace(ctx, now=NOW - timedelta(days=120)), "Existing Co", "SRE")
    return ctx


@pytest.mark.parametrize("settings", [DEFAULTS, CUSTOM], ids=["default rules", "custom rules"])
def test_bulk_writes_exactly_what_the_commands_write(
    tmp_path: Path, settings: RuleSettings
) -> None:
    steps = plan(STORIES, now=NOW, tz=NY, seed=SEED)
    assert branches(steps, NOW) == EVERY_BRANCH

    by_commands = fresh(tmp_path / "commands.db", settings)
    replay_with_commands(by_commands, steps)
    by_bulk = fresh(tmp_path / "bulk.db", settings)
    before = by_bulk.db.revision()
    written = bulk.write_plan(by_bulk, steps)
    # The revision triggers fire on bulk inserts too, so an open app sees the new rows.
    assert by_bulk.db.revision() > before

    want, got = dump(by_commands.db.path), dump(by_bulk.db.path)
    for table, (columns, rows) in want.items():
        assert len(got[table][1]) == len(rows), table
        for expected, actual in zip(rows, got[table][1], strict=True):
            if actual != expected:
                differ = {
                    c: (e, a) for c, e, a in zip(columns, expected, actual, strict=True) if e != a
                }
                pytest.fail(f"{table} row {expected[0]}: (commands, bulk) differ in {differ}")
    assert (written.applications, written.actions, written.events) == (
        STORIES,
        len(want["action"][1]) - 1,
        len(want["event"][1]) - 1,
    )
    by_commands.db.close()
    by_bulk.db.close()


def test_bulk_refuses_companies_already_in_the_file_and_writes_nothing(ctx: Ctx) -> None:
    steps = plan(3, now=NOW, tz=NY)
    bulk.write_plan(ctx, steps)
    revision = ctx.db.revision()
    with pytest.raises(InputError, match="Company 00000 is already in this database"):
        bulk.write_plan(ctx, steps)
    with pytest.raises(InputError, match="3 of the generated companies"):
        bulk.refuse_existing(ctx, ["company 00002", "Company 00000", "Company 00001", "Other"])
    assert ctx.db.revision() == revision
    # A plan the commands would refuse is refused before anything is written.
    late = steps[-1].at + timedelta(hours=1)
    with pytest.raises(InputError, match="closed as withdrawn"):
        bulk.write_plan(
            ctx,
            [
                Apply(late, "Fresh Co", "SRE"),
                Move(late, "Fresh Co", Status.WITHDRAWN),
                Move(late, "Fresh Co", Status.SCREENING),
            ],
        )
    assert ctx.db.revision() == revision
