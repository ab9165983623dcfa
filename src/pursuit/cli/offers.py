"""Offers to the end: offer (with its answer-by date), withdraw, and the options nudge."""

from __future__ import annotations

import argparse

from pursuit.cli.applications import close
from pursuit.cli.context import open_ctx, read_when, say_notes
from pursuit.cli.output import UsageError, show_when


def cmd_offer(args: argparse.Namespace) -> int:
    from pursuit.store.commands import record_offer

    ctx = open_ctx(args)
    by = read_when(ctx, args.by, what="--by")
    result = record_offer(ctx, args.company, by.at, args.note, role=args.role)
    say_notes(by)
    print(f"Offer from {result.company}: answer by {show_when(ctx, result.answer_by)}")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    from pursuit.store.commands import withdraw

    return close(args, "withdrawn", withdraw)


def cmd_nudge(args: argparse.Namespace) -> int:
    from pursuit.store.commands import quiet_nudge, restore_nudge

    ctx = open_ctx(args)
    if args.action == "snooze":
        if not args.until:
            raise UsageError("say until when: pursuit nudge snooze WHEN")
        until = read_when(ctx, " ".join(args.until))
        quiet_nudge(ctx, until.at)
        print(f"Options nudge snoozed until {show_when(ctx, until.at)}")
    elif args.action == "dismiss":
        quiet_nudge(ctx, None)
        print("Options nudge dismissed (pursuit nudge restore brings it back)")
    else:
        restore_nudge(ctx)
        print("Options nudge back")
    return 0
