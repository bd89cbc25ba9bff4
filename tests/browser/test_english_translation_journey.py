"""An editor starts an English translation in wagtail-localize: nothing goes live in English until it is published."""

import re

import pytest

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from consultations.models import ConsultationPage
from demo.consultations import OPEN

PASSWORD = "tajna-lozinka-123"
ENGLISH_TITLE = "Draft decision on financing programmes of public interest implemented by associations"
NOTICE = "This page has not been translated into English yet."


@pytest.fixture
def untranslated_consultation(demo_server):
    """The demo's open consultation, which exists in Cyrillic and Latin only."""
    page = ConsultationPage.objects.get(title=OPEN["title"])
    assert not page.has_translation(Locale.objects.get(language_code="en"))
    return page


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_superuser("urednica", "urednica@example.org", PASSWORD)
    # wagtail-localize's own English labels, whatever the admin's default language becomes.
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


def sign_in(page, server, user):
    page.goto(f"{server}/admin/login/")
    # The sign-in page speaks the browser's language (Serbian here); after it, the editor's own choice.
    page.get_by_label(re.compile("Username|Корисничко|Korisničko")).fill(user.username)
    page.get_by_label(re.compile("Password|Лозинка|Lozinka")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in|Пријав|Prijav")).click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_an_english_translation_goes_live_only_when_the_editor_publishes_it(
    browser_page, chromium, demo_server, untranslated_consultation, editor, assert_accessible
):
    page = browser_page
    sign_in(page, demo_server, editor)
    page.goto(f"{demo_server}/admin/pages/{untranslated_consultation.pk}/edit/")
    page.get_by_role("navigation", name="Actions", exact=True).get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_label("English").check()
    page.get_by_role("button", name="Submit").click()
    page.get_by_role("button", name=re.compile("Publish in English")).wait_for()

    english = untranslated_consultation.get_translation(Locale.objects.get(language_code="en"))
    latin = untranslated_consultation.get_translation(Locale.objects.get(language_code="sr-latn"))
    english_url = f"{demo_server}{english.get_url()}"

    # A visitor, not signed in, at the English URL: the Latin text, said to be Serbian, not the Cyrillic copy.
    visitor = chromium.new_context(locale="en-GB").new_page()
    response = visitor.goto(english_url)
    assert response.status == 200
    assert visitor.locator("main").get_attribute("lang") == "sr-Latn"
    assert visitor.locator("main aside[lang=en]").inner_text().startswith(NOTICE)
    assert visitor.get_by_role("heading", level=1).inner_text() == latin.title
    assert untranslated_consultation.title not in visitor.content()
    assert visitor.locator('link[rel=alternate][hreflang="en"]').count() == 0
    assert_accessible(visitor)
    # The English listing links to the Latin page, marked as Serbian.
    visitor.goto(f"{demo_server}/en/consultations/")
    listed = visitor.locator(f'h2[lang="sr-Latn"] a[href="{latin.get_url()}"]')
    assert listed.inner_text() == latin.title
    assert_accessible(visitor)

    # The editor translates the title in wagtail-localize's editor and publishes the translation.
    page.get_by_role("button", name="Translate", exact=True).first.click()
    page.locator("textarea").first.fill(ENGLISH_TITLE)
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text(ENGLISH_TITLE).first.wait_for()
    page.get_by_role("button", name=re.compile("Publish in English")).click()
    page.wait_for_load_state()
    page.get_by_text(re.compile("published", re.IGNORECASE)).first.wait_for()

    # A new visitor: browsers may keep a public page a minute (core/page_cache/policy.py), the app's cache is purged.
    visitor.context.close()
    visitor = chromium.new_context(locale="en-GB").new_page()
    visitor.goto(english_url)
    assert visitor.get_by_role("heading", level=1).inner_text() == ENGLISH_TITLE
    assert visitor.locator("main").get_attribute("lang") is None
    assert visitor.locator("main aside[lang=en]").count() == 0
    assert visitor.locator('link[rel=alternate][hreflang="en"]').get_attribute("href") == english_url
    visitor.goto(f"{demo_server}/en/consultations/")
    assert visitor.get_by_role("link", name=ENGLISH_TITLE).get_attribute("href") == english.get_url()
    visitor.context.close()
