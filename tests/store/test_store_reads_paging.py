"""The applications pane's pages: the fast query gives exactly what the plain one gave."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta

import pytest

from conftest import NOW
from pursuit.demo import fill_demo, generate
from pursuit.domain.matching import fold
from pursuit.store import application_reads
from pursuit.store.context import Ctx

# The straightforward query the pane used to run: every application's next action
# computed, then sorted. Correct, but it costs the whole table for one page.
_PLAIN = (
    application_reads._APP_SELECT.replace(
        "ORDER BY x.next_at LIMIT 1", "ORDER BY x.next_at, x.id LIMIT 1"
    )
    + " WHERE a.deleted_at IS NULL"
)


def _plain(
    conn: sqlite3.Connection, *, include_closed: bool, search: str, limit: int | None, offset: int
) -> list[application_reads.ApplicationRow]:
    sql = _PLAIN
    # The clock comes first: once for the last touch, once for interviews to come.
    params: list[object] = [application_reads._NEVER] * 2
    if search:
        # Case and accents ignored (the app's filter, over the same text: company, role,
        # status, people, notes), matched before the page is cut.
        sql += f" AND instr({application_reads._APP_TEXT}, ?) > 0"
        params.append(fold(search))
    if not include_closed:
        sql += f" AND a.status IN ({','.join('?' * len(application_reads._OPEN))})"
        params.extend(application_reads._OPEN)
    sql += " ORDER BY n.next_at IS NULL, n.next_at, a.updated_at DESC, a.id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params.extend([limit, offset])
    return [application_reads._app(r) for r in conn.execute(sql, params)]


def test_pages_equal_the_plain_query(ctx: Ctx) -> None:
    fill_demo(replace(ctx, now=NOW - timedelta(days=1)))
    generate(ctx, 40)
    with ctx.db.read() as conn:
        total = len(_plain(conn, include_closed=True, search="", limit=None, offset=0))
        assert total > 40
        without_next = conn.execute(
            "SELECT COUNT(*) FROM application a WHERE NOT EXISTS (SELECT 1 FROM action x "
            "WHERE x.application_id = a.id AND x.done_at IS NULL AND x.deleted_at IS NULL)"
        ).fetchone()[0]
        assert 0 < without_next < total  # both halves of the order are exercised
        pages = [(None, 0), (10, 0), (25, 30), (7, total - 20), (50, total - 3), (5, total + 9)]
        for include_closed in (False, True):
            for search in ("", "engineer", "company 0001", "no such thing", "50%_"):
                for limit, offset in pages:
                    kw = {"include_closed": include_closed, "search": search}
                    want = _plain(conn, **kw, limit=limit, offset=offset)
                    got = application_reads.applications(conn, **kw, limit=limit, offset=offset)
                    assert got == want, (kw, limit, offset)


@pytest.mark.sqlite_only  # SQLite's EXPLAIN QUERY PLAN and its trace callback
def test_first_page_walks_the_pending_index(ctx: Ctx) -> None:
    fill_demo(ctx)
    with ctx.db.read() as conn:
        captured: list[str] = []
        conn.set_trace_callback(captured.append)
        application_reads.applications(conn, limit=50)
        conn.set_trace_callback(None)
        plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + captured[0])]
    assert plan[0] == "SCAN n USING INDEX ix_action_pending"
    assert not [p for p in plan if p.startswith("SCAN") and "INDEX" not in p]
