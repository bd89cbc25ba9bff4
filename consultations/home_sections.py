"""The home page's "open consultations" section."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.sections import HomeSection

from .models import ConsultationIndexPage, ConsultationPage


def open_consultations(request, locale):
    return ConsultationPage.objects.live().public().open().filter(locale=locale).order_by("closes_at")[:4]


def consultations_url(request, locale):
    index = ConsultationIndexPage.objects.live().public().filter(locale=locale).first()
    return index.get_url(request) if index else None


@hooks.register("register_home_section")
def open_consultations_section():
    return HomeSection(
        key="consultations",
        title=_("Open consultations"),
        template="home/sections/consultations.html",
        get_items=open_consultations,
        more_url=consultations_url,
    )
