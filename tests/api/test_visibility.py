"""The API shows what a visitor of the site can see, and nothing more."""

import pytest

from django.conf import settings as django_settings
from django.test import override_settings

from wagtail.models import Locale

from consultations.models import Comment, Decision
from tests.api.conftest import build_api_content
from tests.api.walk import API, ids
from tests.factories import SiteHomePageFactory
from tests.module_rows import fresh


@pytest.fixture(scope="module")
def module_media(tmp_path_factory):
    """A media folder of the module's own, for the files of the content its tests share."""
    folder = tmp_path_factory.mktemp("media")
    storages = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    with override_settings(MEDIA_ROOT=folder, STORAGES={**django_settings.STORAGES, **storages}):
        yield folder


@pytest.fixture
def local_media(module_media):
    """The module's own media folder, where its shared content's files are (never the shared test media)."""
    return module_media


@pytest.fixture(scope="module")
def api_content_built(module_rows, module_media):
    return module_rows.make(build_api_content, module_rows.home_page())


@pytest.fixture
def home_page(db):
    """A new site tree for the language tests, whose API lists must hold only their own content: the module's
    goes for the test (rolled back after it), its comments first, as they protect their consultation."""
    Comment.objects.all().delete()
    return SiteHomePageFactory()


@pytest.fixture
def api_content(db, api_content_built):
    """The module's content (tests/api/conftest.py), built once."""
    return fresh(api_content_built)


@pytest.mark.django_db
def test_every_endpoint_and_the_docs_answer(client, api_content):
    root = client.get(API)
    assert root.status_code == 200
    for endpoint, url in root.json().items():
        response = client.get(url)
        assert response.status_code == 200, endpoint
        assert response.json()["count"] > 0, endpoint
    assert client.get("/api/v1/docs/").status_code == 200
    assert client.get("/api/").url == "/api/v1/docs/"


@pytest.mark.django_db
def test_drafts_restricted_pages_and_pages_under_them_are_absent(client, api_content):
    listed = ids(client, "pages")
    assert api_content["public_page"].pk in listed
    for page in api_content["hidden_pages"]:
        assert page.pk not in listed, page.title
        assert client.get(f"{API}pages/{page.pk}/").status_code == 404, page.title


@pytest.mark.django_db
def test_unpublished_and_private_comments_are_absent(client, api_content):
    comments = api_content["comments"]
    listed = ids(client, "comments")
    assert {comments[name].pk for name in ("public", "anonymous", "with_contact_in_text", "unanswered")} == listed
    for name in ("private", "confirmed", "rejected", "unconfirmed"):
        assert client.get(f"{API}comments/{comments[name].pk}/").status_code == 404, name


@pytest.mark.django_db
def test_a_comment_names_its_author_only_with_consent(client, api_content):
    comments = api_content["comments"]
    public = client.get(f"{API}comments/{comments['public'].pk}/").json()
    anonymous = client.get(f"{API}comments/{comments['anonymous'].pk}/").json()
    assert public["author"] == comments["public"].organisation_name
    assert anonymous["author"] == ""
    assert "Тајно удружење" not in str(client.get(f"{API}comments/", {"page_size": 100}).json())


@pytest.mark.django_db
def test_the_offices_decisions_are_public_only_with_the_report(client, api_content):
    comments = api_content["comments"]
    answered = client.get(f"{API}comments/{comments['public'].pk}/").json()
    unanswered = client.get(f"{API}comments/{comments['unanswered'].pk}/").json()
    assert (answered["decision"], answered["decision_reasons"]) == (Decision.ACCEPTED, "Прихваћено.")
    assert (unanswered["decision"], unanswered["decision_label"], unanswered["decision_reasons"]) == (None, "", "")
    assert ids(client, "comments", decision=Decision.NOT_ACCEPTED) == set()


@pytest.mark.django_db
def test_unpublished_and_restricted_documents_are_absent(client, api_content):
    listed = ids(client, "documents")
    assert api_content["document"].pk in listed
    for document in api_content["hidden_documents"]:
        assert document.pk not in listed
        assert client.get(f"{API}documents/{document.pk}/").status_code == 404


@pytest.mark.django_db
def test_a_document_links_its_public_page_and_download(client, api_content):
    document = api_content["document"]
    answer = client.get(f"{API}documents/{document.pk}/").json()
    assert answer["html_url"] == f"http://testserver{document.get_absolute_url()}"
    assert answer["download_url"] == f"http://testserver{document.url}"
    assert client.get(document.url).status_code == 200


@pytest.mark.django_db
def test_awards_come_with_payments_and_reports_only_once_results_are_published(client, api_content):
    call = client.get(f"{API}calls/{api_content['call'].pk}/").json()
    open_call = client.get(f"{API}calls/{api_content['open_call'].pk}/").json()
    assert call["status"] == "results" and open_call["status"] == "open"
    assert open_call["awards"] == []
    [award] = call["awards"]
    assert award["payments"] == [{"amount": "200000.00", "paid_on": award["payments"][0]["paid_on"]}]
    assert [report["kind"] for report in award["reports"]] == ["narrative"]
    assert call["decision"]["id"] == api_content["document"].pk
    assert ids(client, "awards") == {api_content["award"].pk}
    assert ids(client, "awards", call=api_content["open_call"].pk) == set()


@pytest.mark.django_db
def test_the_lang_parameter_chooses_the_language_of_pages_and_labels(client, published_with_twins):
    cyrillic = client.get(f"{API}calls/").json()["results"][0]
    latin = client.get(f"{API}calls/", {"lang": "sr-latn"}).json()["results"][0]
    english = client.get(f"{API}calls/", {"lang": "en"})
    assert cyrillic["locale"] == "sr-cyrl" and cyrillic["status_label"] == "отворено за пријаве"
    assert latin["locale"] == "sr-latn" and latin["status_label"] == "otvoreno za prijave"
    assert latin["translation_key"] == cyrillic["translation_key"]
    assert english.json()["count"] == 0  # not translated into English: no English call to list
    assert english["Content-Language"] == "en"


@pytest.mark.django_db
def test_a_consultations_state_and_comments_follow_its_original_in_every_language(client, published_with_twins):
    consultation = published_with_twins["consultation"]
    latin = consultation.get_translation(Locale.objects.get(language_code="sr-latn"))
    answer = client.get(f"{API}consultations/{latin.pk}/", {"lang": "sr-latn"}).json()
    assert answer["original"] == consultation.pk and answer["state"] == "reported"
    assert answer["state_label"] == "izveštaj objavljen"
    assert [article["id"] for article in answer["articles"]] == [a.pk for a in consultation.articles.all()]
    assert ids(client, "comments", consultation=latin.pk) == ids(client, "comments", consultation=consultation.pk)
    assert len(ids(client, "comments", consultation=latin.pk)) == 1


@pytest.mark.django_db
def test_a_position_paper_is_linked_only_when_published_and_approved(client, local_media, api_content):
    comments = api_content["comments"]
    published = client.get(f"{API}comments/{comments['public'].pk}/").json()
    private = client.get(f"{API}comments/{comments['anonymous'].pk}/").json()
    assert private["position_paper_url"] is None
    download = client.get(published["position_paper_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 position paper"
