import os

import pytest

from tests.factories import SiteHomePageFactory

# Playwright's sync API keeps an event loop in the test thread; Django's ORM calls
# from that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def home_page(db):
    return SiteHomePageFactory()


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The demo site's rows and files, built once for the whole run (tests/demo_snapshot.py)."""
    from tests.demo_snapshot import build_demo_snapshot

    with django_db_blocker.unblock():
        return build_demo_snapshot()


@pytest.fixture
def demo_site(db, demo_snapshot):
    """The demo site, put back inside the test's transaction: ask for it before fixtures that add rows."""
    from home.models import HomePage
    from tests.demo_snapshot import restore

    restore(demo_snapshot)
    return HomePage.objects.get(pk=demo_snapshot.home_pk)


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site root paths and Django content type ids; ids differ from test to test
    (a rolled-back demo restore brings back the content types of before)."""
    from tests.demo_snapshot import forget_cached_ids

    forget_cached_ids()
    yield
    forget_cached_ids()
