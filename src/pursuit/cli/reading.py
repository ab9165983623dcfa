"""Verbs that only read: list (open applications; --all every one, with its dates), due (the agenda; --notify announces each
newly overdue action once, for cron) and status (the full path behind status_line)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING

from pursuit.cli.context import open_ctx
from pursuit.cli.output import UsageError, one_line, print_json

if TYPE_CHECKING:
    from pursuit.store.context import Ctx

# More overdue actions than this at once get one summary notification, not a pile.
MAX_SEPARATE_NOTIFICATIONS = 3
# `due --notify` when a desktop notification could not be sent (cron mails it, systemd
# marks the unit failed); what was not sent is announced by the next run.
EXIT_NOT_SENT = 1


def cmd_list(args: argparse.Namespace) -> int:
    if args.all:
        return list_all(args)
    from pursuit.domain.dates.showing import humanize_due
    from pursuit.domain.text import for_terminal
    from pursuit.store import application_reads

    ctx = open_ctx(args)
    with ctx.db.read() as conn:
        rows = application_reads.applications(conn, now=ctx.now)
    if args.json:
        from pursuit.cli.show import local_iso

        print_json(
            [
                {
                    "id": r.id,
                    "company": r.company,
                    "role": r.title,
                    "status": r.status.value,
                    "applied": local_iso(ctx, r.applied_at),
                    "last_touch": local_iso(ctx, r.last_touch),
                    "next_action": r.next_kind,
                    "next_due": local_iso(ctx, r.next_at),
                    "whose_move": (whose := r.whose(ctx.now)).turn.value,
                    "waiting_until": local_iso(ctx, whose.waiting_until),
                    "next_interview": local_iso(ctx, r.interview_at),
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print("No applications yet. Add one: pursuit add COMPANY ROLE")
    for r in rows:
        due = humanize_due(r.next_at, ctx.now, ctx.tz) if r.next_at else ""
        if r.interview_first and r.interview_at:
            due = "interview " + humanize_due(r.interview_at, ctx.now, ctx.tz).removeprefix("due ")
        # Each field on its one line, whatever the file holds (a crafted or restored one).
        company, title = for_terminal(r.company), for_terminal(r.title)
        print(f"{company:<22.22} {title:<28.28} {r.status.label:<12} {due}")
    return 0


def list_all(args: argparse.Namespace) -> int:
    """`pursuit list --all`: every application, most recent activity first, with the
    status, when it was applied for and when it closed (and how)."""
    from pursuit.cli.show import local_iso
    from pursuit.store import application_reads
    from pursuit.store.past_reads import every_application

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
                    "applied": local_iso(ctx, r.applied_at),
                    "closed_at": local_iso(ctx, r.closed_at),
                    "outcome": r.outcome,
                    "last_activity": local_iso(ctx, r.last_activity),
                    "last_touch": local_iso(ctx, app.last_touch) if app else None,
                    "next_action": app.next_kind if app else None,
                    "next_due": local_iso(ctx, app.next_at) if app else None,
                    "whose_move": whose.turn.value if whose else None,
                    "waiting_until": local_iso(ctx, whose.waiting_until) if whose else None,
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


def cmd_due(args: argparse.Namespace) -> int:
    from pursuit.agenda import build_agenda
    from pursuit.domain.dates.showing import humanize_due
    from pursuit.domain.text import for_terminal

    if args.notify:
        return cmd_due_notify(args)
    ctx = open_ctx(args)
    agenda = build_agenda(ctx.db, ctx.now, ctx.tz, ctx.settings, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "kind": i.kind,
                    "company": i.company,
                    "contact": i.contact,
                    "due": i.due.astimezone(ctx.tz).isoformat(),
                    "overdue": i.overdue,
                    "bucket": i.bucket.value,
                    "what": i.what,
                    "action_id": i.action_id,
                    "application_id": i.application_id,
                    "role": i.title,
                    "guessed": i.guessed,
                }
                for i in agenda.items
            ]
        )
        return 0
    if not agenda.items:
        print("Nothing due. Keep going!")
    for i in agenda.items:
        marker = "!" if i.overdue else " "
        when = humanize_due(i.due, ctx.now, ctx.tz) if i.kind != "options" else ""
        where = f"{i.company} — {i.title}" if i.title else (i.company or "")
        ident = f"#{i.action_id}" if i.action_id is not None else ""
        what, where = for_terminal(i.what), for_terminal(where)
        print(f"{marker} {i.bucket.value:<8} {when:<25} {what:<44} {where} {ident}".rstrip())
    return 0


def cmd_due_notify(args: argparse.Namespace) -> int:
    """`pursuit due --notify`: announce each overdue action once (for cron / timers).

    The actions are claimed in one write transaction before anything is sent, so runs at
    the same time never announce one twice; those whose desktop notification fails are
    released, reported on stderr with exit status 1, and tried again by the next run."""
    from pursuit.agenda import describe
    from pursuit.config import load_config
    from pursuit.desktop.notify import desktop_notify, overdue_to_notify, ring_bell
    from pursuit.domain.dates.showing import humanize_due
    from pursuit.paths import config_path
    from pursuit.store.actions import claim_announcements, release_announcements

    ctx = open_ctx(args)
    config, _problems = load_config(config_path())  # open_ctx already reported the problems
    found = overdue_to_notify(ctx.db, ctx.now)
    claimed = set(claim_announcements(ctx, [r.id for r in found]))
    rows = [r for r in found if r.id in claimed]
    if not rows:
        return 0
    unsent: list[int] = []
    problem = ""
    try:
        for row in rows:
            where = f"{row.company} — {row.title}" if row.title else row.company
            line = f"! {describe(row, ctx.tz, ctx.now)} — {where} ({humanize_due(row.next_at, ctx.now)}) #{row.id}"
            print(one_line(line))
        if config.notify_send:
            if len(rows) > MAX_SEPARATE_NOTIFICATIONS:
                companies = ", ".join(dict.fromkeys(r.company for r in rows))
                messages = [(f"pursuit: {len(rows)} actions overdue", companies, rows)]
            else:
                messages = [
                    (f"pursuit: {describe(r, ctx.tz, ctx.now)}", r.company, [r]) for r in rows
                ]
            for title, body, about in messages:
                # After one failure the rest wait for the next run rather than fail alike.
                if not problem:
                    sent = desktop_notify(title, body)
                    if sent:
                        continue
                    problem = sent.problem
                unsent += [r.id for r in about]
        if config.bell:
            ring_bell()
    except BaseException:
        # Nothing can be said to have been announced: the next run tries them all again.
        release_announcements(ctx, sorted(claimed))
        raise
    if not unsent:
        return 0
    release_announcements(ctx, unsent)
    sys.stdout.flush()
    count = "1 overdue action stays" if len(unsent) == 1 else f"{len(unsent)} overdue actions stay"
    print(
        one_line(
            f"pursuit: desktop notification not sent: {problem}; {count} unannounced, "
            "for the next run to try again"
        ),
        file=sys.stderr,
    )
    return EXIT_NOT_SENT


def cmd_status(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pursuit.agenda import build_agenda
    from pursuit.cli.context import load_settings, locate
    from pursuit.cli.status_line import BLANK_FIELDS, STATUS_FIELDS
    from pursuit.config import load_config
    from pursuit.paths import config_path

    where, _is_default = locate(args, load_config(config_path())[0])  # problems: below
    if isinstance(where, Path):
        missing = not where.exists()
    else:
        from pursuit.store.pg.names import search_exists

        missing = not search_exists(where)
    if missing:
        # As the fast path: no database is an empty line, and none is created (a prompt
        # with a mistyped PURSUIT_DB would otherwise litter a file on every command).
        load_settings()  # its problems are still worth a line on stderr
        try:
            print(args.format.format(**BLANK_FIELDS) if args.format else "")
        except (KeyError, IndexError, ValueError, AttributeError, TypeError) as exc:
            raise UsageError(f"bad --format: {exc}; fields: {', '.join(STATUS_FIELDS)}") from None
        return 0
    ctx = open_ctx(args)
    agenda = build_agenda(ctx.db, ctx.now, ctx.tz, ctx.settings, limit=0)
    fields = {
        "overdue": agenda.overdue,
        "today": agenda.today,
        "active": agenda.gauge.active,
        "target": agenda.gauge.target_active,
        "new": agenda.gauge.new_this_week,
    }
    fmt = args.format or "{overdue} overdue · {today} today · {active}/{target} active"
    try:
        print(fmt.format(**fields))
    except (KeyError, IndexError, ValueError) as exc:
        raise UsageError(f"bad --format: {exc}; fields: {', '.join(fields)}") from None
    return 0
