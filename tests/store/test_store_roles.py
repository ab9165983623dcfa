"""Two open applications at one company: a verb that names only the company writes nothing
and says which there are; `role` names one (any case or accents, a unique start); with one
open application nothing changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest

from pursuit.domain.people import Person
from pursuit.domain.quick_entry import parse_quick_entry
from pursuit.domain.status import Status
from pursuit.store import actions, commands, record
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError, WhichApplication

DAY = timedelta(days=1)
WHICH = (
    "Stark Industries has 2 open applications (Backend Engineer, Engineering Manager); "
    'say which with --role "Backend Engineer"'
)

Verb = Callable[[Ctx, str, "str | None"], object]


def q(ctx: Ctx, sql: str, *params: object) -> list[tuple[object, ...]]:
    with ctx.db.read() as conn:
        return list(conn.execute(sql, params))


def rows_of(ctx: Ctx, app_id: int) -> list[list[tuple[object, ...]]]:
    """Every row about one application: itself, its interviews, actions and events."""
    return [
        q(ctx, f"SELECT * FROM {table} WHERE {column} = ? ORDER BY id", app_id)
        for table, column in (
            ("application", "id"),
            ("interview", "application_id"),
            ("action", "application_id"),
            ("event", "application_id"),
        )
    ]


def everything(ctx: Ctx) -> list[list[tuple[object, ...]]]:
    return [
        q(ctx, f"SELECT * FROM {table} ORDER BY id")
        for table in ("company", "application", "interview", "action", "event", "contact")
    ]


def app_id(ctx: Ctx, title: str) -> int:
    found = q(ctx, "SELECT id FROM application WHERE title = ? AND deleted_at IS NULL", title)
    assert len(found) == 1
    return int(str(found[0][0]))


def two_open(ctx: Ctx) -> tuple[int, int]:
    """Stark Industries: Backend Engineer and Engineering Manager open, an interview each
    (the Backend Engineer's the later, so it is the one last changed)."""
    for days, role in ((10, "Backend Engineer"), (9, "Engineering Manager")):
        at = replace(ctx, now=ctx.now - days * DAY)
        commands.add_application(at, "Stark Industries", role)
    for days, role, who in ((6, "Engineering Manager", "Ann Lee"), (5, "Backend Engineer", "Bo")):
        commands.log_interview(
            replace(ctx, now=ctx.now - days * DAY),
            "stark",
            at=ctx.now - (days + 1) * DAY,
            people=(Person(who),),
            role=role,
        )
    return app_id(ctx, "Backend Engineer"), app_id(ctx, "Engineering Manager")


def one_open(ctx: Ctx) -> int:
    """Acme: a closed application and an open one, with an interview."""
    commands.add_application(replace(ctx, now=ctx.now - 40 * DAY), "Acme", "Designer")
    commands.reject(replace(ctx, now=ctx.now - 30 * DAY), "Acme", friendly=False)
    commands.add_application(replace(ctx, now=ctx.now - 10 * DAY), "Acme", "Data Engineer")
    commands.log_interview(
        replace(ctx, now=ctx.now - 5 * DAY), "acme", at=ctx.now - 6 * DAY, people=(Person("Jo"),)
    )
    return app_id(ctx, "Data Engineer")


VERBS: dict[str, Verb] = {
    "move": lambda c, co, r: commands.move(c, co, Status.SCREENING, role=r),
    "reject": lambda c, co, r: commands.reject(c, co, friendly=True, role=r),
    "offer": lambda c, co, r: commands.record_offer(c, co, c.now + 4 * DAY, "120k", role=r),
    "withdraw": lambda c, co, r: commands.withdraw(c, co, role=r),
    "guidance": lambda c, co, r: commands.record_guidance(c, co, c.now + 14 * DAY, role=r),
    "followup": lambda c, co, r: actions.log_followup(c, co, force=True, note="Hi", role=r),
    "heard": lambda c, co, r: actions.heard_back(c, co, "they wrote", role=r),
    "interview": lambda c, co, r: commands.log_interview(
        c, co, at=c.now - DAY, people=(Person("Cy"),), role=r
    ),
    "edit-interview": lambda c, co, r: record.edit_interview(
        c, co, fields={"kind": "onsite"}, role=r
    ),
    "delete": lambda c, co, r: record.delete_application(c, co, role=r or ""),
}


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_without_a_role_two_open_applications_refuse_and_nothing_is_written(
    ctx: Ctx, verb: str
) -> None:
    two_open(ctx)
    before = everything(ctx)
    with pytest.raises(WhichApplication) as caught:
        VERBS[verb](ctx, "stark", None)
    assert str(caught.value) == WHICH
    assert everything(ctx) == before


@pytest.mark.parametrize("verb", sorted(VERBS))
@pytest.mark.parametrize("role", ["Engineering Manager", "engineering", "ENGINEERING MANAGER"])
def test_the_role_names_the_one_it_acts_on(ctx: Ctx, verb: str, role: str) -> None:
    backend, manager = two_open(ctx)
    other, named = rows_of(ctx, backend), rows_of(ctx, manager)
    VERBS[verb](ctx, "stark", role)
    assert rows_of(ctx, backend) == other
    assert rows_of(ctx, manager) != named
    assert q(ctx, "SELECT count(*) FROM application") == [(2,)]  # none added


def test_each_verb_says_what_it_did_to_the_named_one(ctx: Ctx) -> None:
    backend, manager = two_open(ctx)
    commands.record_offer(ctx, "stark", ctx.now + 4 * DAY, role="eng")
    status = "SELECT status FROM application WHERE id = ?"
    assert q(ctx, status, manager) == [("offer",)]
    assert q(ctx, status, backend) == [("interviewing",)]
    commands.reject(ctx, "stark", friendly=False, role="backend")
    assert q(ctx, status, backend) == [("rejected",)]
    # One open again: no role needed, and it is the one still open.
    commands.move(ctx, "stark", Status.ACCEPTED)
    assert q(ctx, status, manager) == [("accepted",)]


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_one_open_application_needs_no_role(ctx: Ctx, verb: str) -> None:
    data = one_open(ctx)
    before = rows_of(ctx, data)
    VERBS[verb](ctx, "acme", None)
    assert rows_of(ctx, data) != before


def test_a_role_that_names_none_of_them_is_refused(ctx: Ctx) -> None:
    two_open(ctx)
    before = everything(ctx)
    with pytest.raises(InputError) as caught:
        commands.record_offer(ctx, "stark", ctx.now + DAY, role="Designer")
    assert str(caught.value) == (
        'Stark Industries: no open application matches "Designer" '
        "(Backend Engineer, Engineering Manager)"
    )
    assert everything(ctx) == before


def test_an_accented_role_is_found_without_its_accents(ctx: Ctx) -> None:
    commands.add_application(ctx, "Café Réseau", "Ingénieure Données")
    commands.add_application(ctx, "Café Réseau", "Développeuse")
    moved = commands.move(ctx, "cafe", Status.SCREENING, role="ingenieure")
    assert moved.new == Status.SCREENING
    assert q(ctx, "SELECT status FROM application WHERE title = 'Ingénieure Données'") == [
        ("screening",)
    ]


def test_an_interview_role_not_open_there_still_starts_a_new_application(ctx: Ctx) -> None:
    two_open(ctx)
    commands.log_interview(ctx, "stark", at=ctx.now - DAY, people=(Person("Cy"),), role="Designer")
    assert q(ctx, "SELECT count(*) FROM application WHERE title = 'Designer'") == [(1,)]


def test_edit_says_which_by_its_app_id(ctx: Ctx) -> None:
    backend, manager = two_open(ctx)
    with pytest.raises(WhichApplication) as caught:
        record.edit_application(ctx, "stark", fields={"priority": "high"})
    assert str(caught.value).endswith(
        f"say which with --app {backend} (Backend Engineer) or --app {manager} "
        "(Engineering Manager)"
    )


# --- quick entry ----------------------------------------------------------------------------


def quick(ctx: Ctx, line: str) -> str:
    return commands.save_quick_entry(ctx, parse_quick_entry(line, ctx.now, ctx.tz))


def test_a_quick_offer_with_a_role_goes_to_that_open_application(ctx: Ctx) -> None:
    backend, manager = two_open(ctx)
    line = "Stark / Engineering Manager offer by fri 17:00"
    entry = parse_quick_entry(line, ctx.now, ctx.tz)
    preview = commands.preview_quick_entry(ctx, entry).describe(ctx.tz)
    assert preview.startswith("Offer from Stark Industries — Engineering Manager: answer by Fri")
    other = rows_of(ctx, backend)
    assert quick(ctx, line).startswith("Offer from Stark Industries: answer by Fri")
    assert q(ctx, "SELECT status FROM application WHERE id = ?", manager) == [("offer",)]
    assert rows_of(ctx, backend) == other
    assert q(ctx, "SELECT count(*) FROM application") == [(2,)]


def test_a_quick_interview_with_a_role_goes_to_that_open_application(ctx: Ctx) -> None:
    backend, manager = two_open(ctx)
    line = "Stark / engineering interview tue 10:00 with Ann Lee"
    entry = parse_quick_entry(line, ctx.now, ctx.tz)
    preview = commands.preview_quick_entry(ctx, entry).describe(ctx.tz)
    assert preview.startswith("Interview at Stark Industries — Engineering Manager on Tue")
    assert "New application" not in preview
    other = rows_of(ctx, backend)
    quick(ctx, line)
    assert q(ctx, "SELECT count(*) FROM interview WHERE application_id = ?", manager) == [(2,)]
    assert rows_of(ctx, backend) == other
    assert q(ctx, "SELECT count(*) FROM application") == [(2,)]


@pytest.mark.parametrize(
    "line",
    [
        "Stark offer by fri 17:00",
        "Stark interview tue 10:00 with Ann Lee",
        "Stark check back in two weeks",
    ],
)
def test_a_quick_line_without_a_role_is_refused_in_its_preview_and_writes_nothing(
    ctx: Ctx, line: str
) -> None:
    two_open(ctx)
    before = everything(ctx)
    entry = parse_quick_entry(line, ctx.now, ctx.tz)
    said = (
        "Stark Industries has 2 open applications (Backend Engineer, Engineering Manager); "
        'say which with the role: "Stark Industries / Backend Engineer …"'
    )
    with pytest.raises(WhichApplication) as caught:
        commands.preview_quick_entry(ctx, entry)
    assert str(caught.value) == said
    with pytest.raises(WhichApplication):
        commands.save_quick_entry(ctx, entry)
    assert everything(ctx) == before


def test_a_quick_offer_role_must_be_open(ctx: Ctx) -> None:
    one_open(ctx)
    with pytest.raises(InputError, match='no open application matches "Designer"'):
        quick(ctx, "Acme / Designer offer by fri 17:00")


def test_a_quick_new_role_with_a_check_back_is_guided_at_the_new_application(ctx: Ctx) -> None:
    two_open(ctx)
    quick(ctx, "Stark / Designer check back in two weeks")
    designer = app_id(ctx, "Designer")
    assert q(
        ctx, "SELECT count(*) FROM event WHERE application_id = ? AND kind = 'guidance'", designer
    ) == [(1,)]


def test_a_quick_line_from_an_ended_applications_row_goes_to_the_open_one(ctx: Ctx) -> None:
    open_id = one_open(ctx)
    closed_id = app_id(ctx, "Designer")
    entry = parse_quick_entry("acme interview tomorrow 10:00 with Cy Park", ctx.now, ctx.tz)
    commands.save_quick_entry(ctx, entry, application_id=closed_id)
    # Not onto the rejected application the selected row belonged to.
    assert q(ctx, "SELECT application_id FROM interview ORDER BY id DESC LIMIT 1") == [(open_id,)]
