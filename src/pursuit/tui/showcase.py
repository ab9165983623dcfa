"""The demo search under a frozen clock: what snapshots, screenshots and docs show."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

from dateutil import tz as dateutil_tz
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled

from pursuit.config import Config
from pursuit.store.context import Ctx
from pursuit.store.database import open_database
from pursuit.tui.app import PursuitApp
from pursuit.tui.browsing import DETAIL_SETTLE
from pursuit.tui.triage import FLOWS

ZONE = "America/New_York"
FROZEN_NOW = datetime(2026, 11, 26, 15, 20, tzinfo=dateutil_tz.gettz(ZONE))


def demo_app(path: Path, *, now: datetime = FROZEN_NOW, fill: bool = True) -> PursuitApp:
    """An app on a fresh demo database at `path`, its clock stopped at `now`."""
    from pursuit.demo import fill_demo

    zone = dateutil_tz.gettz(ZONE)
    assert zone is not None
    db = open_database(path)
    config = Config()
    if fill:
        fill_demo(Ctx(db=db, now=now, tz=zone, settings=config.rules()))
    return PursuitApp(db, config=config, tz=zone, now=lambda: now)


Steps = Callable[[Pilot[None]], Awaitable[None]]


async def workers_done(app: App[None]) -> None:
    """The app's work done: loads, reads and store commands. A key's flow is not waited
    for, as it may be waiting on a dialog for as long as the user takes; the work it starts
    is a worker of its own."""
    work = [w for w in app.workers if w.group != FLOWS]
    if work:  # wait_for_complete([]) would wait for every worker
        # An exclusive worker replaced by a newer one counts as done, not as a failure.
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete(work)


async def settle(pilot: Pilot[None]) -> None:
    """Workers done, messages handled, toasts and cursor blink out of the picture."""
    # The detail panel follows the cursor once it rests (a short timer).
    await pilot.pause(DETAIL_SETTLE)
    for _ in range(4):
        await workers_done(pilot.app)
        await pilot.pause()
    pilot.app.clear_notifications()
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


async def _main(pilot: Pilot[None]) -> None:
    await settle(pilot)


async def _quick_entry(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    await pilot.press(*"Initech / Platform Engineer interview fri 10am with Ann Lee (CTO), Bo Yu")
    await settle(pilot)


async def _confirm(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("tab", "r")  # reject the first application: were they positive?
    await settle(pilot)


async def _detail(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("j", "j", "j", "j", "enter")  # Bob Lee's note, the fifth row
    await settle(pilot)


async def _help(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await settle(pilot)


async def _review(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("v")
    await settle(pilot)


async def _edit_form(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("tab", "j", "j", "j", "E")  # Acme Robotics' application
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("tab", "tab", "tab", "ctrl+u", *"acme.example/jobs/7", "tab", "tab", "tab")
    await pilot.press("end", "ctrl+u", *"90-115k")
    await settle(pilot)


async def _history(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("H")
    await settle(pilot)


async def _detail_notes(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("tab", "j", "j", "j", "enter")  # Acme Robotics: notes typed and sent
    await settle(pilot)


async def _palette(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("tab", "ctrl+p")  # the first application, then the command palette
    await settle(pilot)
    await pilot.press(*"rej")
    await pilot.pause(0.3)  # the palette gathers its hits on a timer of its own
    await settle(pilot)


SHOTS: dict[str, tuple[tuple[int, int], Steps]] = {
    "main": ((120, 35), _main),
    "main-100": ((100, 30), _main),
    "main-narrow": ((80, 30), _main),
    "main-60": ((60, 20), _main),
    "palette": ((120, 35), _palette),
    "quick-entry": ((120, 35), _quick_entry),
    "confirm-reject": ((120, 35), _confirm),
    "detail": ((120, 35), _detail),
    "help": ((120, 35), _help),
    "review": ((120, 35), _review),
    "edit-form": ((120, 35), _edit_form),
    "history": ((120, 35), _history),
    "detail-notes": ((120, 35), _detail_notes),
}
"""The screens shown in the README, each reached by real key presses."""
