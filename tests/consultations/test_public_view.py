"""What the public sees of a consultation: the act, published comments as consented, never contacts."""

import datetime
import threading

import pytest

from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.models import Comment, CommentState, Consent, Decision, hash_token
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.consultations.helpers import comment_data, form_token
from tests.queries import queries_to_render

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def consultation(home_page):
    return ConsultationPageFactory(home=home_page, title="Нацрт одлуке", article_count=4)


@pytest.mark.django_db
def test_published_comments_appear_under_their_article_as_consented(client, consultation):
    third = consultation.articles.all()[2]
    CommentFactory(consultation=consultation, article=third, organisation_name="Удружење Јавно", consent=Consent.PUBLIC)
    CommentFactory(
        consultation=consultation, article=third, organisation_name="Удружење Тајно", consent=Consent.ANONYMOUS
    )
    CommentFactory(consultation=consultation, article=third, justification="Приватни текст", consent=Consent.PRIVATE)
    CommentFactory(
        consultation=consultation, article=third, justification="Чека модерацију", state=CommentState.CONFIRMED
    )
    CommentFactory(consultation=consultation, article=third, justification="Непотврђен", state=CommentState.UNCONFIRMED)

    response = client.get(consultation.url)
    html = response.content.decode()

    sections = response.context["sections"]
    assert [section.count for section in sections] == [0, 0, 0, 3, 0]
    assert "Удружење Јавно" in html
    assert "Удружење Тајно" not in html and "Име није објављено" in html
    for hidden in ("Приватни текст", "Чека модерацију", "Непотврђен"):
        assert hidden not in html
    assert "@" not in html.split("<footer")[0], "no e-mail address in the page body"
    assert "+381 21 123 456" not in html


@pytest.mark.django_db
def test_answers_appear_only_after_the_report_is_published(client, home_page):
    page = ConsultationPageFactory(
        home=home_page, closes_in=-datetime.timedelta(days=1), opens_in=-datetime.timedelta(days=9)
    )
    CommentFactory(
        consultation=page, article=None, decision=Decision.ACCEPTED, decision_reasons="Прихваћено у целости."
    )
    assert "Прихваћено у целости." not in client.get(page.url).content.decode()

    page.report_published_at = timezone.now()
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Прихваћено у целости." in html


@pytest.mark.django_db
def test_commenter_text_is_never_rendered_as_html(client, consultation):
    CommentFactory(
        consultation=consultation, article=None, organisation_name=XSS, justification=XSS, proposed_wording=XSS
    )
    html = client.get(consultation.url).content.decode()
    assert XSS not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_receipt_escapes_what_the_commenter_wrote(client, consultation):
    comment = CommentFactory(
        consultation=consultation,
        article=None,
        justification=XSS,
        state=CommentState.CONFIRMED,
        confirmation_token_hash=hash_token("tajna-samo-autora"),
    )
    receipt = consultation.url + consultation.reverse_subpage("receipt", args=["tajna-samo-autora"])
    html = client.get(receipt).content.decode()
    assert comment.tracking_number in html
    assert XSS not in html


@pytest.mark.django_db
def test_a_tracking_number_alone_does_not_open_the_receipt(client, consultation):
    """Tracking numbers are public in the report's manifest; the full text must not be."""
    comment = CommentFactory(consultation=consultation, article=None, consent=Consent.PRIVATE)
    response = client.get(consultation.url + consultation.reverse_subpage("receipt", args=[comment.tracking_number]))
    assert response.status_code == 404


@pytest.mark.django_db
def test_latin_twin_shows_the_same_comments_in_latin_script(client, consultation):
    CommentFactory(consultation=consultation, article=consultation.articles.first(), organisation_name="Удружење Мост")
    html = client.get("/sr-latn/" + consultation.url.split("/", 2)[2]).content.decode()
    assert "Član 1" in html
    assert "Udruženje Most" in html, "what the commenter wrote is shown in the page's script"
    assert "Удружење Мост" not in html


@pytest.mark.django_db
def test_consultation_with_many_comments_runs_a_fixed_number_of_queries(client, home_page):
    def queries_with(count: int) -> int:
        page = ConsultationPageFactory(home=home_page, article_count=10)
        articles = list(page.articles.all())
        for n in range(count):
            CommentFactory(consultation=page, article=articles[n % 10])
        return queries_to_render(client, page.url)

    few, many = queries_with(5), queries_with(500)
    assert few == many
    assert many <= 16


@pytest.mark.django_db
def test_index_lists_open_consultations_first_with_a_fixed_number_of_queries(client, home_page):
    closed = ConsultationPageFactory(
        home=home_page, title="Затворена", opens_in=-datetime.timedelta(days=20), closes_in=-datetime.timedelta(days=2)
    )
    soon = ConsultationPageFactory(home=home_page, title="Ускоро се затвара", closes_in=datetime.timedelta(days=2))
    later = ConsultationPageFactory(home=home_page, title="Касније се затвара", closes_in=datetime.timedelta(days=20))
    CommentFactory(consultation=soon, article=None)
    index = soon.get_parent()

    client.get(index.url)
    with CaptureQueriesContext(connection) as few:
        response = client.get(index.url)
    assert [page.title for page in response.context["consultations"]] == [soon.title, later.title, closed.title]
    assert response.context["consultations"][0].published_comments == 1
    for _ in range(10):
        ConsultationPageFactory(home=home_page)
    client.get(index.url)
    with CaptureQueriesContext(connection) as many:
        client.get(index.url)
    assert len(few) == len(many) <= 12


@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_submissions_of_one_form_store_one_comment(home_page):
    page = ConsultationPageFactory(home=home_page, article_count=3)
    data = comment_data(page, form_token=form_token(token="isti-token-deset-puta"))
    statuses = []

    def submit():
        try:
            statuses.append(Client().post(page.url, data).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [200] * 10, "every retry is told the comment was received"
    assert Comment.objects.count() == 1
