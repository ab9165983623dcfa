"""What `pursuit import` reports: rows created or already there, problems, and for a
CSV the columns, dates and sample rows that `--dry-run` shows."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    where: str
    """"line 7" for CSV, "application[3]" for JSON."""
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class SampleRow:
    """A row of the file as it will be stored: what `import --dry-run` shows."""

    line: int
    values: tuple[tuple[str, str], ...]
    """(what, value), in a fixed order, empty values left out."""

    def __str__(self) -> str:
        return f"line {self.line}: " + "; ".join(f"{k}: {v}" for k, v in self.values)


@dataclass
class ImportReport:
    kind: str
    """csv or json."""
    dry_run: bool
    created: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    """JSON only: rows created per table."""
    layout: str = ""
    """CSV: the tracker the file was recognised as ("Huntr"), or "spreadsheet"."""
    mapping: list[str] = field(default_factory=list)
    """CSV: one line per column, '"companyName" → company (Huntr's column)'."""
    dates: list[str] = field(default_factory=list)
    """CSV: how each date column's day/month order was decided."""
    sample: list[SampleRow] = field(default_factory=list)
    """CSV: the first three usable rows as they will be stored."""

    @property
    def nothing_usable(self) -> bool:
        return not self.created and not self.present and bool(self.problems)

    def mapping_lines(self) -> list[str]:
        """What a dry run prints before the rows: the tracker, each column, the dates."""
        if self.kind != "csv":
            return []
        return [
            f"Read as: {self.layout}",
            *(f"  {line}" for line in self.mapping),
            *(f"  {line}" for line in self.dates),
        ]

    def sample_lines(self) -> list[str]:
        return [str(row) for row in self.sample]


class DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""
