"""Verbs that write about applications and interviews: add, interview, guidance, move,
reject, reopen, talking-point, quick (one line of quick entry) and demo.

Like every verb module, it imports the store and the domain inside each verb, so that
loading the parser (on every Tab press) costs nothing more."""

from __future__ import annotations

import argparse
from typing import Any

from pursuit.cli.context import open_ctx, read_when, say_notes
from pursuit.cli.output import UsageError, one_line, print_json, show_when


def cmd_add(args: argparse.Namespace) -> int:
    from pursuit.domain.status import StatusError, parse_status
    from pursuit.store.commands import add_application

    try:
        status = parse_status(args.status)
    except StatusError as exc:
        raise UsageError(str(exc)) from None
    ctx = open_ctx(args)
    applied = None
    if args.applied:
        applied = read_when(ctx, args.applied, prefer="past", force=args.force, what="--applied")
    given = {
        "url": args.url,
        "source": args.source,
        "salary": args.salary,
        "location": args.location,
        "remote": args.remote,
        "priority": args.priority,
        "note": args.note,
    }
    result = add_application(
        ctx,
        args.company,
        args.role,
        new_company=args.new_company,
        force=args.force,
        applied_at=applied.at if applied else None,
        status=status,
        fields={k: v for k, v in given.items() if v is not None},
    )
    added = result.added
    if args.json:
        print_json(
            {
                "application_id": added.application_id,
                "company": added.company,
                "role": added.title,
                "status": added.status.value,
                "known": result.known,
            }
        )
    else:
        print(one_line(f"Added {added.company} — {added.title} ({added.status.label})"))
        if applied is not None:
            print(f"Applied {show_when(ctx, applied.at)}")
        if result.known:
            print(one_line(result.known))
        if result.matched:
            print(
                f'("{one_line(result.typed)}" is {one_line(added.company)}; a new company of '
                "that name instead: --new-company)"
            )
        if added.follow_up_due:
            print(f"Follow up (a guess; ask them when): {show_when(ctx, added.follow_up_due)}")
        say_notes(applied)
    return 0


# An interview's length when neither its times ("9:30-11") nor --minutes give one.
DEFAULT_MINUTES = 60


def cmd_interview(args: argparse.Namespace) -> int:
    from pursuit.domain.people import PersonParseError, parse_person
    from pursuit.store.commands import log_interview

    try:
        people = tuple(parse_person(p) for p in args.people)
    except PersonParseError as exc:
        raise UsageError(str(exc)) from None
    ctx = open_ctx(args)
    at = read_when(
        ctx,
        args.at,
        prefer="past" if "ago" in args.at else "future",
        need_time=True,
        what="--at",
    )
    minutes = args.minutes if args.minutes is not None else at.minutes or DEFAULT_MINUTES
    if at.minutes is not None and args.minutes is not None and args.minutes != at.minutes:
        raise UsageError(
            f'--at "{args.at}" gives {at.minutes} min but --minutes {args.minutes}; give one'
        )
    check_back = None
    if args.check_back:
        check_back = read_when(ctx, args.check_back, what="--check-back")
    result = log_interview(
        ctx,
        args.company,
        at=at.at,
        people=people,
        minutes=minutes,
        check_back=check_back.at if check_back else None,
        check_back_text=args.check_back,
        kind=args.kind,
        role=args.role,
        force=args.force,
        notes=args.note or "",
        place=args.place,
    )
    if args.json:
        print_json(
            {
                "interview_id": result.interview_id,
                "company": result.company,
                "thank_you_due": result.thank_you_due.astimezone(ctx.tz).isoformat(),
                "interviewers": list(result.interviewers),
            }
        )
        return 0
    print(
        one_line(f"Interview at {result.company} logged: {show_when(ctx, at.at)} ({minutes} min)")
    )
    for name in result.interviewers:
        print(
            "  " + one_line(f"thank-you note to {name} due {show_when(ctx, result.thank_you_due)}")
        )
    guess = " (a guess: ask them when to check back)" if result.follow_up_guessed else ""
    print(f"  follow up {show_when(ctx, result.follow_up_due)}{guess}")
    say_notes(at, check_back)
    return 0


def cmd_guidance(args: argparse.Namespace) -> int:
    from pursuit.store.commands import record_guidance

    ctx = open_ctx(args)
    text = " ".join(args.when)
    when = read_when(ctx, text)
    result = record_guidance(ctx, args.company, when.at, f"check back {text}", role=args.role)
    print(
        one_line(
            f"{result.company}: follow up {show_when(ctx, result.follow_up_due)}, as they asked"
        )
    )
    say_notes(when)
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    from pursuit.domain.status import StatusError, parse_status
    from pursuit.store.commands import move

    try:
        status = parse_status(args.status)
    except StatusError as exc:
        raise UsageError(str(exc)) from None
    result = move(open_ctx(args), args.company, status, role=args.role)
    print(f"{result.company}: {result.old.label} → {result.new.label}")
    return 0


def cmd_reject(args: argparse.Namespace) -> int:
    from pursuit.store.commands import reject

    return close(args, "rejected", reject)


def close(args: argparse.Namespace, outcome: str, command: Any) -> int:
    """reject and withdraw: closed, and kept as a bridge when they were kind (--friendly)."""
    if args.every and not args.friendly:
        raise UsageError("--every only applies with --friendly (a bridge's check-in cadence)")
    ctx = open_ctx(args)
    result = command(ctx, args.company, friendly=args.friendly, cadence=args.every, role=args.role)
    print(f"{result.company}: closed as {outcome}")
    if result.bridge_check_in:
        print(f"Kept as a bridge: check in {show_when(ctx, result.bridge_check_in)}")
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    from pursuit.store.commands import reopen

    added = reopen(open_ctx(args), args.company, args.role)
    print(f"Reopened {added.company} — {added.title}; its history is kept")
    return 0


def cmd_talking_point(args: argparse.Namespace) -> int:
    from pursuit.store.actions import set_talking_point

    name = set_talking_point(open_ctx(args), args.company, args.name, args.point)
    print(f"Talking point for {name} saved")
    return 0


def cmd_quick(args: argparse.Namespace) -> int:
    from pursuit.domain.quick_entry import QuickEntryError, parse_quick_entry
    from pursuit.store.commands import preview_quick_entry, save_quick_entry

    ctx = open_ctx(args)
    try:
        entry = parse_quick_entry(" ".join(args.line), ctx.now, ctx.tz)
    except QuickEntryError as exc:
        raise UsageError(str(exc)) from None
    # The preview shows the text as it will be stored (cleaned), not as typed, and the
    # company saving will use: one that matched, or a new one.
    print(one_line(preview_quick_entry(ctx, entry, force=args.force).describe(ctx.tz)))
    if not args.dry_run:
        save_quick_entry(ctx, entry, force=args.force)
        print("Saved")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from pursuit.demo import fill_demo

    ctx = open_ctx(args)
    if args.apps < 0:
        raise UsageError("--apps must be >= 0")
    count = fill_demo(ctx, extra_apps=args.apps)
    print(f"Demo search written to {ctx.db.label}: {count} applications")
    return 0
