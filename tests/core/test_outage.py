"""A lost database (or a failing file store) anywhere in a request: a 503 page in the visitor's language.

These tests use no database at all (no django_db mark): if rendering the 503 page asked the
database, pytest-django would refuse and the page would not come out.
"""

import pytest
from botocore.exceptions import EndpointConnectionError

from django.db import InterfaceError, OperationalError
from django.template import engines
from django.template.response import TemplateResponse
from django.test import Client
from django.urls import include, path

from wagtail.admin import urls as wagtailadmin_urls

from core.outage import caused_by_database_outage

pytestmark = pytest.mark.urls("tests.core.test_outage")


def database_gone(request, language=None):
    raise OperationalError("connection refused")


class ExplodingTemplate:
    """A template whose rendering loses the database half-way, as a lazy queryset in a page would."""

    def render(self, context=None, request=None):
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError as error:
            raise InterfaceError("connection already closed") from error


def lost_while_rendering(request, language=None):
    return TemplateResponse(request, ExplodingTemplate())


def store_gone(request, language=None):
    raise EndpointConnectionError(endpoint_url="http://s3.invalid/")


def bug(request, language=None):
    raise ValueError("a programming error")


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),  # the site's CSP middleware tells admin pages apart by their URL
    path("<str:language>/database/", database_gone),
    path("<str:language>/rendering/", lost_while_rendering),
    path("<str:language>/store/", store_gone),
    path("<str:language>/bug/", bug),
]
handler500 = "core.outage.server_error"


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("sr-cyrl", "Сајт је привремено недоступан"),
        ("sr-latn", "Sajt je privremeno nedostupan"),
        ("en", "The site is temporarily unavailable"),
    ],
)
def test_a_lost_database_answers_503_in_the_language_of_the_url(browser, language, heading):
    response = browser.get(f"/{language}/database/")
    assert response.status_code == 503
    assert heading in response.content.decode()
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


def test_a_database_lost_while_a_template_renders_answers_503_not_500(browser):
    response = browser.post("/sr-latn/rendering/", {"proposed_wording": "tekst"})
    assert response.status_code == 503
    assert "Sajt je privremeno nedostupan" in response.content.decode()


def test_a_failing_file_store_on_a_public_page_answers_503(browser):
    response = browser.get("/en/store/")
    assert response.status_code == 503
    assert "The site is temporarily unavailable" in response.content.decode()


def test_other_errors_keep_the_500_page(browser):
    response = browser.get("/en/bug/")
    assert response.status_code == 500
    assert "Server error" in response.content.decode()


def test_the_503_page_names_no_exception():
    page = engines["django"].get_template("503.html").render({"html_lang": "en"})
    assert "OperationalError" not in page and "Traceback" not in page


def test_only_database_errors_in_the_chain_count_as_an_outage():
    try:
        try:
            raise OperationalError("gone")
        except OperationalError as error:
            raise RuntimeError("while handling") from error
    except RuntimeError as wrapped:
        assert caused_by_database_outage(wrapped)
    assert not caused_by_database_outage(ValueError("no"))
    assert not caused_by_database_outage(None)


class DatabaseGoneMiddleware:
    """A middleware that asks the database before any view runs (as session or site lookups do)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise OperationalError("connection refused")


def test_a_database_lost_in_a_middleware_answers_503(browser, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.core.test_outage.DatabaseGoneMiddleware"]
    response = browser.get("/sr-cyrl/bug/")
    assert response.status_code == 503
    assert "Сајт је привремено недоступан" in response.content.decode()
