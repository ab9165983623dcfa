"""Verbs that act on the agenda: thanks, followup, heard, checkin, snooze, done and undo
(`note`, the drafts and the texts sent, has a module of its own, notes.py)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from pursuit.cli.context import open_ctx, read_when, say_notes
from pursuit.cli.output import EXIT_REFUSED, UsageError, show_when

if TYPE_CHECKING:
    from pursuit.store.actions import Finished
    from pursuit.store.context import Ctx


def cmd_thanks(args: argparse.Namespace) -> int:
    from pursuit.store.actions import mark_thanks

    ctx = open_ctx(args)
    result = mark_thanks(ctx, args.company, args.name, note=args.note, force=args.force)
    extra = f" (sent anyway; alike the note to {result.similar_to})" if result.similar_to else ""
    print(f"Thank-you note to {result.contact} at {result.company} marked sent{extra}")
    return 0


def cmd_followup(args: argparse.Namespace) -> int:
    from pursuit.domain.gimmicks import parse_channel
    from pursuit.store.actions import log_followup

    try:
        channel = parse_channel(args.channel)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    ctx = open_ctx(args)
    if args.check:
        from pursuit.store.actions import follow_up_check

        reasons = follow_up_check(ctx, args.company, role=args.role)
        print("fine to follow up now" if not reasons else f"too soon: {'; '.join(reasons)}")
        # As the follow-up itself would: a script can test the answer without reading it.
        return EXIT_REFUSED if reasons else 0
    result = log_followup(
        ctx, args.company, note=args.note, force=args.force, channel=channel, role=args.role
    )
    for warning in result.warnings:
        print(f"pursuit: warning: {warning}", file=sys.stderr)
    then = (
        f"next check {show_when(ctx, result.next_due)}"
        if result.next_due
        else "answer the offer next"
    )
    print(f"Follow-up to {result.company} logged; {then}")
    if result.ghosted_hint:
        print(f"Hint: {result.ghosted_hint} (pursuit move {result.company!r} ghosted)")
    return 0


def cmd_heard(args: argparse.Namespace) -> int:
    from pursuit.store.actions import heard_back

    company = heard_back(open_ctx(args), args.company, args.note, role=args.role)
    print(f"Noted: {company} answered")
    return 0


def cmd_checkin(args: argparse.Namespace) -> int:
    from pursuit.store.actions import check_in

    ctx = open_ctx(args)
    result = check_in(ctx, args.company, note=args.note, force=args.force)
    for warning in result.warnings:
        print(f"pursuit: warning: {warning}", file=sys.stderr)
    print(f"Check-in with {result.company} logged; next {show_when(ctx, result.next_check_in)}")
    return 0


def cmd_snooze(args: argparse.Namespace) -> int:
    from pursuit.store.actions import snooze

    ctx = open_ctx(args)
    when = read_when(ctx, " ".join(args.until))
    until = snooze(ctx, args.action_id, when.at)
    print(f"Snoozed until {show_when(ctx, until)}")
    say_notes(when)
    return 0


def cmd_done(args: argparse.Namespace) -> int:
    from pursuit.store.actions import How, finish

    if args.force and args.how != "sent":
        raise UsageError("--force goes with --sent (a follow-up sent sooner than R5 allows)")
    ctx = open_ctx(args)
    done = finish(ctx, args.action_id, How(args.how) if args.how else None, force=args.force)
    for warning in done.warnings:
        print(f"pursuit: warning: {warning}", file=sys.stderr)
    print(f"Done: {done.what}{done_how(ctx, done)}")
    if done.ghosted_hint:
        print(f"Hint: {done.ghosted_hint} (pursuit move {done.company!r} ghosted)")
    return 0


def done_how(ctx: Ctx, done: Finished) -> str:
    """What a follow-up marked done led to, after "Done: follow-up"."""
    if done.how is None:
        return ""
    said = {"sent": " sent", "heard": f": {done.company} answered", "drop": " dropped"}
    text = said[done.how.value]
    if done.next_due is None:
        return text
    guess = " (a guess)" if done.guessed else ""
    return f"{text}; waiting on them until {show_when(ctx, done.next_due)}{guess}"


def cmd_undo(args: argparse.Namespace) -> int:
    from pursuit.store.unit import undo_last

    ctx = open_ctx(args)
    label = undo_last(ctx.db, now=ctx.now)
    print(f"Undid: {label}" if label else "Nothing to undo")
    return 0
