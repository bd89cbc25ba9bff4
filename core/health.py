"""Health endpoints for the platform: liveness and readiness, answered before anything else.

GET /health/live  -> 200 "ok" while the process answers; it touches no database, cache or storage,
                     so a database outage never makes the platform restart healthy web processes.
GET /health/ready -> 200 {"status": "ok", "checks": {...}} when the database, the cache, the default
                     file storage and the search engine (when SEARCH_URL names one) answer; 503 with the
                     same body naming each component that is "down". The body never carries an error's
                     text: it may hold host names or credentials. The details go to the server log.

A load balancer probes by IP address and over plain HTTP, so `HealthCheckMiddleware` stands first in
MIDDLEWARE: it answers before SecurityMiddleware's HTTPS redirect and before CommonMiddleware checks
the Host header against ALLOWED_HOSTS (it never calls request.get_host()).

Each check runs in a thread of its own and the probe waits at most HEALTH_CHECK_TIMEOUT seconds in
all: a frozen dependency makes the answer a 503 within that time, not a hung probe. (The thread of a
frozen check finishes in the background when the dependency's own timeout fires.)
"""

import json
import logging
import os
import uuid
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, storages
from django.db import connections
from django.http import HttpResponse

logger = logging.getLogger(__name__)

LIVE_PATH = "/health/live"
READY_PATH = "/health/ready"
DEFAULT_TIMEOUT_SECONDS = 3.0
OK, DOWN = "ok", "down"


def check_timeout() -> float:
    return float(getattr(settings, "HEALTH_CHECK_TIMEOUT", DEFAULT_TIMEOUT_SECONDS))


def check_database() -> None:
    """A new connection (not a kept one, which may be stale or fine while new ones fail) runs SELECT 1."""
    connection = connections.create_connection("default")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        connection.close()


def check_cache() -> None:
    cache = caches["default"]
    key, value = f"health:{uuid.uuid4().hex}", "1"
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)


def check_storage() -> None:
    """The default file storage: the bucket answers (S3), or the media folder can be written (local)."""
    storage = storages["default"]
    if hasattr(storage, "bucket_name") and hasattr(storage, "connection"):
        # HEAD on the bucket: cheap, and unlike HEAD on a key it fails when the bucket is missing.
        storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
    elif isinstance(storage, FileSystemStorage):
        location = Path(storage.location)
        folder = location if location.exists() else location.parent  # saving creates a missing media folder
        if not (folder.is_dir() and os.access(folder, os.W_OK)):
            raise RuntimeError("the media folder cannot be written")
    else:
        storage.exists("health-check")


def engine_clients() -> list:
    """The clients of the search engines SEARCH_URL names; none for the database backend."""
    from wagtail.search.backends import get_search_backend

    backends = (get_search_backend(alias) for alias in settings.WAGTAILSEARCH_BACKENDS)
    return [backend.es for backend in backends if hasattr(backend, "es")]


def check_search() -> None:
    timeout = check_timeout()
    for client in engine_clients():
        # Straight to the engine, not through the search circuit breaker (search/backends.py):
        # readiness reports the engine as it is now, not a pause after an earlier failure.
        if hasattr(client, "options"):  # Elasticsearch
            answered = client.options(request_timeout=timeout).ping()
        else:  # OpenSearch
            answered = client.ping(request_timeout=timeout)
        if not answered:
            raise RuntimeError("the search engine did not answer")


def readiness_checks() -> dict:
    checks = {"database": check_database, "cache": check_cache, "storage": check_storage}
    # An engine's backend has URLS (cso_site/settings/environment.py); the database backend is
    # covered by the database check.
    if any(spec.get("URLS") for spec in settings.WAGTAILSEARCH_BACKENDS.values()):
        checks["search"] = check_search
    return checks


def _run_in_thread(name, check):
    try:
        check()
    finally:
        # The thread's own database connections (Django keeps one per thread) are closed, not leaked.
        connections.close_all()
    return name


def run_checks(checks: dict) -> dict:
    """Each check's result, "ok" or "down", waiting at most the timeout for all of them together."""
    results = dict.fromkeys(checks, DOWN)
    executor = ThreadPoolExecutor(max_workers=len(checks), thread_name_prefix="health")
    try:
        futures = {executor.submit(_run_in_thread, name, check): name for name, check in checks.items()}
        done, _pending = wait(futures, timeout=check_timeout())
        for future in done:
            name = futures[future]
            error = future.exception()
            if error is None:
                results[name] = OK
            else:
                logger.warning("health: %s is down: %r", name, error)
        for name in (futures[future] for future in _pending):
            logger.warning("health: %s did not answer within %ss", name, check_timeout())
    finally:
        # Never wait for a frozen check: its thread ends on the dependency's own timeout.
        executor.shutdown(wait=False, cancel_futures=True)
    return results


def readiness_response() -> HttpResponse:
    results = run_checks(readiness_checks())
    ready = all(result == OK for result in results.values())
    body = {"status": OK if ready else DOWN, "checks": results}
    return HttpResponse(json.dumps(body), content_type="application/json", status=200 if ready else 503)


def liveness_response() -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


ENDPOINTS = {LIVE_PATH: liveness_response, READY_PATH: readiness_response}


class HealthCheckMiddleware:
    """Answers the two health paths whatever the Host header and the scheme; first in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        endpoint = ENDPOINTS.get(request.path_info.rstrip("/"))
        if endpoint is None or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        response = endpoint()
        response["Cache-Control"] = "no-store"
        # SecurityMiddleware, which stands after this one, would have added it.
        response["X-Content-Type-Options"] = "nosniff"
        return response
