"""A crafted database: escape sequences and other terminal controls in every text field.

pursuit cleans what is typed, so such a file is never written by pursuit itself; it comes
from another program, an older pursuit, or a restore. What pursuit shows of it must still
be text (issue 14).
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

# Clipboard write (OSC 52), window title (OSC 0), clear screen (CSI 2J), an 8-bit CSI (C1),
# a bidi override, a bell, a carriage return, a hyperlink and a zero-width space.
HOSTILE = (
    "\x1b]52;c;cHduZWQ=\x07\x1b]0;pwned\x07\x1b[2J\u009b31m\u202e\x07\r"
    "\x1b]8;;https://evil.test\x1b\\link\x1b]8;;\x1b\\\u200b"
)
# Free text: what a user (or a file) can put there. Kinds, statuses and times are closed
# sets the schema checks.
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "company": ("name", "notes"),
    "contact": ("name", "role", "email", "talking_point", "notes"),
    "application": ("title", "source", "url", "salary", "notes"),
    "interview": ("notes", "guidance_text"),
    "action": ("draft", "sent_note"),
    "event": ("summary", "body"),
    "change": ("label",),
}
# What must never reach a terminal: ESC, C0 controls but newline, DEL, C1, bidi controls.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def craft(path: Path) -> None:
    """Append HOSTILE to every free text field of every row (names stay unique)."""
    with closing(sqlite3.connect(path)) as conn:
        craft_rows(conn)
        conn.commit()


def craft_rows(conn: sqlite3.Connection) -> None:
    """What `craft` does, through any connection the store's SQL runs on (a SQLite file's,
    or a PostgreSQL search's `Database.connection()`, which commits each statement)."""
    for table, columns in TEXT_COLUMNS.items():
        sets = ", ".join(f"{c} = coalesce({c}, '') || ?" for c in columns)
        conn.execute(f"UPDATE {table} SET {sets}", [HOSTILE] * len(columns))


def unsafe_in(data: bytes | str) -> list[str]:
    """The unsafe characters in output (decoded as UTF-8), for a failure message."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    return sorted({repr(m.group()) for m in UNSAFE.finditer(text)})
