"""Publishing, unpublishing, moving or deleting a page purges the front cache (FRONTEND_CACHE_URL): the page in
every language, the listings above it, their feeds and the home page; and any change bans the whole site."""

import http.server
import threading

import pytest

from django.test import TestCase

from tests.factories import StandardPageFactory, publish
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory


class Recorder(http.server.BaseHTTPRequestHandler):
    """A front cache that answers 200 to everything and remembers each (method, Host, path)."""

    def answer(self):
        self.server.received.append((self.command, self.headers.get("Host"), self.headers.get("X-Ban-Url"), self.path))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PURGE = do_BAN = answer  # noqa: N815  (http.server finds a handler by the method's name)

    def log_message(self, *args):
        pass


@pytest.fixture
def front_cache(settings):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.received = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield server.received
    server.shutdown()
    server.server_close()


def purged_paths(received) -> set[str]:
    return {path for method, _host, _ban, path in received if method == "PURGE"}


@pytest.fixture
def news_item(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    return NewsPageFactory(parent=index, title="Позив на округли сто")


def test_publishing_purges_the_page_its_twin_its_listing_their_feeds_and_the_home_page(front_cache, news_item):
    front_cache.clear()
    news_item.lead = "Нови увод."
    publish(news_item)
    paths = purged_paths(front_cache)
    slug, index_slug = news_item.slug, news_item.get_parent().slug
    for language in ("sr-cyrl", "sr-latn"):
        assert {
            f"/{language}/{index_slug}/{slug}/",
            f"/{language}/{index_slug}/",
            f"/{language}/",
            f"/{language}/feeds/news/rss/",
            f"/{language}/feeds/news/atom/",
        } <= paths
    assert {host for method, host, _ban, _path in front_cache if method == "PURGE"} == {"localhost"}
    assert ("BAN", "^/") in {(method, ban) for method, _host, ban, _path in front_cache}


@pytest.mark.parametrize("change", ["unpublish", "move", "delete"])
def test_unpublishing_moving_or_deleting_purges_the_old_address(front_cache, news_item, home_page, change):
    old_address = news_item.url
    other_index = StandardPageFactory(parent=home_page, title="Архива")
    front_cache.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        if change == "unpublish":
            news_item.unpublish()
        elif change == "move":
            news_item.move(other_index, pos="last-child")
        else:
            news_item.delete()
    paths = purged_paths(front_cache)
    assert old_address in paths and "/sr-cyrl/" in paths
    if change == "move":
        news_item.refresh_from_db()
        assert news_item.url in paths
