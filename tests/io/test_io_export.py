"""`pursuit export` at the store level: lossless JSON, spreadsheet-safe CSV, a calendar
that icalendar reads back, and owner-only files."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import timedelta
from pathlib import Path

import arrow
import ics
from icalendar import Calendar

from pursuit.demo import fill_demo
from pursuit.domain.people import Person
from pursuit.domain.similarity import similarity
from pursuit.store import action_reads, commands, importer
from pursuit.store.calendar import export_ics
from pursuit.store.context import Ctx
from pursuit.store.database import open_database
from pursuit.store.exporter import export_csv, export_json, write_private
from pursuit.store.timefmt import to_db
from pursuit.store.unit import undo_last


def test_json_export_import_export_is_byte_identical(ctx: Ctx, tmp_path: Path) -> None:
    fill_demo(ctx, extra_apps=3)
    undo_last(ctx.db, now=ctx.now)  # leaves soft-deleted rows behind
    first = export_json(ctx.db)
    doc = json.loads(first)
    assert (doc["format"], doc["version"]) == ("pursuit", 1)
    with ctx.db.read() as conn:
        live = conn.execute("SELECT count(*) FROM action WHERE deleted_at IS NULL").fetchone()[0]
        deleted = conn.execute("SELECT count(*) FROM action WHERE deleted_at IS NOT NULL")
        assert deleted.fetchone()[0] > 0
    assert len(doc["tables"]["action"]) == live

    path = tmp_path / "export.json"
    path.write_bytes(first)
    empty = open_database(tmp_path / "empty.db")
    importer.import_file(Ctx(db=empty, now=ctx.now, tz=ctx.tz), path)
    assert export_json(empty) == first
    empty.close()


def test_csv_cells_cannot_run_as_formulas_and_read_back(ctx: Ctx, tmp_path: Path) -> None:
    commands.add_application(ctx, "@Evil Corp", '=HYPERLINK("http://x")', fields={"note": "-2 + 3"})
    commands.add_application(ctx, "Plain Co", "Engineer", fields={"source": "+1 555 0100"})
    data = export_csv(ctx.db, ctx.tz)
    assert b"\r\n" in data

    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[0][:4] == ["Company", "Role", "Status", "Date Applied"]
    cells = [cell for row in rows[1:] for cell in row]
    assert "'@Evil Corp" in cells and '\'=HYPERLINK("http://x")' in cells
    assert "'-2 + 3" in cells and "'+1 555 0100" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]

    # pursuit reads its own CSV back as it was.
    path = tmp_path / "apps.csv"
    path.write_bytes(data)
    other = open_database(tmp_path / "other.db")
    report = importer.import_file(Ctx(db=other, now=ctx.now, tz=ctx.tz), path)
    assert len(report.created) == 2 and not report.problems
    with other.read() as conn:
        got = conn.execute(
            "SELECT c.name, a.title, a.notes, a.source FROM application a"
            " JOIN company c ON c.id = a.company_id ORDER BY a.id"
        ).fetchall()
    assert got == [
        ("@Evil Corp", '=HYPERLINK("http://x")', "-2 + 3", None),
        ("Plain Co", "Engineer", "", "+1 555 0100"),
    ]
    other.close()


def test_ics_has_interviews_and_todos_with_alarms_and_reads_back(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Backend Engineer")
    commands.log_interview(
        ctx,
        "Acme",
        at=ctx.now + timedelta(days=2),
        people=(Person("Jane Doe", "EM"), Person("Bob Lee")),
        check_back_text="after the 3rd",
        check_back=ctx.now + timedelta(days=20),
    )
    data = export_ics(ctx.db, ctx.now)

    lines = data.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR" and data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in lines), "RFC 5545 folds lines at 75 octets"
    cal = Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0" and "pursuit" in str(cal["PRODID"])
    events = cal.walk("VEVENT")
    todos = cal.walk("VTODO")
    with ctx.db.read() as conn:
        pending = action_reads.pending_actions(conn)
    assert len(events) == 1 and len(todos) == len(pending) == 3  # 2 thank-yous, 1 follow-up
    event = events[0]
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=1)
    assert "Jane Doe (EM), Bob Lee" in str(event["DESCRIPTION"])
    assert "after the 3rd" in str(event["DESCRIPTION"])
    for component in [event, *todos]:
        for prop in ("UID", "DTSTAMP", "SUMMARY"):
            assert prop in component, (prop, component)
        assert component.decoded("DTSTAMP") == ctx.now
    for todo, action in zip(todos, pending, strict=True):
        assert todo.decoded("DUE") == action.next_at
        (alarm,) = todo.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY" and alarm["DESCRIPTION"]
        assert alarm.decoded("TRIGGER") == action.next_at
    assert "Thank Jane Doe (EM) — Acme" in {str(t["SUMMARY"]) for t in todos}

    # The same rows keep their UIDs, so a calendar updates instead of duplicating.
    later = Calendar.from_ical(export_ics(ctx.db, ctx.now + timedelta(hours=5)))
    uids = [str(c["UID"]) for c in cal.walk() if "UID" in c]
    assert len(set(uids)) == len(uids) == 4
    assert [str(c["UID"]) for c in later.walk() if "UID" in c] == uids


def test_every_reminder_reads_back_in_a_strict_calendar_parser(ctx: Ctx) -> None:
    """ics-py, not the writer: it refuses an absolute TRIGGER without VALUE=DATE-TIME, as
    libical and ical.js do, so every alarm here is one a calendar app would keep."""
    fill_demo(ctx)
    data = export_ics(ctx.db, ctx.now)
    triggers = [line for line in data.split(b"\r\n") if line.startswith(b"TRIGGER")]
    with ctx.db.read() as conn:
        pending = {row.id: row for row in action_reads.pending_actions(conn)}
        upcoming = conn.execute(
            "SELECT count(*) FROM interview WHERE deleted_at IS NULL AND starts_at > ?",
            (to_db(ctx.now),),
        ).fetchone()[0]
    assert len(pending) >= 10 and upcoming >= 1
    assert len(triggers) == len(pending) + upcoming

    cal = ics.Calendar(data.decode("utf-8"))
    todos = sorted(cal.todos, key=lambda t: int(t.uid.split("-")[2]))
    assert [int(t.uid.split("-")[2]) for t in todos] == sorted(pending)
    for todo in todos:
        action = pending[int(todo.uid.split("-")[2])]
        (alarm,) = todo.alarms
        assert type(alarm).__name__ == "DisplayAlarm"
        # An absolute trigger reads back as an instant (not a duration), the action's own.
        assert isinstance(alarm.trigger, arrow.Arrow), alarm.trigger
        assert alarm.trigger.datetime == action.next_at
        assert todo.due.datetime == action.next_at
    events = [e for e in cal.events if e.begin.datetime > ctx.now]
    assert len(events) == upcoming
    for event in events:
        (alarm,) = event.alarms
        assert alarm.trigger == -timedelta(hours=1)
    # The bytes say it too: the type on every absolute trigger, none on the relative ones.
    absolute = [t for t in triggers if t.startswith(b"TRIGGER;VALUE=DATE-TIME:")]
    assert len(absolute) == len(pending)
    assert all(
        t.endswith(b"Z") and len(t) == len(b"TRIGGER;VALUE=DATE-TIME:20261116T090000Z")
        for t in absolute
    )
    assert sorted(set(triggers) - set(absolute)) == [b"TRIGGER:-PT1H"]


def test_drafts_for_one_company_are_never_identical(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    day = timedelta(days=7)
    people = ["Jane Doe", "Bob Lee", "Ann Ito", "Li Wu", "Raj Rao"]
    commands.log_interview(ctx, "Acme", at=ctx.now - 2 * day, people=tuple(map(Person, people)))
    # Same weekday, same role, and another Jane: the likeliest way to get a copy.
    commands.log_interview(ctx, "Acme", at=ctx.now - day, people=(Person("Jane Roe"),))
    with ctx.db.read() as conn:
        drafts = [r.draft for r in action_reads.pending_actions(conn) if r.kind == "thank_you"]
    assert len(drafts) == 6 and len(set(drafts)) == 6
    names = [*people, "Jane Roe"]
    assert all(
        similarity(a, b, names=names) < 1.0 for i, a in enumerate(drafts) for b in drafts[i + 1 :]
    )


def test_exported_files_are_owner_only_and_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    target.write_text("old calendar")
    os.chmod(target, 0o644)
    write_private(target, b"new calendar")
    assert target.read_bytes() == b"new calendar"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.ics"]
