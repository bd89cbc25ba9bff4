from .calls import RESULT_ROW_FIELDS, Award, CallIndexPage, CallKind, CallPage, CallQuerySet, CallStatus
from .follow_up import AwardPayment, AwardReport, DirectFunding, ReportKind
from .opportunities import FundingOpportunityIndexPage, FundingOpportunityPage
from .snippets import FundingArea
from .transparency import FundingTransparencyPage

__all__ = [
    "RESULT_ROW_FIELDS",
    "Award",
    "AwardPayment",
    "AwardReport",
    "CallIndexPage",
    "CallKind",
    "CallPage",
    "CallQuerySet",
    "CallStatus",
    "DirectFunding",
    "FundingArea",
    "FundingOpportunityIndexPage",
    "FundingOpportunityPage",
    "FundingTransparencyPage",
    "ReportKind",
]
