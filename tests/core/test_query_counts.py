"""Every public listing runs at most 10 SQL queries, the same for 10 items as for 1,000; a detail page at most 10.

Counted on the second request for a URL: the first warms what a worker keeps between requests (content
types, and the cached site, route, restrictions, menu, footer, breadcrumbs and language versions of
core/content_cache.py, all dropped on the next publish). The 1,000 items go in with bulk inserts
(tests/bulk_pages.py), so each listing's test stays within seconds.
"""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Collection

from calls.models import Award, AwardPayment, AwardReport, DirectFunding
from documents.models import DocumentLibraryPage, RegistryDocument, Status
from tests.bulk_pages import add_live_children
from tests.calls.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    FundingOpportunityIndexPageFactory,
    FundingOpportunityPageFactory,
    FundingTransparencyPageFactory,
)
from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.documents.factories import DocumentTypeFactory
from tests.factories import PublishedPageFactory, factory_for
from tests.news.factories import EventIndexPageFactory, EventPageFactory, NewsIndexPageFactory, NewsPageFactory
from tests.strategies.factories import StrategyIndexPageFactory, StrategyPageFactory

MAX_QUERIES = 10
FEW, MANY = 10, 1000
DAY = datetime.timedelta(days=1)


def queries_of(client, url: str) -> int:
    client.get(url)  # warm-up: per-process and cached values (see the module's docstring)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    listed = "\n  ".join(query["sql"] for query in queries)
    assert len(queries) <= MAX_QUERIES, f"{len(queries)} queries for {url}:\n  {listed}"
    return len(queries)


def page_items(index_factory, item_factory, fields=lambda number: {}):
    """A listing of pages: (the index, a function adding `n` items to it)."""

    def setup(home):
        index = index_factory(parent=home)
        return index.url, lambda count: add_live_children(index, item_factory, count, fields)

    return setup


def news_fields(number):
    return {"date": datetime.date(2020, 1, 1) + number * DAY}


def event_fields(number):
    # Half ahead, half behind, whatever the total.
    return {"starts_in": (number % 40 - 20) * DAY}


def call_fields(number):
    return {"opens_in": (number % 60 - 80) * DAY, "closes_in": (number % 60 - 5) * DAY}


def library_setup(query: str = ""):
    def setup(home):
        library = factory_for(DocumentLibraryPage, PublishedPageFactory, title="Документи")(parent=home)
        document_type = DocumentTypeFactory()

        def add(count):
            root = Collection.get_first_root_node()
            RegistryDocument.objects.bulk_create(
                RegistryDocument(
                    title=f"Одлука о удружењима {number}",
                    file=f"documents/odluka-{number}.pdf",
                    collection=root,
                    published=True,
                    status=Status.IN_FORCE,
                    document_type=document_type,
                    year=2000 + number % 25,
                )
                for number in range(count)
            )

        return library.url + query.format(type=document_type.pk), add

    return setup


def add_follow_up(calls) -> None:
    """An award per call with a payment and an overdue report, and as many grants outside the calls."""
    awards = Award.objects.bulk_create(
        Award(
            page_id=call.pk,
            organisation_name=f"Удружење {call.pk}",
            registration_number="28103344",
            project_title="Програм",
            amount_requested=1000,
            amount_awarded=900,
            sort_order=0,
        )
        for call in calls
    )
    AwardPayment.objects.bulk_create(AwardPayment(award=a, amount=500, paid_on=timezone.localdate()) for a in awards)
    overdue = timezone.localdate() - DAY
    AwardReport.objects.bulk_create(AwardReport(award=a, kind="narrative", due_on=overdue) for a in awards)
    DirectFunding.objects.bulk_create(
        DirectFunding(
            organisation_name="Савез",
            registration_number="28100019",
            purpose="Превођење",
            amount=100,
            granted_on=timezone.localdate(),
            legal_basis="Одлука о буџету",
            funder="Градска управа",
        )
        for _call in calls
    )


def transparency_setup(report: bool = False):
    """The transparency page (or the yearly report of the calls' year): calls with results, their follow-up."""

    def setup(home):
        page = FundingTransparencyPageFactory(parent=home)
        index = CallIndexPageFactory(parent=home)

        def add(count):
            fields = lambda number: {"with_results": True}  # noqa: E731
            add_follow_up(add_live_children(index, CallPageFactory, count, fields))

        year = timezone.localtime(timezone.now() - 60 * DAY).year  # the calls open 60 days ago (with_results)
        return (f"/sr-cyrl/funding/report/{year}/" if report else page.url), add

    return setup


def opportunity_fields(number):
    return {"closes_in": (number % 40 - 20) * DAY}  # half open, half past


def feed_setup(url: str, index_factory, item_factory, fields=lambda number: {}):
    def setup(home):
        _index_url, add = page_items(index_factory, item_factory, fields)(home)
        return url, add

    return setup


LISTINGS = {
    "news index": page_items(NewsIndexPageFactory, NewsPageFactory, news_fields),
    "events index": page_items(EventIndexPageFactory, EventPageFactory, event_fields),
    "calls index": page_items(CallIndexPageFactory, CallPageFactory, call_fields),
    "strategies index": page_items(StrategyIndexPageFactory, StrategyPageFactory),
    "consultations index": page_items(ConsultationIndexPageFactory, ConsultationPageFactory),
    "document library": library_setup(),
    "document library, search and facets": library_setup("?q=одлука&type={type}&year=2010"),
    "funding transparency": transparency_setup(),
    "yearly funding report": transparency_setup(report=True),
    "funding opportunities": page_items(
        FundingOpportunityIndexPageFactory, FundingOpportunityPageFactory, opportunity_fields
    ),
    "news feed": feed_setup("/sr-cyrl/feeds/news/rss/", NewsIndexPageFactory, NewsPageFactory, news_fields),
    "calls feed": feed_setup("/sr-cyrl/feeds/calls/rss/", CallIndexPageFactory, CallPageFactory, call_fields),
    "events calendar": feed_setup(
        "/sr-cyrl/calendar/events.ics", EventIndexPageFactory, EventPageFactory, event_fields
    ),
    "deadlines calendar": feed_setup(
        "/sr-cyrl/calendar/deadlines.ics", CallIndexPageFactory, CallPageFactory, call_fields
    ),
}


@pytest.mark.parametrize("listing", LISTINGS, ids=list(LISTINGS))
def test_listing_runs_the_same_few_queries_for_10_and_1000_items(client, home_page, listing):
    url, add = LISTINGS[listing](home_page)
    add(FEW)
    few = queries_of(client, url)
    add(MANY - FEW)
    many = queries_of(client, url)
    assert few == many <= MAX_QUERIES


def test_search_results_page_runs_at_most_10_queries(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=index, title="Удружења грађана и град")
    assert queries_of(client, "/sr-cyrl/search/?q=удружења") <= MAX_QUERIES


DETAILS = {
    "home": lambda home: home,
    "news item": lambda home: NewsPageFactory(parent=NewsIndexPageFactory(parent=home), topics=["вести", "град"]),
    "event": lambda home: EventPageFactory(parent=EventIndexPageFactory(parent=home)),
    "call": lambda home: CallPageFactory(home=home, now=timezone.now()),
    "strategy": lambda home: StrategyPageFactory(home=home, measure_count=5),
    "consultation": lambda home: ConsultationPageFactory(home=home, article_count=5),
}


@pytest.mark.parametrize("detail", DETAILS, ids=list(DETAILS))
def test_detail_page_runs_at_most_10_queries(client, home_page, detail):
    page = DETAILS[detail](home_page)
    assert queries_of(client, page.url) <= MAX_QUERIES
