"""Directory rows and search entries follow the records: comments, awards, and the pages that hold them.

Each change schedules `sync_organisation` for the numbers it touches, after the commit (the
new rows are visible then). A failure is logged, never raised: publishing or moderating
must not fail because of the directory, and the hourly job repairs it.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from calls.models import Award, AwardPayment, CallPage, DirectFunding
from consultations.models import Comment, ConsultationPage
from core.page_cache.generation import bump_generation

from .directory import is_registration_number, sync_organisation

logger = logging.getLogger(__name__)


def _sync_quietly(number: str) -> None:
    try:
        sync_organisation(number)
    except Exception:
        logger.exception("Could not update the organisation %s", number)


def sync_after_commit(numbers) -> None:
    for number in sorted({number for number in numbers if is_registration_number(number)}):
        transaction.on_commit(lambda number=number: _sync_quietly(number))


@receiver(post_save, sender=Comment)
@receiver(post_delete, sender=Comment)
def comment_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.changes_public_pages():
        sync_after_commit([instance.registration_number])


@receiver(post_save, sender=Award)
@receiver(post_delete, sender=Award)
@receiver(post_save, sender=DirectFunding)
@receiver(post_delete, sender=DirectFunding)
def funding_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_after_commit([instance.registration_number])
        # An amount or a purpose changes the organisation's page without changing its directory row.
        bump_generation()


@receiver(post_save, sender=AwardPayment)
@receiver(post_delete, sender=AwardPayment)
def payment_changed(sender, instance, raw=False, **kwargs):
    """What was paid shows on the organisation's page (and the transparency page): cached copies go."""
    if not raw:
        bump_generation()


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    """A call's results, or a consultation's comments, appear or disappear with their page."""
    try:
        page = instance.specific
        if isinstance(page, CallPage):
            sync_after_commit(Award.objects.filter(page=page).values_list("registration_number", flat=True))
        elif isinstance(page, ConsultationPage):
            comments = Comment.objects.filter(consultation=page.original).published()
            sync_after_commit(comments.values_list("registration_number", flat=True).distinct())
    except Exception:
        logger.exception("Could not schedule the organisations of page %s", instance.pk)
