"""Wagtail's `search_fields` in short: the fields a model's text is searched in, the fields a search filters on.

    search_fields = SitePage.search_fields + [*searchable("lead", "body"), *filterable("date")]

A field that needs more (a boost, related fields, autocompletion) is declared with `wagtail.search.index` as usual.
"""

from wagtail.search import index


def searchable(*names: str) -> list[index.SearchField]:
    """Full-text fields: what a query's words are matched against."""
    return [index.SearchField(name) for name in names]


def filterable(*names: str) -> list[index.FilterField]:
    """Fields a search may filter, facet or order on."""
    return [index.FilterField(name) for name in names]
