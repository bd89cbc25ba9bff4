"""Editors keep the registry in the admin: upload, extraction, versions, the registry listing."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from wagtail.models import Collection

from demo import files as demo_files
from documents.models import DocumentVersion, Extraction, RegistryDocument, Status
from tests.documents.factories import DocumentTypeFactory, IssuingBodyFactory
from tests.documents.files import drop_in_admin

pytestmark = pytest.mark.django_db

SECRET_WORD = "Волонтерски"
STRATEGY_TEXT = [
    "Стратегија предвиђа подршку удружењима у Новом Саду.",
    f"{SECRET_WORD} сервис помаже грађанима да се укључе у рад организација цивилног друштва.",
]


def upload_form(file_name: str, content: bytes, **fields) -> dict:
    data = {
        "title": "Стратегија развоја цивилног друштва",
        "file": SimpleUploadedFile(file_name, content),
        "collection": Collection.get_first_root_node().pk,
        "status": Status.IN_FORCE,
        "file_language": "sr-cyrl",
    }
    data.update(fields)
    return data


def upload(admin_client, file_name="strategija.pdf", content=None, **fields):
    content = content or demo_files.pdf_document("Стратегија", STRATEGY_TEXT)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post("/admin/documents/add/", upload_form(file_name, content, **fields))
    assert response.status_code == 302, response.content.decode()[:2000]
    return RegistryDocument.objects.latest("pk")


def test_upload_extracts_text_counts_pages_and_hashes_the_file(admin_client):
    document_type = DocumentTypeFactory(name="Стратегија")
    body = IssuingBodyFactory(name="Град Нови Сад")

    document = upload(
        admin_client,
        document_type=document_type.pk,
        issuing_body=body.pk,
        reference_number="II-020-2/2021",
        date_adopted="2022-02-10",
    )

    assert document.extraction == Extraction.DONE
    assert SECRET_WORD in document.extracted_text
    assert document.page_count == 1
    assert document.machine_readable is True
    assert len(document.sha256) == 64
    assert document.thumbnail.name.endswith(".png")
    assert document.year == 2022
    assert document.document_type == document_type


def test_a_scan_is_flagged_as_not_machine_readable(admin_client):
    document = upload(admin_client, "zapisnik.pdf", demo_files.scanned_pdf(["Записник", "Нови Сад"]))
    assert document.machine_readable is False
    listing = admin_client.get("/admin/registry/").content.decode()
    assert document.title in listing


def test_replacing_the_file_keeps_the_previous_version(admin_client):
    document = upload(admin_client)
    first_name, first_hash = document.file.name, document.sha256
    new_pdf = demo_files.pdf_document("Стратегија", ["Измењени текст стратегије за 2025. годину."])

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(
            f"/admin/documents/edit/{document.pk}/",
            upload_form("strategija-2025.pdf", new_pdf, title=document.title),
        )
    assert response.status_code == 302

    document.refresh_from_db()
    version = DocumentVersion.objects.get(document=document)
    assert (version.file.name, version.sha256) == (first_name, first_hash)
    assert version.file.storage.exists(first_name), "the earlier file is kept, not deleted"
    assert document.file.name != first_name
    assert "Измењени" in document.extracted_text
    assert version.uploaded_by_user is not None


def test_registry_listing_filters_by_metadata(admin_client):
    kept = upload(admin_client, title="Први", status=Status.IN_FORCE)
    upload(admin_client, title="Други", status=Status.REPEALED)

    html = admin_client.get("/admin/registry/results/", {"status": Status.IN_FORCE}).content.decode()

    assert kept.title in html
    assert "Други" not in html


def test_several_files_can_be_uploaded_at_once(admin_client):
    response = admin_client.get("/admin/documents/multiple/add/")
    assert response.status_code == 200
    for name in ("a.pdf", "b.docx"):
        content = (
            demo_files.pdf_document(name, ["Текст."])
            if name.endswith("pdf")
            else demo_files.docx_document(name, ["Текст документа."])
        )
        answer = drop_in_admin(admin_client, name, content)
        assert answer["success"], answer
    assert RegistryDocument.objects.filter(extraction=Extraction.DONE).count() == 2


def test_document_types_get_latin_twins(home_page):
    document_type = DocumentTypeFactory(name="Акциони план")
    twin = type(document_type).objects.get(
        translation_key=document_type.translation_key, locale__language_code="sr-latn"
    )
    assert twin.name == "Akcioni plan"


def test_a_page_with_a_chosen_document_opens_in_the_editor_and_in_site_history(admin_client, home_page):
    from tests.factories import StandardPageFactory

    document = upload(admin_client, title="Одлука изабрана на страници")
    page = StandardPageFactory(parent=home_page, body=[("document", {"document": document, "title": ""})])

    # The document's admin URL is Wagtail's document edit view, never the registry listing's missing "edit".
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    history = admin_client.get("/admin/reports/site-history/")
    assert history.status_code == 200
    assert f"/admin/documents/edit/{document.pk}/" in history.content.decode()


@pytest.mark.parametrize("query", ["II-020-2/2021", "razvoja", "развоја", "RAZVOJA civilnog drustva"])
def test_registry_search_finds_by_number_and_title_in_either_script(admin_client, query):
    found = upload(admin_client, reference_number="II-020-2/2021")
    other = upload(admin_client, title="Записник са седнице", reference_number="06-1/2024")

    admin_client.get("/admin/")  # shows, and so clears, the "document added" messages
    response = admin_client.get("/admin/registry/", {"q": query})

    assert response.status_code == 200
    html = response.content.decode()
    assert found.title in html
    assert other.title not in html
