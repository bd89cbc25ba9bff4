"""Write once in Cyrillic, get Latin automatically.

Publishing a Cyrillic page (or saving a translatable snippet) creates or updates its
`sr-latn` twin through wagtail-localize and publishes it. Transliteration is exact,
so it is a machine "translation" no one needs to review; an editor may still correct
a passage of the Latin version in wagtail-localize's editor.

What happens to such corrections on the next Cyrillic publish: wagtail-localize keys
each translated passage by its source text, so a correction is kept as long as the
Cyrillic passage it corrects is unchanged; a passage whose Cyrillic changed is
transliterated anew. If an editor stopped syncing the Latin page, it is left alone.
"""

import enum
import logging
import threading
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from core.scripts import to_latin_html

logger = logging.getLogger(__name__)

CYRILLIC = "sr-cyrl"
LATIN = "sr-latn"


class LatinTransliterator(BaseMachineTranslator):
    """wagtail-localize machine translator: exact Serbian Cyrillic → Latin."""

    display_name = _("Serbian Cyrillic to Latin transliteration")

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code == CYRILLIC and target_locale.language_code == LATIN

    def translate(self, source_locale, target_locale, strings):
        # StringValue.data is wagtail-localize's HTML form (inline tags, entities).
        return {string: StringValue(to_latin_html(string.data)) for string in strings}


class NotUpdated(enum.StrEnum):
    """Why the Latin twin was left as it was."""

    NOT_CYRILLIC = "not-cyrillic"
    NO_LATIN_LOCALE = "no-latin-locale"
    SYNC_STOPPED = "sync-stopped"  # an editor keeps the Latin version by hand
    ERROR = "error"  # logged; the original is live without its twin


@dataclass(frozen=True)
class TwinOutcome:
    updated: bool
    created: bool = False
    corrections_kept: int = 0
    reason: NotUpdated | None = None


def is_cyrillic_source(instance) -> bool:
    return getattr(instance, "locale_id", None) is not None and instance.locale.language_code == CYRILLIC


def publish_latin_twin(instance, user=None) -> TwinOutcome:
    """Create or refresh the Latin twin of a Cyrillic page or snippet, and publish it."""
    if not is_cyrillic_source(instance):
        return TwinOutcome(updated=False, reason=NotUpdated.NOT_CYRILLIC)
    latin_locale = Locale.objects.filter(language_code=LATIN).first()
    if latin_locale is None:
        return TwinOutcome(updated=False, reason=NotUpdated.NO_LATIN_LOCALE)

    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation, created = Translation.objects.get_or_create(
            source=source, target_locale=latin_locale, defaults={"enabled": True}
        )
        if not translation.enabled:
            return TwinOutcome(updated=False, reason=NotUpdated.SYNC_STOPPED)
        transliterate_missing_strings(translation, user)
        # wagtail-localize would publish a page's twin only once the original's transaction
        # commits, where a failure is no longer ours to catch: the original would go live
        # without its twin. Publish here instead, so a failure rolls back and is reported.
        publish_here = isinstance(instance, DraftStateMixin)
        translation.save_target(user=user, publish=not publish_here)
        if publish_here:
            translation.get_target_instance().get_latest_revision().publish(user=user)
    return TwinOutcome(updated=True, created=created, corrections_kept=count_corrections(translation))


def transliterate_missing_strings(translation, user=None) -> int:
    """Fill in every passage of the source that has no Latin text yet; keep the rest."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    existing = set(
        StringTranslation.objects.filter(
            locale=translation.target_locale,
            translation_of__in=segments.values("string"),
        ).values_list("translation_of_id", "context_id")
    )
    translator = LatinTransliterator({})
    new = [
        StringTranslation(
            translation_of_id=segment.string_id,
            locale=translation.target_locale,
            context_id=segment.context_id,
            data=to_latin_html(segment.string.data),
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            tool_name=str(translator.display_name),
            last_translated_by=user,
        )
        for segment in segments
        if (segment.string_id, segment.context_id) not in existing
    ]
    StringTranslation.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def count_corrections(translation) -> int:
    """Passages of the current source whose Latin text an editor wrote by hand."""
    return (
        StringTranslation.objects.filter(
            locale=translation.target_locale,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            translation_of__segments__source=translation.source,
        )
        .distinct()
        .count()
    )


def safely_publish_latin_twin(instance, user=None) -> TwinOutcome:
    """Publishing the Cyrillic original must never fail because of its twin."""
    try:
        return publish_latin_twin(instance, user)
    except Exception:
        logger.exception(
            "Could not publish the Latin twin of %r (id %s); publish it again or run `manage.py publish_latin_twins`",
            instance,
            instance.pk,
        )
        return TwinOutcome(updated=False, reason=NotUpdated.ERROR)


# The admin's "after publish" hook runs in the same thread as the page_published
# signal but receives another copy of the page, so the outcome travels by page id.
_outcomes = threading.local()


def remember_outcome(page_id: int, outcome: TwinOutcome) -> None:
    if not hasattr(_outcomes, "by_page"):
        _outcomes.by_page = {}
    _outcomes.by_page[page_id] = outcome


def pop_outcome(page_id: int) -> TwinOutcome | None:
    return getattr(_outcomes, "by_page", {}).pop(page_id, None)
