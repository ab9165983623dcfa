"""The detail panel: the selected item's timeline, contacts, notes and draft."""

from __future__ import annotations

from datetime import tzinfo

from rich.console import Group, RenderableType
from rich.text import Text

from pursuit.domain.kinds import Direction
from pursuit.domain.options import OptionsGauge
from pursuit.tui.cells import local
from pursuit.tui.prose import Prose
from pursuit.tui.snapshot import Detail

_ARROW: dict[str, str] = {Direction.IN: "←", Direction.OUT: "→"}


def render_detail(
    detail: Detail | None,
    tz: tzinfo,
    *,
    events: int = 40,
    more: str = "older events: enter shows the whole history",
) -> RenderableType:
    """The detail; at most `events` of the timeline, then `more` if the history goes on."""
    if detail is None:
        return Text("Nothing selected.\nAdd an application with  a  (quick entry).", style="dim")
    parts: list[RenderableType] = []
    head = Text(detail.heading, style="bold")
    if detail.status:
        head.append(f"  ({detail.status})", style="cyan")
    parts.append(head)
    if detail.url:
        # Shown as plain text: a stored URL must not become a clickable link or action.
        parts.append(Text(detail.url, style="dim"))
    if detail.notes:
        parts.append(Prose(detail.notes, style="italic"))
    if detail.draft:
        parts.append(Text(""))
        parts.append(Text(f"Draft — {detail.draft_for}", style="bold"))
        # Reflowed to the panel: the draft's own line breaks are for an email client.
        parts.append(Prose(detail.draft))
    parts.append(Text(""))
    parts.append(Text("Contacts", style="bold underline"))
    if not detail.contacts:
        parts.append(Text("none yet", style="dim"))
    for person in detail.contacts:
        line = Text("• ")
        line.append(person.name)
        if person.role:
            line.append(f" ({person.role})", style="dim")
        if person.talking_point:
            line.append("\n   talking point: ", style="dim")
            line.append(person.talking_point, style="italic")
        parts.append(line)
    parts.append(Text(""))
    parts.append(Text("Timeline", style="bold underline"))
    if not detail.events:
        parts.append(Text("nothing yet", style="dim"))
    for event in detail.events[:events]:
        line = Text(f"{local(event.at, tz)} ", style="dim")
        line.append(_ARROW.get(event.direction or "", "·") + " ")
        line.append(event.summary)
        parts.append(line)
    if len(detail.events) > events or detail.more_events:
        parts.append(Text(f"… {more}", style="dim italic"))
    return Group(*parts)


def render_gauge(gauge: OptionsGauge) -> RenderableType:
    """R7 explained: why the nudge is there and what would satisfy it."""
    lines = [
        Text("Keep your options open", style="bold"),
        Text(""),
        Text(f"Active applications: {gauge.active} of {gauge.target_active}"),
        Text(f"New in the last 7 days: {gauge.new_this_week} of {gauge.target_new}"),
        Text(""),
        Text(
            "Offers and final rounds fall through: budgets freeze, roles go another way. "
            "Keep applying until you sign.",
            style="italic",
        ),
    ]
    if gauge.loud:
        lines.append(Text(""))
        lines.append(
            Text(
                "An offer or final round is in play: this is when people stop "
                "applying, and when it hurts most.",
                style="bold red",
            )
        )
    return Group(*lines)
