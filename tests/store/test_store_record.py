"""The whole record (issue #12): every field set and changed, no silent duplicates, renames,
merges, people moved and removed, applications removed, and undo of each."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest

from pursuit.domain.people import Person
from pursuit.domain.quick_entry import parse_quick_entry
from pursuit.domain.status import Status
from pursuit.store import actions, commands, record
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError, Refused
from pursuit.store.schema import DATA_TABLES
from pursuit.store.unit import undo_last

DAY = timedelta(days=1)


def q(ctx: Ctx, sql: str, *params: object) -> list[tuple[object, ...]]:
    with ctx.db.read() as conn:
        return list(conn.execute(sql, params))


def live_rows(ctx: Ctx) -> dict[str, list[tuple[object, ...]]]:
    """Every live row of every table, every column: what undo must give back exactly."""
    out = {}
    with ctx.db.read() as conn:
        for table in DATA_TABLES:
            if table == "change":
                continue
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            where = "WHERE deleted_at IS NULL" if "deleted_at" in columns else ""
            out[table] = list(conn.execute(f"SELECT * FROM {table} {where} ORDER BY rowid"))
    return out


def search(ctx: Ctx) -> None:
    """Globex: rejected kindly with a recruiter; Acme: interviewing, two interviewers;
    Stark and Stark Industries, the same company typed twice."""
    old = replace(ctx, now=ctx.now - 30 * DAY)
    commands.add_application(old, "Globex", "Data Engineer")
    commands.log_interview(
        replace(ctx, now=ctx.now - 25 * DAY),
        "Globex",
        at=ctx.now - 26 * DAY,
        people=(Person("Priya Nair", "recruiter"),),
    )
    commands.reject(replace(ctx, now=ctx.now - 20 * DAY), "Globex", friendly=True)
    commands.add_application(replace(ctx, now=ctx.now - 10 * DAY), "Acme", "Backend Engineer")
    commands.log_interview(
        replace(ctx, now=ctx.now - 2 * DAY),
        "Acme",
        at=ctx.now - 3 * DAY,
        people=(Person("Jane Doe", "EM"), Person("Bob Lee")),
    )
    commands.add_application(replace(ctx, now=ctx.now - 9 * DAY), "Stark Industries", "Robotics")
    commands.add_application(
        replace(ctx, now=ctx.now - 8 * DAY), "Stark", "Engineering Manager", new_company=True
    )
    record.save_contact(ctx, "Stark", "Tony", fields={"role": "CEO"})


# --- adding: company memory, no silent duplicates --------------------------------------------


def test_add_matches_a_known_company_and_says_what_is_known(ctx: Ctx) -> None:
    search(ctx)
    added = commands.add_application(ctx, "glob", "Platform Engineer")
    assert added.added.company == "Globex" and added.matched
    assert added.known == (
        "You applied to Globex before (Data Engineer, rejected on good terms on 24 Feb; "
        "contacts: Priya Nair, recruiter)"
    )
    assert q(ctx, "SELECT count(*) FROM company WHERE name LIKE 'glob%'") == [(1,)]


def test_add_matches_accents_and_case(ctx: Ctx) -> None:
    commands.add_application(ctx, "Nestlé", "Analyst")
    added = commands.add_application(ctx, "NESTLE", "Engineer")
    assert added.added.company == "Nestlé"
    assert q(ctx, "SELECT count(*) FROM company") == [(1,)]


def test_add_of_an_exact_new_name_can_be_forced(ctx: Ctx) -> None:
    commands.add_application(ctx, "Stark Industries", "Robotics")
    added = commands.add_application(ctx, "Stark", "Engineering Manager", new_company=True)
    assert added.added.company == "Stark" and not added.matched and added.known is None
    assert sorted(n for (n,) in q(ctx, "SELECT name FROM company")) == ["Stark", "Stark Industries"]


def test_add_of_a_prefix_that_could_mean_several_is_refused(ctx: Ctx) -> None:
    commands.add_application(ctx, "Stark Industries", "Robotics")
    commands.add_application(ctx, "Stark", "EM", new_company=True)
    with pytest.raises(InputError, match="matches several"):
        commands.add_application(ctx, "Sta", "Anything")


def test_the_same_role_open_twice_asks_first(ctx: Ctx) -> None:
    commands.add_application(ctx, "Wayne Enterprises", "Backend Engineer")
    before = live_rows(ctx)
    with pytest.raises(Refused, match="already has an open application for Backend Engineer"):
        commands.add_application(ctx, "wayne", "backend engineer")
    assert live_rows(ctx) == before
    forced = commands.add_application(ctx, "wayne", "Backend Engineer", force=True)
    assert forced.known is not None and forced.known.startswith("You are already in touch")
    assert q(ctx, "SELECT count(*) FROM application") == [(2,)]


def test_quick_entry_matches_the_company_too(ctx: Ctx) -> None:
    commands.add_application(ctx, "Stark Industries", "Robotics")
    entry = parse_quick_entry(
        "Stark / Engineering Manager salary 150-180k via Indeed", ctx.now, ctx.tz
    )
    saved = commands.save_quick_entry(ctx, entry)
    assert saved.startswith("Added Stark Industries — Engineering Manager")
    assert q(
        ctx,
        "SELECT c.name, a.salary, a.salary_low, a.salary_high, a.source FROM application a "
        "JOIN company c ON c.id = a.company_id WHERE a.title = 'Engineering Manager'",
    ) == [("Stark Industries", "150-180k", 150_000, 180_000, "Indeed")]
    with pytest.raises(Refused):
        commands.save_quick_entry(ctx, entry)
    commands.save_quick_entry(ctx, entry, force=True)


def test_quick_entry_interview_place(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Backend Engineer")
    entry = parse_quick_entry(
        "Acme interview tomorrow 14:00 on zoom.us/j/123 with Ann", ctx.now, ctx.tz
    )
    commands.save_quick_entry(ctx, entry)
    assert q(ctx, "SELECT place FROM interview") == [("zoom.us/j/123",)]
    # An interview line naming a role already open logs to it, not a second application.
    entry = parse_quick_entry("Acme / Backend Engineer interview fri 10am with Bo", ctx.now, ctx.tz)
    commands.save_quick_entry(ctx, entry)
    assert q(ctx, "SELECT count(*) FROM application") == [(1,)]


# --- every field ----------------------------------------------------------------------------


def test_edit_sets_every_field_of_an_application(ctx: Ctx) -> None:
    search(ctx)
    edited = record.edit_application(
        ctx,
        "acme",
        fields={
            "role": "Platform Engineer",
            "source": "referral",
            "url": "https://acme.example/jobs/7",
            "location": "Berlin",
            "remote": "no",
            "salary": "€90–110k",
            "priority": "high",
            "applied": "2026-03-01",
            "note": "Team of six.\nOn-call one week in six.",
        },
    )
    assert edited.changed == (
        "role", "source", "url", "location", "remote", "salary", "priority", "applied", "note"
    )  # fmt: skip
    assert q(
        ctx,
        "SELECT title, source, url, location, remote, salary, salary_low, salary_high, priority,"
        " notes FROM application WHERE title = 'Platform Engineer'",
    ) == [
        (
            "Platform Engineer",
            "referral",
            "https://acme.example/jobs/7",
            "Berlin",
            0,
            "€90–110k",
            90_000,
            110_000,
            3,
            "Team of six.\nOn-call one week in six.",
        )
    ]
    # The drafts still owed read the new role; the timeline says what changed.
    drafts = [
        d
        for (d,) in q(ctx, "SELECT draft FROM action WHERE done_at IS NULL AND deleted_at IS NULL")
    ]
    assert all("Backend Engineer" not in d for d in drafts)
    assert any("Platform Engineer" in d for d in drafts)
    assert q(ctx, "SELECT summary FROM event WHERE kind = 'edit' AND application_id = 2") == [
        ("edited role, source, url, location, remote, salary, priority, applied, note",)
    ]


def test_edit_refuses_bad_values_and_changes_nothing(ctx: Ctx) -> None:
    search(ctx)
    before = live_rows(ctx)
    for fields in (
        {"url": "not a link"},
        {"remote": "maybe"},
        {"priority": "9"},
        {"applied": "next week"},
        {"role": ""},
        {"status": "sleeping"},
        {"colour": "blue"},
        {"location": "Berlin", "priority": "urgent!"},
    ):
        with pytest.raises(InputError):
            record.edit_application(ctx, "acme", fields=fields)
    assert live_rows(ctx) == before


def test_edit_status_keeps_the_rules(ctx: Ctx) -> None:
    search(ctx)
    record.edit_application(ctx, "acme", fields={"status": "on hold"})
    assert q(ctx, "SELECT status FROM application WHERE title = 'Backend Engineer'") == [
        ("on_hold",)
    ]
    record.edit_application(ctx, "acme", fields={"status": "rejected"}, friendly=True)
    assert q(ctx, "SELECT is_bridge FROM company WHERE name = 'Acme'") == [(1,)]
    with pytest.raises(InputError, match="closed as rejected"):
        record.edit_application(ctx, "acme", fields={"status": "applied"})


def test_contact_is_added_then_every_field_set(ctx: Ctx) -> None:
    search(ctx)
    saved = record.save_contact(
        ctx,
        "acme",
        "Carol King",
        fields={
            "role": "Recruiter",
            "email": "carol@acme.example",
            "phone": "+1 555 010 2000",
            "url": "linkedin.com/in/carol",
            "talking_point": "the Lisbon office",
            "note": "Prefers email.",
        },
    )
    assert saved.created and saved.company == "Acme"
    assert q(
        ctx,
        "SELECT role, email, phone, url, talking_point, notes FROM contact WHERE name = ?",
        "Carol King",
    ) == [
        (
            "Recruiter",
            "carol@acme.example",
            "+1 555 010 2000",
            "linkedin.com/in/carol",
            "the Lisbon office",
            "Prefers email.",
        )
    ]
    changed = record.save_contact(ctx, "acme", "carol", fields={"email": "ck@acme.example"})
    assert not changed.created and changed.changed == ("email",)
    with pytest.raises(InputError, match="not an email"):
        record.save_contact(ctx, "acme", "carol", fields={"email": "carol at acme"})
    with pytest.raises(InputError, match="not a phone"):
        record.save_contact(ctx, "acme", "carol", fields={"phone": "call me"})


def test_a_talking_point_reaches_the_thank_you_draft(ctx: Ctx) -> None:
    search(ctx)
    record.save_contact(ctx, "acme", "Bob", fields={"talking_point": "event sourcing"})
    (draft,) = q(
        ctx,
        "SELECT x.draft FROM action x JOIN contact p ON p.id = x.contact_id "
        "WHERE p.name = 'Bob Lee' AND x.done_at IS NULL",
    )
    assert "event sourcing" in str(draft[0])


def test_a_contact_moves_to_another_company(ctx: Ctx) -> None:
    search(ctx)
    moved = record.save_contact(ctx, "globex", "Priya", fields={"company": "Acme"})
    assert moved.moved_from == "Globex" and moved.company == "Acme"
    assert q(
        ctx,
        "SELECT c.name FROM contact p JOIN company c ON c.id = p.company_id "
        "WHERE p.name = 'Priya Nair'",
    ) == [("Acme",)]
    summaries = {s for (s,) in q(ctx, "SELECT summary FROM event WHERE kind = 'edit'")}
    assert {"Priya Nair moved to Acme", "Priya Nair moved here from Globex"} <= summaries
    with pytest.raises(InputError, match="already has a contact named Jane Doe"):
        record.save_contact(ctx, "acme", "Priya", fields={"name": "Jane Doe"})


def test_interview_fields_and_its_thank_yous_follow_the_start(ctx: Ctx) -> None:
    search(ctx)
    record.edit_interview(
        ctx,
        "acme",
        fields={"start": "yesterday 10:00", "minutes": "90", "place": "10 Downing St", "note": "x"},
    )
    ((starts, ends, place, notes),) = q(
        ctx,
        "SELECT i.starts_at, i.ends_at, i.place, i.notes FROM interview i "
        "JOIN application a ON a.id = i.application_id WHERE a.title = 'Backend Engineer'",
    )
    assert (place, notes) == ("10 Downing St", "x")
    assert str(starts).startswith("2026-03-15 14:00") and str(ends).startswith("2026-03-15 15:30")
    dues = {
        d
        for (d,) in q(
            ctx,
            "SELECT due_at FROM action WHERE kind = 'thank_you' AND done_at IS NULL AND company_id = (SELECT id FROM company WHERE name = 'Acme')",
        )
    }
    assert dues == {"2026-03-16 15:30:00.000000"}


# --- rename, merge, delete ------------------------------------------------------------------


def test_rename_a_company(ctx: Ctx) -> None:
    search(ctx)
    assert record.rename_company(ctx, "acme", "Acme Robotics") == ("Acme", "Acme Robotics")
    assert q(ctx, "SELECT name, name_key FROM company WHERE name LIKE 'Acme%'") == [
        ("Acme Robotics", "acme robotics")
    ]
    with pytest.raises(InputError, match="already a company named Globex"):
        record.rename_company(ctx, "acme", "globex")


def test_merge_moves_everything_and_says_so_first(ctx: Ctx) -> None:
    search(ctx)
    before = live_rows(ctx)
    plan = record.merge_plan(ctx, "Stark", "Stark Industries")
    assert live_rows(ctx) == before  # the plan writes nothing
    assert plan.applications == ("Engineering Manager (applied)",)
    assert plan.contacts == ("Tony",)
    assert plan.lines()[-1] == "Stark is then removed (undo brings it back)"
    record.merge_companies(ctx, "Stark", "Stark Industries")
    assert q(
        ctx,
        "SELECT c.name, count(*) FROM application a JOIN company c ON c.id = a.company_id "
        "WHERE c.name LIKE 'Stark%' GROUP BY c.name",
    ) == [("Stark Industries", 2)]
    assert q(
        ctx,
        "SELECT count(*) FROM event WHERE company_id = (SELECT id FROM company WHERE name = 'Stark')",
    ) == [(0,)]
    assert q(ctx, "SELECT deleted_at IS NOT NULL FROM company WHERE name = 'Stark'") == [(1,)]
    # "Stark" now finds the company it was merged into.
    record.save_contact(ctx, "Stark", "Pepper", fields={})
    assert q(
        ctx,
        "SELECT c.name FROM contact p JOIN company c ON c.id = p.company_id WHERE p.name = 'Pepper'",
    ) == [("Stark Industries",)]


def test_merge_of_a_company_with_itself_is_refused(ctx: Ctx) -> None:
    search(ctx)
    with pytest.raises(InputError, match="same company"):
        record.merge_plan(ctx, "acme", "Acme")


def test_delete_an_application_and_a_contact(ctx: Ctx) -> None:
    search(ctx)
    assert record.delete_application(ctx, "acme") == "Acme — Backend Engineer"
    assert q(
        ctx,
        "SELECT count(*) FROM action WHERE done_at IS NULL AND deleted_at IS NULL AND company_id = (SELECT id FROM company WHERE name = 'Acme')",
    ) == [(0,)]
    # Kept in the file and in the company's history.
    assert q(
        ctx, "SELECT deleted_at IS NOT NULL FROM application WHERE title = 'Backend Engineer'"
    ) == [(1,)]
    assert ("application removed: Backend Engineer",) in q(ctx, "SELECT summary FROM event")
    assert record.delete_contact(ctx, "globex", "priya") == "Priya Nair at Globex"
    assert q(ctx, "SELECT deleted_at IS NOT NULL FROM contact WHERE name = 'Priya Nair'") == [(1,)]


# --- undo of every new write ----------------------------------------------------------------

NEW_WRITES: list[tuple[str, Callable[[Ctx], object], str]] = [
    ("add", lambda c: commands.add_application(c, "glob", "Platform Engineer"), "add Globex"),
    (
        "edit",
        lambda c: record.edit_application(
            c, "acme", fields={"role": "Staff Engineer", "salary": "100k", "status": "on hold"}
        ),
        "edit Acme — Staff Engineer",
    ),
    (
        "contact new",
        lambda c: record.save_contact(c, "acme", "Carol", fields={"email": "c@acme.example"}),
        "add contact Carol at Acme",
    ),
    (
        "contact edit",
        lambda c: record.save_contact(
            c, "acme", "jane", fields={"phone": "555 0100", "name": "J D"}
        ),
        "edit contact J D at Acme",
    ),
    (
        "contact move",
        lambda c: record.save_contact(c, "globex", "priya", fields={"company": "acme"}),
        "edit contact Priya Nair at Acme",
    ),
    (
        "interview",
        lambda c: record.edit_interview(c, "acme", fields={"start": "yesterday 9am"}),
        "edit interview at Acme",
    ),
    (
        "rename",
        lambda c: record.rename_company(c, "acme", "Acme Robotics"),
        "rename Acme to Acme Robotics",
    ),
    (
        "company",
        lambda c: record.edit_company(c, "acme", fields={"name": "ACME", "note": "big"}),
        "rename Acme to ACME",
    ),
    (
        "merge",
        lambda c: record.merge_companies(c, "Stark", "Stark Industries"),
        "merge Stark into Stark Industries",
    ),
    ("delete", lambda c: record.delete_application(c, "acme"), "delete Acme — Backend Engineer"),
    (
        "delete contact",
        lambda c: record.delete_contact(c, "acme", "bob"),
        "delete contact Bob Lee at Acme",
    ),
]


@pytest.mark.parametrize(("name", "write", "label"), NEW_WRITES, ids=[n for n, _, _ in NEW_WRITES])
def test_undo_takes_back_every_new_write(
    ctx: Ctx, name: str, write: Callable[[Ctx], object], label: str
) -> None:
    search(ctx)
    before = live_rows(ctx)
    revision = ctx.db.revision()
    write(ctx)
    assert ctx.db.revision() > revision
    assert live_rows(ctx) != before, name
    assert undo_last(ctx.db, now=ctx.now) == label
    assert live_rows(ctx) == before, name


def test_undo_of_a_rename_over_a_removed_name_gives_it_back(ctx: Ctx) -> None:
    commands.add_application(ctx, "Initech", "Analyst")
    undo_last(ctx.db, now=ctx.now)  # Initech is removed, its name kept
    commands.add_application(ctx, "Initrode", "Analyst")
    record.rename_company(ctx, "Initrode", "Initech")
    assert undo_last(ctx.db, now=ctx.now) == "rename Initrode to Initech"
    # Adding Initech again brings the removed one back, as before the rename.
    commands.add_application(ctx, "Initech", "Engineer", new_company=True)
    assert q(ctx, "SELECT name, deleted_at IS NULL FROM company ORDER BY id") == [
        ("Initech", 1),
        ("Initrode", 1),
    ]


def test_version_7_reads_the_salaries_typed_before(tmp_path: object) -> None:
    from pathlib import Path

    from pursuit.store import sqlite
    from pursuit.store.database import apply_migration, open_database
    from pursuit.store.schema import MIGRATIONS

    path = Path(str(tmp_path)) / "v6.db"
    conn = sqlite.connect(path)
    for migration in MIGRATIONS[:6]:
        apply_migration(conn, migration)
    t = "2026-03-01 14:00:00.000000"
    with sqlite.write_transaction(conn):
        conn.execute(
            "INSERT INTO company VALUES (1, 'Acme', 'acme', 0, NULL, NULL, '', ?, NULL)", (t,)
        )
        conn.execute(
            "INSERT INTO application (id, company_id, title, status, salary, notes, created_at,"
            " updated_at) VALUES (1, 1, 'Eng', 'applied', '$120,000 - $140,000', '', ?, ?),"
            " (2, 1, 'Eng II', 'applied', 'competitive', '', ?, ?)",
            (t, t, t, t),
        )
    conn.close()
    open_database(path).close()
    check = sqlite3.connect(path)
    try:
        assert list(check.execute("SELECT salary_low, salary_high FROM application")) == [
            (120_000, 140_000),
            (None, None),
        ]
        check.execute(
            "INSERT INTO event (at, kind, company_id, summary, created_at) "
            "VALUES (?, 'edit', 1, 'renamed', ?)",
            (t, t),
        )
    finally:
        check.close()


def test_followup_note_and_done_are_not_broken_by_a_merge(ctx: Ctx) -> None:
    search(ctx)
    record.merge_companies(ctx, "Stark", "Stark Industries")
    # Two applications are open there now: the role says which.
    result = actions.log_followup(
        ctx, "Stark Industries", force=True, note="Any news?", role="engineering"
    )
    assert result.company == "Stark Industries"
    assert Status.APPLIED  # the applications there keep their statuses


# --- purged on purpose ----------------------------------------------------------------------


def test_purge_deletes_what_was_removed_for_good(ctx: Ctx) -> None:
    from pursuit.store.purge import purge

    search(ctx)
    record.delete_application(ctx, "acme")
    record.delete_contact(ctx, "globex", "priya")
    record.merge_companies(ctx, "Stark", "Stark Industries")
    planned = purge(ctx.db, dry_run=True)
    assert not planned.nothing
    assert q(ctx, "SELECT count(*) FROM application WHERE deleted_at IS NOT NULL") == [(1,)]
    done = purge(ctx.db)
    assert done == planned
    assert (done.companies, done.applications, done.contacts) == (1, 1, 1)
    for table in ("company", "application", "contact", "interview", "action", "event"):
        assert q(ctx, f"SELECT count(*) FROM {table} WHERE deleted_at IS NOT NULL") == [(0,)]
    assert q(ctx, "SELECT count(*) FROM application WHERE title = 'Backend Engineer'") == [(0,)]
    assert q(ctx, "SELECT count(*) FROM event WHERE summary = 'contact removed: Priya Nair'") == [
        (0,)
    ]
    # Globex's next check-in stays, addressed to no one now.
    assert q(
        ctx,
        "SELECT contact_id FROM action WHERE kind = 'check_in' AND done_at IS NULL "
        "AND deleted_at IS NULL",
    ) == [(None,)]
    with ctx.db.read() as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert undo_last(ctx.db, now=ctx.now) is None  # the undo history went too
    assert purge(ctx.db).nothing
    # What was live is still there.
    assert {n for (n,) in q(ctx, "SELECT name FROM company")} == {
        "Globex",
        "Acme",
        "Stark Industries",
    }
