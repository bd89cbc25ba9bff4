"""A Latin twin that cannot be published is reported to the editor and caught up later; slug clashes are form errors."""

import io
import logging

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

from wagtail.models import Locale

from home.latin_twin import LATIN
from home.models import StandardPage
from tests.factories import StandardPageFactory, publish

pytestmark = pytest.mark.django_db

# Љ, Њ and Џ become two Latin letters: this title fits in Cyrillic (200 characters) but its
# Latin twin's (400) does not fit the 255 a page title may have, so the twin cannot be saved.
TITLE_TOO_LONG_IN_LATIN = "Љ" * 200


def latin_twin(page):
    return StandardPage.objects.filter(translation_key=page.translation_key, locale__language_code=LATIN).first()


def edit_form(page, **changes):
    return {"title": page.title, "slug": page.slug, "intro": page.intro, "body-count": "0", **changes}


def test_a_twin_that_cannot_be_published_is_reported_to_the_editor_and_logged(admin_client, home_page, caplog):
    page = publish(StandardPageFactory(parent=home_page, title="Позив", intro="Стари увод."))

    with caplog.at_level(logging.ERROR, logger="home.latin_twin"), TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(
            f"/admin/pages/{page.pk}/edit/",
            edit_form(page, title=TITLE_TOO_LONG_IN_LATIN, intro="Нови увод.", **{"action-publish": "publish"}),
            follow=True,
        )

    assert response.status_code == 200
    page.refresh_from_db()
    assert page.live and page.title == TITLE_TOO_LONG_IN_LATIN, "the original is published"
    errors = [str(message) for message in response.context["messages"] if message.level_tag == "error"]
    assert any("publish_latin_twins" in message for message in errors), errors
    assert (
        f"Could not publish the Latin twin of <StandardPage: {TITLE_TOO_LONG_IN_LATIN}> (id {page.pk})" in caplog.text
    )
    twin = latin_twin(page)
    assert twin.intro == "Stari uvod.", "the failed twin rolled back whole, not half-updated"


def test_catch_up_command_publishes_missing_twins_and_reports_those_it_cannot(home_page):
    latin = Locale.objects.get(language_code=LATIN)
    latin.delete()  # the site had no Latin locale when these were published
    missing = publish(StandardPageFactory(parent=home_page, title="Делокруг послова"))
    broken = publish(StandardPageFactory(parent=home_page, title=TITLE_TOO_LONG_IN_LATIN))
    Locale.objects.create(language_code=LATIN)
    assert latin_twin(missing) is None

    with pytest.raises(CommandError, match="1 Latin version"):
        call_command("publish_latin_twins")

    twin = latin_twin(missing)
    assert twin.live and twin.title == "Delokrug poslova"
    assert latin_twin(broken) is None

    broken.title = "Љиљана"
    publish(broken)  # fixed by the editor; publishing retries the twin
    out = io.StringIO()
    call_command("publish_latin_twins", dry_run=True, stdout=out)
    assert "0 Latin version(s) missing or behind." in out.getvalue()


def test_a_cyrillic_slug_that_clashes_once_transliterated_is_a_form_error(admin_client, home_page):
    publish(StandardPageFactory(parent=home_page, title="Конкурси", slug="konkursi"))

    response = admin_client.post(
        f"/admin/pages/add/home/standardpage/{home_page.pk}/",
        {"title": "Конкурси", "slug": "конкурси", "intro": "", "body-count": "0", "action-publish": "publish"},
    )

    assert response.status_code == 200
    assert "konkursi" in str(response.context["form"].errors["slug"])
    assert StandardPage.objects.filter(locale=home_page.locale, slug="konkursi").count() == 1
