"""The app's own default screen, which does not repaint everything when focus moves."""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class MainScreen(Screen[object]):
    # Textual repaints the whole screen when focus moves: every widget, every line (about
    # 20 ms at 120x35 on a slow machine, on each tab). The two panes whose focus changed
    # are restyled and repaint themselves, which is all that changes on screen.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
