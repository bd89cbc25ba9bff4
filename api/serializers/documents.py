"""Registry documents: the facts the open-data export gives, with the file's public download address."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from documents.library import localized_names
from documents.models import DocumentType, IssuingBody
from documents.models.registry import Status


def snippet_name(model, pk) -> str:
    """A snippet's name in the current language (one cached lookup for all of them)."""
    return localized_names(model).get(pk, "") if pk else ""


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField(source="display_title")
    title_original = serializers.CharField(source="title")
    document_type = serializers.SerializerMethodField()
    reference_number = serializers.CharField()
    issuing_body = serializers.SerializerMethodField()
    date_adopted = serializers.DateField()
    date_published = serializers.DateField()
    gazette_reference = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.SerializerMethodField()
    file_language = serializers.CharField()
    summary = serializers.CharField(source="display_summary")
    year = serializers.IntegerField()
    topics = serializers.SerializerMethodField()
    file_format = serializers.SerializerMethodField()
    file_size = serializers.IntegerField()
    page_count = serializers.IntegerField()
    machine_readable = serializers.BooleanField(allow_null=True)
    sha256 = serializers.CharField(help_text="SHA-256 of the file, to check a download.")
    html_url = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField()

    def get_document_type(self, document) -> str:
        return snippet_name(DocumentType, document.document_type_id)

    def get_issuing_body(self, document) -> str:
        return snippet_name(IssuingBody, document.issuing_body_id)

    def get_status_label(self, document) -> str:
        return str(Status(document.status).label) if document.status in Status.values else ""

    def get_topics(self, document) -> list[str]:
        return sorted(tag.name for tag in document.tags.all())

    def get_file_format(self, document) -> str:
        return document.file_extension.lower()

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, document) -> str:
        return self.context["request"].build_absolute_uri(document.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_download_url(self, document) -> str:
        return self.context["request"].build_absolute_uri(document.url)
