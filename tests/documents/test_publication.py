"""A new registry document stays private until an editor publishes it with its metadata."""

import csv
import io

import pytest

from django.test import Client, TestCase

from wagtail.rich_text import RichText

from demo import files as demo_files
from documents.models import RegistryDocument, Status
from search.entries import document_key
from search.models import SearchEntry
from tests.documents.factories import DocumentTypeFactory, IssuingBodyFactory, RegistryDocumentFactory
from tests.documents.files import drop_in_admin
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

TITLE = "Правилник о суфинансирању пројеката удружења"


def upload(admin_client, file_name="pravilnik.pdf") -> RegistryDocument:
    """A file as an editor drops it in the multiple-upload view: no metadata yet."""
    content = demo_files.pdf_document(TITLE, ["Члан 1. Овим правилником уређује се суфинансирање."])
    answer = drop_in_admin(admin_client, file_name, content)
    assert answer["success"], answer
    return RegistryDocument.objects.latest("pk")


def edit_form(document, **fields) -> dict:
    data = {
        "title": document.title,
        "collection": document.collection_id,
        "file_language": "sr-cyrl",
        "status": "",
    }
    data.update(fields)
    return data


def save_in_admin(admin_client, document, **fields):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return admin_client.post(f"/admin/documents/edit/{document.pk}/", edit_form(document, **fields))


def metadata() -> dict:
    return {
        "title": TITLE,
        "document_type": DocumentTypeFactory(name="Правилник").pk,
        "issuing_body": IssuingBodyFactory(name="Град Нови Сад").pk,
        "status": Status.IN_FORCE,
        "date_adopted": "2025-03-01",
    }


def public_surfaces(client, document) -> dict[str, bool]:
    """Where an anonymous visitor could meet the document, and whether they do."""
    export = client.get("/sr-cyrl/documents/export.json").json()["documents"]
    return {
        "permalink": client.get(document.get_absolute_url()).status_code == 200,
        "file": client.get(document.url).status_code == 200,
        "export": any(row["id"] == document.pk for row in export),
        "search": SearchEntry.objects.filter(key=document_key(document.pk)).exists(),
    }


def test_a_new_upload_is_private_unpublished_and_has_no_status_yet(admin_client, home_page):
    document = upload(admin_client)

    assert document.published is False
    assert document.status == "", "an upload is not 'in force' before the editor says so"
    assert not RegistryDocument.objects.public().filter(pk=document.pk).exists()
    assert public_surfaces(Client(), document) == {"permalink": False, "file": False, "export": False, "search": False}
    assert admin_client.get(document.url).status_code == 200, "the editor can open the file before publishing"


def test_publishing_requires_type_issuer_status_and_a_date(admin_client, home_page):
    document = upload(admin_client)

    response = save_in_admin(admin_client, document, published="on")

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"document_type", "issuing_body", "status", "date_adopted"}
    document.refresh_from_db()
    assert document.published is False


def test_a_published_document_is_public_everywhere(admin_client, home_page):
    document = upload(admin_client)

    response = save_in_admin(admin_client, document, published="on", **metadata())

    assert response.status_code == 302, response.context["form"].errors
    document.refresh_from_db()
    assert document.published is True
    assert public_surfaces(Client(), document) == {"permalink": True, "file": True, "export": True, "search": True}


def test_unpublishing_takes_a_document_out_of_public_view(admin_client, home_page):
    document = upload(admin_client)
    save_in_admin(admin_client, document, published="on", **metadata())

    save_in_admin(admin_client, document, **metadata())

    document.refresh_from_db()
    assert document.published is False
    assert public_surfaces(Client(), document) == {"permalink": False, "file": False, "export": False, "search": False}


def test_registry_listing_shows_and_filters_by_publication(admin_client, home_page):
    draft = upload(admin_client, "nacrt.pdf")
    public = RegistryDocumentFactory(title="Објављена одлука")

    html = admin_client.get("/admin/registry/").content.decode()
    assert "not published" in html or "није објављен" in html
    only_private = admin_client.get("/admin/registry/results/", {"published": "false"}).content.decode()
    assert draft.title in only_private and public.title not in only_private


def test_unpublished_documents_chosen_in_a_page_do_not_show_on_it(client, home_page):
    hidden = RegistryDocumentFactory(title="Нацрт у припреми", published=False)
    shown = RegistryDocumentFactory(title="Објављени водич")
    link = f'<p><a linktype="document" id="{hidden.pk}">тајни прилог</a></p>'
    page = StandardPageFactory(
        parent=home_page,
        body=[
            ("document", {"document": hidden, "title": ""}),
            ("document", {"document": shown, "title": ""}),
            ("paragraph", RichText(link)),
        ],
    )

    html = client.get(page.url).content.decode()

    assert shown.title in html and shown.url in html
    assert hidden.title not in html
    assert hidden.url not in html, "neither the block nor the rich-text link points at the private file"
    assert "тајни прилог" in html, "the editor's link text stays, without a link"


def test_registry_csv_neutralises_spreadsheet_formulas(client, home_page):
    RegistryDocumentFactory(
        title='=HYPERLINK("http://evil.example","Отвори")',
        reference_number="+381-11-cmd",
        summary="@SUM(1+1)",
        title_en="-2+3",
        gazette_reference="\tтаб",
    )

    response = client.get("/sr-cyrl/documents/export.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))

    (row,) = rows
    assert row["title"] == '\'=HYPERLINK("http://evil.example","Отвори")'
    assert row["reference_number"] == "'+381-11-cmd"
    assert row["summary"] == "'@SUM(1+1)"
    assert row["title_en"] == "'-2+3"
    assert row["gazette_reference"] == "'\tтаб"
    assert client.get("/sr-cyrl/documents/export.json").json()["documents"][0]["reference_number"] == "+381-11-cmd"


def test_every_demo_document_is_published(demo_site):
    assert RegistryDocument.objects.count() > 10
    assert list(RegistryDocument.objects.filter(published=False).values_list("title", flat=True)) == []
