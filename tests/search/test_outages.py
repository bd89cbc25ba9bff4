"""When the engine is down or hangs, visitors still get answers and editors still publish."""

import logging
import socket
import time

import pytest

from django.core.management import call_command

from wagtail.search.backends import get_search_backend

from cso_site.settings.environment import search_backends
from search.backends import resume_engine
from search.query import SearchRequest, run_search
from tests.search.conftest import opensearch_url, page

FALLBACK_NOTICE = "The search engine is not answering"


@pytest.fixture
def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return port  # nothing listens there any more


@pytest.fixture
def hanging_port():
    """A server that accepts connections and never answers (the kernel accepts; no one reads)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    yield server.getsockname()[1]
    server.close()


def use_engine_at(settings, port, index="outage"):
    # A short indexing timeout keeps the test quick; searches have their own 1 s.
    settings.WAGTAILSEARCH_BACKENDS = search_backends(f"opensearch://127.0.0.1:{port}?index={index}&timeout=2")


@pytest.mark.parametrize("port_fixture", ["closed_port", "hanging_port"])
def test_search_answers_from_the_database_within_two_seconds(
    request, settings, client, home_page, caplog, port_fixture
):
    use_engine_at(settings, request.getfixturevalue(port_fixture))
    with caplog.at_level(logging.WARNING):
        news = page(home_page, "Обука за удружења", intro="Обука о писању пројеката.")

    assert "unavailable" in caplog.text, "the indexing failure is logged"
    # Forget the failure seen while publishing: the first search must meet the engine itself.
    resume_engine(get_search_backend("default"))
    for attempt in range(2):
        started = time.monotonic()
        response = client.get("/sr-latn/search/", {"q": "obuka"})
        elapsed = time.monotonic() - started

        assert response.status_code == 200
        assert elapsed < 2, f"attempt {attempt + 1} took {elapsed:.2f} s"
        html = response.content.decode()
        assert FALLBACK_NOTICE in html or "Pretraživač trenutno ne odgovara" in html
        assert news.get_translation(news.locale.__class__.objects.get(language_code="sr-latn")).url in html

    suggestions = client.get("/sr-latn/search/suggest/", {"q": "obu"}).json()
    assert suggestions["fallback"] is True and suggestions["results"]


@pytest.mark.parametrize("port_fixture", ["closed_port", "hanging_port"])
def test_publishing_in_the_admin_works_while_the_engine_is_down(
    request, settings, admin_client, home_page, port_fixture
):
    use_engine_at(settings, request.getfixturevalue(port_fixture))
    draft = page(home_page, "Нацрт", intro="Први текст.")

    response = admin_client.post(
        f"/admin/pages/{draft.pk}/edit/",
        {
            "title": "Нацрт измењен",
            "slug": draft.slug,
            "intro": "Измењен текст.",
            "body-count": "0",
            "action-publish": "Publish",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.title == "Нацрт измењен" and draft.live


def test_update_index_catches_up_when_the_engine_is_back(settings, home_page, closed_port, transactional_db):
    url = opensearch_url()
    use_engine_at(settings, closed_port, index="catchup")
    page(home_page, "Волонтерски сервис", intro="Сервис за волонтере.")

    settings.WAGTAILSEARCH_BACKENDS = search_backends(f"{url}?index=catchup")
    from wagtail.search.backends import get_search_backend

    from search.backends import resume_engine

    engine = get_search_backend("default")
    resume_engine(engine)
    try:
        call_command("update_index", backend_name="default", stdout=open("/dev/null", "w"))
        outcome = run_search(SearchRequest.from_params({"q": "volonterski"}))

        assert not outcome.used_fallback
        assert outcome.total == 1
    finally:
        engine.es.indices.delete(index="catchup_*", ignore_unavailable=True)
