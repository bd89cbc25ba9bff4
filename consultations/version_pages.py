"""The public history of a draft: its versions, the adopted act, and what changed between any two versions.

Routes of the consultation page (consultations/models/pages.py): `verzije/` lists the versions,
`verzije/<old>/<new>/` compares two of them. Every page language shows the versions of the
original (comments and versions belong to it), each article in the page's language where both
versions have a copy in it, otherwise in the original's (see consultations/versions.py).
A version number that does not exist, or a pair not in order, is a 404.
"""

from collections import defaultdict

from django.db.models import F, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from core.params import bounded_int

from .models import Comment, Decision, VersionArticle
from .page_view import ConsultationView
from .version_diff import Status, compare_articles

# Version numbers are a PositiveSmallIntegerField: a larger number cannot exist, and is not sent to the database.
MAX_VERSION = 32767
TRACED_DECISIONS = (Decision.ACCEPTED, Decision.PARTLY)


def versions_page(request, page):
    view = ConsultationView.of(page)
    versions = list(view.original.draft_versions.all())
    numbers = {version.number for version in versions}
    old = bounded_int(request.GET.get("od"), maximum=MAX_VERSION)
    new = bounded_int(request.GET.get("do"), maximum=MAX_VERSION)
    if old in numbers and new in numbers and old != new:
        # The comparison form's choice, as the comparison's own address (older version first).
        return redirect(page.url + page.reverse_subpage("compare_versions", args=(min(old, new), max(old, new))))
    context = page.get_context(request)
    context.update(
        original=view.original,
        versions=versions,
        steps=[(version, previous) for previous, version in zip([None, *versions], versions, strict=False)],
        choice_refused=bool(request.GET.get("od") or request.GET.get("do")),
        adopted_act=public_adopted_act(view.original),
    )
    return TemplateResponse(request, "consultations/draft_versions.html", context)


def public_adopted_act(original):
    act = original.adopted_act
    return act if act is not None and act.is_public else None


def compare_page(request, page, old_number: int, new_number: int):
    if not 1 <= old_number < new_number <= MAX_VERSION:
        raise Http404
    view = ConsultationView.of(page)
    original = view.original
    versions = {v.number: v for v in original.draft_versions.filter(number__in=(old_number, new_number))}
    if len(versions) != 2:
        raise Http404
    old, new = versions[old_number], versions[new_number]
    old_articles, new_articles = copies_in_language(old, new, page.locale_id, original.locale_id)
    changes = compare_articles(old_articles, new_articles)
    if view.answers_public:
        attach_accepted_comments(changes, original, old_number, new_number)
    context = page.get_context(request)
    context.update(
        original=original,
        old=old,
        new=new,
        changes=changes,
        changed_count=sum(1 for change in changes if change.status != Status.UNCHANGED),
        answers_public=view.answers_public,
    )
    return TemplateResponse(request, "consultations/draft_version_compare.html", context)


def copies_in_language(old, new, locale_id: int, original_locale_id: int) -> tuple[list, list]:
    """Both versions' articles (one query), each in the page's language where both versions have it so."""
    table = defaultdict(dict)  # (version id, locale id) → {translation_key: copy}
    for copy in VersionArticle.objects.filter(version__in=(old, new), locale_id__in={locale_id, original_locale_id}):
        table[(copy.version_id, copy.locale_id)][copy.translation_key] = copy

    def in_language(version, other):
        originals = sorted(table[(version.pk, original_locale_id)].values(), key=lambda a: (a.sort_order, a.pk))
        translated, other_translated = table[(version.pk, locale_id)], table[(other.pk, locale_id)]
        other_has = table[(other.pk, original_locale_id)]
        return [
            translated[a.translation_key]
            if a.translation_key in translated
            and (a.translation_key in other_translated or a.translation_key not in other_has)
            else a
            for a in originals
        ]

    return in_language(old, new), in_language(new, old)


def attach_accepted_comments(changes, original, old_number: int, new_number: int) -> None:
    """Under each changed or removed article: the published comments on it, sent on a version from the
    older up to (not including) the newer one, that the office accepted in full or in part (one query)."""
    traced = {change.shown.translation_key: change for change in changes if change.status != Status.UNCHANGED}
    if not traced:
        return
    sent_between = Q(version__number__gte=old_number, version__number__lt=new_number)
    if old_number == 1:
        sent_between |= Q(version__isnull=True)  # comments from before versions existed were on version 1
    comments = (
        Comment.objects.published()
        .filter(sent_between, consultation=original, decision__in=TRACED_DECISIONS)
        .filter(article__translation_key__in=traced)
        .annotate(article_key=F("article__translation_key"))
        .order_by("published_at", "pk")
    )
    for comment in comments:
        traced[comment.article_key].comments.append(comment)
