from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Public consultations")

    def ready(self):
        # Registered on import: the deadlines, the home page's section, the commenters' notices on publication.
        from . import deadlines, home_sections, notice_signals  # noqa: F401
        from .versions import connect as keep_draft_versions

        keep_draft_versions()
