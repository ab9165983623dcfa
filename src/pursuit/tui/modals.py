"""Modal screens: a one-line prompt with a live preview, yes/no confirmations, a chooser."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

Preview = Callable[[str], tuple[bool, str]]
"""text -> (can be saved, what will be saved or why it cannot be read)."""


class PromptScreen(ModalScreen[str | None]):
    """One line of input; `preview` says, while typing, what enter would save. `problem`:
    why the last try to save it failed (the line is offered again, as typed)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(
        self,
        title: str,
        preview: Preview,
        *,
        value: str = "",
        placeholder: str = "",
        problem: str = "",
    ) -> None:
        super().__init__()
        self._title = title
        self._preview = preview
        self._value = value
        self._placeholder = placeholder
        self._problem = problem
        self._ok = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self._title), classes="dialog-title")
            if self._problem:
                yield Static(
                    Text(f"✗ not saved: {self._problem}. Enter tries again.", style="bold red"),
                    id="prompt-problem",
                    markup=False,
                )
            yield Input(value=self._value, placeholder=self._placeholder, id="prompt-input")
            yield Static(id="preview", markup=False)
            yield Label("enter save · escape cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self._show(self._value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, text: str) -> None:
        preview = self.query_one("#preview", Static)
        if not text.strip():
            self._ok = False
            preview.update(Text(self._placeholder and f"e.g. {self._placeholder}", style="dim"))
            return
        self._ok, message = self._preview(text)
        preview.update(
            Text(("→ " if self._ok else "✗ ") + message, style="green" if self._ok else "red")
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._ok:
            self.dismiss(event.value)
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool | None]):
    """A question answered with y or n; escape backs out without doing anything."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm_yes"),
        Binding("n", "answer(False)", "No", id="confirm_no"),
        Binding("escape", "answer(None)", "Cancel", id="confirm_cancel"),
    ]

    def __init__(
        self, title: str, reasons: Sequence[str] = (), *, yes: str = "yes", no: str = "no"
    ) -> None:
        super().__init__()
        self._title = title
        self._reasons = reasons
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Label(Text(self._title), classes="dialog-title")
            for reason in self._reasons:
                yield Static(Text("• " + reason), classes="reason")
            yield Label(
                Text(f"y {self._yes} · n {self._no} · escape cancel"), classes="dialog-keys"
            )

    def action_answer(self, value: bool | None) -> None:
        self.dismiss(value)


class ChoiceScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice_cancel")]

    def __init__(
        self, title: str, choices: Sequence[tuple[str, str]], *, current: str | None = None
    ) -> None:
        super().__init__()
        self._title = title
        self._choices = choices
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self._title), classes="dialog-title")
            yield OptionList(
                *(
                    Option(Text(label), id=value, disabled=value == self._current)
                    for value, label in self._choices
                ),
                id="choices",
            )
            yield Label("enter choose · escape cancel", classes="dialog-keys")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
