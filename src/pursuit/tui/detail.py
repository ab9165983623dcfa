"""The detail panel and screen: everything about the selected item's company.

The selected application's every field, its interviews with their people, place and
notes; the company's other applications; every contact with their details; what is next,
with the drafts; and the timeline with each note typed and each text actually sent. User
text is always `Text`, never markup.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pursuit.domain.kinds import Direction
from pursuit.domain.options import OptionsGauge
from pursuit.domain.record import show_remote
from pursuit.store.record_reads import AppRecord, CompanyRecord, InterviewRecord
from pursuit.tui.cells import local
from pursuit.tui.prose import Prose
from pursuit.tui.snapshot import Detail

_ARROW: dict[str, str] = {Direction.IN: "←", Direction.OUT: "→"}
_KINDS = {
    "thank_you": "thank-you note",
    "follow_up": "follow-up",
    "check_in": "check-in",
    "withdraw": "withdrawal",
    "answer_offer": "answer to the offer",
}


def _section(parts: list[RenderableType], title: str) -> None:
    parts.append(Text(""))
    parts.append(Text(title, style="bold underline"))


def _field(label: str, value: str, *, style: str = "") -> Text:
    line = Text(f"{label:<9} ", style="dim")
    line.append(value, style=style)
    return line


def _indented(text: str, indent: str = "   ", style: str = "italic") -> RenderableType:
    """User text, its lines (wrapped ones too) indented."""
    return Padding(Text(text, style=style), (0, 0, 0, len(indent)))


def render_no_match(query: str) -> RenderableType:
    """What the detail says when the filter leaves the pane empty, and how to get out."""
    said = Text("Nothing here: no match for ", style="dim")
    said.append(f'"{query}"', style="italic")  # as typed, never markup
    said.append(".\nescape clears the filter · / changes it", style="dim")
    return said


def render_detail(
    detail: Detail | None,
    tz: tzinfo,
    *,
    events: int = 40,
    full: bool = False,
    more: str = "older events: enter shows the whole history",
) -> RenderableType:
    """At most `events` of the timeline, then `more` if the history goes on. `full` (the
    enter screen) shows every pending draft too, not only the selection's."""
    if detail is None or detail.record is None:
        return Text("Nothing selected.\nAdd an application with  a  (quick entry).", style="dim")
    record = detail.record
    app = detail.application
    now = detail.now
    parts: list[RenderableType] = []
    head = Text(detail.heading, style="bold")
    if app is not None:
        head.append(f"  ({detail.standing or app.outcome or app.status.label})", style="cyan")
    elif record.is_bridge:
        head.append("  (bridge)", style="cyan")
    parts.append(head)
    if record.notes:
        parts.append(_indented(record.notes, indent=""))
    if detail.draft:
        parts.append(Text(""))
        parts.append(Text(f"Draft — {detail.draft_for}", style="bold"))
        # Reflowed to the panel: the draft's own line breaks are for an email client.
        parts.append(Prose(detail.draft))
    if app is not None:
        _application(parts, app, tz, now)
        if app.interviews:
            _section(parts, "Interviews")
            for interview in reversed(app.interviews):
                parts.extend(_interview(interview, tz, now))
    others = [a for a in record.applications if app is None or a.id != app.id]
    if others:
        _section(parts, "Applications" if app is None else "Other applications")
        for other in others:
            line = Text("• ")
            line.append(other.title)
            state = other.outcome or other.status.label
            when = other.closed_at or other.applied_at
            line.append(f" — {state}" + (f", {local(when, tz, now)}" if when else ""), style="dim")
            parts.append(line)
            if app is None:
                parts.extend(_fields(other, tz, now, indent="   "))
    _contacts(parts, record)
    _next(parts, record, tz, now, full=full)
    more_line = Text(f"… {more}", style="dim italic")
    more_events = len(record.events) > events or detail.more_events
    if not full:
        _timeline(parts, record, tz, now, events)
        if more_events:
            parts.append(more_line)
        return Group(*parts)
    # The whole screen: the record on the left, the timeline beside it.
    history: list[RenderableType] = []
    _timeline(history, record, tz, now, events)
    if more_events:
        history.append(more_line)
    grid = Table.grid(padding=(0, 3), expand=True)
    grid.add_column(ratio=1)
    grid.add_column(ratio=1)
    grid.add_row(Group(*parts), Group(*history[1:]))
    return grid


def _fields(
    app: AppRecord, tz: tzinfo, now: datetime | None, *, indent: str = ""
) -> list[RenderableType]:
    where = app.location or ""
    if app.remote is not None:
        where = f"{where} · {show_remote(app.remote)}" if where else show_remote(app.remote)
    rows = [
        ("applied", local(app.applied_at, tz, now) if app.applied_at else ""),
        ("closed", local(app.closed_at, tz, now) if app.closed_at else ""),
        ("source", app.source or ""),
        # Plain text: a stored URL must not become a clickable link or action.
        ("job URL", app.url or ""),
        ("location", where),
        ("salary", app.salary or ""),
        ("priority", str(app.priority) if app.priority else ""),
    ]
    out: list[RenderableType] = []
    for label, value in rows:
        if value:
            line = Text(indent)
            line.append_text(_field(label, value))
            out.append(line)
    if app.notes:
        line = Text(indent)
        line.append_text(_field("note", ""))
        out.append(line)
        out.append(_indented(app.notes, indent=indent + "   "))
    return out


def _application(
    parts: list[RenderableType], app: AppRecord, tz: tzinfo, now: datetime | None
) -> None:
    fields = _fields(app, tz, now)
    if fields:
        _section(parts, "Application")
        parts.extend(fields)


def _interview(
    interview: InterviewRecord, tz: tzinfo, now: datetime | None
) -> list[RenderableType]:
    out: list[RenderableType] = [
        Text(f"{local(interview.starts_at, tz, now)} · {interview.minutes} min · {interview.kind}")
    ]
    if interview.place:
        line = Text("   at ", style="dim")
        line.append(interview.place)
        out.append(line)
    if interview.people:
        line = Text("   with ", style="dim")
        line.append(", ".join(interview.people))
        out.append(line)
    if interview.guidance_text:
        line = Text("   they said: ", style="dim")
        line.append(interview.guidance_text)
        out.append(line)
    if interview.notes:
        out.append(_indented(interview.notes))
    return out


def _contacts(parts: list[RenderableType], record: CompanyRecord) -> None:
    _section(parts, "Contacts")
    if not record.contacts:
        parts.append(Text("none yet", style="dim"))
    for person in record.contacts:
        line = Text("• ")
        line.append(person.name)
        if person.role:
            line.append(f" ({person.role})", style="dim")
        for value in (person.email, person.phone, person.url):
            if value:
                line.append("\n   ")
                line.append(value)
        if person.talking_point:
            line.append("\n   talking point: ", style="dim")
            line.append(person.talking_point, style="italic")
        parts.append(line)
        if person.notes:
            parts.append(_indented(person.notes))


def _next(
    parts: list[RenderableType],
    record: CompanyRecord,
    tz: tzinfo,
    now: datetime | None,
    *,
    full: bool,
) -> None:
    if not record.actions:
        return
    _section(parts, "Next")
    for action in record.actions:
        line = Text(f"{local(action.next_at, tz, now)} ", style="dim")
        what = _KINDS.get(action.kind, action.kind)
        line.append(what)
        if action.contact:
            line.append(f" {'to' if action.kind == 'thank_you' else 'with'} ")
            line.append(action.contact)
        if action.guessed:
            line.append(" (a guess)", style="dim")
        parts.append(line)
        if full and action.draft:
            parts.append(_indented(action.draft, style="dim"))


def _timeline(
    parts: list[RenderableType],
    record: CompanyRecord,
    tz: tzinfo,
    now: datetime | None,
    events: int,
) -> None:
    _section(parts, "Timeline")
    if not record.events:
        parts.append(Text("nothing yet", style="dim"))
    for event in record.events[:events]:
        line = Text(f"{local(event.at, tz, now)} ", style="dim")
        line.append(_ARROW.get(event.direction or "", "·") + " ")
        line.append(event.summary)
        parts.append(line)
        if event.body:
            # The note typed with it, or the text actually sent.
            parts.append(_indented(event.body))


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
