"""The view restrictions over a page, without a query when there are none (the usual case).

Wagtail looks them up for every page it serves: the page's ancestors (to resolve aliases), then
the restrictions on any of them, two queries. The pages that carry a restriction are few and
change only when an editor changes privacy, which bumps the content version
(core/content_cache.py); so their paths are kept in the cache, and a page's restrictions are
those whose page path starts its own.
"""

from wagtail.models import Page, PageViewRestriction

from .content_cache import cached


def restricted_sections() -> list[tuple[int, int, str]]:
    """(restriction id, restricted page id, its path) of every view restriction."""
    return cached(
        "view-restrictions",
        lambda: list(PageViewRestriction.objects.values_list("pk", "page_id", "page__path").order_by("pk")),
    )


def alias_sources() -> dict[str, int]:
    """The path of every alias page, with the id of the page it is an alias of."""
    return cached(
        "page-aliases", lambda: dict(Page.objects.filter(alias_of__isnull=False).values_list("path", "alias_of_id"))
    )


def restrictions_over(page):
    """The restrictions Wagtail applies to `page`: those on it or above it, an alias counting as its original.

    An alias page itself is left to Wagtail's own lookup (None), which follows chains of aliases.
    """
    if page.alias_of_id is not None:
        return None
    aliases = alias_sources()
    own_paths = {page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)}
    originals = {aliases[path] for path in own_paths if path in aliases}
    ids = [
        pk
        for pk, page_id, path in restricted_sections()
        if (path in own_paths and path not in aliases) or page_id in originals
    ]
    # An empty `pk__in` is answered without asking the database.
    return PageViewRestriction.objects.filter(pk__in=ids)
