"""Stopping the e-mails about one consultation, from the link in each of them (no login).

GET asks for a confirmation (mail scanners open links); POST stops. The POST is exempt from the
CSRF check because mail programs send RFC 8058 one-click requests (List-Unsubscribe-Post) without
a form token; the signed token in the URL is what authorises it, and it can only stop e-mails.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .models import ConsultationPage
from .notice_emails import page_in
from .notices import read_unsubscribe_token, stop_notices
from .views import private_page

# Relative to the language prefix; robots.txt keeps crawlers off it (wagtail_hooks.py).
UNSUBSCRIBE_PREFIX = "notices/unsubscribe/"


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    reading = read_unsubscribe_token(token)
    if reading is None:
        raise Http404
    consultation_id, key = reading
    original = ConsultationPage.objects.filter(pk=consultation_id).first()
    if original is None:
        raise Http404
    page = page_in(original, request.LANGUAGE_CODE)
    template = "consultations/unsubscribe.html"
    if request.method == "POST":
        stop_notices(consultation_id, key)
        template = "consultations/unsubscribed.html"
    return private_page(TemplateResponse(request, template, {"page": page, "token": token}))
