from django.urls import path

from .feeds import ConsultationsAtomFeed, ConsultationsFeed

app_name = "consultations"

# Outside the page tree; the prefix is one no page slug takes.
urlpatterns = [
    path("feeds/consultations/rss/", ConsultationsFeed(), name="consultations_rss"),
    path("feeds/consultations/atom/", ConsultationsAtomFeed(), name="consultations_atom"),
]
