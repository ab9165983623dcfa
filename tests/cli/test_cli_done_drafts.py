"""Issue #11 from the shell: `done` says what happened to a follow-up; a note still
holding its placeholder asks first (exit 3) until --force."""

from __future__ import annotations

from conftest import RunCli, contents, rows
from pursuit.store.database import Database

MON = "2026-03-16T09:00:00-04:00"
TUE_WEEK = "2026-03-24T09:00:00-04:00"


def follow_up(db: Database) -> int:
    ((fu,),) = rows(
        db,
        "SELECT id FROM action WHERE kind = 'follow_up' AND done_at IS NULL AND deleted_at IS NULL",
    )
    return int(str(fu))


def started(run_cli: RunCli, db: Database) -> tuple[Database, int]:
    assert run_cli("add", "Acme", "Engineer", now=MON).returncode == 0
    return db, follow_up(db)


def test_done_on_a_follow_up_needs_one_of_three(run_cli: RunCli, db: Database) -> None:
    db, fu = started(run_cli, db)
    digest = contents(db)
    for args, line in [
        ((), "pursuit: say what happened to the follow-up: --sent, --heard or --drop"),
        (("--drop", "--force"), "pursuit: --force goes with --sent"),
    ]:
        out = run_cli("done", str(fu), *args, now=TUE_WEEK)
        assert out.returncode == 2, out
        assert out.stderr.splitlines()[0].startswith(line)
        assert len(out.stderr.splitlines()) == 1
        assert out.stdout == ""
        assert contents(db) == digest
    both = run_cli("done", str(fu), "--sent", "--drop", now=TUE_WEEK)
    assert both.returncode == 2 and contents(db) == digest


def test_done_sent_heard_drop(run_cli: RunCli, db: Database) -> None:
    db, fu = started(run_cli, db)
    expected = {
        "--sent": "Done: follow-up sent; waiting on them until Tue 31 Mar 09:30 (a guess)",
        "--heard": "Done: follow-up: Acme answered; waiting on them until Tue 31 Mar 09:30 (a guess)",
        "--drop": "Done: follow-up dropped; waiting on them until Tue 31 Mar 09:30 (a guess)",
    }
    touches = {"--sent": [("follow_up", "out")], "--heard": [("reply", "in")], "--drop": []}
    for flag, line in expected.items():
        out = run_cli("done", str(fu), flag, now=TUE_WEEK)
        assert (out.returncode, out.stdout.splitlines()) == (0, [line]), out.stderr
        assert (
            rows(
                db,
                "SELECT kind, direction FROM event WHERE kind NOT IN ('status', 'application')"
                " AND deleted_at IS NULL",
            )
            == touches[flag]
        )
        assert rows(
            db,
            "SELECT due_at FROM action WHERE kind = 'follow_up' AND done_at IS NULL"
            " AND deleted_at IS NULL",
        ) == [("2026-03-31 13:30:00.000000",)]
        undo = run_cli("undo", now=TUE_WEEK)
        assert undo.returncode == 0 and undo.stdout.startswith("Undid: "), undo
        assert follow_up(db) == fu


def test_done_sent_too_soon_is_exit_3_until_forced(run_cli: RunCli, db: Database) -> None:
    db, fu = started(run_cli, db)
    digest = contents(db)
    out = run_cli("done", str(fu), "--sent", now=MON)
    assert out.returncode == 3 and "too soon to follow up with Acme" in out.stderr
    assert contents(db) == digest
    assert run_cli("done", str(fu), "--sent", "--force", now=MON).returncode == 0


def test_thanks_with_the_placeholder_asks_until_forced(run_cli: RunCli, db: Database) -> None:
    db, _ = started(run_cli, db)
    assert run_cli("interview", "acme", "--at", "today 8:00", "--with", "Jane Doe").returncode == 0
    digest = contents(db)
    out = run_cli("thanks", "acme", "jane")
    assert out.returncode == 3
    assert out.stderr == (
        "pursuit: the note to Jane Doe still has the line to personalise: it still says"
        " “[Add one thing you discussed with Jane that only the two of you talked about.]”;"
        " write that line, or send it anyway (use --force to go ahead)\n"
    )
    assert contents(db) == digest
    sent = run_cli("thanks", "acme", "jane", "--force")
    assert sent.stdout == "Thank-you note to Jane Doe at Acme marked sent\n", sent.stderr


def test_checkin_with_a_template_note_asks_until_forced(run_cli: RunCli, db: Database) -> None:
    db, _ = started(run_cli, db)
    assert run_cli("reject", "acme", "--friendly").returncode == 0
    note = "Hi, since we spoke I have kept working on [something new you did]."
    digest = contents(db)
    out = run_cli("checkin", "acme", "--note", note, now=TUE_WEEK)
    assert out.returncode == 3 and "still has the line to personalise" in out.stderr
    assert contents(db) == digest
    assert run_cli("checkin", "acme", "--note", note, "--force", now=TUE_WEEK).returncode == 0


def test_due_shows_the_day_beside_a_time_rounded_to_the_nearest(
    run_cli: RunCli, db: Database
) -> None:
    started(run_cli, db)
    # The guess is Mon 23 Mar 09:30; seen Fri 20 Mar 11:00 it is 2 d 22 h 30 min away.
    out = run_cli("due", now="2026-03-20T11:00:00-04:00")
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if "Follow up" in x)
    assert line.startswith("  upcoming due in 3 d · Mon 23 Mar   Follow up (a guess")
    # In another year, the year too.
    late = run_cli("due", now="2025-12-20T11:00:00-05:00")
    assert "due in 13 w · Mon 23 Mar 2026 " in late.stdout, late.stdout
