"""A planned search (`store.steps`), each step through the same definition as its command.

The demo writes a plan of thousands of steps in one `run`; the equivalence tests also
write it one command per step, and through an import, and compare the files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import assert_never

from pursuit.domain.kinds import Status
from pursuit.store import steps
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.world import World
from pursuit.store.writes import applications, check_ins, follow_ups, moves, thanks


def apply_step(w: World, ctx: Ctx, step: steps.Step, ids: dict[str, int]) -> None:
    """One step with the clock at its time; `ids` keeps each company's application id,
    so a later step reaches the application the plan means, as the app does by row."""
    at = replace(ctx, now=step.at)
    match step:
        case steps.Apply():
            status = Status.WISHLIST if step.wishlist else Status.APPLIED
            added = applications.add_application(
                w, at, step.company, step.role, source=step.source, status=status
            )
            ids[step.company] = added.application_id
        case steps.FollowUp():
            follow_ups.log_followup(w, at, application_id=ids[step.company], force=True)
        case steps.HeardBack():
            follow_ups.heard_back(w, at, step.company, note=step.note)
        case steps.Move():
            moves.move(w, at, step.company, step.status, application_id=ids[step.company])
        case steps.Interview():
            applications.log_interview(
                w,
                at,
                step.company,
                at=step.starts,
                people=step.people,
                minutes=step.minutes,
                kind=step.kind,
                check_back=step.check_back,
                check_back_text=step.check_back_text,
            )
        case steps.Thanks():
            thanks.mark_thanks(w, at, step.company, step.name, note=step.note, force=True)
        case steps.Reject():
            moves.reject(
                w, at, step.company, friendly=step.friendly, application_id=ids[step.company]
            )
        case steps.CheckIn():
            check_ins.check_in(w, at, step.company, note=step.note)
        case _:
            assert_never(step)


def refuse_clashes(w: World, plan: Sequence[steps.Step]) -> list[str]:
    """InputError if the file already holds a company the plan would add; else the names."""
    new = [s.company for s in plan if isinstance(s, steps.Apply)]
    clashes = [c.name for name in new if (c := w.company_named(name)) is not None]
    if clashes:
        raise InputError(
            f"{clashes[0]} is already in this database ({len(clashes)} of the generated "
            "companies are); generate into a new file"
        )
    return new


def write_plan(w: World, ctx: Ctx, plan: Sequence[steps.Step]) -> int:
    """The whole plan into a file that holds none of its companies yet; returns how many
    applications it adds."""
    new = refuse_clashes(w, plan)
    ids: dict[str, int] = {}
    for step in plan:
        apply_step(w, ctx, step, ids)
    return len(new)
