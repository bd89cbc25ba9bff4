"""Every public page type, in each language, is valid HTML for the Nu HTML Checker (the W3C's validator).

The demo site is rendered with Django's test client: one live page of every concrete page
type (and of each state a type shows differently: an open call and one with results, an open
and a finished consultation), the routes that are not pages (document detail, consultation
report, search with and without a query, 404, 500) and the comment form's own renders (errors,
sent, confirmation, receipt). The pages are written to a folder and checked in one run of the
checker, with the site's stylesheets. The page types come from Wagtail's registry, so a new
page type with no live page in the demo fails this test until the demo has one.
"""

import datetime
import re
from dataclasses import dataclass

import pytest

from django.conf import settings
from django.core import mail
from django.test import RequestFactory, TestCase
from django.utils import timezone, translation
from django.views.defaults import server_error

from wagtail.models import Page, get_page_models

from calls.models import CallPage
from consultations.models import ConsultationPage
from core.templatetags.machine_time import machine_datetime
from documents.models import RegistryDocument
from tests.consultations.helpers import comment_data
from tests.nu_checker import check_html_files

LANGUAGES = ("sr-cyrl", "sr-latn", "en")
# Consultations are held on Serbian drafts; the demo translates none into English.
NOT_IN_ENGLISH = {ConsultationPage}


def page_states(model, now):
    """The states a page type renders differently, each as a filter of its live pages."""
    if model is CallPage:
        return {"open": CallPage.objects.open(now), "results": CallPage.objects.with_results(now)}
    if model is ConsultationPage:
        return {"open": ConsultationPage.objects.open(now), "finished": ConsultationPage.objects.report_published()}
    return {"": model.objects.all()}


@dataclass
class Render:
    label: str
    url: str
    status: int
    content: bytes


def get(client, label, url) -> Render:
    response = client.get(url)
    return Render(label, url, response.status_code, response.content)


def post(client, label, url, data, follow=False) -> Render:
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, data, follow=follow)
    return Render(label, url, response.status_code, response.content)


def render_page_types(client, language, now) -> tuple[list[Render], list[str]]:
    """One live page of each page type and state in the language, and what the demo lacks."""
    renders, missing = [], []
    for model in get_page_models():
        if model is Page or (language == "en" and model in NOT_IN_ENGLISH):
            continue
        for state, pages in page_states(model, now).items():
            label = f"{model.__name__} {state}".strip()
            page = pages.live().filter(locale__language_code=language).order_by("path").first()
            if page is None:
                missing.append(f"{label} in {language}")
                continue
            renders.append(get(client, label, page.url))
            if model is ConsultationPage and page.report_published_at:
                renders.append(get(client, "consultation report", page.url + page.reverse_subpage("report")))
    return renders, missing


def render_other_routes(client, language) -> list[Render]:
    document = RegistryDocument.objects.public().order_by("pk").first()
    with translation.override(language):
        document_url = document.get_absolute_url()
    renders = [
        get(client, "document detail", document_url),
        get(client, "search without a query", f"/{language}/search/"),
        get(client, "search results", f"/{language}/search/?q=zakon"),
        get(client, "search with no results", f"/{language}/search/?q=qqqxqqq"),
        get(client, "404", f"/{language}/no-such-page-here/"),
    ]
    with translation.override(language):
        response = server_error(RequestFactory().get(f"/{language}/"))
    renders.append(Render("500", f"/{language}/ (server error)", response.status_code, response.content))
    return renders


def render_comment_journey(client, language, now) -> list[Render]:
    """The comment form with errors, then sent, the confirmation page and the receipt."""
    consultation = ConsultationPage.objects.open(now).live().filter(locale__language_code=language).first()
    original = consultation.original
    url = consultation.url
    renders = [post(client, "comment form with errors", url, comment_data(original, registration_number="1"))]
    mail.outbox.clear()
    wording = f"Рок за подношење пријава је 30 дана ({language})."
    renders.append(post(client, "comment sent", url, comment_data(original, proposed_wording=wording)))
    link = re.search(r"https?://\S+/potvrda/\S+/", mail.outbox[-1].body).group(0)
    renders.append(get(client, "comment confirmation", link))
    renders.append(post(client, "comment receipt", link, {}, follow=True))
    return renders


@pytest.mark.django_db
def test_one_page_of_every_type_in_every_language_passes_the_nu_html_checker(client, demo_site, tmp_path):
    now = timezone.now()
    renders, missing = [], []
    # Each request activates its page's language; leave the test's own language as it was after.
    with translation.override(translation.get_language()):
        for language in LANGUAGES:
            page_renders, page_missing = render_page_types(client, language, now)
            renders += page_renders + render_other_routes(client, language)
            missing += page_missing
            if language != "en":
                renders += render_comment_journey(client, language, now)

    assert missing == [], "the demo has no live page to check for these page types"
    expected_status = {"404": 404, "500": 500, "comment form with errors": 400}
    wrong_status = [
        f"{render.label} {render.url}: {render.status}"
        for render in renders
        if render.status != expected_status.get(render.label, 200)
    ]
    assert wrong_status == []

    pages = {}
    for number, render in enumerate(renders):
        path = tmp_path / f"{number:03d}.html"
        path.write_bytes(render.content)
        pages[path] = f"{render.label} {render.url}"
    # The site's stylesheets go to the same run: the pages' look depends on them too.
    stylesheets = sorted((settings.BASE_DIR / "static_src" / "css").glob("*.css"))
    errors = [
        f"{pages.get(finding.path, finding.path)} line {finding.line}: {finding.message}\n    {finding.extract}"
        for finding in check_html_files([*pages, *stylesheets])
    ]
    assert not errors, f"{len(errors)} errors from the Nu HTML Checker:\n" + "\n".join(errors)


def test_machine_datetime_is_local_time_in_whole_seconds_with_its_offset():
    instant = datetime.datetime(2026, 3, 1, 8, 30, 15, 407026, tzinfo=datetime.UTC)
    with timezone.override("Europe/Belgrade"):
        assert machine_datetime(instant) == "2026-03-01T09:30:15+01:00"
    assert machine_datetime(datetime.date(2026, 3, 1)) == "2026-03-01"
    assert machine_datetime(None) == ""
