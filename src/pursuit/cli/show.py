"""`pursuit show`: everything about a company, as text for a terminal or as JSON; and how
the record's texts, times and reminder kinds read, for the verbs beside it.

Like every verb module, it imports the store inside each verb."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pursuit.cli.context import open_ctx
from pursuit.cli.output import one_line, print_json, show_when

if TYPE_CHECKING:
    from pursuit.domain.whose import WhoseMove
    from pursuit.store.context import Ctx
    from pursuit.store.record_reads import AppRecord, CompanyRecord


def cmd_show(args: argparse.Namespace) -> int:
    from pursuit.store.record_reads import company_record, find_company

    ctx = open_ctx(args)
    with ctx.db.read() as conn:
        record = company_record(conn, find_company(conn, args.company))
    assert record is not None
    if args.json:
        print_json(record_json(ctx, record))
    else:
        for line in record_lines(ctx, record):
            print(line)
    return 0


def local_iso(ctx: Ctx, when: datetime | None) -> str | None:
    return when.astimezone(ctx.tz).isoformat() if when else None


def _whose(ctx: Ctx, r: CompanyRecord, a: AppRecord) -> WhoseMove | None:
    """Whose move it is on an open application (None once closed), as the list says."""
    from pursuit.domain.status import OPEN
    from pursuit.domain.whose import whose_move_among

    if a.status not in OPEN:
        return None
    pending = [(x.kind, x.next_at) for x in r.actions if x.application_id == a.id]
    return whose_move_among(pending, ctx.now)


def record_json(ctx: Ctx, r: CompanyRecord) -> dict[str, Any]:
    """Everything about a company, exact (JSON is not cleaned; times in the local zone)."""
    return {
        "id": r.id,
        "company": r.name,
        "bridge": r.is_bridge,
        "cadence": r.cadence,
        "note": r.notes,
        "applications": [
            {
                "id": a.id,
                "role": a.title,
                "status": a.status.value,
                "outcome": a.outcome,
                "source": a.source,
                "url": a.url,
                "location": a.location,
                "remote": a.remote,
                "salary": a.salary,
                "salary_low": a.salary_low,
                "salary_high": a.salary_high,
                "priority": a.priority,
                "note": a.notes,
                "applied_at": local_iso(ctx, a.applied_at),
                "closed_at": local_iso(ctx, a.closed_at),
                "updated_at": local_iso(ctx, a.updated_at),
                "reopened_from": a.reopened_from_id,
                "whose_move": w.turn.value if (w := _whose(ctx, r, a)) else None,
                "waiting_until": local_iso(ctx, w.waiting_until) if w else None,
                "interviews": [
                    {
                        "id": i.id,
                        "start": local_iso(ctx, i.starts_at),
                        "minutes": i.minutes,
                        "kind": i.kind,
                        "place": i.place,
                        "interviewers": list(i.people),
                        "note": i.notes,
                        "they_said": i.guidance_text,
                        "check_back": local_iso(ctx, i.guidance_at),
                    }
                    for i in a.interviews
                ],
            }
            for a in r.applications
        ],
        "contacts": [
            {
                "id": p.id,
                "name": p.name,
                "role": p.role,
                "email": p.email,
                "phone": p.phone,
                "url": p.url,
                "talking_point": p.talking_point,
                "note": p.notes,
            }
            for p in r.contacts
        ],
        "next": [
            {
                "action_id": x.id,
                "kind": x.kind,
                "due": local_iso(ctx, x.next_at),
                "guessed": x.guessed,
                "contact": x.contact,
                "application_id": x.application_id,
                "draft": x.draft,
            }
            for x in r.actions
        ],
        "timeline": [
            {
                "at": local_iso(ctx, e.at),
                "kind": e.kind,
                "direction": e.direction,
                "channel": e.channel,
                "summary": e.summary,
                "text": e.body,
                "contact": e.contact,
                "application_id": e.application_id,
            }
            for e in r.events
        ],
    }


_ARROW = {"in": "←", "out": "→"}
KIND_NAMES = {
    "thank_you": "thank-you note",
    "follow_up": "follow-up",
    "check_in": "check-in",
    "withdraw": "withdrawal",
    "answer_offer": "answer to the offer",
}


def text_lines(value: str) -> list[str]:
    """A stored text's lines, each cleaned for the terminal (spacing kept)."""
    from pursuit.domain.text import clean_text

    return [clean_text(line).rstrip() for line in value.splitlines()] or [""]


def record_lines(ctx: Ctx, r: CompanyRecord) -> list[str]:
    """Everything about a company, as text for a terminal (each stored text cleaned)."""
    from pursuit.domain.record import show_remote
    from pursuit.domain.whose import show_whose

    t = one_line
    bridge = f"  (bridge: check in {t(r.cadence or '')})" if r.is_bridge else ""
    out = [t(r.name) + bridge]
    if r.notes:
        out += [f"  note: {line}" for line in text_lines(r.notes)]
    for a in r.applications:
        state = a.outcome or a.status.label
        if (whose := _whose(ctx, r, a)) is not None:
            state += f" · {show_whose(whose, ctx.tz, ctx.now)}"
        closed = f", {show_when(ctx, a.closed_at)}" if a.closed_at else ""
        out += ["", f"{t(a.title)} — {state}{closed}  (#{a.id})"]
        fields = [
            ("applied", show_when(ctx, a.applied_at) if a.applied_at else None),
            ("source", a.source),
            ("job URL", a.url),
            ("location", a.location),
            ("remote", show_remote(a.remote) if a.remote is not None else None),
            ("salary", a.salary),
            ("priority", str(a.priority) if a.priority else None),
        ]
        out += [f"  {label:<9} {t(v)}" for label, v in fields if v]
        if a.notes:
            lines = text_lines(a.notes)
            out += [f"  {'note':<9} {lines[0]}", *(f"  {'':<9} {x}" for x in lines[1:])]
        for i in a.interviews:
            where = f", at {t(i.place)}" if i.place else ""
            people = f" with {t(', '.join(i.people))}" if i.people else ""
            out.append(
                f"  interview {show_when(ctx, i.starts_at)}, {i.minutes} min, "
                f"{t(i.kind)}{where}{people}  (#{i.id})"
            )
            if i.guidance_text:
                out.append(f"    they said: {t(i.guidance_text)}")
            out += [f"    note: {line}" for line in text_lines(i.notes)] if i.notes else []
    out += ["", "Contacts"]
    if not r.contacts:
        out.append("  none yet")
    for p in r.contacts:
        out.append(f"  {t(p.name)}" + (f" — {t(p.role)}" if p.role else ""))
        details = [t(v) for v in (p.email, p.phone, p.url) if v]
        if details:
            out.append("    " + " · ".join(details))
        if p.talking_point:
            out.append(f"    talking point: {t(p.talking_point)}")
        out += [f"    note: {line}" for line in text_lines(p.notes)] if p.notes else []
    out += ["", "Next"]
    if not r.actions:
        out.append("  nothing pending")
    for x in r.actions:
        who = ""
        if x.contact:
            who = f" to {t(x.contact)}" if x.kind == "thank_you" else f" with {t(x.contact)}"
        guess = " (a guess)" if x.guessed else ""
        title = f"  [{t(x.title)}]" if x.title else ""
        what = KIND_NAMES.get(x.kind, x.kind)
        out.append(f"  {show_when(ctx, x.next_at)}  {what}{who}{guess}{title}  #{x.id}")
        out += [f"      | {line}" for line in text_lines(x.draft)] if x.draft else []
    out += ["", "Timeline"]
    if not r.events:
        out.append("  nothing yet")
    for e in r.events:
        title = f"  [{t(e.title)}]" if e.title else ""
        arrow = _ARROW.get(e.direction or "", "·")
        out.append(f"  {show_when(ctx, e.at)}  {arrow} {t(e.summary)}{title}")
        out += [f"      | {line}" for line in text_lines(e.body)] if e.body else []
    return out
