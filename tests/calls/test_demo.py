"""The demo calls: one open with its two forms, one closed with six awards and its decision, built once.

The session's demo site (tests/demo_snapshot.py) was built by the demo command's code in autocommit;
each test gets it back inside its own transaction.
"""

from decimal import Decimal

import pytest

from wagtail.models import Locale, Page

from calls.models import Award, CallIndexPage, CallPage, CallStatus, FundingArea, FundingTransparencyPage
from demo.builder import ensure_locales
from demo.calls import CLOSED, OPEN, build_demo_calls


@pytest.fixture
def demo(demo_site) -> CallIndexPage:
    return CallIndexPage.objects.get(locale__language_code="sr-cyrl")


def call(title) -> CallPage:
    return CallPage.objects.get(title=title, locale__language_code="sr-cyrl")


def test_demo_calls_are_idempotent(demo):
    counts = (Page.objects.count(), Award.objects.count(), FundingArea.objects.count())
    build_demo_calls(demo.get_parent().specific, ensure_locales())
    assert (Page.objects.count(), Award.objects.count(), FundingArea.objects.count()) == counts


def test_index_and_transparency_page_exist_in_three_languages(client, demo):
    english = Locale.objects.get(language_code="en")
    assert (demo.title, demo.slug) == ("Јавни конкурси", "javni-konkursi")
    assert demo.get_translation(english).slug == "calls"
    transparency = FundingTransparencyPage.objects.get(locale__language_code="sr-cyrl")
    assert transparency.title == "Транспарентност финансирања"
    assert transparency.get_translation(english).slug == "funding-transparency"
    for url in ("/sr-cyrl/javni-konkursi/", "/sr-latn/javni-konkursi/", "/en/calls/", "/en/funding-transparency/"):
        assert client.get(url).status_code == 200, url


def test_open_call_offers_two_forms_from_the_registry(client, demo):
    page = call(OPEN["title"][0])
    assert page.status() == CallStatus.OPEN
    forms = [block.value for block in page.application_documents]
    assert [form.file_extension for form in forms] == ["docx", "pdf"]
    assert {form.document_type.name for form in forms} == {"Образац"}
    html = client.get("/en/calls/culture-programmes-2026/").content.decode()
    assert "Public call for financing programmes of associations in the field of culture 2026" in html
    for form in forms:
        assert f'href="{form.url}" download' in html


def test_closed_call_publishes_six_awards_and_its_decision(client, demo):
    page = call(CLOSED["title"][0])
    assert page.status() == CallStatus.RESULTS
    assert page.decision.document_type.name == "Решење"
    assert page.awards.count() == 6
    awarded = sum(page.awards.values_list("amount_awarded", flat=True))
    assert awarded == Decimal("3900000") <= page.total_amount
    assert all(award.amount_awarded <= page.max_per_project for award in page.awards.all())
    html = client.get("/sr-cyrl/transparentnost-finansiranja/").content.decode()
    assert "3.900.000 RSD" in html


def test_demo_index_lists_the_open_call_first(client, demo):
    response = client.get("/sr-cyrl/javni-konkursi/")
    assert [page.title for page in response.context["results"]] == [OPEN["title"][0], CLOSED["title"][0]]
    assert CallIndexPage.objects.filter(locale__language_code="sr-cyrl").count() == 1
