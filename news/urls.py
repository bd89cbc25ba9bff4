from django.urls import path

from home import converters  # noqa: F401  (registers <dbid:…>)
from home.feeds import feed_paths

from . import views
from .feeds import NewsAtomFeed, NewsRssFeed

app_name = "news"

# Prefixes no page slug takes at the top of a language's tree (feeds/, calendar/).
urlpatterns = [
    *feed_paths("news", NewsRssFeed, NewsAtomFeed),
    path("calendar/events.ics", views.events_calendar, name="events_calendar"),
    path("calendar/events/<dbid:event_id>.ics", views.event_calendar, name="event_calendar"),
]
