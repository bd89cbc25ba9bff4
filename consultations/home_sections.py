"""The home page's "open consultations" section."""

from django.utils.translation import gettext_lazy as _

from home.sections import add_home_section

from .models import ConsultationIndexPage, ConsultationPage


def open_consultations(request, locale):
    return ConsultationPage.objects.live().public().open().filter(locale=locale).order_by("closes_at")[:4]


def consultations_url(request, locale):
    index = ConsultationIndexPage.objects.live().public().filter(locale=locale).first()
    return index.get_url(request) if index else None


add_home_section("consultations", _("Open consultations"), open_consultations, more_url=consultations_url)
