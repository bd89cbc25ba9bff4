"""Snippets that need no more in the admin than a menu entry and a list with a few columns."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet


def register_listed_snippet(model, *, icon: str, menu_label: str, list_display: list[str], **options) -> type:
    """Register `model` as a snippet with its own admin menu entry; returns the viewset class."""
    attributes = {"model": model, "icon": icon, "menu_label": menu_label, "list_display": list_display, **options}
    viewset = type(f"{model.__name__}ViewSet", (SnippetViewSet,), attributes)
    register_snippet(viewset)
    return viewset
