"""Taking back the last change: each write recorded the inverse of what it did."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pursuit.store import sqlite
from pursuit.store.database import Database
from pursuit.store.rows import ROW_TYPES, LinkRow
from pursuit.store.timefmt import to_db

# The payload comes from the file, which another program may have written: only known
# tables and columns ever reach the SQL text.
_COLUMNS = {cls.TABLE: set(cls.COLUMNS) for cls in ROW_TYPES if cls is not LinkRow}


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "$dt" in value:
        return str(value["$dt"])
    if isinstance(value, bool):
        return int(value)
    return value


def undo_last(db: Database, *, now: datetime) -> str | None:
    """Take back the most recent change not yet undone; returns its label."""
    with db.connection() as conn, sqlite.write_transaction(conn):
        found = conn.execute(
            "SELECT id, label, payload FROM change WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if found is None:
            return None
        change_id, label, payload = found
        for op in reversed(json.loads(payload)):
            columns = _COLUMNS.get(op.get("table"))
            if columns is None:
                continue
            if op["op"] == "insert":
                values = {"deleted_at": to_db(now)}
            else:
                values = {k: _decode(v) for k, v in op["old"].items() if k in columns}
            if values:
                sets = ", ".join(f"{c} = ?" for c in values)
                conn.execute(
                    f"UPDATE {op['table']} SET {sets} WHERE id = ?", [*values.values(), op["id"]]
                )
        conn.execute("UPDATE change SET undone_at = ? WHERE id = ?", (to_db(now), change_id))
        return str(label)
