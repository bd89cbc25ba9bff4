from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site and home page")

    def ready(self):
        from . import frontend_purge, signals  # noqa: F401  (signals connects the Latin-twin publisher)

        frontend_purge.connect()  # purges published pages from the front cache, when one is configured
        from . import admin_language

        admin_language.connect()  # new accounts start with the admin in Serbian Cyrillic
        admin_language.write_translation_dates_as_numbers()
