from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.documents import get_document_model

from home.sections import HomeSection

LATEST_DOCUMENTS = 5


def latest_public_documents(request, locale):
    # Documents in a restricted collection are not for the home page.
    return (
        get_document_model()
        .objects.filter(collection__view_restrictions__isnull=True)
        .order_by("-created_at")[:LATEST_DOCUMENTS]
    )


@hooks.register("register_home_section")
def latest_documents_section():
    return HomeSection(
        key="documents",
        title=_("Latest documents"),
        template="home/sections/documents.html",
        get_items=latest_public_documents,
    )
