"""A translation is exactly as private as its Cyrillic original.

Wagtail keeps view restrictions (password, login, groups) per page, and a translation is
another page in another tree: a Latin twin or an English version of a private Cyrillic
page would otherwise be public, with its entries in feeds, calendars and listings.
So the original's restrictions are copied onto every translation whenever they change
(added, changed, removed in the admin's privacy dialog) and whenever a translation is
published. A restriction on a section (an index page) covers its translated section the
same way, as each translated child lives under the translated index.
"""

from wagtail.models import Page, PageViewRestriction

CYRILLIC = "sr-cyrl"


def restriction_facts(page) -> list[tuple]:
    """What a page's own restrictions ask for, comparable between pages."""
    return sorted(
        (restriction.restriction_type, restriction.password, tuple(sorted(g.pk for g in restriction.groups.all())))
        for restriction in page.view_restrictions.prefetch_related("groups")
    )


def is_original(page) -> bool:
    return page.locale.language_code == CYRILLIC


def original_of(page) -> Page | None:
    if is_original(page):
        return page
    return Page.objects.filter(translation_key=page.translation_key, locale__language_code=CYRILLIC).first()


def copy_restrictions(original, translation) -> bool:
    """Give `translation` exactly the original's own restrictions; True when something changed."""
    wanted = restriction_facts(original)
    if restriction_facts(translation) == wanted:
        return False
    for restriction in translation.view_restrictions.all():
        restriction.delete()
    for restriction_type, password, group_ids in wanted:
        copy = PageViewRestriction(page=translation, restriction_type=restriction_type, password=password)
        copy.save()
        copy.groups.set(group_ids)
    return True


def mirror_to_translations(original) -> None:
    """After the original's privacy changed: every translation follows, including a removal."""
    for translation in Page.objects.filter(translation_key=original.translation_key).exclude(pk=original.pk):
        copy_restrictions(original, translation)


def follow_original(page) -> None:
    """A translation being published takes its original's restrictions (never loses its own otherwise)."""
    original = original_of(page)
    if original is None or original.pk == page.pk:
        return
    if original.view_restrictions.exists():
        copy_restrictions(original, page)
