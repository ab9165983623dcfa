"""The review as a report: text, Markdown and JSON, from the same figures."""

from __future__ import annotations

import json

import pytest
from test_review import DAY, NOW, NY, Search, ago

from pursuit.domain.kinds import ActionKind, Status
from pursuit.domain.review import Review
from pursuit.domain.review_periods import PeriodKey
from pursuit.domain.review_report import (
    as_json,
    as_markdown,
    as_text,
    bar,
    count_of,
    days,
    percent,
    spark,
)


@pytest.mark.parametrize(
    ("share", "text"),
    [
        (None, "—"),
        (0.0, "0%"),
        (0.001, "<1%"),
        (0.005, "0%"),
        (0.0051, "1%"),
        (2 / 3, "67%"),
        (1.0, "100%"),
    ],
)
def test_percent(share: float | None, text: str) -> None:
    assert percent(share) == text


@pytest.mark.parametrize(
    ("value", "text"), [(None, "—"), (0.0, "0.0 d"), (3.25, "3.2 d"), (10, "10.0 d")]
)
def test_days(value: float | None, text: str) -> None:
    assert days(value) == text


@pytest.mark.parametrize(
    ("value", "most", "width", "drawn"),
    [
        (0, 10, 8, ""),
        (10, 10, 8, "████████"),
        (5, 10, 8, "████"),
        (1, 10, 4, "▍"),  # 3.2 eighths: rounds to 3
        (1, 1000, 4, "▏"),  # never invisible when above zero
        (3, 0, 8, ""),
    ],
)
def test_bar(value: float, most: float, width: int, drawn: str) -> None:
    assert bar(value, most, width) == drawn


def test_spark_and_count_of() -> None:
    assert spark([0, 1, 2, 7]) == "▁▂▃█"
    assert spark([0, 0]) == "▁▁"
    assert spark([]) == ""
    assert count_of(3, 4) == "3 of 4"


def _review(key: PeriodKey = PeriodKey.FOUR_WEEKS) -> Review:
    s = Search()
    s.add(1, 20, source="referral").move(1, 15, Status.SCREENING).move(1, 10, Status.INTERVIEWING)
    s.add(2, 12, source="LinkedIn").heard(2, 10).follow_up(2, 9, too_soon=True)
    s.add(3, 3).follow_up(3, 2, too_soon=None)
    s.action(ActionKind.THANK_YOU, 1, ago(9), ago(9.5))
    s.action(ActionKind.THANK_YOU, 1, ago(9), None)
    return s.review(key)


def test_the_text_report_fits_80_columns_and_shows_every_figure() -> None:
    r = _review()
    text = as_text(r, NY)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0] == "pursuit report — last 4 weeks (Mon 16 Feb 2026 – Mon 16 Mar 2026 09:00)"
    assert "  applied            3  " in text
    assert "  screening          1  " in text and "33% of applied" in text
    assert "  interviewing       1  " in text and "100% of screening" in text
    weeks = [line for line in lines if line.startswith("  Mon ")]
    assert len(weeks) == 4
    assert "  referral           1         1   100%        5.0 d" in lines
    assert "  recruiter          0         0      —            —" in lines
    assert "  job board          1         1   100%        2.0 d" in lines
    assert any(
        line.startswith("  thank-you notes sent within 24 h (R3)") and "1 of 2  50%" in line
        for line in lines
    )
    assert any(line.strip() == "1 logged before pursuit kept this" for line in lines)


def test_the_markdown_report_is_tables() -> None:
    md = as_markdown(_review(), NY)
    assert md.startswith("# pursuit report: last 4 weeks\n")
    assert "| stage | applications | conversion |\n| --- | ---: | ---: |\n| applied | 3 | — |" in md
    assert "| follow-ups sent though R5 said wait | R5 | 1 of 1 | 100% |" in md
    rows = [line for line in md.splitlines() if line.startswith("| Mon ")]
    assert len(rows) == 4
    assert all(line.count("|") == 8 for line in rows)


def test_the_json_report_is_exact_and_has_the_ids() -> None:
    r = _review(PeriodKey.ALL)
    data = json.loads(json.dumps(as_json(r, NY)))
    assert data["period"] == {
        "key": "all",
        "label": "all time",
        "start": r.start.astimezone(NY).isoformat(),
        "end": NOW.isoformat(),
    }
    assert [(f["stage"], f["count"], f["application_ids"]) for f in data["funnel"]] == [
        ("applied", 3, [1, 2, 3]),
        ("screening", 1, [1]),
        ("interviewing", 1, [1]),
        ("offer", 0, []),
        ("accepted", 0, []),
    ]
    assert data["funnel"][1]["conversion"] == 1 / 3
    habits = {h["key"]: h for h in data["habits"]}
    assert habits["habit.too_soon"]["flagged_application_ids"] == [2]
    assert habits["habit.thank_you"]["share"] == 0.5
    sources = {s["key"]: s for s in data["sources"]}
    assert sources["source.job_board"]["median_days"] == 2.0
    assert sources["source.all"]["source"] is None
    activity = {a["key"]: a for a in data["activity"]}
    assert sum(activity["activity.sent"]["counts"]) == 3
    assert len(data["weeks"]) == len(r.weeks) == len(activity["activity.sent"]["counts"])
    assert data["weeks"][-1]["end"] == NOW.isoformat()
    # Every figure of the screen is in the JSON under its key.
    keys = {f["key"] for part in ("funnel", "activity", "sources", "habits") for f in data[part]}
    assert keys == set(r.figures())


def test_an_empty_search_reports_without_dividing_by_zero() -> None:
    r = Search().review(PeriodKey.ALL)
    text = as_text(r, NY)
    assert "  applied            0" in text
    assert " of " not in text.split("Activity")[0].split("\n", 3)[3]  # no conversion of 0
    assert as_json(r, NY)["funnel"][1]["conversion"] is None
    assert len(r.weeks) == 1 and r.start == NOW - 7 * DAY
