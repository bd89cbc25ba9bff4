from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from documents.library import DOCUMENT_SEARCH_HOOK

from .admin_views import UnansweredQueriesReportView
from .documents import ranked_document_ids

# The document library's search box is answered by the search (search/documents.py).
hooks.register(DOCUMENT_SEARCH_HOOK, ranked_document_ids)


@hooks.register("register_admin_urls")
def register_unanswered_report_urls():
    return [
        path(
            "reports/searches-without-results/",
            UnansweredQueriesReportView.as_view(),
            name="search_unanswered_report",
        ),
        path(
            "reports/searches-without-results/results/",
            UnansweredQueriesReportView.as_view(results_only=True),
            name="search_unanswered_report_results",
        ),
    ]


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def register_unanswered_report_menu_item():
    return EditorsMenuItem(
        _("Searches without results"),
        reverse("search_unanswered_report"),
        name="searches-without-results",
        icon_name="search",
        order=1310,
    )
