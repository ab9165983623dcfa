"""Two open applications at one company: a key acts on the selected row's application,
never on the company's latest; quick entry without a role says which there are."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from test_keys import go_to
from tui_helpers import rows, settle, wait_until

from pursuit.store import commands
from pursuit.store.application_reads import ApplicationRow
from pursuit.store.context import Ctx
from pursuit.tui.app import PursuitApp
from pursuit.tui.modals import ConfirmScreen, PromptScreen
from pursuit.tui.showcase import FROZEN_NOW

STATUS = (
    "SELECT a.title, a.status FROM application a JOIN company c ON c.id = a.company_id "
    "WHERE c.name = 'Cyberdyne' AND a.deleted_at IS NULL ORDER BY a.id"
)


@pytest.fixture
def two(app: PursuitApp, db_path: Path) -> tuple[PursuitApp, str]:
    """Cyberdyne gets a second open application, changed last: the one a verb naming only
    the company used to pick. Returns the app and the first application's title."""
    (first,) = rows(db_path, STATUS)
    ctx = Ctx(db=app.db, now=FROZEN_NOW - timedelta(hours=1), tz=app.tz, settings=app.settings)
    commands.add_application(ctx, "Cyberdyne", "Robotics Lead")
    return app, str(first[0])


def row_of(title: str) -> object:
    return lambda item: (
        isinstance(item, ApplicationRow) and item.company == "Cyberdyne" and item.title == title
    )


async def test_o_offers_on_the_selected_of_two_applications(
    two: tuple[PursuitApp, str], db_path: Path
) -> None:
    app, title = two
    before = rows(db_path, STATUS)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", row_of(title))  # type: ignore[arg-type]
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        preview = str(app.screen.query_one("#preview").render())
        assert preview.startswith(f"→ Offer from Cyberdyne — {title}: answer by")
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, PromptScreen))
        await settle(pilot)
    assert rows(db_path, STATUS) == [(title, "offer"), ("Robotics Lead", "applied")]
    assert before[0][1] != "offer"


async def test_r_rejects_the_selected_of_two_applications(
    two: tuple[PursuitApp, str], db_path: Path
) -> None:
    app, title = two
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", row_of(title))  # type: ignore[arg-type]
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await wait_until(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
        await settle(pilot)
    assert rows(db_path, STATUS) == [(title, "rejected"), ("Robotics Lead", "applied")]


async def test_quick_entry_naming_only_the_company_says_which_and_keeps_the_line(
    two: tuple[PursuitApp, str], db_path: Path
) -> None:
    app, title = two
    before = rows(db_path, "SELECT count(*) FROM event")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*"Cyberdyne offer by fri 17:00")

        def said() -> str:
            return str(app.screen.query_one("#preview").render())

        await wait_until(pilot, lambda: "open applications" in said())
        assert f"Cyberdyne has 2 open applications ({title}, Robotics Lead)" in said()
        assert f'say which with the role: "Cyberdyne / {title} …"' in said()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)  # still open, the line kept
    assert rows(db_path, "SELECT count(*) FROM event") == before
