"""Issue 14, problem 2: dates in range, always (1900-01-01 to 2999-12-31, UTC).

The storage format round-trips every instant at both ends of the range (each hour of the
first and last two days, and the first and last microsecond), and each shows in every
zone from UTC-12 to UTC+14. One microsecond outside is refused by the store itself. Every
way in refuses a date outside with one line: typed (exit 2), PURSUIT_NOW (exit 2), a CSV
row (skipped by line, the others imported), a JSON row (skipped by name). A file an older
pursuit wrote with `999-06-01` still reads, so every command works on it.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from dateutil import tz as dateutil_tz

from conftest import PG_URL, contents, rows
from pursuit.domain.date_range import EARLIEST, LATEST, DateRangeError, check_in_range
from pursuit.store.database import Database
from pursuit.store.timefmt import from_db, to_db

from .helpers.common import PURSUIT, Tally

pytestmark = pytest.mark.reliability

ZONES = ["UTC", "Etc/GMT+12", "Pacific/Kiritimati", "America/New_York", "Asia/Kolkata"]


def _ends() -> list[datetime]:
    hour = timedelta(hours=1)
    first = [EARLIEST + hour * n for n in range(48)] + [EARLIEST]
    last = [LATEST - hour * n for n in range(48)] + [LATEST]
    return first + last


def test_every_instant_at_both_ends_round_trips_and_shows_in_every_zone(tally: Tally) -> None:
    for when in _ends():
        text = to_db(when)
        with tally.case(f"{when.isoformat()}: fixed width, reads back exactly"):
            assert len(text) == 26 and text[4] == "-", text
            assert from_db(text) == when
        for name in ZONES:
            zone = dateutil_tz.gettz(name)
            assert zone is not None
            with tally.case(f"{when.isoformat()} shows in {name}"):
                local = from_db(text).astimezone(zone)
                assert f"{local:%Y-%m-%d %H:%M}"  # no OverflowError, a real year
                assert local.astimezone(UTC) == when
    for outside in (EARLIEST - timedelta(microseconds=1), LATEST + timedelta(microseconds=1)):
        with (
            tally.case(f"{outside.isoformat()} is refused by the store"),
            pytest.raises(DateRangeError, match="outside the dates pursuit keeps"),
        ):
            to_db(outside)
    with tally.case("a local time in range whose instant is outside is refused too"):
        tokyo = dateutil_tz.gettz("Asia/Tokyo")  # UTC+9 since 1888
        with pytest.raises(DateRangeError):
            check_in_range(datetime(1900, 1, 1, 5, tzinfo=tokyo))
    tally.finish()


def _pursuit(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PURSUIT), *args], env=env, capture_output=True, text=True, timeout=60
    )


def test_every_way_in_refuses_a_date_outside_in_one_line(
    tmp_path: Path, env: dict[str, str], tally: Tally, db: Database, pg_search: str | None
) -> None:
    # The test's engine: the file, or the server and this test's search on it.
    if pg_search is not None:
        env = {**env, "PURSUIT_DB": PG_URL, "PURSUIT_SEARCH": pg_search}
    else:
        env = {**env, "PURSUIT_DB": str(db.path)}
    assert _pursuit(env, "add", "Acme", "Engineer").returncode == 0
    before = contents(db)
    typed = [
        ["add", "Initech", "Engineer", "--applied", "0999-06-01"],
        ["add", "Initech", "Engineer", "--applied", "1899-12-31 10:00"],
        ["guidance", "acme", "3000-01-02"],
        ["snooze", "1", "9999-01-01"],
        ["interview", "acme", "--at", "0999-06-01 10:00", "--with", "Ann"],
    ]
    for args in typed:
        proc = _pursuit(env, *args)
        with tally.case(f"typed: {' '.join(args)}"):
            assert proc.returncode == 2, (proc.returncode, proc.stderr)
            assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
            assert contents(db) == before
    for now in ("0001-01-01T00:00:00+00:00", "0999-06-01T10:00", "3000-01-01T00:00:00+00:00"):
        proc = _pursuit({**env, "PURSUIT_NOW": now}, "add", "Initech", "Eng")
        with tally.case(f"PURSUIT_NOW={now}"):
            assert proc.returncode == 2 and "outside the dates" in proc.stderr, proc.stderr
            assert contents(db) == before

    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "Company,Role,Date Applied\n"
        "Early,Engineer,0999-06-01\n"
        "Fine,Engineer,2026-03-01\n"
        "Late,Engineer,9999-01-01\n",
        encoding="utf-8",
    )
    proc = _pursuit(env, "import", str(sheet))
    with tally.case("CSV: the rows outside are skipped by line, the rest imported"):
        assert proc.returncode == 0, proc.stderr
        assert "line 2" in proc.stderr and "line 4" in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr
        names = {str(name) for (name,) in rows(db, "SELECT name FROM company")}
        assert "Fine" in names and "Early" not in names and "Late" not in names, names

    exported = json.loads(_pursuit(env, "export", "--format", "json").stdout)
    for value, label in (
        ("0999-06-01T10:00:00+00:00", "early"),
        ("9999-12-31T23:59:59+00:00", "late"),
    ):
        doc = json.loads(json.dumps(exported))
        doc["tables"]["company"][0]["name"] = f"JSON {label}"
        doc["tables"]["company"][0]["created_at"] = value
        path = tmp_path / f"{label}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        proc = _pursuit(env, "import", str(path))
        with tally.case(f"JSON: a row with {value} is named and skipped"):
            assert proc.returncode in (0, 2), proc.stderr
            assert "outside 1900-01-01 to 2999-12-31" in proc.stderr, proc.stderr
            assert "Traceback" not in proc.stderr and "unexpected" not in proc.stderr
    tally.finish()


@pytest.mark.sqlite_only  # writes an older pursuit's short years into the file itself
def test_an_older_pursuits_short_years_still_read(
    tmp_path: Path, env: dict[str, str], tally: Tally
) -> None:
    db = tmp_path / "pursuit.db"
    assert _pursuit(env, "--db", str(db), "add", "Acme", "Engineer").returncode == 0
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("UPDATE application SET applied_at = '999-06-01 10:00:00.000000'")
        conn.commit()
    for args in (
        ["list"],
        ["list", "--json"],
        ["due"],
        ["export", "--format", "csv"],
        ["export", "--format", "json"],
        ["undo"],
    ):
        for zone in ("Pacific/Kiritimati", "Etc/GMT+12"):
            proc = _pursuit({**env, "PURSUIT_TZ": zone}, "--db", str(db), *args)
            with tally.case(f"{' '.join(args)} in {zone} on a 999-06-01"):
                assert proc.returncode == 0, proc.stderr
                assert "Traceback" not in proc.stderr
    tally.finish()
