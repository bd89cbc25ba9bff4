"""The whole-page cache for anonymous visitors (core/page_cache/): served without SQL, emptied by
every change a page can show, never holding what belongs to one visitor."""

import datetime
import re

import pytest
from freezegun import freeze_time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale

from consultations import moderation
from consultations.models import Comment, CommentState, hash_token
from consultations.submission import read_form_token
from core.page_cache.generation import start_new_generation
from home.models import OfficeSettings, UsefulLink
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.consultations.helpers import (
    comment_data,
    fetched_form_parts,
    form_token_url,
    post_comment,
    solve_independently,
)
from tests.factories import StandardPageFactory, cyrillic_locale, publish

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN_INPUT = re.compile(r'name="form_token" value="([^"]+)"')


@pytest.fixture
def page_cache(settings, db):
    """The cache on, as production runs it, starting from a generation no other test used."""
    settings.PAGE_CACHE_SECONDS = 300
    start_new_generation()


@pytest.fixture
def standard_page(home_page):
    return publish(StandardPageFactory(parent=home_page, title="О Канцеларији", intro="Први увод."))


def get_twice(client, url):
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    return first, second, len(queries)


def test_an_anonymous_visitor_gets_a_cached_page_with_the_same_body_and_no_sql_query(page_cache, standard_page):
    first, second, queries = get_twice(Client(), standard_page.url)
    assert first.status_code == second.status_code == 200
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert queries == 0
    assert "public" in second["Cache-Control"] and "s-maxage=" in second["Cache-Control"]


def test_every_language_is_cached_under_its_own_address(page_cache, standard_page):
    latin = standard_page.get_translation(Locale.objects.get(language_code="sr-latn"))
    cyrillic_first, cyrillic_second, _ = get_twice(Client(), standard_page.url)
    latin_first, latin_second, queries = get_twice(Client(), latin.url)
    assert latin_second["X-Page-Cache"] == "hit" and queries == 0
    assert "O Kancelariji" in latin_second.content.decode()
    assert "О Канцеларији" in cyrillic_second.content.decode()


def test_publishing_an_edit_changes_the_next_anonymous_response(page_cache, standard_page):
    visitor = Client()
    assert "Први увод." in visitor.get(standard_page.url).content.decode()
    standard_page.intro = "Измењени увод."
    publish(standard_page)
    answer = visitor.get(standard_page.url)
    assert answer["X-Page-Cache"] == "miss"
    assert "Измењени увод." in answer.content.decode()


def unpublish(page, home_page):
    page.unpublish()


def delete(page, home_page):
    page.delete()


def move(page, home_page):
    other = publish(StandardPageFactory(parent=home_page, title="Друга страница"))
    page.move(other, pos="last-child")


@pytest.mark.parametrize(
    ("change", "status_after"),
    [(unpublish, 404), (delete, 404), (move, 301)],  # a moved page's old address redirects to the new one
    ids=["unpublish", "delete", "move"],
)
def test_unpublishing_deleting_or_moving_a_page_empties_the_cache(
    page_cache, standard_page, home_page, change, status_after
):
    visitor = Client()
    url = standard_page.url
    assert visitor.get(url).status_code == 200
    assert visitor.get(url)["X-Page-Cache"] == "hit"
    change(standard_page, home_page)
    assert visitor.get(url).status_code == status_after


def test_saving_a_snippet_empties_the_cache(page_cache, standard_page):
    visitor = Client()
    assert "Регистар удружења" not in visitor.get(standard_page.url).content.decode()
    UsefulLink.objects.create(title="Регистар удружења", url="https://apr.gov.rs/", locale=cyrillic_locale())
    assert "Регистар удружења" in visitor.get(standard_page.url).content.decode()


def test_saving_a_setting_empties_the_cache(page_cache, standard_page):
    visitor = Client()
    visitor.get(standard_page.url)
    office = OfficeSettings.objects.get()
    office.address = "Жарка Зрењанина 2, Нови Сад"
    office.save()
    assert "Жарка Зрењанина 2, Нови Сад" in visitor.get(standard_page.url).content.decode()


def test_publishing_a_comment_empties_the_cache_and_an_unconfirmed_one_does_not(page_cache, home_page):
    consultation = ConsultationPageFactory(home=home_page)
    index_url = consultation.get_parent().url
    visitor = Client()
    assert "1 published comment" not in visitor.get(index_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    comment = CommentFactory(consultation=consultation, article=None, state=CommentState.UNCONFIRMED)
    assert visitor.get(index_url)["X-Page-Cache"] == "hit"  # a comment nobody confirmed shows nowhere
    comment.state = CommentState.CONFIRMED
    comment.save()
    editor = get_user_model().objects.create_superuser("urednica", "urednica@example.org", "x")
    moderation.publish([comment], editor)
    answer = visitor.get(index_url)
    assert answer["X-Page-Cache"] == "miss"
    assert "1 објављен коментар" in answer.content.decode()


def test_a_cached_page_expires_when_a_consultation_opens_by_the_clock(page_cache, home_page):
    consultation = ConsultationPageFactory(home=home_page, opens_in=datetime.timedelta(minutes=10))
    visitor = Client()
    upcoming = visitor.get(consultation.url)
    assert visitor.get(consultation.url)["X-Page-Cache"] == "hit"
    shared_max_age = int(re.search(r"s-maxage=(\d+)", upcoming["Cache-Control"])[1])
    assert 0 < shared_max_age <= 600  # a shared cache keeps it no longer either
    assert 'name="form_token"' not in upcoming.content.decode()
    with freeze_time(consultation.opens_at + datetime.timedelta(seconds=1)):
        opened = visitor.get(consultation.url)
        assert opened["X-Page-Cache"] == "miss"  # not the upcoming page's copy
        assert 'name="form_token"' in opened.content.decode()
        assert visitor.get(consultation.url)["X-Page-Cache"] == "hit"  # the open page, with its form, is shared


def test_a_signed_in_editor_and_a_visitor_with_a_session_bypass_the_cache(page_cache, standard_page):
    Client().get(standard_page.url)  # cached for anonymous visitors
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("urednik", "urednik@example.org", "x"))
    for visitor in (editor, Client(headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}=nepoznata-sesija"})):
        answer = visitor.get(standard_page.url)
        assert answer.status_code == 200
        assert "X-Page-Cache" not in answer
        assert "private" in answer["Cache-Control"]


def test_a_post_is_never_answered_from_the_cache_nor_stored(page_cache, standard_page):
    visitor = Client()
    visitor.get(standard_page.url)
    answer = visitor.post(standard_page.url, {"anything": "1"})
    assert "X-Page-Cache" not in answer
    assert visitor.get(standard_page.url)["X-Page-Cache"] == "hit"


def test_an_open_consultation_is_a_cache_hit_holding_no_visitors_token_challenge_or_cookie(page_cache, home_page):
    consultation = ConsultationPageFactory(home=home_page)
    first = Client().get(consultation.url)
    with CaptureQueriesContext(connection) as queries:
        second = Client().get(consultation.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit") and len(queries) == 0
    assert "public" in second["Cache-Control"] and "s-maxage=" in second["Cache-Control"]
    body = second.content.decode()
    assert 'name="form_token"' in body and not FORM_TOKEN_INPUT.search(body), "the field is there, empty"
    assert not CSRF_INPUT.search(body) and "data-challenge=" not in body
    assert not first.cookies and not second.cookies and "Set-Cookie" not in second


def test_each_visitor_fetches_a_token_of_their_own_that_is_never_cached(page_cache, home_page):
    consultation = ConsultationPageFactory(home=home_page)
    shared = Client().get(consultation.url).content.decode()
    answers = [Client().get(form_token_url(consultation)) for _visitor in range(3)]
    tokens = [answer.json()["form_token"] for answer in answers]
    assert len(set(tokens)) == 3 and not any(token in shared for token in tokens)
    for answer in answers:
        assert "X-Page-Cache" not in answer
        assert {"private", "no-store"} <= {part.strip() for part in answer["Cache-Control"].split(",")}
    assert Client().get(consultation.url)["X-Page-Cache"] == "hit", "fetching tokens changes nothing shared"


def test_a_comment_sent_from_the_cached_page_is_stored_confirmed_and_receipted(page_cache, home_page):
    """The whole journey of a visitor of the shared page: token fetched, proof solved, send, confirm, receipt."""
    consultation = ConsultationPageFactory(home=home_page, article_count=3)
    visitor = Client(enforce_csrf_checks=True)  # no CSRF cookie: the cached page gave none
    Client().get(consultation.url)
    assert visitor.get(consultation.url)["X-Page-Cache"] == "hit"
    with freeze_time(datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)):
        token, challenge = fetched_form_parts(visitor, consultation)
    data = comment_data(consultation, form_token=token, proof=solve_independently(challenge))
    sent = post_comment(visitor, consultation, data, HTTP_ORIGIN="http://testserver")
    assert sent.status_code == 200 and "no-store" in sent["Cache-Control"]
    comment = Comment.objects.get()
    assert comment.submission_token == read_form_token(token)["t"]

    link = re.search(r"https?://\S+/potvrda/\S+/", mail.outbox[0].body).group(0)
    button_page = visitor.get(link)  # Django's own form, private: it brings its CSRF token and cookie
    csrf = CSRF_INPUT.search(button_page.content.decode())[1]
    with TestCase.captureOnCommitCallbacks(execute=True):
        receipt = visitor.post(link, {"csrfmiddlewaretoken": csrf}, follow=True)
    assert "/prijem/" in receipt.redirect_chain[-1][0] and "X-Page-Cache" not in receipt
    assert Comment.objects.get().state == CommentState.CONFIRMED


def test_receipts_confirmations_previews_and_the_admin_are_private_and_never_stored(page_cache, home_page):
    consultation = ConsultationPageFactory(home=home_page)
    token = "potvrda-za-test-1234567890"
    CommentFactory(consultation=consultation, article=None, confirmation_token_hash=hash_token(token))
    confirm_url = consultation.url + consultation.reverse_subpage("confirm", args=[token])
    receipt_url = consultation.url + consultation.reverse_subpage("receipt", args=[token])
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("urednica", "urednica@example.org", "x"))
    answers = {
        "confirmation": Client().get(confirm_url),
        "receipt": Client().get(receipt_url),
        "admin": editor.get(reverse("wagtailadmin_home")),
        "preview": editor.get(reverse("wagtailadmin_pages:view_draft", args=[consultation.pk])),
    }
    for name, answer in answers.items():
        assert answer.status_code == 200, name
        directives = {part.strip() for part in answer["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, (name, answer["Cache-Control"])
        assert "X-Page-Cache" not in answer, name


def test_with_page_cache_seconds_zero_nothing_is_stored(settings, standard_page):
    settings.PAGE_CACHE_SECONDS = 0
    visitor = Client()
    visitor.get(standard_page.url)
    with CaptureQueriesContext(connection) as queries:
        answer = visitor.get(standard_page.url)
    assert "X-Page-Cache" not in answer and len(queries) > 0
