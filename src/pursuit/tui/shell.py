"""The app's shell: its layout, the state its parts share, and the row under the cursor.

The parts of the app (listed in app.py) are classes built on this one, each in its own
module; the state they keep lives on the app and is set up here, in one place.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from typing import TypeVar

from textual import events
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.notifications import Notification
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input

from pursuit import clock
from pursuit.agenda import AgendaItem, OverdueNotifier
from pursuit.config import Config
from pursuit.store.application_reads import ApplicationRow
from pursuit.store.company_reads import BridgeRow
from pursuit.store.context import Ctx
from pursuit.store.database import Database, Token
from pursuit.tui import cells
from pursuit.tui.detail_view import DetailView
from pursuit.tui.early import EarlyLoad
from pursuit.tui.idle_gc import IdleCollector
from pursuit.tui.keybar import KeyBar
from pursuit.tui.main_screen import MainScreen
from pursuit.tui.panes import PaneKeys, Panes
from pursuit.tui.snapshot import Snapshot
from pursuit.tui.tables import PaneTable
from pursuit.tui.topbar import TopBar

Selection = AgendaItem | ApplicationRow | BridgeRow
W = TypeVar("W", bound=Widget)


class Shell(App[None]):
    TITLE = "pursuit"
    CSS_PATH = "pursuit.tcss"
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (100, "-medium"),
        (120, "-wide"),
    ]

    def __init__(
        self,
        db: Database,
        *,
        config: Config | None = None,
        tz: tzinfo | None = None,
        now: Callable[[], datetime] = clock.now,
        problems: Iterable[str] = (),
        first: EarlyLoad | None = None,
    ) -> None:
        super().__init__()
        self.db = db
        self.config = config or Config()
        self.tz = tz or clock.local_zone(self.config.timezone or None)
        self.now = now
        self.settings = self.config.rules()
        self.snapshot: Snapshot | None = None
        """What the panes show now; replaced whole by each load."""
        self.query_text = ""
        """The filter as typed (filtering.py); every load reads it."""
        self.idle_gc = IdleCollector(self)
        self._problems = list(problems)
        self._widgets: dict[str, Widget] = {}
        # live.py: the first screen read early, the revision painted, the wake timer.
        self._first = first
        self.notifier = OverdueNotifier()
        self._seen_token: Token | None = None
        self.reconnecting = False
        """The server (a PostgreSQL database) cannot be reached; each poll tries again."""
        self._load_seq = 0
        self._terminal: int | None = None
        """The file descriptor of the terminal the keys come from (None when headless)."""
        self._overdue_toasts: list[tuple[Notification, frozenset[int]]] = []
        self._wake: Timer | None = None
        self._retired: deque[Snapshot] = deque()
        # browsing.py: what the detail panel shows, and the keys that applied last.
        self._detail_timer: Timer | None = None
        self._detail_shown: tuple[Selection | None, Token, str] | None = None
        self._detail_seq = 0
        self._enabled: tuple[bool | None, ...] = ()
        # filtering.py: the pause in typing before the panes follow.
        self._filter_timer: Timer | None = None
        if self.config.theme:
            self.theme = (
                self.config.theme if self.config.theme in self.available_themes else "textual-dark"
            )

    # --- layout ------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[object]:
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        with Horizontal(id="body"):
            with Panes(id="panes"):
                yield PaneKeys()
                yield PaneTable[AgendaItem](cells.AGENDA_COLUMNS, title="Follow-ups", id="agenda")
                yield PaneTable[ApplicationRow](
                    cells.APP_COLUMNS, title="Active applications", id="apps"
                )
                yield PaneTable[BridgeRow](cells.BRIDGE_COLUMNS, title="Bridges", id="bridges")
            # One widget with its own border, not a bordered box around it: every widget a
            # screen line crosses is rendered again when that line changes.
            yield DetailView(id="detail-body")
        yield Input(id="filter", placeholder="filter: company, role, status, person, note…")
        yield KeyBar(id="keys")

    async def on_event(self, event: events.Event) -> None:
        # Every key and mouse event, priority bindings (tab) included, which never reach
        # on_key: a quiet moment for garbage collection is one without any of them.
        if isinstance(event, events.InputEvent):
            self.idle_gc.input_seen()
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.idle_gc.stop()

    # --- what the parts share ----------------------------------------------------------

    @property
    def quitting(self) -> bool:
        """Shutting down: a worker's late answer finds the main screen's widgets gone or
        going (they are removed before the screen leaves the stack)."""
        return not self.is_running or not self.screen_stack

    @property
    def main_screen(self) -> Screen[object]:
        return self.screen_stack[0]

    def main(self, selector: str, expect: type[W]) -> W:
        """A widget of the main screen, even while a modal is on top (a query on the app
        would search the modal and miss). The main screen's widgets live as long as the
        app, so each is looked up once: a DOM query on every timer wake adds up."""
        found = self._widgets.get(selector)
        if found is None or not found.is_attached:
            found = self._widgets[selector] = self.screen_stack[0].query_one(selector, expect)
        assert isinstance(found, expect)
        return found

    def ctx(self) -> Ctx:
        """What a store command needs, read from the clock now."""
        return Ctx(db=self.db, now=self.now(), tz=self.tz, settings=self.settings)

    def focused_table(self) -> PaneTable[Selection] | None:
        """The active pane: the one keys go to, even while a dialog or the filter is up."""
        if not self.screen_stack:  # quitting: messages can still arrive
            return None
        return self.main("#panes", Panes).active

    def selection(self) -> Selection | None:
        if not self.screen_stack:
            return None
        table = self.focused_table()
        if table is None:
            table = self.main("#agenda", PaneTable)
        item = table.selected
        return item if isinstance(item, AgendaItem | ApplicationRow | BridgeRow) else None


def app_id_of(item: Selection | None) -> int | None:
    """The application a row is about, if any (a bridge's row is about a company)."""
    if isinstance(item, ApplicationRow):
        return item.id
    if isinstance(item, AgendaItem):
        return item.application_id
    return None
