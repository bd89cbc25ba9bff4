from django.urls import path

from home import converters  # noqa: F401  (registers <dbid:…>)
from home.feeds import feed_paths

from . import views
from .feeds import CallsAtomFeed, CallsFeed

app_name = "calls"

# Outside the page tree, so file extensions are fine; each prefix is one no page slug takes.
urlpatterns = [
    *feed_paths("calls", CallsFeed, CallsAtomFeed),
    path("calendar/deadlines.ics", views.deadlines_ics, name="deadlines_ics"),
    path("calendar/calls/<dbid:page_id>.ics", views.call_ics, name="call_ics"),
    path("transparency/allocations.<str:fmt>", views.allocations_export, name="allocations"),
    path("funding/report/<dbid:year>/", views.funding_report, name="funding_report"),
    path("funding/report/<dbid:year>.<str:fmt>", views.funding_report, name="funding_report_file"),
]
