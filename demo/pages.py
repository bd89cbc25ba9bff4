"""What every part of the demo does with pages: publish, translate, fill stream fields, one index page."""

from django.utils.html import escape

from wagtail.models import Page

from core.scripts import latin_slug

from .translation import translate_with_table


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def add_published(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    return publish(page)


def translate_if_missing(instance, locales, table: dict[str, str]) -> None:
    """The English translation of a page or snippet, unless an earlier run made it."""
    if not instance.has_translation(locales["en"]):
        translate_with_table(instance, locales["en"], table)


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{escape(text)}</p>"}


def bullet_list(items: list[str]) -> dict:
    return {"type": "paragraph", "value": "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"}


def ordered_list(items: list[str]) -> dict:
    return {"type": "paragraph", "value": "<ol>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ol>"}


def heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def ensure_index_page(parent: Page, locales, model, spec: dict) -> Page:
    """The one `model` index under `parent` (title, intro, in the menu), and its English translation.

    `spec` is a data file's table: `title` and `intro` as [Cyrillic, English], `slug_en`.
    """
    title, title_en = spec["title"]
    page = model.objects.child_of(parent).first()
    if page is None:
        page = add_published(
            parent, model(title=title, slug=latin_slug(title), intro=spec["intro"][0], show_in_menus=True)
        )
    translate_if_missing(
        page, locales, {title: title_en, spec["intro"][0]: spec["intro"][1], page.slug: spec["slug_en"]}
    )
    return page.specific
