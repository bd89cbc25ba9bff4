from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import DocumentVersion, RegistryDocument
from .tasks import queue_extraction


@receiver(post_save, sender=RegistryDocument)
def extract_new_files(sender, instance, raw=False, **kwargs):
    if not raw:
        queue_extraction(instance)


@receiver(post_delete, sender=DocumentVersion)
def delete_version_file(sender, instance, **kwargs):
    # Versions share storage with documents; remove the file only with its last reference.
    if instance.file and not RegistryDocument.objects.filter(file=instance.file.name).exists():
        instance.file.storage.delete(instance.file.name)


@receiver(post_delete, sender=RegistryDocument)
def delete_thumbnail(sender, instance, **kwargs):
    if instance.thumbnail:
        instance.thumbnail.storage.delete(instance.thumbnail.name)
