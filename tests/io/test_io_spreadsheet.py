"""Reading tracker spreadsheets: headers, statuses, dates, formula cells (pure rules)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import NOW, NY
from pursuit.domain.dates import DateParseError
from pursuit.domain.spreadsheet import (
    map_headers,
    parse_sheet_date,
    parse_tracker_status,
    safe_cell,
    unsafe_cell,
)
from pursuit.domain.status import Status, StatusError


def test_headers_are_matched_by_name_whatever_the_case_spelling_or_order() -> None:
    headers = [
        "\ufeffCompnay",
        "Job Title",
        "STAGE",
        "Date applied:",
        "posting_url",
        "Recruiter",
        "Comments",
        "Priority",
        "Title",
        "Next Due",
    ]
    fields, extra = map_headers(headers)
    assert fields == {
        "company": 0,
        "role": 1,
        "status": 2,
        "applied": 3,
        "url": 4,
        "contact": 5,
        "notes": 6,
    }
    # Unknown columns and a second "role" column are kept (as notes), pursuit's own
    # derived export columns are not.
    assert extra == [7, 8]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Interview", Status.INTERVIEWING),
        ("Offer Received", Status.OFFER),
        ("Rejected", Status.REJECTED),
        ("Ghosted", Status.GHOSTED),
        ("No Response", Status.GHOSTED),
        ("Bookmarked", Status.WISHLIST),
        ("Saved", Status.WISHLIST),
        ("Phone Screen", Status.SCREENING),
        ("I Withdrew", Status.WITHDRAWN),
        ("on hold", Status.ON_HOLD),
        ("2nd interview", Status.INTERVIEWING),
        ("APPLIED", Status.APPLIED),
    ],
)
def test_tracker_statuses(text: str, status: Status) -> None:
    assert parse_tracker_status(text) is status


def test_an_unknown_status_is_an_error_naming_it() -> None:
    with pytest.raises(StatusError, match="Maybe later"):
        parse_tracker_status("Maybe later")


@pytest.mark.parametrize(
    ("text", "local"),
    [
        ("2026-11-03", "2026-11-03 09:00"),
        ("2026-11-03 14:30", "2026-11-03 14:30"),
        ("12/31/2026", "2026-12-31 09:00"),
        ("11/30/26", "2026-11-30 09:00"),
        ("11-30-2026", "2026-11-30 09:00"),
        ("5/5/2026", "2026-05-05 09:00"),
        ("25/12/2025", "2025-12-25 09:00"),
        ("03.11.2026", "2026-11-03 09:00"),
        ("2026/11/03", "2026-11-03 09:00"),
        ("3 Nov 2026", "2026-11-03 09:00"),
        ("Nov 3, 2026", "2026-11-03 09:00"),
        ("3-Nov-26", "2026-11-03 09:00"),
        ("2026-11-03T10:00:00Z", "2026-11-03 05:00"),
    ],
)
def test_spreadsheet_dates(text: str, local: str) -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    got = parse_sheet_date(text, now, NY)
    assert f"{got.astimezone(NY):%Y-%m-%d %H:%M}" == local
    assert got.tzinfo is UTC


def test_day_first_reads_european_slashes() -> None:
    got = parse_sheet_date("03/11/2026", NOW, NY, day_first=True)
    assert got.astimezone(NY).date().isoformat() == "2026-11-03"


@pytest.mark.parametrize("text", ["31/31/2026", "02/30/2026", "1/2/345", "someday", ""])
def test_impossible_dates_are_errors(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_sheet_date(text, NOW, NY)


@pytest.mark.parametrize("cell", ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"])
def test_formula_cells_get_an_apostrophe(cell: str) -> None:
    assert safe_cell(cell) == "'" + cell


@given(st.text())
def test_safe_cell_is_undone_by_unsafe_cell(cell: str) -> None:
    safe = safe_cell(cell)
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unsafe_cell(safe) == cell or cell.startswith("'")
