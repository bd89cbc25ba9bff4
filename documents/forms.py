"""The admin's document form: replacing a file keeps the old one as an earlier version;
publishing needs the document's metadata."""

import logging

from django.db import transaction
from django.utils import timezone

from wagtail.documents.forms import BaseDocumentForm

from .models.registry import missing_before_publishing

logger = logging.getLogger(__name__)


class RegistryDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")  # the base form takes it and keeps no reference
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("published"):
            for name, message in missing_before_publishing(cleaned).items():
                if name in self.fields:
                    self.add_error(name, message)
        return cleaned

    def save(self, commit=True):
        replaced = self.original_file if ("file" in self.changed_data and self.original_file) else None
        if not commit:
            return super().save(commit=False)
        previous = self._previous_file_facts() if replaced else None
        # Wagtail deletes the replaced file; the registry keeps it, so hide it from that step.
        self.original_file = None
        if "file" in self.changed_data:
            self.instance.file_uploaded_at = timezone.now()
            self.instance.file_uploaded_by = self.user if getattr(self.user, "pk", None) else None
        try:
            with transaction.atomic():
                document = super().save(commit=True)
                if previous:
                    document.versions.create(file=replaced.name, **previous)
        except Exception:
            # A failed save must not leave the new file behind in storage.
            if (
                "file" in self.changed_data
                and self.instance.file
                and self.instance.file.name != getattr(replaced, "name", None)
            ):
                try:
                    self.instance.file.storage.delete(self.instance.file.name)
                except Exception:
                    # The store may be what failed: the file is left to the sweep of orphaned files,
                    # and the editor is told about the first failure, not this one.
                    logger.exception("Could not remove the file of a document that was not saved")
            raise
        return document

    def _previous_file_facts(self) -> dict:
        old = type(self.instance).objects.get(pk=self.instance.pk)
        return {
            "sha256": old.sha256,
            "file_size": old.file_size,
            "uploaded_at": old.file_uploaded_at or old.created_at,
            "uploaded_by_user": old.file_uploaded_by or old.uploaded_by_user,
        }
