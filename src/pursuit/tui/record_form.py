"""The edit form (E): every field of a record with its current value, checked as it is
typed; enter saves what changed, escape leaves everything as it was.

Each field's check is the one the command line and the store use (`domain.record`), so
what the form accepts is what will be saved. The form returns only the fields whose
text changed, as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

Check = Callable[[str], tuple[bool, str]]
"""text -> (can be saved, what will be saved or why it cannot be)."""


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    value: str
    """The current value, as text."""
    check: Check
    hint: str = ""
    multiline: bool = False


class RecordForm(ModalScreen[dict[str, str] | None]):
    """Returns the fields that changed ({} if none), or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form_cancel"),
        Binding("ctrl+s", "save", "Save", id="form_save"),
    ]

    def __init__(self, title: str, fields: Sequence[FormField]) -> None:
        super().__init__()
        self._title = title
        self._fields = {f.name: f for f in fields}
        self._ok: dict[str, bool] = {}
        self._said: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog record-form"):
            yield Label(Text(self._title), classes="dialog-title")
            for spec in self._fields.values():
                with Horizontal(classes="form-row"):
                    yield Label(Text(spec.label), classes="form-label")
                    if spec.multiline:
                        area = TextArea(
                            spec.value, id=f"field-{spec.name}", soft_wrap=True, compact=True
                        )
                        area.tooltip = spec.hint or None
                        yield area
                    else:
                        yield Input(
                            value=spec.value,
                            placeholder=spec.hint,
                            id=f"field-{spec.name}",
                            compact=True,
                        )
                    yield Label(" ", id=f"mark-{spec.name}", classes="form-mark")
            yield Static(id="form-message", markup=False)
            yield Label(
                "enter save · ctrl+s save (from the note) · tab next field · escape cancel",
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        for name, spec in self._fields.items():
            self._check(name, spec.value)
        first = next(iter(self._fields), None)
        if first is not None:
            self.query_one(f"#field-{first}").focus()

    def value(self, name: str) -> str:
        widget = self.query_one(f"#field-{name}")
        if isinstance(widget, TextArea):
            return widget.text
        assert isinstance(widget, Input)
        return widget.value

    def changes(self) -> dict[str, str]:
        """The fields whose text differs from what was there."""
        return {
            name: self.value(name)
            for name, spec in self._fields.items()
            if self.value(name) != spec.value
        }

    def _check(self, name: str, text: str) -> None:
        spec = self._fields[name]
        if text == spec.value:
            ok, said = True, spec.hint  # unchanged: saved as it is, whatever it reads as
        else:
            ok, said = spec.check(text)
        self._ok[name] = ok
        self._said[name] = said
        mark = self.query_one(f"#mark-{name}", Label)
        mark.update(Text("✗", style="bold red") if not ok else Text(" "))
        focused = self.focused
        if focused is not None and focused.id == f"field-{name}":
            self._show(name)

    def _show(self, name: str) -> None:
        spec = self._fields[name]
        message = self.query_one("#form-message", Static)
        said = self._said.get(name, "")
        if not self._ok.get(name, True):
            message.update(Text(f"✗ {spec.label}: {said}", style="red"))
        elif self.value(name) != spec.value:
            message.update(Text(f"→ {spec.label}: {said}", style="green"))
        else:
            message.update(Text(f"{spec.label}: {said}" if said else "", style="dim"))

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id and event.input.id.startswith("field-"):
            self._check(event.input.id.removeprefix("field-"), event.value)

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        area = event.text_area
        if area.id and area.id.startswith("field-"):
            self._check(area.id.removeprefix("field-"), area.text)

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        if focused is not None and focused.id and focused.id.startswith("field-"):
            self._show(focused.id.removeprefix("field-"))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        bad = [name for name, ok in self._ok.items() if not ok]
        if bad:
            self.app.bell()
            widget: Widget = self.query_one(f"#field-{bad[0]}")
            widget.focus()
            self._show(bad[0])
            return
        self.dismiss(self.changes())

    def action_cancel(self) -> None:
        self.dismiss(None)
