"""Keep search entries in step with publishing. A failure here is logged, never raised:
an editor's publish must not fail because of search (``sync_search_entries`` repairs)."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.content_cache import bump_content_version
from documents.models import RegistryDocument

from .entries import sync_document, sync_page

logger = logging.getLogger(__name__)


def _sync_later(function, argument):
    def run():
        try:
            with transaction.atomic():
                function(argument)
            # Cached search answers carry the content version: they follow the entry.
            bump_content_version()
        except Exception:
            logger.exception("Could not update the search entry for %s(%r)", function.__name__, argument)

    # After the commit: the Latin twin and the page's new revision are visible by then.
    transaction.on_commit(run)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    _sync_later(sync_page, instance.translation_key)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    # The URLs of the page and of all its descendants changed.
    for key in Page.objects.descendant_of(instance, inclusive=True).values_list("translation_key", flat=True):
        _sync_later(sync_page, key)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance, raw=False, **kwargs):
    """A restricted page (and everything under it) leaves the public search, and comes back."""
    if not raw:
        page_moved(sender, instance.page)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _sync_later(sync_page, instance.translation_key)


@receiver(post_save, sender=RegistryDocument)
@receiver(post_delete, sender=RegistryDocument)
def document_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _sync_later(sync_document, instance.pk)
