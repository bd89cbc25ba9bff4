"""The demo news and events: three news items, a past round table with its conclusions, two events ahead."""

import icalendar
import pytest

from wagtail.models import Locale, Page

from consultations.models import ConsultationPage
from demo.builder import ensure_locales
from demo.news import INFO_DAY, PUBLIC_HEARING, ROUND_TABLE, build_demo_news
from documents.models import RegistryDocument
from news.models import EventFormat, EventIndexPage, EventPage, NewsIndexPage, NewsPage


@pytest.fixture
def demo(demo_site) -> tuple[NewsIndexPage, EventIndexPage]:
    """The session's demo site (tests/demo_snapshot.py), built in autocommit as the demo command builds it."""
    return (
        NewsIndexPage.objects.get(locale__language_code="sr-cyrl"),
        EventIndexPage.objects.get(locale__language_code="sr-cyrl"),
    )


def cyrillic(model):
    return model.objects.filter(locale__language_code="sr-cyrl")


def event(spec) -> EventPage:
    return cyrillic(EventPage).get(title=spec["title"][0])


def test_indexes_are_published_in_three_languages(demo):
    news_index, event_index = demo
    english, latin = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="sr-latn")
    assert (news_index.title, news_index.slug) == ("Вести", "vesti")
    assert (event_index.title, event_index.slug) == ("Догађаји", "dogadjaji")
    for index, title, slug in [(news_index, "News", "news"), (event_index, "Events", "events")]:
        translation = index.get_translation(english)
        assert (translation.title, translation.slug, translation.live) == (title, slug, True)
    assert event_index.get_translation(latin).title == "Događaji"


def test_three_news_items_with_topics_an_image_and_a_related_document(demo):
    news = list(cyrillic(NewsPage).live().order_by("-date"))

    assert len(news) == 3
    assert all(page.lead and page.body and page.topics for page in news)
    assert news[-1].lead_image and news[-1].lead_image_alt
    assert [block.value.title for block in news[0].related_documents] == [
        "Резултати јавног конкурса за финансирање програма удружења 2024"
    ]
    for page in news:
        assert page.get_translation(Locale.objects.get(language_code="en")).live


def test_past_round_table_has_its_conclusions_as_a_registry_pdf(demo):
    round_table = event(ROUND_TABLE)

    assert round_table.state() == "past" and round_table.format == EventFormat.ROUND_TABLE
    [document] = [block.value for block in round_table.materials]
    assert document.file.name.endswith(".pdf")
    assert document.document_type.name == "Записник"
    assert RegistryDocument.objects.filter(pk=document.pk).public().exists()


def test_public_hearing_belongs_to_the_open_consultation(demo):
    hearing = event(PUBLIC_HEARING)
    consultation = ConsultationPage.objects.live().open().get(locale__language_code="sr-cyrl")

    assert hearing.state() == "upcoming" and hearing.format == EventFormat.PUBLIC_HEARING
    assert hearing.related_page_id == consultation.pk
    assert consultation.opens_at < hearing.starts_at < consultation.closes_at
    assert event(INFO_DAY).state() == "upcoming"


def test_demo_pages_render_in_every_language(client, demo):
    paths = []
    for page in list(cyrillic(NewsPage)) + list(cyrillic(EventPage)) + list(demo):
        paths += [translation.url for translation in page.get_translations(inclusive=True).live()]
    assert len(paths) == 8 * 3
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_demo_calendar_lists_the_upcoming_events(client, demo):
    calendar = icalendar.Calendar.from_ical(client.get("/en/calendar/events.ics").content)
    summaries = {str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")}
    assert {INFO_DAY["title"][1], PUBLIC_HEARING["title"][1], ROUND_TABLE["title"][1]} == summaries


def test_building_twice_creates_nothing_new(demo):
    counts = (Page.objects.count(), RegistryDocument.objects.count())

    build_demo_news(Page.objects.get(pk=demo[0].pk).get_parent().specific, ensure_locales())

    assert (Page.objects.count(), RegistryDocument.objects.count()) == counts
