from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from search.entries import register_entry_source

        from . import signals  # noqa: F401  (the directory follows comments, awards and their pages)
        from .directory import rebuild_organisations

        # `sync_search_entries` rebuilds every entry; the organisations' are rebuilt here, not deleted.
        register_entry_source(rebuild_organisations)
