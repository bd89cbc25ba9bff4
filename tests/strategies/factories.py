"""Factories for strategies: the index, a published strategy with measures and their yearly status."""

import datetime

import factory

from strategies.models import (
    Measure,
    MeasureProgress,
    ProgressStatus,
    StrategyIndexPage,
    StrategyPage,
    StrategyStatus,
)
from tests.factories import IndexPageFactory, PublishedPageFactory, factory_for, under_index_of_home

StrategyIndexPageFactory = factory_for(
    StrategyIndexPage, IndexPageFactory, title="Стратегије", intro="Стратешки документи и њихово спровођење."
)


def build_measures(count: int, progress: dict[int, list[str]]) -> list[Measure]:
    """`count` measures; `progress` maps a year to each measure's status that year (cycled)."""
    built = []
    for n in range(1, count + 1):
        measure = Measure(
            code=f"{n}.1",
            text=f"Мера број {n}: обуке за удружења",
            responsible_body="Канцеларија за сарадњу са цивилним друштвом",
            deadline=datetime.date(2025, 12, 31),
            indicator="Број одржаних обука",
            sort_order=n,
        )
        measure.progress = [
            MeasureProgress(year=year, status=statuses[(n - 1) % len(statuses)], note=f"Напомена за {year}.")
            for year, statuses in sorted(progress.items())
        ]
        built.append(measure)
    return built


class StrategyPageFactory(PublishedPageFactory):
    """A strategy under the index of `home` (created if missing) with `measure_count` measures,
    their status each year from `progress` (year → statuses, cycled over the measures)."""

    class Params:
        home = None
        measure_count = 0
        progress = None

    parent = under_index_of_home(StrategyIndexPageFactory)
    title = factory.Sequence(lambda n: f"Стратегија развоја цивилног друштва {n}")
    start_year = 2022
    end_year = 2030
    status = StrategyStatus.ADOPTED
    adopting_body = "Влада Републике Србије"
    adoption_date = datetime.date(2022, 2, 10)
    summary = "Стратегија утврђује циљеве и мере за подстицајно окружење."
    measures = factory.LazyAttribute(
        lambda page: build_measures(page.measure_count, page.progress or {2023: [ProgressStatus.IN_PROGRESS]})
    )
    documents = ()

    class Meta:
        model = StrategyPage

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        kwargs["documents"] = list(kwargs["documents"])
        return kwargs
