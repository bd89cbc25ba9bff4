"""Versions of a draft: freezing the current articles as version n, and keeping each language's copy.

Version 1 is frozen when the consultation is first published (consultations published before
versions existed got theirs from migration 0007): it is the text the public first read and
commented on. A revised draft is published by an editor from the admin
(consultations/admin_versions.py), which publishes the page's latest text and freezes it as the
next version.

Languages: versions belong to the Cyrillic original and are frozen in its language. An English
translation is made after the original changes, so a version's English copy is taken when the
English page is published while that version is the latest one (and refreshed on each such
publication, until a newer version exists); earlier versions keep theirs. The Latin twin keeps no
copy: the Latin site shows the Cyrillic copy, transliterated exactly on the way out
(core/latin_pages.py), so it can never disagree with the original.
"""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from wagtail.models import Page
from wagtail.signals import page_published

from .models import Article, ConsultationPage, DraftVersion, VersionArticle

logger = logging.getLogger(__name__)

LATIN = "sr-latn"


def is_original(page) -> bool:
    return page.locale.language_code == settings.LANGUAGE_CODE


def current_version(original) -> DraftVersion | None:
    """The version a comment sent now is about: the latest one."""
    return original.draft_versions.order_by("-number").first()


def _copies(version, articles, originals_by_key) -> list[VersionArticle]:
    return [
        VersionArticle(
            version=version,
            article=originals_by_key.get(article.translation_key),
            translation_key=article.translation_key,
            locale_id=article.locale_id,
            sort_order=position,
            number=article.number,
            heading=article.heading,
            text=article.text,
        )
        for position, article in enumerate(articles)
    ]


def freeze_version(original, *, note="", opens_at=None, closes_at=None, published_at=None) -> DraftVersion:
    """The original's articles as they are now, frozen as its next version."""
    with transaction.atomic():
        # One editor at a time numbers a version (the unique constraint would refuse the second anyway).
        list(Page.objects.select_for_update().filter(pk=original.pk).values_list("pk", flat=True))
        number = (original.draft_versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = DraftVersion.objects.create(
            consultation=original,
            number=number,
            published_at=published_at or timezone.now(),
            note=note,
            opens_at=opens_at,
            closes_at=closes_at,
        )
        articles = list(Article.objects.filter(page=original).order_by("sort_order", "pk"))
        VersionArticle.objects.bulk_create(_copies(version, articles, {a.translation_key: a for a in articles}))
    return version


def ensure_first_version(original) -> None:
    """Version 1, from the articles as they are now, if the consultation has no version yet."""
    if original.draft_versions.exists():
        return
    try:
        freeze_version(original, published_at=original.first_published_at)
    except IntegrityError:  # published twice at the same moment: the other one froze version 1
        logger.info("Version 1 of consultation %s was frozen concurrently", original.pk)


def copy_translation(page) -> None:
    """The translation's articles as the latest version's copy in its language (replacing an earlier copy)."""
    original = page.original
    version = current_version(original)
    if version is None:
        return
    keys = set(version.articles.filter(locale=original.locale_id).values_list("translation_key", flat=True))
    articles = [a for a in page.articles.order_by("sort_order", "pk") if a.translation_key in keys]
    originals = {a.translation_key: a for a in Article.objects.filter(page=original, translation_key__in=keys)}
    with transaction.atomic():
        version.articles.filter(locale=page.locale_id).delete()
        VersionArticle.objects.bulk_create(_copies(version, articles, originals))


def keep_versions(sender, instance, **kwargs) -> None:
    """On publication: the original's first version, or a translation's copy of the latest version."""
    if is_original(instance):
        ensure_first_version(instance)
    elif instance.locale.language_code != LATIN:
        copy_translation(instance)


def connect() -> None:
    page_published.connect(keep_versions, sender=ConsultationPage, dispatch_uid="consultation-draft-versions")


def publish_revised_draft(page, user, *, note: str, opens_at=None, closes_at=None) -> DraftVersion:
    """Publish the page's latest text (and a reopened period) and freeze it as the next version; tell the commenters.

    The previous text is frozen first if the consultation has no version yet, so version 1 is
    what was public before this revision.
    """
    from consultations.notice_signals import dates_announced_elsewhere
    from consultations.notices import notify_commenters
    from consultations.page_form import add_to_date_log, date_changes_between

    with transaction.atomic():
        ensure_first_version(page)
        revised = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
        if opens_at and closes_at:
            # The new period goes into the public log of date changes, the note as its reason.
            add_to_date_log(revised, date_changes_between(page, opens_at, closes_at), note)
            revised.opens_at, revised.closes_at = opens_at, closes_at
        with dates_announced_elsewhere():
            revised.save_revision(user=user, log_action=True).publish(user=user)
        version = freeze_version(page, note=note, opens_at=opens_at, closes_at=closes_at)
        # The publication above empties the page cache after the commit, when the version is there too;
        # the notices are queued after the commit too (consultations/notices.py).
        notify_commenters(page, "revised_draft", version=version)
    return version
