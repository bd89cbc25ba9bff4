"""Find what a failed or skipped publish left without an up-to-date Latin twin.

Publishing in Cyrillic publishes the Latin twin in the same request (home/signals.py);
when that fails the editor is told and the error logged, and this catches up on what is
still missing: a live Cyrillic page whose twin is missing, not live, still an alias of the
original, or older than the original's last publish; a translatable snippet with no twin.
Twins whose sync an editor stopped are left alone.
"""

from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation

from .latin_twin import CYRILLIC, LATIN


def _locales():
    by_code = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=[CYRILLIC, LATIN])}
    return by_code.get(CYRILLIC), by_code.get(LATIN)


def _sync_stopped(latin) -> set:
    return {
        str(key)
        for key in Translation.objects.filter(target_locale=latin, enabled=False).values_list(
            "source__object_id", flat=True
        )
    }


def _twin_is_behind(original, twin) -> bool:
    if twin is None or not twin.live or twin.alias_of_id is not None:
        return True
    published = original.last_published_at
    return published is not None and (twin.last_published_at is None or twin.last_published_at < published)


def pages_needing_a_twin() -> list:
    cyrillic, latin = _locales()
    if cyrillic is None or latin is None:
        return []
    stopped = _sync_stopped(latin)
    twins = {
        str(twin.translation_key): twin
        for twin in Page.objects.filter(locale=latin).only(
            "translation_key", "live", "alias_of_id", "last_published_at"
        )
    }
    originals = Page.objects.filter(locale=cyrillic, live=True, depth__gt=1, alias_of__isnull=True).order_by("path")
    return [
        page.specific
        for page in originals
        if str(page.translation_key) not in stopped and _twin_is_behind(page, twins.get(str(page.translation_key)))
    ]


def snippets_needing_a_twin() -> list:
    cyrillic, latin = _locales()
    if cyrillic is None or latin is None:
        return []
    stopped = _sync_stopped(latin)
    missing = []
    for model in get_snippet_models():
        if not issubclass(model, TranslatableMixin):
            continue
        originals = model.objects.filter(locale=cyrillic)
        if issubclass(model, DraftStateMixin):
            originals = originals.filter(live=True)
        translated = {str(key) for key in model.objects.filter(locale=latin).values_list("translation_key", flat=True)}
        missing += [item for item in originals if str(item.translation_key) not in translated | stopped]
    return missing
