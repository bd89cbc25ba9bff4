from .events import EventFormat, EventIndexPage, EventPage, EventQuerySet
from .news import NewsIndexPage, NewsPage, NewsPageTag

__all__ = [
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventQuerySet",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
]
