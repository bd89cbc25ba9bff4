"""The action-plan table: what was promised, where each measure stood each year, and the totals."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from strategies.models import MeasureProgress, ProgressStatus
from strategies.progress import Summary, measure_table
from tests.strategies.factories import StrategyPageFactory

pytestmark = pytest.mark.django_db

DONE, IN_PROGRESS, LATE, NOT_STARTED, DROPPED = (
    ProgressStatus.DONE,
    ProgressStatus.IN_PROGRESS,
    ProgressStatus.LATE,
    ProgressStatus.NOT_STARTED,
    ProgressStatus.DROPPED,
)


def test_table_has_a_column_per_reporting_year_and_a_status_per_measure_and_year(home_page):
    page = StrategyPageFactory(
        home=home_page, measure_count=3, progress={2024: [DONE, LATE, IN_PROGRESS], 2023: [IN_PROGRESS]}
    )
    third = page.measures.order_by("sort_order")[2]
    MeasureProgress.objects.filter(measure=third, year=2023).delete()

    table = measure_table(page)

    assert table.years == [2023, 2024]
    assert table.latest_year == 2024
    assert [[cell.status for cell in row.cells] for row in table.rows] == [
        [IN_PROGRESS, DONE],
        [IN_PROGRESS, LATE],
        ["", IN_PROGRESS],
    ]
    assert [row.measure.code for row in table.rows] == ["1.1", "2.1", "3.1"]


def test_summary_counts_each_measure_by_its_latest_report(home_page):
    # Measure 5 was reported on in 2023 only: its 2023 status counts. Measure 6 never was.
    page = StrategyPageFactory(
        home=home_page, measure_count=6, progress={2023: [IN_PROGRESS, IN_PROGRESS, LATE, NOT_STARTED, DONE]}
    )
    for measure, status in zip(page.measures.order_by("sort_order")[:4], [DONE, DONE, LATE, DROPPED], strict=True):
        MeasureProgress.objects.create(measure=measure, year=2024, status=status)
    MeasureProgress.objects.filter(measure__strategy=page, measure__sort_order=6).delete()

    summary = measure_table(page).summary

    assert summary.total == 6
    assert summary.done == 3
    assert summary.percent_done == 50
    assert [(count.status, count.count) for count in summary.counts] == [(DONE, 3), (LATE, 1), (DROPPED, 1)]
    assert summary.unreported == 1
    assert summary.segments == ["done", "done", "done", "late", "dropped", "unreported"]


@pytest.mark.parametrize(("done", "total", "percent"), [(0, 0, 0), (1, 8, 13), (1, 3, 33), (2, 3, 67), (1, 200, 1)])
def test_percentage_done_is_rounded_half_up(done, total, percent):
    assert Summary(total=total, done=done).percent_done == percent


def test_page_shows_the_progress_in_words_beside_the_bar(client, home_page):
    page = StrategyPageFactory(home=home_page, measure_count=4, progress={2024: [DONE, DONE, DONE, LATE]})

    html = client.get(page.url).content.decode()

    with translation.override("sr-cyrl"):
        done, late = str(DONE.label).capitalize(), str(LATE.label).capitalize()
        words = translation.ngettext(
            "%(done)s of %(counter)s measure done (%(percent)s%%)",
            "%(done)s of %(counter)s measures done (%(percent)s%%)",
            4,
        ) % {"done": 3, "counter": 4, "percent": 75}
    assert words in html
    assert '<div class="progress-bar" aria-hidden="true">' in html
    assert html.count('class="progress-bar__segment progress-status--done"') == 3
    assert f"{done}: 3</li>" in html
    assert f"{late}: 1</li>" in html


def test_a_strategy_without_measures_shows_no_table(client, home_page):
    page = StrategyPageFactory(home=home_page, measure_count=0)

    html = client.get(page.url).content.decode()

    assert "<table" not in html
    assert "progress-bar" not in html


def test_strategy_page_runs_the_same_number_of_queries_for_5_and_60_measures(client, home_page):
    def queries_with(count: int) -> int:
        page = StrategyPageFactory(
            home=home_page, measure_count=count, progress={2023: [IN_PROGRESS], 2024: [DONE, LATE]}
        )
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        assert len(response.context["measure_table"].rows) == count
        return len(queries)

    few, many = queries_with(5), queries_with(60)

    assert few == many
    assert many <= 16  # the site's own (routing, menu, translations) plus documents, measures, statuses
