from django.utils.translation import gettext_lazy as _

from home.forms import SitePageForm


class StrategyPageForm(SitePageForm):
    """The strategy editor: besides the fields, one status row per measure and reporting year."""

    def clean(self):
        cleaned_data = super().clean()
        measures = self.formsets.get("measures")
        if measures is None or not measures.is_valid():
            return cleaned_data  # the measures' own errors come first
        for measure_form in measures.forms:
            if measures.can_delete and measures._should_delete_form(measure_form):
                continue
            progress = measure_form.formsets.get("progress")
            if progress is None or not progress.is_valid():
                continue
            seen = set()
            for form in progress.forms:
                year = form.cleaned_data.get("year")
                if not year or (progress.can_delete and progress._should_delete_form(form)):
                    continue
                if year in seen:
                    form.add_error("year", _("This measure already has a status for this year."))
                seen.add(year)
        return cleaned_data
