"""The Textual app as a timer surface: the month loop (helpers/month.py) drives the real app.

The app runs headless (`run_test`) on its own event loop in a thread. `wake(now)` sets the
app's clock, fires what its timer fires (`reload`), waits until the snapshot for that clock
reading is painted, and returns the actions the app announced since the last wake (its own
polls for other processes' writes may announce in between; those count too).
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import Iterable
from datetime import datetime

from textual.worker import WorkerCancelled

from pursuit.agenda import AgendaItem
from pursuit.tui.app import PursuitApp

from .timer import Wake


class AppSurface:
    def __init__(self, app: PursuitApp, now: datetime) -> None:
        self.app = app
        self.clock_now = now
        app.now = lambda: self.clock_now
        self._announced: list[int] = []
        original = app.notifier.newly_overdue_items

        def recording(items: Iterable[AgendaItem]) -> list[AgendaItem]:
            fresh = original(items)
            self._announced.extend(i.action_id for i in fresh if i.action_id is not None)
            return fresh

        app.notifier.newly_overdue_items = recording  # type: ignore[method-assign]
        self.timers: tuple[int, int] = (0, 0)
        self.workers_left = -1
        self._requests: asyncio.Queue[datetime | None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._replies: queue.Queue[Wake | BaseException | str] = queue.Queue()
        self.thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)
        self.thread.start()
        ready = self._replies.get(timeout=120)
        if isinstance(ready, BaseException):
            raise ready

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._requests = asyncio.Queue()
        try:
            async with self.app.run_test(size=(120, 35)) as pilot:
                await self._painted(pilot, self.clock_now)
                first_timers = self._timer_count()
                self._replies.put("ready")
                while (now := await self._requests.get()) is not None:
                    # The fake clock moved on by half an hour or more: toasts shown at the
                    # last wake would have timed out by now (their timeout is real time).
                    self.app.clear_notifications()
                    self.clock_now = now
                    self.app.reload()
                    await self._painted(pilot, now)
                    announced, self._announced = self._announced, []
                    agenda = self.app.snapshot.agenda if self.app.snapshot else None
                    self._replies.put(Wake(now, announced, agenda.next_due if agenda else None))
                # A poll may be in flight at any moment; it must finish, not linger.
                for _ in range(3000):
                    if not any(w.is_running for w in self.app.workers):
                        break
                    await asyncio.sleep(0.01)
                self.timers = (first_timers, self._timer_count())
                self.workers_left = sum(1 for w in self.app.workers if w.is_running)
        except BaseException as exc:
            self._replies.put(exc)

    def _timer_count(self) -> int:
        # The app's own timers (wake, poll, footer); toasts keep a timer each while shown,
        # and their count follows what was announced, not how long the app has run.
        return sum(1 for timer in self.app._timers if timer._task is not None)

    async def _painted(self, pilot: object, now: datetime) -> None:
        for _ in range(6000):  # 30 s: a loaded CI machine
            with contextlib.suppress(WorkerCancelled):
                await self.app.workers.wait_for_complete()
            await asyncio.sleep(0)
            snap = self.app.snapshot
            if snap is not None and snap.now == now:
                # Announcements are found by a worker started after the paint: let it finish.
                for _ in range(3):
                    with contextlib.suppress(WorkerCancelled):
                        await self.app.workers.wait_for_complete()
                    await asyncio.sleep(0.005)
                return
            await asyncio.sleep(0.005)
        snap = self.app.snapshot
        states = [(w.name, w.state.name, repr(w.error)) for w in self.app.workers]
        raise TimeoutError(
            f"the app never painted the agenda for {now} (last painted for "
            f"{snap.now if snap else None}; workers {states})"
        )

    def wake(self, now: datetime) -> Wake:
        assert self._loop is not None and self._requests is not None
        self._loop.call_soon_threadsafe(self._requests.put_nowait, now)
        reply = self._replies.get(timeout=60)
        if isinstance(reply, BaseException):
            raise reply
        assert isinstance(reply, Wake)
        return reply

    def close(self) -> None:
        if self._loop is not None and self._requests is not None and self.thread.is_alive():
            self._loop.call_soon_threadsafe(self._requests.put_nowait, None)
        self.thread.join(timeout=60)
