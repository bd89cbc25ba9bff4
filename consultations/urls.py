from django.urls import path

from home.feeds import feed_paths

from .feeds import ConsultationsAtomFeed, ConsultationsFeed
from .unsubscribe import UNSUBSCRIBE_PREFIX, unsubscribe

app_name = "consultations"

urlpatterns = feed_paths("consultations", ConsultationsFeed, ConsultationsAtomFeed) + [
    # Outside the page tree (a prefix no page slug takes): the link in each commenter notice.
    path(f"{UNSUBSCRIBE_PREFIX}<str:token>/", unsubscribe, name="unsubscribe"),
]
