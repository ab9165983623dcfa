"""Each write command and the rule it carries (R1-R9), on a real temporary database."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from conftest import NY
from pursuit.domain.people import Person
from pursuit.domain.status import Status
from pursuit.store import action_reads, actions, commands, company_reads
from pursuit.store.context import Ctx
from pursuit.store.database import Database
from pursuit.store.errors import InputError, Refused
from pursuit.store.timefmt import to_db

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


def later(ctx: Ctx, delta: timedelta) -> Ctx:
    return replace(ctx, now=ctx.now + delta)


def q(db: Database, sql: str, *params: object) -> list[tuple[object, ...]]:
    with db.read() as conn:
        return conn.execute(sql, params).fetchall()


def one(db: Database, sql: str, *params: object) -> object:
    rows = q(db, sql, *params)
    assert len(rows) == 1, rows
    return rows[0][0]


def pending(db: Database, kind: str | None = None) -> list[action_reads.ActionRow]:
    with db.read() as conn:
        rows = action_reads.pending_actions(conn)
    return [r for r in rows if kind is None or r.kind == kind]


def revision(db: Database) -> int:
    return db.revision()


def local(dt: datetime) -> datetime:
    return dt.astimezone(NY).replace(tzinfo=None)


def interviewed(
    ctx: Ctx, *names: str, check_back: datetime | None = None, **kw: object
) -> commands.InterviewLogged:
    return commands.log_interview(
        ctx,
        "acme",
        at=ctx.now - 3 * HOUR,
        people=tuple(Person(n) for n in names),
        check_back=check_back,
        **kw,  # type: ignore[arg-type]
    )


# --- add ---------------------------------------------------------------------------------


def test_add_creates_company_application_event_and_a_guessed_follow_up(ctx: Ctx) -> None:
    added = commands.add_application(
        ctx,
        "  Acme \x1b[31mRobotics ",
        "Backend  Engineer",
        fields={"url": "https://acme.example/j/1", "source": "referral"},
    ).added
    assert (added.company, added.title, added.status) == (
        "Acme Robotics",
        "Backend Engineer",
        Status.APPLIED,
    )
    # A week later, at the usual sending time (09:30) of a working day: Mon 23 Mar.
    assert added.follow_up_due == datetime(2026, 3, 23, 9, 30, tzinfo=NY)
    db = ctx.db
    assert q(db, "SELECT name, name_key FROM company") == [("Acme Robotics", "acme robotics")]
    assert q(db, "SELECT title, status, url, source FROM application") == [
        ("Backend Engineer", "applied", "https://acme.example/j/1", "referral")
    ]
    assert q(db, "SELECT kind, direction, summary FROM event") == [
        ("status", "out", "applied: Backend Engineer")
    ]
    (fu,) = pending(db)
    assert (fu.kind, fu.next_at, fu.guessed) == (
        "follow_up",
        datetime(2026, 3, 23, 9, 30, tzinfo=NY),
        True,
    )
    # Same company typed differently: one company, two applications.
    commands.add_application(ctx, "ACME robotics", "SRE")
    assert one(db, "SELECT count(*) FROM company") == 1
    assert one(db, "SELECT count(*) FROM application") == 2


def test_add_wishlist_has_no_follow_up(ctx: Ctx) -> None:
    added = commands.add_application(ctx, "Tyrell", "UX Lead", status=Status.WISHLIST).added
    assert added.follow_up_due is None
    assert pending(ctx.db) == []
    assert one(ctx.db, "SELECT applied_at FROM application") is None


@pytest.mark.parametrize(
    ("company", "title", "kw", "message"),
    [
        ("", "Engineer", {}, "company name is empty"),
        ("\x1b[0m  ", "Engineer", {}, "company name is empty"),
        ("Acme", "  ", {}, "role is empty"),
        ("Acme", "Engineer", {"status": Status.REJECTED}, "cannot start as rejected"),
        ("Acme", "Engineer", {"applied_at": datetime(2027, 1, 1, tzinfo=NY)}, "in the future"),
    ],
)
def test_add_refuses_bad_input_and_writes_nothing(
    ctx: Ctx, company: str, title: str, kw: dict[str, object], message: str
) -> None:
    before = revision(ctx.db)
    with pytest.raises(InputError, match=message):
        commands.add_application(ctx, company, title, **kw)  # type: ignore[arg-type]
    assert revision(ctx.db) == before


# --- interview: R1, R3, R4 -----------------------------------------------------------------


def test_interview_one_thank_you_per_interviewer(ctx: Ctx) -> None:
    commands.add_application(later(ctx, -10 * DAY), "Acme", "Backend Engineer")
    result = commands.log_interview(
        ctx,
        "ac",
        at=ctx.now - 3 * HOUR,
        minutes=45,
        people=(
            Person("Jane Doe", "EM"),
            Person("Bob Lee"),
            Person("jane  doe"),
            Person("Ann Smith"),
        ),
    )
    ends = ctx.now - 3 * HOUR + timedelta(minutes=45)
    assert result.interviewers == ("Jane Doe", "Bob Lee", "Ann Smith")
    assert result.thank_you_due == ends + 24 * HOUR
    thanks = pending(ctx.db, "thank_you")
    assert [(a.contact, a.contact_role, a.next_at) for a in thanks] == [
        ("Jane Doe", "EM", ends + 24 * HOUR),
        ("Bob Lee", None, ends + 24 * HOUR),
        ("Ann Smith", None, ends + 24 * HOUR),
    ]
    assert all(a.draft.startswith(f"Dear {a.contact.split()[0]},") for a in thanks if a.contact)
    assert len({a.draft for a in thanks}) == 3
    # R4 without an answer: one follow-up, a week after, marked as a guess; the application's
    # earlier follow-up is replaced, not doubled.
    (fu,) = pending(ctx.db, "follow_up")
    # A week after the interview ends (06:45 on Mon 23 Mar) is before the usual time, so
    # it lands at 09:30 that day.
    assert local(ends + 7 * DAY) == datetime(2026, 3, 23, 6, 45)
    assert (fu.next_at, fu.guessed) == (datetime(2026, 3, 23, 9, 30, tzinfo=NY), True)
    assert one(ctx.db, "SELECT status FROM application") == "interviewing"
    assert one(ctx.db, "SELECT count(*) FROM interview_contact") == 3
    assert one(ctx.db, "SELECT count(*) FROM contact") == 3
    # A second round with Jane reuses her contact.
    interviewed(later(ctx, 2 * DAY), "Jane Doe", "Carl Wu")
    assert one(ctx.db, "SELECT count(*) FROM contact") == 4
    assert len(pending(ctx.db, "thank_you")) == 5


def test_interview_guidance_sets_the_follow_up(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    check_back = datetime(2026, 3, 27, 9, 0, tzinfo=NY)
    result = interviewed(ctx, "Jane", check_back=check_back, check_back_text="after the 26th")
    assert (result.follow_up_due, result.follow_up_guessed) == (check_back, False)
    (fu,) = pending(ctx.db, "follow_up")
    assert (fu.next_at, fu.guessed) == (check_back, False)
    assert q(ctx.db, "SELECT guidance_text FROM interview") == [("after the 26th",)]


@pytest.mark.parametrize(
    ("company", "people", "kw", "message"),
    [
        ("acme", (), {}, "say who interviewed you"),
        ("initech", (Person("Jane"),), {}, 'no company matches "initech"; known: Acme'),
        ("acme", (Person("Jane"),), {"minutes": 0}, "between 1 and 1440"),
        ("acme", (Person("  "),), {}, "interviewer name is empty"),
        (
            "acme",
            (Person("Jane"),),
            {"check_back": datetime(2026, 3, 1, tzinfo=NY)},
            "before the interview ends",
        ),
    ],
)
def test_interview_bad_input_writes_nothing(
    ctx: Ctx, company: str, people: tuple[Person, ...], kw: dict[str, object], message: str
) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    before = revision(ctx.db)
    with pytest.raises(InputError, match=message):
        commands.log_interview(ctx, company, at=ctx.now - HOUR, people=people, **kw)  # type: ignore[arg-type]
    assert revision(ctx.db) == before


def test_guidance_moves_the_follow_up(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    interviewed(ctx, "Jane")
    when = datetime(2026, 4, 1, 9, 0, tzinfo=NY)
    commands.record_guidance(later(ctx, HOUR), "acme", when, "in two weeks")
    (fu,) = pending(ctx.db, "follow_up")
    assert (fu.next_at, fu.guessed) == (when, False)
    assert q(ctx.db, "SELECT guidance_text, guidance_at IS NOT NULL FROM interview") == [
        ("in two weeks", 1)
    ]
    assert (
        one(ctx.db, "SELECT summary FROM event WHERE kind = 'guidance'") == "employer: in two weeks"
    )
    with pytest.raises(InputError, match="must be in the future"):
        commands.record_guidance(ctx, "acme", ctx.now - DAY)


# --- thanks: R2 --------------------------------------------------------------------------

NOTE = (
    "Thank you for talking with me about the platform team and the new billing service. "
    "I enjoyed our conversation and look forward to next steps."
)


def test_thanks_near_copy_is_refused_unless_forced(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    interviewed(ctx, "Jane Doe", "Bob Lee")
    sent = actions.mark_thanks(ctx, "acme", "jane", note="Dear Jane,\n" + NOTE)
    assert (sent.company, sent.contact, sent.similar_to) == ("Acme", "Jane Doe", None)
    before = revision(ctx.db)
    with pytest.raises(Refused) as caught:
        actions.mark_thanks(ctx, "acme", "bob", note="Dear Bob,\n" + NOTE)
    assert "too like the one to Jane Doe" in caught.value.summary
    assert "100% alike (limit 80%)" in caught.value.reasons[0]
    assert revision(ctx.db) == before
    assert [a.contact for a in pending(ctx.db, "thank_you")] == ["Bob Lee"]
    forced = actions.mark_thanks(ctx, "acme", "bob", note="Dear Bob,\n" + NOTE, force=True)
    assert forced.similar_to == "Jane Doe"
    assert pending(ctx.db, "thank_you") == []
    assert q(
        ctx.db,
        "SELECT c.name, e.direction, e.channel FROM event e JOIN contact c ON c.id = e.contact_id WHERE e.kind = 'thank_you' ORDER BY e.id",
    ) == [
        ("Jane Doe", "out", "email"),
        ("Bob Lee", "out", "email"),
    ]
    with pytest.raises(InputError, match="no thank-you note to Bob Lee is pending"):
        actions.mark_thanks(ctx, "acme", "bob", note="again")


@pytest.mark.parametrize("panel", [2, 5])
def test_drafts_sent_as_written_are_never_refused(ctx: Ctx, panel: int) -> None:
    """The product's own drafts must pass its own R2 check, in one round and across two."""
    commands.add_application(ctx, "Acme", "Engineer")
    first = [f"Person{i} Name{i}" for i in range(panel)]
    interviewed(ctx, *first)
    for name in first:
        actions.set_talking_point(ctx, "acme", name, f"topic number {name[-1]}")
    interviewed(later(ctx, 3 * DAY), "Second Rounder", "Another One")
    # A draft without a talking point still has its line to personalise, which asks
    # first (issue #11): here every person has one, so only R2 could refuse.
    actions.set_talking_point(ctx, "acme", "Second Rounder", "the second round")
    actions.set_talking_point(ctx, "acme", "Another One", "another topic")
    for action in pending(ctx.db, "thank_you"):
        assert action.contact is not None
        actions.mark_thanks(later(ctx, 4 * DAY), "acme", action.contact)
    assert pending(ctx.db, "thank_you") == []


# --- followup: R5, R6 --------------------------------------------------------------------


def test_followup_too_soon_after_the_last_message(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    interviewed(ctx, "Jane")
    before = revision(ctx.db)
    tomorrow = later(ctx, DAY)
    with pytest.raises(Refused) as caught:
        actions.log_followup(tomorrow, "acme", note="Any news?")
    assert caught.value.summary == "too soon to follow up with Acme"
    assert caught.value.reasons[0].startswith("your last contact was on Mon 16 Mar at")
    assert "leave 7 d between touches" in caught.value.reasons[0]
    assert revision(ctx.db) == before
    assert actions.follow_up_check(tomorrow, "acme") == caught.value.reasons
    logged = actions.log_followup(tomorrow, "acme", note="Any news?", force=True)
    assert logged.next_due == datetime(2026, 3, 24, 9, 30, tzinfo=NY)  # a week on, 09:30
    assert logged.warnings == [] and logged.ghosted_hint is None
    (fu,) = pending(ctx.db, "follow_up")
    assert (fu.next_at, fu.guessed) == (datetime(2026, 3, 24, 9, 30, tzinfo=NY), True)
    assert q(
        ctx.db, "SELECT sent_note FROM action WHERE kind = 'follow_up' AND done_at IS NOT NULL"
    ) == [("Any news?",)]


def test_a_follow_up_keeps_r5s_verdict_sent_anyway_or_not(ctx: Ctx) -> None:
    """Issue #17's habit: a follow-up sent though R5 said to wait is recorded as such,
    whether it was logged with force or marked done by hand; one R5 had no objection to is
    recorded as fine; other events carry no verdict."""
    commands.add_application(later(ctx, -30 * DAY), "Acme", "Engineer")
    interviewed(ctx, "Jane")
    actions.log_followup(later(ctx, DAY), "acme", force=True)  # the day after: too soon
    actions.log_followup(later(ctx, 9 * DAY), "acme")  # a week after that: fine
    (fu,) = pending(ctx.db, "follow_up")
    actions.complete(later(ctx, 10 * DAY), fu.id)  # by hand, a day later: too soon
    verdicts = q(ctx.db, "SELECT kind, too_soon FROM event WHERE kind = 'follow_up' ORDER BY at")
    assert verdicts == [("follow_up", 1), ("follow_up", 0), ("follow_up", 1)]
    assert (
        one(ctx.db, "SELECT count(*) FROM event WHERE kind != 'follow_up' AND too_soon IS NOT NULL")
        == 0
    )


def test_followup_the_morning_after_an_interview_is_too_soon(ctx: Ctx) -> None:
    # Applied weeks ago, so only the interview itself is recent.
    commands.add_application(later(ctx, -30 * DAY), "Acme", "Engineer")
    interviewed(ctx, "Jane")
    with pytest.raises(Refused) as caught:
        actions.log_followup(later(ctx, 18 * HOUR), "acme")
    assert "between touches" in caught.value.reasons[0]


def test_followup_before_the_employers_date(ctx: Ctx) -> None:
    commands.add_application(later(ctx, -30 * DAY), "Acme", "Engineer")
    check_back = datetime(2026, 4, 10, 9, 0, tzinfo=NY)
    interviewed(later(ctx, -10 * DAY), "Jane", check_back=check_back)
    with pytest.raises(Refused) as caught:
        actions.log_followup(ctx, "acme")
    assert caught.value.reasons == [
        "the employer said to check back after Fri 10 Apr (25 d from now)"
    ]
    # After their date it goes through without asking: the follow-up they asked for is
    # done, and the next is a guess a week on: Fri 17 Apr 10:00 is past the usual 09:30,
    # so the next working morning, Mon 20 Apr.
    after = check_back + HOUR
    next_guess = datetime(2026, 4, 20, 9, 30, tzinfo=NY)
    assert actions.log_followup(replace(ctx, now=after), "acme") == actions.FollowUpLogged(
        "Acme", [], None, next_guess
    )
    assert q(
        ctx.db,
        "SELECT due_guessed, done_at IS NOT NULL, deleted_at IS NOT NULL FROM action "
        "WHERE kind = 'follow_up' ORDER BY id",
    ) == [
        (1, 0, 1),  # the guess made when they applied, replaced by their date
        (0, 1, 0),  # their date: done
        (1, 0, 0),  # the next, a guess
    ]
    (fu,) = pending(ctx.db, "follow_up")
    assert (fu.next_at, fu.guessed) == (next_guess, True)
    assert q(ctx.db, "SELECT at, direction FROM event WHERE kind = 'follow_up'") == [
        (to_db(after), "out")
    ]


def test_followup_gimmick_warns_and_two_unanswered_suggest_ghosted(ctx: Ctx) -> None:
    commands.add_application(later(ctx, -30 * DAY), "Acme", "Engineer")
    first = actions.log_followup(
        later(ctx, -14 * DAY), "acme", note="I'll drop by your office with cookies"
    )
    assert [w.split(":")[0] for w in first.warnings] == [
        "mentions an uninvited visit",
        "mentions a gift",
    ]
    assert first.ghosted_hint is None
    second = actions.log_followup(ctx, "acme")
    assert second.ghosted_hint is not None
    assert second.ghosted_hint.startswith("2 follow-ups to Acme without an answer")
    # An answer resets the count.
    assert actions.heard_back(later(ctx, DAY), "acme", "still deciding") == "Acme"
    third = actions.log_followup(later(ctx, 9 * DAY), "acme")
    assert third.ghosted_hint is None
    assert q(
        ctx.db, "SELECT kind, direction FROM event WHERE kind IN ('reply', 'follow_up') ORDER BY at"
    ) == [
        ("follow_up", "out"),
        ("follow_up", "out"),
        ("reply", "in"),
        ("follow_up", "out"),
    ]


# --- move and on hold: R9 -------------------------------------------------------------


def test_on_hold_keeps_a_slower_follow_up(ctx: Ctx) -> None:
    commands.add_application(later(ctx, -30 * DAY), "Acme", "Engineer")
    moved = commands.move(ctx, "acme", Status.ON_HOLD)
    assert (moved.old, moved.new) == (Status.APPLIED, Status.ON_HOLD)
    (fu,) = pending(ctx.db, "follow_up")
    assert fu.next_at == datetime(2026, 4, 15, 9, 30, tzinfo=NY)  # a Wednesday, 30 d on
    # Following up while on hold schedules the next at the hold cadence, and a hold is
    # not a ghosting.
    actions.log_followup(later(ctx, 30 * DAY), "acme")
    logged = actions.log_followup(later(ctx, 60 * DAY), "acme")
    # 30 days after the follow-up of Fri 15 May is Sun 14 Jun: Monday at 09:30.
    assert logged.next_due == datetime(2026, 6, 15, 9, 30, tzinfo=NY)
    assert logged.ghosted_hint is None
    assert (
        one(ctx.db, "SELECT summary FROM event WHERE kind = 'status' AND summary LIKE '%→%'")
        == "applied → on hold"
    )


def test_move_rules(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    interviewed(ctx, "Jane")
    with pytest.raises(InputError, match="Acme: already interviewing"):
        commands.move(ctx, "acme", Status.INTERVIEWING)
    commands.move(ctx, "acme", Status.OFFER)
    commands.move(ctx, "acme", Status.ACCEPTED)
    # Accepting ends the follow-ups but not the thank-you notes still owed.
    assert [a.kind for a in pending(ctx.db)] == ["thank_you"]
    with pytest.raises(InputError, match="can only be withdrawn from"):
        commands.move(ctx, "acme", Status.SCREENING)


# --- reject, bridges, check-ins, reopen: R8 ----------------------------------------------


def test_friendly_reject_makes_a_bridge_with_a_check_in(ctx: Ctx) -> None:
    commands.add_application(later(ctx, -20 * DAY), "Acme", "Engineer")
    interviewed(later(ctx, -10 * DAY), "Jane Doe")
    moved = commands.reject(ctx, "acme", friendly=True)
    assert moved.new == Status.REJECTED
    assert moved.bridge_check_in is not None
    # 90 days on is Sun 14 Jun: the check-in waits for Monday at the usual time.
    assert local(ctx.now + 90 * DAY).strftime("%a %d %b") == "Sun 14 Jun"
    assert local(moved.bridge_check_in) == datetime(2026, 6, 15, 9, 30)
    assert q(ctx.db, "SELECT is_bridge, bridge_cadence FROM company") == [
        (1, "RRULE:FREQ=DAILY;INTERVAL=90")
    ]
    assert q(ctx.db, "SELECT status, closed_at IS NOT NULL FROM application") == [("rejected", 1)]
    kinds = [(a.kind, a.contact) for a in pending(ctx.db)]
    # The follow-up is gone; the thank-you note still owed stays, and one check-in is added.
    assert kinds == [("thank_you", "Jane Doe"), ("check_in", "Jane Doe")]
    (check,) = pending(ctx.db, "check_in")
    assert "considered for other roles" in check.draft
    with ctx.db.read() as conn:
        (bridge,) = company_reads.bridges(conn)
    assert (bridge.company, bridge.contacts, bridge.next_check_in) == (
        "Acme",
        "Jane Doe",
        moved.bridge_check_in,
    )

    # A check-in is logged and the next one scheduled a cadence after it.
    done = actions.check_in(later(ctx, 91 * DAY), "acme", note="Congrats on the launch!")
    assert done.warnings == []
    # 90 days after this check-in is Sun 13 Sep: Monday at the usual time.
    assert local(done.next_check_in) == datetime(2026, 9, 14, 9, 30)
    (check,) = pending(ctx.db, "check_in")
    assert check.next_at == done.next_check_in
    # An early check-in moves the next one a full cadence later, never sooner (R5).
    early = actions.check_in(later(ctx, 150 * DAY), "acme")
    # 90 days after Wed 12 Aug is Tue 10 Nov; that day at 09:30 is not after 09:00...
    # the rule's next occurrence counts from the check-in's own time, so Wed 11 Nov 09:30.
    assert local(early.next_check_in) == datetime(2026, 11, 11, 9, 30)
    gift = actions.check_in(later(ctx, 181 * DAY), "acme", note="Sending a gift basket to the team")
    assert any("a care package" in w for w in gift.warnings)

    # Reopened: a new application that keeps the company's history.
    added = commands.reopen(later(ctx, 200 * DAY), "acme", "Staff Engineer")
    assert (added.title, added.status) == ("Staff Engineer", Status.APPLIED)
    assert q(ctx.db, "SELECT title, status, reopened_from_id FROM application ORDER BY id") == [
        ("Engineer", "rejected", None),
        ("Staff Engineer", "applied", 1),
    ]
    assert one(ctx.db, "SELECT is_bridge FROM company") == 0
    assert pending(ctx.db, "check_in") == []
    with ctx.db.read() as conn:
        history = company_reads.timeline(conn, 1)
    kinds_seen = {e.kind for e in history}
    assert {"interview", "rejected", "bridge", "check_in", "status"} <= kinds_seen
    assert {e.title for e in history} == {"Engineer", "Staff Engineer", None}
    with pytest.raises(InputError, match="already has an open application"):
        commands.reopen(later(ctx, 201 * DAY), "acme", "Another")


def test_plain_reject_and_custom_cadence(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    commands.add_application(ctx, "Wayne", "Security")
    commands.reject(ctx, "acme", friendly=False)
    assert (
        pending(ctx.db, "check_in") == []
        and one(ctx.db, "SELECT is_bridge FROM company WHERE name = 'Acme'") == 0
    )
    with pytest.raises(InputError, match="Acme is not a bridge"):
        actions.check_in(ctx, "acme")
    with pytest.raises(InputError, match="no open application"):
        commands.move(ctx, "acme", Status.SCREENING)
    moved = commands.reject(ctx, "wayne", friendly=True, cadence="3 months")
    assert moved.bridge_check_in is not None
    assert local(moved.bridge_check_in) == datetime(2026, 6, 16, 9, 30)
    with pytest.raises(InputError) as caught:
        commands.reject(ctx, "wayne", friendly=True, cadence="sometimes")
    assert str(caught.value) == (
        'can\'t read "sometimes" as a duration; try "90 days", "2 weeks", "3 months", '
        '"every 90 days" or "quarterly"'
    )


# --- the small ones ----------------------------------------------------------------------


def test_snooze_done_draft_talking_point_notified(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    interviewed(ctx, "Jane Doe", "Bob Lee")
    jane, bob = pending(ctx.db, "thank_you")
    until = ctx.now + 3 * DAY
    assert actions.snooze(ctx, jane.id, until) == until
    assert [a.contact for a in pending(ctx.db, "thank_you")] == ["Bob Lee", "Jane Doe"]
    with pytest.raises(InputError, match="future"):
        actions.snooze(ctx, jane.id, ctx.now - HOUR)
    assert actions.complete(ctx, bob.id) == "thank_you"
    with pytest.raises(InputError, match="already done"):
        actions.complete(ctx, bob.id)
    with pytest.raises(InputError, match="no action #999"):
        actions.complete(ctx, 999)
    actions.set_draft(ctx, jane.id, "Dear Jane,\n\x1b[31mThanks\x1b[0m!")
    assert one(ctx.db, "SELECT draft FROM action WHERE id = ?", jane.id) == "Dear Jane,\nThanks!"
    assert actions.set_talking_point(ctx, "acme", "jane", " the pager \x07story ") == "Jane Doe"
    assert (
        one(ctx.db, "SELECT talking_point FROM contact WHERE name = 'Jane Doe'")
        == "the pager story"
    )
    # Her pending note's draft was edited above (no placeholder left), so it is kept...
    assert one(ctx.db, "SELECT draft FROM action WHERE id = ?", jane.id) == "Dear Jane,\nThanks!"
    # ...while a fresh draft picks a later talking point up.
    interviewed(later(ctx, DAY), "Ann Lee")
    actions.set_talking_point(ctx, "acme", "ann", "the hiring bar")
    (ann,) = [a for a in pending(ctx.db, "thank_you") if a.contact == "Ann Lee"]
    assert "the hiring bar" in ann.draft and "[" not in ann.draft
    actions.mark_notified(ctx, [jane.id])
    assert one(ctx.db, "SELECT notified_at IS NOT NULL FROM action WHERE id = ?", jane.id) == 1


def test_foreign_keys_are_enforced(db: Database) -> None:
    with db.connection() as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO contact (company_id, name, created_at) VALUES (42, 'Nobody', 'x')"
        )
