"""Every change an anonymous page can show bumps the page cache's generation.

Publishing, unpublishing, moving or deleting a page; saving a snippet, a setting, a document, an
image, a site or a locale; a page becoming private; a search promotion. A model whose rows are not
all public (a comment still waiting for its sender's confirmation) says which saves matter with a
`changes_public_pages()` method; without one, every save does. Images' renditions, sessions,
logs and task rows are no content: saving them (which rendering a page can do) bumps nothing.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .generation import bump_generation

CONTENT_BASES = (
    Page,
    BaseSiteSetting,
    BaseGenericSetting,
    AbstractDocument,
    AbstractImage,
    PageViewRestriction,
    CollectionViewRestriction,
    Site,
    Locale,
    SearchPromotion,
)


def is_content(sender) -> bool:
    return issubclass(sender, CONTENT_BASES) or sender in get_snippet_models()


def content_changed(sender, instance=None, raw=False, **kwargs):
    if raw or not is_content(sender):
        return
    changes_public_pages = getattr(instance, "changes_public_pages", None)
    if changes_public_pages is not None and not changes_public_pages():
        return
    bump_generation()


def restriction_groups_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        bump_generation()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_generation, dispatch_uid=f"page-cache-{signal!r}")
    post_save.connect(content_changed, dispatch_uid="page-cache-saved")
    post_delete.connect(content_changed, dispatch_uid="page-cache-deleted")
    for restriction in (PageViewRestriction, CollectionViewRestriction):
        m2m_changed.connect(
            restriction_groups_changed, sender=restriction.groups.through, dispatch_uid=f"page-cache-{restriction}"
        )
