from django import template
from django.utils.translation import get_language

from wagtail.models import Page, Site

from core.content_cache import cached
from core.languages import BCP47, page_versions, path_versions
from home.feed_links import feeds_announced_by
from home.i18n import in_current_language
from home.models import UsefulLink

register = template.Library()


@register.filter
def bcp47(language_code: str) -> str:
    return BCP47.get(language_code, language_code)


@register.filter
def in_script(cyrillic: str) -> str:
    """Text an editor wrote in Cyrillic, in the script of the visitor's language."""
    return in_current_language(cyrillic or "")


def localized_home(request, page=None):
    """The home page in the current language: the current page's top ancestor when there is one."""
    if isinstance(page, Page) and page.depth >= 2:
        return page if page.depth == 2 else Page.objects.ancestor_of(page).filter(depth=2).first()
    site = Site.find_for_request(request)
    return site.root_page.localized if site else None


def menu_entries(request, current) -> dict:
    """The localized home and its menu children as plain data, cached until content changes."""
    site = Site.find_for_request(request)
    language = get_language()

    def build():
        home = localized_home(request, current)
        if home is None:
            return {"home": None, "items": []}
        children = home.get_children().live().in_menu().select_related("locale")
        return {
            "home": {"pk": home.pk, "url": home.get_url(request)},
            "items": [
                {"pk": child.pk, "title": child.title, "url": child.get_url(request), "path": child.url_path}
                for child in children
            ],
        }

    return cached(f"menu:{site.pk if site else 0}:{language}", build)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    current = context.get("page")
    entries = menu_entries(context["request"], current)
    current_pk, current_path = getattr(current, "pk", None), getattr(current, "url_path", "") or ""
    items = [
        dict(item, current=item["pk"] == current_pk, open=current_path.startswith(item["path"]))
        for item in entries["items"]
    ]
    home = entries["home"]
    return {"home": home, "items": items, "home_is_current": bool(home) and home["pk"] == current_pk}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    # At the English URL of a page not translated yet, the trail runs through the English pages above it.
    untranslated = getattr(context["request"], "untranslated_page", None)
    trail_of = untranslated or page
    request = context["request"]

    def build():
        ancestors = trail_of.get_ancestors().filter(depth__gte=2).live().select_related("locale")
        return [{"depth": a.depth, "title": a.title, "url": a.get_url(request)} for a in ancestors]

    ancestors = cached(f"breadcrumbs:{trail_of.pk}:{request.get_host()}", build)
    return {"request": request, "ancestors": ancestors, "page": page, "untranslated": untranslated}


def language_versions(context):
    """Computed once per request: both the switcher and the <head> links need it."""
    request = context["request"]
    if not hasattr(request, "_language_versions"):
        page = context.get("page")
        if isinstance(page, Page) and page.pk:
            request._language_versions = page_versions(page, request)
        else:
            request._language_versions = path_versions(request)
    return request._language_versions


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"versions": language_versions(context), "current": get_language()}


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    versions = language_versions(context)
    default = next((version for version in versions if version.code == "sr-cyrl"), None)
    return {"versions": versions, "default": default, "canonical": fallback_canonical(context)}


def fallback_canonical(context) -> str:
    """At the English URL of a page not translated yet, the Latin page it shows is the one to index."""
    request, page = context["request"], context.get("page")
    if getattr(request, "untranslated_page", None) is None or not isinstance(page, Page):
        return ""
    return request.build_absolute_uri(page.get_url(request))


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context):
    page_type = getattr(context.get("page"), "specific_class", None)
    return {"feeds": feeds_announced_by(page_type._meta.label_lower, context["request"]) if page_type else []}


@register.simple_tag
def useful_links():
    language = get_language()
    return cached(
        f"useful-links:{language}",
        lambda: list(UsefulLink.objects.filter(locale__language_code=language).values("title", "url")),
    )
