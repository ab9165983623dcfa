"""The status line's fast path: same numbers as the full agenda, same paths as platformdirs,
same midnight as dateutil, and none of the heavy imports."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import platformdirs
import pytest
from dateutil import tz as dateutil_tz

from conftest import NOW, NY, PURSUIT, cli_env
from pursuit.agenda import build_agenda, local_day_end
from pursuit.cli import status_line
from pursuit.config import Config, load_config
from pursuit.demo import fill_demo, generate
from pursuit.domain.status import ACTIVE, Status
from pursuit.store import fastread
from pursuit.store.context import Ctx
from pursuit.store.database import Database
from pursuit.store.schema import HEAD

pytestmark = pytest.mark.sqlite_only  # the status fast path reads SQLite files only


def _us(dt: datetime) -> int:
    delta = dt - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


@pytest.fixture
def zone() -> Iterator[None]:
    saved = os.environ.get("TZ")
    yield
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


def test_schema_version_is_head() -> None:
    # Bump fastread.SCHEMA_VERSION with each migration, once STATUS_SQL is checked against it.
    assert fastread.SCHEMA_VERSION == HEAD


def test_counts_equal_the_full_agenda_at_many_instants(ctx: Ctx, db: Database) -> None:
    fill_demo(replace(ctx, now=NOW - timedelta(days=3)))
    generate(ctx, 60)
    conn = fastread.connect(str(db.path))
    seen = set()
    try:
        for hours in range(-24 * 10, 24 * 40, 7):
            # UTC, as clock.now() gives it: "the last 7 days" is then 168 hours, DST or not.
            now = (NOW + timedelta(hours=hours)).astimezone(UTC)
            agenda = build_agenda(db, now, NY, ctx.settings, limit=0)
            counts = fastread.status_counts(
                conn, now_us=_us(now), day_end_us=_us(local_day_end(now, NY))
            )
            assert counts is not None
            got = (counts.overdue, counts.today, counts.active, counts.new_this_week)
            want = (agenda.overdue, agenda.today, agenda.gauge.active, agenda.gauge.new_this_week)
            assert got == want, now
            seen.add(got)
    finally:
        conn.close()
    assert len(seen) > 10  # the instants really moved the counts


def test_status_names_every_status_but_the_closed_ones() -> None:
    from pursuit.domain.status import CLOSED, Status

    assert set(fastread._NOT_CLOSED) == {s.value for s in Status} - {s.value for s in CLOSED}
    assert set(fastread._ACTIVE) == {s.value for s in ACTIVE}


def test_another_schema_version_takes_the_full_path(db: Database) -> None:
    conn = fastread.connect(str(db.path))
    try:
        conn.execute("PRAGMA user_version = 2")
        assert fastread.status_counts(conn, now_us=0, day_end_us=1) is None
    finally:
        conn.close()


def test_db_time_matches_the_store_format() -> None:
    from pursuit.store.timefmt import to_db

    for dt in (NOW, NOW + timedelta(microseconds=7), datetime(2038, 1, 19, 3, 14, 8, tzinfo=UTC)):
        assert fastread.db_time(_us(dt)) == to_db(dt)


@pytest.mark.parametrize(
    "zone_name", ["America/New_York", "America/Santiago", "America/Havana", "Asia/Beirut"]
)
def test_midnight_matches_dateutil_or_defers(zone_name: str, zone: None) -> None:
    """Zones whose DST changes fall at midnight: the fast path agrees or steps aside."""
    tz = dateutil_tz.gettz(zone_name)
    assert tz is not None
    os.environ["TZ"] = zone_name
    time.tzset()
    deferred = 0
    start = datetime(2022, 1, 1, 12, tzinfo=UTC)
    for hours in range(0, 24 * 365 * 2, 5):
        now = start + timedelta(hours=hours)
        fast = status_line.day_end_us(_us(now))
        if fast is None:
            deferred += 1
            continue
        assert fast == _us(local_day_end(now, tz)), (zone_name, now)
    assert deferred < 40


@pytest.mark.parametrize(
    "env",
    [
        {"HOME": "/home/sam"},
        {"HOME": "/home/sam/", "XDG_DATA_HOME": "/data", "XDG_CONFIG_HOME": "/conf"},
        {"HOME": "/home/sam", "XDG_DATA_HOME": "relative", "XDG_CONFIG_HOME": ""},
        {"HOME": "/"},
    ],
)
def test_paths_equal_platformdirs(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "PURSUIT_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    data = status_line.data_dir()
    config = status_line.config_path()
    assert data == str(platformdirs.user_data_path("pursuit", appauthor=False))
    want = platformdirs.user_config_path("pursuit", appauthor=False) / "config.toml"
    assert config == str(want)


def test_settings_keys_are_configs() -> None:
    assert {f.name for f in fields(Config)} == status_line.KNOWN_SETTINGS


@pytest.mark.parametrize(
    "text",
    [
        'timezone = "Europe/Paris"\ntarget_active = 3\n',
        "thank_you_hours = 12\nsimilarity_threshold = 1\nbell = true\n",
        '[keymap]\nquick_entry = "n"\n',
        "target_active = -1\n",
        "similarity_threshold = 1.5\n",
        'bridge_cadence = "30d"\n',
        "colour = 1\n",
        "bell = 1\n",
        "this is not toml",
    ],
)
def test_settings_fast_only_when_the_full_loader_has_nothing_to_say(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("PURSUIT_CONFIG", str(path))
    fast = status_line._settings()
    config, problems = load_config(path)
    if fast is not None:
        assert problems == []
        assert fast == (config.timezone, config.target_active)
    elif "bridge_cadence" not in text:
        assert problems


def test_status_fast_and_full_print_the_same(tmp_path: Path, ctx: Ctx) -> None:
    fill_demo(replace(ctx, now=NOW - timedelta(days=2)))
    db_path = ctx.db.path
    env = cli_env(db_path, NOW)
    fmt = "{overdue}!{today} {active}/{target} +{new}"
    outputs = []
    # A fixed instant with an offset (fast path), the same instant naive (full path), and
    # the real clock both ways.
    for now in (NOW.isoformat(), NOW.replace(tzinfo=None).isoformat()):
        run_env = {**env, "PURSUIT_NOW": now}
        for args in (["status"], ["status", "--format", fmt], ["--db", str(db_path), "status"]):
            done = subprocess.run(
                [str(PURSUIT), *args], env=run_env, capture_output=True, text=True, check=True
            )
            outputs.append((tuple(args), done.stdout))
    first = outputs[:3]
    assert first == outputs[3:]
    assert first[0][1].endswith(" active\n") and "overdue" in first[0][1]
    bad = subprocess.run(
        [str(PURSUIT), "status", "--format", "{nope}"], env=env, capture_output=True, text=True
    )
    assert bad.returncode == 2 and "bad --format" in bad.stderr


def test_status_does_not_import_the_heavy_modules(tmp_path: Path, ctx: Ctx) -> None:
    fill_demo(ctx)
    code = (
        "import sys; from pursuit.__main__ import main; sys.argv[1:] = ['status']; "
        "rc = main(); heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'sqlmodel', 'sqlalchemy', 'dateutil', 'platformdirs', 'argparse', "
        "'dataclasses', 'zoneinfo') or m == 'pursuit.config' "
        "or (m.startswith('pursuit.cli.') and m != 'pursuit.cli.status_line')); "
        "print(rc, heavy)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=cli_env(ctx.db.path, NOW),
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines()[-1] == "0 []"


def test_gauge_counted_in_sql_is_the_domain_gauge(ctx: Ctx, db: Database) -> None:
    from pursuit.domain.options import options_gauge
    from pursuit.store import count_reads

    fill_demo(replace(ctx, now=NOW - timedelta(days=2)))
    generate(ctx, 30)
    with db.read() as conn:
        for hours in range(-24 * 12, 24 * 20, 11):
            # Both kinds of clock: UTC (the CLI's) and zone-aware across the March DST change.
            for now in (
                NOW + timedelta(hours=hours),
                (NOW + timedelta(hours=hours)).astimezone(UTC),
            ):
                gauge = options_gauge(count_reads.gauge_inputs(conn), now, ctx.settings)
                counts = count_reads.gauge_counts(conn, now)
                assert (counts.active, counts.new_this_week, counts.loud) == (
                    gauge.active,
                    gauge.new_this_week,
                    gauge.loud,
                ), now


@pytest.mark.parametrize(
    ("status", "kind", "loud"),
    [
        (Status.APPLIED, "phone", False),
        (Status.INTERVIEWING, "final", True),  # a final round on a live application
        (Status.OFFER, "phone", True),  # an offer
        (Status.ON_HOLD, "Final round", None),
        (Status.REJECTED, "final", False),  # a closed application no longer counts
    ],
)
def test_gauge_counts_agree_with_the_rule_on_each_kind_of_application(
    ctx: Ctx, db: Database, status: Status, kind: str, loud: bool | None
) -> None:
    from pursuit.domain.options import options_gauge
    from pursuit.domain.people import Person
    from pursuit.store import commands, count_reads

    early = replace(ctx, now=NOW - timedelta(days=3))
    commands.add_application(early, "Acme", "Engineer")
    commands.add_application(early, "Initech", "Engineer")  # a second, plain application
    commands.log_interview(
        early, "Acme", at=NOW - timedelta(days=2), people=(Person("Ann"),), kind=kind
    )
    if status != Status.INTERVIEWING:
        commands.move(replace(ctx, now=NOW - timedelta(days=1)), "Acme", status)
    with db.read() as conn:
        gauge = options_gauge(count_reads.gauge_inputs(conn), NOW, ctx.settings)
        counts = count_reads.gauge_counts(conn, NOW)
    assert (counts.active, counts.new_this_week, counts.loud) == (
        gauge.active,
        gauge.new_this_week,
        gauge.loud,
    )
    if loud is not None:
        assert counts.loud is loud
