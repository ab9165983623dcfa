"""Company names for shell completion: read-only, standard library only, and nothing
created, migrated or locked, since it runs on every Tab press."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pursuit.store import company_reads
from pursuit.store.sqlite import connect_readonly


def company_names_in(path: Path) -> list[str] | None:
    """Live company names A to Z (any case), [] without a database, None if unreadable
    (a named pipe or a device is never opened: a Tab press must not hang)."""
    if not path.exists():
        return []
    if not path.is_file():
        return None
    try:
        conn = connect_readonly(path)
        try:
            names = {name for _, name in company_reads.company_names(conn)}
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return sorted(names, key=str.casefold)
