"""The platform's health endpoints against the real services (core/health.py).

Readiness is checked with PostgreSQL, moto's S3 server and OpenSearch up (`make test` starts them and sets
DATABASE_URL, TEST_S3_ENDPOINT_URL, TEST_SEARCH_URL), then with one of them pointed at a port where
nothing listens, or at a socket that accepts and never answers (a frozen service). The shared
PostgreSQL is never stopped: the database check is pointed elsewhere for one test.
"""

import json
import os
import socket
import time
import uuid

import boto3
import pytest

from django.db import connections
from django.test import Client

from cso_site.settings.environment import search_backends

S3_ENDPOINT = os.environ.get("TEST_S3_ENDPOINT_URL", "")
SEARCH_URL = os.environ.get("TEST_SEARCH_URL", "")
PROBE_HOSTS = ["10.0.0.7:8080", "evil.example", "testserver"]


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def frozen_port():
    """A port that accepts connections and never answers, like a service that hangs."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield listener.getsockname()[1]


def use_s3(settings, endpoint: str, bucket: str) -> None:
    settings.AWS_STORAGE_BUCKET_NAME = bucket
    settings.AWS_S3_ENDPOINT_URL = endpoint
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_ACCESS_KEY_ID = "test"
    settings.AWS_SECRET_ACCESS_KEY = "test-secret-never-shown"
    # Changing STORAGES resets Django's default storage.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}


@pytest.fixture
def s3_bucket(settings):
    if not S3_ENDPOINT:
        pytest.skip("no S3-compatible server: TEST_S3_ENDPOINT_URL is unset (`make test` starts moto)")
    bucket = f"cso-health-{uuid.uuid4().hex[:12]}"
    boto3.client(
        "s3", endpoint_url=S3_ENDPOINT, aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1"
    ).create_bucket(Bucket=bucket)
    use_s3(settings, S3_ENDPOINT, bucket)
    return bucket


@pytest.fixture
def opensearch(settings):
    if not SEARCH_URL:
        pytest.skip("OpenSearch not running: TEST_SEARCH_URL is unset (`make test` starts a node)")
    settings.WAGTAILSEARCH_BACKENDS = search_backends(SEARCH_URL)


def ready(host: str = "testserver"):
    response = Client().get("/health/ready", headers={"host": host})
    return response, json.loads(response.content)


def assert_live() -> None:
    response = Client().get("/health/live", headers={"host": "10.0.0.7:8080"})
    assert (response.status_code, response.content) == (200, b"ok")


def assert_down(response, body, component: str) -> None:
    assert response.status_code == 503
    assert body["status"] == "down"
    assert body["checks"][component] == "down"
    assert [name for name, state in body["checks"].items() if state == "down"] == [component]
    assert response["Cache-Control"] == "no-store"


def test_liveness_answers_ok_without_touching_any_service():
    # No database mark: pytest-django refuses any query, so a liveness that asked the database would fail here.
    response = Client().get("/health/live")
    assert (response.status_code, response.content) == (200, b"ok")
    assert response["Cache-Control"] == "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_readiness_is_ok_with_postgresql_s3_and_opensearch_up(s3_bucket, opensearch):
    response, body = ready()
    assert response.status_code == 200, body
    assert body == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "storage": "ok", "search": "ok"}}
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readiness_with_the_database_search_backend_does_not_list_a_search_engine():
    response, body = ready()
    assert response.status_code == 200, body
    assert set(body["checks"]) == {"database", "cache", "storage"}


@pytest.mark.django_db
def test_storage_on_a_closed_port_makes_readiness_503_naming_storage_only(settings, s3_bucket):
    port = unused_port()
    use_s3(settings, f"http://127.0.0.1:{port}", s3_bucket)
    response, body = ready()
    assert_down(response, body, "storage")
    # Nothing about where or why: no host, port, bucket or secret in the answer.
    for secret in (str(port), "127.0.0.1", s3_bucket, "test-secret-never-shown"):
        assert secret not in response.content.decode()
    assert_live()


@pytest.mark.django_db
def test_a_missing_bucket_makes_readiness_503_naming_storage(settings, s3_bucket):
    use_s3(settings, S3_ENDPOINT, f"{s3_bucket}-missing")
    assert_down(*ready(), "storage")


@pytest.mark.django_db
def test_search_engine_on_a_closed_port_makes_readiness_503_naming_search(settings):
    port = unused_port()
    settings.WAGTAILSEARCH_BACKENDS = search_backends(f"opensearch://127.0.0.1:{port}")
    response, body = ready()
    assert_down(response, body, "search")
    assert str(port) not in response.content.decode()
    assert_live()


@pytest.mark.django_db
def test_unreachable_database_makes_readiness_503_naming_database(monkeypatch):
    # The readiness check opens a new connection from connections.settings["default"]; point that copy
    # elsewhere (the test's own connection, already open, keeps its settings). PostgreSQL is never stopped.
    unreachable = dict(connections.settings["default"])
    if unreachable["ENGINE"] == "django.db.backends.postgresql":
        unreachable.update(HOST="127.0.0.1", PORT=str(unused_port()), PASSWORD="db-secret-never-shown")
    else:
        unreachable.update(NAME="/nonexistent-folder/for/health/db.sqlite3")
    monkeypatch.setitem(connections.settings, "default", unreachable)

    response, body = ready()
    assert_down(response, body, "database")
    assert "db-secret-never-shown" not in response.content.decode()
    assert_live()


@pytest.mark.django_db
def test_a_frozen_storage_makes_readiness_503_within_the_timeout(settings, frozen_port):
    settings.HEALTH_CHECK_TIMEOUT = 1
    use_s3(settings, f"http://127.0.0.1:{frozen_port}", "frozen-bucket")
    started = time.monotonic()
    response, body = ready()
    assert time.monotonic() - started < 3
    assert_down(response, body, "storage")


@pytest.mark.django_db
def test_a_frozen_search_engine_makes_readiness_503_within_the_timeout(settings, frozen_port):
    settings.HEALTH_CHECK_TIMEOUT = 1
    settings.WAGTAILSEARCH_BACKENDS = search_backends(f"opensearch://127.0.0.1:{frozen_port}")
    started = time.monotonic()
    response, body = ready()
    assert time.monotonic() - started < 3
    assert_down(response, body, "search")


@pytest.mark.django_db
@pytest.mark.parametrize("host", PROBE_HOSTS)
def test_probes_by_any_host_over_plain_http_are_answered_despite_the_ssl_redirect(settings, host):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    client = Client()
    live = client.get("/health/live", headers={"host": host})
    assert (live.status_code, live.content) == (200, b"ok")
    response = client.get("/health/ready", headers={"host": host})
    assert response.status_code == 200, response.content
    assert json.loads(response.content)["status"] == "ok"


@pytest.mark.django_db
def test_other_paths_keep_the_ssl_redirect_and_the_host_check(settings):
    """The health paths are the only exception: the same request elsewhere is redirected or refused."""
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    assert Client().get("/sr-cyrl/", headers={"host": "portal.example.org"}).status_code == 301
    settings.SECURE_SSL_REDIRECT = False
    assert Client().get("/health/livex", headers={"host": "evil.example"}).status_code == 400
