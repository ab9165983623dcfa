"""R6: no gimmicks; professional channels only."""

from __future__ import annotations

import pytest

from pursuit.domain.gimmicks import Channel, gimmick_warnings, parse_channel


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("I thought I'd drop by the office on Friday to say hi", ["an uninvited visit"]),
        ("Happy to swing by your HQ next week", ["an uninvited visit"]),
        ("I'll be visiting your office anyway", ["an uninvited visit"]),
        ("I sent a small gift to the team", ["a gift"]),
        ("Some flowers for the recruiter", ["a gift"]),
        ("A box of cookies is on its way", ["a gift"]),
        ("I put together a care package for the team", ["a care package"]),
        # A gift basket is a gift and a care package; a birthday present is a gift too.
        ("Sending a gift basket", ["a gift", "a care package"]),
        ("A birthday present for the hiring manager", ["a gift", "a birthday present"]),
        (
            "I'll stop by with a gift for your birthday",
            ["an uninvited visit", "a gift", "a birthday present"],
        ),
    ],
)
def test_gimmicks_draw_a_warning_each(text: str, reasons: list[str]) -> None:
    # Each reason once, in the same order, and nothing else.
    assert gimmick_warnings(text) == [
        f"mentions {reason}: keep follow-ups to email, phone, letter or a message"
        for reason in reasons
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Thank you for your time on Monday. I'm still very interested in the role.",
        "Checking in on the Backend Engineer role; happy to send anything that helps.",
        # Words that only look like gimmicks.
        "I presented the design and gave a talk on visitor analytics.",
        "Our walk through the migration plan was great.",
        "Present at the meeting were Jane and Bob.",
    ],
)
def test_ordinary_text_draws_no_warning(text: str) -> None:
    assert gimmick_warnings(text) == []


@pytest.mark.parametrize(
    ("text", "channel"), [(" Email ", Channel.EMAIL), ("PHONE", Channel.PHONE)]
)
def test_parse_channel(text: str, channel: Channel) -> None:
    assert parse_channel(text) == channel


def test_channels_are_the_professional_ones() -> None:
    assert {c.value for c in Channel} == {"email", "phone", "letter", "message", "meeting"}
    with pytest.raises(ValueError, match='unknown channel "carrier pigeon"; use one of: email'):
        parse_channel("carrier pigeon")
