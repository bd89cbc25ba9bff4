from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .latin_twin import is_cyrillic_source, pop_outcome
from .models import UsefulLink


class UsefulLinkViewSet(SnippetViewSet):
    model = UsefulLink
    icon = "link"
    menu_label = gettext_lazy("Useful links")
    list_display = ["title", "url", "sort_order"]
    search_fields = ["title"]


register_snippet(UsefulLinkViewSet)


@hooks.register("after_publish_page")
def tell_editor_about_latin_twin(request, page):
    """Say plainly what publishing in Cyrillic did to the Latin version."""
    if not is_cyrillic_source(page):
        return
    outcome = pop_outcome(page.pk)
    if outcome is None:
        return
    if outcome.reason == "error":
        # The original is live without its Latin version: the editor must see it, not skim past it.
        messages.error(request, describe_outcome(outcome))
    else:
        messages.info(request, describe_outcome(outcome))


def describe_outcome(outcome) -> str:
    if outcome.reason == "sync-stopped":
        return _("The Latin version is edited separately (sync stopped) and was not changed.")
    if outcome.reason == "error":
        return _(
            "The page is published, but its Latin version could not be published; the error has been logged. "
            "Publish the page again to retry; if it fails again, ask the site administrator to run "
            "“manage.py publish_latin_twins”."
        )
    if not outcome.updated:
        return _("The Latin version could not be updated; the error has been logged.")
    if outcome.corrections_kept:
        return _(
            "The Latin version was updated by transliteration. %(count)s passage(s) corrected by hand "
            "were kept because their Cyrillic text did not change; passages you changed were transliterated anew."
        ) % {"count": outcome.corrections_kept}
    return _("The Latin version was created or updated by transliteration and published.")
