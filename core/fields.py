"""Field shapes that several apps' models declare alike."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField


def optional_link(to, verbose_name, **options) -> models.ForeignKey:
    """A link an editor may leave empty; deleting its target empties it. No reverse accessor."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", **options
    )


def document_list(verbose_name, help_text) -> StreamField:
    """An optional list of documents chosen from the registry, in the editor's order."""
    return StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        blank=True,
        verbose_name=verbose_name,
        help_text=help_text,
    )
