"""Versions of a draft: each revised draft the office publishes keeps a frozen copy of its articles.

The page's `Article` rows stay the current draft (the comment form and the page use them);
a `DraftVersion` is what the draft was when the office published it, so the path from the
first draft to the adopted act can be retraced and compared article by article.

Versions belong to the Cyrillic original, as comments do. Each frozen article keeps the
`translation_key` its article has in every language, which is how an article is followed
from one version to the next and how its English copy is found.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pages import Article, ConsultationPage


class DraftVersion(models.Model):
    """Version 1, 2, … of a consultation's draft, as published, with its own comment period if reopened."""

    consultation = models.ForeignKey(
        ConsultationPage, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="draft_versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    note = models.TextField(_("summary of changes"), max_length=3000, blank=True)
    # Set when the version reopened the comment period: its own period, kept after later changes.
    opens_at = models.DateTimeField(_("comments open at"), null=True, blank=True)
    closes_at = models.DateTimeField(_("comments close at"), null=True, blank=True)

    class Meta:
        verbose_name = _("version of the draft")
        verbose_name_plural = _("versions of the draft")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="one_draft_version_per_number"),
        ]

    def __str__(self):
        return str(_("Version %(number)s") % {"number": self.number})


class VersionArticle(models.Model):
    """One article of a version, frozen: later edits of the current draft do not change it."""

    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="articles")
    # The current draft's article this copy was taken from (comments target it); kept while it exists.
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The same in every language and every version: how an article is followed across them.
    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.PROTECT, related_name="+")
    sort_order = models.PositiveIntegerField(default=0)
    number = models.CharField(_("number"), max_length=20)
    heading = models.CharField(_("heading"), max_length=250, blank=True)
    text = models.TextField(_("text"), max_length=20000)

    class Meta:
        verbose_name = _("article of a version")
        verbose_name_plural = _("articles of a version")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "locale", "translation_key"], name="one_copy_of_an_article_per_version_and_locale"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.heading}".strip()
