"""A Latin reader meets no Cyrillic: every /sr-latn/ page reads as the exact transliteration of its Cyrillic page.

The transliteration here is the test's own (not core.scripts), from the Serbian alphabet, so the
product's transliterator is checked, not trusted. Only URLs and e-mail addresses may differ
(they stay as written); text already in Latin is the same on both pages.
"""

import re

import pytest

from django.utils import translation
from django.utils.crypto import get_random_string

from wagtail.models import Page

from consultations.models import Comment, CommentState, ConsultationPage, hash_token
from core.latin_pages import latin_page_html
from documents.models import RegistryDocument
from tests.consultations.factories import CommentFactory
from tests.html_dom import parse

pytestmark = pytest.mark.django_db

SERBIAN = dict(
    zip(
        "абвгдђежзијклљмнњопрстћуфхцчџш",
        "a b v g d đ e ž z i j k l lj m n nj o p r s t ć u f h c č dž š".split(),
        strict=True,
    )
)
SERBIAN_CAPITALS = {cyrillic.upper(): latin.capitalize() for cyrillic, latin in SERBIAN.items()}
ANY_CYRILLIC = re.compile("[\u0400-\u04ff]")
ADDRESS = re.compile(r"\S*(?:://|www\.|@)\S*")
NOT_SHOWN = {"script", "style", "template"}
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


def independent_latin(text: str) -> str:
    """Serbian Cyrillic → Latin letter by letter; Љ Њ Џ are LJ NJ DŽ before a capital letter (ЉУБАВ → LJUBAV)."""
    out = []
    for index, letter in enumerate(text):
        if letter in SERBIAN_CAPITALS:
            latin = SERBIAN_CAPITALS[letter]
            following = text[index + 1 : index + 2]
            out.append(latin.upper() if len(latin) > 1 and following.isupper() else latin)
        else:
            out.append(SERBIAN.get(letter, letter))
    return "".join(out)


def visible_text(content: bytes) -> str:
    """The words a reader sees, in order, as the browser's DOM has them."""
    words = []

    def walk(element):
        if element.tag in NOT_SHOWN:
            return
        words.append(element.text or "")
        for child in element:
            walk(child)
            words.append(child.tail or "")

    walk(parse(content))
    return " ".join(" ".join(words).split())


def read_attributes(content: bytes) -> list[str]:
    return [value for element in parse(content).iter() for name in READ_ATTRIBUTES if (value := element.get(name))]


def without_addresses(text: str) -> list[str]:
    return ADDRESS.sub(" ", text).split()


def public_twin_urls() -> list[tuple[str, str]]:
    """(Cyrillic URL, Latin URL) of every public page, consultation report and registry document of the site."""
    pairs = []
    for page in Page.objects.live().public().filter(locale__language_code="sr-cyrl", depth__gt=1).specific():
        twin = page.get_translations().live().filter(locale__language_code="sr-latn").first()
        assert twin is not None, f"{page.url} has no live Latin twin"
        pairs.append((page.url, twin.url))
        if isinstance(page, ConsultationPage) and page.report_published_at:
            pairs.append((page.url + page.reverse_subpage("report"), twin.url + twin.reverse_subpage("report")))
    for document in RegistryDocument.objects.public():
        urls = []
        for language in ("sr-cyrl", "sr-latn"):
            with translation.override(language):
                urls.append(document.get_absolute_url())
        pairs.append(tuple(urls))
    return pairs


@pytest.fixture
def demo_with_every_kind_of_comment(demo_site):
    """The demo's consultations have published comments and answers; add one that shows every field the page
    prints (an organisation's name, proposed wording, an answer with reasons) and capitals that test Љ/Њ/Џ."""
    consultation = ConsultationPage.objects.filter(locale__language_code="sr-cyrl", report_published_at__isnull=False)
    page = consultation.first()
    assert Comment.objects.filter(consultation=page, state=CommentState.PUBLISHED).exclude(decision="").exists()
    CommentFactory(
        consultation=page,
        article=page.articles.first(),
        organisation_name="УДРУЖЕЊЕ „ЉУБАВ И ЏЕП“ из Новог Сада, www.primer.rs, pisite@primer.rs",
        proposed_wording="Љубазно предлажемо: Њива, Џбун.",
        justification="Образложење са ђачким и шумским речима.",
        decision="accepted",
        decision_reasons="Прихваћено: ЋУТАЊЕ није одговор.",
    )
    return demo_site


def test_every_latin_page_reads_as_the_exact_transliteration_of_its_cyrillic_page(
    client, demo_with_every_kind_of_comment
):
    pairs = public_twin_urls()
    assert len(pairs) > 30, "the demo's pages, reports and documents"
    mismatches, cyrillic_left = [], []
    for cyrillic_url, latin_url in pairs:
        cyrillic, latin = client.get(cyrillic_url), client.get(latin_url)
        assert (cyrillic.status_code, latin.status_code) == (200, 200), (cyrillic_url, latin_url)
        expected = without_addresses(independent_latin(visible_text(cyrillic.content)))
        shown = without_addresses(visible_text(latin.content))
        # Lists sorted by name (facets) follow each script's alphabet, which orders letters differently.
        if expected != shown and sorted(expected) != sorted(shown):
            first = next(i for i, pair in enumerate(zip(expected, shown, strict=False)) if pair[0] != pair[1])
            mismatches.append(
                f"{latin_url}: …{' '.join(expected[first : first + 8])}… ≠ …{' '.join(shown[first : first + 8])}…"
            )
        readable = visible_text(latin.content) + " " + " ".join(read_attributes(latin.content))
        cyrillic_left += [f"{latin_url}: {word}" for word in readable.split() if ANY_CYRILLIC.search(word)]
    assert not mismatches, "\n".join(mismatches)
    assert not cyrillic_left, "\n".join(cyrillic_left)


def test_comments_and_answers_show_in_latin_on_the_latin_consultation_page(client, demo_with_every_kind_of_comment):
    page = ConsultationPage.objects.filter(locale__language_code="sr-latn", report_published_at__isnull=False).first()
    html = client.get(page.url).content.decode()
    assert "UDRUŽENJE „LJUBAV I DŽEP“ iz Novog Sada, www.primer.rs, pisite@primer.rs" in html
    assert "Ljubazno predlažemo: Njiva, Džbun." in html
    assert "Prihvaćeno: ĆUTANJE nije odgovor." in html


def test_a_document_page_lists_the_pages_that_use_it_once_each_in_the_readers_language(client, demo_site):
    document = RegistryDocument.objects.public().get(title__startswith="Закључци са округлог стола")
    with translation.override("sr-latn"):
        html = client.get(document.get_absolute_url()).content.decode()
    used_on = html.split("<h2>Stranice koje koriste ovaj dokument</h2>")[1].split("</ul>")[0]
    assert used_on.count("<li>") == 1
    assert 'href="/sr-latn/dogadjaji/' in used_on and "/sr-cyrl/" not in used_on


def test_the_latin_receipt_keeps_the_comment_as_written_and_labels_it_in_latin(client, demo_site):
    latin = ConsultationPage.objects.filter(locale__language_code="sr-latn", report_published_at__isnull=False).first()
    token = get_random_string(24)
    comment = CommentFactory(
        consultation=ConsultationPage.objects.get(
            translation_key=latin.translation_key, locale__language_code="sr-cyrl"
        ),
        article=None,
        justification="Образложење на ћирилици.",
        confirmation_token_hash=hash_token(token),
    )
    html = client.get(latin.url + latin.reverse_subpage("receipt", args=[token])).content.decode()
    record = re.search(r'<pre class="canonical-text"[^>]*>(.*?)</pre>', html, re.DOTALL).group(1)
    assert "justification: Образложење на ћирилици." in record, "the record keeps the text as it was written"
    outside = html.replace(record, "")
    assert not ANY_CYRILLIC.search(visible_text(outside.encode())), "everything else is Latin"
    assert comment.text_sha256 in html


def test_the_latin_pass_leaves_markup_typed_text_and_records_as_they_are():
    html = (
        '<p title="Наслов"><a href="/sr-latn/?tag=конкурс">Конкурс</a> ЉУБАВ <b>Љ</b>убав, pisite@primer.rs</p>'
        '<select><option value="нацрт">Нацрт</option></select>'
        "<textarea>Мој текст</textarea><script>var a = 'Ћ';</script>"
        '<div translate="no"><div>Запис</div> као написан</div><p>Крај</p>'
    )
    assert latin_page_html(html) == (
        '<p title="Naslov"><a href="/sr-latn/?tag=конкурс">Konkurs</a> LJUBAV <b>Lj</b>ubav, pisite@primer.rs</p>'
        '<select><option value="нацрт">Nacrt</option></select>'
        "<textarea>Мој текст</textarea><script>var a = 'Ћ';</script>"
        '<div translate="no"><div>Запис</div> као написан</div><p>Kraj</p>'
    )


def test_a_cyrillic_page_is_not_transliterated(client, demo_site):
    assert "Српски (ћирилица)" in client.get("/sr-cyrl/").content.decode()
