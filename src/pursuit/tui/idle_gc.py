"""Full garbage collections while nobody is typing, instead of in the middle of a key press."""

from __future__ import annotations

import gc
import time

from textual.app import App

GC_EVERY = 20.0
"""Seconds between looks for a quiet moment to collect cyclic garbage."""
GC_IDLE = 3.0
"""Seconds without a key press that count as a quiet moment."""
GC_NEVER = 10**9
"""A full-collection threshold never reached: those collections are run when quiet."""


class IdleCollector:
    def __init__(self, app: App[None]) -> None:
        self._app = app
        self._last_input = time.monotonic()
        self._thresholds: tuple[int, int, int] | None = None

    def input_seen(self) -> None:
        self._last_input = time.monotonic()

    def start(self) -> None:
        """Once the first screen is painted."""
        if self._thresholds is not None:
            return
        # What start-up allocated lives as long as the app: move it out of the garbage
        # collector's reach so a full collection never pauses a key press for long.
        gc.freeze()
        # Full collections still took 50-90 ms at 10,000 applications, at random: while
        # the app runs they happen when nobody is typing instead (see _collect_if_idle).
        self._thresholds = gc.get_threshold()
        young, middle, _ = self._thresholds
        gc.set_threshold(young, middle, GC_NEVER)
        self._app.set_interval(GC_EVERY, self._collect_if_idle)

    def _collect_if_idle(self) -> None:
        if time.monotonic() - self._last_input >= GC_IDLE:
            gc.collect()

    def stop(self) -> None:
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
