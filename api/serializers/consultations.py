"""Consultations with their articles, and the published comments as the consultation page shows them.

A comment carries what the page shows and nothing else: never the contact person, e-mail,
telephone, tax number, tokens or hashes other than the published text's SHA-256.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from django.utils import timezone

from consultations.models import Decision, Kind, State
from consultations.published_attachments import attachment_url
from home.i18n import in_current_language

from .calls import ScrubbedCharField
from .documents import DocumentSerializer
from .pages import absolute_page_url


def original_state(page) -> State:
    """The state by the original's dates (annotated by the view), as the consultation page shows it."""
    now = timezone.now()
    if now < (page.original_opens_at or page.opens_at):
        return State.UPCOMING
    if now < (page.original_closes_at or page.closes_at):
        return State.OPEN
    return State.REPORTED if page.original_report_published_at else State.CLOSED


class ArticleSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="original.pk", help_text="What comments on this article name as `article`.")
    number = serializers.CharField(source="shown.number")
    heading = serializers.CharField(source="shown.heading")
    text = ScrubbedCharField(source="shown.text")


class ConsultationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    locale = serializers.CharField(source="locale.language_code")
    translation_key = serializers.UUIDField()
    original = serializers.IntegerField(
        source="original_id", help_text="The Cyrillic original, to which the comments belong."
    )
    html_url = serializers.SerializerMethodField()
    summary = ScrubbedCharField()
    responsible_body = serializers.CharField()
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    state = serializers.SerializerMethodField()
    state_label = serializers.SerializerMethodField()
    report_published_at = serializers.DateTimeField(source="original_report_published_at", allow_null=True)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, page) -> str | None:
        return absolute_page_url(page, self.context["request"])

    @extend_schema_field(serializers.ChoiceField(choices=State.choices))
    def get_state(self, page) -> str:
        return original_state(page)

    def get_state_label(self, page) -> str:
        return str(State(original_state(page)).label)


class ConsultationDetailSerializer(ConsultationSerializer):
    draft_files = DocumentSerializer(source="public_draft_files", many=True)
    articles = ArticleSerializer(source="shown_articles", many=True)


class CommentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    consultation = serializers.IntegerField(source="consultation_id", help_text="The consultation's Cyrillic original.")
    article = serializers.IntegerField(source="article_id", allow_null=True, help_text="Empty: the draft as a whole.")
    target = serializers.SerializerMethodField()
    kind = serializers.ChoiceField(choices=Kind.choices)
    kind_label = serializers.CharField(source="get_kind_display")
    author = serializers.SerializerMethodField(help_text="Empty when the author asked not to be named.")
    proposed_wording = serializers.CharField(source="public_proposed_wording")
    justification = serializers.CharField(source="public_justification")
    published_at = serializers.DateTimeField()
    text_sha256 = serializers.CharField(help_text="SHA-256 of the comment's canonical text, as on its receipt.")
    received_through = serializers.CharField(
        source="channel_note", help_text="How the comment reached the office when not through the site's form."
    )
    position_paper_url = serializers.SerializerMethodField(
        help_text="The attachment, when its author agreed to publish it and a moderator approved it."
    )
    decision = serializers.SerializerMethodField(help_text="The office's decision, once the report is published.")
    decision_label = serializers.SerializerMethodField()
    decision_reasons = serializers.SerializerMethodField()

    def get_target(self, comment) -> str:
        return in_current_language(comment.target_label)

    def get_author(self, comment) -> str:
        return comment.public_author

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_position_paper_url(self, comment):
        if not comment.attachment_is_public:
            return None
        return attachment_url(comment.consultation, comment, self.context["request"])

    def answered(self, comment) -> bool:
        return comment.answers_public_at is not None and bool(comment.decision)

    @extend_schema_field(serializers.ChoiceField(choices=Decision.choices, allow_null=True))
    def get_decision(self, comment):
        return comment.decision if self.answered(comment) else None

    def get_decision_label(self, comment) -> str:
        return str(comment.get_decision_display()) if self.answered(comment) else ""

    def get_decision_reasons(self, comment) -> str:
        return ScrubbedCharField().to_representation(comment.decision_reasons) if self.answered(comment) else ""
