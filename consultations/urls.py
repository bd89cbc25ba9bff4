from home.feeds import feed_paths

from .feeds import ConsultationsAtomFeed, ConsultationsFeed

app_name = "consultations"

urlpatterns = feed_paths("consultations", ConsultationsFeed, ConsultationsAtomFeed)
