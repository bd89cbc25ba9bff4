"""Many live pages under one parent in a few seconds, for the query-count tests.

Adding pages one by one through treebeard costs several queries each (and publishing a revision
many more), so a thousand items took minutes. Here the pages' factories only build the field
values; the tree paths are computed once, the `wagtailcore_page` rows go in with one
`bulk_create`, and each page type's own row with one raw INSERT (Django cannot bulk-create a
child of multi-table inheritance). The pages are live and have no revision, as pages saved with
`published=False` by the factories are.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Page


def add_live_children(parent, page_factory, count: int, fields=lambda number: {}) -> list:
    """`count` live pages built by `page_factory` (with `fields(number)` on top) as the last children of `parent`."""
    parent = Page.objects.get(pk=parent.pk)
    model = page_factory._meta.model
    content_type = ContentType.objects.get_for_model(model)
    first = parent.numchild + 1
    now = timezone.now()
    built = []
    for number in range(first, first + count):
        page = page_factory.build(**fields(number))
        slug = f"{slugify(page.title) or 'page'}-{number}"
        page.pk = None
        page.path = Page._get_path(parent.path, parent.depth + 1, number)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.slug = slug
        page.url_path = f"{parent.url_path}{slug}/"
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.content_type = content_type
        page.live = True
        page.first_published_at = page.last_published_at = now
        built.append(page)
    with transaction.atomic():
        bases = Page.objects.bulk_create([_base_row(page) for page in built])
        for base, page in zip(bases, built, strict=True):
            page.pk = page.page_ptr_id = base.pk
            page.id = base.pk
            page.save_base(raw=True, force_insert=True)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    return built


def _base_row(page) -> Page:
    return Page(
        **{field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields if field.attname != "id"}
    )
