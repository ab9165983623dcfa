"""User settings: a TOML file in the platform's config dir. Bad entries are reported by
name and their defaults used; a broken file never stops the app from opening."""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable, Container
from dataclasses import dataclass, field, fields
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any, Literal

from pursuit.clock import known_zone
from pursuit.domain.settings import RuleSettings


@dataclass(frozen=True)
class Config:
    thank_you_hours: float = 24.0
    """R3: hours after an interview ends that a thank-you note is due."""
    guidance_days: float = 7.0
    """R4: follow-up date to guess when the employer gave none."""
    followup_gap_days: float = 7.0
    """R5: least days between two messages to one employer."""
    unanswered_limit: int = 2
    """R5: unanswered follow-ups before suggesting "ghosted"."""
    bridge_cadence: str = "90d"
    """R8: how often to check in with a bridge (a duration or an RRULE)."""
    hold_cadence_days: float = 30.0
    """R9: follow-up cadence while an application is on hold."""
    target_active: int = 5
    """R7: active applications to keep."""
    target_new_per_week: int = 2
    """R7: new applications per week."""
    similarity_threshold: float = 0.8
    """R2: notes to one company at least this alike are flagged."""
    timezone: str = ""
    """Zone for showing and reading times; empty means the system's."""
    date_order: str = ""
    """How to read "03/05/2026" when nothing settles it: "day-first" (3 May) or
    "month-first" (March 5); empty: ask (import refuses until --day-first/--month-first)."""
    theme: str = "textual-dark"
    """Any Textual theme name."""
    bell: bool = False
    """Ring the terminal bell when an action becomes overdue."""
    notify_send: bool = False
    """Also call notify-send (desktop notification) where it exists."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> keys, e.g. quick_entry = "n"."""
    working_days: str = "mon-fri"
    """Days pursuit may put a guessed follow-up or check-in on, e.g. "mon-fri" or "sun-thu"."""
    usual_time: str = "09:30"
    """The local time of day for dates pursuit chooses (HH:MM)."""
    holidays: str = ""
    """A country (and region) whose public holidays are skipped, e.g. "GB-ENG" or "US-NY"."""
    signature: str = ""
    """Ends every draft, under its sign-off."""
    database: str = ""
    """The database when neither --db nor PURSUIT_DB names one: a file path, sqlite:///PATH
    or postgresql://USER@HOST:PORT/DBNAME (the password in PGPASSWORD or ~/.pgpass)."""
    search: str = ""
    """On a PostgreSQL server, whose search this is (a schema of its own); empty: pursuit."""

    def rules(self) -> RuleSettings:
        return RuleSettings(
            thank_you_window=timedelta(hours=self.thank_you_hours),
            default_guidance=timedelta(days=self.guidance_days),
            followup_gap=timedelta(days=self.followup_gap_days),
            unanswered_limit=self.unanswered_limit,
            bridge_rule=self.bridge_cadence,
            hold_cadence=timedelta(days=self.hold_cadence_days),
            target_active=self.target_active,
            target_new_per_week=self.target_new_per_week,
            similarity_threshold=self.similarity_threshold,
            working_days=working_days(self.working_days),
            usual_time=usual_time(self.usual_time),
            holidays=public_holidays(self.holidays),
            signature=self.signature,
            date_order=_DATE_ORDERS.get(self.date_order),
        )


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def working_days(text: str) -> frozenset[int]:
    """ "mon-fri", "sun-thu" or "mon,tue,thu" as weekday numbers (0 is Monday)."""
    days: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        first, _, last = part.partition("-")
        if first[:3] not in _DAYS or (last and last[:3] not in _DAYS):
            raise ValueError(f"{part!r} is not a day or a range of days (e.g. mon-fri)")
        start = _DAYS.index(first[:3])
        end = _DAYS.index(last[:3]) if last else start
        days.update((start + i) % 7 for i in range((end - start) % 7 + 1))
    return frozenset(days)


def usual_time(text: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise ValueError("must be a time of day such as 09:30") from None


def public_holidays(code: str) -> Container[date]:
    """The holidays of "GB-ENG" (a country, optionally a region), loaded only when set."""
    if not code.strip():
        return frozenset()
    import holidays

    country, _, region = code.strip().upper().partition("-")
    try:
        return holidays.country_holidays(country, subdiv=region or None)
    except NotImplementedError:
        raise ValueError(
            f"{code!r} is not a country (and region) the holidays library knows"
        ) from None


MAX_NUMBER = 10_000
_DATE_ORDERS: dict[str, Literal["day-first", "month-first"]] = {
    "day-first": "day-first",
    "month-first": "month-first",
}


def _check(name: str, value: Any, default: Any) -> str | None:
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "must be true or false"
    if isinstance(default, int) and not isinstance(default, bool):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return "must be a whole number >= 0"
        return None
    if isinstance(default, float):
        if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
            return "must be a number > 0"
        # inf, nan or 1e300 would pass "> 0" and then overflow timedelta at start-up.
        if not math.isfinite(value) or value > MAX_NUMBER:
            return f"must be a number > 0 and at most {MAX_NUMBER}"
        if name == "similarity_threshold" and not 0 < value <= 1:
            return "must be between 0 and 1"
        return None
    if isinstance(default, str):
        if not isinstance(value, str):
            return "must be text"
        if name == "timezone" and value and known_zone(value) is None:
            return "is not a known time zone (an IANA name, e.g. Europe/Paris)"
        if name == "date_order" and value and value not in _DATE_ORDERS:
            return 'must be "day-first" or "month-first"'
        checks: dict[str, Callable[[str], object]] = {
            "working_days": working_days,
            "usual_time": usual_time,
            "holidays": public_holidays,
        }
        check = checks.get(name)
        if check is not None:
            try:
                check(value)
            except ValueError as exc:
                return str(exc)
        if name == "bridge_cadence":
            # Only when the file sets one: cadences bring in dateutil's rrule, which every
            # command would otherwise import just to read the config.
            from pursuit.domain.cadence import CadenceError, parse_cadence

            try:
                parse_cadence(value)
            except CadenceError as exc:
                return str(exc)
        return None
    if isinstance(default, dict) and (
        not isinstance(value, dict)
        or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    ):
        return 'must be a table of binding id = "keys"'
    return None


def load_config(path: Path) -> tuple[Config, list[str]]:
    """The settings and one line per problem found (unknown key, bad value)."""
    if not path.exists():
        return Config(), []
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return Config(), [f"{path}: cannot read ({exc}); using defaults"]
    defaults = Config()
    known = {f.name: getattr(defaults, f.name) for f in fields(Config)}
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in raw.items():
        if key not in known:
            problems.append(f"{path}: unknown setting {key!r} ignored")
            continue
        default = known[key]
        if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        problem = _check(key, value, default)
        if problem:
            problems.append(f"{path}: {key} {problem}; using {default!r}")
            continue
        values[key] = value
    return Config(**values), problems
