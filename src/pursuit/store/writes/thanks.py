"""Thank-you notes: sent once each, personal, and not a near-copy of another (R2)."""

from __future__ import annotations

from dataclasses import dataclass

from pursuit.domain.kinds import ActionKind, Channel, Direction, EventKind
from pursuit.domain.similarity import too_similar
from pursuit.domain.text import clean_text
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError, Refused
from pursuit.store.world import World
from pursuit.store.writes import make
from pursuit.store.writes.note_checks import personal


@dataclass(frozen=True)
class ThanksSent:
    company: str
    contact: str
    similar_to: str | None = None


def mark_thanks(
    w: World,
    ctx: Ctx,
    company: str = "",
    name: str = "",
    *,
    note: str | None = None,
    force: bool = False,
    action_id: int | None = None,
    channel: Channel = Channel.EMAIL,
) -> ThanksSent:
    if action_id is not None:
        action = w.action_by_id(action_id)
        if action.kind != ActionKind.THANK_YOU or action.contact_id is None:
            raise InputError("that is not a thank-you note")
        comp = w.company_by_id(action.company_id)
        contact = w.contact_by_id(comp, action.contact_id)
    else:
        comp = w.company(company)
        contact = w.contact(comp, name)
        owed = w.pending(comp, ActionKind.THANK_YOU, contact=contact)
        if not owed:
            raise InputError(f"no thank-you note to {contact.name} is pending")
        action = owed[0]
    w.label = f"thank-you to {contact.name}"
    text = clean_text(note, multiline=True).strip() if note is not None else action.draft.strip()
    names_by_id = {c.id: c.name for c in w.everyone(comp)}
    sent = [
        (names_by_id.get(a.contact_id or -1, ""), a.sent_note)
        for a in w.actions_of(comp)
        if a.kind == ActionKind.THANK_YOU
        and a.done_at is not None
        and a.sent_note
        and a.contact_id is not None
        and a.id != action.id
    ]
    names = [contact.name, *(n for n, _ in sent)]
    personal(text, contact.name, force=force)
    # R2: staff compare notes; a near-copy is flagged before it counts as sent.
    similar = too_similar(text, sent, threshold=ctx.settings.similarity_threshold, names=names)
    if similar is not None and not force:
        raise Refused(
            f"this note to {contact.name} is too like the one to {similar.other_contact}",
            [
                f"{similar.ratio:.0%} alike (limit {ctx.settings.similarity_threshold:.0%}); "
                "make it personal, or send it anyway"
            ],
        )
    action.done_at = ctx.now
    action.sent_note = text
    make.event(
        w,
        ctx,
        kind=EventKind.THANK_YOU,
        summary=f"thank-you note to {contact.name}",
        company_id=comp.id,
        application_id=action.application_id,
        contact_id=contact.id,
        direction=Direction.OUT,
        channel=channel,
        body=text,
    )
    if action.application_id is not None:
        make.keep_follow_ups_clear(w, ctx, comp, w.application_by_id(action.application_id))
    return ThanksSent(comp.name, contact.name, similar.other_contact if similar else None)
