"""`pursuit export --format ics`: interviews as events, pending actions as to-dos with a
reminder, for any calendar that reads RFC 5545 files.

UIDs are built from the row id and its creation time, which never change, so exporting
again and re-importing into a calendar updates entries instead of duplicating them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event, Todo

from pursuit.store import action_reads
from pursuit.store.database import Database
from pursuit.store.timefmt import from_db

PRODID = "-//pursuit//pursuit job search tracker//EN"
INTERVIEW_REMINDER = timedelta(hours=1)


def _uid(kind: str, row_id: int, created: datetime) -> str:
    return f"pursuit-{kind}-{row_id}-{created.astimezone(UTC):%Y%m%dT%H%M%S%f}@pursuit"


def _todo_summary(row: action_reads.ActionRow) -> str:
    who = f"{row.contact} ({row.contact_role})" if row.contact and row.contact_role else row.contact
    if row.kind == "thank_you":
        return f"Thank {who} — {row.company}" if who else f"Send a thank-you note — {row.company}"
    if row.kind == "follow_up":
        what = f"Follow up with {row.company}" + (f" — {row.title}" if row.title else "")
        # R4: a guessed date is shown as one, with the nudge to ask.
        return what + (" (guessed date: ask when to check back)" if row.guessed else "")
    if row.kind == "check_in":
        return f"Check in with {row.company}" + (f" ({who})" if who else "")
    return f"{row.kind.replace('_', ' ')} — {row.company}"


def export_ics(db: Database, now: datetime) -> bytes:
    """The calendar as bytes (CRLF lines, folded at 75 octets, as RFC 5545 asks)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "pursuit")
    stamp = now.astimezone(UTC)
    with db.read() as conn:
        interviews = conn.execute(
            """SELECT i.id, i.starts_at, i.ends_at, i.kind, i.notes, i.guidance_text,
                 i.created_at, c.name, a.title
               FROM interview i JOIN application a ON a.id = i.application_id
               JOIN company c ON c.id = a.company_id
               WHERE i.deleted_at IS NULL AND a.deleted_at IS NULL
               ORDER BY i.starts_at, i.id"""
        ).fetchall()
        people: dict[int, list[str]] = {}
        for iid, name, role in conn.execute(
            "SELECT l.interview_id, p.name, p.role FROM interview_contact l"
            " JOIN contact p ON p.id = l.contact_id ORDER BY l.interview_id, p.id"
        ):
            people.setdefault(iid, []).append(f"{name} ({role})" if role else name)
        actions = action_reads.pending_actions(conn)
        created = dict(
            conn.execute("SELECT id, created_at FROM action WHERE done_at IS NULL").fetchall()
        )
    for iid, starts, ends, kind, notes, guidance, made, company, title in interviews:
        start = from_db(starts)
        event = Event()
        event.add("uid", _uid("interview", iid, from_db(made)))
        event.add("dtstamp", stamp)
        event.add("created", from_db(made))
        event.add("dtstart", start)
        event.add("dtend", from_db(ends))
        event.add("summary", f"{str(kind).capitalize()} — {company}: {title}")
        lines = [f"With: {', '.join(people[iid])}"] if iid in people else []
        if guidance:
            lines.append(f"They said: {guidance}")
        if notes:
            lines.append(str(notes))
        if lines:
            event.add("description", "\n".join(lines))
        event.add("categories", ["pursuit", "interview"])
        if start > stamp:
            event.add_component(_alarm(f"Interview at {company} in one hour", -INTERVIEW_REMINDER))
        cal.add_component(event)
    for row in actions:
        todo = Todo()
        made_at = from_db(str(created[row.id]))
        todo.add("uid", _uid("action", row.id, made_at))
        todo.add("dtstamp", stamp)
        todo.add("created", made_at)
        todo.add("due", row.next_at)
        summary = _todo_summary(row)
        todo.add("summary", summary)
        if row.draft:
            todo.add("description", row.draft)
        todo.add("status", "NEEDS-ACTION")
        todo.add("categories", ["pursuit", row.kind.replace("_", "-")])
        todo.add_component(_alarm(summary, row.next_at))
        cal.add_component(todo)
    return bytes(cal.to_ical())


def _alarm(text: str, trigger: datetime | timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    if isinstance(trigger, datetime):
        # RFC 5545 3.8.6.3: an absolute trigger is a UTC DATE-TIME and must say so with
        # VALUE=DATE-TIME; without it libical, ical.js and ics-py read a duration and drop
        # the alarm (or the whole file). icalendar does not add the parameter by itself.
        alarm.add("trigger", trigger.astimezone(UTC), parameters={"VALUE": "DATE-TIME"})
    else:
        # A relative trigger (a DURATION, the default type) counts from DTSTART.
        alarm.add("trigger", trigger)
    return alarm
