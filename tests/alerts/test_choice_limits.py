"""A subscriber may narrow alerts to some topics and document types, up to a limit, told in their own language."""

import pytest

from django.utils import translation

from alerts.forms import SubscribeForm
from alerts.models import MAX_DOCUMENT_TYPES, MAX_TOPICS
from tests.documents.factories import DocumentTypeFactory
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def document_type_ids(count: int, home_page) -> list[int]:
    return [document_type.pk for document_type in DocumentTypeFactory.create_batch(count)]


def topic_ids(count: int, home_page) -> list[int]:
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), topics=[f"тема {n}" for n in range(count)])
    return list(news.tags.values_list("pk", flat=True))


def form_with(field: str, ids: list[int]) -> SubscribeForm:
    data = {"email": "jovana@udruzenje.example", "news": "on", "documents": "on", "frequency": "weekly", field: ids}
    return SubscribeForm(data=data)


@pytest.mark.parametrize(
    ("field", "ids_of", "limit", "error"),
    [
        ("document_types", document_type_ids, MAX_DOCUMENT_TYPES, "Изаберите највише 20 врста докумената."),
        ("news_topics", topic_ids, MAX_TOPICS, "Изаберите највише 20 тема."),
    ],
)
def test_more_choices_than_the_limit_are_refused_in_the_visitors_language_and_the_limit_itself_is_accepted(
    home_page, field, ids_of, limit, error
):
    ids = ids_of(limit + 1, home_page)

    with translation.override("sr-cyrl"):
        too_many = form_with(field, ids)
        assert not too_many.is_valid()
        assert too_many.errors[field] == [error]
        assert form_with(field, ids[:limit]).is_valid()


def test_choosing_no_topic_and_no_document_type_is_valid_and_means_all(home_page):
    form = form_with("news_topics", [])

    assert form.is_valid(), form.errors
    assert not form.cleaned_data["news_topics"] and not form.cleaned_data["document_types"]
