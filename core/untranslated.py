"""What a reader sees of content not yet translated into their language.

Serbian Latin is complete (every Cyrillic page gets its Latin twin on publish), English is not:
an English page exists only once an editor starts a translation, and it is live only once the
translation is published (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False). Until then an
English reader gets the Latin version, marked as Serbian, so nothing the office publishes is
hidden from them and no Serbian text is presented as English:

- listings (`listed_children`) show every item: the live English page where there is one,
  else its Latin twin;
- the English URL of a page whose translation is still a draft shows its Latin version with
  a notice in English (`fallback_version`, used by the page's route).
"""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import get_language

from wagtail.models import Page

# The language whose version a reader gets when the page is not (yet) in theirs.
FALLBACK_LANGUAGE = {"en": "sr-latn"}


def fallback_language(language_code: str) -> str | None:
    return FALLBACK_LANGUAGE.get(language_code)


def fallback_version(page) -> Page | None:
    """The live page a reader of `page`'s language gets while `page` is not live, or None."""
    fallback = fallback_language(page.locale.language_code)
    if fallback is None:
        return None
    return (
        Page.objects.filter(translation_key=page.translation_key, locale__language_code=fallback)
        .live()
        .select_related("locale")
        .first()
    )


def listed_children(model, index):
    """The children of `index` a reader of its language is shown, as one queryset (no extra query).

    In a language with a fallback: the index's own children, plus the children
    of the index's fallback version (the Latin index) that have no live page in the index's
    language. Callers add `.live()`, `.public()`, their filters and order as before; each item's
    `locale_id` tells whether it is a translation or the fallback (`is_fallback`).
    """
    own = Q(path__startswith=index.path, depth=index.depth + 1)
    # The reader's language is the active one (the index's own, but known without a query for its locale).
    fallback = fallback_language(get_language())
    if fallback is None:
        return model.objects.filter(own)
    fallback_index_path = Page.objects.filter(
        translation_key=index.translation_key, locale__language_code=fallback
    ).values("path")[:1]
    translated = Page.objects.filter(translation_key=OuterRef("translation_key"), locale_id=index.locale_id, live=True)
    fallback_children = Q(depth=index.depth + 1) & Q(
        path__startswith=Subquery(fallback_index_path), locale__language_code=fallback
    )
    return model.objects.filter(own | (fallback_children & ~Exists(translated)))


def is_fallback(item, page) -> bool:
    """Whether a listed `item` is shown in the fallback language of the listing `page`."""
    return item.locale_id != page.locale_id
