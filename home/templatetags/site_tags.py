from django import template
from django.utils.translation import get_language

from wagtail.models import Page, Site

from home.i18n import in_current_language
from home.languages import BCP47, page_versions, path_versions
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


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = context.get("page")
    home = localized_home(request, current)
    pages = home.get_children().live().in_menu().select_related("locale") if home else []
    current_path = getattr(current, "url_path", "") or ""
    items = [
        {
            "page": item,
            "current": item.pk == getattr(current, "pk", None),
            "open": current_path.startswith(item.url_path),
        }
        for item in pages
    ]
    return {"request": request, "home": home, "items": items, "home_is_current": home and current == home}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gte=2).live().select_related("locale")
    return {"request": context["request"], "ancestors": ancestors, "page": page}


def language_versions(context):
    """Computed once per render: both the switcher and the <head> links need it."""
    if "_language_versions" not in context.render_context:
        request = context["request"]
        page = context.get("page")
        if isinstance(page, Page) and page.pk:
            versions = page_versions(page, request)
        else:
            versions = path_versions(request)
        context.render_context["_language_versions"] = versions
    return context.render_context["_language_versions"]


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"versions": language_versions(context), "current": get_language()}


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    versions = language_versions(context)
    default = next((version for version in versions if version.code == "sr-cyrl"), None)
    return {"versions": versions, "default": default}


@register.simple_tag
def useful_links():
    return UsefulLink.objects.filter(locale__language_code=get_language())
