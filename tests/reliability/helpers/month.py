"""A month in a tab, on a fake clock: the timer wakes in uneven steps (a busy laptop, a
sleep, a quiet night) while another process writes along the way, and the user, in another
tab, marks announced actions done.

`run_month` drives any `Surface` (see timer.py): the agenda and notifier here, the Textual
app in the app tests. The writer is a runner process (helpers/runner.py); its writes carry
the fake clock reading as their "now", so what they create falls due within the month.
"""

from __future__ import annotations

import gc
import os
import random
import select
import threading
import tracemalloc
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .common import Runner
from .timer import Log, Surface


@dataclass
class Month:
    log: Log = field(default_factory=Log)
    writes: int = 0
    write_errors: list[str] = field(default_factory=list)
    memory_growth: int = 0
    threads: tuple[int, int] = (0, 0)
    fds: tuple[int, int] = (0, 0)
    end: datetime | None = None


WARM_UP = timedelta(days=7)
"""Growth is measured from here: by then pools are full and bounded caches (Rich's and
Textual's LRU caches of widths, styles and strips) hold a week of distinct text. A leak
keeps growing after that; a bounded cache does not."""


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def run_month(
    surface: Surface,
    runner: Runner,
    db_path: str,
    start: datetime,
    *,
    days: int = 30,
    writes: int = 1000,
    seed: int = 15,
    steps_minutes: tuple[int, ...] = (1, 30, 120, 300, 600, 900),
) -> Month:
    rng = random.Random(seed)
    month = Month()
    end = start + timedelta(days=days)
    # Writes happen in the first three weeks, so what they schedule falls due in the month.
    write_until = start + timedelta(days=21)
    in_flight = 0
    done_queue: list[int] = []
    serial = 0

    def send(now: datetime, count: int) -> None:
        nonlocal in_flight, serial
        items: list[dict[str, object]] = []
        for _ in range(count):
            serial += 1
            if done_queue and rng.random() < 0.7:
                items.append(
                    {"kind": "done", "action_id": done_queue.pop(0), "now": now.isoformat()}
                )
            elif serial % 8 == 0:
                at = now + timedelta(hours=rng.randint(1, 48))
                items.append(
                    {
                        "kind": "interview",
                        "company": f"Interviewer {serial}",
                        "role": "Engineer",
                        "people": ["Ann Lee", "Bo Chen"],
                        "at": at.isoformat(),
                        "now": now.isoformat(),
                    }
                )
            else:
                items.append(
                    {
                        "kind": "add",
                        "company": f"Co {serial % 40}",
                        "role": f"r{serial}",
                        "now": now.isoformat(),
                    }
                )
        runner.send(op="write_many", db=db_path, items=items)
        in_flight += 1
        month.writes += count

    def collect(block: bool) -> None:
        nonlocal in_flight
        while in_flight and (block or _ready(runner)):
            reply = runner.receive()
            in_flight -= 1
            month.write_errors.extend(reply.get("errors", []))

    tracemalloc.start()
    baseline = 0
    warmed = False
    threads_before, fds_before = threading.active_count(), _open_fds()
    now = start
    try:
        while now < end:
            wake = month.log.wake(surface, now)
            done_queue.extend(wake.announced)
            if not warmed and now >= start + WARM_UP:
                warmed = True
                # After warm-up (pools filled, caches built) nothing may grow any more. Live
                # memory is what counts: collect cyclic garbage before each reading.
                gc.collect()
                baseline = tracemalloc.get_traced_memory()[0]
                threads_before, fds_before = threading.active_count(), _open_fds()
            if now < write_until and month.writes < writes:
                remaining_share = (write_until - now) / (write_until - start)
                per_wake = max(1, round((writes - month.writes) / max(1, remaining_share * 150)))
                send(now, min(per_wake, writes - month.writes))
            collect(block=False)
            # The timer sleeps until the next action falls due, but the machine may sleep too.
            step = timedelta(minutes=rng.choice(steps_minutes))
            now = min(now + step, wake.next_due or now + step) if rng.random() < 0.5 else now + step
            if now == wake.now:
                now += timedelta(seconds=1)
        if month.writes < writes:
            send(now, writes - month.writes)
        collect(block=True)
        month.log.wake(surface, end)
        month.end = end
        gc.collect()
        month.memory_growth = tracemalloc.get_traced_memory()[0] - baseline
        tracemalloc.stop()
    finally:
        # Whatever happened, read every answer so the shared runner stays in step.
        collect(block=True)
        if tracemalloc.is_tracing():
            tracemalloc.stop()
    month.threads = (threads_before, threading.active_count())
    month.fds = (fds_before, _open_fds())
    return month


def _ready(runner: Runner) -> bool:
    assert runner.proc.stdout is not None
    readable, _, _ = select.select([runner.proc.stdout], [], [], 0)
    return bool(readable)
