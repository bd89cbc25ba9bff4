"""The public search page and the header box's suggestions."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .promotions import promoted_for
from .query import MAX_PAGE, MAX_QUERY_LENGTH, PER_PAGE, SearchRequest, autocomplete, cached_search
from .suggestions import did_you_mean
from .unanswered import record_unanswered


def link_facets(request, facets) -> None:
    """Each option's link: choose it, or remove it when it is the one chosen; back to page 1."""
    for name, options in facets.items():
        for option in options:
            params = request.GET.copy()
            params.pop("page", None)
            if option.selected:
                params.pop(name, None)
            else:
                params[name] = option.value
            option.url = "?" + params.urlencode()


@require_GET
def search_page(request):
    search_request = SearchRequest.from_params(request.GET)
    outcome = cached_search(search_request)
    terms = search_request.terms
    link_facets(request, outcome.facets)
    found_nothing = bool(terms) and not outcome.total
    if found_nothing and not search_request.filters and search_request.page == 1:
        record_unanswered(search_request.q)
    # Only the page numbers are paginated here; the engine already sliced the results.
    page_obj = Paginator(range(min(outcome.total, MAX_PAGE * PER_PAGE)), PER_PAGE).get_page(search_request.page)
    response = render(
        request,
        "search/search_page.html",
        {
            "query": search_request,
            "outcome": outcome,
            "page_obj": page_obj,
            "promotions": promoted_for(terms) if search_request.page == 1 else [],
            "suggestion": did_you_mean(terms) if found_nothing else None,
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@cache_control(max_age=60, public=True)
def suggest(request):
    suggestions, used_fallback = autocomplete(str(request.GET.get("q", ""))[: MAX_QUERY_LENGTH * 4])
    return JsonResponse({"results": suggestions, "fallback": used_fallback})
