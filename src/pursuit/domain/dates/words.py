"""The words and patterns typed dates are made of: months, weekdays, numbers, units."""

from __future__ import annotations

import re
from typing import Literal

# Real input is a few words; the cap keeps pathological input cheap and messages short.
_MAX_INPUT = 200

# --- vocabulary ---------------------------------------------------------------------------

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(_MONTH_NAMES, start=1):
    _MONTHS[_name.lower()] = _number
    _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9

# Days a month can ever have (February 29 exists in leap years).
_MONTH_MAX_DAY = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_WEEKDAYS: dict[str, int] = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "weds": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}

_NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

_Unit = Literal["minutes", "hours", "days", "weeks", "months", "years"]
_UNITS: dict[str, _Unit] = {
    "min": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "minutes": "minutes",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "hour": "hours",
    "hours": "hours",
    "d": "days",
    "day": "days",
    "days": "days",
    "w": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    # Not "m": it could be minutes or months, and guessing wrong moves a date by weeks.
    "mo": "months",
    "mos": "months",
    "month": "months",
    "months": "months",
    "y": "years",
    "yr": "years",
    "yrs": "years",
    "year": "years",
    "years": "years",
}


def _alternation(words: dict[str, object]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# Digits are spelled [0-9] throughout: `\d` would also accept other scripts' digits.
_AMOUNT = rf"(?:(?P<n>[0-9]{{1,4}}) ?|(?P<w>{_alternation(dict(_NUMBER_WORDS))}) )"
_UNIT = rf"(?P<unit>{_alternation(dict(_UNITS))})"
_REL_IN = re.compile(rf"in {_AMOUNT}{_UNIT}")
_REL_FROM_NOW = re.compile(rf"{_AMOUNT}{_UNIT} from now")
_REL_BACK = re.compile(rf"{_AMOUNT}{_UNIT} ago")
_REL_SIGNED = re.compile(rf"(?P<sign>[+-]) ?(?P<n>[0-9]{{1,4}}) ?{_UNIT}")

_CLOCK_24 = re.compile(r"(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?")
_CLOCK_12 = re.compile(r"(?P<h>[0-9]{1,2})(?::(?P<m>[0-9]{2}))?(?P<half>am|pm)")
_ISO_DATE = re.compile(r"(?P<y>[0-9]{4})[-/](?P<mo>[0-9]{1,2})[-/](?P<d>[0-9]{1,2})")
_SLASH_DATE = re.compile(r"[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?")
_DAY_NUMBER = re.compile(r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?")
_ORDINAL = re.compile(r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)")
_YEAR = re.compile(r"[0-9]{4}")

_LEADING_FILLER = frozenset({"on", "at", "by"})


_WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _amount(m: re.Match[str]) -> int:
    return int(m["n"]) if m["n"] is not None else _NUMBER_WORDS[m["w"]]
