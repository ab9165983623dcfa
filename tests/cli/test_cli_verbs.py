"""Every verb as a real subprocess: exit code, output, and the rows it wrote."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import subprocess
from pathlib import Path

from conftest import PURSUIT, RunCli, cli_env, rows
from pursuit.store import commands
from pursuit.store.context import Ctx
from pursuit.store.database import Database
from pursuit.store.exporter import export_json

MON = "2026-03-16T09:00:00-04:00"
TUE = "2026-03-17T09:00:00-04:00"


def ok(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout.splitlines()


def test_application_verbs(run_cli: RunCli, db: Database) -> None:

    out = json.loads(
        run_cli(
            "add",
            "Globex",
            "Platform Engineer",
            "--applied",
            "2 weeks ago",
            "--url",
            "https://globex.example/42",
            "--source",
            "referral",
            "--json",
            now=MON,
        ).stdout
    )
    assert out == {
        "application_id": 1,
        "company": "Globex",
        "role": "Platform Engineer",
        "status": "applied",
        "known": None,
    }
    assert rows(db, "SELECT title, status, url, source, applied_at FROM application") == [
        (
            "Platform Engineer",
            "applied",
            "https://globex.example/42",
            "referral",
            "2026-03-02 14:00:00.000000",
        )
    ]

    out = json.loads(
        run_cli(
            "interview",
            "glob",
            "--at",
            "yesterday 14:00",
            "--minutes",
            "45",
            "--with",
            "Priya Nair, Recruiter",
            "--with",
            "Sam Ode",
            "--check-back",
            "in 2 weeks",
            "--json",
            now=MON,
        ).stdout
    )
    assert out["interviewers"] == ["Priya Nair", "Sam Ode"]
    assert out["thank_you_due"] == "2026-03-16T14:45:00-04:00"
    assert rows(db, "SELECT name, role FROM contact ORDER BY id") == [
        ("Priya Nair", "Recruiter"),
        ("Sam Ode", None),
    ]
    assert rows(
        db,
        "SELECT kind, due_at, due_guessed FROM action WHERE done_at IS NULL AND deleted_at IS NULL ORDER BY id",
    ) == [
        ("thank_you", "2026-03-16 18:45:00.000000", 0),
        ("thank_you", "2026-03-16 18:45:00.000000", 0),
        ("follow_up", "2026-03-30 13:00:00.000000", 0),
    ]

    assert ok(run_cli("talking-point", "globex", "priya", "the billing migration", now=MON)) == [
        "Talking point for Priya Nair saved"
    ]
    assert rows(db, "SELECT talking_point FROM contact WHERE name = 'Priya Nair'") == [
        ("the billing migration",)
    ]

    assert ok(run_cli("guidance", "globex", "in", "3", "weeks", now=MON)) == [
        "Globex: follow up Mon 6 Apr 09:00, as they asked"
    ]
    assert rows(
        db,
        "SELECT due_at FROM action WHERE kind = 'follow_up' AND done_at IS NULL AND deleted_at IS NULL",
    ) == [("2026-04-06 13:00:00.000000",)]

    note = "Thank you for the time today. I enjoyed hearing about the team and the roadmap a lot."
    assert ok(run_cli("thanks", "globex", "priya", "--note", "Dear Priya, " + note, now=MON)) == [
        "Thank-you note to Priya Nair at Globex marked sent"
    ]
    # (Without --force this exits 3, as the store tests show for R2 and the scenario for R5.)
    assert ok(
        run_cli("thanks", "globex", "sam", "--note", "Dear Sam, " + note, "--force", now=MON)
    ) == [
        "Thank-you note to Sam Ode at Globex marked sent (sent anyway; alike the note to Priya Nair)"
    ]
    assert rows(
        db,
        "SELECT c.name, a.sent_note FROM action a JOIN contact c ON c.id = a.contact_id WHERE a.done_at IS NOT NULL ORDER BY a.id",
    ) == [
        ("Priya Nair", "Dear Priya, " + note),
        ("Sam Ode", "Dear Sam, " + note),
    ]

    followup = run_cli(
        "followup",
        "globex",
        "--force",
        "--channel",
        "phone",
        "--note",
        "I could drop by your office",
        now=TUE,
    )
    assert followup.returncode == 0, followup.stderr
    assert followup.stdout.startswith("Follow-up to Globex logged; next check Tue 24 Mar 09:30")
    assert followup.stderr.splitlines() == [
        "pursuit: warning: mentions an uninvited visit: keep follow-ups to email, phone, letter or a message"
    ]
    assert rows(db, "SELECT channel, direction, body FROM event WHERE kind = 'follow_up'") == [
        ("phone", "out", "I could drop by your office")
    ]

    assert ok(run_cli("heard", "globex", "--note", "still deciding", now=TUE)) == [
        "Noted: Globex answered"
    ]
    assert rows(db, "SELECT direction, body FROM event WHERE kind = 'reply'") == [
        ("in", "still deciding")
    ]

    assert ok(run_cli("move", "globex", "on hold", now=TUE)) == ["Globex: interviewing → on hold"]
    assert rows(db, "SELECT status FROM application") == [("on_hold",)]
    ((fu_id, fu_due),) = rows(
        db,
        "SELECT id, due_at FROM action WHERE kind = 'follow_up' AND done_at IS NULL AND deleted_at IS NULL",
    )
    # R9: thirty days, the hold cadence, at the usual time: Thu 16 Apr 09:30.
    assert fu_due == "2026-04-16 13:30:00.000000"

    assert ok(run_cli("snooze", str(fu_id), "apr", "20", now=TUE)) == [
        "Snoozed until Mon 20 Apr 09:00"
    ]
    assert rows(db, "SELECT snoozed_until, next_at FROM action WHERE id = ?", fu_id) == [
        ("2026-04-20 13:00:00.000000", "2026-04-20 13:00:00.000000")
    ]
    # A follow-up is done one of three ways (issue #11): without one, nothing is written.
    bare = run_cli("done", str(fu_id), now=TUE)
    assert bare.returncode == 2
    assert bare.stderr == (
        "pursuit: say what happened to the follow-up: --sent, --heard or --drop\n"
    )
    # Dropped: no touch, and the next follow-up guessed from now at the hold cadence: Tue
    # 17 Mar + 30 d is Thu 16 Apr, at the usual 09:30.
    assert ok(run_cli("done", str(fu_id), "--drop", now=TUE)) == [
        "Done: follow-up dropped; waiting on them until Thu 16 Apr 09:30 (a guess)"
    ]
    assert rows(db, "SELECT deleted_at IS NOT NULL FROM action WHERE id = ?", fu_id) == [(1,)]
    assert rows(
        db,
        "SELECT due_at FROM action WHERE kind = 'follow_up' AND done_at IS NULL"
        " AND deleted_at IS NULL",
    ) == [("2026-04-16 13:30:00.000000",)]
    assert ok(run_cli("undo", now=TUE)) == ["Undid: follow-up to Globex dropped"]
    assert rows(db, "SELECT done_at, deleted_at FROM action WHERE id = ?", fu_id) == [(None, None)]


def test_read_verbs_on_the_demo(run_cli: RunCli, db: Database, engine: str, tmp_path: Path) -> None:
    assert ok(run_cli("demo", now=MON)) == [f"Demo search written to {db.label}: 12 applications"]
    assert rows(db, "SELECT count(DISTINCT company_id) FROM application") == [(12,)]

    quick = ok(
        run_cli(
            "quick",
            "Initech / SRE interview tomorrow 10:00 with Bill Lumbergh (VP), Milton",
            now=MON,
        )
    )
    assert quick[0].startswith(
        # The company as saving will use it: here a new one.
        "New application: Initech (new company) — SRE; Interview at Initech on Tue 17 Mar 10:00"
    )
    assert quick[-1] == "Saved"
    assert rows(
        db,
        "SELECT count(*) FROM action a JOIN company c ON c.id = a.company_id WHERE c.name = 'Initech' AND a.kind = 'thank_you'",
    ) == [(2,)]

    listed = json.loads(run_cli("list", "--json", now=MON).stdout)
    by_company = {a["company"]: a for a in listed}
    assert (
        by_company["Initech"]["role"] == "SRE" and by_company["Initech"]["status"] == "interviewing"
    )
    assert by_company["Hooli"]["status"] == "offer"
    assert by_company["Vandelay Industries"]["status"] == "on_hold"
    assert "Pied Piper" not in by_company  # ghosted is closed
    text = ok(run_cli("list", now=MON))
    assert len(text) == len(listed)
    assert any(line.startswith("Hooli") and "offer" in line for line in text)

    due = json.loads(run_cli("due", "--json", now=MON).stdout)
    # With Initech added the options gauge is on target, so no "options" nudge: the four
    # overdue first, today's two, then what is coming: Initech's interview tomorrow and
    # Massive Dynamic's on Friday are on the agenda, their notes not until they end.
    keys = {"kind", "company", "contact", "due", "overdue", "bucket", "what"}
    keys |= {"action_id", "application_id", "role", "guessed"}
    assert [set(item) for item in due] == [keys] * 15
    assert [(i["kind"], i["company"], i["bucket"]) for i in due] == [
        ("follow_up", "Soylent", "overdue"),
        ("check_in", "Wayne Enterprises", "overdue"),
        ("follow_up", "Hooli", "overdue"),
        ("thank_you", "Acme Robotics", "overdue"),
        ("follow_up", "Umbrella Health", "today"),
        ("thank_you", "Globex", "today"),
        ("interview", "Initech", "upcoming"),
        ("interview", "Massive Dynamic", "upcoming"),
        ("follow_up", "Acme Robotics", "upcoming"),
        ("follow_up", "Cyberdyne", "upcoming"),
        ("follow_up", "Globex", "upcoming"),
        ("follow_up", "Initech", "upcoming"),
        ("follow_up", "Vandelay Industries", "upcoming"),
        ("check_in", "Stark Industries", "upcoming"),
        ("follow_up", "Massive Dynamic", "upcoming"),
    ]
    assert [i["overdue"] for i in due] == [True] * 4 + [False] * 11
    # Times in New York's zone, at the usual 09:30 a coach would choose for guesses: a week
    # after Initech's interview ends is Tue 24 at 11:00, past 09:30, so Wed 25 at 09:30.
    assert due[0]["due"] == "2026-03-09T09:30:00-04:00"
    assert (
        due[6]["what"] == "Interview at Initech, Tue 17 Mar 10:00, with Bill Lumbergh (VP), Milton"
    )
    assert due[11]["due"] == "2026-03-25T09:30:00-04:00"
    lines = ok(run_cli("due", now=MON))
    marks = ["! overdue"] * 4 + ["  today"] * 2 + ["  upcoming"] * 9
    assert [line[:10].rstrip() for line in lines] == marks

    assert ok(run_cli("status", now=MON)) == ["4 overdue · 2 today · 8/5 active"]

    target = tmp_path / "copy.db"
    assert ok(run_cli("backup", str(target), now=MON)) == [f"Backed up to {target}"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    if engine == "sqlite":
        with contextlib.closing(sqlite3.connect(target)) as copy:
            copied = copy.execute("SELECT count(*) FROM application").fetchall()
        assert copied == rows(db, "SELECT count(*) FROM application")
    else:  # a logical backup: the search's own export
        assert target.read_bytes() == export_json(db)
    again = run_cli("backup", str(target), now=MON)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_a_reader_that_stops_early_is_not_an_error(ctx: Ctx) -> None:
    """`pursuit list | head -1`, `pursuit status` in a prompt that went away."""
    commands.add_application(ctx, "Acme", "Engineer")
    ctx.db.close()
    db = ctx.db.path
    for verb in (("list",), ("due", "--json"), ("status",)):
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            result = subprocess.run(
                [str(PURSUIT), *verb],
                env=cli_env(db, MON),
                stdout=write_end,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
                check=False,
            )
        finally:
            os.close(write_end)
        assert (result.returncode, result.stderr) == (0, ""), verb
