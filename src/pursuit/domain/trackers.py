"""The exports of the trackers people leave for pursuit, recognised by their headers.

Each layout names, for each of pursuit's fields, the tracker's own column (exact header
names, compared after `header_key`), the stage words the tracker uses, the columns that
hold only the tracker's own ids (never read, not even as notes), and how it writes dates.
A file that matches no layout is read as a home-made spreadsheet: exact header names
first, near misses after (`spreadsheet.map_sheet`).

The layouts follow the columns each tracker documents for its CSV export; docs/
integrations.md lists them, and `import --map "Stage=status"` fixes a column a tracker
has renamed since.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from pursuit.domain.status import Status

__all__ = ["HUNTR", "LAYOUTS", "NOTION", "TEAL", "Layout", "recognise"]


@dataclass(frozen=True)
class Layout:
    name: str
    signature: frozenset[str]
    """Header keys that must all be present for a file to be this tracker's."""
    columns: Mapping[str, tuple[str, ...]]
    """pursuit field -> the tracker's header keys for it, the first one present wins."""
    statuses: Mapping[str, Status] = field(default_factory=dict)
    """The tracker's stage words (header_key'd), before pursuit's general ones."""
    ignore: frozenset[str] = frozenset()
    """Header keys never read: the tracker's ids, its copy of the whole job posting."""
    dates: str = ""
    """How the tracker writes dates, for the docs and the import report."""
    notes: tuple[str, ...] = ()
    """What the import does with this tracker's export beyond the column table."""


def _statuses(table: dict[Status, tuple[str, ...]]) -> Mapping[str, Status]:
    return MappingProxyType({word: status for status, words in table.items() for word in words})


HUNTR = Layout(
    name="Huntr",
    signature=frozenset({"list name", "company name", "created at"}),
    columns=MappingProxyType(
        {
            "company": ("company name",),
            "role": ("title", "job title"),
            "status": ("list name",),
            # Huntr's export has no applied date: the card's creation is the nearest.
            "applied": ("applied at", "date applied", "created at"),
            "url": ("url", "job url"),
            "salary": ("salary",),
            "notes": ("notes", "note"),
            "contact": ("contacts", "contact"),
        }
    ),
    statuses=_statuses(
        {
            Status.WISHLIST: ("wishlist",),
            Status.APPLIED: ("applied",),
            Status.INTERVIEWING: ("interview", "interviewing"),
            Status.OFFER: ("offer",),
            Status.REJECTED: ("rejected",),
        }
    ),
    ignore=frozenset(
        {
            "id",
            "company id",
            "list id",
            "employer id",
            "owner id",
            "description",
            "html description",
            "board id",
            "board name",
        }
    ),
    dates="ISO 8601 timestamps in UTC (2026-02-03T17:22:09.000Z), or Unix seconds",
    notes=(
        "the stage is the list the card is on (listName)",
        "the applied date is the card's createdAt (Huntr exports no applied date); "
        "for a card on the Wishlist it is kept in the notes as the day it was saved",
        "ids (id, companyId, boardId, listId) and the job posting's full text are left out",
    ),
)

TEAL = Layout(
    name="Teal",
    signature=frozenset({"job position", "company", "min salary", "max salary"}),
    columns=MappingProxyType(
        {
            "company": ("company",),
            "role": ("job position",),
            "status": ("status",),
            "applied": ("date applied",),
            "follow_up": ("follow up", "follow up date"),
            "url": ("url", "job url", "job posting url"),
            "notes": ("notes",),
            "contact": ("contact", "contacts"),
            "salary_min": ("min salary",),
            "salary_max": ("max salary",),
        }
    ),
    statuses=_statuses(
        {
            Status.WISHLIST: ("bookmarked", "applying"),
            Status.APPLIED: ("applied",),
            Status.INTERVIEWING: ("interviewing",),
            Status.OFFER: ("negotiating", "offer"),
            Status.ACCEPTED: ("accepted",),
            Status.WITHDRAWN: ("i withdrew", "withdrew"),
            Status.REJECTED: ("not selected",),
            Status.GHOSTED: ("no response",),
        }
    ),
    ignore=frozenset({"id", "job id", "job description"}),
    dates="the file's own numeric dates (the order is read from the file) or ISO 8601",
    notes=(
        'the salary is "Min. Salary" to "Max. Salary" ("120000–150000"), or the one given',
        'the "Follow Up" date becomes the follow-up date (not a guess)',
    ),
)

NOTION = Layout(
    name="Notion job tracker",
    signature=frozenset({"company", "position", "referral"}),
    columns=MappingProxyType(
        {
            "company": ("company",),
            "role": ("position", "role"),
            "status": ("status", "stage"),
            "applied": ("applied", "date applied", "applied on", "application date"),
            "follow_up": ("follow up", "follow up date", "next follow up"),
            "url": ("job posting", "url", "link", "job link"),
            "notes": ("notes",),
            "contact": ("contact", "contacts", "recruiter"),
            "salary": ("salary", "salary range"),
            "source": ("referral",),
        }
    ),
    statuses=_statuses(
        {
            Status.WISHLIST: ("researching", "not started", "to apply", "ready to apply"),
            Status.APPLIED: ("applied",),
            Status.SCREENING: ("phone screen",),
            Status.INTERVIEWING: ("interviewing", "interview"),
            Status.OFFER: ("offer", "offer received"),
            Status.ACCEPTED: ("accepted",),
            Status.REJECTED: ("rejected",),
            Status.WITHDRAWN: ("not interested", "not a fit", "withdrawn"),
            Status.GHOSTED: ("ghosted", "no response"),
        }
    ),
    ignore=frozenset({"id"}),
    dates='Notion\'s "November 3, 2026" (with "10:00 AM" when a time is set; a range '
    '"… → …" is read from its start)',
    notes=(
        'the "Referral" checkbox: Yes makes the source "Referral", No leaves it empty',
        'the "Follow-up" date becomes the follow-up date (not a guess)',
    ),
)

LAYOUTS: tuple[Layout, ...] = (HUNTR, TEAL, NOTION)


def recognise(keys: list[str]) -> Layout | None:
    """The tracker whose export has these header keys, or None for a spreadsheet."""
    present = set(keys)
    for layout in LAYOUTS:
        if layout.signature <= present:
            return layout
    return None
