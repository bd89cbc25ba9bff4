"""Editors' promoted results (wagtail.contrib.search_promotions) for a visitor's query.

Editors type the query in any script; it matches whatever script the visitor types,
because both sides go through the normaliser.
"""

from __future__ import annotations

from django.utils.translation import get_language

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale

from core.scripts import normalize
from home.i18n import in_current_language


def promoted_for(terms: str) -> list[dict]:
    if not terms:
        return []
    promotions = SearchPromotion.objects.select_related("query", "page").order_by("sort_order")
    matching = [promotion for promotion in promotions if normalize(promotion.query.query_string) == terms]
    if not matching:
        return []
    locale = Locale.objects.filter(language_code=get_language()).first()
    picks = []
    for promotion in matching:
        if promotion.page_id:
            page = promotion.page
            translated = page.get_translation_or_none(locale) if locale else None
            page = translated if translated is not None and translated.live else page
            if not page.live:
                continue
            # Editors write the description once, in Cyrillic; Latin readers get it transliterated.
            description = in_current_language(promotion.description)
            picks.append({"title": page.title, "url": page.get_url(), "description": description})
        elif getattr(promotion, "external_link_url", ""):
            picks.append(
                {
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "url": promotion.external_link_url,
                    "description": in_current_language(promotion.description),
                }
            )
    return picks
