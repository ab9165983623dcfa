"""Reading tracker spreadsheets: headers, statuses, dates, formula cells (pure rules)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import NOW, NY
from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.spreadsheet.cells import safe_cell, unsafe_cell
from pursuit.domain.spreadsheet.columns import map_headers, map_sheet
from pursuit.domain.spreadsheet.dates import Seen, date_evidence, parse_sheet_date
from pursuit.domain.spreadsheet.headers import MappingError, header_key, parse_override
from pursuit.domain.spreadsheet.stages import parse_tracker_status
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


# --- trackers' layouts, ids and checkboxes, mappings, dates ----------------------------------


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("companyName", "company name"),
        ("listName", "list name"),
        ("createdAt", "created at"),
        ("Max. Salary", "max salary"),
        ("Follow-up", "follow up"),
        ("jobURL", "job url"),
        ("URL", "url"),
        ("date_applied", "date applied"),
    ],
)
def test_header_keys_split_camel_case(header: str, key: str) -> None:
    assert header_key(header) == key


def test_huntr_headers_take_the_company_name_never_the_company_id() -> None:
    headers = ["id", "createdAt", "title", "listName", "companyId", "companyName"]
    rows = [["65f1c0a2e4b0a1b2c3d4e5f6", "2026-01-12T15:04:11Z", "SRE", "Applied",
             "65f1c0a2e4b0a1b2c3d4e001", "Acme"]]  # fmt: skip
    sheet = map_sheet(headers, rows)
    assert sheet.layout == "Huntr"
    assert sheet.fields == {"applied": 1, "role": 2, "status": 3, "company": 5}
    assert sheet.extra == []
    assert sheet.status("Interview") is Status.INTERVIEWING


def test_without_a_layout_a_near_miss_never_takes_a_column_of_ids() -> None:
    headers = ["companyid", "Compnay", "Role"]
    rows = [["65f1c0a2e4b0a1b2c3d4e001", "Acme", "SRE"]]
    sheet = map_sheet(headers, rows)
    assert sheet.layout == "spreadsheet"
    assert sheet.fields == {"company": 1, "role": 2}
    assert sheet.columns[0].how == "ids"


def test_a_checkbox_is_never_a_name_and_a_source_checkbox_is_kept_as_one() -> None:
    headers = ["Company", "Role", "Referral", "Remote"]
    rows = [["Acme", "SRE", "Yes", "No"], ["Globex", "SRE", "No", "Yes"]]
    sheet = map_sheet(headers, rows)
    assert sheet.kinds == ("text", "text", "checkbox", "checkbox")
    assert sheet.fields == {"company": 0, "role": 1, "source": 2}
    assert sheet.extra == [3]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stage=status", (2, "status")),
        ("status=Stage", (2, "status")),
        (" stage = Status ", (2, "status")),
        ("Next=follow-up", (3, "follow_up")),
        ("Next=follow up", (3, "follow_up")),
        ("Role=ignore", (1, "ignore")),
    ],
)
def test_overrides(text: str, expected: tuple[int, str]) -> None:
    assert parse_override(text, ["Company", "Role", "Stage", "Next"]) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Stage", 'mapping "Stage": write COLUMN=FIELD'),
        ("=status", 'mapping "=status": write COLUMN=FIELD'),
        ("Stag=status", 'mapping "Stag=status": no such column; the headers are: Company, Role'),
        ("Stage=stat", 'mapping "Stage=stat": "stat" is not a field; fields: company'),
    ],
)
def test_bad_overrides(text: str, message: str) -> None:
    with pytest.raises(MappingError) as caught:
        parse_override(text, ["Company", "Role", "Stage"])
    assert str(caught.value).startswith(message)


def test_date_evidence_names_the_first_proof_and_the_first_unclear_date() -> None:
    seen = date_evidence(
        [(2, "03/05/2026"), (3, "2026-01-02"), (4, "17/02/2026"), (5, "05/05/2026"),
         (6, "03.04.2026"), (7, "")]
    )  # fmt: skip
    assert seen.order == "day-first"
    assert (seen.day_first, seen.month_first) == (Seen(4, "17/02/2026"), None)
    assert seen.unclear == Seen(2, "03/05/2026")
    both = date_evidence([(2, "13/01/2026"), (3, "01/14/2026")])
    assert both.order is None and both.day_first and both.month_first


@pytest.mark.parametrize(
    ("text", "order", "local"),
    [
        ("03/05/2026", "day-first", "2026-05-03 09:00"),
        ("03/05/2026", "month-first", "2026-03-05 09:00"),
        ("03-05-2026", "day-first", "2026-05-03 09:00"),
        ("17/02/2026", None, "2026-02-17 09:00"),
        ("02/17/2026 2:30 PM", None, "2026-02-17 14:30"),
        ("1770139329", None, "2026-02-03 12:22"),
        ("1770139329000", None, "2026-02-03 12:22"),
        ("46066", None, "2026-02-13 09:00"),
        ("February 12, 2026", None, "2026-02-12 09:00"),
        ("March 2, 2026 10:00 AM", None, "2026-03-02 10:00"),
        ("February 20, 2026 → February 21, 2026", None, "2026-02-20 09:00"),
        ("2025-11-04", None, "2025-11-04 09:00"),
        ("4 Nov 2024", None, "2024-11-04 09:00"),
    ],
)
def test_tracker_dates(text: str, order: str | None, local: str) -> None:
    got = parse_sheet_date(text, NOW, NY, order=order)  # type: ignore[arg-type]
    assert f"{got.astimezone(NY):%Y-%m-%d %H:%M}" == local


@pytest.mark.parametrize(
    ("text", "order", "message"),
    [
        (
            "03/05/2026",
            None,
            '"03/05/2026" could be May 3 or Mar 5: say whether dates are day first or month first',
        ),
        ("17/02/2026", "month-first", 'can\'t read "17/02/2026" month first (no month 17)'),
        ("02/17/2026", "day-first", 'can\'t read "02/17/2026" day first (no month 17)'),
    ],
)
def test_a_numeric_date_is_never_read_on_a_guess(
    text: str, order: str | None, message: str
) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_sheet_date(text, NOW, NY, order=order)  # type: ignore[arg-type]
    assert str(caught.value) == message
