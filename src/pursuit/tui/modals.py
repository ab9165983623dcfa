"""Modal screens: a one-line prompt with a live preview, yes/no confirmations, a chooser."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

Preview = Callable[[str], tuple[bool, str]]
"""text -> (can be saved, what will be saved or why it cannot be read)."""
Resolve = Callable[[str], tuple[bool, str]]
"""The same, looked up in the database (run on a thread): names as saving will find them."""
Submit = Callable[[str], Awaitable[str | None]]
"""Save the text: None when saved, else why not (the dialog stays open with the text)."""


class PromptScreen(ModalScreen[str | None]):
    """One line of input; `preview` says, while typing, what enter would save, and
    `resolve` (when given) says it again with the names looked up. With `submit`, enter
    saves from the dialog, which closes only once the save is done: on any failure it
    stays open with the text as typed and says why."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(
        self,
        title: str,
        preview: Preview,
        *,
        value: str = "",
        placeholder: str = "",
        resolve: Resolve | None = None,
        submit: Submit | None = None,
    ) -> None:
        super().__init__()
        self._title = title
        self._preview = preview
        self._resolve = resolve
        self._submit = submit
        self._value = value
        self._placeholder = placeholder
        self._ok = False
        self._asked = 0
        """Which text the latest look-up is for: an older answer is not shown."""
        self._saving = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self._title), classes="dialog-title")
            yield Input(value=self._value, placeholder=self._placeholder, id="prompt-input")
            yield Static(id="preview", markup=False)
            yield Label("enter save · escape cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self._show(self._value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _say(self, ok: bool, message: str) -> None:
        self.query_one("#preview", Static).update(
            Text(("→ " if ok else "✗ ") + message, style="green" if ok else "red")
        )

    def _show(self, text: str) -> None:
        self._asked += 1
        if not text.strip():
            self._ok = False
            self.query_one("#preview", Static).update(
                Text(self._placeholder and f"e.g. {self._placeholder}", style="dim")
            )
            return
        self._ok, message = self._preview(text)
        if self._ok and self._resolve is not None:
            self._look_up(text, self._asked)
        self._say(self._ok, message)

    @work(thread=True, exclusive=True, group="resolve")
    def _look_up(self, text: str, asked: int) -> None:
        assert self._resolve is not None
        ok, message = self._resolve(text)
        self.post_message(self.LookedUp(asked, ok, message))

    class LookedUp(Message):
        def __init__(self, asked: int, ok: bool, message: str) -> None:
            super().__init__()
            self.asked = asked
            self.ok = ok
            self.message = message

    def on_prompt_screen_looked_up(self, event: LookedUp) -> None:
        if event.asked != self._asked or self._saving:
            return  # typed on since, or being saved: that answer is for other text
        self._ok = event.ok
        self._say(event.ok, event.message)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self._ok or self._saving:
            self.app.bell()
        elif self._submit is None:
            self.dismiss(event.value)
        else:
            self._save(event.value)

    @work(group="save")
    async def _save(self, text: str) -> None:
        assert self._submit is not None
        self._saving = True
        self.query_one("#preview", Static).update(Text("saving…", style="dim"))
        try:
            problem = await self._submit(text)
        finally:
            self._saving = False
        if problem is None:
            self.dismiss(text)
            return
        # Kept open, the text and the cursor as they were: say why, and let them fix it.
        self._ok = False
        self._say(False, problem)
        self.query_one("#prompt-input", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool | None]):
    """A question answered with y or n (when `no` is given); escape backs out without
    doing anything, so n always does something else."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm_yes"),
        Binding("n", "answer(False)", "No", id="confirm_no"),
        Binding("escape", "answer(None)", "Cancel", id="confirm_cancel"),
    ]

    def __init__(
        self, title: str, reasons: Sequence[str] = (), *, yes: str = "yes", no: str | None = "no"
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
            no = f" · n {self._no}" if self._no is not None else ""
            yield Label(Text(f"y {self._yes}{no} · escape cancel"), classes="dialog-keys")

    def action_answer(self, value: bool | None) -> None:
        if value is False and self._no is None:
            return  # no "n" here: escape is the way back
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
