from django import template

from calls.money import format_rsd
from core.redaction import without_contacts as redact

register = template.Library()


@register.filter
def rsd(amount) -> str:
    return format_rsd(amount)


@register.filter
def without_contacts(text) -> str:
    """Results rows should hold no e-mail or phone; if one slipped in past the form, it is not shown."""
    return redact(str(text or ""))
