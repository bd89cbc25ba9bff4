from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class UsefulLink(TranslatableMixin, models.Model):
    """A link in the footer to an institution or resource outside the site.

    Translatable: written in Cyrillic, its Latin twin is produced on save.
    """

    title = models.CharField(_("title"), max_length=150)
    url = models.URLField(_("address"), max_length=500)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("useful link")
        verbose_name_plural = _("useful links")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title
