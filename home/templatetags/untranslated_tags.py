"""Marking listed items shown in the listing's fallback language (Latin items on an English listing)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from core.languages import BCP47
from core.untranslated import fallback_language, is_fallback

register = template.Library()


def fallback_tag(item, page) -> str:
    """The BCP 47 tag of `item` when the listing `page` shows it in its fallback language, else ''.

    The reader's language is the active one, so no query is needed for the page's locale.
    """
    fallback = fallback_language(get_language())
    if page is None or fallback is None or not is_fallback(item, page):
        return ""
    return BCP47[fallback]


@register.inclusion_tag("includes/listed_title.html", takes_context=True)
def listed_title(context, item, level: int = 2):
    """The linked title of a listed page; in the fallback language it says so, to eyes and to screen readers."""
    return {
        "request": context["request"],
        "item": item,
        "level": level,
        "item_lang": fallback_tag(item, context.get("page")),
        "reader_lang": BCP47.get(get_language(), get_language()),
    }


@register.simple_tag(takes_context=True)
def fallback_lang(context, item) -> str:
    """` lang="sr-Latn"` for an element holding a listed item's own text, when it is in the fallback language."""
    tag = fallback_tag(item, context.get("page"))
    return format_html(' lang="{}"', tag) if tag else ""


@register.simple_tag
def serbian_text_lang() -> str:
    """` lang="sr-Latn"` for an element holding Serbian text that has no English version, shown through
    `in_script`, on an English page (where `in_script` gives it in Latin); '' on the Serbian pages."""
    fallback = fallback_language(get_language())
    return format_html(' lang="{}"', BCP47[fallback]) if fallback else ""


@register.simple_tag(takes_context=True)
def content_language(context) -> str:
    """The language of the page's own content: the fallback's when the reader's version is not published yet."""
    untranslated = getattr(context.get("request"), "untranslated_page", None)
    language = get_language()
    return (untranslated and fallback_language(language)) or language
