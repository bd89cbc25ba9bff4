from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.documents import get_document_model

from calls.models import Award, AwardPayment, AwardReport, CallPage, CallStatus, DirectFunding

from ..base import PublicViewSet, documented
from ..params import Param
from ..serializers.calls import AwardSerializer, CallDetailSerializer, CallSerializer, DirectFundingSerializer
from ..visibility import visible_pages

YEAR = Param("year", "Only calls that opened in this year.", maximum=9999)
CALL_STATUS = Param("status", "Only calls in this state now.", kind="text", choices=tuple(CallStatus.values))
CALL = Param("call", "Only the awards of this call (its id in any language).")
AWARD_YEAR = Param("year", "Only awards of calls that opened in this year.", maximum=9999)
REGISTRATION_NUMBER = Param("registration_number", "Only this organisation (its 8-digit number).", kind="text")
GRANT_YEAR = Param("year", "Only funding granted in this year.", maximum=9999)


def calls_in(status: str, calls, now):
    return {
        CallStatus.ANNOUNCED: calls.announced,
        CallStatus.OPEN: calls.open,
        CallStatus.CLOSED: calls.closed,
        CallStatus.RESULTS: calls.with_results,
    }[status](now)


def awards_with_follow_up(awards):
    return awards.prefetch_related(
        Prefetch("payments", AwardPayment.objects.order_by("paid_on", "pk")),
        Prefetch("reports", AwardReport.objects.order_by("due_on", "pk")),
    )


def original_of(call: CallPage) -> CallPage:
    """Awards are kept on the Cyrillic original; its translations carry copies (calls/allocations.py)."""
    if call.locale.language_code == settings.LANGUAGE_CODE:
        return call
    return CallPage.objects.get(translation_key=call.translation_key, locale__language_code=settings.LANGUAGE_CODE)


@documented
class CallViewSet(PublicViewSet):
    schema_tag = "calls"
    list_doc = "Public calls for funding in the chosen language, newest first."
    detail_doc = "One call, with its documents and, once published, its awards with their payments and reports."
    serializer_class = CallSerializer
    detail_serializer_class = CallDetailSerializer
    filter_params = (YEAR, CALL_STATUS)
    filter_lookups = {YEAR: "opens_at__year"}

    def get_queryset(self):
        calls = CallPage.objects.filter(locale__language_code=get_language()).with_status_facts()
        calls = calls.select_related("locale").prefetch_related("areas")
        return visible_pages(calls, self.request).order_by("-opens_at", "pk")

    def filtered(self, queryset, params):
        if CALL_STATUS.name in params:
            queryset = calls_in(params[CALL_STATUS.name], queryset, timezone.now())
        return queryset

    def get_object(self):
        call = super().get_object()
        documents = get_document_model()
        call.public_decision = next(iter(documents.public_among([call.decision])), None)
        call.public_application_documents = documents.public_among(block.value for block in call.application_documents)
        call.public_awards = []
        if call.status() == CallStatus.RESULTS:
            call.public_awards = awards_with_follow_up(original_of(call).awards.order_by("sort_order", "pk"))
        return call


@documented
class AwardViewSet(PublicViewSet):
    schema_tag = "calls"
    list_doc = "Every award of every call whose results are published, with its payments and reports."
    detail_doc = "One award."
    serializer_class = AwardSerializer
    filter_params = (CALL, AWARD_YEAR, REGISTRATION_NUMBER)
    filter_lookups = {AWARD_YEAR: "page__opens_at__year", REGISTRATION_NUMBER: "registration_number"}

    def get_queryset(self):
        originals = CallPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).with_results()
        calls = visible_pages(originals, self.request).values("pk")
        return awards_with_follow_up(Award.objects.filter(page__in=calls)).order_by("page_id", "sort_order", "pk")

    def filtered(self, queryset, params):
        if CALL.name in params:
            same_call = CallPage.objects.filter(pk=params[CALL.name]).values("translation_key")
            queryset = queryset.filter(page__translation_key__in=same_call)
        return queryset


@documented
class DirectFundingViewSet(PublicViewSet):
    schema_tag = "calls"
    list_doc = "Money given to organisations without a public call, with its legal basis, newest first."
    detail_doc = "One grant outside calls."
    serializer_class = DirectFundingSerializer
    filter_params = (GRANT_YEAR, REGISTRATION_NUMBER)
    filter_lookups = {GRANT_YEAR: "granted_on__year", REGISTRATION_NUMBER: "registration_number"}

    def get_queryset(self):
        return DirectFunding.objects.order_by("-granted_on", "pk")
