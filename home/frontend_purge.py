"""Purge a page from the front cache (Varnish, FRONTEND_CACHE_URL) when it is published, unpublished,
moved or deleted: the page in every language (the Latin twin, the English translation), the listings
above it up to the home page, and the feeds and calendars those listings announce.

Wagtail's own `wagtail.contrib.frontend_cache` app is not installed: its handlers purge only the
page's own URL on publish and unpublish; these handlers send one `PurgeBatch` with everything
that shows the page, on moves and deletes too. core/page_cache/frontend.py also bans the whole
site after any content change, for the menus and related lists of other pages. Nothing happens
when no front cache is configured.
"""

import threading

from django.conf import settings
from django.db import transaction
from django.db.models.signals import pre_delete
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from .feed_links import FEED_LINKS_HOOK, HOME_PAGE_TYPE

# A moved section purges its pages' old and new addresses, up to this many pages.
MOST_DESCENDANTS = 500
# The old addresses of a page being moved, by page id, from pre_page_move to post_page_move (one thread).
_moving = threading.local()


def front_cache_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def showing_pages(page: Page) -> list[Page]:
    """The page and the listings above it up to the home page (the tree's root has no URL), in every language."""
    chain = [page.specific_deferred, *page.get_ancestors().filter(depth__gt=1).specific(defer=True)]
    pages = []
    for shown in chain:
        pages.append(shown)
        pages.extend(shown.get_translations().specific(defer=True))
    return pages


def feed_urls(page_types: set[str], root_url: str) -> set[str]:
    """The feeds and calendars announced by listings of `page_types`, in every language, on the site at `root_url`."""
    links = [register() for register in hooks.get_hooks(FEED_LINKS_HOOK)]
    names = {link.url_name for link in links if HOME_PAGE_TYPE in page_types or page_types & set(link.page_types)}
    urls = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for name in names:
                try:
                    urls.add(root_url.rstrip("/") + reverse(name))
                except NoReverseMatch:
                    continue
    return urls


def purge_batch_for(page: Page, batch: PurgeBatch | None = None) -> PurgeBatch:
    batch = batch or PurgeBatch()
    pages = showing_pages(page)
    batch.add_pages(pages)
    site = page.get_site()
    if site is not None:
        page_types = {shown._meta.label_lower for shown in pages}
        batch.add_urls(feed_urls(page_types, site.root_url))
    return batch


def purge_after_commit(batch: PurgeBatch) -> None:
    transaction.on_commit(batch.purge)


def page_changed(sender, instance, **kwargs):
    if front_cache_configured():
        purge_after_commit(purge_batch_for(instance))


def page_about_to_move(sender, instance, **kwargs):
    """The old addresses, read while the page is still where it was; sent with the new ones after the move."""
    if front_cache_configured():
        batch = purge_batch_for(instance)
        batch.add_pages(instance.get_descendants().live().specific(defer=True)[:MOST_DESCENDANTS])
        if not hasattr(_moving, "batches"):
            _moving.batches = {}
        _moving.batches[instance.pk] = batch


def page_moved(sender, instance, **kwargs):
    if front_cache_configured():
        old_addresses = getattr(_moving, "batches", {}).pop(instance.pk, None)
        batch = purge_batch_for(instance, old_addresses)
        batch.add_pages(instance.get_descendants().live().specific(defer=True)[:MOST_DESCENDANTS])
        purge_after_commit(batch)


def page_about_to_be_deleted(sender, instance, **kwargs):
    # Before the delete: once the rows are gone, so is the page's address.
    # Django sends this for the specific row and for its Page row: purge once, for the specific one.
    if isinstance(instance, Page) and type(instance) is instance.specific_class and front_cache_configured():
        purge_after_commit(purge_batch_for(instance))


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid="front-cache-published")
    page_unpublished.connect(page_changed, dispatch_uid="front-cache-unpublished")
    pre_page_move.connect(page_about_to_move, dispatch_uid="front-cache-pre-move")
    post_page_move.connect(page_moved, dispatch_uid="front-cache-moved")
    pre_delete.connect(page_about_to_be_deleted, dispatch_uid="front-cache-deleted")
