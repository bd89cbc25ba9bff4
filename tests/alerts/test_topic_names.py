"""The alerts form names news topics in the page's script: never Cyrillic on the Latin or English page."""

import re

import pytest

from django.test import TestCase

from alerts.models import Subscription
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile("[\u0400-\u04ff]")


@pytest.fixture
def topics(home_page):
    NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), topics=["конкурс", "Креативни дистрикт"])


def topic_labels(client, language) -> list[str]:
    html = client.get(f"/{language}/alerts/").content.decode()
    fieldset = html[html.index('id="id_news_topics"') :]
    fieldset = fieldset[: fieldset.index("</fieldset>")]
    return re.findall(r"<label for=\"id_news_topics_\d+\">([^<]*)</label>", fieldset)


@pytest.mark.parametrize("language", ["en", "sr-latn"])
def test_topic_names_are_latin_on_the_english_and_latin_forms(client, topics, language):
    labels = topic_labels(client, language)

    assert sorted(labels) == ["Kreativni distrikt", "konkurs"]
    assert not any(CYRILLIC.search(label) for label in labels)


def test_topic_names_stay_cyrillic_on_the_cyrillic_form(client, topics):
    assert sorted(topic_labels(client, "sr-cyrl")) == ["Креативни дистрикт", "конкурс"]


def test_a_topic_chosen_by_its_latin_name_subscribes_to_the_cyrillic_tag(client, topics):
    html = client.get("/en/alerts/").content.decode()
    value = re.search(r'value="(\d+)"[^>]*id="id_news_topics_\d+"[^>]*>\s*<label[^>]*>konkurs<', html).group(1)
    data = {"email": "jovana@udruzenje.example", "news": "on", "news_topics": value, "frequency": "instant"}

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/en/alerts/", data)

    assert response.status_code == 302
    assert [tag.name for tag in Subscription.objects.get().news_topics.all()] == ["конкурс"]
