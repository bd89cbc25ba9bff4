"""The open consultation's page is shared by every visitor (page cache, Varnish): its form holds nothing of one
visitor's, the token comes from an uncached route, the send is checked by its origin instead of a CSRF cookie,
and a visitor without JavaScript still comments, in two sends, losing nothing."""

import datetime
import re

import pytest
from freezegun import freeze_time

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from consultations.models import Comment, CommentState
from tests.consultations.factories import ConsultationPageFactory
from tests.consultations.helpers import comment_data, form_token_url, post_comment
from tests.factories import StandardPageFactory, publish
from tests.html_dom import parse, text_content
from tests.module_rows import home_page_of_the_module, once_per_module

pytestmark = pytest.mark.django_db

SITE = "http://testserver"  # the test client's own origin
CROSS_SITE_MESSAGE = "Овај образац је послат са другог веб-сајта, па ништа није сачувано."
SEND_AGAIN_NOTE = "Ваш коментар још није послат. Проверите га и пошаљите још једном."
OTHER_TEXT_REFUSAL = "Овај образац је већ послат с другим текстом, па овај текст није сачуван."


@once_per_module
def consultation(module_rows):
    return ConsultationPageFactory(
        home=module_rows.home_page(),
        title="Нацрт одлуке о заједничкој страници",
        article_count=3,
    )


home_page = home_page_of_the_module()


def strict_browser() -> Client:
    """A browser as a fresh visitor of the cached page has one: Django's CSRF check on, and no cookie at all."""
    return Client(enforce_csrf_checks=True)


def field_value(content, name: str) -> str | None:
    for element in parse(content).iter():
        if element.tag in ("input", "textarea") and element.get("name") == name:
            return element.get("value") if element.tag == "input" else text_content(element)
    return None


def test_an_anonymous_visitor_gets_the_form_without_token_challenge_or_csrf_token(consultation):
    response = Client().get(consultation.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="form_token"' in content and field_value(content, "form_token") in (None, "")
    assert "data-challenge=" not in content and "csrfmiddlewaretoken" not in content
    assert not response.cookies, "the shared page sets no cookie"
    assert "public" in response["Cache-Control"] and "no-store" not in response["Cache-Control"]
    assert {"contact_email", "justification", "respondent_type", "privacy"} <= {
        element.get("name") for element in parse(content).iter() if element.tag in ("input", "textarea", "select")
    }, "every field is on the shared page"


def test_the_token_route_gives_each_visitor_their_own_token_and_is_never_stored(consultation):
    answers = [Client().get(form_token_url(consultation)) for _visitor in range(2)]
    for answer in answers:
        directives = {part.strip() for part in answer["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, answer["Cache-Control"]
        assert answer["Content-Type"] == "application/json" and "noindex" in answer["X-Robots-Tag"]
    first, second = (answer.json() for answer in answers)
    assert first["form_token"] != second["form_token"]
    assert first["challenge"]["salt"] != second["challenge"]["salt"]


def test_the_token_route_of_a_closed_consultation_is_not_found(home_page):
    closed = ConsultationPageFactory(
        home=home_page, opens_in=-datetime.timedelta(days=20), closes_in=-datetime.timedelta(days=1)
    )
    assert Client().get(form_token_url(closed)).status_code == 404


def test_a_same_origin_send_without_a_csrf_cookie_is_accepted(consultation):
    browser = strict_browser()
    token = browser.get(form_token_url(consultation)).json()["form_token"]
    with freeze_time(datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=1)):  # past the fill time
        response = post_comment(browser, consultation, comment_data(consultation, form_token=token), HTTP_ORIGIN=SITE)
    assert response.status_code == 200
    assert "Проверите е-пошту" in response.content.decode()
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://napadac.example"},
        {"HTTP_ORIGIN": "null"},  # a sandboxed frame or a page that hides its address
        {"HTTP_REFERER": "https://napadac.example/obrazac.html"},
        {"secure": True},  # over HTTPS a send naming no origin at all is refused, as Django's own check does
    ],
    ids=["other-origin", "null-origin", "other-referer", "https-without-origin"],
)
def test_a_send_from_another_site_is_refused_with_a_message_and_nothing_stored(consultation, headers):
    response = post_comment(strict_browser(), consultation, comment_data(consultation), **headers)
    assert response.status_code == 403
    content = response.content.decode()
    assert CROSS_SITE_MESSAGE in content
    assert Comment.objects.count() == 0 and not mail.outbox
    assert "Удружењима је потребно више времена" not in content, "nothing the other site sent is shown back"
    assert "no-store" in response["Cache-Control"]


def test_a_send_whose_referer_names_this_site_is_accepted(consultation):
    response = post_comment(
        strict_browser(), consultation, comment_data(consultation), HTTP_REFERER=SITE + consultation.url
    )
    assert response.status_code == 200 and Comment.objects.count() == 1


def test_other_page_routes_keep_djangos_csrf_check(consultation, home_page):
    """The exemption is the comment send's alone: the confirmation button and any other page still need the token."""
    token = "potvrda-bez-kolacica-1234567890"
    confirm_url = consultation.url + consultation.reverse_subpage("confirm", args=[token])
    standard = publish(StandardPageFactory(parent=home_page, title="Обична страница"))
    for url in (confirm_url, standard.url):
        assert strict_browser().post(url, {}, HTTP_ORIGIN=SITE).status_code == 403, url


def test_a_visitor_without_javascript_sends_twice_and_loses_nothing(consultation):
    browser = strict_browser()
    shared = browser.get(consultation.url)
    assert field_value(shared.content, "form_token") in (None, "")
    typed = comment_data(consultation, form_token="", proposed_wording="Рок је 30 дана.\r\nДруги став.")
    with freeze_time(datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)):
        first = post_comment(browser, consultation, typed, HTTP_ORIGIN=SITE)

    assert first.status_code == 200 and Comment.objects.count() == 0 and not mail.outbox
    assert SEND_AGAIN_NOTE in first.content.decode()
    assert {"private", "no-store"} <= {part.strip() for part in first["Cache-Control"].split(",")}
    for name in ("justification", "organisation_name", "registration_number", "contact_name", "contact_email"):
        assert field_value(first.content, name) == typed[name], name
    assert field_value(first.content, "proposed_wording") == "Рок је 30 дана.\nДруги став."
    token = field_value(first.content, "form_token")
    assert token, "a token of its own this time"
    assert "data-challenge=" in first.content.decode(), "its script solves the proof of work at once"

    second = post_comment(browser, consultation, {**typed, "form_token": token}, HTTP_ORIGIN=SITE)
    assert second.status_code == 200 and "Проверите е-пошту" in second.content.decode()
    comment = Comment.objects.get()
    assert comment.state == CommentState.UNCONFIRMED and comment.proposed_wording == "Рок је 30 дана.\nДруги став."
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("first_token", ["", "a-spent-or-forged-token"], ids=["without-token", "spent-token"])
def test_a_form_handed_back_to_send_once_more_may_be_sent_at_once_and_only_once(consultation, first_token):
    """The visitor filled the form before the first send: the fresh token's age is not the time they took."""
    browser = strict_browser()
    typed = comment_data(consultation, form_token=first_token)
    first = post_comment(browser, consultation, typed, HTTP_ORIGIN=SITE)
    token = field_value(first.content, "form_token")
    assert token and Comment.objects.count() == 0

    second = post_comment(browser, consultation, {**typed, "form_token": token}, HTTP_ORIGIN=SITE)

    assert second.status_code == 200 and "Проверите е-пошту" in second.content.decode()
    # Single use stays: the handed-back token cannot carry another text, and the same text is the same comment.
    other = {**typed, "form_token": token, "justification": "Сасвим други текст."}
    replayed = post_comment(browser, consultation, other, HTTP_ORIGIN=SITE)
    assert OTHER_TEXT_REFUSAL in " ".join(parse(replayed.content).itertext())
    assert post_comment(browser, consultation, {**typed, "form_token": token}, HTTP_ORIGIN=SITE).status_code == 200
    assert Comment.objects.get().justification == typed["justification"]


def test_a_token_from_the_token_route_sent_within_the_minimum_fill_time_is_refused(consultation, caplog):
    browser = strict_browser()
    token = browser.get(form_token_url(consultation), HTTP_ACCEPT="application/json").json()["form_token"]

    sent = post_comment(browser, consultation, comment_data(consultation, form_token=token), HTTP_ORIGIN=SITE)

    assert sent.status_code == 400 and Comment.objects.count() == 0
    assert "filled-too-fast" in " ".join(record.getMessage() for record in caplog.records)


def test_a_send_without_token_that_chose_a_file_is_asked_to_choose_it_again(consultation):
    pdf = SimpleUploadedFile("stav.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    first = post_comment(Client(), consultation, comment_data(consultation, form_token="", attachment=pdf))
    assert "Поново изаберите прилог" in first.content.decode()
    assert Comment.objects.count() == 0


def test_the_shared_page_tells_its_script_where_the_token_is(consultation):
    content = Client().get(consultation.url).content.decode()
    (form,) = [form for form in parse(content).iter("form") if form.get("method") == "post"]
    assert form.get("data-token-url") == form_token_url(consultation)
    assert re.search(r'<script src="[^"]*js/comment-proof\.js"', content)


def test_a_signed_in_editor_gets_the_form_with_its_token_and_a_private_page(consultation, admin_client):
    response = admin_client.get(consultation.url)
    assert field_value(response.content, "form_token")
    assert "data-challenge=" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
