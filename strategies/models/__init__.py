from .measures import Measure, MeasureProgress, ProgressStatus
from .pages import DocumentRole, StrategyDocument, StrategyIndexPage, StrategyPage, StrategyStatus

__all__ = [
    "DocumentRole",
    "Measure",
    "MeasureProgress",
    "ProgressStatus",
    "StrategyDocument",
    "StrategyIndexPage",
    "StrategyPage",
    "StrategyStatus",
]
