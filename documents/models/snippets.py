from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from core.vocabulary import OrderedName


class DocumentType(OrderedName):
    """Strategy, action plan, report, draft act, …: what kind of act a document is."""

    class Meta(OrderedName.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")


class IssuingBody(TranslatableMixin, models.Model):
    """Who issued a document; some bodies no longer exist (the national office, abolished 2020)."""

    name = models.CharField(_("name"), max_length=250)
    abolished_in = models.PositiveSmallIntegerField(
        _("abolished in (year)"),
        null=True,
        blank=True,
        help_text=_("Leave empty while the body exists; documents it issued say so on their page."),
    )
    successor = models.CharField(
        _("successor"), max_length=250, blank=True, help_text=_("Who took over its work, if anyone.")
    )

    panels = [FieldPanel("name"), FieldPanel("abolished_in"), FieldPanel("successor")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")
        ordering = ["name"]

    def __str__(self):
        return self.name
