"""The keys' flows: a dialog awaited in a worker, the store command on a thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList
from tui_helpers import rows, settle, wait_until

from pursuit.agenda import AgendaItem
from pursuit.store import actions
from pursuit.store.application_reads import ApplicationRow
from pursuit.tui.app import PursuitApp
from pursuit.tui.modals import ChoiceScreen, ConfirmScreen, KeyChoiceScreen
from pursuit.tui.tables import PaneTable


async def test_the_store_command_runs_off_the_event_loop(
    app: PursuitApp, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    finish = actions.finish

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return finish(*args, **kwargs)

    monkeypatch.setattr(actions, "finish", recording)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        for _ in range(5):  # past the options nudge, which is no stored action
            item = app.selection()
            if isinstance(item, AgendaItem) and item.action_id is not None:
                break
            await pilot.press("j")
        assert isinstance(item, AgendaItem)
        await pilot.press("d")
        if item.kind == "follow_up":  # d asks what happened to a follow-up (issue #11)
            await wait_until(pilot, lambda: isinstance(app.screen, KeyChoiceScreen))
            await pilot.press("x")
        await wait_until(pilot, lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    assert rows(
        db_path,
        "SELECT done_at IS NOT NULL OR deleted_at IS NOT NULL FROM action WHERE id = ?",
        (item.action_id,),
    ) == [(1,)]


async def test_m_to_rejected_asks_what_r_asks(app: PursuitApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        apps = app.query_one("#apps", PaneTable)
        names = [r.company for r in apps.items.values() if isinstance(r, ApplicationRow)]
        await pilot.press(*["j"] * names.index("Soylent"))
        assert isinstance(apps.selected, ApplicationRow) and apps.selected.company == "Soylent"
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        choices = app.screen.query_one("#choices", OptionList)
        while choices.highlighted_option is None or choices.highlighted_option.id != "rejected":
            await pilot.press("down")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "positive about you" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("n")
        await wait_until(
            pilot,
            lambda: (
                rows(
                    db_path,
                    "SELECT a.status FROM application a JOIN company c ON c.id = a.company_id "
                    "WHERE c.name = 'Soylent'",
                )
                == [("rejected",)]
            ),
        )
    assert rows(db_path, "SELECT is_bridge FROM company WHERE name = 'Soylent'") == [(0,)]
