from .comments import (
    Comment,
    CommentState,
    Consent,
    Decision,
    Kind,
    OrganisationType,
    RejectionReason,
    hash_token,
    new_tracking_number,
)
from .pages import Article, ConsultationIndexPage, ConsultationPage, State
from .retention import CommentRetentionSettings

__all__ = [
    "Article",
    "Comment",
    "CommentRetentionSettings",
    "CommentState",
    "Consent",
    "ConsultationIndexPage",
    "ConsultationPage",
    "Decision",
    "Kind",
    "OrganisationType",
    "RejectionReason",
    "State",
    "hash_token",
    "new_tracking_number",
]
