from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _


def format_rsd(amount) -> str:
    """An amount in dinars, grouped the way the visitor's language writes numbers."""
    if amount is None or amount == "":
        return ""
    amount = Decimal(amount)
    places = 0 if amount == amount.to_integral_value() else 2
    return _("%(amount)s RSD") % {"amount": number_format(amount, places, force_grouping=True)}
