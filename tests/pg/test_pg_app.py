"""The app on PostgreSQL (issue 16): two machines on one search see each other's writes
within 2 s, and a connection the server drops under an open app costs nothing typed."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from dateutil import tz as dateutil_tz

from engines import PG_URL
from pursuit.config import Config
from pursuit.demo import fill_demo
from pursuit.store.context import Ctx
from pursuit.store.database import Database
from pursuit.store.location import pg_target
from pursuit.store.opening import open_location
from pursuit.tui.app import PursuitApp
from pursuit.tui.modals import PromptScreen
from pursuit.tui.showcase import FROZEN_NOW, ZONE
from tui.tui_helpers import settle, table_text, topbar_text, wait_until

pytestmark = pytest.mark.postgresql_only
_ZONE = dateutil_tz.gettz(ZONE)


@pytest.fixture
def search_db(tmp_path: Path, engine: str, pg_search: str) -> Iterator[Database]:
    db = open_location(pg_target(PG_URL, pg_search), local=tmp_path / "one")
    fill_demo(Ctx(db=db, now=FROZEN_NOW, tz=_ZONE))  # type: ignore[arg-type]
    yield db
    db.close()


def machine(pg_search: str, home: Path) -> PursuitApp:
    """An app as another machine runs it: its own connections and its own files."""
    db = open_location(pg_target(PG_URL, pg_search), local=home)
    return PursuitApp(db, config=Config(), tz=_ZONE, now=lambda: FROZEN_NOW)  # type: ignore[arg-type]


def _terminate(search: str) -> int:
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        killed = conn.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE application_name = %s",
            (f"pursuit {search}",),
        ).fetchone()
    return int(killed[0]) if killed else 0


async def test_two_machines_see_each_others_writes_within_2_s(
    search_db: Database, pg_search: str, tmp_path: Path
) -> None:
    laptop = machine(pg_search, tmp_path / "laptop")
    desktop = machine(pg_search, tmp_path / "desktop")
    async with laptop.run_test(size=(120, 35)) as left, desktop.run_test(size=(120, 35)) as right:
        await settle(left)
        await settle(right)
        for writer, pilot, reader, name in (
            (laptop, left, desktop, "Zeta Labs"),
            (desktop, right, laptop, "Omega Works"),
        ):
            await pilot.press("a")
            await wait_until(pilot, lambda w=writer: isinstance(w.screen, PromptScreen))
            await pilot.press(*f"{name} / Data Scientist")
            await pilot.press("enter")
            await wait_until(pilot, lambda w=writer: not isinstance(w.screen, PromptScreen))
            started = time.monotonic()
            other = right if pilot is left else left
            await wait_until(
                other,
                lambda r=reader, n=name: any(n in row for row in table_text(r, "apps")),
                rounds=2000,
            )
            assert time.monotonic() - started < 2.0 + 0.5  # one poll a second, and a load


async def test_a_dropped_connection_loses_nothing_typed(
    search_db: Database, pg_search: str, tmp_path: Path
) -> None:
    app = machine(pg_search, tmp_path / "laptop")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*"Initech / Platform")
        # The server drops every connection of this search (a restart, an admin's kill).
        assert _terminate(pg_search) >= 1
        await pilot.press(*" Engineer", "enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, PromptScreen))
        await wait_until(
            pilot, lambda: any("Initech" in r for r in table_text(app, "apps")), rounds=2000
        )
        with search_db.read() as conn:
            assert conn.execute(
                "SELECT a.title FROM application a JOIN company c ON c.id = a.company_id "
                "WHERE c.name = 'Initech'"
            ).fetchall() == [("Platform Engineer",)]
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_a_server_gone_says_reconnecting_and_comes_back(
    search_db: Database, pg_search: str, tmp_path: Path
) -> None:
    app = machine(pg_search, tmp_path / "laptop")
    db = app.db
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        real = db.target  # type: ignore[attr-defined]
        # The server stops answering: nothing listens where it was.
        parts = urlsplit(real.url)
        nowhere = parts._replace(netloc=f"{parts.username or 'postgres'}@127.0.0.1:1").geturl()
        db.target = dataclasses.replace(real, url=nowhere)  # type: ignore[attr-defined]
        _terminate(pg_search)
        await wait_until(pilot, lambda: "reconnecting…" in topbar_text(app), rounds=3000)
        await wait_until(
            pilot, lambda: any("reconnecting…" in str(n.message) for n in app._notifications)
        )
        db.target = real  # type: ignore[attr-defined]
        await wait_until(pilot, lambda: "reconnecting…" not in topbar_text(app), rounds=3000)
        await wait_until(
            pilot,
            lambda: any(
                "Connected to the server again" in str(n.message) for n in app._notifications
            ),
        )
