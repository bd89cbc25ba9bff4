from .calls import AwardViewSet, CallViewSet, DirectFundingViewSet
from .consultations import CommentViewSet, ConsultationViewSet
from .documents import DocumentViewSet
from .pages import PageViewSet
from .root import ApiDocsView, ApiRootView, ApiSchemaView, not_found

__all__ = [
    "ApiDocsView",
    "ApiRootView",
    "ApiSchemaView",
    "AwardViewSet",
    "CallViewSet",
    "CommentViewSet",
    "ConsultationViewSet",
    "DirectFundingViewSet",
    "DocumentViewSet",
    "PageViewSet",
    "not_found",
]
