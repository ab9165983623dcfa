"""`pursuit import` as a user runs it: the day/month flags, `--map`, and what a dry run
shows (the columns it read, three rows as they will be stored). Real subprocesses."""

from __future__ import annotations

from pathlib import Path

from conftest import RunCli, contents
from pursuit.store.context import Ctx
from pursuit.store.database import Database

DATA = Path(__file__).parent / "data"


def rows(db: Database) -> list[tuple[str, ...]]:
    with db.read() as conn:
        return [
            tuple(str(v) for v in row)
            for row in conn.execute(
                "SELECT c.name, a.title, a.status, coalesce(a.source, ''),"
                " substr(a.applied_at, 1, 10)"
                " FROM application a JOIN company c ON c.id = a.company_id ORDER BY a.id"
            ).fetchall()
        ]


def test_a_dry_run_shows_the_columns_and_three_rows_as_stored(ctx: Ctx, run_cli: RunCli) -> None:
    ctx.db.close()
    digest = contents(ctx.db)
    done = run_cli("import", str(DATA / "ambiguous.csv"), "--dry-run", "--day-first")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        "Read as: spreadsheet",
        '  "Company" → company (exact name)',
        '  "Role" → role (exact name)',
        '  "Status" → status (exact name)',
        '  "Date Applied" → date applied (exact name)',
        '  "Date Applied": day first (31/12/2026) (as you said)',
        "As they will be stored:",
        "  line 2: company: Acme Robotics; role: Backend Engineer; status: applied; "
        "applied: 2026-03-05; follow up: 2026-03-23 09:30 (a guess)",
        "  line 3: company: Globex; role: Platform Engineer; status: applied; "
        "applied: 2026-03-02; follow up: 2026-03-23 09:30 (a guess)",
        "  line 4: company: Initech; role: TPS Report Engineer; status: rejected; "
        "applied: 2026-01-12",
        "would add: Acme Robotics — Backend Engineer (applied, 2026-03-05)",
        "would add: Globex — Platform Engineer (applied, 2026-03-02)",
        "would add: Initech — TPS Report Engineer (rejected, 2026-01-12)",
        "would add: Hooli — SRE (applied, 2026-01-01)",
        "4 applications would be imported from ambiguous.csv; 0 already there",
    ]
    assert contents(ctx.db) == digest


def test_month_first_reads_the_file_the_american_way(ctx: Ctx, run_cli: RunCli) -> None:
    ctx.db.close()
    done = run_cli("import", str(DATA / "ambiguous.csv"), "--month-first")
    assert done.returncode == 0, done.stderr
    # 05/03/2026 is May 3 and 12/01/2026 December 1, both after the clock's 16 March.
    assert done.stderr.splitlines() == [
        "pursuit: skipped line 2: Acme Robotics: the date applied is in the future",
        "pursuit: skipped line 4: Initech: the date applied is in the future",
    ]
    assert done.stdout.splitlines()[5] == (
        '  "Date Applied": month first (12/31/2026) (as you said)'
    )
    assert done.stdout.splitlines()[-1] == (
        "2 applications imported from ambiguous.csv; 0 already there; 2 skipped (see above)"
    )
    assert rows(ctx.db) == [
        ("Globex", "Platform Engineer", "applied", "", "2026-02-03"),
        ("Hooli", "SRE", "applied", "", "2026-01-01"),
    ]


def test_a_setting_gives_the_order_and_a_flag_overrides_it(
    ctx: Ctx, run_cli: RunCli, tmp_path: Path
) -> None:
    ctx.db.close()
    config = tmp_path / "none.toml"  # the file run_cli points PURSUIT_CONFIG at
    config.write_text('date_order = "day-first"\n')
    done = run_cli("import", str(DATA / "ambiguous.csv"), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert '  "Date Applied": day first (31/12/2026) (the date_order setting)' in (
        done.stdout.splitlines()
    )
    flag = run_cli("import", str(DATA / "ambiguous.csv"), "--dry-run", "--month-first")
    assert '  "Date Applied": month first (12/31/2026) (as you said)' in flag.stdout.splitlines()

    config.write_text('date_order = "sideways"\n')
    bad = run_cli("import", str(DATA / "ambiguous.csv"), "--dry-run")
    assert bad.returncode == 2
    assert bad.stderr.splitlines()[0] == (
        f'pursuit: {config}: date_order must be "day-first" or "month-first"; using \'\''
    )


def test_map_reads_a_column_as_a_field(ctx: Ctx, run_cli: RunCli) -> None:
    ctx.db.close()
    done = run_cli("import", str(DATA / "huntr.csv"), "--map", "location=source", "--map", "x=y")
    assert done.returncode == 2
    assert done.stderr == (
        'pursuit: mapping "x=y": no such column; the headers are: id, createdAt, title, '
        "description, url, salary, location, listName, companyId, companyName, companyDomain, "
        "boardId, boardName\n"
    )
    assert rows(ctx.db) == []

    done = run_cli("import", str(DATA / "huntr.csv"), "--map", "location=source")
    assert done.returncode == 0, done.stderr
    assert '  "location" → source (your mapping)' in done.stdout.splitlines()
    assert rows(ctx.db)[:3] == [
        ("Acme Robotics", "Backend Engineer", "applied", "Remote (US)", "2026-01-12"),
        ("Globex", "Platform Engineer", "interviewing", "Springfield, OR", "2026-01-20"),
        ("Umbrella Health", "Data Engineer", "offer", "New York", "2026-02-02"),
    ]


def test_bad_flags_are_one_line_and_change_nothing(ctx: Ctx, run_cli: RunCli) -> None:
    ctx.db.close()
    digest = contents(ctx.db)
    csv_file = str(DATA / "ambiguous.csv")
    cases = [
        (
            (csv_file, "--day-first", "--month-first"),
            "pursuit: argument --month-first: not allowed with argument --day-first "
            "(see: pursuit import --help)",
        ),
        (
            (csv_file, "--map", "Role"),
            'pursuit: mapping "Role": write COLUMN=FIELD, as in "Stage=status"',
        ),
        (
            (csv_file, "--map", "Role=wage"),
            'pursuit: mapping "Role=wage": "wage" is not a field; fields: company, role, '
            "status, applied, follow_up, url, notes, contact, source, salary, salary_min, "
            "salary_max, ignore",
        ),
        (
            (csv_file,),
            'pursuit: "05/03/2026" in "Date Applied" (line 2) could be day first or month '
            "first, and no date in the file settles it (none has a first or second number "
            "over 12); say which with --day-first or --month-first",
        ),
        (
            (str(DATA / "huntr.csv"), "--map", "title=\x1b[31mrole\x07"),
            'pursuit: mapping "title=?[31mrole?": "?[31mrole?" is not a field; fields: company, '
            "role, status, applied, follow_up, url, notes, contact, source, salary, "
            "salary_min, salary_max, ignore",
        ),
    ]
    for args, line in cases:
        done = run_cli("import", *args)
        assert (done.returncode, done.stdout) == (2, ""), args
        assert done.stderr == line + "\n", args
    assert contents(ctx.db) == digest


def test_day_first_help_no_longer_claims_a_default(run_cli: RunCli) -> None:
    shown = run_cli("import", "--help").stdout
    assert "--month-first" in shown and "--map COLUMN=FIELD" in shown
    assert "default: US" not in shown
