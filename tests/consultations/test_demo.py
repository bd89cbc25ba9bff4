"""The demo consultations: one open (imported from its DOCX), one with its report, built once."""

from collections import Counter

import pytest

from wagtail.models import Locale, Page

from consultations.models import (
    Comment,
    CommentState,
    Consent,
    ConsultationIndexPage,
    ConsultationPage,
    DraftVersion,
    State,
    VersionArticle,
)
from core.registry_numbers import is_valid_registration_number
from demo.builder import ensure_locales
from demo.consultations import CLOSED, OPEN, build_demo_consultations
from documents.models import RegistryDocument

OPEN_TITLE, CLOSED_TITLE, OPEN_ARTICLES = OPEN["title"], CLOSED["title"], OPEN["articles"]


@pytest.fixture
def demo(demo_site) -> ConsultationIndexPage:
    """The session's demo site (tests/demo_snapshot.py), built in autocommit as the demo command builds it."""
    return ConsultationIndexPage.objects.get(locale__language_code="sr-cyrl")


def consultation(title) -> ConsultationPage:
    return ConsultationPage.objects.get(title=title, locale__language_code="sr-cyrl")


def states(page) -> Counter:
    return Counter(page.comments.values_list("state", flat=True))


def test_index_page_is_published_in_three_languages(demo):
    assert demo.live
    assert demo.title == "Јавне консултације"
    english = demo.get_translation(Locale.objects.get(language_code="en"))
    assert (english.title, english.slug, english.live) == ("Public consultations", "consultations", True)
    assert demo.get_translation(Locale.objects.get(language_code="sr-latn")).title == "Javne konsultacije"


def test_open_consultation_takes_its_articles_from_the_docx(demo):
    page = consultation(OPEN_TITLE)

    assert page.live
    assert page.state() == State.OPEN
    assert (page.closes_at - page.opens_at).days == 30
    document = page.import_from_docx
    assert document.file.name.endswith(".docx")
    assert document.document_type.name == "Нацрт акта"
    assert [block.value.pk for block in page.draft_files] == [document.pk]
    articles = list(page.articles.all())
    assert [a.number for a in articles] == [str(n) for n in range(1, len(OPEN_ARTICLES) + 1)]
    assert [a.heading for a in articles] == [article["heading"] for article in OPEN_ARTICLES]
    assert articles[1].text == "\n\n".join(OPEN_ARTICLES[1]["paragraphs"])


def test_open_consultation_has_a_comment_in_each_state(demo):
    page = consultation(OPEN_TITLE)

    assert states(page) == {CommentState.PUBLISHED: 2, CommentState.CONFIRMED: 1, CommentState.UNCONFIRMED: 1}
    assert set(page.comments.published().values_list("consent", flat=True)) == {Consent.PUBLIC, Consent.ANONYMOUS}
    unconfirmed = page.comments.get(state=CommentState.UNCONFIRMED)
    assert unconfirmed.tracking_number is None and unconfirmed.confirmed_at is None
    for comment in page.comments.confirmed():
        assert comment.tracking_number.startswith("JK-")
        assert comment.submitted_at < comment.confirmed_at
        assert page.opens_at <= comment.submitted_at
    for comment in page.comments.all():
        assert comment.text_sha256 and comment.fingerprint
        assert comment.contact_email.endswith("@example.org")
        assert is_valid_registration_number(comment.registration_number), comment.registration_number
        if comment.article:
            assert comment.target_label == f"Члан {comment.article.number}"
            assert comment.article.page_id == page.pk


def test_closed_consultation_has_its_report_and_every_comment_answered(demo):
    page = consultation(CLOSED_TITLE)

    assert page.state() == State.REPORTED
    assert page.report_intro
    assert page.articles.count() == 4
    assert states(page) == {CommentState.PUBLISHED: 8, CommentState.REJECTED: 1}
    assert page.comments.get(state=CommentState.REJECTED).rejection_reason == "off_topic"
    assert page.comments.filter(consent=Consent.PRIVATE).count() == 1
    assert page.comments.published().exclude(consent=Consent.PRIVATE).count() == 7
    assert set(page.comments.values_list("decision", flat=True)) == {"accepted", "partly", "not_accepted", "noted"}
    for comment in page.comments.all():
        assert comment.decision_reasons
        assert page.closes_at < comment.answered_at < page.report_published_at
        assert comment.submitted_at < page.closes_at


def test_latin_twin_of_the_open_consultation_is_live(demo):
    twin = consultation(OPEN_TITLE).get_translation(Locale.objects.get(language_code="sr-latn")).specific

    assert twin.live
    assert twin.title.startswith("Nacrt odluke o finansiranju programa")
    assert twin.articles.count() == len(OPEN_ARTICLES)
    assert twin.original.pk == consultation(OPEN_TITLE).pk


def test_building_twice_creates_nothing_new(demo):
    def counts():
        models = (Page, Comment, RegistryDocument, DraftVersion, VersionArticle)
        return tuple(model.objects.count() for model in models)

    before = counts()
    again = build_demo_consultations(ConsultationIndexPage.objects.get(pk=demo.pk).get_parent(), ensure_locales())

    assert again.pk == demo.pk
    assert counts() == before
    assert ConsultationPage.objects.filter(locale__language_code="sr-cyrl").count() == 2
