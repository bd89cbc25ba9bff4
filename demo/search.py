"""Demo content of the search: promoted results, as an editor would set them up (demo/data/search.toml)."""

from django.apps import apps

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from .data import load

DATA = load("search")


def build_demo_promotions() -> None:
    """Whoever searches for "конкурс" (or "konkurs") sees the calls page first. Idempotent."""
    for position, spec in enumerate(DATA["promotions"]):
        page = apps.get_model(spec["page_type"]).objects.filter(locale__language_code="sr-cyrl").first()
        if page is None:
            continue
        query = Query.objects.get_or_create(query_string=spec["query"])[0]
        SearchPromotion.objects.get_or_create(
            query=query, page=page, defaults={"description": spec["description"], "sort_order": position}
        )
