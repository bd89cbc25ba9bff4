from .comments import (
    Channel,
    Comment,
    CommentState,
    Consent,
    Decision,
    Kind,
    OrganisationType,
    RejectionReason,
    RespondentType,
    hash_token,
    new_tracking_number,
)
from .date_changes import DateChange, DateChangeKind
from .notices import NoticeEvent, NoticeOptOut, SentNotice
from .pages import Article, ConsultationIndexPage, ConsultationPage, State
from .retention import CommentRetentionSettings
from .versions import DraftVersion, VersionArticle

__all__ = [
    "Article",
    "Channel",
    "Comment",
    "CommentRetentionSettings",
    "CommentState",
    "Consent",
    "ConsultationIndexPage",
    "ConsultationPage",
    "DateChange",
    "DateChangeKind",
    "Decision",
    "DraftVersion",
    "Kind",
    "NoticeEvent",
    "NoticeOptOut",
    "OrganisationType",
    "RejectionReason",
    "RespondentType",
    "SentNotice",
    "State",
    "VersionArticle",
    "hash_token",
    "new_tracking_number",
]
