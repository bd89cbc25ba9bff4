"""Happenings that become alerts: a page published (Wagtail's signal), a registry document saved public."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from documents.models import RegistryDocument

from . import events


@receiver(page_published)
def announce_page(sender, instance, **kwargs):
    events.page_published(instance)


@receiver(post_save, sender=RegistryDocument)
def announce_document(sender, instance, raw=False, **kwargs):
    if not raw and instance.published:
        events.document_saved(instance)
