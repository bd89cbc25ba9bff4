"""Small cached pieces of every page (menu, footer, settings, routes), kept until the content changes.

Each key carries the page cache's generation (core/page_cache/generation.py): every change an
anonymous page can show bumps it, and every worker sees the bump at its next read (a shared number
in Redis; with the default local-memory cache, whose entries belong to one process, a small file on
the machine). So nothing here is purged by hand, and no gunicorn worker keeps showing a menu,
footer or route that another worker's publish changed.
"""

import hashlib

from django.core.cache import cache

from .page_cache.generation import current_generation, seconds_until_next_change, start_new_generation

TIMEOUT = 60 * 60 * 24


def content_version() -> str:
    return current_generation()


def bump_content_version(*args, **kwargs) -> None:
    """For changes no model signal reports (search entries rewritten after the commit)."""
    start_new_generation()


def cache_key(name: str) -> str:
    """`name` under the current content version; long or non-ASCII names (URL paths) are hashed."""
    if len(name) > 200 or not name.isascii():
        name = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()
    return f"content:{name}:g{content_version()}"


def cached(name: str, build, timeout: int = TIMEOUT):
    """The value of `build()` under `name`, until the content changes."""
    return cache.get_or_set(cache_key(name), build, timeout)


def cached_until_clock_change(name: str, build):
    """Like `cached`, but also gone at the next instant a page changes by the clock alone (a consultation
    or call opening or closing, an event starting, midnight: core/page_cache/generation.py)."""
    generation = content_version()
    seconds = seconds_until_next_change(generation)
    if seconds <= 0:
        return build()
    return cache.get_or_set(f"content:{name}:g{generation}", build, min(TIMEOUT, seconds))
