"""Verbs that fix mistakes in the record: rename and merge companies, delete an application
or a person (undo brings them back), and purge what was removed, for good.

Like every verb module, it imports the store inside each verb."""

from __future__ import annotations

import argparse

from pursuit.cli.context import open_ctx
from pursuit.cli.output import EXIT_REFUSED, fail


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
