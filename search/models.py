"""What the public search looks through: one row per thing a visitor can find.

A page and its translations (Cyrillic original, Latin twin, English) are one
``SearchEntry``, and so is each public registry document. The row carries its
display titles and links in every language, the facets (kind, document type,
year) and two normalised fields that every backend indexes. Keeping this shape
in one model is what lets the database and OpenSearch rank, filter, count and
paginate the same way; the pages and documents stay the source of truth and the
entries are rebuilt from them (``manage.py sync_search_entries``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

from core.search_fields import filterable

# The display text kept for snippets. Longer file texts still count for matching
# (through search_text); a snippet only needs the passage where the words are.
MAX_DISPLAY_TEXT = 100_000
# Normalised text indexed per entry; a 1,000-page PDF is cut here.
MAX_SEARCH_TEXT = 400_000


class SearchEntry(index.Indexed, models.Model):
    key = models.CharField(max_length=80, unique=True)
    kind = models.CharField(max_length=100, db_index=True)
    document_type_id = models.PositiveIntegerField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    # {"sr-cyrl": ..., "sr-latn": ..., "en": ...}: what the visitor sees, in their language.
    titles = models.JSONField(default=dict)
    urls = models.JSONField(default=dict)
    # Display text for snippets: the original, and the English translation where there is one.
    text = models.TextField(blank=True)
    text_en = models.TextField(blank=True)
    # Every title and text of the item through core.scripts: what queries match.
    search_title = models.TextField(blank=True)
    search_text = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("search_title", boost=4),
        index.SearchField("search_text"),
        index.AutocompleteField("search_title"),
        *filterable("kind", "document_type_id", "year", "date"),
    ]

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["year"]), models.Index(fields=["date"])]

    def __str__(self):
        return self.key


class SearchWord(models.Model):
    """The indexed vocabulary (normalised words), for "did you mean" suggestions."""

    word = models.CharField(max_length=40, primary_key=True)
    # The word as the content writes it (e.g. "стратегија"), to suggest in the reader's script.
    form = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = _("indexed word")
        verbose_name_plural = _("indexed words")

    def __str__(self):
        return self.word


class UnansweredQuery(models.Model):
    """How often a query found nothing, per day. No visitor data: the query (normalised,
    contact details removed) and a count are all that is kept."""

    query = models.CharField(_("query"), max_length=200)
    day = models.DateField(_("day"))
    hits = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [models.UniqueConstraint(fields=["query", "day"], name="unanswered_query_per_day")]

    def __str__(self):
        return self.query
