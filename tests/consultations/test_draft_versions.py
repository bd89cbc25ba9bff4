"""A draft has versions: each revised draft is frozen, any two can be compared, and changes trace back to comments.

Version 1 is frozen when the consultation is first published; an editor publishes a revised draft
from the admin as version 2, 3, …; the page's `verzije/` routes list and compare them, in each
language, and end with the adopted act.
"""

import datetime
import importlib
import re

import pytest

from django.apps import apps as global_apps
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale

from consultations.models import Article, Comment, CommentState, Consent, Decision, DraftVersion
from consultations.versions import publish_revised_draft
from tests.calls.factories import translate_to_english
from tests.consultations.factories import CommentFactory, ConsultationPageFactory, StaffUserFactory
from tests.consultations.helpers import comment_data, logged_in, post_comment
from tests.documents.factories import RegistryDocumentFactory
from tests.module_rows import home_page_of_the_module, once_per_module
from tests.nu_checker import check_html_files
from tests.queries import queries_to_render

pytestmark = pytest.mark.django_db

OLD_TEXT = "Удружење подноси пријаву у року од 15 дана од дана објављивања јавног конкурса."
NEW_TEXT = "Удружење подноси пријаву у року од 30 дана од дана објављивања јавног конкурса на порталу Града."


def co_financing_consultation(home):
    page = ConsultationPageFactory(home=home, title="Нацрт одлуке о суфинансирању", article_count=3)
    articles_of(page).filter(sort_order=2).update(text=OLD_TEXT)
    DraftVersion.objects.filter(consultation=page).delete()  # frozen again below, with OLD_TEXT
    from consultations.versions import ensure_first_version

    ensure_first_version(page)
    return page


@once_per_module
def consultation(module_rows):
    return co_financing_consultation(module_rows.home_page())


home_page = home_page_of_the_module()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("urednica", "urednica@example.com", "x")


def articles_of(page):
    """The page's article rows as stored (a page object's own list may be a changed, unsaved copy)."""
    return Article.objects.filter(page_id=page.pk)


def revise(page, changes: dict[int, str]) -> None:
    """The editor's unpublished draft of the page, with article `sort_order` → new text."""
    draft = page.get_latest_revision_as_object()
    articles = list(draft.articles.all())
    for article in articles:
        if article.sort_order in changes:
            article.text = changes[article.sort_order]
    draft.articles = articles
    draft.save_revision()


def version_2(page, note="Рок за пријаве продужен на 30 дана.") -> DraftVersion:
    revise(page, {2: NEW_TEXT})
    with TestCase.captureOnCommitCallbacks(execute=True):
        return publish_revised_draft(page.specific_class.objects.get(pk=page.pk), None, note=note)


def frozen_texts(version) -> list[str]:
    original = version.consultation
    return list(version.articles.filter(locale=original.locale).values_list("text", flat=True))


def compare_url(page, old, new) -> str:
    return page.url + page.reverse_subpage("compare_versions", args=(old, new))


def test_publishing_a_consultation_freezes_its_articles_as_version_1(home_page):
    page = ConsultationPageFactory(home=home_page, article_count=2)

    version = page.draft_versions.get()
    assert version.number == 1
    assert frozen_texts(version) == ["Текст члана 1 нацрта одлуке.", "Текст члана 2 нацрта одлуке."]


def test_the_admin_action_publishes_version_2_and_version_1_keeps_its_articles(consultation, editor):
    revise(consultation, {2: NEW_TEXT})
    url = reverse("consultation_revised_draft", args=[consultation.pk])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = logged_in(editor).post(url, {"note": "Рок продужен на 30 дана."})

    assert response.status_code == 302
    first, second = consultation.draft_versions.order_by("number")
    assert (second.number, second.note) == (2, "Рок продужен на 30 дана.")
    assert frozen_texts(first)[1] == OLD_TEXT
    assert frozen_texts(second)[1] == NEW_TEXT
    # The revised text is what the page now shows (the current draft the comment form uses).
    assert articles_of(consultation).get(sort_order=2).text == NEW_TEXT

    articles_of(consultation).filter(sort_order=2).update(text="Сасвим нов текст после верзије 2.")
    assert frozen_texts(first)[1] == OLD_TEXT
    assert frozen_texts(second)[1] == NEW_TEXT


def test_reopening_the_comment_period_sets_the_pages_and_the_versions_period(home_page, editor):
    closed = ConsultationPageFactory(
        home=home_page, opens_in=datetime.timedelta(days=-40), closes_in=-datetime.timedelta(days=10)
    )
    closes = timezone.localtime() + datetime.timedelta(days=15)
    url = reverse("consultation_revised_draft", args=[closed.pk])
    with TestCase.captureOnCommitCallbacks(execute=True):
        logged_in(editor).post(
            url, {"note": "Поново отворено.", "reopen": "on", "closes_at": closes.strftime("%Y-%m-%d %H:%M")}
        )

    closed.refresh_from_db()
    version = closed.draft_versions.get(number=2)
    assert closed.is_open()
    assert version.closes_at == closed.closes_at and version.opens_at == closed.opens_at


def test_a_reopened_period_must_close_in_the_future(consultation, editor):
    url = reverse("consultation_revised_draft", args=[consultation.pk])
    response = logged_in(editor).post(url, {"note": "Поново.", "reopen": "on", "closes_at": "2020-01-01 10:00"})

    assert response.status_code == 200
    assert response.context["form"].errors["closes_at"]
    assert consultation.draft_versions.count() == 1


def test_only_editors_who_may_publish_the_page_can_publish_a_revised_draft(consultation):
    staff = StaffUserFactory(permissions=["moderate_comment"])
    url = reverse("consultation_revised_draft", args=[consultation.pk])

    response = logged_in(staff).post(url, {"note": "Покушај."})

    # Wagtail answers a refused admin view by sending the user back to the dashboard.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert consultation.draft_versions.count() == 1


def test_the_edit_screen_offers_publishing_a_revised_draft(consultation, editor):
    response = logged_in(editor).get(reverse("wagtailadmin_pages:edit", args=[consultation.pk]))
    assert reverse("consultation_revised_draft", args=[consultation.pk]) in response.content.decode()


def test_a_comment_records_the_version_current_when_it_was_sent(client, consultation):
    post_comment(client, consultation, comment_data(consultation))
    version_2(consultation)
    post_comment(client, consultation, comment_data(consultation, contact_email="drugi@udruzenje.example"))

    assert [c.version.number for c in Comment.objects.order_by("pk")] == [1, 2]


def test_the_comparison_marks_removed_and_added_words_with_a_hidden_label(client, consultation):
    version_2(consultation)
    html = client.get(compare_url(consultation, 1, 2)).content.decode()

    assert re.search(
        r'<del><span class="visually-hidden">[^<]+</span>15</del><ins><span class="visually-hidden">', html
    )
    assert re.search(r'<ins><span class="visually-hidden">[^<]+</span> на порталу Града</ins>', html)
    assert "Рок за пријаве продужен на 30 дана." in html  # the version's summary of changes


def test_article_text_is_shown_as_text_never_as_markup(client, consultation):
    revise(consultation, {2: NEW_TEXT + " <script>alert(1)</script>"})
    with TestCase.captureOnCommitCallbacks(execute=True):
        publish_revised_draft(consultation, None, note="<b>важно</b>")
    html = client.get(compare_url(consultation, 1, 2)).content.decode()

    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<b>важно</b>" not in html


def traced(response) -> list[str]:
    return [c.tracking_number for change in response.context["changes"] for c in change.comments]


def test_accepted_and_partly_accepted_comments_are_listed_under_the_changed_article_and_no_others(client, consultation):
    changed, unchanged = articles_of(consultation).get(sort_order=2), articles_of(consultation).get(sort_order=1)
    accepted = CommentFactory(consultation=consultation, article=changed, decision=Decision.ACCEPTED)
    partly = CommentFactory(
        consultation=consultation, article=changed, decision=Decision.PARTLY, consent=Consent.ANONYMOUS
    )
    CommentFactory(consultation=consultation, article=changed, decision=Decision.NOT_ACCEPTED)
    CommentFactory(consultation=consultation, article=changed, decision=Decision.NOTED)
    CommentFactory(consultation=consultation, article=changed, decision=Decision.ACCEPTED, state=CommentState.REJECTED)
    CommentFactory(consultation=consultation, article=unchanged, decision=Decision.ACCEPTED)
    version_2(consultation)
    consultation.report_published_at = timezone.now()
    consultation.save_revision().publish()

    response = client.get(compare_url(consultation, 1, 2))

    assert traced(response) == [accepted.tracking_number, partly.tracking_number]
    html = response.content.decode()
    report = consultation.url + consultation.reverse_subpage("report")
    assert f'href="{report}#comment-{accepted.tracking_number}"' in html
    assert accepted.organisation_name in html and partly.organisation_name not in html
    # The link's target exists: the report's row of that comment.
    assert f'id="comment-{accepted.tracking_number}"' in client.get(report).content.decode()


def test_answers_are_not_traced_before_the_report_is_published(client, consultation):
    article = articles_of(consultation).get(sort_order=2)
    CommentFactory(consultation=consultation, article=article, decision=Decision.ACCEPTED)
    version_2(consultation)

    assert traced(client.get(compare_url(consultation, 1, 2))) == []


@pytest.mark.parametrize(
    "path", ["verzije/1/3/", "verzije/2/1/", "verzije/1/1/", "verzije/0/2/", "verzije/1/99999999999999999999999/"]
)
def test_versions_that_do_not_exist_or_are_out_of_order_are_not_found(client, consultation, path):
    version_2(consultation)
    assert client.get(consultation.url + path).status_code == 404


def test_the_comparison_form_leads_to_the_comparisons_address(client, consultation):
    version_2(consultation)
    versions_url = consultation.url + consultation.reverse_subpage("versions")

    assert client.get(versions_url, {"od": "2", "do": "1"})["Location"] == compare_url(consultation, 1, 2)
    assert client.get(versions_url, {"od": "2", "do": "2"}).status_code == 200
    assert client.get(versions_url, {"od": "x", "do": "99999999999999"}).status_code == 200


def comparison_queries(client, home_page, article_count: int) -> int:
    page = ConsultationPageFactory(home=home_page, article_count=article_count)
    for article in articles_of(page):
        CommentFactory(consultation=page, article=article, decision=Decision.ACCEPTED)
    revise(page, {n: f"Измењен текст члана {n}." for n in range(1, article_count + 1)})
    with TestCase.captureOnCommitCallbacks(execute=True):
        publish_revised_draft(page, None, note="Све измењено.", closes_at=None)
    page.report_published_at = timezone.now()
    page.save_revision().publish()
    return queries_to_render(client, compare_url(page, 1, 2))


def test_the_comparison_runs_the_same_number_of_queries_for_3_or_12_changed_articles(client, home_page):
    assert comparison_queries(client, home_page, 3) == comparison_queries(client, home_page, 12)


ENGLISH = {
    "Нацрт одлуке о суфинансирању": "Draft decision on co-financing",
    "Нацрт одлуке о финансирању програма удружења.": "Draft decision on financing associations' programmes.",
    "Градска управа за опште послове": "City Administration for General Affairs",
    "Предмет 1": "Subject 1",
    "Предмет 2": "Subject 2",
    "Предмет 3": "Subject 3",
    "Текст члана 1 нацрта одлуке.": "Text of article 1.",
    "Текст члана 3 нацрта одлуке.": "Text of article 3.",
    OLD_TEXT: "An association applies within 15 days of the call's publication.",
    NEW_TEXT: "An association applies within 30 days of the call's publication on the City's portal.",
}


def english_of(page):
    table = {**ENGLISH, page.slug: "draft-decision", "1": "1", "2": "2", "3": "3"}
    return translate_to_english(page, table)


def test_the_english_page_compares_the_english_articles(client, consultation):
    english_of(consultation)
    version_2(consultation)
    english = english_of(consultation)  # the translator catches up with version 2

    html = client.get(compare_url(english, 1, 2)).content.decode()
    assert re.search(r"<del><span[^>]*>[^<]+</span>15</del><ins><span[^>]*>[^<]+</span>30</ins>", html)
    assert "on the City&#x27;s portal</ins>" in html
    assert OLD_TEXT.split()[0] not in html


def test_the_latin_page_shows_the_comparison_in_latin(client, consultation):
    version_2(consultation)
    twin = consultation.get_translation(Locale.objects.get(language_code="sr-latn")).specific

    html = client.get(compare_url(twin, 1, 2)).content.decode()
    assert "</span> na portalu Grada</ins>" in html
    assert "порталу" not in html


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("sr-cyrl", "<p{}>Рок за пријаве продужен на 30 дана.</p>"),
        ("sr-latn", "<p{}>Rok za prijave produžen na 30 dana.</p>"),
        ("en", '<p{} lang="sr-Latn">Rok za prijave produžen na 30 dana.</p>'),
    ],
    ids=["cyrillic-page", "latin-page", "english-page"],
)
def test_the_version_note_is_in_the_pages_script_and_marked_as_serbian_on_english_pages(
    client, consultation, language, shown
):
    """The note has no English field: English pages show it in Latin, marked so screen readers read it as Serbian."""
    english_of(consultation)
    version_2(consultation)
    page = consultation.get_translation(Locale.objects.get(language_code=language)).specific

    versions = client.get(page.url + page.reverse_subpage("versions")).content.decode()
    comparison = client.get(compare_url(page, 1, 2)).content.decode()

    assert shown.format("") in versions
    assert shown.format(' class="lead"') in comparison
    if language != "sr-cyrl":
        assert "продужен" not in versions + comparison


def test_the_version_history_ends_with_the_adopted_act(client, consultation):
    version_2(consultation)
    act = RegistryDocumentFactory(title="Одлука о суфинансирању (усвојена)")
    consultation.adopted_act, consultation.adopted_on = act, datetime.date(2026, 3, 1)
    consultation.save_revision().publish()

    response = client.get(consultation.url + consultation.reverse_subpage("versions"))
    html = response.content.decode()
    assert [v.number for v in response.context["versions"]] == [1, 2]
    assert html.index('id="version-2"') < html.index('id="adopted-act"')
    assert f'href="{act.get_absolute_url()}"' in html and 'datetime="2026-03-01"' in html


def test_consultations_published_before_versions_get_version_1_from_the_migration(consultation):
    consultation.draft_versions.all().delete()
    migration = importlib.import_module("consultations.migrations.0007_draft_versions")

    migration.first_versions(global_apps, None)

    assert frozen_texts(consultation.draft_versions.get(number=1))[1] == OLD_TEXT


def test_the_version_history_and_the_comparison_pass_the_nu_html_checker(client, consultation, tmp_path):
    article = articles_of(consultation).get(sort_order=2)
    CommentFactory(consultation=consultation, article=article, decision=Decision.ACCEPTED)
    revise(consultation, {1: "Нов став.\n\nДруги нов став.", 2: NEW_TEXT})
    with TestCase.captureOnCommitCallbacks(execute=True):
        publish_revised_draft(consultation, None, note="Измене.\nДруги ред.")
    consultation.report_published_at = timezone.now()
    consultation.adopted_act = RegistryDocumentFactory()
    consultation.save_revision().publish()

    pages = []
    for number, url in enumerate(
        [consultation.url + consultation.reverse_subpage("versions"), compare_url(consultation, 1, 2)]
    ):
        response = client.get(url)
        assert response.status_code == 200
        pages.append(tmp_path / f"{number}.html")
        pages[-1].write_bytes(response.content)

    assert [f"{finding.message} {finding.extract}" for finding in check_html_files(pages)] == []


def test_a_revised_draft_that_reopens_comments_is_one_email_and_a_reopening_in_the_date_log(home_page, editor):
    from django.core import mail

    closed = ConsultationPageFactory(
        home=home_page, opens_in=datetime.timedelta(days=-40), closes_in=-datetime.timedelta(days=10)
    )
    CommentFactory(consultation=closed, article=closed.articles.first(), contact_email="clanica@udruzenje.example")
    previous_close = closed.closes_at
    closes = timezone.localtime() + datetime.timedelta(days=15)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        logged_in(editor).post(
            reverse("consultation_revised_draft", args=[closed.pk]),
            {
                "note": "Нацрт измењен после јавне расправе.",
                "reopen": "on",
                "closes_at": closes.strftime("%Y-%m-%d %H:%M"),
            },
        )

    # One e-mail, about the revised draft, telling the new period (not a second one about the reopening).
    sent = [message for message in mail.outbox if message.to == ["clanica@udruzenje.example"]]
    assert len(sent) == 1, [message.subject for message in sent]
    assert closes.strftime("%Y-%m-%d %H:%M") in sent[0].body
    # The public log of dates shows the reopening, with the note as its reason.
    closed.refresh_from_db()
    reopened = [(entry.previous_date, entry.reason) for entry in closed.date_changes.all() if entry.kind == "reopened"]
    assert reopened == [(previous_close, "Нацрт измењен после јавне расправе.")]
