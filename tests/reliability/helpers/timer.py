"""The timer service driven by a fake clock, and the checks on what it announced.

`AgendaSurface` is what the app's timer does on each wake: build the agenda for the clock
reading and ask the `OverdueNotifier` what is newly overdue. A test moves the clock (in
steps, or jumping) and calls `wake(now)`; `Log` keeps every wake and announcement and
`check_announcements` compares them with the actions in the database.

To run the same loops against the Textual app, give it another surface with the same
`wake(now) -> Wake` method (set the app's clock, fire its timer, collect its notifications).
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Protocol

from pursuit.agenda import OverdueNotifier, build_agenda, seconds_until_wake
from pursuit.domain.settings import DEFAULTS, RuleSettings
from pursuit.store.database import Database
from pursuit.store.timefmt import from_db


class Clock:
    """The app's clock in a test (the app reads time only through its `now` callable).

    It stands still at the reading the test sets until `start()`; from then on it moves at
    the speed of real time, as the real clock does, so the app's own timer, sleeping real
    seconds, wakes to find the time it slept through has passed. Setting `now` is a jump
    (a laptop waking from sleep, a clock correction); a running clock keeps running.
    """

    def __init__(self, now: datetime) -> None:
        self._reading = now
        self._since: float | None = None

    @property
    def now(self) -> datetime:
        if self._since is None:
            return self._reading
        return self._reading + timedelta(seconds=time.monotonic() - self._since)

    @now.setter
    def now(self, value: datetime) -> None:
        self._reading = value
        if self._since is not None:
            self._since = time.monotonic()

    def start(self) -> None:
        if self._since is None:
            self._since = time.monotonic()

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True)
class Wake:
    now: datetime
    announced: list[int]
    next_due: datetime | None

    @property
    def sleep(self) -> timedelta:
        """How long the timer sleeps after this wake (seconds_until_wake's answer)."""
        return timedelta(seconds=seconds_until_wake(self.next_due, self.now))


class Surface(Protocol):
    def wake(self, now: datetime) -> Wake: ...


class AgendaSurface:
    def __init__(self, db: Database, tz: tzinfo, settings: RuleSettings = DEFAULTS) -> None:
        self.db, self.tz, self.settings = db, tz, settings
        self.notifier = OverdueNotifier()

    def wake(self, now: datetime) -> Wake:
        agenda = build_agenda(self.db, now, self.tz, self.settings)
        fresh = self.notifier.newly_overdue(agenda)
        return Wake(now, [i.action_id for i in fresh if i.action_id is not None], agenda.next_due)


@dataclass
class Log:
    wakes: list[Wake] = field(default_factory=list)

    def wake(self, surface: Surface, now: datetime) -> Wake:
        w = surface.wake(now)
        self.wakes.append(w)
        return w

    def run(self, surface: Surface, start: datetime, until: datetime) -> datetime:
        """Let the timer run undisturbed: each wake sleeps as long as it asked to."""
        now = start
        while now < until:
            w = self.wake(surface, now)
            now = now + w.sleep
        return now


def pending_actions(path: Path) -> dict[int, datetime]:
    """id -> when due, for every action neither done nor deleted."""
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute(
            "SELECT id, next_at FROM action WHERE done_at IS NULL AND deleted_at IS NULL"
        ).fetchall()
    return {int(i): from_db(at) for i, at in rows}


def check_announcements(
    log: Log, due: dict[int, datetime], *, on_first_wake: bool = True
) -> list[str]:
    """Problems, if any: an action announced twice, early, late, or never though its time
    came (at the latest clock reading seen)."""
    problems: list[str] = []
    announced_at: dict[int, Wake] = {}
    for w in log.wakes:
        for action_id in w.announced:
            if action_id in announced_at:
                problems.append(f"action {action_id} announced twice ({w.now})")
            announced_at[action_id] = w
    latest = max(w.now for w in log.wakes)
    for action_id, at in sorted(due.items(), key=lambda kv: kv[1]):
        found = announced_at.get(action_id)
        if found is None:
            if at <= latest:
                problems.append(f"action {action_id} due {at} never announced")
            continue
        w = found
        if w.now < at:
            problems.append(f"action {action_id} due {at} announced early at {w.now}")
        if on_first_wake:
            first = next(x for x in log.wakes if x.now >= at)
            if first is not w:
                problems.append(
                    f"action {action_id} due {at} announced at {w.now}, not at the first "
                    f"wake after it fell due ({first.now})"
                )
    unknown = set(announced_at) - set(due)
    if unknown:
        problems.append(f"announced actions that are not pending: {sorted(unknown)[:5]}")
    return problems
