"""Verbs that change the record: edit (any field of an application), contact (a person's
details; moving or removing them) and edit-interview; and the parsers of every verb about
the record (show, rename, merge, delete and purge too), with `add`'s record flags.

Like every verb module, it imports the store inside each verb."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from pursuit.cli.context import open_ctx
from pursuit.cli.output import UsageError, one_line
from pursuit.cli.show import text_lines

if TYPE_CHECKING:
    from pursuit.store.context import Ctx

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
    p.add_argument(
        "--role", help="whose latest interview, if the company has several open applications"
    )
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
    for line in text_lines(person.notes) if person.notes else []:
        print(f"  note          {line}")


def cmd_edit_interview(args: argparse.Namespace) -> int:
    from pursuit.store.record import edit_interview

    fields = _given(args, INTERVIEW_FLAGS)
    if not fields:
        raise UsageError("say what to change: --at, --minutes, --kind, --place, --note")
    edited = edit_interview(
        open_ctx(args), args.company, fields=fields, interview_id=args.interview_id, role=args.role
    )
    _say_edited(edited.what[:1].upper() + edited.what[1:], edited.changed)
    return 0
