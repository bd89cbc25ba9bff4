"""robots.txt names the sitemap and keeps crawlers out of the admin (previews included) and of the comment
confirmation links and receipts in every language, and out of nothing a reader should find."""

import re

import pytest

from django.core import mail
from django.test import TestCase

from tests.consultations.factories import ConsultationPageFactory
from tests.consultations.helpers import comment_data

pytestmark = pytest.mark.django_db


def disallowed(robots: str, path: str) -> bool:
    """RFC 9309 matching for the file's one group (no Allow lines): `*` is any characters, `$` the end."""
    rules = [line.partition(":")[2].strip() for line in robots.splitlines() if line.startswith("Disallow:")]
    patterns = [re.escape(rule).replace(r"\*", ".*").replace(r"\$", "$") for rule in rules if rule]
    return any(re.match(pattern, path) for pattern in patterns)


def robots(client, **extra) -> str:
    response = client.get("/robots.txt", **extra)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return response.content.decode()


def test_robots_txt_names_the_sitemap_at_the_address_the_crawler_used(client):
    assert "Sitemap: http://testserver/sitemap.xml" in robots(client).splitlines()
    assert "Sitemap: https://localhost/sitemap.xml" in robots(client, secure=True, HTTP_HOST="localhost").splitlines()


def test_the_admin_and_the_editors_previews_in_it_are_kept_out(client):
    text = robots(client)
    assert text.startswith("User-agent: *\n")
    assert disallowed(text, "/admin/")
    assert disallowed(text, "/admin/pages/3/edit/preview/")
    assert disallowed(text, "/admin/pages/3/view_draft/")


def test_comment_confirmation_links_and_receipts_are_kept_out_in_every_language(client, home_page):
    consultation = ConsultationPageFactory(home=home_page, title="Нацрт одлуке о роботима")
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(consultation.url, comment_data(consultation))
    confirmation = re.search(r"https?://[^/\s]+(/\S+/potvrda/\S+/)", mail.outbox[0].body).group(1)
    with TestCase.captureOnCommitCallbacks(execute=True):
        receipt = client.post(confirmation, follow=True).redirect_chain[-1][0]
    text = robots(client)

    assert disallowed(text, confirmation) and "/prijem/" in receipt and disallowed(text, receipt)
    translations = list(consultation.get_translations().live())
    assert translations, "the Latin twin"
    for translation in translations:
        assert disallowed(text, translation.url + translation.reverse_subpage("confirm", args=["token"]))
        assert disallowed(text, translation.url + translation.reverse_subpage("receipt", args=["token"]))
    for code in ("sr-cyrl", "sr-latn", "en"):
        assert f"Disallow: /{code}/*/potvrda/" in text and f"Disallow: /{code}/*/prijem/" in text


def test_what_readers_should_find_stays_open_to_crawlers(client, home_page):
    consultation = ConsultationPageFactory(home=home_page, title="Нацрт одлуке о читаоцима")
    text = robots(client)

    for path in [
        "/sr-cyrl/",
        "/en/",
        consultation.url,
        consultation.url + consultation.reverse_subpage("report"),
        "/sr-latn/documents/1/odluka/",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/sr-cyrl/feeds/consultations/rss/",
    ]:
        assert not disallowed(text, path), path
