"""What visitors see: the calls index (order, filters, pages), a call with its forms and results, three languages."""

import datetime
from decimal import Decimal

import pytest
from freezegun import freeze_time

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale

from calls.models import CallPage
from tests.calls.english import call_with_english_twin
from tests.calls.factories import DAY, AwardFactory, CallIndexPageFactory, CallPageFactory, FundingAreaFactory
from tests.documents.factories import RegistryDocumentFactory
from tests.factories import SiteHomePageFactory, publish
from tests.module_rows import once_per_module

pytestmark = pytest.mark.django_db


@once_per_module
def home(module_rows):
    """Built once for the module, with the calls index every test's calls go under (the factory finds it there)."""
    home = module_rows.make(publish, module_rows.home_page())  # the Latin home, so every call gets its Latin twin
    module_rows.make(CallIndexPageFactory, parent=home)
    return home


def listed_titles(response) -> list[str]:
    return [call.title for call in response.context["results"]]


def test_index_lists_open_calls_first_then_announced_then_closed(client, home):
    closed_long_ago = CallPageFactory(home=home, title="Затворен давно", opens_in=-90 * DAY, closes_in=-60 * DAY)
    closing_later = CallPageFactory(home=home, title="Отворен, рок касније", closes_in=20 * DAY)
    announced = CallPageFactory(home=home, title="Најављен", opens_in=5 * DAY, closes_in=35 * DAY)
    closed_recently = CallPageFactory(
        home=home,
        with_results=True,
        awards=[AwardFactory.build()],
        title="Затворен недавно",
        closes_in=-3 * DAY,
        results_published_in=-DAY,
    )
    closing_soon = CallPageFactory(home=home, title="Отворен, рок ускоро", closes_in=2 * DAY)

    response = client.get(CallIndexPageFactory(parent=home).url)

    assert listed_titles(response) == [
        closing_soon.title,
        closing_later.title,
        announced.title,
        closed_recently.title,
        closed_long_ago.title,
    ]
    statuses = [call.current_status for call in response.context["results"]]
    assert statuses == ["open", "open", "announced", "results", "closed"]
    html = response.content.decode()
    assert '<time datetime="' in html
    assert html.count("<h1>") == 1


def test_index_filters_by_year_and_area(client, home):
    culture, youth = FundingAreaFactory(name="Култура"), FundingAreaFactory(name="Омладина")
    CallPageFactory(home=home, title="Култура сада", areas=[culture])
    CallPageFactory(home=home, title="Омладина сада", areas=[youth])
    CallPageFactory(
        home=home, title="Култура пре две године", areas=[culture], opens_in=-800 * DAY, closes_in=-770 * DAY
    )
    url = CallIndexPageFactory(parent=home).url
    this_year = datetime.date.today().year

    assert sorted(listed_titles(client.get(url, {"area": culture.pk}))) == ["Култура пре две године", "Култура сада"]
    assert sorted(listed_titles(client.get(url, {"year": this_year, "area": culture.pk}))) == ["Култура сада"]
    html = client.get(url, {"year": "abc", "area": "<script>"}).content.decode()
    assert "Омладина сада" in html, "malformed filters are ignored, never an error"
    assert '<label for="calls-year">' in html and '<label for="calls-area">' in html
    assert f'<option value="{culture.pk}">Култура</option>' in html


def test_index_paginates_ten_calls_a_page(client, home):
    index = CallIndexPageFactory(parent=home)
    for number in range(12):
        index.add_child(instance=CallPageFactory.build(title=f"Конкурс {number}", closes_in=(number + 1) * DAY))

    first, second = client.get(index.url), client.get(index.url, {"page": 2})

    assert len(listed_titles(first)) == 10 and len(listed_titles(second)) == 2
    assert 'rel="next"' in first.content.decode()


def test_index_runs_the_same_number_of_queries_for_10_and_100_calls(client):
    area = None

    def queries_with(count: int) -> int:
        nonlocal area
        home = SiteHomePageFactory()
        area = FundingAreaFactory()
        index = CallIndexPageFactory(parent=home)
        for number in range(count):
            closes_in = (number % 7 - 3) * DAY + DAY / 2
            index.add_child(
                instance=CallPageFactory.build(
                    title=f"Конкурс {number}",
                    opens_in=closes_in - 30 * DAY,
                    closes_in=closes_in,
                    areas=[area],
                    awards=[AwardFactory.build()],
                    results_published_in=closes_in + DAY if number % 2 else None,
                )
            )
        client.get(index.url)  # warm the per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(index.url, {"area": area.pk}).status_code == 200
        return len(queries)

    few, many = queries_with(10), queries_with(100)
    assert few == many
    assert many <= 14


def test_call_page_shows_its_facts_forms_and_deadline(client, home):
    form = RegistryDocumentFactory(title="Образац 1 – Пријава")
    page = CallPageFactory(
        home=home,
        title="Конкурс за културу",
        total_amount=Decimal("6000000"),
        max_per_project=Decimal("500000"),
        budget_line="Раздео 09, програм 1201",
        areas=[FundingAreaFactory(name="Култура")],
        application_documents=[("document", form)],
    )

    html = client.get(page.url).content.decode()

    assert "<h1>Конкурс за културу</h1>" in html
    assert "6.000.000 RSD" in html and "500.000 RSD" in html
    assert "Раздео 09, програм 1201" in html and "Култура" in html
    assert f'<a href="{form.url}" download>Образац 1 – Пријава</a>' in html
    assert f"/sr-cyrl/calendar/calls/{page.pk}.ics" in html
    # Whole seconds: HTML allows at most three fractional digits in a datetime attribute.
    assert f'<time datetime="{timezone.localtime(page.closes_at).replace(microsecond=0).isoformat()}">' in html
    assert "<table" not in html, "no results table while the call is open"


def test_results_table_appears_once_results_are_published(client, home):
    decision = RegistryDocumentFactory(title="Решење о расподели средстава")
    rows = [
        AwardFactory.build(
            organisation_name="Удружење „Мост“", registration_number="08179115", amount_awarded=Decimal("400000")
        ),
        AwardFactory.build(
            organisation_name="Центар „Лиман“", registration_number="20084693", amount_awarded=Decimal("250000")
        ),
    ]
    page = CallPageFactory(home=home, with_results=True, awards=rows, decision=decision, results_published_in=DAY)
    assert "Удружење „Мост“" not in client.get(page.url).content.decode(), "the date has not come yet"

    page.results_published_at = page.closes_at + DAY
    publish(page)
    html = client.get(page.url).content.decode()

    assert "<caption id=" in html and '<th scope="col">' in html
    # Each organisation's name links to its page (organisations app).
    assert '<th scope="row"><a href="/sr-cyrl/organisations/08179115/">Удружење „Мост“</a></th>' in html
    assert "<td>08179115</td>" in html
    assert "650.000 RSD" in html, "the total of the awarded amounts"
    assert decision.get_absolute_url() in html


def test_latin_twin_shows_the_call_and_its_results_in_latin(client, home):
    area = FundingAreaFactory(name="Социјална заштита")
    page = CallPageFactory(
        home=home,
        with_results=True,
        awards=[
            AwardFactory.build(organisation_name="Удружење пензионера Детелинаре", project_title="Клуб за старије")
        ],
        title="Конкурс за социјалну заштиту",
        areas=[area],
    )
    latin = page.get_translation(Locale.objects.get(language_code="sr-latn")).specific

    html = client.get(latin.url).content.decode()

    assert latin.url.startswith("/sr-latn/")
    assert "<h1>Konkurs za socijalnu zaštitu</h1>" in html
    assert "Udruženje penzionera Detelinare" in html and "Klub za starije" in html
    assert "Socijalna zaštita" in html
    assert list(latin.areas.all()) == [area], "the twin shares the original's areas"
    assert latin.awards.count() == 1


def test_english_translation_renders_with_english_text(client, home):
    page, english = call_with_english_twin(home, "Конкурс за културу", "Call for culture", "call-for-culture")

    response = client.get("/en/calls/call-for-culture/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Call for culture</h1>" in html and "Associations based in Novi Sad may apply." in html
    assert english.status() == page.status() == "open"


def test_home_page_lists_open_calls_with_time_left(client, home):
    CallPageFactory(home=home, title="Отворени конкурс", closes_in=10 * DAY)
    CallPageFactory(home=home, title="Најављени конкурс", opens_in=2 * DAY, closes_in=30 * DAY)
    CallPageFactory(home=home, title="Затворени конкурс", opens_in=-40 * DAY, closes_in=-DAY)

    html = client.get("/sr-cyrl/").content.decode()
    section = html.split('id="section-calls"')[1].split("</section>")[0]

    assert "Отворени конкурс" in section
    assert "Најављени конкурс" not in section and "Затворени конкурс" not in section
    assert "<time datetime=" in section
    assert CallIndexPageFactory(parent=home).url in section, "links to all calls"


def test_home_page_hides_the_calls_section_without_open_calls(client, home):
    CallPageFactory(home=home, title="Затворени конкурс", opens_in=-40 * DAY, closes_in=-DAY)
    assert 'id="section-calls"' not in client.get("/sr-cyrl/").content.decode()


def test_draft_and_private_calls_stay_out_of_the_index(client, home):
    from wagtail.models import PageViewRestriction

    index = CallIndexPageFactory(parent=home)
    draft = CallPageFactory.build(title="Нацрт конкурса", live=False)
    index.add_child(instance=draft)
    private = CallPageFactory(home=home, title="Интерни конкурс")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    titles = listed_titles(client.get(index.url))
    assert "Нацрт конкурса" not in titles and "Интерни конкурс" not in titles
    assert CallPage.objects.count() >= 2


def test_home_section_follows_the_clock_without_a_publish(client, home):
    """The list is cached until content changes; opening and closing happen by the clock alone."""
    page = CallPageFactory(home=home, title="Конкурс који почиње", opens_in=DAY, closes_in=3 * DAY)

    def listed() -> bool:
        return "Конкурс који почиње" in client.get("/sr-cyrl/").content.decode()

    assert not listed()
    with freeze_time(page.opens_at + datetime.timedelta(seconds=1)):
        assert listed()
    with freeze_time(page.closes_at + datetime.timedelta(seconds=1)):
        assert not listed()


def test_site_search_finds_award_rows_only_once_the_results_are_public(home):
    from search.entries import page_key, sync_page
    from search.models import SearchEntry

    rows = [AwardFactory.build(organisation_name="Удружење „Пчелица“", project_title="Летња школа пчеларства")]
    page = CallPageFactory(home=home, with_results=True, awards=rows, results_published_in=DAY)
    sync_page(page.translation_key)
    text = SearchEntry.objects.get(key=page_key(page.translation_key)).text
    assert page.summary in text
    assert "Пчелица" not in text and "пчеларства" not in text, "the results are not public yet"

    page.results_published_at = page.closes_at + DAY
    publish(page)
    sync_page(page.translation_key)
    text = SearchEntry.objects.get(key=page_key(page.translation_key)).text
    assert "Удружење „Пчелица“ Летња школа пчеларства" in text
