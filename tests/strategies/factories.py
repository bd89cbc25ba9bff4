"""Factories for strategies: the index, a published strategy with measures and their yearly status."""

import datetime
import itertools

from strategies.models import (
    Measure,
    MeasureProgress,
    ProgressStatus,
    StrategyIndexPage,
    StrategyPage,
    StrategyStatus,
)
from tests.factories import publish

_numbers = itertools.count(1)


def make_index(home) -> StrategyIndexPage:
    index = StrategyIndexPage.objects.child_of(home).first()
    if index is None:
        index = StrategyIndexPage(title="Стратегије", intro="Стратешки документи и њихово спровођење.")
        home.add_child(instance=index)
        publish(index)
    return index


def make_measures(count: int, progress: dict[int, list[str]] | None = None) -> list[Measure]:
    """`count` measures; `progress` maps a year to each measure's status that year (cycled)."""
    measures = []
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
            for year, statuses in sorted((progress or {}).items())
        ]
        measures.append(measure)
    return measures


def make_strategy(home, *, measures=0, progress=None, documents=(), **fields) -> StrategyPage:
    """A published strategy under the index (created if missing) with `measures` measures."""
    index = make_index(home)
    page = StrategyPage(
        title=fields.pop("title", f"Стратегија развоја цивилног друштва {next(_numbers)}"),
        start_year=fields.pop("start_year", 2022),
        end_year=fields.pop("end_year", 2030),
        status=fields.pop("status", StrategyStatus.ADOPTED),
        adopting_body=fields.pop("adopting_body", "Влада Републике Србије"),
        adoption_date=fields.pop("adoption_date", datetime.date(2022, 2, 10)),
        summary=fields.pop("summary", "Стратегија утврђује циљеве и мере за подстицајно окружење."),
        **fields,
    )
    page.measures = make_measures(measures, progress or {2023: [ProgressStatus.IN_PROGRESS]})
    page.documents = list(documents)
    index.add_child(instance=page)
    return publish(page)
