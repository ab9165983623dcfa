"""Importing the exports of the trackers people leave (Huntr, Teal, Notion's template) and
home-made sheets with day-first dates: each column, stage and date read as that tracker
means it, the report saying how, and old applications not piling up as overdue."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from pursuit.domain.settings import DEFAULTS
from pursuit.domain.spreadsheet.headers import header_key
from pursuit.domain.trackers import LAYOUTS
from pursuit.store import importer
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.timefmt import from_db, to_db

DATA = Path(__file__).parent / "data"


def apps(ctx: Ctx) -> dict[str, tuple[object, ...]]:
    """Company -> (role, status, applied local date, source, salary, url, notes)."""
    with ctx.db.read() as conn:
        rows = conn.execute(
            "SELECT c.name, a.title, a.status, a.applied_at, a.source, a.salary, a.url, a.notes"
            " FROM application a JOIN company c ON c.id = a.company_id ORDER BY a.id"
        ).fetchall()
    return {
        name: (title, status, applied[:10] if applied else None, source, salary, url, notes)
        for name, title, status, applied, source, salary, url, notes in rows
    }


def follow_ups(ctx: Ctx) -> dict[str, tuple[str, bool]]:
    """Company -> (due, in New York, and whether it is a guess) of each pending follow-up."""
    with ctx.db.read() as conn:
        rows = conn.execute(
            "SELECT c.name, a.due_at, a.due_guessed FROM action a JOIN company c"
            " ON c.id = a.company_id WHERE a.deleted_at IS NULL AND a.done_at IS NULL"
            " AND a.kind = 'follow_up' ORDER BY a.id"
        ).fetchall()
    return {
        name: (f"{from_db(due).astimezone(ctx.tz):%a %Y-%m-%d %H:%M}", bool(guessed))
        for name, due, guessed in rows
    }


def overdue(ctx: Ctx) -> int:
    with ctx.db.read() as conn:
        return int(
            conn.execute(
                "SELECT count(*) FROM action WHERE deleted_at IS NULL AND done_at IS NULL"
                " AND next_at < ?",
                (to_db(ctx.now),),
            ).fetchone()[0]
        )


# --- Huntr ---------------------------------------------------------------------------------


def test_huntr_export_names_stages_and_dates(ctx: Ctx) -> None:
    report = importer.import_file(ctx, DATA / "huntr.csv")
    assert report.problems == [] and len(report.created) == 8
    assert report.mapping_lines() == [
        "Read as: Huntr",
        '  "createdAt" → date applied (Huntr\'s column)',
        '  "title" → role (Huntr\'s column)',
        '  "url" → link (Huntr\'s column)',
        '  "salary" → salary (Huntr\'s column)',
        '  "listName" → status (Huntr\'s column)',
        '  "companyName" → company (Huntr\'s column)',
        '  "id" → not read (Huntr\'s own)',
        '  "description" → not read (Huntr\'s own)',
        '  "location" → notes ("location: …")',
        '  "companyId" → not read (Huntr\'s own)',
        '  "companyDomain" → notes ("companyDomain: …")',
        '  "boardId" → not read (Huntr\'s own)',
        '  "boardName" → not read (Huntr\'s own)',
    ]
    got = apps(ctx)
    # Company names, not Huntr's hex companyId; stages from listName; createdAt as applied.
    assert {name: row[:3] for name, row in got.items()} == {
        "Acme Robotics": ("Backend Engineer", "applied", "2026-01-12"),
        "Globex": ("Platform Engineer", "interviewing", "2026-01-20"),
        "Umbrella Health": ("Data Engineer", "offer", "2026-02-02"),
        "Initech": ("TPS Report Engineer", "rejected", "2026-02-09"),
        "Pied Piper": ("Compression Engineer", "wishlist", None),
        "Hooli": ("Site Reliability Engineer", "applied", "2026-02-16"),
        "Massive Dynamic": ("Staff Engineer", "applied", "2026-02-23"),
        "Cyberdyne": ("ML Platform Engineer", "applied", "2026-03-12"),
    }
    assert got["Acme Robotics"][3:] == (
        None,
        "$150,000",
        "https://jobs.acme.example/123",
        "location: Remote (US)\ncompanyDomain: acme.example",
    )
    assert got["Pied Piper"][6] == (
        "Saved: 2026-03-10\nlocation: Palo Alto\ncompanyDomain: piedpiper.example"
    )
    assert not any("65f1c0a2" in str(v) or "<p>" in str(v) for row in got.values() for v in row)


def test_old_applications_start_their_reminders_from_the_import(ctx: Ctx) -> None:
    # The clock reads Monday 16 March; Huntr's cards are up to nine weeks old.
    importer.import_file(ctx, DATA / "huntr.csv")
    assert overdue(ctx) == 0
    assert follow_ups(ctx) == {
        # A follow-up wait after the import, on weekday mornings, three a day.
        "Acme Robotics": ("Mon 2026-03-23 09:30", True),
        "Globex": ("Mon 2026-03-23 09:30", True),
        "Umbrella Health": ("Mon 2026-03-23 09:30", True),
        "Hooli": ("Tue 2026-03-24 09:30", True),
        "Massive Dynamic": ("Tue 2026-03-24 09:30", True),
        # Applied four days ago: its own guess is still to come, so it is left alone.
        "Cyberdyne": ("Thu 2026-03-19 09:30", True),
    }


def test_a_weekend_is_skipped_and_the_wait_is_the_settings(ctx: Ctx) -> None:
    # Thursday 12 March + 2 days lands on a Saturday: Monday it is.
    thursday = replace(
        ctx,
        now=ctx.now - timedelta(days=4),
        settings=replace(DEFAULTS, default_guidance=timedelta(days=2)),
    )
    sheet = ctx.db.path.parent / "old.csv"
    sheet.write_text("company,role,applied\nA,R,2026-01-05\nB,R,2026-01-06\n")
    importer.import_file(thursday, sheet)
    assert follow_ups(thursday) == {
        "A": ("Mon 2026-03-16 09:30", True),
        "B": ("Mon 2026-03-16 09:30", True),
    }


# --- Teal ----------------------------------------------------------------------------------


def test_teal_salary_range_stages_and_follow_up_date(ctx: Ctx) -> None:
    report = importer.import_file(ctx, DATA / "teal.csv")
    assert report.problems == [] and report.layout == "Teal"
    assert report.dates == [
        '"Date Applied": month first (12/31/2026) (line 3: "02/17/2026")',
        '"Follow Up": month first (12/31/2026) (line 2: "03/20/2026")',
    ]
    got = apps(ctx)
    assert {name: row[1:3] + row[4:5] for name, row in got.items()} == {
        "Acme Robotics": ("applied", "2026-02-02", "120000–150000"),
        "Globex": ("interviewing", "2026-02-17", "140000"),
        "Umbrella Health": ("offer", "2026-02-03", "180000"),
        "Soylent": ("wishlist", None, None),
        "Vandelay Industries": ("ghosted", "2025-12-05", None),
        "Aperture Science": ("rejected", "2026-01-07", None),
        "Stark Industries": ("withdrawn", "2025-11-04", None),
        "Wayne Enterprises": ("wishlist", None, "95000–110000"),
    }
    # The tracker's follow-up date is the follow-up date, not a guess; one already past
    # is kept in the notes and pursuit plans from the import.
    assert follow_ups(ctx) == {
        "Acme Robotics": ("Fri 2026-03-20 09:00", False),
        "Globex": ("Mon 2026-03-23 09:30", True),
        "Umbrella Health": ("Mon 2026-03-23 09:30", True),
    }
    assert got["Globex"][6] == (
        "Follow up (from the file): 2026-02-24\nLocation: Springfield, OR\n"
        "Excitement: 4\nDate Saved: 01/30/2026"
    )
    assert got["Soylent"][6] == "Excitement: 3\nDate Saved: 03/09/2026\nDeadline: 03/31/2026"


def test_dry_run_report_shows_mapping_and_three_rows_as_stored(ctx: Ctx) -> None:
    revision = ctx.db.revision()
    report = importer.import_file(ctx, DATA / "teal.csv", dry_run=True)
    assert ctx.db.revision() == revision
    assert report.sample_lines() == [
        "line 2: company: Acme Robotics; role: Backend Engineer; status: applied;"
        " applied: 2026-02-02; follow up: 2026-03-20 09:00;"
        " link: https://jobs.acme.example/123; salary: 120000–150000;"
        " notes: Referred by Sam | Location: Remote | Excitement: 5 | Date Saved: 01/28/2026",
        "line 3: company: Globex; role: Platform Engineer; status: interviewing;"
        " applied: 2026-02-17; follow up: 2026-03-23 09:30 (a guess);"
        " link: https://globex.example/careers/42; salary: 140000;"
        " notes: Follow up (from the file): 2026-02-24 | Location: Springfield, OR | Excitement:…",
        "line 4: company: Umbrella Health; role: Data Engineer; status: offer;"
        " applied: 2026-02-03; follow up: 2026-03-23 09:30 (a guess); salary: 180000;"
        " notes: Location: New York | Excitement: 5 | Date Saved: 02/01/2026",
    ]
    assert report.mapping_lines()[:3] == [
        "Read as: Teal",
        '  "Job Position" → role (Teal\'s column)',
        '  "Company" → company (Teal\'s column)',
    ]
    assert "Max. Salary\" → salary (to) (Teal's column)" in report.mapping_lines()[4]


# --- Notion --------------------------------------------------------------------------------


def test_notion_template_checkbox_stages_and_dates(ctx: Ctx) -> None:
    report = importer.import_file(ctx, DATA / "notion.csv")
    assert report.problems == [] and report.layout == "Notion job tracker"
    got = apps(ctx)
    assert {name: row[1:5] for name, row in got.items()} == {
        # A ticked "Referral" is a referral; an unticked one is no source at all.
        "Acme Robotics": ("applied", "2026-02-12", "Referral", "$150k"),
        "Globex": ("interviewing", "2026-01-29", None, None),
        "Pied Piper": ("wishlist", None, None, None),  # "Researching"
        "Initech": ("rejected", "2026-01-08", None, None),
        "Hooli": ("applied", "2026-03-02", "Referral", None),
        "Wonka Industries": ("withdrawn", "2026-02-20", None, None),  # "Not interested"
    }
    assert follow_ups(ctx) == {
        "Acme Robotics": ("Tue 2026-03-24 09:00", False),
        "Globex": ("Mon 2026-03-23 09:30", True),
        "Hooli": ("Mon 2026-03-23 09:30", True),
    }
    with ctx.db.read() as conn:
        people = conn.execute("SELECT name, role FROM contact ORDER BY id").fetchall()
    assert people == [("Jane Doe", "Recruiter"), ("Bob Lee", None)]


# --- dates decided from the file -----------------------------------------------------------


def test_a_uk_sheet_is_read_day_first_because_some_of_its_dates_say_so(ctx: Ctx) -> None:
    report = importer.import_file(ctx, DATA / "uk_tracker.csv")
    assert report.problems == [] and len(report.created) == 15
    assert report.dates == [
        '"Date Applied": day first (31/12/2026) (line 6: "17/02/2026")',
        '"Follow-up Date": day first (31/12/2026) (line 7: "20/03/2026")',
    ]
    assert {name: row[2] for name, row in apps(ctx).items()} == {
        "Acme Robotics": "2026-03-05",
        "Globex": "2026-03-02",
        "Initech": "2026-01-12",
        "Umbrella Health": "2026-02-10",
        "Hooli": "2026-02-17",
        "Soylent": "2026-03-09",
        "Vandelay Industries": "2026-02-03",
        "Massive Dynamic": "2026-02-11",
        "Cyberdyne": "2026-03-13",
        "Stark Industries": "2026-01-06",
        "Wayne Enterprises": "2026-03-01",
        "Black Mesa": "2026-01-08",
        "Gringotts": "2026-03-04",
        "Nakatomi Trading": "2026-02-14",
        "Sterling Cooper": "2026-03-07",
    }
    assert follow_ups(ctx)["Soylent"] == ("Fri 2026-03-20 09:00", False)
    assert overdue(ctx) == 0


AMBIGUOUS = DATA / "ambiguous.csv"


def test_a_file_that_never_settles_the_order_is_refused_naming_the_flags(ctx: Ctx) -> None:
    revision = ctx.db.revision()
    with pytest.raises(InputError) as caught:
        importer.import_file(ctx, AMBIGUOUS)
    assert str(caught.value) == (
        '"05/03/2026" in "Date Applied" (line 2) could be day first or month first, and no'
        " date in the file settles it (none has a first or second number over 12); say which"
        " with --day-first or --month-first"
    )
    assert ctx.db.revision() == revision


@pytest.mark.parametrize(
    ("how", "acme", "why"),
    [
        ({"date_order": "day-first"}, "2026-03-05", "as you said"),
        ({"day_first": True}, "2026-03-05", "as you said"),
        ({"date_order": "month-first"}, "2026-05-03", "as you said"),
    ],
)
def test_the_order_can_be_said(ctx: Ctx, how: dict[str, object], acme: str, why: str) -> None:
    # May 3 is in the future for this clock: month first, Acme is refused by line.
    report = importer.import_file(ctx, AMBIGUOUS, **how)  # type: ignore[arg-type]
    assert report.dates[0].endswith(f"({why})")
    got = apps(ctx)
    if acme > "2026-03-16":
        assert [str(p) for p in report.problems] == [
            "line 2: Acme Robotics: the date applied is in the future",
            "line 4: Initech: the date applied is in the future",
        ]
        assert got["Globex"][2] == "2026-02-03"
    else:
        assert got["Acme Robotics"][2] == acme and got["Globex"][2] == "2026-03-02"


def test_the_order_can_come_from_the_setting(ctx: Ctx) -> None:
    uk = replace(ctx, settings=replace(DEFAULTS, date_order="day-first"))
    report = importer.import_file(uk, AMBIGUOUS)
    assert report.dates == ['"Date Applied": day first (31/12/2026) (the date_order setting)']
    assert apps(uk)["Initech"][2] == "2026-01-12"


def test_the_file_wins_over_what_was_said(ctx: Ctx) -> None:
    report = importer.import_file(ctx, DATA / "uk_tracker.csv", date_order="month-first")
    assert report.dates[0] == '"Date Applied": day first (31/12/2026) (line 6: "17/02/2026")'
    assert apps(ctx)["Acme Robotics"][2] == "2026-03-05"


def test_a_column_that_proves_both_orders_is_refused(ctx: Ctx, tmp_path: Path) -> None:
    sheet = tmp_path / "mixed.csv"
    sheet.write_text("company,role,applied\nA,R,13/01/2026\nB,R,01/14/2026\n")
    with pytest.raises(InputError) as caught:
        importer.import_file(ctx, sheet)
    assert str(caught.value) == (
        'the dates in "applied" mix day first (line 2: "13/01/2026") and month first'
        ' (line 3: "01/14/2026"); fix the file or say which with --day-first or --month-first'
    )
    report = importer.import_file(ctx, sheet, date_order="day-first")
    assert [str(p) for p in report.problems] == [
        'line 3: B: can\'t read "01/14/2026" day first (no month 14)'
    ]
    assert list(apps(ctx)) == ["A"]


def test_a_column_with_dates_that_read_the_same_either_way_needs_no_order(
    ctx: Ctx, tmp_path: Path
) -> None:
    sheet = tmp_path / "same.csv"
    sheet.write_text("company,role,applied\nA,R,01/01/2026\nB,R,2026-02-03\n")
    report = importer.import_file(ctx, sheet)
    assert report.dates == [] and report.problems == []
    assert apps(ctx)["A"][2] == "2026-01-01"


def test_the_other_date_column_settles_an_unclear_one(ctx: Ctx, tmp_path: Path) -> None:
    sheet = tmp_path / "two.csv"
    sheet.write_text("company,role,applied,follow up\nA,R,03/02/2026,20/03/2026\nB,R,04/02/2026,\n")
    report = importer.import_file(ctx, sheet)
    assert report.dates == [
        '"applied": day first (31/12/2026) (as the other date column shows)',
        '"follow up": day first (31/12/2026) (line 2: "20/03/2026")',
    ]
    assert apps(ctx)["B"][2] == "2026-02-04"


# --- columns: ids, exact names first, mappings -----------------------------------------------


def test_a_column_of_ids_is_never_the_company(ctx: Ctx, tmp_path: Path) -> None:
    sheet = tmp_path / "ids.csv"
    sheet.write_text(
        "Company ID,Compnay,Role,Ref\n"
        "65f1c0a2e4b0a1b2c3d4e001,Acme,Engineer,9b2e4c1a-0d3f-4e5a-8b7c-6d5e4f3a2b1c\n"
        "65f1c0a2e4b0a1b2c3d4e002,Globex,SRE,0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f\n"
    )
    report = importer.import_file(ctx, sheet)
    assert report.mapping == [
        '"Compnay" → company (near match for "company")',
        '"Role" → role (exact name)',
        '"Company ID" → not read (ids)',
        '"Ref" → not read (ids)',
    ]
    assert {name: row[6] for name, row in apps(ctx).items()} == {"Acme": "", "Globex": ""}


STARRED = (
    'unknown status "Starred"; use one of: wishlist, applied, screening, interviewing, offer,'
    " accepted, rejected, withdrawn, ghosted, on_hold"
)


def test_a_mapping_names_a_column_the_headers_do_not(ctx: Ctx, tmp_path: Path) -> None:
    sheet = tmp_path / "pipeline.csv"
    sheet.write_text("Company,Role,Pipeline,Status\nAcme,Engineer,Phone screen,Starred\n")
    refused = importer.import_file(ctx, sheet)
    assert [str(p) for p in refused.problems] == [f"line 2: Acme: {STARRED}"]
    assert refused.created == []
    report = importer.import_file(ctx, sheet, overrides=["Pipeline=status"])
    assert report.mapping[:3] == [
        '"Company" → company (exact name)',
        '"Role" → role (exact name)',
        '"Pipeline" → status (your mapping)',
    ]
    assert report.mapping[3] == '"Status" → notes ("Status: …")'
    assert apps(ctx)["Acme"][1:2] == ("screening",)


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("Stage", 'mapping "Stage": write COLUMN=FIELD, as in "Stage=status"'),
        ("Stag=status", 'mapping "Stag=status": no such column; the headers are: Company, Role'),
        (
            "Role=rank",
            'mapping "Role=rank": "rank" is not a field; fields: company, role, status,'
            " applied, follow_up, url, notes, contact, source, salary, salary_min, salary_max,"
            " ignore",
        ),
    ],
)
def test_a_bad_mapping_is_one_line_and_writes_nothing(
    ctx: Ctx, tmp_path: Path, mapping: str, message: str
) -> None:
    sheet = tmp_path / "a.csv"
    sheet.write_text("Company,Role\nAcme,Engineer\n")
    revision = ctx.db.revision()
    with pytest.raises(InputError) as caught:
        importer.import_file(ctx, sheet, overrides=[mapping])
    assert str(caught.value) == message
    assert ctx.db.revision() == revision


def test_a_follow_up_date_never_comes_sooner_than_the_gap_after_applying(
    ctx: Ctx, tmp_path: Path
) -> None:
    sheet = tmp_path / "soon.csv"
    sheet.write_text("company,role,applied,follow up\nAcme,R,2026-03-15,2026-03-17\n")
    importer.import_file(ctx, sheet)
    # Applied yesterday at 09:00: R5 asks for 7 days before the first follow-up.
    assert follow_ups(ctx) == {"Acme": ("Sun 2026-03-22 09:00", False)}


def test_importing_a_tracker_twice_adds_nothing(ctx: Ctx) -> None:
    for name in ("huntr.csv", "teal.csv", "notion.csv", "uk_tracker.csv"):
        importer.import_file(ctx, DATA / name)
    with ctx.db.read() as conn:
        before = conn.execute("SELECT count(*) FROM action").fetchone()
    again = importer.import_file(ctx, DATA / "huntr.csv")
    assert (len(again.created), len(again.present)) == (0, 8)
    assert [dict(row.values)["follow up"] for row in again.sample] == ["(already there)"] * 3
    with ctx.db.read() as conn:
        assert conn.execute("SELECT count(*) FROM action").fetchone() == before


def test_the_docs_list_every_trackers_columns_and_stages() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "integrations.md").read_text()
    docs = re.sub(r"```.*?```", "", docs, flags=re.S)
    quoted = {header_key(token) for token in re.findall(r"`([^`]+)`", docs)}
    words = " ".join(re.sub(r"[^\w\s]", " ", docs).split()).casefold()
    for layout in LAYOUTS:
        assert f"### {layout.name}\n" in docs
        for field, names in layout.columns.items():
            assert any(name in quoted for name in names), (layout.name, field, names)
        for word in layout.statuses:
            assert f" {word} " in f" {words} ", (layout.name, word)
