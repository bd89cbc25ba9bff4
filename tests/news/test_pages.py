"""News and event pages: where they may be created, what they check, how they render in each language."""

import datetime

import pytest
import wagtail_factories

from django.core.exceptions import ValidationError
from django.test import TestCase

from wagtail.models import Collection, Locale
from wagtail.test.utils import WagtailPageTestCase

from demo.translation import translate_with_table
from home.models import HomePage, StandardPage
from news.models import EventFormat, EventIndexPage, EventPage, NewsIndexPage, NewsPage
from tests.consultations.factories import ConsultationPageFactory
from tests.documents.factories import RegistryDocumentFactory
from tests.factories import StandardPageFactory, publish
from tests.news.factories import EventIndexPageFactory, EventPageFactory, NewsIndexPageFactory, NewsPageFactory
from tests.tree_rules import assert_children, assert_parents

LATIN = "sr-latn"


class TestTreeRules(WagtailPageTestCase):
    def test_news_index_lives_under_home_and_holds_only_news(self):
        assert_parents(self, NewsIndexPage, allowed=[HomePage], refused=[StandardPage, NewsIndexPage])
        assert_children(self, NewsIndexPage, allowed=[NewsPage], refused=[EventPage, StandardPage])

    def test_news_items_live_only_under_the_news_index(self):
        assert_parents(self, NewsPage, refused=[HomePage, StandardPage, EventIndexPage, NewsPage])

    def test_event_index_lives_under_home_and_holds_only_events(self):
        assert_parents(self, EventIndexPage, allowed=[HomePage], refused=[StandardPage])
        assert_children(self, EventIndexPage, allowed=[EventPage], refused=[NewsPage])

    def test_events_live_only_under_the_event_index(self):
        assert_parents(self, EventPage, refused=[HomePage, NewsIndexPage, EventPage])


@pytest.mark.django_db
def test_home_holds_one_news_index_and_one_event_index(home_page):
    NewsIndexPageFactory(parent=home_page)
    EventIndexPageFactory(parent=home_page)
    assert not NewsIndexPage.can_create_at(home_page)
    assert not EventIndexPage.can_create_at(home_page)


@pytest.mark.django_db
def test_an_event_may_not_end_before_it_starts(home_page):
    index = EventIndexPageFactory(parent=home_page)
    starts = datetime.datetime(2025, 5, 20, 10, 0, tzinfo=datetime.UTC)
    event = EventPage(
        title="Обука", lead="Обука.", place="Нови Сад", format=EventFormat.TRAINING, starts_at=starts, ends_at=starts
    )
    index.add_child(instance=event)  # ending when it starts is allowed (a deadline-like moment)

    event.ends_at = starts - datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "ends_at" in error.value.message_dict


@pytest.mark.django_db
def test_an_event_belongs_only_to_a_consultation_or_a_call(home_page):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, published=False)
    event.related_page = StandardPageFactory(parent=home_page)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "related_page" in error.value.message_dict

    event.related_page = ConsultationPageFactory(home=home_page)
    event.full_clean()


@pytest.mark.django_db
def test_a_lead_image_needs_its_alternative_text(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    page = NewsPageFactory(parent=index, published=False)
    page.lead_image = wagtail_factories.ImageFactory()
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "lead_image_alt" in error.value.message_dict

    page.lead_image_alt = "Сала Креативног дистрикта пуна учесника"
    page.full_clean()


@pytest.mark.django_db
def test_news_page_renders_its_date_lead_image_body_topics_and_documents(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    document = RegistryDocumentFactory(title="Јавни позив за финансирање програма 2025")
    page = NewsPageFactory(
        parent=index,
        title="Расписан конкурс за удружења",
        lead="Град расписује јавни конкурс за програме удружења.",
        date=datetime.date(2025, 3, 3),
        lead_image=wagtail_factories.ImageFactory(),
        lead_image_alt="Представници удружења на састанку",
        body=[{"type": "paragraph", "value": "<p>Рок за пријаве је 30 дана.</p>"}],
        related_documents=[("document", document)],
        topics=["конкурс", "финансирање"],
    )

    html = client.get(page.url).content.decode()

    assert html.count("<h1") == 1
    assert '<time datetime="2025-03-03">3. 3. 2025.</time>' in html
    assert "Град расписује јавни конкурс за програме удружења." in html
    assert 'alt="Представници удружења на састанку"' in html
    assert "Рок за пријаве је 30 дана." in html
    assert f'href="{document.get_absolute_url()}"' in html
    assert "Јавни позив за финансирање програма 2025" in html
    assert f'href="{index.url}?topic=' in html and ">конкурс</a>" in html


@pytest.mark.django_db
def test_documents_in_a_restricted_collection_are_not_linked(client, home_page):
    private = Collection.get_first_root_node().add_child(name="Интерно")
    private.view_restrictions.create(restriction_type="login")
    secret = RegistryDocumentFactory(title="Интерна белешка", collection=private)
    index = NewsIndexPageFactory(parent=home_page)
    page = NewsPageFactory(parent=index, related_documents=[("document", secret)])

    assert "Интерна белешка" not in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_event_page_shows_when_where_format_and_add_to_calendar(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    consultation = ConsultationPageFactory(home=home_page, title="Нацрт одлуке о удружењима")
    starts = datetime.datetime(2031, 4, 10, 10, 0, tzinfo=datetime.UTC)  # 12:00 in Novi Sad (summer time)
    event = EventPageFactory(
        parent=index,
        title="Јавна расправа о нацрту",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        format=EventFormat.PUBLIC_HEARING,
        place="Скупштина Града, Жарка Зрењанина 2",
        agenda=[{"type": "paragraph", "value": "<ol><li>Представљање нацрта</li></ol>"}],
        related_page=consultation,
    )

    html = client.get(event.url).content.decode()

    assert '<time datetime="2031-04-10T12:00:00+02:00">10. 4. 2031. 12:00</time>' in html
    assert '<time datetime="2031-04-10T14:00:00+02:00">14:00</time>' in html
    assert "Скупштина Града, Жарка Зрењанина 2" in html
    assert "јавна расправа" in html.lower()
    assert "Представљање нацрта" in html
    assert f'href="{consultation.url}">Нацрт одлуке о удружењима</a>' in html
    assert f'href="/sr-cyrl/calendar/events/{event.pk}.ics"' in html


@pytest.mark.django_db
def test_past_event_lists_its_materials_and_drops_add_to_calendar(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    minutes = RegistryDocumentFactory(title="Записник са округлог стола")
    event = EventPageFactory(parent=index, starts_in=-datetime.timedelta(days=3), materials=[("document", minutes)])

    html = client.get(event.url).content.decode()

    assert "Записник са округлог стола" in html
    assert f'href="{minutes.get_absolute_url()}"' in html
    assert "add-to-calendar" not in html


@pytest.mark.django_db
def test_latin_twins_of_news_and_events_render_in_latin(client, home_page):
    publish(home_page)
    news = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=home_page),
        title="Канцеларија у Креативном дистрикту",
        lead="Сели смо у нове просторије.",
        topics=["просторије"],
    )
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page), title="Округли сто о сарадњи", place="Нови Сад"
    )
    latin = Locale.objects.get(language_code=LATIN)

    news_twin = news.get_translation(latin)
    html = client.get(news_twin.url).content.decode()
    assert news_twin.url.startswith("/sr-latn/")
    assert "<h1>Kancelarija u Kreativnom distriktu</h1>" in html
    assert "Seli smo u nove prostorije." in html
    assert ">prostorije</a>" in html, "topics are shown in the page's script"

    event_twin = event.get_translation(latin)
    html = client.get(event_twin.url).content.decode()
    assert "<h1>Okrugli sto o saradnji</h1>" in html and "Novi Sad" in html
    assert f'href="/sr-latn/calendar/events/{event_twin.pk}.ics"' in html

    for index in (news.get_parent(), event.get_parent()):
        html = client.get(index.get_translation(latin).url).content.decode()
        assert "Kancelarija u Kreativnom distriktu" in html or "Okrugli sto o saradnji" in html


def translate(page, locale, table):
    """Translate like the demo does, running what waits for the commit (the translation's publish)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_with_table(page, locale, table)


@pytest.mark.django_db
def test_english_translations_render_with_english_interface(client, home_page):
    english = Locale.objects.get(language_code="en")
    translate(home_page, english, {"Почетна": "Home", home_page.intro: "The Office.", "home": "home"})
    index = EventIndexPageFactory(parent=home_page)
    translate(index, english, {"Догађаји": "Events", index.intro: "Round tables.", index.slug: "events"})
    event = EventPageFactory(parent=index, title="Обука за удружења", lead="Обука о пројектима.", place="Нови Сад")
    translate(
        event,
        english,
        {
            "Обука за удружења": "Training for associations",
            "Обука о пројектима.": "A training on projects.",
            "Нови Сад": "Novi Sad",
            event.slug: "training-for-associations",
        },
    )

    html = client.get("/en/events/").content.decode()
    assert "<h1>Events</h1>" in html
    assert "Training for associations" in html and "Upcoming events" in html
    html = client.get("/en/events/training-for-associations/").content.decode()
    assert "A training on projects." in html and "Add to calendar" in html


# What an editor types into the admin's "add page" forms (no inline rows).
NEW_EVENT_FORM = {
    "title": "Јавна расправа",
    "slug": "јавна-расправа",
    "starts_at": "2031-05-10 10:00",
    "ends_at": "2031-05-10 12:00",
    "place": "Градска кућа",
    "format": "public_hearing",
    "lead": "Расправа о нацрту.",
    "agenda-count": "0",
    "materials-count": "0",
}
NEW_NEWS_FORM = {
    "title": "Нова вест",
    "slug": "nova-vest",
    "date": "2025-06-01",
    "lead": "Увод.",
    "lead_image_alt": "",
    "body-count": "0",
    "related_documents-count": "0",
    "tags": "конкурс, обука",
}


@pytest.mark.django_db
def test_editor_can_create_an_event_linked_to_a_consultation_or_call(admin_client, home_page):
    index = EventIndexPageFactory(parent=home_page)

    form = admin_client.get(f"/admin/pages/add/news/eventpage/{index.pk}/")
    assert form.status_code == 200
    html = form.content.decode()
    assert "consultations.consultationpage" in html and "calls.callpage" in html, "the chooser offers both types"

    consultation = ConsultationPageFactory(home=home_page)
    response = admin_client.post(
        f"/admin/pages/add/news/eventpage/{index.pk}/", {**NEW_EVENT_FORM, "related_page": str(consultation.pk)}
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    event = EventPage.objects.get(title="Јавна расправа")
    assert event.slug == "javna-rasprava"
    assert event.related_page_id == consultation.pk
    assert event.starts_at == datetime.datetime(2031, 5, 10, 8, 0, tzinfo=datetime.UTC), "typed in Novi Sad time"


@pytest.mark.django_db
def test_editor_can_create_a_news_item_with_topics(admin_client, home_page):
    index = NewsIndexPageFactory(parent=home_page)

    response = admin_client.post(f"/admin/pages/add/news/newspage/{index.pk}/", NEW_NEWS_FORM)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = NewsPage.objects.get(title="Нова вест")
    assert sorted(tag.name for tag in page.tags.all()) == ["конкурс", "обука"]


@pytest.mark.django_db
def test_an_english_news_page_shows_its_serbian_topics_in_latin_marked_as_serbian(client, home_page):
    publish(home_page)
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), topics=["просторије"])
    english = Locale.objects.get(language_code="en")
    for page in [home_page, news.get_parent().specific]:
        publish(page.copy_for_translation(english))
    translation = news.copy_for_translation(english)
    translation.title = "The office moves"
    publish(translation)

    html = client.get(translation.url).content.decode()

    assert 'lang="sr-Latn">prostorije</a>' in html
    assert "просторије" not in html
    index_html = client.get(translation.get_parent().url).content.decode()
    assert '<span lang="sr-Latn">prostorije</span>' in index_html
