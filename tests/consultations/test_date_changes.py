"""The public log of a consultation's dates: an editor changing the dates of a published consultation
gives the reason, the change is logged on publication, and the page shows it in every language."""

import datetime
import re

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, TestCase
from django.utils import timezone, translation
from django.utils.html import escape

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from consultations.models import ConsultationPage, DateChange, DateChangeKind
from consultations.page_form import DATE_CHANGE_REASON_REQUIRED
from core.scripts import to_latin
from tests.consultations.factories import CommentFactory, ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories import publish
from tests.module_rows import home_page_of_the_module, once_per_module

pytestmark = pytest.mark.django_db

REASON = "Продужено на захтев удружења због празника."


def whole_minute(moment):
    return moment.replace(second=0, microsecond=0)


def in_days(days: int):
    return whole_minute(timezone.now() + datetime.timedelta(days=days))


def budget_consultation(home):
    # Whole minutes, as the admin's date widget has them.
    return ConsultationPageFactory(
        home=home,
        title="Нацрт одлуке о буџету",
        opens_at=in_days(-2),
        closes_at=in_days(20),
    )


@once_per_module
def page(module_rows):
    return budget_consultation(module_rows.home_page())


home_page = home_page_of_the_module()


def admin_date(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def edit_form(page, **overrides) -> dict:
    """The consultation's edit form as the admin fills it, with `overrides`."""
    articles = [
        {"id": article.pk, "number": article.number, "heading": article.heading, "text": article.text, "ORDER": n}
        for n, article in enumerate(page.articles.all())
    ]
    changes = [
        {
            "id": change.pk,
            "kind": change.kind,
            "changed_at": admin_date(change.changed_at),
            "previous_date": admin_date(change.previous_date),
            "new_date": admin_date(change.new_date),
            "reason": change.reason,
            "ORDER": n,
        }
        for n, change in enumerate(page.date_changes.all())
    ]
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "responsible_body": page.responsible_body,
        "opens_at": admin_date(page.opens_at),
        "closes_at": admin_date(page.closes_at),
        "date_change_reason": "",
        "draft_files": streamfield([]),
        "import_from_docx": "",
        "report_intro": "",
        "report_published_at": "",
        "adopted_act": "",
        "adopted_on": "",
        "comments": inline_formset([]),
        "date_changes": inline_formset(changes, initial=len(changes)),
        "articles": inline_formset(articles, initial=len(articles)),
    }
    return nested_form_data(data | overrides)


def publish_in_admin(client, page, data):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(f"/admin/pages/{page.pk}/edit/", data | {"action-publish": "action-publish"})


def test_moving_the_closing_date_of_a_published_consultation_needs_a_reason(admin_client, page):
    closes_at = page.closes_at

    response = publish_in_admin(admin_client, page, edit_form(page, closes_at=admin_date(in_days(30))))

    assert response.status_code == 200
    with translation.override("sr-cyrl"):  # the admin speaks the editor's language
        expected = escape(str(DATE_CHANGE_REASON_REQUIRED))
    assert expected in response.content.decode()
    page.refresh_from_db()
    assert page.closes_at == closes_at and not page.date_changes.exists()


def test_saving_other_fields_needs_no_reason_and_logs_nothing(admin_client, page):
    response = publish_in_admin(admin_client, page, edit_form(page, summary="Нови сажетак."))

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.summary == "Нови сажетак." and not page.date_changes.exists()


def test_extension_with_a_reason_is_logged_on_publication_and_commenters_are_told(admin_client, page):
    comment = CommentFactory(article=None, consultation=page, language="sr-cyrl")
    previous, new = page.closes_at, in_days(30)

    response = publish_in_admin(
        admin_client, page, edit_form(page, closes_at=admin_date(new), date_change_reason=REASON)
    )

    assert response.status_code == 302
    change = DateChange.objects.get(page=page)
    assert (change.kind, change.previous_date, change.new_date, change.reason) == (
        DateChangeKind.EXTENDED,
        previous,
        new,
        REASON,
    )
    assert [message.to for message in mail.outbox] == [[comment.contact_email]]
    # Published once more without changing the dates: the log keeps one entry, nobody gets a second e-mail.
    page.refresh_from_db()
    assert publish_in_admin(admin_client, page, edit_form(page, summary="Други сажетак.")).status_code == 302
    assert DateChange.objects.filter(page=page).count() == 1 and len(mail.outbox) == 1


def test_reopening_and_closing_earlier_are_told_apart(admin_client, home_page):
    closed = ConsultationPageFactory(home=home_page, opens_at=in_days(-20), closes_at=in_days(-1))
    open_page = ConsultationPageFactory(home=home_page, opens_at=in_days(-2), closes_at=in_days(20))

    publish_in_admin(
        admin_client, closed, edit_form(closed, closes_at=admin_date(in_days(7)), date_change_reason=REASON)
    )
    publish_in_admin(
        admin_client, open_page, edit_form(open_page, closes_at=admin_date(in_days(5)), date_change_reason=REASON)
    )

    assert closed.date_changes.get().kind == DateChangeKind.REOPENED
    assert open_page.date_changes.get().kind == DateChangeKind.CLOSED


def test_a_draft_not_yet_published_needs_no_reason(admin_client, home_page):
    index = ConsultationIndexPageFactory(parent=home_page)
    draft = ConsultationPageFactory(parent=index, published=False, opens_at=in_days(1), closes_at=in_days(20))
    ConsultationPage.objects.filter(pk=draft.pk).update(live=False)
    draft.refresh_from_db()

    response = publish_in_admin(admin_client, draft, edit_form(draft, closes_at=admin_date(in_days(25))))

    assert response.status_code == 302
    assert not DateChange.objects.filter(page=draft).exists()


def log_rows(html: str) -> list[str]:
    section = re.search(r'<section class="date-log".*?</section>', html, re.S)
    assert section, "no date log on the page"
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
        for row in re.findall(r"<tr>.*?</tr>", section.group(), re.S)
    ]


def extended_in_admin(home):
    """A consultation whose closing date an editor moved, with the reason, in the admin."""
    page = budget_consultation(home)
    editor = get_user_model().objects.create_superuser("urednica-datuma", "urednica@example.com", "x")
    admin_client = Client()
    admin_client.force_login(editor)
    publish_in_admin(admin_client, page, edit_form(page, closes_at=admin_date(in_days(30)), date_change_reason=REASON))
    page.refresh_from_db()
    return page


@once_per_module
def extended(module_rows):
    """A consultation of its own: `page`, whose tests find no date change, stays as published."""
    return extended_in_admin(module_rows.home_page())


def test_cyrillic_page_shows_the_log_with_dates_in_time_elements(extended):
    html = Client().get(extended.url).content.decode()

    change = extended.date_changes.get()
    rows = log_rows(html)
    with translation.override("sr-cyrl"):
        kind = translation.gettext("extended")
    assert kind.capitalize() in rows[1] and REASON in rows[1]
    assert f"{timezone.localtime(change.previous_date):%-d. %-m. %Y. %H:%M}" in rows[1]
    assert f'<time datetime="{timezone.localtime(change.new_date).isoformat()}">' in html


def test_latin_twin_shows_the_log_transliterated(extended):
    twin = extended.get_translation(Locale.objects.get(language_code="sr-latn"))

    rows = log_rows(Client().get(twin.url).content.decode())

    assert "Produžene" in rows[1] and "Produženo na zahtev udruženja zbog praznika." in rows[1]


def english_translation(page):
    """The consultation and its parents in English, as an editor translates them (wagtail-localize copies)."""
    english = Locale.objects.get(language_code="en")
    for ancestor in [page.get_parent().get_parent().specific, page.get_parent().specific]:
        if not ancestor.has_translation(english):
            publish(ancestor.copy_for_translation(english))
    translation_page = page.copy_for_translation(english)
    translation_page.title = "Draft decision on the budget"
    return translation_page


def test_english_page_shows_the_log_in_english_with_the_translated_reason(extended):
    english = english_translation(extended)
    entry = english.date_changes.get()
    entry.reason = "Extended at the request of associations because of the holidays."
    entry.save()
    publish(english)

    rows = log_rows(Client().get(english.url).content.decode())

    assert rows[0].split() == ["Date", "of", "the", "change", "Change", "From", "To", "Reason"]
    assert rows[1].startswith(f"{timezone.localtime(entry.changed_at):%-d. %-m. %Y.} Extended")
    assert "because of the holidays" in rows[1] and REASON not in rows[1]


def test_english_page_shows_an_untranslated_reason_in_latin_marked_as_serbian(extended):
    english = english_translation(extended)
    english.date_changes.all().delete()  # translated before the dates changed
    publish(english)

    html = Client().get(english.url).content.decode()

    assert f'<td lang="sr-Latn">{to_latin(REASON)}</td>' in html
    assert REASON not in html
    assert "Extended" in log_rows(html)[1]
