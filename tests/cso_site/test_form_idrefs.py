"""Every label, ARIA relation and in-page link names an element that exists on the page.

A field whose aria-describedby names an id the page does not have is announced without its
help or its error; a label whose `for` names no field labels nothing. The check runs on the
comment form in each of its states, on the search page, and on every live page of the demo.
"""

import datetime
import re

import pytest
from freezegun import freeze_time

from django.core import mail
from django.test import TestCase
from django.utils import translation

from tests.consultations.factories import ConsultationPageFactory
from tests.consultations.helpers import comment_data, form_token
from tests.html_dom import broken_idrefs, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(home_page):
    return ConsultationPageFactory(home=home_page, title="Нацрт одлуке о приступачности образаца", article_count=3)


def post(client, url, data=None):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data or {})


def test_after_an_empty_submit_every_field_is_tied_to_its_help_and_its_error(client, consultation):
    # What a browser sends for an untouched form: its hidden token, the empty fields.
    response = post(client, consultation.url, {"form_token": form_token(), "website": ""})
    assert response.status_code == 400
    assert broken_idrefs(response.content) == []
    document = parse(response.content)
    described = {el.get("id") or el.get("name"): el.get("aria-describedby") for el in document.iter()}
    assert "id_justification_error" in described["id_justification"].split()
    assert "id_proposed_wording_helptext" in described["id_proposed_wording"].split()
    summary_links = [a.get("href") for a in document.iter("a") if (a.get("href") or "").startswith("#id_")]
    assert "#id_kind_0" in summary_links, "the summary links a radio group to its first choice"


def test_the_comment_form_pages_have_no_broken_idrefs(client, consultation, home_page):
    pages = {"form": client.get(consultation.url)}
    pages["invalid"] = post(client, consultation.url, comment_data(consultation, registration_number="1"))
    pages["submitted"] = post(client, consultation.url, comment_data(consultation))
    link = re.search(r"https?://\S+/potvrda/\S+/", mail.outbox[0].body).group(0)
    pages["confirm"] = client.get(link)
    with TestCase.captureOnCommitCallbacks(execute=True):
        pages["receipt"] = client.post(link, follow=True)
    closing = ConsultationPageFactory(home=home_page, closes_in=datetime.timedelta(minutes=5))
    with freeze_time(closing.closes_at + datetime.timedelta(seconds=1)):
        pages["refused-closed"] = post(client, closing.url, comment_data(closing))
    broken = {name: broken_idrefs(response.content) for name, response in pages.items()}
    assert broken == {name: [] for name in pages}


def test_the_search_page_has_no_broken_idrefs(client, home_page):
    for query in ("", "?q=закон", "?q=zakon&sort=newest"):
        response = client.get(f"/sr-cyrl/search/{query}")
        assert response.status_code == 200
        assert broken_idrefs(response.content) == [], query


def test_no_live_page_of_the_demo_has_broken_idrefs(client, demo_site):
    from wagtail.models import Page

    broken, checked = {}, 0
    # Each request activates its page's language; leave the test's own language as it was after.
    with translation.override(translation.get_language()):
        for page in Page.objects.live().filter(depth__gt=1).specific():
            url = page.get_url()
            if not url:
                continue
            response = client.get(url)
            if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                checked += 1
                if problems := broken_idrefs(response.content):
                    broken[url] = problems
    assert broken == {}
    # Not vacuous: the demo's pages (every type, three languages) answered and were read.
    assert checked >= 40, checked
