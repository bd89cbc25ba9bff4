"""The action-plan table of a strategy: each measure's status per reporting year, and a summary.

Built from two queries (measures, then all their status rows) whatever the number of
measures; a preview works the same on the measures the editor holds in memory.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext

from .models import MeasureProgress, ProgressStatus

# The order a reader scans the summary in: what was done first, what was dropped last.
SUMMARY_ORDER = [
    ProgressStatus.DONE,
    ProgressStatus.IN_PROGRESS,
    ProgressStatus.LATE,
    ProgressStatus.NOT_STARTED,
    ProgressStatus.DROPPED,
]
UNREPORTED = "unreported"


@dataclass(frozen=True)
class Cell:
    year: int
    row: MeasureProgress | None = None

    @property
    def status(self) -> str:
        return self.row.status if self.row else ""


@dataclass(frozen=True)
class Row:
    measure: object
    cells: list[Cell]

    @property
    def latest(self) -> MeasureProgress | None:
        """The measure's status in the last year it was reported on."""
        return next((cell.row for cell in reversed(self.cells) if cell.row), None)


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


@dataclass
class Summary:
    """How many measures stand where, by each measure's latest report."""

    total: int = 0
    done: int = 0
    counts: list[StatusCount] = field(default_factory=list)
    unreported: int = 0
    # One entry per measure, in summary order: the bar draws one segment each.
    segments: list[str] = field(default_factory=list)

    @property
    def percent_done(self) -> int:
        """Rounded half up, so 1 of 8 is 13 % and 1 of 200 shows as 1 %, not 0 %."""
        if not self.total:
            return 0
        return (200 * self.done + self.total) // (2 * self.total)


@dataclass
class MeasureTable:
    years: list[int]
    rows: list[Row]
    summary: Summary

    @property
    def latest_year(self) -> int | None:
        return self.years[-1] if self.years else None

    @property
    def status_headings(self) -> list[str]:
        """One column heading per reporting year."""
        return [gettext("Status %(year)s") % {"year": year} for year in self.years]


def measures_of(page):
    measures = page.measures.all()
    if isinstance(measures, QuerySet):
        ordered = MeasureProgress.objects.order_by("year", "sort_order", "pk")
        return list(measures.prefetch_related(Prefetch("progress", queryset=ordered)))
    return list(measures)  # a preview: the measures the editor holds, not yet saved


def measure_table(page) -> MeasureTable:
    measures = measures_of(page)
    by_measure = []
    years = set()
    for measure in measures:
        # A year reported twice (only possible outside the editor) shows its last row.
        rows = {row.year: row for row in sorted(measure.progress.all(), key=lambda r: r.year) if row.year}
        by_measure.append((measure, rows))
        years.update(rows)
    years = sorted(years)
    rows = [Row(measure, [Cell(year, reported.get(year)) for year in years]) for measure, reported in by_measure]
    return MeasureTable(years=years, rows=rows, summary=summarise(rows))


def summarise(rows: list[Row]) -> Summary:
    latest = [row.latest.status if row.latest else UNREPORTED for row in rows]
    counts = [StatusCount(status, status.label, latest.count(status)) for status in SUMMARY_ORDER]
    summary = Summary(
        total=len(rows),
        done=latest.count(ProgressStatus.DONE),
        counts=[count for count in counts if count.count],
        unreported=latest.count(UNREPORTED),
    )
    order = {str(status): position for position, status in enumerate([*SUMMARY_ORDER, UNREPORTED])}
    summary.segments = sorted(map(str, latest), key=order.__getitem__)
    return summary
