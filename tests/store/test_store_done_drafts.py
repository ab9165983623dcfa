"""Issue #11: done means something (a follow-up says what happened), and personal notes,
not templates (a placeholder asks first; a signature ends every draft)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from test_store_commands import DAY, interviewed, later, one, q, revision

from conftest import NY
from pursuit.domain.settings import DEFAULTS
from pursuit.store import actions, commands
from pursuit.store.actions import How
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError, Refused
from pursuit.store.unit import undo_last

# Added Mon 16 Mar 09:00: the guessed follow-up is Mon 23 Mar 09:30 (13:30 UTC).
FIRST_DUE = "2026-03-23 13:30:00.000000"
# Seen on Tue 24 Mar 09:00, a week on is Tue 31 Mar at the usual 09:30 (13:30 UTC, EDT).
NEXT_DUE = "2026-03-31 13:30:00.000000"


def follow_ups(ctx: Ctx) -> list[tuple[object, ...]]:
    return q(
        ctx.db,
        "SELECT id, due_at, due_guessed, done_at IS NOT NULL, deleted_at IS NOT NULL, sent_note"
        " FROM action WHERE kind = 'follow_up' ORDER BY id",
    )


def events(ctx: Ctx) -> list[tuple[object, ...]]:
    return q(
        ctx.db,
        "SELECT kind, direction FROM event WHERE kind != 'status' AND deleted_at IS NULL"
        " ORDER BY id",
    )


def live_follow_ups(ctx: Ctx) -> list[tuple[object, ...]]:
    """What undo restores: the rows not removed (a row undo takes back is soft-deleted)."""
    return [r for r in follow_ups(ctx) if not r[4]]


@pytest.fixture
def added(ctx: Ctx) -> int:
    commands.add_application(ctx, "Acme", "Engineer")
    ((fu, due, *_),) = follow_ups(ctx)
    assert due == FIRST_DUE
    return int(str(fu))


def test_done_follow_up_sent_is_a_follow_up_logged(ctx: Ctx, added: int) -> None:
    now = later(ctx, 8 * DAY)  # Tue 24 Mar 09:00, past R5's gap
    before = events(ctx)
    draft = one(ctx.db, "SELECT draft FROM action WHERE id = ?", added)
    done = actions.finish(now, added, How.SENT)
    assert (done.how, done.next_due) == (How.SENT, datetime(2026, 3, 31, 9, 30, tzinfo=NY))
    assert events(ctx) == [*before, ("follow_up", "out")]
    assert follow_ups(ctx) == [
        (added, FIRST_DUE, 1, 1, 0, draft),  # done, the draft recorded as what was sent
        (added + 1, NEXT_DUE, 1, 0, 0, None),
    ]


def test_done_follow_up_heard_moves_it_and_records_their_reply(ctx: Ctx, added: int) -> None:
    before = events(ctx)
    done = actions.finish(later(ctx, 8 * DAY), added, How.HEARD)
    assert (done.how, done.next_due) == (How.HEARD, datetime(2026, 3, 31, 9, 30, tzinfo=NY))
    assert events(ctx) == [*before, ("reply", "in")]
    # Their answer restarts the wait: the same reminder, a week after it.
    assert follow_ups(ctx) == [(added, NEXT_DUE, 1, 0, 0, None)]


def test_done_follow_up_dropped_writes_no_touch_and_guesses_the_next(ctx: Ctx, added: int) -> None:
    before = events(ctx)
    done = actions.finish(later(ctx, 8 * DAY), added, How.DROP)
    assert (done.how, done.next_due, done.guessed) == (
        How.DROP,
        datetime(2026, 3, 31, 9, 30, tzinfo=NY),
        True,
    )
    assert events(ctx) == before  # nothing was sent: "touched" stays where it was
    assert follow_ups(ctx) == [
        (added, FIRST_DUE, 1, 0, 1, None),  # gone (soft), not done
        (added + 1, NEXT_DUE, 1, 0, 0, None),
    ]


def test_dropping_on_a_closed_application_schedules_nothing(ctx: Ctx, added: int) -> None:
    commands.move(ctx, "acme", commands.Status.GHOSTED)
    assert follow_ups(ctx)[0][4] == 1  # closing cancelled it already
    # Re-open the row by hand to drop it: the application stays without a next action.
    with ctx.db.connection() as conn:
        conn.execute("UPDATE action SET deleted_at = NULL WHERE id = ?", (added,))
    done = actions.finish(ctx, added, How.DROP)
    assert done.next_due is None
    assert [r[0] for r in follow_ups(ctx) if not r[3] and not r[4]] == []


@pytest.mark.parametrize("how", [How.SENT, How.HEARD, How.DROP])
def test_each_way_of_done_is_undone_exactly(ctx: Ctx, added: int, how: How) -> None:
    rows_before, events_before = live_follow_ups(ctx), events(ctx)
    now = later(ctx, 8 * DAY)
    actions.finish(now, added, how)
    assert live_follow_ups(ctx) != rows_before
    assert undo_last(ctx.db, now=now.now) is not None
    assert live_follow_ups(ctx) == rows_before
    assert events(ctx) == events_before


def test_a_follow_up_done_without_saying_how_is_refused(ctx: Ctx, added: int) -> None:
    before = revision(ctx.db)
    with pytest.raises(InputError, match="--sent, --heard or --drop"):
        actions.finish(ctx, added, None)
    assert revision(ctx.db) == before


def test_sent_too_soon_asks_as_followup_does(ctx: Ctx, added: int) -> None:
    before = revision(ctx.db)
    with pytest.raises(Refused, match="too soon to follow up with Acme"):
        actions.finish(later(ctx, DAY), added, How.SENT)
    assert revision(ctx.db) == before
    assert actions.finish(later(ctx, DAY), added, How.SENT, force=True).how == How.SENT


def test_other_kinds_keep_done(ctx: Ctx, added: int) -> None:
    interviewed(ctx, "Jane Doe")
    ((thanks,),) = q(ctx.db, "SELECT id FROM action WHERE kind = 'thank_you'")
    with pytest.raises(InputError, match="--drop is for a follow-up; this is a thank-you note"):
        actions.finish(ctx, int(str(thanks)), How.DROP)
    done = actions.finish(ctx, int(str(thanks)), None)
    assert (done.what, done.how) == ("thank-you note", None)
    assert one(ctx.db, "SELECT done_at IS NOT NULL FROM action WHERE id = ?", thanks) == 1


# --- personal notes, not templates ---------------------------------------------------------


def test_a_draft_with_its_placeholder_asks_before_it_is_sent(ctx: Ctx, added: int) -> None:
    interviewed(ctx, "Jane Doe")
    before = revision(ctx.db)
    with pytest.raises(Refused) as caught:
        actions.mark_thanks(ctx, "acme", "jane")
    assert caught.value.summary == "the note to Jane Doe still has the line to personalise"
    assert caught.value.reasons == [
        "it still says “[Add one thing you discussed with Jane that only the two of you"
        " talked about.]”; write that line, or send it anyway"
    ]
    assert revision(ctx.db) == before
    sent = actions.mark_thanks(ctx, "acme", "jane", force=True)
    assert sent.contact == "Jane Doe"
    assert "[Add one thing" in str(
        one(ctx.db, "SELECT sent_note FROM action WHERE kind = 'thank_you'")
    )


def test_a_personal_note_or_a_talking_point_goes_without_asking(ctx: Ctx, added: int) -> None:
    interviewed(ctx, "Jane Doe", "Bob Lee")
    actions.mark_thanks(ctx, "acme", "jane", note="Dear Jane, thank you for the tour.")
    actions.set_talking_point(ctx, "acme", "bob", "the robots")
    assert actions.mark_thanks(ctx, "acme", "bob").contact == "Bob Lee"


def test_r2_compares_what_was_sent_not_the_draft(ctx: Ctx, added: int) -> None:
    interviewed(ctx, "Jane Doe", "Bob Lee")
    jane_draft = str(
        one(
            ctx.db,
            "SELECT x.draft FROM action x JOIN contact p ON p.id = x.contact_id"
            " WHERE p.name = 'Jane Doe'",
        )
    )
    sent = "Dear Jane,\n\nThe tour of the lab was the best part of my week. Thank you."
    actions.mark_thanks(ctx, "acme", "jane", note=sent)
    # Bob's note is Jane's draft (which never went out): not alike what Jane received.
    personal = jane_draft.replace("Jane", "Bob").replace(
        "[Add one thing you discussed with Bob that only the two of you talked about.]",
        "Your story about the first robot made me laugh.",
    )
    assert actions.mark_thanks(ctx, "acme", "bob", note=personal).similar_to is None


def test_r2_flags_a_note_like_the_one_actually_sent(ctx: Ctx, added: int) -> None:
    interviewed(ctx, "Jane Doe", "Bob Lee")
    sent = "Dear Jane,\n\nThe tour of the lab was the best part of my week. Thank you."
    actions.mark_thanks(ctx, "acme", "jane", note=sent)
    with pytest.raises(Refused, match="too like the one to Jane Doe"):
        actions.mark_thanks(ctx, "acme", "bob", note=sent.replace("Jane", "Bob"))


def test_followup_and_checkin_sending_a_template_ask_first(ctx: Ctx, added: int) -> None:
    template = "Hi,\n\nSince we spoke I have kept working on [something new you did]."
    now = later(ctx, 8 * DAY)
    with pytest.raises(Refused, match="the note to Acme still has the line to personalise"):
        actions.log_followup(now, "acme", note=template)
    assert actions.log_followup(now, "acme", note=template, force=True).company == "Acme"
    commands.reject(now, "acme", friendly=True)
    before = revision(ctx.db)
    with pytest.raises(Refused, match="still says “\\[something new you did\\]”"):
        actions.check_in(now, "acme", note=template)
    assert revision(ctx.db) == before
    assert actions.check_in(now, "acme", note=template, force=True).company == "Acme"
    assert actions.check_in(later(now, 100 * DAY), "acme", note="Hi, congrats on the launch!")


def test_a_signature_ends_every_draft(ctx: Ctx) -> None:
    signed = replace(ctx, settings=replace(DEFAULTS, signature="Sam Doe\n+1 555 0100"))
    commands.add_application(signed, "Acme", "Engineer")
    interviewed(signed, "Jane Doe")
    commands.reject(later(signed, DAY), "acme", friendly=True)
    drafts = q(ctx.db, "SELECT kind, draft FROM action ORDER BY id")
    assert {k for k, _ in drafts} == {"follow_up", "thank_you", "check_in"}
    for kind, draft in drafts:
        assert str(draft).endswith("Best regards,\nSam Doe\n+1 555 0100"), kind
