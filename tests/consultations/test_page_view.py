"""One reading of a consultation per request: the form, the display and the answers agree.

A Latin twin may lag behind its Cyrillic original (its copy of the dates and of the report's
publication is refreshed only when the original is published again). Whatever the twin holds,
the articles are the original's shown in the twin's script, and the state and the answers'
visibility are the original's, for the form, the display, the receipt and the report alike.
"""

import datetime
import secrets

import pytest

from django.test import TestCase
from django.utils import timezone

from consultations.forms import article_label
from consultations.models import Comment, CommentState, ConsultationPage, Decision, State, hash_token
from consultations.page_view import ConsultationView
from consultations.submission import Confirmation, Refusal, Rejected, check_abuse, confirm_comment
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.consultations.helpers import comment_data
from tests.module_rows import once_per_module

pytestmark = pytest.mark.django_db

ANSWER = "Прихваћено: рок се продужава на 30 дана."
# How a Latin page shows it (written out by hand, not by the transliterator under test).
ANSWER_IN_LATIN = "Prihvaćeno: rok se produžava na 30 dana."


def latin_twin(page) -> ConsultationPage:
    from wagtail.models import Locale

    return page.get_translation(Locale.objects.get(language_code="sr-latn")).specific


def lagging(twin, **fields) -> None:
    """The twin's own copy of the original's fields, as it was before the original changed."""
    ConsultationPage.objects.filter(pk=twin.pk).update(**fields)


def comment_with_token(consultation, **fields) -> str:
    """A comment on the draft as a whole; returns the raw token of its confirmation link and receipt."""
    token = secrets.token_urlsafe(24)
    CommentFactory(consultation=consultation, article=None, confirmation_token_hash=hash_token(token), **fields)
    return token


@once_per_module
def consultation(module_rows):
    return ConsultationPageFactory(home=module_rows.home_page(), title="Нацрт одлуке о једном извору", article_count=3)


def test_on_the_latin_twin_the_form_offers_the_articles_the_page_displays(client, consultation):
    twin = latin_twin(consultation)
    response = client.get(twin.url)

    displayed = [section.article for section in response.context["sections"][1:]]
    assert [article.heading for article in displayed] == ["Predmet 1", "Predmet 2", "Predmet 3"]
    choices = response.context["form"].fields["target"].choices[1:]
    assert [label for _value, label in choices] == [str(article_label(article)) for article in displayed]
    # Each choice sends the original's article, the one comments attach to in every language.
    assert [value for value, _label in choices] == [
        str(pk) for pk in consultation.articles.values_list("pk", flat=True)
    ]


def test_a_comment_sent_from_the_twin_attaches_to_the_originals_article(client, consultation):
    twin = latin_twin(consultation)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(twin.url, comment_data(consultation))

    assert response.status_code == 200
    comment = Comment.objects.get()
    assert comment.consultation_id == consultation.pk
    assert comment.article == consultation.articles.order_by("sort_order")[2]
    assert comment.target_label.startswith("Члан 3")


def test_an_original_article_the_twin_lacks_is_shown_and_offered_as_the_original(client, consultation):
    twin = latin_twin(consultation)
    twin.articles.filter(number="3").delete()

    response = client.get(twin.url)
    displayed = [section.article for section in response.context["sections"][1:]]
    assert [article.heading for article in displayed] == ["Predmet 1", "Predmet 2", "Предмет 3"]
    assert len(response.context["form"].fields["target"].choices) == 4


def test_the_twin_is_open_while_its_original_is_open_whatever_its_stale_dates_say(client, consultation):
    twin = latin_twin(consultation)
    lagging(twin, closes_at=timezone.now() - datetime.timedelta(days=1))

    response = client.get(twin.url)
    assert response.context["state"] == State.OPEN
    assert response.context["form"] is not None
    # The dates shown are the ones the state follows.
    closes = timezone.localtime(consultation.closes_at).strftime("%-d. %-m. %Y. %H:%M")
    assert closes in response.content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        sent = client.post(twin.url, comment_data(consultation))
    assert sent.status_code == 200 and Comment.objects.count() == 1


def test_the_twin_offers_no_form_once_its_original_closed(client, consultation):
    twin = latin_twin(consultation)
    ConsultationPage.objects.filter(pk=consultation.pk).update(closes_at=timezone.now() - datetime.timedelta(hours=1))

    response = client.get(twin.url)
    assert response.context["state"] == State.CLOSED
    assert response.context["form"] is None


@once_per_module
def closed(module_rows):
    return ConsultationPageFactory(
        home=module_rows.home_page(),
        opens_in=-datetime.timedelta(days=20),
        closes_in=-datetime.timedelta(days=2),
    )


@pytest.fixture
def answered(closed):
    """A closed consultation, one comment with the office's answer, and its receipt token.
    The comment is the test's own: the module's other tests count the comments there are."""
    return closed, comment_with_token(closed, decision=Decision.ACCEPTED, decision_reasons=ANSWER)


def receipt_of(client, twin, token):
    return client.get(twin.url + twin.reverse_subpage("receipt", args=[token]).lstrip("/"))


def test_answers_are_public_on_the_twin_page_its_receipt_and_its_report_alike(client, answered):
    page, token = answered
    twin = latin_twin(page)
    # The office publishes the report on the original; the twin has not been refreshed yet.
    ConsultationPage.objects.filter(pk=page.pk).update(report_published_at=timezone.now())
    lagging(twin, report_published_at=None)

    view = ConsultationView.of(twin)
    assert view.state == State.REPORTED and view.answers_public
    shown = client.get(twin.url)
    assert shown.context["answers_public"] is True
    assert ANSWER_IN_LATIN in shown.content.decode(), "the office's answer, in the twin's script"
    assert receipt_of(client, twin, token).context["answers_public"] is True
    assert client.get(twin.url + "izvestaj/").status_code == 200


def test_answers_stay_hidden_everywhere_until_the_originals_report_is_published(client, answered):
    page, token = answered
    twin = latin_twin(page)
    # A stale twin that claims a report the original never published (or withdrew) shows nothing.
    lagging(twin, report_published_at=timezone.now())

    shown = client.get(twin.url)
    assert shown.context["answers_public"] is False
    assert ANSWER_IN_LATIN not in shown.content.decode()
    assert receipt_of(client, twin, token).context["answers_public"] is False
    assert client.get(twin.url + "izvestaj/").status_code == 404


def test_the_view_reads_the_articles_once_and_hands_the_same_objects_to_form_and_display(consultation):
    view = ConsultationView.of(latin_twin(consultation))
    assert view.articles is view.articles
    assert [entry.shown.heading for entry in view.articles] == ["Predmet 1", "Predmet 2", "Predmet 3"]
    assert [entry.original.heading for entry in view.articles] == ["Предмет 1", "Предмет 2", "Предмет 3"]


def test_a_confirmation_reports_what_happened_as_an_enum_member(consultation):
    token = comment_with_token(
        consultation, state=CommentState.UNCONFIRMED, tracking_number=None, confirmed_at=None, published_at=None
    )

    assert confirm_comment("no-such-token") == (None, Confirmation.UNKNOWN)
    assert confirm_comment(token)[1] is Confirmation.CONFIRMED
    assert confirm_comment(token)[1] is Confirmation.ALREADY


def test_a_refusal_names_its_reason_as_an_enum_member_that_logs_as_before(rf):
    with pytest.raises(Rejected) as refused:
        check_abuse(rf.post("/"), {"website": "http://spam.example"}, {"at": 0, "t": "x"})

    assert refused.value.reason is Refusal.HONEYPOT
    assert f"{refused.value.reason}" == "honeypot"
    assert Refusal.BAD_OR_EXPIRED_FORM_TOKEN.spends_form_token
    assert not Refusal.HONEYPOT.spends_form_token
