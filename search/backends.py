"""The search engines behind ``SEARCH_URL``, made safe to lose.

modelsearch's OpenSearch and Elasticsearch backends, with three additions:

* every search and count has a short timeout of its own (``QUERY_TIMEOUT``), so a
  hanging engine costs a visitor at most that long before the database answers;
* a circuit breaker shared through the cache: after one failure the engine is left
  alone for ``PAUSE`` seconds, so neither visitors nor publishing editors wait on it
  again and again;
* every failure becomes ``EngineUnavailableError``, which the search view catches to
  answer from the database backend, and which modelsearch logs (not raises) when it
  happens while indexing. ``manage.py update_index`` catches up afterwards.
"""

from __future__ import annotations

import logging

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend, Elasticsearch9SearchResults
from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend, OpenSearch3SearchResults

from django.core.cache import cache

logger = logging.getLogger(__name__)

QUERY_TIMEOUT = 1.0
PAUSE = 30
_BREAKER_KEY = "search:engine-down:{}"


class EngineUnavailableError(Exception):
    """The search engine did not answer; use the database."""


def engine_is_paused(backend) -> bool:
    return bool(cache.get(_BREAKER_KEY.format(backend.breaker_name)))


def pause_engine(backend, error) -> None:
    logger.warning("Search engine %s unavailable for %ss: %r", backend.breaker_name, PAUSE, error)
    cache.set(_BREAKER_KEY.format(backend.breaker_name), True, PAUSE)


def resume_engine(backend) -> None:
    cache.delete(_BREAKER_KEY.format(backend.breaker_name))


def guarded(backend, call, *args, **kwargs):
    """Run one request to the engine, or fail at once if it is paused."""
    if engine_is_paused(backend):
        raise EngineUnavailableError(f"{backend.breaker_name} is paused after a failure")
    try:
        return call(*args, **kwargs)
    except backend.engine_errors as error:
        pause_engine(backend, error)
        raise EngineUnavailableError(str(error)) from error


class _GuardedResults:
    def _do_search(self):
        return guarded(self.backend, super()._do_search)

    def _do_count(self):
        return guarded(self.backend, super()._do_count)

    def facet(self, field_name):
        return guarded(self.backend, super().facet, field_name)


class _GuardedBackend:
    """Indexing and searching through the breaker; searches with a short timeout."""

    def __init__(self, params):
        params = dict(params)
        self.breaker_name = params.pop("BREAKER_NAME", "default")
        self.query_timeout = float(params.pop("QUERY_TIMEOUT", QUERY_TIMEOUT))
        super().__init__(params)
        self.es = self.wrap_client(self.es)

    def add(self, obj):
        return guarded(self, super().add, obj)

    def add_bulk(self, model, obj_list):
        return guarded(self, super().add_bulk, model, obj_list)

    def delete(self, obj):
        return guarded(self, super().delete, obj)


class _QueryTimeoutClient:
    """The engine client, with `search` and `count` held to the query timeout."""

    def __init__(self, client, timed):
        self._client = client
        self._timed = timed

    def search(self, *args, **kwargs):
        return self._timed().search(*args, **kwargs)

    def count(self, *args, **kwargs):
        return self._timed().count(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._client, name)


class _OpenSearchTimed:
    def __init__(self, client, timeout):
        self.client, self.timeout = client, timeout

    def search(self, *args, **kwargs):
        return self.client.search(*args, request_timeout=self.timeout, **kwargs)

    def count(self, *args, **kwargs):
        return self.client.count(*args, request_timeout=self.timeout, **kwargs)


class OpenSearchResults(_GuardedResults, OpenSearch3SearchResults):
    pass


class OpenSearchBackend(_GuardedBackend, OpenSearch3SearchBackend):
    results_class = OpenSearchResults

    @property
    def engine_errors(self):
        from opensearchpy.exceptions import OpenSearchException

        return (OpenSearchException,)

    def wrap_client(self, client):
        return _QueryTimeoutClient(client, lambda: _OpenSearchTimed(client, self.query_timeout))


class ElasticsearchResults(_GuardedResults, Elasticsearch9SearchResults):
    pass


class ElasticsearchBackend(_GuardedBackend, Elasticsearch9SearchBackend):
    results_class = ElasticsearchResults

    @property
    def engine_errors(self):
        from elastic_transport import TransportError
        from elasticsearch import ApiError

        return (ApiError, TransportError)

    def wrap_client(self, client):
        return _QueryTimeoutClient(client, lambda: client.options(request_timeout=self.query_timeout))
