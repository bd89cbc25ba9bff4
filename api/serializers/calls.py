"""Calls, their awards (from the Cyrillic original, whose rows the translations copy), payments and reports."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from django.utils import timezone

from calls.listing import area_names
from calls.models import CallKind
from core.redaction import without_contacts

from .documents import DocumentSerializer
from .pages import absolute_page_url


def money(**kwargs):
    return serializers.DecimalField(max_digits=14, decimal_places=2, **kwargs)


class ScrubbedCharField(serializers.CharField):
    """Text as it goes out: e-mail-like and phone-like strings left out, whatever reached the database."""

    def to_representation(self, value):
        return without_contacts(super().to_representation(value))


class PaymentSerializer(serializers.Serializer):
    amount = money()
    paid_on = serializers.DateField()


class AwardReportSerializer(serializers.Serializer):
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    due_on = serializers.DateField()
    received_on = serializers.DateField(allow_null=True)


class AwardSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    call = serializers.IntegerField(source="page_id", help_text="The id of the call (its Cyrillic original).")
    organisation_name = ScrubbedCharField()
    registration_number = serializers.CharField(help_text="The organisation's number in the public register.")
    project_title = ScrubbedCharField()
    amount_requested = money()
    amount_awarded = money()
    score = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    payments = PaymentSerializer(many=True)
    reports = AwardReportSerializer(many=True)


class DirectFundingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    organisation_name = ScrubbedCharField()
    registration_number = serializers.CharField()
    purpose = ScrubbedCharField()
    funder = ScrubbedCharField()
    legal_basis = ScrubbedCharField()
    amount = money()
    amount_paid = money()
    granted_on = serializers.DateField()


class CallSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    locale = serializers.CharField(source="locale.language_code")
    translation_key = serializers.UUIDField()
    html_url = serializers.SerializerMethodField()
    kind = serializers.ChoiceField(choices=CallKind.choices)
    kind_label = serializers.CharField(source="get_kind_display")
    status = serializers.CharField(help_text="announced, open, closed or results.")
    status_label = serializers.CharField()
    summary = ScrubbedCharField()
    legal_basis = ScrubbedCharField()
    budget_line = serializers.CharField()
    total_amount = money()
    max_per_project = money(allow_null=True)
    areas = serializers.SerializerMethodField()
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    results_published_at = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, call) -> str | None:
        return absolute_page_url(call, self.context["request"])

    def get_areas(self, call) -> list[str]:
        return area_names(call.areas.all())

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_results_published_at(self, call):
        """Only once it has come: a date set ahead is the office's plan, not a fact."""
        moment = call.results_published_at
        return serializers.DateTimeField().to_representation(moment) if moment and moment <= timezone.now() else None


class CallDetailSerializer(CallSerializer):
    results_note = ScrubbedCharField()
    decision = DocumentSerializer(
        source="public_decision", allow_null=True, help_text="The decision on the allocation, when it is public."
    )
    application_documents = DocumentSerializer(source="public_application_documents", many=True)
    awards = AwardSerializer(source="public_awards", many=True, help_text="Once the results are published; else empty.")
