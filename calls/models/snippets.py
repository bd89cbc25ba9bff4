from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class FundingArea(TranslatableMixin, models.Model):
    """An area a call finances (culture, social protection, youth, …).

    Written in Cyrillic; the Latin twin follows on save and the English name is a
    translation. Calls point at the Cyrillic original, so one area is one filter value
    and one row of the funding totals in every language.
    """

    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funding area")
        verbose_name_plural = _("funding areas")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
