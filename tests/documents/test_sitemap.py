"""The registry in the sitemap: each public document's permanent page in every language, with its language
versions as alternates; unpublished and restricted documents left out; read one file at a time."""

import pytest

from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction

from documents.sitemaps import DocumentSitemap
from tests.documents.factories import RegistryDocumentFactory
from tests.queries import queries_to_render
from tests.sitemaps import every_listed_url, index_locations, local, sitemap_urls

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
LANGUAGES = {"sr-Cyrl": "sr-cyrl", "sr-Latn": "sr-latn", "en": "en"}


def document_urls(document) -> dict[str, str]:
    """hreflang → the document's page in that language."""
    path = document.get_absolute_url().split("/", 2)[2]
    return {hreflang: f"{HOST}/{code}/{path}" for hreflang, code in LANGUAGES.items()}


@pytest.fixture
def registry(home_page):
    public = [RegistryDocumentFactory(title="Одлука о буџету"), RegistryDocumentFactory(title="Правилник о раду")]
    RegistryDocumentFactory(title="Још необјављен", published=False)
    internal = Collection.get_first_root_node().add_child(name="Интерно")
    CollectionViewRestriction.objects.create(collection=internal, restriction_type="login")
    RegistryDocumentFactory(title="Интерни записник", collection=internal)
    return public


def test_each_public_document_is_listed_in_every_language_and_no_other_document(client, registry):
    listed = every_listed_url(client)

    documents = {url for url in listed if "/documents/" in url}
    assert documents == {url for document in registry for url in document_urls(document).values()}
    for url in documents:
        assert client.get(local(url)).status_code == 200, url


def test_each_document_url_names_its_other_languages_and_the_cyrillic_one_as_default(client, registry):
    listed = every_listed_url(client)

    document = registry[0]
    versions = document_urls(document)
    expected = versions | {"x-default": versions["sr-Cyrl"]}
    for url in versions.values():
        assert listed[url].alternates == expected
    uploaded = timezone.localtime(document.file_uploaded_at or document.created_at).replace(microsecond=0)
    assert listed[versions["sr-Cyrl"]].lastmod == uploaded.isoformat()


def test_the_index_names_the_documents_file(client, registry):
    assert index_locations(client.get("/sitemap.xml").content) == [
        f"{HOST}/sitemap-pages.xml",
        f"{HOST}/sitemap-documents.xml",
    ]


def test_a_large_registry_is_split_into_files_cutting_through_a_documents_languages(client, registry, monkeypatch):
    whole = sitemap_urls(client.get("/sitemap-documents.xml").content)
    # Four URLs a file: the second document's three languages fall in two files.
    monkeypatch.setattr(DocumentSitemap, "limit", 4)

    files = [url for url in index_locations(client.get("/sitemap.xml").content) if "documents" in url]
    assert files == [f"{HOST}/sitemap-documents.xml", f"{HOST}/sitemap-documents.xml?p=2"]
    parts = [sitemap_urls(client.get(local(url)).content) for url in files]
    assert [len(part) for part in parts] == [4, 2]
    assert {loc: url for part in parts for loc, url in part.items()} == whole


def test_the_documents_file_takes_as_many_queries_for_twelve_documents_as_for_two(client, registry):
    two = queries_to_render(client, "/sitemap-documents.xml")
    for number in range(10):
        RegistryDocumentFactory(title=f"Документ {number}")
    twelve = queries_to_render(client, "/sitemap-documents.xml")

    assert len(sitemap_urls(client.get("/sitemap-documents.xml").content)) == 12 * 3
    assert two == twelve
