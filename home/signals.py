"""Keep each Cyrillic original and its Latin twin in step."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.models import Locale, Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .content_cache import bump_content_version
from .latin_twin import LATIN, is_cyrillic_source, remember_outcome, safely_publish_latin_twin


@receiver(page_published)
def publish_twin_of_page(sender, instance, revision=None, **kwargs):
    if is_cyrillic_source(instance):
        user = getattr(revision, "user", None)
        remember_outcome(instance.pk, safely_publish_latin_twin(instance, user))


@receiver(page_unpublished)
def unpublish_twin_of_page(sender, instance, **kwargs):
    """A page withdrawn in Cyrillic must not live on in Latin."""
    if not is_cyrillic_source(instance):
        return
    latin = Locale.objects.filter(language_code=LATIN).first()
    twin = instance.get_translation_or_none(latin) if latin else None
    if twin is not None and twin.live:
        twin.specific.unpublish()


@receiver(post_save)
def publish_twin_of_snippet(sender, instance, created, raw=False, **kwargs):
    # Pages have their own signal; drafts of snippets with draft state are not public yet.
    if raw or isinstance(instance, Page) or sender not in get_snippet_models():
        return
    if getattr(instance, "live", True) and is_cyrillic_source(instance):
        safely_publish_latin_twin(instance)


# Menus, footers and snippet names are cached under a content version: any change bumps it.
for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(bump_content_version, dispatch_uid=f"bump-content-version-{signal!r}")


@receiver(post_save)
@receiver(post_delete)
def bump_on_content_change(sender, **kwargs):
    if issubclass(sender, Page | BaseSiteSetting | AbstractDocument) or sender in get_snippet_models():
        bump_content_version()
