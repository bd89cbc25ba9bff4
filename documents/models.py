from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document

from .validation import validate_document_file


class RegistryDocument(AbstractDocument):
    """A document of the office's registry.

    The custom model is set from the first migration so the registry can grow
    (type, number, dates, status, extracted text) without a data migration.
    """

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self):
        # Without a file the form already says so; Wagtail's extension check would add
        # a confusing 'extension "" is not allowed' beside it.
        if not self.file:
            return
        super().clean()
        upload = self.file.file if self.file and not getattr(self.file, "_committed", True) else None
        if upload is not None:
            try:
                validate_document_file(upload, self.file.name)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error
