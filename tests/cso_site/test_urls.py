"""Every language is prefixed; "/" picks one from the browser's preferences."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("sr-Latn-RS,sr-Latn;q=0.9", "/sr-latn/"),
        ("sr-RS,sr;q=0.9", "/sr-cyrl/"),
        ("de-DE", "/sr-cyrl/"),
    ],
)
def test_root_redirects_by_browser_language(client, home_page, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_robots_txt_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /admin/" in response.content.decode()
