"""`pursuit demo --apps N`: a generated search that looks real, written once per file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import NOW, RunCli
from pursuit.domain.status import Status
from pursuit.store.timefmt import to_db


def rows(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def counts(db: Path) -> list[tuple[object, ...]]:
    return rows(
        db,
        "SELECT (SELECT count(*) FROM application), (SELECT count(*) FROM action), "
        "(SELECT count(*) FROM event), (SELECT count(*) FROM action WHERE deleted_at IS NOT NULL)"
        ", (SELECT value FROM revision)",
    )


def test_demo_apps_writes_a_lived_in_search_once(run_cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "pursuit.db"
    done = run_cli("demo", "--apps", "300")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"Demo search written to {db}: 312 applications"]

    [(apps, actions, events, cancelled_, _revision)] = counts(db)
    # 300 generated and the 12 of the hand-written demo; about four actions and six events
    # each (one more: the recruiter's details added by hand, an "edit" event): the same
    # seed writes the same search every time.
    assert (apps, actions, events, cancelled_) == (312, 1241, 1880, 355)
    statuses = {s for (s,) in rows(db, "SELECT DISTINCT status FROM application")}
    assert statuses == {s.value for s in Status} - {Status.ACCEPTED.value}
    kinds = {k for (k,) in rows(db, "SELECT DISTINCT kind FROM event")}
    assert kinds == {"status", "follow_up", "reply", "interview", "thank_you", "rejected"} | {
        "bridge",
        "check_in",
        "edit",  # a recruiter's details, added by hand
    }
    now = to_db(NOW)
    [(overdue, upcoming, done_, cancelled, bridges)] = rows(
        db,
        "SELECT sum(live AND next_at < ?), sum(live AND next_at >= ?), "
        "sum(done_at IS NOT NULL), sum(deleted_at IS NOT NULL), "
        "(SELECT count(*) FROM company WHERE is_bridge) "
        "FROM (SELECT *, done_at IS NULL AND deleted_at IS NULL AS live FROM action)",
        now,
        now,
    )
    # Every action is pending (overdue or upcoming), done or cancelled.
    # Guessed dates land at 09:30 on a working day, so fewer are already past than a plain
    # "seven days later" would make (192 then).
    assert (overdue, upcoming, done_, cancelled, bridges) == (179, 189, 518, 355, 24)
    assert overdue + upcoming + done_ + cancelled == actions

    # A second run would duplicate every generated company: refused, nothing written.
    before = counts(db)
    again = run_cli("demo", "--apps", "300")
    assert again.returncode == 2
    assert again.stderr.strip() == (
        f"pursuit: {db} already holds a search (312 companies); the demo goes into a new "
        "file: pursuit --db demo.db demo"
    )
    assert counts(db) == before

    # Generated rows are not recorded for undo: undo takes back the last hand-written step.
    generated = (
        "SELECT count(*), sum(a.deleted_at IS NOT NULL) FROM action a "
        "JOIN company c ON c.id = a.company_id WHERE c.name LIKE 'Company %'"
    )
    untouched = rows(db, generated)
    undone = run_cli("undo")
    assert (undone.returncode, undone.stdout) == (0, "Undid: reject Wayne Enterprises\n"), (
        undone.stderr
    )
    assert rows(db, generated) == untouched
