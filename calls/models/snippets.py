from django.utils.translation import gettext_lazy as _

from core.vocabulary import OrderedName


class FundingArea(OrderedName):
    """An area a call finances (culture, social protection, youth, …).

    Written in Cyrillic; the Latin twin follows on save and the English name is a
    translation. Calls point at the Cyrillic original, so one area is one filter value
    and one row of the funding totals in every language.
    """

    class Meta(OrderedName.Meta):
        verbose_name = _("funding area")
        verbose_name_plural = _("funding areas")
