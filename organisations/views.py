"""The organisations' index (search by name or number) and one page per organisation."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.params import bounded_int, clean_text
from core.scripts import normalize
from home.i18n import in_current_language

from .models import Organisation
from .profile import MAX_COMMENTS_SHOWN, build_profile

PER_PAGE = 50
MAX_PAGE = 1000
MAX_QUERY_LENGTH = 100
MAX_WORDS = 8


def matching(query: str):
    """Organisations whose number starts with the digits typed, or whose names (any script) hold every word."""
    organisations = Organisation.objects.only("registration_number", "name", "first_year", "last_year")
    compact = query.replace(" ", "")
    if compact.isascii() and compact.isdigit():
        return organisations.filter(registration_number__startswith=compact)
    for word in normalize(query).split()[:MAX_WORDS]:
        organisations = organisations.filter(search_names__contains=word)
    return organisations


@require_GET
def organisation_index(request):
    query = clean_text(request.GET.get("q"), MAX_QUERY_LENGTH)
    organisations = matching(query) if query else Organisation.objects.all()
    page_number = min(bounded_int(request.GET.get("page")) or 1, MAX_PAGE)
    page_obj = Paginator(organisations.order_by("name", "registration_number"), PER_PAGE).get_page(page_number)
    rows = [{"organisation": organisation, "name": in_current_language(organisation.name)} for organisation in page_obj]
    return render(
        request,
        "organisations/organisation_index.html",
        {"query": query, "rows": rows, "page_obj": page_obj, "max_query_length": MAX_QUERY_LENGTH},
    )


@require_GET
def organisation_detail(request, registration_number: str):
    profile = build_profile(request, registration_number)
    if profile is None:
        raise Http404("No public record names this registration number.")
    return render(
        request,
        "organisations/organisation_page.html",
        {"profile": profile, "max_comments_shown": MAX_COMMENTS_SHOWN},
    )
