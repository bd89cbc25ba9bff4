"""The Origin/Referer rule that stands in for the CSRF cookie on the shared comment form (core/same_origin.py)."""

import pytest

from django.test import RequestFactory

from core.same_origin import is_same_origin

SITE = "portal.example.org"


def request(secure=True, **headers):
    return RequestFactory().post("/sr-cyrl/konsultacije/nacrt/", secure=secure, HTTP_HOST=SITE, **headers)


@pytest.fixture(autouse=True)
def hosts(settings):
    settings.ALLOWED_HOSTS = [SITE]
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.portal.example.org", "https://*.gradska-uprava.example"]


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": f"https://{SITE}"},
        {"HTTP_ORIGIN": f"HTTPS://{SITE.upper()}"},
        {"HTTP_ORIGIN": "https://www.portal.example.org"},  # trusted exactly
        {"HTTP_ORIGIN": "https://konsultacije.gradska-uprava.example"},  # trusted by a wildcard
        {"HTTP_REFERER": f"https://{SITE}/sr-cyrl/konsultacije/nacrt/"},
    ],
)
def test_a_send_from_this_site_or_a_trusted_origin_passes(headers):
    assert is_same_origin(request(**headers))


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://napadac.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": f"http://{SITE}"},  # the right host over the wrong scheme
        {"HTTP_ORIGIN": f"https://{SITE}.napadac.example"},
        {"HTTP_ORIGIN": "http://konsultacije.gradska-uprava.example"},  # a wildcard holds for its scheme only
        # An Origin decides, whatever the Referer says.
        {"HTTP_ORIGIN": "https://napadac.example", "HTTP_REFERER": f"https://{SITE}/"},
        {"HTTP_REFERER": "https://napadac.example/"},
        {"HTTP_REFERER": "nije-adresa"},
        {},  # over HTTPS, a send naming no origin at all
    ],
)
def test_a_send_from_elsewhere_or_from_nowhere_over_https_fails(headers):
    assert not is_same_origin(request(**headers))


def test_over_plain_http_a_send_without_either_header_passes_as_djangos_own_check_lets_it():
    assert is_same_origin(request(secure=False))
    assert not is_same_origin(request(secure=False, HTTP_ORIGIN="http://napadac.example"))
