"""The demo's closed consultation tells the whole story: two versions of the draft, citizens' comments
(named and not) and a letter a moderator recorded, each on the public pages in the three languages."""

import pytest

from wagtail.models import Locale

from consultations.canonical import sha256_hex
from consultations.models import Channel, CommentState, Consent, ConsultationPage, RespondentType
from demo.consultations import CLOSED, DATA
from demo.dates import moment

pytestmark = pytest.mark.django_db

LANGUAGES = ("sr-cyrl", "sr-latn", "en")
PROPOSAL = CLOSED["proposal"]
LETTER = CLOSED["recorded"][0]
NAMED_CITIZEN = DATA["citizens"]["petar-markovic"]["name"]
UNNAMED_CITIZEN = DATA["citizens"]["s-lazic"]["name"]


@pytest.fixture
def closed(demo_site) -> ConsultationPage:
    return ConsultationPage.objects.get(title=CLOSED["title"], locale__language_code="sr-cyrl")


def in_language(page, language) -> ConsultationPage:
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def frozen(version, language="sr-cyrl") -> dict[str, str]:
    return {copy.number: copy.text for copy in version.articles.filter(locale__language_code=language)}


def test_the_closed_draft_has_a_second_version_changing_the_articles_the_data_names(closed):
    first, second = closed.draft_versions.order_by("number")

    assert (second.number, second.note) == (2, PROPOSAL["note"])
    assert second.published_at == moment(PROPOSAL["published"])
    changed = {article["number"]: article["text"] for article in PROPOSAL["articles"]}
    assert {number: text for number, text in frozen(second).items() if frozen(first)[number] != text} == changed
    # Both versions have their English copy, so the English comparison is English on both sides.
    english = {article["number"]: article["text"] for article in CLOSED["english"]["proposal_articles"]}
    assert {number: frozen(second, "en")[number] for number in english} == english
    assert frozen(first, "en")["2"] == CLOSED["english"]["articles"][1]["text"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_new_demo_pages_answer_in_every_language(client, closed, language):
    page = in_language(closed, language)
    compare = page.url + page.reverse_subpage("compare_versions", args=(1, 2))

    for url in (
        page.url,
        page.url + page.reverse_subpage("versions"),
        compare,
        page.url + page.reverse_subpage("report"),
    ):
        assert client.get(url).status_code == 200, url

    html = client.get(compare).content.decode()
    assert html.count("article-change--changed") == len(PROPOSAL["articles"])
    volunteers = closed.comments.get(organisation_name=DATA["organisations"]["volonteri"]["name"])
    assert f"#comment-{volunteers.tracking_number}" in html, "the accepted comment is traced to its change"


def test_the_english_comparison_shows_the_english_articles(client, closed):
    english = in_language(closed, "en")

    html = client.get(english.url + english.reverse_subpage("compare_versions", args=(1, 2))).content.decode()

    assert "within six months of the adoption of the Plan" in html
    assert "у року од шест месеци" not in html


def test_citizens_comment_with_their_name_only_and_it_is_published_only_with_their_consent(client, closed):
    citizens = closed.comments.filter(respondent_type=RespondentType.CITIZEN)
    assert {(c.contact_name, c.consent) for c in citizens} == {
        (NAMED_CITIZEN, Consent.PUBLIC),
        (UNNAMED_CITIZEN, Consent.ANONYMOUS),
    }
    for comment in citizens:
        assert (comment.organisation_name, comment.registration_number, comment.organisation_type) == ("", "", "")

    report = client.get(closed.url + closed.reverse_subpage("report")).content.decode()
    assert NAMED_CITIZEN in report
    assert UNNAMED_CITIZEN not in report
    assert "грађанин" in report


def test_a_letter_is_recorded_as_the_admin_form_records_it(client, closed):
    letter = closed.comments.get(channel=Channel.LETTER)

    assert letter.organisation_name == LETTER["organisation_name"]
    assert letter.respondent_type == RespondentType.INFORMAL_GROUP
    assert letter.state == CommentState.PUBLISHED and letter.decision == LETTER["decision"]
    assert letter.received_on == moment(LETTER["received"]).date()
    assert letter.submitted_at == letter.entered_at == moment(LETTER["received"]) < closed.closes_at
    assert letter.tracking_number and letter.text_sha256 == sha256_hex(letter.canonical_text())
    assert letter.version.number == 1
    # The scan of the letter is its original, kept private.
    assert letter.attachment.name.endswith(".pdf") and not letter.attachment_publication
    assert letter.content_key is None and letter.contact_email == ""

    report = client.get(closed.url + closed.reverse_subpage("report")).content.decode()
    assert LETTER["organisation_name"] in report
    manifest = client.get(closed.url + closed.reverse_subpage("report_manifest")).content.decode()
    assert f"{letter.text_sha256}  {letter.tracking_number}  received-by:letter" in manifest
    assert letter.attachment.url not in report


def test_the_demo_report_names_the_version_each_comment_was_written_on(client, closed):
    report = client.get(closed.url + closed.reverse_subpage("report")).content.decode()

    assert "Верзија нацрта" in report
    assert report.count("#version-1") == closed.comments.confirmed().count()
