"""Demo content of the search: one promoted result, as an editor would set it up."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from calls.models import CallIndexPage

PROMOTED_QUERY = "конкурс"


def build_demo_promotions() -> None:
    """Whoever searches for "конкурс" (or "konkurs") sees the calls page first. Idempotent."""
    calls = CallIndexPage.objects.filter(locale__language_code="sr-cyrl").first()
    if calls is None:
        return
    query = Query.objects.get_or_create(query_string=PROMOTED_QUERY)[0]
    SearchPromotion.objects.get_or_create(
        query=query,
        page=calls,
        defaults={
            "description": "Сви јавни конкурси Града за удружења: отворени, најављени и завршени.",
            "sort_order": 0,
        },
    )
