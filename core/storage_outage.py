"""When the object store fails in a request: a clear error, never a 500 page or a false success.

The comment form handles its own attachment (consultations/submission.py: StorageFailed keeps
what the visitor typed). Everywhere else an upload or a download that the store cannot serve
ends here: an editor in the admin reads that the file store is not answering and that nothing
was saved (the multiple-upload screen gets the message in the JSON it expects); a visitor gets
the 503 page in their language (core/outage.py). The timeouts that make a hung store fail
within seconds, not hang a worker, are in cso_site/settings/base.py (AWS_S3_CLIENT_CONFIG).
"""

import logging

from botocore.exceptions import BotoCoreError, ClientError

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .outage import temporarily_unavailable

logger = logging.getLogger(__name__)

# What boto3 raises when S3 cannot be reached, times out or answers with an error.
STORAGE_ERRORS = (BotoCoreError, ClientError)


def storage_unavailable_message() -> str:
    return _("The file store did not answer, so nothing was saved. Please try again in a few minutes.")


class StorageUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, STORAGE_ERRORS):
            return None
        logger.error("The file store failed on %s %s: %s", request.method, request.path, exception)
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return temporarily_unavailable(request)
        message = storage_unavailable_message()
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Wagtail's multiple-upload screen shows `error_message` of a {"success": false} answer.
            return JsonResponse({"success": False, "error_message": message})
        response = TemplateResponse(request, "wagtailadmin/storage_unavailable.html", {"message": message}, status=503)
        response["Retry-After"] = "60"
        return response
