"""Runs inside a measured process: the pursuit app or a minimal Textual app.

    app_probe.py minimal [--sqlmodel] [--out F]    one static line (the baseline)
    app_probe.py paint --db PATH --out F           pursuit, headless, until data is painted
    app_probe.py session --db PATH --out F [--keys N] [--wakes N]
                                                   key-to-repaint latency, timer wakes, memory

With --out, the process writes one JSON object there (wall-clock times, so the parent can
subtract its own spawn time) and exits; without it (tmux), it runs until killed.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

READY = "pursuit bench: ready"
HELD_KEY_INTERVAL = 1 / 30
"""Seconds between presses of a held key: a fast keyboard auto-repeat."""
TYPED_KEY_INTERVAL = 1 / 8
"""Seconds between typed keys: about 100 words a minute."""


def _write(out: str | None, data: dict[str, Any]) -> None:
    if out:
        data["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        Path(out).write_text(json.dumps(data), encoding="utf-8")


def minimal(out: str | None, with_sqlmodel: bool) -> None:
    if with_sqlmodel:
        import sqlmodel  # noqa: F401  (the cost being measured)
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(READY)

        def on_mount(self) -> None:
            if out:
                self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            _write(out, {"paint_epoch": time.time()})
            self.exit()

    Minimal().run(headless=bool(out), size=(120, 35) if out else None)


def _pursuit_app(db: str) -> Any:
    """The app exactly as `pursuit --db PATH` builds it, first screen read early included."""
    from pursuit.tui.run import build_app

    return build_app(db)


def paint(db: str, out: str) -> None:
    app = _pursuit_app(db)  # before the app module is patched: that import is measured
    from pursuit.tui.live import LiveData

    # Patched where it is defined: Textual calls the handler of each class that has one.
    original = LiveData.on_snapshot_loaded

    def on_snapshot_loaded(self: Any, message: Any) -> None:
        first = self.snapshot is None
        original(self, message)
        if first:
            self.call_after_refresh(done, self)

    def done(app: Any) -> None:
        rows = len(app.snapshot.agenda.items) if app.snapshot else 0
        _write(out, {"paint_epoch": time.time(), "agenda_rows": rows})
        app.exit()

    LiveData.on_snapshot_loaded = on_snapshot_loaded  # type: ignore[method-assign]
    app.run(headless=True, size=(120, 35))


async def _session(db: str, out: str, keys: int, wakes: int) -> None:
    import asyncio

    from pursuit.tui import live

    loop_ms: list[float] = []
    worker_ms: list[float] = []
    loaded = asyncio.Event()
    original = live.LiveData.on_snapshot_loaded
    original_load = live.load_snapshot

    def on_snapshot_loaded(self: Any, message: Any) -> None:
        start = time.perf_counter()
        original(self, message)
        loop_ms.append((time.perf_counter() - start) * 1000)
        loaded.set()

    def load_snapshot(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original_load(*args, **kwargs)
        finally:
            worker_ms.append((time.perf_counter() - start) * 1000)

    live.LiveData.on_snapshot_loaded = on_snapshot_loaded  # type: ignore[method-assign]
    live.load_snapshot = load_snapshot
    app = _pursuit_app(db)
    result: dict[str, Any] = {}
    async with app.run_test(size=(120, 35)) as pilot:
        await asyncio.wait_for(loaded.wait(), 120)
        await pilot.pause()
        result["first_load_loop_ms"] = loop_ms[0]

        # The timer's wake: reload, as the app's own wake timer does, nothing else moving.
        lags: list[float] = []
        stop = False

        async def watch_lag() -> None:
            while not stop:
                start = time.perf_counter()
                await asyncio.sleep(0.001)
                lags.append((time.perf_counter() - start) * 1000 - 1)

        wake_loop: list[float] = []
        wake_total: list[float] = []
        watcher = asyncio.create_task(watch_lag())
        for _ in range(wakes):
            loaded.clear()
            start = time.perf_counter()
            app.reload()
            await asyncio.wait_for(loaded.wait(), 60)
            wake_total.append((time.perf_counter() - start) * 1000)
            wake_loop.append(loop_ms[-1])
            await pilot.pause()
        stop = True
        await watcher
        result.update(wake_loop_ms=wake_loop, wake_total_ms=wake_total, loop_lag_ms=lags)

        frames: list[float] = []
        original_display = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                frames.append(time.perf_counter())
            original_display(screen, renderable)

        app._display = display  # type: ignore[method-assign]
        # Down 40, up 40, ...: every press moves the cursor, whatever the page size.
        cursor = [("down" if (i // 40) % 2 == 0 else "up") for i in range(keys)]
        if keys >= 50:
            plan = [*cursor, *["tab", "tab", "tab"] * 10]
            plan += ["slash", *"compan", *["backspace"] * 6, "escape"]
        else:  # a smoke run: one of each kind
            plan = [*cursor, "tab", "slash", "c", "backspace", "escape"]
        latencies: dict[str, list[float]] = {}
        missed = 0
        previous = 0.0
        for key in plan:
            # Paced as people press keys, not back to back (Textual paints at most 60
            # frames a second, so a key sent within 16.7 ms of the last frame would measure
            # that cap): a held j or k repeats 30 times a second; tab and the filter's
            # letters are typed, about 8 a second (100 words a minute).
            held = key in ("down", "up")
            interval = HELD_KEY_INTERVAL if held else TYPED_KEY_INTERVAL
            await asyncio.sleep(max(0.0, previous + interval - time.perf_counter()))
            before = len(frames)
            start = previous = time.perf_counter()
            _send_key(app, key)
            while len(frames) == before and time.perf_counter() - start < 1.0:
                await asyncio.sleep(0.0005)
            if len(frames) == before:
                missed += 1
                continue
            kind = "cursor" if key in ("down", "up") else "tab" if key == "tab" else "filter"
            latencies.setdefault(kind, []).append((frames[before] - start) * 1000)
        result.update(key_ms=latencies, keys_without_repaint=missed)
    _write(out, result)


def _send_key(app: Any, key: str) -> None:
    """The key as the terminal driver delivers it. Pilot.press would also wait for the app
    to go idle after each key (tens of ms), which is not how keys arrive from a keyboard."""
    import unicodedata

    from textual import events
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        )
    except KeyError:
        char = key if len(key) == 1 else None
    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["minimal", "paint", "session"])
    parser.add_argument("--db")
    parser.add_argument("--out")
    parser.add_argument("--sqlmodel", action="store_true")
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--wakes", type=int, default=20)
    args = parser.parse_args()
    if args.mode == "minimal":
        minimal(args.out, args.sqlmodel)
    elif args.mode == "paint":
        paint(args.db, args.out)
    else:
        import asyncio

        asyncio.run(_session(args.db, args.out, args.keys, args.wakes))
    sys.exit(0)


if __name__ == "__main__":
    main()
