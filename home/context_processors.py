from wagtail.models import Site

from core.content_cache import cached

from .models import OfficeSettings


def office(request):
    """The office's name and contacts for every page, cached until an editor changes them."""
    site = Site.find_for_request(request)
    if site is None:
        return {"office": None}
    return {"office": cached(f"office:{site.pk}", lambda: OfficeSettings.for_site(site))}
