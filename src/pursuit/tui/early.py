"""The first screen's data, read on a thread while Textual is still being imported.

Importing Textual takes a few hundred milliseconds of mostly Python work; the first
snapshot is mostly SQLite work, which runs without the GIL. Started first, the two overlap
and the first paint waits for whichever is slower, not for both in turn.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime, tzinfo

from pursuit.domain.settings import RuleSettings
from pursuit.store.database import Database
from pursuit.tui.snapshot import FIRST_PAGE, Snapshot, load_snapshot


class EarlyLoad:
    def __init__(
        self, db: Database, tz: tzinfo, settings: RuleSettings, now: Callable[[], datetime]
    ) -> None:
        self._future: Future[Snapshot] = Future()
        thread = threading.Thread(
            target=self._run, args=(db, tz, settings, now), name="pursuit-first-load", daemon=True
        )
        thread.start()

    def _run(
        self, db: Database, tz: tzinfo, settings: RuleSettings, now: Callable[[], datetime]
    ) -> None:
        try:
            self._future.set_result(load_snapshot(db, now(), tz, settings, page=FIRST_PAGE))
        except BaseException as exc:  # handed to whoever waits, raised there
            self._future.set_exception(exc)

    def result(self) -> Snapshot:
        return self._future.result()
