from .calls import Award, CallIndexPage, CallKind, CallPage, CallQuerySet, CallStatus
from .snippets import FundingArea
from .transparency import FundingTransparencyPage

__all__ = [
    "Award",
    "CallIndexPage",
    "CallKind",
    "CallPage",
    "CallQuerySet",
    "CallStatus",
    "FundingArea",
    "FundingTransparencyPage",
]
