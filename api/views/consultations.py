from django.conf import settings
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.documents import get_document_model

from consultations.models import Comment, CommentState, Consent, ConsultationPage, Decision, Kind, State
from consultations.page_view import shown_articles

from ..base import PublicViewSet, documented
from ..params import Param
from ..serializers.consultations import CommentSerializer, ConsultationDetailSerializer, ConsultationSerializer
from ..visibility import visible_pages

YEAR = Param("year", "Only consultations that opened in this year.", maximum=9999)
STATE = Param("state", "Only consultations in this state now.", kind="text", choices=tuple(State.values))
CONSULTATION = Param("consultation", "Only comments on this consultation (its id in any language).")
ARTICLE = Param("article", "Only comments on this article (its id, as the consultation lists it).")
KIND = Param("kind", "Only comments of this kind.", kind="text", choices=tuple(Kind.values))
DECISION = Param(
    "decision", "Only comments with this answer of the office.", kind="text", choices=tuple(Decision.values)
)

# The dates and report of a consultation are the original's (consultations/page_view.py): translations may lag.
ORIGINAL_FIELDS = {"original_id": "pk", "original_opens_at": "opens_at", "original_closes_at": "closes_at"}
ORIGINAL_FIELDS["original_report_published_at"] = "report_published_at"


def with_original_facts(pages):
    originals = ConsultationPage.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=settings.LANGUAGE_CODE
    )
    return pages.annotate(**{name: Subquery(originals.values(field)[:1]) for name, field in ORIGINAL_FIELDS.items()})


def state_filter(state: str, now) -> dict:
    return {
        State.UPCOMING: {"original_opens_at__gt": now},
        State.OPEN: {"original_opens_at__lte": now, "original_closes_at__gt": now},
        State.CLOSED: {"original_closes_at__lte": now, "original_report_published_at__isnull": True},
        State.REPORTED: {"original_closes_at__lte": now, "original_report_published_at__isnull": False},
    }[state]


@documented
class ConsultationViewSet(PublicViewSet):
    schema_tag = "consultations"
    list_doc = "Public consultations on draft acts in the chosen language, newest first."
    detail_doc = "One consultation, with the files of the draft and its articles."
    serializer_class = ConsultationSerializer
    detail_serializer_class = ConsultationDetailSerializer
    filter_params = (YEAR, STATE)
    filter_lookups = {YEAR: "opens_at__year"}

    def get_queryset(self):
        pages = ConsultationPage.objects.filter(locale__language_code=get_language()).select_related("locale")
        return with_original_facts(visible_pages(pages, self.request)).order_by("-opens_at", "pk")

    def filtered(self, queryset, params):
        if STATE.name in params:
            queryset = queryset.filter(**state_filter(params[STATE.name], timezone.now()))
        return queryset

    def get_object(self):
        page = super().get_object()
        page.public_draft_files = get_document_model().public_among(block.value for block in page.draft_files)
        page.shown_articles = shown_articles(page, page.original)
        return page


@documented
class CommentViewSet(PublicViewSet):
    schema_tag = "consultations"
    list_doc = (
        "Published comments as the consultation pages show them: the author's name only when they agreed, "
        "never contact data; the office's decision once the report is published."
    )
    detail_doc = "One published comment."
    serializer_class = CommentSerializer
    filter_params = (CONSULTATION, ARTICLE, KIND, DECISION)
    filter_lookups = {ARTICLE: "article_id", KIND: "kind"}

    def get_queryset(self):
        originals = ConsultationPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        consultations = visible_pages(originals, self.request).values("pk")
        comments = Comment.objects.filter(state=CommentState.PUBLISHED, consultation__in=consultations)
        comments = comments.exclude(consent=Consent.PRIVATE)
        # The consultation and its locale: a published position paper's address is on its page.
        comments = comments.select_related("consultation__locale")
        return comments.annotate(answers_public_at=F("consultation__report_published_at")).order_by(
            "published_at", "pk"
        )

    def filtered(self, queryset, params):
        if CONSULTATION.name in params:
            same = ConsultationPage.objects.filter(pk=params[CONSULTATION.name]).values("translation_key")
            queryset = queryset.filter(consultation__translation_key__in=same)
        if DECISION.name in params:
            # Decisions are public only with the report: filtering must not reveal them before.
            queryset = queryset.filter(decision=params[DECISION.name], answers_public_at__isnull=False)
        return queryset
