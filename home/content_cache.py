"""Small cached pieces of every page (menu, footer links, snippet names).

Each key carries a content version that any publish, unpublish, move or snippet save
bumps, so nothing stale outlives an editor's change and no list has to be purged by
hand. The version lives in the shared cache (Redis in production), so every process
sees the bump.
"""

from django.core.cache import cache

VERSION_KEY = "content-version"
TIMEOUT = 60 * 60 * 24


def content_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, None)


def bump_content_version(*args, **kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(VERSION_KEY, 2, None)


def cached(name: str, build):
    """The value of `build()` under `name`, until the content changes."""
    return cache.get_or_set(f"{name}:v{content_version()}", build, TIMEOUT)
