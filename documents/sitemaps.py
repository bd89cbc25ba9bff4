"""The registry's section of the sitemap: each public document's permanent page in every language.

A document's page exists in each language (its title and labels follow the visitor's), so
each public document gives one URL per language, each naming the others as alternates.
The documents are read one sitemap file at a time (a slice of one query), so a registry of
any size is listed in files of 50,000 URLs without ever loading it whole.
"""

import math
from collections.abc import Sequence
from functools import cached_property

from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest
from django.utils import translation

from home.sitemaps import LanguageVersionsSitemap, SitemapUrl, language_codes, without_microseconds

from .models import RegistryDocument


class UrlsOfEach(Sequence):
    """A queryset seen as the flat list of the URLs each of its rows gives (`per_row` each): what
    Django's sitemap paginator slices, one database slice per sitemap file."""

    def __init__(self, queryset, per_row: int, urls_of):
        self.queryset, self.per_row, self.urls_of = queryset, per_row, urls_of

    def __len__(self) -> int:
        if not hasattr(self, "_length"):
            self._length = self.queryset.count() * self.per_row
        return self._length

    def __getitem__(self, index):
        if not isinstance(index, slice):
            if not 0 <= index < len(self):
                raise IndexError(index)
            return self[index : index + 1][0]
        start, stop, step = index.indices(len(self))
        first_row, end_row = start // self.per_row, math.ceil(stop / self.per_row)
        urls = [url for row in self.queryset[first_row:end_row] for url in self.urls_of(row)]
        offset = first_row * self.per_row
        return urls[start - offset : stop - offset : step]


def changed_at():
    """When a document last changed as far as the registry records it: created, or given a new file."""
    return Greatest("created_at", Coalesce("file_uploaded_at", "created_at"))


class RowsInEveryLanguageSitemap(LanguageVersionsSitemap):
    """A section whose rows each have a page in every language (`get_absolute_url()` follows the active one).

    Subclasses give `rows()` (ordered, for stable slices) and `changed_field`, the row's last change.
    """

    changed_field = "changed_at"

    def rows(self):
        raise NotImplementedError

    def urls_of(self, row) -> list[SitemapUrl]:
        paths = {}
        for code in language_codes():
            with translation.override(code):
                paths[code] = row.get_absolute_url()
        alternates = self.alternates(paths)
        lastmod = without_microseconds(getattr(row, self.changed_field))
        return [SitemapUrl(path, lastmod, alternates) for path in paths.values()]

    @cached_property
    def urls(self) -> UrlsOfEach:
        return UrlsOfEach(self.rows(), len(language_codes()), self.urls_of)

    def items(self):
        return self.urls

    def get_latest_lastmod(self):
        return without_microseconds(self.rows().aggregate(latest=Max(self.changed_field))["latest"])


class DocumentSitemap(RowsInEveryLanguageSitemap):
    def rows(self):
        return (
            RegistryDocument.objects.public()
            .annotate(changed_at=changed_at())
            .only("id", "title", "created_at", "file_uploaded_at")
            .order_by("pk")
        )
