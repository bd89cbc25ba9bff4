from django.urls import path

from home import converters  # noqa: F401  (registers <dbid:…>)

from . import views
from .feeds import NewsAtomFeed, NewsRssFeed

app_name = "news"

# Prefixes no page slug takes at the top of a language's tree (feeds/, calendar/).
urlpatterns = [
    path("feeds/news/rss/", NewsRssFeed(), name="news_rss"),
    path("feeds/news/atom/", NewsAtomFeed(), name="news_atom"),
    path("calendar/events.ics", views.events_calendar, name="events_calendar"),
    path("calendar/events/<dbid:event_id>.ics", views.event_calendar, name="event_calendar"),
]
