"""wagtail-localize's "Sync translated pages", without publishing a translation nobody published yet.

With "Publish immediately" ticked, wagtail-localize publishes every enabled translation of the
page, using the original's text where a passage is not translated. For a translation an editor
only started ("Translate" makes a draft, see WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE), that
would put the Serbian text live under /en/ as if it were English. Here a translation is published
only when it is already live; the others are brought up to date as drafts, so an English page
still goes live only when its translation is published in the translation editor.

The view replaces wagtail-localize's at the same admin URL (home's admin URLs are registered
before wagtail-localize's, and Django takes the first match); only `form_valid` differs.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path

from wagtail.models import DraftStateMixin
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.views.edit_translation import apply_machine_translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

# wagtail-localize's own path for the view (wagtail_localize/wagtail_hooks.py), under the admin.
SYNC_PATH = "localize/update/<int:translation_source_id>/"


def may_publish(translation) -> bool:
    """Whether syncing may publish this translation: it is live already, or its model has no drafts."""
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return not issubclass(translation.source.specific_content_type.model_class(), DraftStateMixin)
    return not isinstance(target, DraftStateMixin) or target.live


class SyncPublishedTranslationsView(UpdateTranslationsView):
    @transaction.atomic
    def form_valid(self, form):
        if not form.cleaned_data["publish_translations"]:
            return super().form_valid(form)
        self.object.update_from_db()
        enabled = list(self.object.translations.filter(enabled=True).select_related("target_locale"))
        if form.cleaned_data.get("use_machine_translation"):
            machine_translator = get_machine_translator()
            for translation in enabled:
                apply_machine_translation(translation.id, self.request.user, machine_translator)
        for translation in enabled:
            with contextlib.suppress(ValidationError):
                translation.save_target(user=self.request.user, publish=may_publish(translation))
        self.components.save(self.object, sources_and_translations={self.object: enabled})
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url() or self.get_default_success_url())


def sync_urls() -> list:
    return [path(SYNC_PATH, SyncPublishedTranslationsView.as_view(), name="sync_published_translations")]
