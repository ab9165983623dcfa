"""Telling the user an action is overdue, once: desktop notification and terminal bell.

`pursuit due --notify` (cron, systemd timers) and the app both use this. What was announced
is remembered in the database (`action.notified_at`), so every process agrees; an action
snoozed after it was announced is announced again when it falls due again. Announcers
claim actions before sending (`store.actions.claim_announcements`), so concurrent ones never
announce one twice, and release those whose notification failed (`desktop_notify` says
so), so the next run tries again.
"""

from __future__ import annotations

import html
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime

from pursuit.store import reads
from pursuit.store.database import Database

NOTIFY_TIMEOUT_S = 10


def overdue_to_notify(db: Database, now: datetime) -> list[reads.ActionRow]:
    """Overdue actions not announced since they last fell due."""
    with db.read() as conn:
        return reads.unannounced_overdue(conn, now)


@dataclass(frozen=True)
class Delivery:
    """What became of a desktop notification: true when it was sent; else `problem` says
    why, in words for one line ("notify-send is not installed (not on PATH)")."""

    sent: bool
    problem: str = ""

    def __bool__(self) -> bool:
        return self.sent


def desktop_notify(title: str, body: str) -> Delivery:
    """notify-send, where it exists: a Delivery that is true when it was sent, and says
    why not otherwise (not installed, failed, hung), so a caller can report the failure
    and try again later instead of counting the action as announced."""
    exe = shutil.which("notify-send")
    if exe is None:
        return Delivery(False, "notify-send is not installed (not on PATH)")
    try:
        result = subprocess.run(
            # Notification servers read the body as a little HTML; user text is escaped.
            # "--" keeps a company named "-u critical" from being read as an option.
            [exe, "--app-name=pursuit", "--", title, html.escape(body)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            # Not captured: a notification daemon it starts could hold a pipe open for good.
            stderr=subprocess.DEVNULL,
            timeout=NOTIFY_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Delivery(False, f"notify-send gave no answer in {NOTIFY_TIMEOUT_S} s")
    except OSError as exc:
        return Delivery(False, f"notify-send could not run ({exc.strerror or exc})")
    if result.returncode != 0:
        return Delivery(False, f"notify-send failed (exit status {result.returncode})")
    return Delivery(True)


def ring_bell() -> bool:
    """Ring the bell on the controlling terminal (not stdout, which cron or a pipe may
    hold); False when there is no terminal."""
    try:
        with open("/dev/tty", "w") as tty:
            tty.write("\a")
    except OSError:
        return False
    return True
