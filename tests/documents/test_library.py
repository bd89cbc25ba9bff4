"""The public library: find documents by what is inside them, in any script, with honest facets."""

import csv
import datetime
import io
import json

import pytest

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from wagtail.models import Collection, CollectionViewRestriction

from demo import files as demo_files
from documents.models import DocumentLibraryPage, DocumentVersion, IssuingBody, RegistryDocument, Status
from tests.documents.factories import DocumentTypeFactory, IssuingBodyFactory, RegistryDocumentFactory
from tests.factories import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    page = DocumentLibraryPage(title="Документи", intro="Регистар.")
    home_page.add_child(instance=page)
    publish(page)
    return page


def extracted(**fields) -> RegistryDocument:
    with TestCase.captureOnCommitCallbacks(execute=True):
        document = RegistryDocumentFactory(**fields)
    document.refresh_from_db()
    return document


def pdf(title, *paragraphs):
    from django.core.files.base import ContentFile

    return ContentFile(demo_files.pdf_document(title, list(paragraphs)), name="file.pdf")


def titles(response) -> list[str]:
    return [document.title for document in response.context["results"]]


@pytest.mark.parametrize("words", ["волонтерски", "volonterski", "VOLONTERSKI", "volonterskí"])
def test_a_word_only_inside_the_file_finds_the_document_in_any_script(client, library, words):
    extracted(title="Стратегија", file=pdf("Стратегија", "Волонтерски сервис помаже грађанима Новог Сада."))
    extracted(title="Друго")

    response = client.get("/sr-cyrl/dokumenti/", {"q": words})

    assert titles(response) == ["Стратегија"]


def test_facet_counts_match_the_documents(client, library):
    strategy, report = DocumentTypeFactory(name="Стратегија"), DocumentTypeFactory(name="Извештај")
    city = IssuingBodyFactory(name="Град Нови Сад")
    for year, document_type in [(2021, strategy), (2022, strategy), (2022, report)]:
        RegistryDocumentFactory(document_type=document_type, issuing_body=city, date_adopted=datetime.date(year, 5, 1))
    RegistryDocumentFactory(document_type=report, status=Status.REPEALED, date_adopted=datetime.date(2022, 1, 1))

    facets = client.get("/sr-cyrl/dokumenti/").context["facets"]

    assert {(o.label, o.count) for o in facets.types} == {("Стратегија", 2), ("Извештај", 2)}
    assert [(o.label, o.count) for o in facets.years] == [("2022", 3), ("2021", 1)]
    assert {(o.value, o.count) for o in facets.statuses} == {("in_force", 3), ("repealed", 1)}
    assert [(o.label, o.count) for o in facets.bodies] == [("Град Нови Сад", 3)]

    narrowed = client.get("/sr-cyrl/dokumenti/", {"type": strategy.pk, "year": 2022})
    assert narrowed.context["results"].paginator.count == 1
    assert [(o.label, o.count) for o in narrowed.context["facets"].types] == [("Стратегија", 1)]


def test_facet_names_follow_the_visitors_language(client, library):
    document_type = DocumentTypeFactory(name="Акциони план")
    RegistryDocumentFactory(document_type=document_type)
    facets = client.get("/sr-latn/dokumenti/").context["facets"]
    assert [option.label for option in facets.types] == ["Akcioni plan"]


def test_topic_filter_and_sorting(client, library):
    old = RegistryDocumentFactory(title="Стари", date_adopted=datetime.date(2010, 1, 1))
    new = RegistryDocumentFactory(title="Нови", date_adopted=datetime.date(2024, 1, 1))
    new.tags.add("финансирање")

    assert titles(client.get("/sr-cyrl/dokumenti/", {"topic": "финансирање"})) == ["Нови"]
    assert titles(client.get("/sr-cyrl/dokumenti/", {"sort": "oldest"})) == [old.title, new.title]
    assert titles(client.get("/sr-cyrl/dokumenti/", {"sort": "title"})) == ["Нови", "Стари"]


@pytest.mark.parametrize(
    "params",
    [{"type": "x"}, {"year": "-1"}, {"status": "<script>"}, {"page": "999"}, {"sort": "drop"}, {"q": "a" * 5000}],
)
def test_malformed_parameters_never_break_the_page(client, library, params):
    RegistryDocumentFactory()
    response = client.get("/sr-cyrl/dokumenti/", params)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_documents_in_private_collections_are_not_listed_or_shown(client, library):
    private = Collection.get_first_root_node().add_child(name="Интерно")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    hidden = RegistryDocumentFactory(title="Интерни документ", collection=private)

    assert titles(client.get("/sr-cyrl/dokumenti/")) == []
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_library_queries_do_not_grow_with_the_number_of_documents(client, library):
    def queries_with(count: int) -> int:
        RegistryDocument.objects.all().delete()
        document_type = DocumentTypeFactory()
        RegistryDocument.objects.bulk_create(
            [RegistryDocumentFactory.build(document_type=document_type, file="documents/x.pdf") for _ in range(count)]
        )
        client.get("/sr-cyrl/dokumenti/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sr-cyrl/dokumenti/", {"status": "in_force"}).status_code == 200
        return len(queries)

    few, many = queries_with(10), queries_with(200)
    assert few == many
    assert many <= 13


def test_detail_page_shows_metadata_and_the_abolished_issuer(client, home_page):
    body = IssuingBodyFactory(name="Канцеларија Владе", abolished_in=2020, successor="Министарство")
    document = RegistryDocumentFactory(title="Извештај за 2019.", issuing_body=body, reference_number="05-1/2020")

    response = client.get(document.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "05-1/2020" in html
    assert "укинут" in html or "abolished" in html.lower()
    assert str(body.abolished_in) in html


def test_detail_permalink_redirects_a_stale_slug(client, home_page):
    document = RegistryDocumentFactory(title="Одлука")
    response = client.get(f"/sr-cyrl/documents/{document.pk}/stari-naziv/")
    assert response.status_code == 301
    assert response["Location"] == document.get_absolute_url()


def test_scan_is_flagged_on_its_public_page(client, home_page):
    document = extracted(title="Записник", file=pdf_scan())
    assert document.machine_readable is False
    html = client.get(document.get_absolute_url()).content.decode()
    assert 'class="notice"' in html


def pdf_scan():
    from django.core.files.base import ContentFile

    return ContentFile(demo_files.scanned_pdf(["Записник", "Нови Сад"]), name="scan.pdf")


def test_downloads_are_attachments_that_cannot_run_in_the_browser(client, home_page):
    document = RegistryDocumentFactory(title="Одлука")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_earlier_versions_have_their_own_download(client, home_page):
    document = RegistryDocumentFactory(title="Одлука")
    old_bytes = document.file.read()
    version = DocumentVersion.objects.create(document=document, file=document.file.name, sha256="x" * 64)
    document.file = pdf("Одлука", "Нова верзија.")
    document.save()

    response = client.get(version.get_absolute_url())

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == old_bytes
    assert 'attachment; filename="' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "Одлука" in client.get(document.get_absolute_url()).content.decode()


def test_open_data_exports_hold_every_public_document_and_no_personal_data(client, admin_user, home_page):
    RegistryDocumentFactory(title="Прва", uploaded_by_user=admin_user, reference_number="1/2024")
    RegistryDocumentFactory(title="Друга", summary="Кратак опис; са зарезом, и „наводницима“.")

    rows = list(csv.DictReader(io.StringIO(client.get("/sr-cyrl/documents/export.csv").getvalue().decode("utf-8-sig"))))
    data = json.loads(client.get("/en/documents/export.json").content)

    assert sorted(row["title"] for row in rows) == ["Друга", "Прва"]
    assert len(data["documents"]) == 2
    assert data["fields"] == list(rows[0].keys())
    everything = json.dumps(data, ensure_ascii=False) + str(rows)
    assert admin_user.email not in everything and admin_user.username not in everything
    assert (
        next(row for row in rows if row["title"] == "Друга")["summary"] == "Кратак опис; са зарезом, и „наводницима“."
    )


def test_issuing_bodies_have_no_personal_fields():
    assert {field.name for field in IssuingBody._meta.get_fields()} >= {"name", "abolished_in", "successor"}
    assert not any("mail" in field.name or "phone" in field.name for field in IssuingBody._meta.get_fields())


# --- the search box goes through the site's search ------------------------------------------


def test_the_search_box_finds_inflected_forms_in_the_other_script_ranked(client, library):
    inside = extracted(title="Одлука", file=pdf("Одлука", "Одлука се доноси према стратегији Града."))
    titled = extracted(title="Стратегија развоја волонтеризма")
    extracted(title="Записник", file=pdf("Записник", "Састанак о буџету."))

    for words in ["strategije", "СТРАТЕГИЈЕ", "strategijom"]:
        response = client.get("/sr-latn/dokumenti/", {"q": words})

        assert titles(response) == [titled.title, inside.title], "the word in the title ranks first"
        assert response.context["query"].sort == "relevance"
    by_title = client.get("/sr-latn/dokumenti/", {"q": "strategije", "sort": "title"})
    assert titles(by_title) == [inside.title, titled.title]


def test_facets_count_the_documents_the_search_found(client, library):
    strategy, report = DocumentTypeFactory(name="Стратегија"), DocumentTypeFactory(name="Извештај")
    extracted(
        title="План",
        document_type=strategy,
        date_adopted=datetime.date(2021, 3, 1),
        file=pdf("План", "Волонтерски сервис Града."),
    )
    extracted(title="Извештај о волонтерском раду", document_type=report, date_adopted=datetime.date(2022, 3, 1))
    extracted(title="Буџет", document_type=strategy, date_adopted=datetime.date(2022, 6, 1))

    searched = client.get("/sr-cyrl/dokumenti/", {"q": "volonterski"})
    facets = searched.context["facets"]

    assert searched.context["results"].paginator.count == 2
    assert {(o.label, o.count) for o in facets.types} == {("Стратегија", 1), ("Извештај", 1)}
    assert [(o.label, o.count) for o in facets.years] == [("2022", 1), ("2021", 1)]

    narrowed = client.get("/sr-cyrl/dokumenti/", {"q": "volonterski", "type": strategy.pk})
    assert titles(narrowed) == ["План"]
    assert [(o.label, o.count) for o in narrowed.context["facets"].types] == [("Стратегија", 1)]


def test_library_search_queries_do_not_grow_with_the_number_of_matches(client, library):
    from wagtail.search.backends import get_search_backend

    from core.scripts import normalize
    from search.entries import DOCUMENT_KIND, document_key
    from search.models import SearchEntry

    def queries_with(count: int) -> int:
        RegistryDocument.objects.all().delete()
        SearchEntry.objects.all().delete()
        document_type = DocumentTypeFactory()
        documents = RegistryDocument.objects.bulk_create(
            [
                RegistryDocumentFactory.build(title=f"Стратегија {n}", document_type=document_type, file="x.pdf")
                for n in range(count)
            ]
        )
        entries = SearchEntry.objects.bulk_create(
            SearchEntry(key=document_key(d.pk), kind=DOCUMENT_KIND, search_title=normalize(d.title)) for d in documents
        )
        get_search_backend().get_index_for_model(SearchEntry).add_items(SearchEntry, entries)
        client.get("/sr-cyrl/dokumenti/", {"q": "стратегије"})
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/sr-cyrl/dokumenti/", {"q": "стратегије", "page": "2"})
        assert response.context["results"].paginator.count == count
        return len(queries)

    few, many = queries_with(10), queries_with(200)
    assert few == many
    assert many <= 18
