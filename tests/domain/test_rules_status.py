"""The status machine: reading status names and the moves that make sense."""

from __future__ import annotations

import pytest

from pursuit.domain.status import (
    ACTIVE,
    CLOSED,
    OPEN,
    Status,
    StatusError,
    check_move,
    parse_status,
)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("applied", Status.APPLIED),
        ("  Interviewing ", Status.INTERVIEWING),
        ("on_hold", Status.ON_HOLD),
        ("on hold", Status.ON_HOLD),
        ("On-Hold", Status.ON_HOLD),
        ("hold", Status.ON_HOLD),
        ("interview", Status.INTERVIEWING),
        ("screen", Status.SCREENING),
        ("ghost", Status.GHOSTED),
        ("OFFER", Status.OFFER),
    ],
)
def test_parse_status(text: str, status: Status) -> None:
    assert parse_status(text) == status


@pytest.mark.parametrize("text", ["", "hired", "pending", "on holdd"])
def test_parse_status_unknown_names_the_choices(text: str) -> None:
    with pytest.raises(StatusError) as caught:
        parse_status(text)
    message = str(caught.value)
    assert message.startswith(f'unknown status "{text.strip()}"; use one of: wishlist, applied')
    assert "on_hold" in message and "\n" not in message


@pytest.mark.parametrize(
    ("current", "new", "error"),
    [
        (Status.APPLIED, Status.SCREENING, None),
        (Status.APPLIED, Status.OFFER, None),
        (Status.INTERVIEWING, Status.ON_HOLD, None),
        (Status.ON_HOLD, Status.INTERVIEWING, None),
        (Status.GHOSTED, Status.INTERVIEWING, None),
        (Status.OFFER, Status.ACCEPTED, None),
        (Status.ACCEPTED, Status.WITHDRAWN, None),
        (Status.SCREENING, Status.WITHDRAWN, None),
        (Status.APPLIED, Status.APPLIED, "already applied"),
        (Status.ON_HOLD, Status.ON_HOLD, "already on hold"),
        (Status.REJECTED, Status.APPLIED, "closed as rejected; reopen"),
        (Status.WITHDRAWN, Status.INTERVIEWING, "closed as withdrawn"),
        (Status.ACCEPTED, Status.INTERVIEWING, "can only be withdrawn from"),
    ],
)
def test_check_move(current: Status, new: Status, error: str | None) -> None:
    if error is None:
        check_move(current, new)
    else:
        with pytest.raises(StatusError, match=error):
            check_move(current, new)


def test_groups() -> None:
    assert {Status.APPLIED, Status.SCREENING, Status.INTERVIEWING, Status.OFFER} == ACTIVE
    assert {Status.REJECTED, Status.WITHDRAWN, Status.GHOSTED} == CLOSED
    assert Status.ON_HOLD in OPEN and Status.WISHLIST in OPEN
    assert not OPEN & CLOSED and Status.ACCEPTED not in OPEN
    assert Status.ON_HOLD.label == "on hold"
