"""Pages: what every page of the site has in common, and its summary in the detail."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

# The text fields of the page types that introduce a page in a sentence or two, in the order looked for.
SUMMARY_FIELDS = ("summary", "intro", "search_description")


def absolute_page_url(page, request) -> str | None:
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None


class PageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    type = serializers.SerializerMethodField(help_text="The page type, as app.Model (e.g. calls.CallPage).")
    locale = serializers.CharField(source="locale.language_code")
    translation_key = serializers.UUIDField(help_text="The same for every language version of the page.")
    html_url = serializers.SerializerMethodField()
    first_published_at = serializers.DateTimeField()
    last_published_at = serializers.DateTimeField()

    def get_type(self, page) -> str:
        return page.specific_class._meta.label if page.specific_class else "wagtailcore.Page"

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, page) -> str | None:
        return absolute_page_url(page, self.context["request"])


class PageDetailSerializer(PageSerializer):
    summary = serializers.SerializerMethodField()

    def get_summary(self, page) -> str:
        specific = page.specific
        return next((str(getattr(specific, name)) for name in SUMMARY_FIELDS if getattr(specific, name, "")), "")
