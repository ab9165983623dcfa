"""Verbs for the whole record: show (everything about a company), edit (any field of an
application), contact (a person's details; moving or removing them), edit-interview,
rename, merge, delete; and the parts of add, list and note that read the record.

Like every verb module, it imports the store inside each verb."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pursuit.cli.context import open_ctx
from pursuit.cli.output import EXIT_REFUSED, UsageError, fail, one_line, print_json, show_when

if TYPE_CHECKING:
    from pursuit.domain.whose import WhoseMove
    from pursuit.store.context import Ctx
    from pursuit.store.record_reads import AppRecord, CompanyRecord, Note

APPLICATION_FLAGS = (
    ("role", "ROLE", "the role's title"),
    ("status", "STATUS", "a new status (as `move`; rejected: see --friendly)"),
    ("source", "TEXT", "where you found it (empty clears)"),
    ("url", "URL", "the job posting's address"),
    ("location", "PLACE", "where the job is"),
    ("salary", "TEXT", 'as said, e.g. "90–110k"; its range is read for sorting'),
    ("priority", "N", "0–5, or low, medium, high"),
    ("applied", "WHEN", "when you applied"),
    ("note", "TEXT", "a note (replaces the one there; empty clears)"),
)
CONTACT_FLAGS = (
    ("new_name", "NAME", "a new name for them"),
    ("role", "ROLE", "their role"),
    ("email", "EMAIL", "their email"),
    ("phone", "PHONE", "their phone"),
    ("url", "URL", "their profile's address"),
    ("talking_point", "TEXT", "what to mention in your thank-you (R2)"),
    ("note", "TEXT", "a note about them"),
)
INTERVIEW_FLAGS = (
    ("start", "WHEN", "when it starts"),
    ("minutes", "N", "its length"),
    ("kind", "KIND", "phone, onsite, final…"),
    ("place", "PLACE", "where, or the video link"),
    ("note", "TEXT", "how it went"),
)


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def add_flags(p: argparse.ArgumentParser) -> None:
    """`add`'s flags for the record: its fields, and what to do about a known company."""
    for name in ("salary", "location", "priority", "note"):
        spec = next(f for f in APPLICATION_FLAGS if f[0] == name)
        p.add_argument(_flag(name), dest=name, metavar=spec[1], help=spec[2])
    remote = p.add_mutually_exclusive_group()
    remote.add_argument("--remote", dest="remote", action="store_const", const="yes")
    remote.add_argument("--no-remote", dest="remote", action="store_const", const="no")
    p.add_argument(
        "--new-company",
        action="store_true",
        help="a new company of exactly this name, even if it starts like a known one",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="add it though the same role is open there already, or --applied is over a year back",
    )


def add_parsers(verb: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The record's verbs, added to `pursuit`'s parser."""
    p = verb("show", "everything about a company: fields, people, interviews, timeline, drafts")
    p.add_argument("company")
    p.add_argument("--json", action="store_true")

    p = verb("edit", "change any field of an application (its current one, or --app ID)")
    p.add_argument("company")
    p.add_argument("--app", type=int, metavar="ID", help="which application (see list --json)")
    for name, metavar, help_text in APPLICATION_FLAGS:
        p.add_argument(_flag(name), dest=name, metavar=metavar, help=help_text)
    remote = p.add_mutually_exclusive_group()
    remote.add_argument("--remote", dest="remote", action="store_const", const="yes")
    remote.add_argument("--no-remote", dest="remote", action="store_const", const="no")
    p.add_argument("--friendly", action="store_true", help="with --status rejected: a bridge")

    p = verb("contact", "add a person at a company, or change their details; --move-to, --delete")
    p.add_argument("company")
    p.add_argument("name")
    for name, metavar, help_text in CONTACT_FLAGS:
        flag = "--name" if name == "new_name" else _flag(name)
        p.add_argument(flag, dest=name, metavar=metavar, help=help_text)
    p.add_argument("--move-to", metavar="COMPANY", help="they belong to another company")
    p.add_argument("--delete", action="store_true", help="remove them (undo brings them back)")

    p = verb("edit-interview", "change an interview (the latest, or --id N)")
    p.add_argument("company")
    p.add_argument("--id", type=int, metavar="N", dest="interview_id")
    for name, metavar, help_text in INTERVIEW_FLAGS:
        flag = "--at" if name == "start" else _flag(name)
        p.add_argument(flag, dest=name, metavar=metavar, help=help_text)

    p = verb("rename", "rename a company")
    p.add_argument("company")
    p.add_argument("new_name", metavar="NEW_NAME")

    p = verb("merge", "make two companies one: FROM's applications, people and history move")
    p.add_argument("company", metavar="FROM")
    p.add_argument("target", metavar="INTO")
    p.add_argument("--yes", action="store_true", help="go ahead (without it: say what moves)")

    p = verb("purge", "delete for good what was removed, and the undo history (asks for --yes)")
    p.add_argument("--yes", action="store_true", help="go ahead (without it: say what goes)")

    p = verb("delete", "remove an application, or a person with --contact (undo brings it back)")
    p.add_argument("company")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--role", help="which application, if the company has several")
    which.add_argument("--app", type=int, metavar="ID")
    which.add_argument("--contact", metavar="NAME", help="remove this person instead")


def _given(args: argparse.Namespace, flags: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """The fields given on the command line, by the names the record uses."""
    return {
        name.removeprefix("new_"): getattr(args, name)
        for name, _m, _h in flags
        if getattr(args, name) is not None
    }


# --- show ------------------------------------------------------------------------------------


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


def _local(ctx: Ctx, when: datetime | None) -> str | None:
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
                "applied_at": _local(ctx, a.applied_at),
                "closed_at": _local(ctx, a.closed_at),
                "updated_at": _local(ctx, a.updated_at),
                "reopened_from": a.reopened_from_id,
                "whose_move": w.turn.value if (w := _whose(ctx, r, a)) else None,
                "waiting_until": _local(ctx, w.waiting_until) if w else None,
                "interviews": [
                    {
                        "id": i.id,
                        "start": _local(ctx, i.starts_at),
                        "minutes": i.minutes,
                        "kind": i.kind,
                        "place": i.place,
                        "interviewers": list(i.people),
                        "note": i.notes,
                        "they_said": i.guidance_text,
                        "check_back": _local(ctx, i.guidance_at),
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
                "due": _local(ctx, x.next_at),
                "guessed": x.guessed,
                "contact": x.contact,
                "application_id": x.application_id,
                "draft": x.draft,
            }
            for x in r.actions
        ],
        "timeline": [
            {
                "at": _local(ctx, e.at),
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
_KINDS = {
    "thank_you": "thank-you note",
    "follow_up": "follow-up",
    "check_in": "check-in",
    "withdraw": "withdrawal",
    "answer_offer": "answer to the offer",
}


def _text(value: str) -> list[str]:
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
        out += [f"  note: {line}" for line in _text(r.notes)]
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
            lines = _text(a.notes)
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
            out += [f"    note: {line}" for line in _text(i.notes)] if i.notes else []
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
        out += [f"    note: {line}" for line in _text(p.notes)] if p.notes else []
    out += ["", "Next"]
    if not r.actions:
        out.append("  nothing pending")
    for x in r.actions:
        who = ""
        if x.contact:
            who = f" to {t(x.contact)}" if x.kind == "thank_you" else f" with {t(x.contact)}"
        guess = " (a guess)" if x.guessed else ""
        title = f"  [{t(x.title)}]" if x.title else ""
        what = _KINDS.get(x.kind, x.kind)
        out.append(f"  {show_when(ctx, x.next_at)}  {what}{who}{guess}{title}  #{x.id}")
        out += [f"      | {line}" for line in _text(x.draft)] if x.draft else []
    out += ["", "Timeline"]
    if not r.events:
        out.append("  nothing yet")
    for e in r.events:
        title = f"  [{t(e.title)}]" if e.title else ""
        arrow = _ARROW.get(e.direction or "", "·")
        out.append(f"  {show_when(ctx, e.at)}  {arrow} {t(e.summary)}{title}")
        out += [f"      | {line}" for line in _text(e.body)] if e.body else []
    return out


# --- edit, contact, edit-interview --------------------------------------------------------------


def cmd_edit(args: argparse.Namespace) -> int:
    from pursuit.store.record import edit_application

    fields = _given(args, APPLICATION_FLAGS)
    if args.remote is not None:
        fields["remote"] = args.remote
    if not fields:
        names = ", ".join(_flag(n) for n, _m, _h in APPLICATION_FLAGS)
        raise UsageError(f"say what to change: {names}, --remote or --no-remote")
    if args.friendly and fields.get("status", "").strip().lower() not in ("rejected", "reject"):
        raise UsageError("--friendly only applies with --status rejected")
    edited = edit_application(
        open_ctx(args), args.company, fields=fields, application_id=args.app, friendly=args.friendly
    )
    _say_edited(edited.what, edited.changed)
    return 0


def _say_edited(what: str, changed: tuple[str, ...]) -> None:
    if changed:
        print(f"{what}: changed {', '.join(changed)}")
    else:
        print(f"{what}: nothing changed (it already read so)")


def cmd_contact(args: argparse.Namespace) -> int:
    from pursuit.store.record import delete_contact, save_contact

    fields = _given(args, CONTACT_FLAGS)
    if args.move_to is not None:
        fields["company"] = args.move_to
    ctx = open_ctx(args)
    if args.delete:
        if fields:
            raise UsageError("--delete takes no other change")
        print(
            f"Removed {delete_contact(ctx, args.company, args.name)} (pursuit undo brings them back)"
        )
        return 0
    saved = save_contact(ctx, args.company, args.name, fields=fields)
    if saved.created:
        print(f"Added {saved.name} at {saved.company}")
    elif saved.moved_from:
        print(f"{saved.name} moved from {saved.moved_from} to {saved.company}")
    elif fields:
        _say_edited(f"{saved.name} at {saved.company}", saved.changed)
    else:
        _print_person(ctx, saved.company, saved.name)
    return 0


def _print_person(ctx: Ctx, company: str, name: str) -> None:
    from pursuit.store.record_reads import company_record, find_company

    with ctx.db.read() as conn:
        record = company_record(conn, find_company(conn, company))
    assert record is not None
    person = next(p for p in record.contacts if p.name == name)
    print(one_line(f"{person.name} at {record.name}"))
    for label, value in (
        ("role", person.role),
        ("email", person.email),
        ("phone", person.phone),
        ("profile", person.url),
        ("talking point", person.talking_point),
    ):
        if value:
            print(f"  {label:<13} {one_line(value)}")
    for line in _text(person.notes) if person.notes else []:
        print(f"  note          {line}")


def cmd_edit_interview(args: argparse.Namespace) -> int:
    from pursuit.store.record import edit_interview

    fields = _given(args, INTERVIEW_FLAGS)
    if not fields:
        raise UsageError("say what to change: --at, --minutes, --kind, --place, --note")
    edited = edit_interview(
        open_ctx(args), args.company, fields=fields, interview_id=args.interview_id
    )
    _say_edited(edited.what[:1].upper() + edited.what[1:], edited.changed)
    return 0


# --- rename, merge, delete -------------------------------------------------------------------------


def cmd_rename(args: argparse.Namespace) -> int:
    from pursuit.store.record import rename_company

    old, new = rename_company(open_ctx(args), args.company, args.new_name)
    print(f"Renamed {old} to {new}")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from pursuit.store.record import merge_companies, merge_plan

    ctx = open_ctx(args)
    if not args.yes:
        plan = merge_plan(ctx, args.company, args.target)
        print(f"Merging {plan.source} into {plan.target} would move:")
        for line in plan.lines():
            print(f"  {line}")
        return fail("nothing merged yet; rerun with --yes to merge", EXIT_REFUSED)
    plan = merge_companies(ctx, args.company, args.target)
    print(f"Merged {plan.source} into {plan.target}:")
    for line in plan.lines():
        print(f"  {line}")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    from pursuit.store.record import delete_application, delete_contact

    ctx = open_ctx(args)
    if args.contact is not None:
        what = delete_contact(ctx, args.company, args.contact)
    else:
        what = delete_application(ctx, args.company, application_id=args.app, role=args.role or "")
    print(f"Removed {what} (pursuit undo brings it back; the timeline keeps its history)")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from pursuit.store.purge import purge

    ctx = open_ctx(args)
    found = purge(ctx.db, dry_run=not args.yes)
    if found.nothing:
        print("Nothing was removed: nothing to purge")
        return 0
    print("Deleted for good:" if args.yes else "Purging would delete for good:")
    for line in found.lines():
        print(f"  {line}")
    if not args.yes:
        return fail("nothing purged yet; rerun with --yes (it cannot be undone)", EXIT_REFUSED)
    return 0


# --- note: drafts pending, texts sent ------------------------------------------------------------


def cmd_note(args: argparse.Namespace) -> int:
    """`pursuit note COMPANY [NAME]`: the pending drafts (one person's, if named); with
    --sent what was sent; --edit opens the one draft in $EDITOR."""
    from pursuit.store import company_reads
    from pursuit.store import record_reads as rr

    if args.show and not args.edit:
        raise UsageError("--show goes with --edit (without --edit the draft is printed anyway)")
    if args.sent and args.edit:
        raise UsageError("--sent prints what was sent; it cannot be edited")
    ctx = open_ctx(args)
    with ctx.db.read() as conn:
        company_id = rr.find_company(conn, args.company)
        company = company_reads.company_name(conn, company_id) or args.company
        contact_id, contact = (
            rr.find_contact(conn, company_id, args.name) if args.name else (None, None)
        )
        notes = (
            rr.sent_texts(conn, company_id, contact_id)
            if args.sent
            else rr.pending_drafts(conn, company_id, contact_id)
        )
        other = (
            []
            if notes
            else (
                rr.pending_drafts(conn, company_id, contact_id)
                if args.sent
                else rr.sent_texts(conn, company_id, contact_id)
            )
        )
    notes = [n for n in notes if n.text.strip()]
    if not notes:
        to = f" to {contact}" if contact else f" to {company}"
        if args.sent:
            hint = "; its drafts: pursuit note" if other else ""
            raise_input(f"nothing sent{to} is recorded with its text{hint}")
        hint = (
            f" (what was sent: pursuit note {args.company!r}{' ' + repr(args.name) if args.name else ''} --sent)"
            if other
            else ""
        )
        kind = "thank-you note" if contact else "draft"
        raise_input(f"no {kind}{to} is pending{hint}")
    if args.edit:
        return _edit_draft(ctx, notes, company, contact, show=args.show)
    if len(notes) == 1:
        print("\n".join(_text(notes[0].text)))
        return 0
    for index, note in enumerate(notes):
        if index:
            print()
        print(_note_heading(ctx, note, sent=args.sent))
        print("\n".join(_text(note.text)))
    return 0


def raise_input(message: str) -> None:
    from pursuit.store.errors import InputError

    raise InputError(message)


def _note_heading(ctx: Ctx, note: Note, *, sent: bool) -> str:
    what = _KINDS.get(note.kind, note.kind.replace("_", " "))
    who = f" to {note.contact}" if note.contact else ""
    title = f" [{note.title}]" if note.title else ""
    when = f"sent {show_when(ctx, note.at)}" if sent else f"due {show_when(ctx, note.at)}"
    return one_line(f"— {what}{who}{title}, {when}")


def _edit_draft(
    ctx: Ctx, notes: list[Note], company: str, contact: str | None, *, show: bool
) -> int:
    from pursuit.desktop.editor import EditorError, edit_text
    from pursuit.store.actions import set_draft

    if len(notes) > 1:
        raise UsageError(f"{len(notes)} drafts are pending; name the person to edit one")
    note = notes[0]
    assert note.action_id is not None
    try:
        text = edit_text(note.text)
    except EditorError as exc:
        raise UsageError(str(exc)) from None
    who = contact or note.contact or company
    if not text.strip():
        raise UsageError("the draft came back empty; nothing saved")
    if text == note.text.rstrip():
        print(f"Draft to {who} unchanged", file=sys.stderr)
    else:
        set_draft(ctx, note.action_id, text)
        print(f"Draft to {who} at {company} saved", file=sys.stderr)
    if show:
        print(text)
    return 0


# --- list --all: the past, with its dates ----------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    from pursuit.cli.reading import cmd_list as open_ones

    return list_all(args) if args.all else open_ones(args)


def list_all(args: argparse.Namespace) -> int:
    """`pursuit list --all`: every application, most recent activity first, with the
    status, when it was applied for and when it closed (and how)."""
    from pursuit.store import application_reads
    from pursuit.store.record_reads import every_application

    ctx = open_ctx(args)
    with ctx.db.read() as conn:
        rows = every_application(conn, ctx.now)
        live = {
            r.id: r for r in application_reads.applications(conn, include_closed=True, now=ctx.now)
        }
    if args.json:
        out = []
        for r in rows:
            app = live.get(r.application_id)
            whose = app.whose(ctx.now) if app else None
            out.append(
                {
                    "id": r.application_id,
                    "company": r.company,
                    "role": r.title,
                    "status": r.status.value,
                    "applied": _local(ctx, r.applied_at),
                    "closed_at": _local(ctx, r.closed_at),
                    "outcome": r.outcome,
                    "last_activity": _local(ctx, r.last_activity),
                    "last_touch": _local(ctx, app.last_touch) if app else None,
                    "next_action": app.next_kind if app else None,
                    "next_due": _local(ctx, app.next_at) if app else None,
                    "whose_move": whose.turn.value if whose else None,
                    "waiting_until": _local(ctx, whose.waiting_until) if whose else None,
                }
            )
        print_json(out)
        return 0
    if not rows:
        print("No applications yet. Add one: pursuit add COMPANY ROLE")
        return 0
    print(f"{'company':<22} {'role':<26} {'status':<22} {'applied':<11} closed")
    for r in rows:
        state = r.outcome or r.status.label
        company, title = one_line(r.company), one_line(r.title)
        applied, closed = _date(ctx, r.applied_at), _date(ctx, r.closed_at)
        print(f"{company:<22.22} {title:<26.26} {state:<22.22} {applied:<11} {closed}")
    return 0


def _date(ctx: Ctx, when: datetime | None) -> str:
    return f"{when.astimezone(ctx.tz):%Y-%m-%d}" if when else "—"
