"""A receipt's SHA-256 can be checked from the text the receipt shows, whatever the browser sent."""

import hashlib
import re
import unicodedata

import pytest

from django.core import mail
from django.test import TestCase
from django.utils import timezone

from consultations.canonical import canonical_form
from consultations.models import Comment
from tests.consultations.factories import ConsultationPageFactory
from tests.consultations.helpers import comment_data
from tests.html_dom import find_by_class, parse, text_content

pytestmark = pytest.mark.django_db

# As a browser sends a textarea: CRLF line breaks; typed on a keyboard that sends decomposed
# letters (c + combining caron); a space left at the end of a line; a blank line between paragraphs.
NFD = unicodedata.normalize("NFD", "Члан 3: рок од 15 дана. Čačak, Šabac, Niš i Užice; café.")
JUSTIFICATION = f"{NFD}  \r\nДруги ред.\r\n\r\nТрећи ред, после празног реда.\t\r\n"
WORDING = "Рок за пријаву је 30 дана.\r\nНови став: " + unicodedata.normalize("NFD", "ćevapčići")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def post(client, url, data=None):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data or {})


@pytest.fixture
def consultation(home_page):
    return ConsultationPageFactory(home=home_page, title="Нацрт одлуке о контролним збировима", article_count=3)


def test_the_text_copied_from_the_receipt_page_hashes_to_the_receipt_email_and_manifest_sha256(client, consultation):
    data = comment_data(consultation, justification=JUSTIFICATION, proposed_wording=WORDING)
    assert post(client, consultation.url, data).status_code == 200
    link = re.search(r"https?://\S+/potvrda/\S+/", mail.outbox[0].body).group(0)
    with TestCase.captureOnCommitCallbacks(execute=True):
        receipt_page = client.post(link, follow=True)
    comment = Comment.objects.get()

    # What a visitor selects and copies from the page: the <pre>'s text as the browser's DOM has it.
    (shown,) = find_by_class(parse(receipt_page.content), "pre", "canonical-text")
    copied = text_content(shown)
    assert sha256(copied) == comment.text_sha256
    assert "Čačak, Šabac, Niš i Užice; café." in copied, "letters are shown composed (NFC)"
    assert "ćevapčići" in copied

    # The receipt e-mail shows the very same text between its two rulers.
    receipt_mail = mail.outbox[-1].body
    mailed = re.search(r"-{64}\n(.*)\n-{64}", receipt_mail, re.DOTALL).group(1)
    assert mailed == copied
    assert comment.text_sha256 in receipt_mail

    # And the published report's manifest lists that hash beside the tracking number.
    consultation.report_published_at = timezone.now()
    consultation.save_revision().publish()
    manifest = client.get(consultation.url + "izvestaj/manifest/").content.decode()
    assert f"{sha256(copied)}  {comment.tracking_number}" in manifest.splitlines()


def test_the_stored_text_is_the_canonical_form_of_what_the_browser_sent(client, consultation):
    data = comment_data(consultation, justification=JUSTIFICATION, proposed_wording=WORDING)
    post(client, consultation.url, data)
    comment = Comment.objects.get()
    assert comment.justification == canonical_form(JUSTIFICATION)
    assert "\r" not in comment.justification and "\r" not in comment.canonical_text()
    assert comment.justification == unicodedata.normalize("NFC", comment.justification)
    assert not any(line != line.rstrip() for line in comment.canonical_text().split("\n"))
    assert comment.text_sha256 == sha256(comment.canonical_text())


def test_a_line_break_counts_as_one_character_against_the_limit(client, consultation):
    # 2,500 lines of one letter: 4,999 characters with LF line breaks, 7,498 with CRLF.
    justification = "\r\n".join(["а"] * 2500)
    response = post(client, consultation.url, comment_data(consultation, justification=justification))
    assert response.status_code == 200
    assert len(Comment.objects.get().justification) == 4999


@pytest.mark.parametrize(
    ("sent", "canonical"),
    [
        ("a\r\nb\rc\u2028d\u2029e\x85f", "a\nb\nc\nd\ne\nf"),
        (unicodedata.normalize("NFD", "čćšž"), "čćšž"),
        ("  line with spaces   \n\n  indented  \t\nend \n\n", "line with spaces\n\n  indented\nend"),
        ("zero\x00width\x07bell\x1bescape\tkept", "zerowidthbellescape\tkept"),
    ],
)
def test_canonical_form(sent, canonical):
    assert canonical_form(sent) == canonical
    assert canonical_form(canonical) == canonical, "applying it again changes nothing"


def test_the_receipt_page_and_email_explain_how_to_check_the_hash_in_the_visitors_language(client, consultation):
    post(client, consultation.url, comment_data(consultation))
    link = re.search(r"https?://\S+/potvrda/\S+/", mail.outbox[0].body).group(0)
    with TestCase.captureOnCommitCallbacks(execute=True):
        page = client.post(link, follow=True).content.decode()
    assert "Како проверити SHA-256" in page
    assert "sha256sum" in page
    body = mail.outbox[-1].body
    assert "Како проверити SHA-256" in body and "sha256sum" in body
