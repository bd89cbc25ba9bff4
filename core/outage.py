"""When the database is down: a 503 page in the visitor's language, never a stack trace or a false "thank you".

Django turns an exception raised anywhere in a request (a view, a middleware, the rendering of a
template) into a response through the `handler500` view, called while the exception is being
handled. `server_error` looks at that exception: when a lost database connection caused it
(OperationalError, InterfaceError), the visitor gets `503.html` with Retry-After; any other
error keeps the usual 500 page. The 503 page is rendered without a request context, so no
context processor, Wagtail Site or settings model asks the database that is down.

Recovery needs no restart: a connection that raised is marked unusable, Django closes it at the
end of the request, and CONN_HEALTH_CHECKS (cso_site/settings/base.py) checks a kept connection
before the next request uses it.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.defaults import server_error as django_server_error

from .languages import BCP47

logger = logging.getLogger(__name__)

# Long enough for PostgreSQL to restart; short enough that a visitor's retry is not put off for long.
RETRY_AFTER_SECONDS = 30
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def caused_by_database_outage(error: BaseException | None) -> bool:
    """True when `error`, or an exception it was raised from or while handling, is a lost database."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DATABASE_UNAVAILABLE):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def visitor_language(request) -> str:
    """The language of the URL (/sr-latn/…), else the visitor's browser's, else the site's default."""
    language = translation.get_language_from_path(request.path_info)
    if language:
        return language
    try:
        return translation.get_language_from_request(request)
    except Exception:  # noqa: BLE001  (the error page must render whatever the request carries)
        return settings.LANGUAGE_CODE


def temporarily_unavailable(request) -> HttpResponse:
    """The 503 page in the visitor's language, rendered without the database."""
    language = visitor_language(request)
    with translation.override(language):
        body = loader.render_to_string("503.html", {"html_lang": BCP47.get(language, language)})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Content-Language"] = language
    patch_cache_control(response, no_store=True)
    return response


def server_error(request, template_name="500.html"):
    """The site's handler500: a 503 for a database outage, Django's 500 page for anything else."""
    if caused_by_database_outage(sys.exc_info()[1]):
        return temporarily_unavailable(request)
    return django_server_error(request, template_name)
