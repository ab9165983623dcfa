"""`pursuit note`: the drafts pending for a company (one person's, if named), what was sent
with --sent, and --edit to open the one draft in $EDITOR.

Like every verb module, it imports the store inside each verb."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from pursuit.cli.context import open_ctx
from pursuit.cli.output import UsageError, one_line, show_when
from pursuit.cli.show import KIND_NAMES, text_lines

if TYPE_CHECKING:
    from pursuit.store.context import Ctx
    from pursuit.store.note_reads import Note


def cmd_note(args: argparse.Namespace) -> int:
    """`pursuit note COMPANY [NAME]`: the pending drafts (one person's, if named); with
    --sent what was sent; --edit opens the one draft in $EDITOR."""
    from pursuit.store import company_reads, note_reads
    from pursuit.store.record_reads import find_company

    if args.show and not args.edit:
        raise UsageError("--show goes with --edit (without --edit the draft is printed anyway)")
    if args.sent and args.edit:
        raise UsageError("--sent prints what was sent; it cannot be edited")
    ctx = open_ctx(args)
    with ctx.db.read() as conn:
        company_id = find_company(conn, args.company)
        company = company_reads.company_name(conn, company_id) or args.company
        contact_id, contact = (
            note_reads.find_contact(conn, company_id, args.name) if args.name else (None, None)
        )
        notes = (
            note_reads.sent_texts(conn, company_id, contact_id)
            if args.sent
            else note_reads.pending_drafts(conn, company_id, contact_id)
        )
        other = (
            []
            if notes
            else (
                note_reads.pending_drafts(conn, company_id, contact_id)
                if args.sent
                else note_reads.sent_texts(conn, company_id, contact_id)
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
        print("\n".join(text_lines(notes[0].text)))
        return 0
    for index, note in enumerate(notes):
        if index:
            print()
        print(_note_heading(ctx, note, sent=args.sent))
        print("\n".join(text_lines(note.text)))
    return 0


def raise_input(message: str) -> None:
    from pursuit.store.errors import InputError

    raise InputError(message)


def _note_heading(ctx: Ctx, note: Note, *, sent: bool) -> str:
    what = KIND_NAMES.get(note.kind, note.kind.replace("_", " "))
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
