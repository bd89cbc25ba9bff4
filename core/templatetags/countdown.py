"""`{{ deadline|countdown }}`: '5 days', '3 hours' — one unit, true for as long as a cached page lives."""

from django import template
from django.utils import timezone

from core.countdown import remaining

register = template.Library()


@register.filter
def countdown(deadline) -> str:
    if not deadline:
        return ""
    return remaining(deadline, timezone.now())
