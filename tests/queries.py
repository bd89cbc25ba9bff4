"""Counting the database queries of a page, to show that it does not grow with the content."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_to_render(client, url: str) -> int:
    """Queries of one request for `url`, which must answer 200, after a first request warms the
    per-process caches (content types, site root paths)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)
