"""Editors' report: what visitors searched for and did not find, most frequent first."""

from django_filters import DateFromToRangeFilter

from django.db.models import Max, Sum
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView

from .models import UnansweredQuery


class UnansweredQueryFilterSet(WagtailFilterSet):
    day = DateFromToRangeFilter(label=_("Date"), field_name="day", widget=DateRangePickerWidget)

    class Meta:
        model = UnansweredQuery
        fields = []


class UnansweredQueriesReportView(ReportView):
    page_title = _("Searches without results")
    header_icon = "search"
    is_searchable = True
    search_fields = ["query"]
    filterset_class = UnansweredQueryFilterSet
    default_ordering = "-searches"
    index_url_name = "search_unanswered_report"
    index_results_url_name = "search_unanswered_report_results"
    columns = [
        Column("query", label=_("Query"), sort_key="query"),
        NumberColumn("searches", label=_("Searches"), sort_key="searches"),
        DateColumn("last_day", label=_("Last searched"), sort_key="last_day"),
    ]
    export_headings = {"query": _("Query"), "searches": _("Searches"), "last_day": _("Last searched")}
    list_export = ["query", "searches", "last_day"]

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    def get_base_queryset(self):
        return UnansweredQuery.objects.values("query").annotate(searches=Sum("hits"), last_day=Max("day"))

    def get_queryset(self):
        # The filters apply to the daily rows; the totals are summed per query afterwards.
        queryset = super().get_queryset()
        return queryset.values("query").annotate(searches=Sum("hits"), last_day=Max("day"))
