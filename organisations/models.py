"""The directory of organisations: one row per registration number the public can see.

The rows are a summary rebuilt from the portal's public records (published comments whose
authors agreed to be named, awards of calls whose results are published), never entered
by hand: `organisations.directory.sync_organisation` writes or deletes a row from those
records, so the directory cannot hold anything the records do not show. The organisation
page itself is built from the records on every request (organisations/profile.py); the
row serves the index, its search box and the site search.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

REGISTRATION_NUMBER_PATTERN = r"\d{8}"


class Organisation(models.Model):
    registration_number = models.CharField(_("registration number"), max_length=8, unique=True)
    # The name most recently used in a public record; the page lists every other one.
    name = models.CharField(_("name"), max_length=250)
    # Every name used, and the number, through core.scripts.normalize: what the index's search box matches.
    search_names = models.TextField(blank=True)
    first_year = models.PositiveSmallIntegerField(null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(null=True, blank=True)
    comment_count = models.PositiveIntegerField(default=0)
    award_count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "registration_number"]
        indexes = [models.Index(fields=["name", "registration_number"])]

    def __str__(self):
        return f"{self.name} ({self.registration_number})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("organisations:detail", kwargs={"registration_number": self.registration_number})
