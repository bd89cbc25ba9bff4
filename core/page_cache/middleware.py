"""Answer anonymous visitors from the page cache, before sessions, locale and authentication are looked at.

A hit costs two cache reads (the generation; then the page with the next clock change) and
building one HttpResponse: no SQL, no template, no URL routing. The key holds the scheme, the
host, the full path with its query (so the language, from the path's prefix) and the generation.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from . import policy
from .generation import NEXT_CHANGE_KEY, current_generation, seconds_until_next_change

PAGE_KEY = "page-cache:{generation}:{digest}"
HIT_HEADER = "X-Page-Cache"


@dataclass(frozen=True)
class Lookup:
    generation: str
    page_key: str
    next_change_key: str


def lookup_for(request) -> Lookup:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    generation = current_generation()
    return Lookup(
        generation,
        PAGE_KEY.format(generation=generation, digest=digest),
        NEXT_CHANGE_KEY.format(generation=generation),
    )


def stored_form(response) -> tuple:
    """Taken before policy.mark_shareable: the max-ages, cut by the clock, are recomputed on every answer."""
    return (response.status_code, list(response.items()), response.content)


def response_from(stored: tuple) -> HttpResponse:
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lookup = None
        if policy.enabled() and policy.may_answer_from_cache(request):
            lookup = lookup_for(request)
            found = cache.get_many([lookup.page_key, lookup.next_change_key])
            stored = found.get(lookup.page_key)
            if stored is not None:
                response = response_from(stored)
                policy.mark_shareable(
                    response, seconds_until_next_change(lookup.generation, found.get(lookup.next_change_key))
                )
                response[HIT_HEADER] = "hit"
                return response
        response = self.get_response(request)
        if not policy.is_shareable(request, response):
            policy.mark_not_shareable(request, response)
            return response
        generation = lookup.generation if lookup else current_generation()
        seconds = seconds_until_next_change(generation)
        if lookup is not None and request.method == "GET":
            lifetime = min(settings.PAGE_CACHE_SECONDS, seconds)
            if lifetime > 0:
                cache.set(lookup.page_key, stored_form(response), lifetime)
            response[HIT_HEADER] = "miss"
        policy.mark_shareable(response, seconds)
        return response
