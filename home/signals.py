"""Keep each Cyrillic original and its Latin twin in step."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished
from wagtail.snippets.models import get_snippet_models

from .latin_twin import LATIN, is_cyrillic_source, remember_outcome, safely_publish_latin_twin
from .restrictions import follow_original, is_original, mirror_to_translations


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


# A translation is exactly as private as its Cyrillic original (see home/restrictions.py).
@receiver(page_published)
def translation_follows_original_privacy(sender, instance, **kwargs):
    follow_original(instance)


def mirror_privacy_of(page_id) -> None:
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    if page is not None and is_original(page):
        mirror_to_translations(page)


@receiver(post_save, sender=PageViewRestriction)
def restriction_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        mirror_privacy_of(instance.page_id)


@receiver(post_delete, sender=PageViewRestriction)
def restriction_removed(sender, instance, origin=None, **kwargs):
    # Only a restriction an editor removed; one deleted with its page leaves the twin private.
    if isinstance(origin, PageViewRestriction) or getattr(origin, "model", None) is PageViewRestriction:
        mirror_privacy_of(instance.page_id)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if reverse:  # groups were changed from the group's side: pk_set holds the restrictions
        for page_id in PageViewRestriction.objects.filter(pk__in=pk_set or ()).values_list("page_id", flat=True):
            mirror_privacy_of(page_id)
    else:
        mirror_privacy_of(instance.page_id)
