from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.sections import HomeSection

from .models import DocumentType, IssuingBody, RegistryDocument

LATEST_DOCUMENTS = 5


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "tag"
    menu_label = _("Document types")
    list_display = ["name", "sort_order"]


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "site"
    menu_label = _("Issuing bodies")
    list_display = ["name", "abolished_in"]


register_snippet(DocumentTypeViewSet)
register_snippet(IssuingBodyViewSet)


def document_edit_url(document) -> str:
    return reverse("wagtaildocs:edit", args=[document.pk])


class RegistryIndexView(IndexView):
    """The registry as editors need it: metadata, extraction status, accessibility flags."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("document_type", "issuing_body")

    def get_edit_url(self, instance):
        return document_edit_url(instance)

    def get_add_url(self):
        return reverse("wagtaildocs:add_multiple")


class RegistryViewSet(ModelViewSet):
    model = RegistryDocument
    index_view_class = RegistryIndexView
    icon = "doc-full"
    menu_label = _("Registry")
    menu_order = 400
    add_to_admin_menu = True
    url_prefix = "registry"
    name = "registry"
    list_filter = ["document_type", "status", "issuing_body", "year", "extraction", "machine_readable", "collection"]
    search_fields = ["title", "reference_number"]
    list_per_page = 50

    @property
    def columns(self):
        return [
            TitleColumn(
                "title", label=_("Title"), get_url=lambda document: reverse("wagtaildocs:edit", args=[document.pk])
            ),
            Column("document_type", label=_("Type")),
            Column("reference_number", label=_("Number")),
            Column("status", label=_("Status"), accessor="get_status_display"),
            DateColumn("date_adopted", label=_("Adopted")),
            Column("extraction", label=_("Text"), accessor="get_extraction_display"),
            Column("machine_readable", label=_("Machine-readable")),
        ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(columns=self.columns, **kwargs)

    def get_urlpatterns(self):
        # Adding and editing happen in Wagtail's own document views; this is the registry's list.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


@hooks.register("register_admin_viewset")
def register_registry_viewset():
    return RegistryViewSet()


def latest_public_documents(request, locale):
    return RegistryDocument.objects.public().order_by("-created_at")[:LATEST_DOCUMENTS]


@hooks.register("register_home_section")
def latest_documents_section():
    return HomeSection(
        key="documents",
        title=_("Latest documents"),
        template="home/sections/documents.html",
        get_items=latest_public_documents,
    )
