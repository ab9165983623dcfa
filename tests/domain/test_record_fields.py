"""The record's fields as typed (issue #12): salaries, links, phones, remote, dates; the
line that says what is known about a company; names matched across accents."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from dateutil import tz as dateutil_tz
from hypothesis import given
from hypothesis import strategies as st

from pursuit.domain.matching import MatchError, fold, match_name
from pursuit.domain.quick_entry import QuickEntryError, parse_quick_entry
from pursuit.domain.record import (
    APPLICATION_FIELDS,
    CONTACT_FIELDS,
    INTERVIEW_FIELDS,
    FieldError,
    PastApplication,
    Salary,
    company_memory,
    describe_field,
    parse_salary,
    read_field,
)
from pursuit.domain.status import Status

NY = dateutil_tz.gettz("America/New_York")
assert NY is not None
NOW = datetime(2026, 11, 26, 15, 20, tzinfo=NY)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("90–110k", 90_000, 110_000),
        ("90-110k", 90_000, 110_000),
        ("$90k - $110k", 90_000, 110_000),
        ("€60–70k EUR", 60_000, 70_000),
        ("120,000", 120_000, 120_000),
        ("$120,000 - $140,000", 120_000, 140_000),
        ("£50k", 50_000, 50_000),
        ("100k+", 100_000, None),
        ("from 100k", 100_000, None),
        ("1.2m", 1_200_000, 1_200_000),
        ("90 to 110", 90_000, 110_000),
        ("110-90k", 90_000, 110_000),
        ("competitive", None, None),
        ("60/hr", None, None),
        ("500 per day", None, None),
        ("", None, None),
    ],
)
def test_salary_reads_a_range_where_there_is_one(
    text: str, low: int | None, high: int | None
) -> None:
    salary = parse_salary(text)
    assert (salary.low, salary.high) == (low, high)
    assert salary.text == text.strip()


@given(st.text(max_size=60))
def test_salary_never_fails_and_keeps_the_text(text: str) -> None:
    salary = parse_salary(text)
    assert isinstance(salary, Salary)
    if salary.low is not None and salary.high is not None:
        assert salary.low <= salary.high


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        ("url", "https://acme.example/jobs/1", "https://acme.example/jobs/1"),
        ("url", "zoom.us/j/123", "zoom.us/j/123"),
        ("url", "", None),
        ("email", "jane@acme.example", "jane@acme.example"),
        ("phone", "+1 (555) 010-2000 ext 12", "+1 (555) 010-2000 ext 12"),
        ("remote", "yes", True),
        ("remote", "On-site", False),
        ("remote", "", None),
        ("priority", "high", 3),
        ("priority", "0", 0),
        ("priority", "", 0),
        ("status", "on hold", Status.ON_HOLD),
        ("minutes", "1.5 h", 90),
        ("minutes", "45", 45),
        ("text", "  Berlin   Mitte ", "Berlin Mitte"),
        ("note", "line one\nline two\n", "line one\nline two"),
        ("past", "2026-11-03", datetime(2026, 11, 3, 9, 0, tzinfo=NY).astimezone(UTC)),
    ],
)
def test_fields_read_what_was_typed(kind: str, text: str, value: object) -> None:
    assert read_field(kind, text, NOW, NY) == value  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "text", "says"),
    [
        ("url", "not a link", "not a web address"),
        ("url", "javascript:alert(1)", "not a web address"),
        ("email", "jane at acme", "not an email address"),
        ("phone", "call me", "not a phone number"),
        ("phone", "12", "not a phone number"),
        ("remote", "hybrid", "hybrid goes in the location"),
        ("priority", "9", "0 to 5"),
        ("status", "sleeping", "unknown status"),
        ("past", "next week", "in the future"),
        ("start", "tomorrow", "no time of day"),
        ("minutes", "forever", "write minutes"),
        ("minutes", "0", "between 1 minute"),
        ("name", "   ", "is empty"),
    ],
)
def test_fields_refuse_in_one_line(kind: str, text: str, says: str) -> None:
    with pytest.raises(FieldError, match=says) as caught:
        read_field(kind, text, NOW, NY, label="field")  # type: ignore[arg-type]
    assert "\n" not in str(caught.value)


def test_every_field_has_a_label_and_a_hint() -> None:
    for spec in (*APPLICATION_FIELDS, *CONTACT_FIELDS, *INTERVIEW_FIELDS):
        assert spec.label and spec.hint


def test_describe_says_what_would_be_stored() -> None:
    assert describe_field("salary", "90–110k", NOW, NY) == "90–110k (90,000–110,000)"
    assert describe_field("remote", "no", NOW, NY) == "on site"
    assert describe_field("start", "fri 10am", NOW, NY) == "Fri 27 Nov 10:00"
    assert describe_field("url", "", NOW, NY) == "(empty)"


def _at(day: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, 12, tzinfo=NY)


def test_company_memory_says_what_is_known() -> None:
    rejected = PastApplication("Data Engineer", Status.REJECTED, _at(1, 10), _at(2))
    contacts = [("Priya Nair", "recruiter")]
    assert company_memory("Globex", [rejected], contacts, friendly=True, tz=NY) == (
        "You applied to Globex before (Data Engineer, rejected on good terms on 2 Nov; "
        "contacts: Priya Nair, recruiter)"
    )
    assert company_memory("Globex", [rejected], [], friendly=False, tz=NY) == (
        "You applied to Globex before (Data Engineer, rejected on 2 Nov)"
    )
    open_app = PastApplication("SRE", Status.INTERVIEWING, _at(20), None)
    assert company_memory("Globex", [rejected, open_app], [], friendly=True, tz=NY) == (
        "You are already in touch with Globex (SRE, interviewing since 20 Nov)"
    )
    assert company_memory("Globex", [], [("Priya Nair", None)], friendly=False, tz=NY) == (
        "Globex is known already (contacts: Priya Nair)"
    )
    assert company_memory("Globex", [], [], friendly=False, tz=NY) is None


def test_names_match_across_accents_and_case() -> None:
    names = [(1, "Nestlé"), (2, "Société Générale"), (3, "Stark Industries"), (4, "Stark")]
    assert match_name("nestle", names) == 1
    assert match_name("SOCIETE", names) == 2
    assert match_name("Stark", names) == 4  # exact before prefix
    assert match_name("stark ind", names) == 3
    with pytest.raises(MatchError, match="matches several"):
        match_name("sta", names)
    assert fold("Zoë  Ng") == "zoe ng"


def test_names_typed_with_accents_win_over_those_without() -> None:
    assert match_name("Café", [(1, "Cafe"), (2, "Café")]) == 2
    with pytest.raises(MatchError, match="matches several"):
        match_name("cafe", [(1, "Cafè"), (2, "Café")])


# --- quick entry's new clauses ----------------------------------------------------------------


def test_quick_entry_reads_salary_source_and_date_applied() -> None:
    entry = parse_quick_entry(
        "Acme / Backend Engineer salary 90–110k via Indeed applied yesterday", NOW, NY
    )
    assert (entry.company, entry.role) == ("Acme", "Backend Engineer")
    assert (entry.salary, entry.source) == ("90–110k", "Indeed")
    assert entry.applied_at == datetime(2026, 11, 25, 9, 0, tzinfo=NY).astimezone(UTC)
    assert "salary 90–110k; via Indeed; applied Wed 25 Nov 09:00" in entry.describe(NY)


@pytest.mark.parametrize(
    ("line", "place", "minutes", "people"),
    [
        ("Acme interview fri 10am at 10 Downing St with Ann Lee (CTO), Bo", "10 Downing St", 60, 2),
        ("Acme interview fri 10am with Ann Lee (CTO), Bo at 10 Downing St", "10 Downing St", 60, 2),
        ("Acme interview tomorrow 14:00 on zoom.us/j/123 for 45 min", "zoom.us/j/123", 45, 0),
        (
            "Acme interview tomorrow 14:00 on https://zoom.us/j/1 with Ann",
            "https://zoom.us/j/1",
            60,
            1,
        ),
        ("Acme interview mon at 2pm at Acme HQ", "Acme HQ", 60, 0),
        ("Acme interview dec 15 at 10 with Ann", None, 60, 1),
        ("Acme interview fri at 3 with Ann", None, 60, 1),
    ],
)
def test_quick_entry_reads_where_an_interview_is(
    line: str, place: str | None, minutes: int, people: int
) -> None:
    entry = parse_quick_entry(line, NOW, NY)
    assert entry.place == place
    assert entry.interview_minutes == minutes
    assert len(entry.interviewers) == people
    assert entry.url is None


def test_quick_entry_keeps_names_that_hold_the_new_words() -> None:
    assert parse_quick_entry("Via Rail / Engineer", NOW, NY).company == "Via Rail"
    entry = parse_quick_entry("Salary.com / Analyst salary 100k", NOW, NY)
    assert (entry.company, entry.salary) == ("Salary.com", "100k")
    assert parse_quick_entry("Acme / Engineer (applied science)", NOW, NY).role == (
        "Engineer (applied science)"
    )


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("Acme / Eng applied tomorrow", "in the future"),
        ("Acme / Eng salary", '"salary" needs something'),
        ("Acme / Eng via", '"via" needs something'),
        ("Acme / Eng via A via B", "appears twice"),
    ],
)
def test_quick_entry_refuses_new_clauses_it_cannot_read(line: str, says: str) -> None:
    with pytest.raises(QuickEntryError, match=says):
        parse_quick_entry(line, NOW, NY)
