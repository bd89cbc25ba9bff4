from django.http import Http404
from django.urls import path, reverse
from django.utils.dateformat import format as date_format
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.documents import get_document_model
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.documents.wagtail_hooks import DocumentAdminURLFinder
from wagtail.permissions import policy_registry

from core.snippets import register_listed_snippet
from home.sections import add_home_section
from home.sitemaps import add_sitemap_section

from .library import containing_words, search_words
from .models import DocumentType, IssuingBody, RegistryDocument
from .sitemaps import DocumentSitemap

LATEST_DOCUMENTS = 5


register_listed_snippet(DocumentType, icon="tag", menu_label=_("Document types"), list_display=["name", "sort_order"])
register_listed_snippet(IssuingBody, icon="site", menu_label=_("Issuing bodies"), list_display=["name", "abolished_in"])


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

    def search_queryset(self, queryset):
        # The registry's own normalised text, as in the public library: a reference number,
        # a title in Cyrillic or Latin, with or without diacritics, on every search backend.
        if not self.is_searching:
            return queryset
        return containing_words(queryset, search_words(self.search_query))


class RegistryViewSet(ModelViewSet):
    model = RegistryDocument
    index_view_class = RegistryIndexView
    icon = "doc-full"
    menu_label = _("Registry")
    menu_order = 400
    add_to_admin_menu = True
    url_prefix = "registry"
    name = "registry"
    list_filter = [
        "published",
        "document_type",
        "status",
        "issuing_body",
        "year",
        "extraction",
        "machine_readable",
        "collection",
    ]
    list_per_page = 50
    # This viewset is only the registry's list: a document's admin URLs (edit, usage) are
    # Wagtail's document views, so the model's URL finder must stay theirs, not "registry:edit".
    url_finder_class = DocumentAdminURLFinder

    @property
    def columns(self):
        return [
            TitleColumn(
                "title", label=_("Title"), get_url=lambda document: reverse("wagtaildocs:edit", args=[document.pk])
            ),
            Column("document_type", label=_("Type")),
            Column("reference_number", label=_("Number")),
            Column("status", label=_("Status"), accessor="get_status_display"),
            Column("published", label=_("Public"), accessor="publication_label"),
            # A calendar date, not a moment: "15 hours ago" would say when the row was typed in.
            Column("date_adopted", label=_("Adopted"), accessor=adopted_on),
            Column("extraction", label=_("Text"), accessor="get_extraction_display"),
            Column("machine_readable", label=_("Machine-readable"), accessor=machine_readable_answer),
        ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(columns=self.columns, **kwargs)

    def get_urlpatterns(self):
        # Adding and editing happen in Wagtail's own document views; this is the registry's list.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


def adopted_on(document) -> str:
    return date_format(document.date_adopted, "j. n. Y.") if document.date_adopted else ""


def machine_readable_answer(document) -> str:
    """Yes or no in the editor's language ("True" is Python's word); nothing while the text is not read yet."""
    if document.machine_readable is None:
        return ""
    return _("Yes") if document.machine_readable else _("No")


@hooks.register("register_admin_viewset")
def register_registry_viewset():
    return RegistryViewSet()


def can_see_unpublished(user) -> bool:
    """Editors who keep the registry open a document's file before they publish it."""
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission(user, ["add", "change", "choose"])


@hooks.register("before_serve_document")
def keep_unpublished_files_private(document, request):
    # The file of a document not yet published is as private as its page: not found.
    if not document.published and not can_see_unpublished(request.user):
        raise Http404


class PublishedDocumentLinkHandler(DocumentLinkHandler):
    """A rich-text link to a document not yet published renders as a link to nothing, like a deleted one."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            f'<a href="{escape(document.url)}">' if document and document.published else "<a>"
            for document in cls.get_many(attrs_list)
        ]


# After Wagtail's own documents hook (order 0), which registers the handler this one replaces.
@hooks.register("register_rich_text_features", order=100)
def register_published_document_links(features):
    features.register_link_type(PublishedDocumentLinkHandler)


def latest_public_documents(request, locale):
    return RegistryDocument.objects.public().order_by("-created_at")[:LATEST_DOCUMENTS]


add_home_section("documents", _("Latest documents"), latest_public_documents)
add_sitemap_section("documents", DocumentSitemap)
