import os

import pytest

from tests.factories import make_site_home

# Playwright's sync API keeps an event loop in the test thread; Django's ORM calls
# from that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def home_page(db):
    return make_site_home()


@pytest.fixture
def demo_site(db):
    from home.demo.builder import build_demo_site

    return build_demo_site()


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site root paths; page ids differ from test to test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
