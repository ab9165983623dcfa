"""Drafts are personal by construction: they differ per interviewer (R2) and say the right
thing to a bridge (R8)."""

from __future__ import annotations

import time
from itertools import combinations

import pytest

from pursuit.domain.drafts import (
    check_in_draft,
    follow_up_draft,
    thank_you_draft,
    with_talking_point,
)
from pursuit.domain.settings import DEFAULTS
from pursuit.domain.similarity import similarity

PEOPLE = (
    ("Jane Doe", "the on-call rotation"),
    ("Bob Lee", "event sourcing"),
    ("Ann Smith", "the hiring bar"),
    ("Carl Wu", "mentoring juniors"),
    ("Dee Ray", "the 2027 roadmap"),
    ("Eve Fox", "their Rust migration"),
    ("Finn Oak", "code review culture"),
    ("Gil Tan", "the data platform"),
)


def drafts_for(count: int, with_points: bool) -> list[str]:
    """As log_interview builds them: one per interviewer, each aware of those before it."""
    out: list[str] = []
    names = [name for name, _ in PEOPLE[:count]]
    for index, (name, point) in enumerate(PEOPLE[:count]):
        out.append(
            thank_you_draft(
                name=name,
                company="Acme",
                role="Backend Engineer",
                talking_point=point if with_points else None,
                when="on Monday",
                index=index,
                others=out,
                names=names,
            )
        )
    return out


@pytest.mark.parametrize("with_points", [True, False])
@pytest.mark.parametrize("count", [1, 2, 4, 5, 8])
def test_drafts_for_one_company_never_alike(count: int, with_points: bool) -> None:
    drafts = drafts_for(count, with_points)
    names = [name for name, _ in PEOPLE]
    assert len(set(drafts)) == count
    for a, b in combinations(drafts, 2):
        # Compared the way R2 compares sent notes (names ignored), so that sending the
        # drafts as they are is never refused by the product's own rule.
        assert similarity(a, b, names=names) < DEFAULTS.similarity_threshold


@pytest.mark.parametrize(
    "earlier",
    [
        pytest.param("we spoke about the on-call rotation and next steps " * 200_000, id="10 MB"),
        pytest.param("x" * 10_000_000, id="one 10 MB word"),
        pytest.param("a " * 5_000_000, id="10 MB of a"),
    ],
)
def test_a_huge_earlier_note_neither_slows_nor_changes_a_draft(earlier: str) -> None:
    """Issue #10: a 10 MB note already written to the company is nothing like a draft, so
    the first of the 64 candidates is kept, as with no earlier note, in well under 0.5 s."""
    start = time.process_time()
    draft = thank_you_draft(
        name="Jane Doe",
        company="Acme",
        role="Backend Engineer",
        talking_point="the on-call rotation",
        others=[earlier],
    )
    assert time.process_time() - start < 0.25
    alone = thank_you_draft(
        name="Jane Doe",
        company="Acme",
        role="Backend Engineer",
        talking_point="the on-call rotation",
    )
    assert draft == alone


@pytest.mark.parametrize("count", [1, 3, 6])
def test_each_draft_uses_its_talking_point_and_first_name(count: int) -> None:
    for draft, (name, point) in zip(drafts_for(count, True), PEOPLE, strict=False):
        assert draft.startswith(f"Dear {name.split()[0]},")
        assert point in draft
        assert "Backend Engineer" in draft and "on Monday" in draft
        assert "[" not in draft


def test_without_a_talking_point_the_draft_asks_for_one() -> None:
    draft = drafts_for(1, False)[0]
    assert "[Add one thing you discussed with Jane" in draft


@pytest.mark.parametrize(
    ("name", "greeting"), [("Priya Nair", "Dear Priya,"), (None, "Hello,"), ("  ", "Hello,")]
)
def test_follow_up_draft(name: str | None, greeting: str) -> None:
    draft = follow_up_draft(name=name, role="Data Engineer", company="Globex")
    assert draft.startswith(greeting)
    assert "the Data Engineer role at Globex" in draft


def test_check_in_draft_asks_about_other_roles() -> None:
    draft = check_in_draft(name="Lucius Fox", company="Wayne")
    assert draft.startswith("Hi Lucius,")
    assert "Wayne" in draft and "considered for other roles" in draft
    assert check_in_draft(name=None, company="Wayne").startswith("Hello,")


def test_a_talking_point_given_later_fills_the_placeholder() -> None:
    draft = drafts_for(1, False)[0]
    filled = with_talking_point(draft, name="Jane Doe", point="the pager story")
    assert "[" not in filled and "the pager story" in filled
    assert filled.splitlines()[0] == "Dear Jane,"
    # An edited draft (placeholder gone) is the user's: left alone.
    edited = draft.replace(
        "[Add one thing you discussed with Jane that only the two of you talked about.]", "Mine."
    )
    assert with_talking_point(edited, name="Jane Doe", point="x") == edited
    assert with_talking_point(draft, name="Jane Doe", point="") == draft
