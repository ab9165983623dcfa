"""`pursuit import` at the store level: a messy tracker CSV, idempotence, one transaction,
and pursuit's own JSON into a database that already has data."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from pursuit.domain.people import Person
from pursuit.domain.status import Status
from pursuit.store import (
    action_reads,
    application_reads,
    commands,
    company_reads,
    csv_import,
    importer,
)
from pursuit.store.context import Ctx
from pursuit.store.database import open_database
from pursuit.store.errors import InputError
from pursuit.store.exporter import export_json
from pursuit.store.unit import undo_last

TRACKER = Path(__file__).parent / "data" / "tracker.csv"
TABLES = ("company", "contact", "application", "interview", "action", "event")


def counts(ctx: Ctx) -> dict[str, int]:
    with ctx.db.read() as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_messy_tracker_csv_imports_and_bad_rows_are_reported_by_line(ctx: Ctx) -> None:
    report = importer.import_file(ctx, TRACKER)

    assert len(report.created) == 30
    # Line numbers are the file's: the multi-line note before "Futura" counts.
    assert [str(p) for p in report.problems] == [
        "line 6: no company",
        "line 24: Futura: the date applied is in the future",
        'line 30: Nowhere Ltd: can\'t read "31/31/2026" as a date (no such day)',
    ]
    with ctx.db.read() as conn:
        apps = {a.company: a for a in application_reads.applications(conn, include_closed=True)}
        acme = apps["Acme Robotics"]
        people = company_reads.contacts(conn, apps["Umbrella Health"].company_id)
        jane = company_reads.contacts(conn, acme.company_id)[0]
        extra = dict(
            conn.execute(
                "SELECT title, url || '|' || salary || '|' || source || '|' || notes"
                " FROM application WHERE title = 'Backend Engineer'"
            ).fetchall()
        )
        notes = dict(conn.execute("SELECT title, notes FROM application").fetchall())
    assert len(apps) == 30
    assert {a.status for a in apps.values()} == set(Status) - {Status.ACCEPTED}
    assert apps["Pied Piper"].status is Status.WISHLIST and apps["Pied Piper"].applied_at is None
    assert apps["Globex"].status is Status.INTERVIEWING
    assert f"{apps['Globex'].applied_at.astimezone(ctx.tz):%Y-%m-%d}" == "2026-03-05"  # type: ignore[union-attr]
    assert apps["Bluth Company"].status is Status.REJECTED
    assert (jane.name, jane.role, jane.email) == ("Jane Doe", "Recruiter", "jane@acme.example")
    assert [(p.name, p.role) for p in people] == [("Alice Wong", None), ("Carl Diaz", "EM")]
    assert extra["Backend Engineer"] == (
        "https://acme.example/jobs/1|$150k|LinkedIn|Referred by Sam\nPriority: high"
    )
    assert notes["Security Analyst"] == "multi-line\nnote here"
    assert notes["Frontend Engineer [remote]"] == "=SUM(A1:A9)"
    assert notes["Compression Engineer"] == "Saved: 2026-03-10"
    # Only applications waiting on the employer get a (guessed) follow-up.
    assert acme.next_kind == "follow_up" and apps["Hooli"].next_kind is None


def test_importing_the_same_file_twice_adds_nothing(ctx: Ctx) -> None:
    importer.import_file(ctx, TRACKER)
    before = counts(ctx)
    again = importer.import_file(ctx, TRACKER)
    assert (len(again.created), len(again.present)) == (0, 30)
    assert counts(ctx) == before


def test_same_role_another_day_is_new_but_a_row_without_date_matches(
    ctx: Ctx, tmp_path: Path
) -> None:
    first = tmp_path / "a.csv"
    first.write_text("company,role,applied\nAcme,Engineer,2026-03-01\n")
    second = tmp_path / "b.csv"
    second.write_text("Company;Position;Date\n acme ;ENGINEER;2026-03-10\nAcme;Engineer;\n")
    importer.import_file(ctx, first)
    report = importer.import_file(ctx, second)
    assert len(report.created) == 1 and len(report.present) == 1


def test_a_failure_working_out_the_rows_leaves_nothing_behind(
    ctx: Ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = csv_import.import_row
    calls = []

    def flaky(*args: object) -> None:
        calls.append(1)
        if len(calls) == 5:
            raise OSError("disk full")
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(csv_import, "import_row", flaky)
    with pytest.raises(OSError):
        importer.import_file(ctx, TRACKER)
    assert len(calls) == 5
    assert set(counts(ctx).values()) == {0}


def test_a_failure_midway_through_the_write_leaves_nothing_behind(ctx: Ctx, engine: str) -> None:
    # The fifth follow-up insert fails inside the transaction, after the companies,
    # applications and four actions went in: all of them must be rolled back.
    with ctx.db.connection() as conn:
        if engine == "sqlite":
            conn.execute(
                "CREATE TRIGGER full BEFORE INSERT ON action WHEN (SELECT count(*) FROM action)"
                " >= 4 BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            )
        else:
            conn.execute(
                "CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN"
                " IF (SELECT count(*) FROM action) >= 4 THEN RAISE EXCEPTION 'disk full';"
                " END IF; RETURN NEW; END $f$"
            )
            conn.execute(
                "CREATE TRIGGER disk_full BEFORE INSERT ON action FOR EACH ROW"
                " EXECUTE FUNCTION disk_full()"
            )
    # The driver's error on either engine: what matters is what is left behind.
    with pytest.raises(Exception, match="disk full"):
        importer.import_file(ctx, TRACKER)
    assert set(counts(ctx).values()) == {0}


def test_dry_run_reports_but_writes_nothing(ctx: Ctx) -> None:
    revision = ctx.db.revision()
    report = importer.import_file(ctx, TRACKER, dry_run=True)
    assert len(report.created) == 30 and report.dry_run
    assert ctx.db.revision() == revision
    assert set(counts(ctx).values()) == {0}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("role,status\nEngineer,applied\n", 'no "company" column; the headers are: role, status'),
        ("", "the file is empty"),
        ('{"format": "pursuit", "version": 99, "tables": {}}', "newer pursuit"),
        ('{"rows": []}', "not a pursuit export"),
        ("{oops", "not valid JSON"),
    ],
)
def test_unusable_files_are_refused_whole(
    ctx: Ctx, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "in.txt"
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        importer.import_file(ctx, path)


def _small_search(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Backend Engineer")
    commands.add_application(ctx, "Globex", "SRE", applied_at=ctx.now - timedelta(days=3))
    commands.log_interview(
        ctx,
        "Acme",
        at=ctx.now - timedelta(days=1),
        people=(Person("Jane Doe", "EM"), Person("Bob Lee")),
    )


def test_json_goes_into_a_database_with_data_under_new_ids(ctx: Ctx, tmp_path: Path) -> None:
    _small_search(ctx)
    path = tmp_path / "export.json"
    path.write_bytes(export_json(ctx.db))

    other = open_database(tmp_path / "other.db")
    target = Ctx(db=other, now=ctx.now, tz=ctx.tz)
    commands.add_application(target, "Initech", "Analyst")
    commands.add_application(target, "Acme", "Data Engineer")
    report = importer.import_file(target, path)
    assert not report.problems
    assert report.counts["company"] == 1  # Acme is merged by name, Globex is new

    with other.read() as conn:
        apps = {(a.company, a.title) for a in application_reads.applications(conn)}
        acme = next(i for i, n in company_reads.company_names(conn) if n == "Acme")
        thanks = [
            (r.company, r.contact)
            for r in action_reads.pending_actions(conn)
            if r.kind == "thank_you"
        ]
        acme_people = {c.name for c in company_reads.contacts(conn, acme)}
    assert apps == {
        ("Initech", "Analyst"),
        ("Acme", "Data Engineer"),
        ("Acme", "Backend Engineer"),
        ("Globex", "SRE"),
    }
    # References were remapped: the notes point at Acme's contacts in this database.
    assert sorted(thanks) == [("Acme", "Bob Lee"), ("Acme", "Jane Doe")]
    assert acme_people == {"Jane Doe", "Bob Lee"}

    again = importer.import_file(target, path)
    assert not again.created

    # An import taken back with undo comes back when imported again.
    assert undo_last(other, now=ctx.now) == "import export.json"
    with other.read() as conn:
        assert {a.company for a in application_reads.applications(conn)} == {"Initech", "Acme"}
    back = importer.import_file(target, path)
    assert back.counts["application"] == 2
    with other.read() as conn:
        assert len(application_reads.applications(conn)) == 4
    other.close()


def test_bad_json_rows_are_skipped_with_their_place(ctx: Ctx, tmp_path: Path) -> None:
    _small_search(ctx)
    doc = json.loads(export_json(ctx.db))
    doc["tables"]["application"][1]["status"] = "bogus"
    doc["tables"]["company"][0]["created_at"] = "yesterday"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))

    other = open_database(tmp_path / "other.db")
    report = importer.import_file(Ctx(db=other, now=ctx.now, tz=ctx.tz), path)
    problems = [str(p) for p in report.problems]
    assert problems[:2] == [
        "company[0]: created_at is not an ISO 8601 time",
        "contact[0]: company_id 1: no such company in the file",
    ]
    assert "application[1]: unknown status 'bogus'" in problems
    with other.read() as conn:
        assert [(a.company, a.title) for a in application_reads.applications(conn)] == []
        assert [n for _, n in company_reads.company_names(conn)] == ["Globex"]
    other.close()


def test_one_file_naming_a_company_with_and_without_accents_makes_one_company(
    ctx: Ctx, tmp_path: Path
) -> None:
    sheet = tmp_path / "accents.csv"
    sheet.write_text(
        "Company,Role\nAcme,Engineer\nCafé Réseau,Barista\ncafe reseau,Engineer\n",
        encoding="utf-8",
    )
    report = importer.import_file(ctx, sheet)
    assert len(report.created) == 3, report.problems
    with ctx.db.read() as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM company ORDER BY id")]
    # The third row finds the company the second one made in the same write.
    assert names == ["Acme", "Café Réseau"]
