"""Content-Security-Policy: a strict policy for the public site, a looser one for the admin.

The public templates carry no inline script, style or event handler, so the site's own
policy (settings.CONTENT_SECURITY_POLICY) allows only same-origin resources. Wagtail's
admin (and wagtail-localize's editor) still ship inline scripts and style attributes, so
it gets settings.CONTENT_SECURITY_POLICY_ADMIN instead: no restriction on scripts and
styles, but no plugins, no <base> hijacking, forms only to the site, and framing only by
the site itself, which the editor's preview panel needs (its iframe loads an /admin/ URL).
"""

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.urls import reverse


def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view's own decorator (parts.config) still wins; otherwise the admin gets its policy.
        if not report_only and parts.config is None and request.path_info.startswith(admin_prefix()):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
