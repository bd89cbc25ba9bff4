"""Consultation closings in the site's deadlines calendar (core.calendar's DEADLINES_HOOK)."""

from django.utils.translation import gettext as _

from wagtail import hooks

from core.calendar import DEADLINES_HOOK, closing_deadlines

from .models import ConsultationPage


def summary(consultation) -> str:
    return _("Consultation closes: %(title)s") % {"title": consultation.title}


@hooks.register(DEADLINES_HOOK)
def consultation_deadlines(request, since):
    return closing_deadlines(ConsultationPage.objects, request, since, kind="consultation-closes", summary=summary)
