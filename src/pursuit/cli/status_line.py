"""`pursuit status` without the CLI: the line a shell prompt or tmux shows, in milliseconds.

A prompt runs this after every command, so it must cost little more than starting Python:
no argparse, no datetime, no ORM, no dateutil, no platformdirs. It answers only the plain
case (a database that exists at the current schema, settings it can read for sure) and
otherwise returns None, so the caller runs the full `pursuit status`, which migrates,
validates and explains. Both print the same line; tests hold them together. Neither creates
a database that is not there: a prompt that names a missing file gets an empty line.
"""

from __future__ import annotations

import os
import sys
import time

# typing and collections.abc cost a prompt several milliseconds; mypy still reads them.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

DEFAULT_FORMAT = "{overdue} overdue · {today} today · {active}/{target} active"
"""The line with a database; with none yet (or a mistyped path), an empty line."""
APP = "pursuit"
_DEFAULT_TARGET_ACTIVE = 5
_ZONE_DIRS = ("/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo")

# The settings file's keys and what the fast path accepts for each without asking
# pursuit.config (a test keeps the keys equal to Config's fields). Anything else, and any
# value outside these, goes to the full path so its problems are reported as usual.
_POSITIVE = ("thank_you_hours", "guidance_days", "followup_gap_days", "hold_cadence_days")
_COUNTS = ("unanswered_limit", "target_active", "target_new_per_week")
_TEXTS = ("timezone", "theme", "working_days", "usual_time", "holidays", "signature")
_FLAGS = ("bell", "notify_send")
KNOWN_SETTINGS = frozenset(
    (
        *_POSITIVE,
        *_COUNTS,
        *_TEXTS,
        *_FLAGS,
        "similarity_threshold",
        "keymap",
        "bridge_cadence",
        "date_order",
        "database",
        "search",
    )
)


def fast_status(argv: Sequence[str]) -> int | None:
    """Print the status line and return 0, or None when the full path must answer."""
    args = _parse(argv)
    if args is None:
        return None
    db_arg, fmt = args
    settings = _settings()
    if settings is None:
        return None
    zone, target = settings
    path = _database(db_arg)
    if path is None:
        return None
    if not os.path.exists(path):
        # A typo in a prompt's PURSUIT_DB, or no search started yet: nothing to count,
        # and nothing to create either (the full path would make the file and folders).
        blank = blank_line(fmt)
        if blank is None:
            return None
        sys.stdout.write(blank + "\n")
        return 0
    if not os.path.isfile(path):
        return None
    saved_tz = os.environ.get("TZ")
    if not _use_zone(zone):
        return None
    line = None
    try:
        line = _line(path, fmt, target)
    finally:
        if line is None:
            _restore_tz(saved_tz)
    if line is None:
        return None
    sys.stdout.write(line + "\n")
    return 0


class _Blank:
    """A field with no value: empty whatever its format spec ("{overdue:>3}")."""

    def __format__(self, spec: str) -> str:
        return ""


STATUS_FIELDS = ("overdue", "today", "active", "target", "new")
BLANK_FIELDS = dict.fromkeys(STATUS_FIELDS, _Blank())
"""The fields when there is no database: `fmt.format(**BLANK_FIELDS)`."""


def blank_line(fmt: str | None) -> str | None:
    """The status line when there is no database: empty, or `fmt` with its fields empty
    ("✉ {overdue}" gives "✉ "); None when `fmt` names a field that does not exist."""
    if fmt is None:
        return ""
    try:
        return fmt.format(**BLANK_FIELDS)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return None


def _parse(argv: Sequence[str]) -> tuple[str | None, str | None] | None:
    """(--db, --format) when argv is exactly `[--db P] status [--format F] [--db P]`."""
    db: str | None = None
    fmt: str | None = None
    seen_verb = False
    items = list(argv)
    i = 0
    while i < len(items):
        token = items[i]
        if token == "status" and not seen_verb:
            seen_verb = True
        elif token == "--db" and i + 1 < len(items):
            db = items[i + 1]
            i += 1
        elif token.startswith("--db="):
            db = token[len("--db=") :]
        elif seen_verb and token == "--format" and i + 1 < len(items):
            fmt = items[i + 1]
            i += 1
        elif seen_verb and token.startswith("--format="):
            fmt = token[len("--format=") :]
        else:
            return None
        i += 1
    if not seen_verb or (db is not None and (not db or db.startswith("-"))):
        return None
    if fmt is not None and fmt.startswith("-"):
        return None
    return db, fmt


# --- settings ----------------------------------------------------------------------------


def _settings() -> tuple[str, int] | None:
    """(time zone, target_active) from the settings file, or None to take the full path."""
    path = config_path()
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return "", _DEFAULT_TARGET_ACTIVE
    except OSError:
        return None
    import tomllib

    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    if not all(_plainly_valid(key, value) for key, value in raw.items()):
        return None
    zone = raw.get("timezone", "")
    target = raw.get("target_active", _DEFAULT_TARGET_ACTIVE)
    return str(zone), int(target)


def _plainly_valid(key: str, value: Any) -> bool:
    if key in _POSITIVE:
        return isinstance(value, int | float) and not isinstance(value, bool) and value > 0
    if key in _COUNTS:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if key in _TEXTS:
        return isinstance(value, str)
    if key in _FLAGS:
        return isinstance(value, bool)
    if key == "date_order":
        return value in ("", "day-first", "month-first")
    if key in ("database", "search"):
        # A database named in the settings (a file or a server) is the full path's to open.
        return bool(value == "")
    if key == "similarity_threshold":
        return isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= 1
    if key == "keymap":
        return isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        )
    # bridge_cadence needs dateutil to validate; unknown keys need a warning.
    return False


# --- paths: platformdirs' answer on Linux and macOS, without importing it ----------------


def _home() -> str | None:
    home = os.environ.get("HOME", "")
    return home.rstrip("/") if home.startswith("/") else None


def _platform_dir(xdg_var: str, linux_default: str) -> str | None:
    """platformdirs' user dir for APP; None where its rules are not this simple one."""
    if sys.platform not in ("linux", "darwin") or "ANDROID_DATA" in os.environ:
        return None
    xdg = os.environ.get(xdg_var, "")
    if xdg.startswith("/"):
        return os.path.join(xdg, APP)
    home = _home()
    if home is None:
        return None
    base = "Library/Application Support" if sys.platform == "darwin" else linux_default
    return f"{home}/{base}/{APP}"


def data_dir() -> str | None:
    return _platform_dir("XDG_DATA_HOME", ".local/share")


def config_path() -> str | None:
    override = os.environ.get("PURSUIT_CONFIG")
    if override:
        return os.path.expanduser(override)
    folder = _platform_dir("XDG_CONFIG_HOME", ".config")
    return None if folder is None else os.path.join(folder, "config.toml")


def _database(explicit: str | None) -> str | None:
    chosen = explicit or os.environ.get("PURSUIT_DB")
    if os.environ.get("PURSUIT_SEARCH") or (chosen and "://" in chosen):
        # A URL (a PostgreSQL server, whose driver the full path imports, or sqlite:///)
        # or a search on one: the full path's to open.
        return None
    if chosen:
        return os.path.expanduser(chosen)
    folder = data_dir()
    return None if folder is None else os.path.join(folder, "pursuit.db")


# --- time -------------------------------------------------------------------------------


def _use_zone(configured: str) -> bool:
    """Point the C library at the zone the full path would pick (PURSUIT_TZ, settings, TZ,
    the system's), or say no for a zone name only dateutil might know."""
    chosen = os.environ.get("PURSUIT_TZ") or configured or os.environ.get("TZ")
    if chosen:
        if not _zone_file(chosen):
            return False
        os.environ["TZ"] = chosen
    time.tzset()
    return True


def _zone_file(name: str) -> bool:
    if name.startswith(("/", ":")) or ".." in name.split("/"):
        return False
    for folder in _ZONE_DIRS:
        try:
            with open(os.path.join(folder, name), "rb") as handle:
                return handle.read(4) == b"TZif"
        except OSError:
            continue
    return False


def _restore_tz(saved: str | None) -> None:
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


def now_us() -> int | None:
    """PURSUIT_NOW or the clock, in microseconds; None for a naive or bad PURSUIT_NOW (the
    full path reads the first in the local zone and explains the second)."""
    fixed = os.environ.get("PURSUIT_NOW")
    if not fixed:
        return time.time_ns() // 1000
    from datetime import UTC, datetime

    try:
        value = datetime.fromisoformat(fixed)
    except ValueError:
        return None
    if value.tzinfo is None:
        return None
    delta = value - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def day_end_us(now: int) -> int | None:
    """The next local midnight; None around a midnight that a DST change skips or repeats,
    which the full path resolves with dateutil."""
    seconds, _us = divmod(now, 1_000_000)
    local = time.localtime(seconds)
    midnight = time.mktime((local.tm_year, local.tm_mon, local.tm_mday + 1, 0, 0, 0, 0, 0, -1))
    check = time.localtime(midnight)
    if (check.tm_hour, check.tm_min, check.tm_sec) != (0, 0, 0):
        return None  # midnight skipped by a spring-forward gap
    if 0 in (time.localtime(midnight - 3600).tm_hour, time.localtime(midnight + 3600).tm_hour):
        return None  # midnight repeated by a fall-back: which one is dateutil's to say
    return int(midnight) * 1_000_000


def _line(path: str, fmt: str | None, target: int) -> str | None:
    now = now_us()
    if now is None:
        return None
    end = day_end_us(now)
    if end is None:
        return None
    from pursuit.store import fastread

    conn = fastread.connect(path)
    try:
        counts = fastread.status_counts(conn, now_us=now, day_end_us=end)
    finally:
        conn.close()
    if counts is None:
        return None
    fields = {
        "overdue": counts.overdue,
        "today": counts.today,
        "active": counts.active,
        "target": target,
        "new": counts.new_this_week,
    }
    try:
        return (fmt or DEFAULT_FORMAT).format(**fields)
    except (KeyError, IndexError, ValueError, AttributeError):
        return None
