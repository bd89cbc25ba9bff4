from documents.models import RegistryDocument
from documents.models.registry import Status

from ..base import PublicViewSet, documented
from ..params import Param
from ..serializers.documents import DocumentSerializer

YEAR = Param("year", "Only documents of this year (adopted, else published).", maximum=9999)
DOCUMENT_TYPE = Param("document_type", "Only documents of this type (its id).")
ISSUING_BODY = Param("issuing_body", "Only documents issued by this body (its id).")
STATUS = Param("status", "Only documents with this status.", kind="text", choices=tuple(Status.values))


@documented
class DocumentViewSet(PublicViewSet):
    schema_tag = "documents"
    list_doc = "The published documents of the registry, newest first, with their download addresses."
    detail_doc = "One published registry document."
    serializer_class = DocumentSerializer
    filter_lookups = {
        YEAR: "year",
        DOCUMENT_TYPE: "document_type_id",
        ISSUING_BODY: "issuing_body_id",
        STATUS: "status",
    }
    filter_params = tuple(filter_lookups)

    def get_queryset(self):
        return RegistryDocument.objects.public().prefetch_related("tags").order_by("-year", "-pk")
