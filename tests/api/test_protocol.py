"""The API as a protocol: a valid OpenAPI schema, checked parameters, CORS for reads, a rate limit, no page cache."""

import pytest
from openapi_spec_validator import validate

from django.core.cache import cache
from django.test import override_settings

from tests.api.conftest import comment
from tests.api.walk import API, schema

ENDPOINTS = ["pages", "documents", "calls", "awards", "funding-outside-calls", "consultations", "comments"]
HOSTILE_QUERIES = [
    {"page": "-1"},
    {"page": "0"},
    {"page": "9" * 40},
    {"page": "abc"},
    {"page": "1", "page_size": "1000"},
    {"page_size": "0"},
    {"page_size": "-5"},
    {"lang": "xx"},
    {"lang": "sr-cyrl' OR 1=1 --"},
    {"year": "99999"},
    {"year": "2024; DROP TABLE wagtailcore_page"},
    {"status": "'; DELETE FROM documents --"},
    {"call": "١٢"},
    {"consultation": "9" * 25},
    {"type": "wagtailcore.Page\x00"},
    {"type": "auth.User"},
    {"kind": "ђшжћч" * 40},
    {"unknown": "1"},
]


@pytest.mark.django_db
def test_the_openapi_schema_is_valid_and_describes_every_endpoint(client, home_page):
    document = schema(client)
    validate(document)
    paths = set(document["paths"])
    for endpoint in ENDPOINTS:
        assert {f"{API}{endpoint}/", f"{API}{endpoint}/{{id}}/"} <= paths
    assert all(path.startswith(API) for path in paths)  # nothing of Wagtail's admin API


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_hostile_or_unknown_parameters_answer_400_or_404_never_500(client, home_page, endpoint):
    for query in HOSTILE_QUERIES:
        response = client.get(f"{API}{endpoint}/", query)
        assert response.status_code in (400, 404), (query, response.status_code)
        assert response["Content-Type"] == "application/json", query
    for item in ["0", "9223372036854775808", "99999999999999999999999", "-1", "abc", "%00", "١"]:
        response = client.get(f"{API}{endpoint}/{item}/")
        assert response.status_code == 404, (item, response.status_code)


@pytest.mark.django_db
def test_a_page_number_past_the_end_is_404_and_a_repeated_parameter_400(client, home_page):
    assert client.get(f"{API}pages/", {"page": "999"}).status_code == 404
    assert client.get(f"{API}pages/?lang=en&lang=sr-latn").status_code == 400


@pytest.mark.django_db
def test_cors_lets_any_site_read_the_api_and_nothing_else(client, home_page):
    origin = {"HTTP_ORIGIN": "https://example.org"}
    api = client.get(f"{API}pages/", **origin)
    assert api["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in api
    preflight = client.options(f"{API}pages/", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", **origin)
    assert preflight.status_code == 200
    assert set(preflight["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    page = client.get("/sr-cyrl/", **origin)
    assert page.status_code == 200 and "Access-Control-Allow-Origin" not in page


@pytest.mark.django_db
@override_settings(API_RATE="3/minute")
def test_a_client_past_the_rate_gets_429_with_retry_after(client, home_page):
    cache.clear()
    assert [client.get(f"{API}pages/").status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(f"{API}documents/")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert client.get(f"{API}pages/", REMOTE_ADDR="192.0.2.7").status_code == 200  # another client still may


@pytest.mark.django_db
@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_page_cache_never_stores_api_answers(client, api_content):
    first = client.get(f"{API}comments/")
    assert "X-Page-Cache" not in first
    comment(api_content["consultation"])
    second = client.get(f"{API}comments/")
    assert "X-Page-Cache" not in second
    assert second.json()["count"] == first.json()["count"] + 1


@pytest.mark.django_db
def test_every_page_footer_links_the_api_docs_in_the_visitors_language(client, home_page):
    page = client.get("/sr-cyrl/")
    assert page.status_code == 200
    assert '<a href="/api/v1/docs/">API отворених података за програмере</a>' in page.content.decode()
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200 and "/static/drf_spectacular_sidecar/swagger-ui-dist/" in docs.content.decode()
    assert "<style>" not in docs.content.decode() and "https://" not in docs.content.decode()
