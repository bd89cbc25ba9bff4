"""The strategy index: what a visitor filtered by, and one page of strategies in fixed queries."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.text import capfirst

from core.facets import FacetOption
from core.untranslated import listed_children

from .models import StrategyPage, StrategyStatus

PER_PAGE = 20


@dataclass(frozen=True)
class StrategyQuery:
    """A visitor's filter, cleaned: an unknown status means no filter, never an error page."""

    status: str = ""

    @classmethod
    def from_params(cls, params) -> "StrategyQuery":
        status = params.get("status", "")
        return cls(status=status if status in StrategyStatus.values else "")

    @property
    def is_filtered(self) -> bool:
        return bool(self.status)

    @property
    def status_choices(self):
        return StrategyStatus.choices

    @property
    def status_options(self) -> list[FacetOption]:
        return [FacetOption(value, capfirst(label), 0, value == self.status) for value, label in self.status_choices]


def strategies_for_index(index, query: StrategyQuery, page_number=None):
    """One page of the index's live strategies, newest period first, with their number of measures."""
    strategies = (
        listed_children(StrategyPage, index)
        .live()
        .public()
        .with_status(query.status)
        .annotate(measure_count=Count("measures", distinct=True))
        .newest_period_first()
    )
    return Paginator(strategies, PER_PAGE).get_page(page_number)
