"""The report's statistics: the counts, and the tables the web page and the DOCX show them in."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Count:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class CountTable:
    """One table of the statistics: its HTML id, caption, the heading of its label column, its counts."""

    table_id: str
    caption: str
    header: str
    rows: list[Count]


@dataclass(frozen=True)
class Statistics:
    total: int
    published: int
    rejected: int
    awaiting_moderation: int
    per_article: list[Count]
    per_kind: list[Count]
    per_decision: list[Count]
    per_channel: list[Count]
    per_respondent_type: list[Count] = field(default_factory=list)

    @property
    def totals(self) -> list[Count]:
        """The four totals, as the rows of the report's first table."""
        return [
            Count("total", _("Confirmed comments"), self.total),
            Count("published", _("Published comments"), self.published),
            Count("rejected", _("Rejected comments"), self.rejected),
            Count("awaiting_moderation", _("Comments waiting for moderation"), self.awaiting_moderation),
        ]

    @property
    def tables(self) -> list[CountTable]:
        """The statistics as the report's tables, in order: the web page and the DOCX show the same ones."""
        return [
            CountTable("report-totals", _("Comments in total"), _("Comments"), self.totals),
            CountTable("report-articles", _("Comments per article"), _("Article"), self.per_article),
            CountTable("report-kinds", _("Comments per kind"), _("Kind"), self.per_kind),
            CountTable("report-decisions", _("Comments per decision"), _("Decision"), self.per_decision),
            CountTable("report-channels", _("Comments per channel"), _("Received through"), self.per_channel),
            CountTable(
                "report-respondent-types",
                _("Comments per respondent type"),
                _("Who is commenting"),
                self.per_respondent_type,
            ),
        ]
