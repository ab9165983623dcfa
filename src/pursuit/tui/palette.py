"""The command palette (ctrl+p): every action of the app by name, with its key and what it
does, found by its name or a word people use for it ("rej", "offer", "reply"), and only
those that apply to the row under the cursor.

Each command runs the same action as its key, on the selected row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.types import IgnoreReturnCallbackType

from pursuit.domain.kinds import Status


class Host(Protocol):
    """What the palette needs of the app (app.py), without importing it."""

    def applies(self, action: str) -> bool: ...
    def selection(self) -> object: ...
    def keys_by_action(self) -> dict[str, str]: ...


@dataclass(frozen=True)
class Command:
    action: str
    """The app's action, as its key binding names it ("reject", "move_to('offer')")."""
    name: str
    help: str
    words: Sequence[str] = ()
    """Other words people look for it by."""
    binding: str | None = None
    """The binding whose key it shows (by action); None: the action's own."""


COMMANDS: tuple[Command, ...] = (
    Command(
        "quick_entry",
        "Add",
        "Quick entry: an application, an interview, when to check back",
        ("new application", "quick entry", "apply", "log"),
    ),
    Command(
        "interview",
        "Interview",
        "Log an interview: one thank-you note per interviewer",
        ("log interview", "met", "call"),
    ),
    Command(
        "thanks",
        "Thank-you note sent",
        "Mark the thank-you note sent (warns if too like another)",
        ("thanks", "thanked", "note sent"),
    ),
    Command(
        "guidance",
        "Guidance",
        "Record when the employer said to check back",
        ("check back", "when to follow up", "they said"),
    ),
    Command(
        "follow_up",
        "Follow up",
        "Log a follow-up sent (asks first if it is too soon)",
        ("followed up", "chase", "nudge"),
    ),
    Command(
        "heard",
        "Heard back",
        "They answered: the wait for their reply starts again",
        ("reply", "answered", "response", "heard"),
    ),
    Command(
        "offer",
        "Offer",
        "Record an offer and the date they want an answer by",
        ("offer", "answer by", "deadline"),
    ),
    Command("move", "Move", "Change the application's status", ("status", "stage")),
    Command(
        "reject",
        "Reject",
        "Close as rejected; a kind no becomes a bridge",
        ("rejected", "turned down", "close", "no"),
    ),
    Command(
        "check_in",
        "Check in",
        "Log a check-in with a bridge",
        ("bridge", "keep in touch"),
    ),
    Command("snooze", "Snooze", "Push this action later", ("later", "postpone", "remind me")),
    Command("done", "Done", "Mark this action done", ("complete", "finish")),
    Command("edit_note", "Edit note", "Edit the draft in $VISUAL / $EDITOR", ("draft", "editor")),
    Command("copy_note", "Copy note", "Copy the draft to the clipboard", ("clipboard", "draft")),
    Command("undo", "Undo", "Take back the last change", ("take back", "revert")),
    Command(
        "edit_record",
        "Edit",
        "Edit every field: the application, its company, a person, an interview",
        ("edit record", "change", "fix", "salary", "contact"),
    ),
    Command(
        "delete_record",
        "Remove",
        "Remove an application or a person (u brings it back)",
        ("delete", "remove"),
    ),
    Command(
        "merge_companies",
        "Merge companies",
        "Make this company and another one the same (asks first, says what moves)",
        ("merge", "duplicate", "same company"),
    ),
    Command(
        "history",
        "History",
        "Applications that ended: outcome and date, searchable",
        ("closed", "ended", "past", "archive"),
    ),
    Command("filter", "Filter", "Show only what matches in every pane", ("search", "find")),
    Command("help", "Help", "Every key", ("keys", "shortcuts")),
    Command("next_pane", "Next pane", "Go to the next pane", ("tab",)),
    Command("previous_pane", "Previous pane", "Go to the previous pane", ("shift tab",)),
    Command("open_detail", "Open detail", "Timeline, contacts and draft", ("timeline",)),
    *(
        Command(
            f"move_to('{status.value}')",
            f"Move to {status.label}",
            f"Change the application's status to {status.label}",
            (status.label, status.value.replace("_", " ")),
            binding="move",
        )
        for status in Status
        if status != Status.REJECTED
    ),
)


class ActionsProvider(Provider):
    """The app's actions that apply to the selection, then Textual's own commands: one
    provider, so the app's come first."""

    @property
    def host(self) -> Host:
        app = self.app
        assert hasattr(app, "applies") and hasattr(app, "keys_by_action")
        return app  # type: ignore[return-value]

    def _applicable(self) -> list[tuple[Command, str]]:
        """Each command that applies now, with its key as currently mapped."""
        app = self.host
        keys = app.keys_by_action()
        out: list[tuple[Command, str]] = []
        for command in COMMANDS:
            base = command.action.split("(", 1)[0]
            if not app.applies(base):
                continue
            if base == "move_to":
                current = getattr(app.selection(), "status", None)
                if current is not None and command.action == f"move_to('{current.value}')":
                    continue
            key = keys.get(command.binding or base, "enter" if base == "open_detail" else "")
            out.append((command, key))
        return out

    def _run(self, action: str) -> None:
        # Once the palette has gone, so the action finds the main screen on top.
        self.app.call_later(self.app.run_action, action)

    def _system(self) -> list[tuple[str, str, IgnoreReturnCallbackType]]:
        """Textual's own commands (theme, keys, screenshot, quit), after the app's."""
        return [(c.title, c.help, c.callback) for c in self.app.get_system_commands(self.screen)]

    async def discover(self) -> Hits:
        for command, key in self._applicable():
            yield DiscoveryHit(
                _title(Content(command.name), key),
                partial(self._run, command.action),
                text=command.name,
                help=command.help,
            )
        for title, help_text, callback in self._system():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, key in self._applicable():
            score = matcher.match(command.name)
            if score > 0:
                shown = matcher.highlight(command.name)
            else:
                # Found by another word for it: say which, so the match makes sense.
                found = max(((matcher.match(w), w) for w in command.words), default=(0.0, ""))
                score = found[0] * 0.9
                if score <= 0:
                    continue
                shown = Content(command.name).append_text(f" · {found[1]}", "dim")
            yield Hit(
                score,
                _title(shown, key),
                partial(self._run, command.action),
                text=command.name,
                help=command.help,
            )
        for title, help_text, callback in self._system():
            if (score := matcher.match(title)) > 0:
                yield Hit(score * 0.8, matcher.highlight(title), callback, help=help_text)


def _title(name: Content, key: str) -> Content:
    return name.append_text(f"  {key}", "bold") if key else name
