from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks

from core.snippets import register_listed_snippet

from .latin_twin import NotUpdated, is_cyrillic_source, pop_outcome
from .localize_sync import sync_urls
from .models import UsefulLink

register_listed_snippet(
    UsefulLink,
    icon="link",
    menu_label=gettext_lazy("Useful links"),
    list_display=["title", "url", "sort_order"],
    search_fields=["title"],
)


@hooks.register("after_publish_page")
def tell_editor_about_latin_twin(request, page):
    """Say plainly what publishing in Cyrillic did to the Latin version."""
    if not is_cyrillic_source(page):
        return
    outcome = pop_outcome(page.pk)
    if outcome is None:
        return
    if outcome.reason == NotUpdated.ERROR:
        # The original is live without its Latin version: the editor must see it, not skim past it.
        messages.error(request, describe_outcome(outcome))
    else:
        messages.info(request, describe_outcome(outcome))


def describe_outcome(outcome) -> str:
    if outcome.reason == NotUpdated.SYNC_STOPPED:
        return _("The Latin version is edited separately (sync stopped) and was not changed.")
    if outcome.reason == NotUpdated.ERROR:
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


@hooks.register("register_admin_urls")
def sync_only_published_translations():
    """Take over wagtail-localize's "Sync translated pages" URL (home/localize_sync.py says why)."""
    return sync_urls()
