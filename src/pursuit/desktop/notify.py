"""Telling the user an action is overdue, once: desktop notification and terminal bell.

`pursuit due --notify` (cron, systemd timers) and the app both use this. What was announced
is remembered in the database (`action.notified_at`), so every process agrees; an action
snoozed after it was announced is announced again when it falls due again.
"""

from __future__ import annotations

import html
import shutil
import subprocess
from datetime import datetime

from pursuit.store import reads
from pursuit.store.database import Database

NOTIFY_TIMEOUT_S = 10


def overdue_to_notify(db: Database, now: datetime) -> list[reads.ActionRow]:
    """Overdue actions not announced since they last fell due."""
    with db.read() as conn:
        return reads.unannounced_overdue(conn, now)


def desktop_notify(title: str, body: str) -> bool:
    """notify-send, where it exists; False when it does not or fails."""
    exe = shutil.which("notify-send")
    if exe is None:
        return False
    try:
        result = subprocess.run(
            # Notification servers read the body as a little HTML; user text is escaped.
            # "--" keeps a company named "-u critical" from being read as an option.
            [exe, "--app-name=pursuit", "--", title, html.escape(body)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=NOTIFY_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def ring_bell() -> bool:
    """Ring the bell on the controlling terminal (not stdout, which cron or a pipe may
    hold); False when there is no terminal."""
    try:
        with open("/dev/tty", "w") as tty:
            tty.write("\a")
    except OSError:
        return False
    return True
