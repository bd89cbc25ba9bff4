"""Fill a wagtail-localize translation from a table of source text → translated text."""

from django.db import transaction

from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue


class MissingDemoTranslationError(Exception):
    pass


def translate_with_table(instance, locale, table: dict[str, str]) -> None:
    """Create (or refresh) the `locale` translation of `instance` and publish it.

    Every passage of the source must have an entry in `table`, keyed by its plain
    text; a missing one raises, so demo content never mixes languages silently.
    """
    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        missing = []
        for segment in segments:
            text = segment.string.as_value().render_text()
            if text not in table:
                missing.append(text)
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": StringValue.from_plaintext(table[text]).data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        if missing:
            raise MissingDemoTranslationError(f"No {locale.language_code} text for: {missing}")
        translation.save_target(publish=True)
