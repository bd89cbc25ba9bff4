"""An editor whose admin language is Serbian Cyrillic reads no English on the admin's main screens.

The browser asks for English (Accept-Language: en-GB): the account's preference, Serbian Cyrillic by
default for a new account, is what the admin follows. On every screen the test reads what the editor
sees (the body's innerText, and the placeholder, title and aria-label of visible elements), takes out
what is legitimately Latin (the demo's own content, addresses, file names, technical acronyms, language
names in their own language) and lists every Latin word left, with the line it stands in.
"""

import re

import pytest

from django.urls import reverse

from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Locale, Page
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile

from tests.browser.serbian_admin_text import latin_words_left, legitimate_latin_texts

PASSWORD = "lozinka-urednice-123"

READ_WHAT_THE_EDITOR_SEES = """
() => {
    const texts = [document.body.innerText];
    for (const element of document.querySelectorAll("[placeholder], [title], [aria-label]")) {
        if (!element.checkVisibility()) continue;
        for (const name of ["placeholder", "title", "aria-label"]) {
            const value = element.getAttribute(name);
            if (value) texts.push(value);
        }
    }
    return texts.join("\\n");
}
"""


def admin_screens(home) -> dict[str, str]:
    """The main screens an editor works in, on the demo content."""
    from consultations.models import ConsultationPage

    consultation = ConsultationPage.objects.filter(locale__language_code="sr-cyrl").order_by("pk").first()
    english = Locale.objects.get(language_code="en")
    translated = next(
        page for page in ConsultationPage.objects.filter(locale=english).order_by("pk") if page.alias_of_id is None
    )
    section = home.get_children().filter(locale=home.locale).first()
    screens = {
        "dashboard": reverse("wagtailadmin_home"),
        "pages explorer, root": reverse("wagtailadmin_explore_root"),
        "pages explorer, home": reverse("wagtailadmin_explore", args=[home.pk]),
        "pages explorer, a section": reverse("wagtailadmin_explore", args=[section.pk]),
        "page editor (consultation)": reverse("wagtailadmin_pages:edit", args=[consultation.pk]),
        "page history": reverse("wagtailadmin_pages:history", args=[consultation.pk]),
        "translation editor (wagtail-localize)": reverse("wagtailadmin_pages:edit", args=[translated.pk]),
        "page search": reverse("wagtailadmin_pages:search") + "?q=" + consultation.title.split()[0],
        "documents": reverse("wagtaildocs:index"),
        "images": reverse("wagtailimages:index"),
        "snippets": reverse("wagtailsnippets:index"),
        "workflows": reverse("wagtailadmin_workflows:index"),
        "workflow tasks": reverse("wagtailadmin_workflows:task_index"),
        "report: locked pages": reverse("wagtailadmin_reports:locked_pages"),
        "report: site history": reverse("wagtailadmin_reports:site_history"),
        "report: aging pages": reverse("wagtailadmin_reports:aging_pages"),
        "report: workflows": reverse("wagtailadmin_reports:workflow"),
        "users": reverse("wagtailusers_users:index"),
        "groups": reverse("wagtailusers_groups:index"),
        "account": reverse("wagtailadmin_account"),
        "registry (project)": reverse("registry:index"),
        "searches without results (project)": reverse("search_unanswered_report"),
    }
    for model in get_snippet_models():
        screens[f"snippet listing: {model._meta.label}"] = reverse(model.snippet_viewset.get_url_name("list"))
    for model in settings_registry:
        screens[f"settings: {model._meta.label}"] = reverse(
            "wagtailsettings:edit", args=[model._meta.app_label, model._meta.model_name]
        )
    return screens


@pytest.fixture
def serbian_editor(django_user_model, demo_server):
    user = django_user_model.objects.create_superuser("urednica", "urednica@example.org", PASSWORD)
    # Nobody chose: a new account starts in Serbian Cyrillic (home/admin_language.py).
    assert UserProfile.get_for_user(user).preferred_language == "sr-cyrl"
    return user


def test_the_admins_main_screens_show_no_english_to_an_editor_whose_language_is_serbian_cyrillic(
    chromium, demo_server, serbian_editor
):
    home = Page.objects.get(depth=2, locale__language_code="sr-cyrl").specific
    screens = admin_screens(home)
    legitimate = legitimate_latin_texts()
    context = chromium.new_context(locale="en-GB")  # the browser asks for English; the account says Cyrillic
    page = context.new_page()
    page.goto(f"{demo_server}/admin/login/")
    page.locator("#id_username").fill(serbian_editor.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))

    left = {}
    for name, url in screens.items():
        response = page.goto(f"{demo_server}{url}")
        assert response.status < 400, f"{name}: {url} answered {response.status}"
        page.wait_for_load_state("networkidle")
        if words := latin_words_left(page.evaluate(READ_WHAT_THE_EDITOR_SEES), legitimate):
            left[f"{name} ({url})"] = words
    context.close()

    report = "\n".join(f"{screen}:\n" + "\n".join(f"    {line}" for line in lines) for screen, lines in left.items())
    assert left == {}, f"English left on the admin's screens:\n{report}"
