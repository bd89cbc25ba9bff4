"""Publishing a consultation tells its commenters what changed: the report went public, the
consultation was extended or reopened. Editors do nothing extra: the page's live values just before
the publication (read when Wagtail saves the page) are compared with the published ones."""

import contextlib
import contextvars

from django.conf import settings
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone

from wagtail.signals import page_published

from .models import ConsultationPage, NoticeEvent
from .notices import notify_commenters

LIVE_VALUES = ("live", "closes_at", "report_published_at")
# Set while a revised draft is published (consultations/versions.py): its one e-mail tells the new
# comment period too, so the reopening or extension it brings is not announced a second time.
_DATES_ANNOUNCED_ELSEWHERE = contextvars.ContextVar("dates_announced_elsewhere", default=False)


@contextlib.contextmanager
def dates_announced_elsewhere():
    token = _DATES_ANNOUNCED_ELSEWHERE.set(True)
    try:
        yield
    finally:
        _DATES_ANNOUNCED_ELSEWHERE.reset(token)


def events_between(before: dict, page, now) -> list[str]:
    """What commenters hear about when `page` replaces the live values `before`."""
    events = []
    if page.report_published_at and not before["report_published_at"]:
        events.append(NoticeEvent.REPORT_PUBLISHED)
    previous_close = before["closes_at"]
    if page.closes_at > previous_close and page.closes_at > now:
        events.append(NoticeEvent.REOPENED if previous_close <= now else NoticeEvent.EXTENDED)
    return events


@receiver(pre_save, sender=ConsultationPage)
def remember_live_values(sender, instance, raw=False, update_fields=None, **kwargs):
    # A publication saves the whole page; saves of a few fields (drafts, bookkeeping) change no dates.
    if raw or not instance.pk or update_fields is not None:
        return
    instance._live_values = ConsultationPage.objects.filter(pk=instance.pk).values(*LIVE_VALUES).first()


@receiver(page_published, sender=ConsultationPage)
def tell_commenters(sender, instance, **kwargs):
    before = instance.__dict__.pop("_live_values", None)
    # Comments belong to the Cyrillic original; its translations follow its dates.
    if not before or not before["live"] or instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    for event in events_between(before, instance, timezone.now()):
        if event != NoticeEvent.REPORT_PUBLISHED and _DATES_ANNOUNCED_ELSEWHERE.get():
            continue
        notify_commenters(instance, event)
