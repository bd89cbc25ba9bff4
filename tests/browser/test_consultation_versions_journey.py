"""A consultation through two draft versions, in a browser (issue 15's journey).

A citizen (on the Latin page) and an organisation (with a position paper it agrees to publish) comment on
version 1 through the public form; a moderator records a round-table comment, approves the paper and answers
all three; the editor changes the article and publishes version 2. The public comparison shows the change
and links the accepted comments, the report lists the three with who sent them and how, and the manifest
gives each one's SHA-256 and the paper's.
"""

import hashlib
import re

import pytest

from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import Locale

from consultations.models import Channel, Comment, CommentState, RespondentType
from core.scripts import to_latin
from tests.browser.comment_form import fill_comment
from tests.consultations.factories import ConsultationPageFactory
from tests.factories import SiteHomePageFactory

TITLE = "Нацрт одлуке о суфинансирању програма удружења"
CHANGED_TEXT = "Рок за подношење пријава је 30 дана од дана објављивања конкурса."
# A small real PDF header: the form checks the content is a PDF, not only the name.
POSITION_PAPER = "%PDF-1.4\n% Став мреже „Мост“ о нацрту одлуке\n%%EOF\n".encode()
ROUND_TABLE_MINUTES = "%PDF-1.4\n% Записник са округлог стола, 20. новембар\n%%EOF\n".encode()
PASSWORD = "tajna-lozinka-123"


def said(language: str, text: str) -> str:
    """`text` as the site says it in `language` (the catalogues, not a copy of them)."""
    with translation.override(language):
        return gettext(text)


@pytest.fixture
def consultation(live_server, transactional_db):
    # A site of its own: quicker than the whole demo. Publishing it froze version 1.
    page = ConsultationPageFactory(home=SiteHomePageFactory(), title=TITLE, article_count=3)
    assert page.draft_versions.count() == 1
    return page


def send_and_confirm(page, language: str) -> tuple[str, str]:
    """Send the filled-in form, open the confirmation link from the e-mail, confirm: (tracking number, SHA-256)."""
    page.wait_for_timeout(4500)  # a person takes longer than the minimum fill time to write this
    page.get_by_role("button", name=said(language, "Send the comment")).click()
    page.get_by_role("heading", name=said(language, "Check your e-mail")).wait_for()
    link = re.search(r"https?://\S+/potvrda/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name=said(language, "Confirm"), exact=True).click()
    heading = page.get_by_role("heading", level=1, name=re.compile(r"JK-")).text_content()
    tracking_number = re.search(r"JK-[\w-]+", heading).group(0)
    # What the receipt tells its reader to check: the SHA-256 of the text shown, as shown.
    shown_text = page.locator("#canonical-text").text_content()
    checksum = page.locator("code.checksum").text_content().strip()
    assert hashlib.sha256(shown_text.encode()).hexdigest() == checksum
    return tracking_number, checksum


def comment_as_citizen(page, url: str, article) -> tuple[str, str]:
    """A citizen on the Latin page: no organisation fields, her own name, published with it."""
    page.goto(url)
    page.locator("#id_target").select_option(str(article.pk))
    page.locator("input[name=kind][value=change]").check()
    page.locator("#id_proposed_wording").fill("Rok za podnošenje prijava je 30 dana.")
    page.locator("#id_justification").fill("Građanima koji rade je potrebno više vremena.")
    page.locator("input[name=respondent_type][value=citizen]").check()
    assert page.locator("#id_registration_number").is_hidden(), "a citizen is not asked for a registration number"
    page.locator("#id_contact_name").fill("Jelena Jović")
    page.locator("#id_contact_email").fill("jelena@gradjanka.example")
    page.locator("input[name=consent][value=public]").check()
    page.locator("#id_privacy").check()
    return send_and_confirm(page, "sr-latn")


def comment_as_organisation(page, url: str, article, paper_path) -> tuple[str, str]:
    """An association, with its position paper and its consent to publish the paper."""
    page.goto(url)
    page.get_by_label(said("sr-cyrl", "What do you comment on?")).select_option(str(article.pk))
    page.locator("input[name=respondent_type][value=organisation]").check()
    fill_comment(page, "Удружење „Мост“ Нови Сад", "ana@most.example")
    page.locator("#id_attachment").set_input_files(str(paper_path))
    page.locator("#id_attachment_publication").check()
    page.locator("#id_privacy").check()
    return send_and_confirm(page, "sr-cyrl")


def sign_in(page, server: str, user) -> str:
    page.goto(f"{server}/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return page.locator("html").get_attribute("lang")


def record_round_table_comment(page, server: str, admin: str, consultation, article, minutes_path) -> str:
    """The moderator types in a comment given at a round table, with the scanned minutes as its original."""
    page.goto(f"{server}/admin/comments/")
    page.get_by_role("link", name=said(admin, "Record a comment received outside the site")).click()
    page.locator("#id_channel").select_option(Channel.ROUND_TABLE)
    page.locator("#id_received_on").fill(timezone.localdate().isoformat())
    page.locator("#id_consultation").select_option(str(consultation.pk))
    page.locator("#id_article").select_option(str(article.pk))
    page.locator("#id_kind").select_option("change")
    page.locator("#id_proposed_wording").fill("Рок за пријаву је 60 дана.")
    page.locator("#id_justification").fill("Неформалне групе се састају једном месечно.")
    page.locator("#id_respondent_type").select_option(RespondentType.INFORMAL_GROUP)
    page.locator("#id_organisation_name").fill("Мрежа младих Лимана")
    page.locator("#id_contact_name").fill("Петар Петровић")
    page.locator("#id_consent").select_option("public")
    page.locator("#id_attachment").set_input_files(str(minutes_path))
    page.get_by_role("button", name=said(admin, "Record the comment")).click()
    page.wait_for_url(re.compile(r"/admin/comments/edit/\d+/"))
    message = page.locator(".messages").text_content()
    return re.search(r"JK-[\w-]+", message).group(0)


def answer(page, server: str, admin: str, comment, decision: str, reasons: str) -> None:
    """Publish the comment and give the office's answer in the comment's edit view."""
    page.goto(f"{server}/admin/comments/edit/{comment.pk}/")
    page.locator("input[name=state][value=published]").check()
    page.locator("select[name=decision]").select_option(decision)
    page.locator("textarea[name=decision_reasons]").fill(reasons)
    page.get_by_role("button", name=said(admin, "Save"), exact=True).click()
    page.wait_for_url(re.compile(r"/admin/comments/(\?.*)?$"))


def approve_position_paper(page, server: str, admin: str, comment) -> None:
    page.goto(f"{server}/admin/comments/edit/{comment.pk}/")
    page.get_by_role("link", name=said(admin, "Approve publishing it")).click()
    page.get_by_role("button", name=said(admin, "Yes, publish the attachment")).click()
    page.wait_for_url(re.compile(r"/admin/comments/edit/\d+/"))


def publish_version_2(page, server: str, admin: str, consultation, article_index: int) -> None:
    """The editor changes the article's text, saves the draft, then publishes it as the revised draft."""
    page.goto(f"{server}/admin/pages/{consultation.pk}/edit/")
    page.locator(f"textarea[name=articles-{article_index}-text]").fill(CHANGED_TEXT)
    page.get_by_role("button", name=said(admin, "Save draft")).click()
    page.wait_for_url(re.compile(rf"/admin/pages/{consultation.pk}/edit/"))
    page.get_by_role("button", name=said(admin, "Actions"), exact=True).click()
    page.get_by_role("link", name=said(admin, "Publish a revised draft")).click()
    page.locator("#id_note").fill("Рок за пријаву продужен на 30 дана, на основу коментара.")
    page.get_by_role("button", name=said(admin, "Publish the revised draft")).click()
    page.wait_for_url(re.compile(rf"/admin/pages/{consultation.pk}/edit/"))


def publish_report(page, server: str, admin: str, consultation) -> None:
    """The editor sets the report's publication time on the page and publishes it: the answers go public."""
    page.goto(f"{server}/admin/pages/{consultation.pk}/edit/")
    page.locator("#id_report_published_at").fill(timezone.localtime().strftime("%Y-%m-%d %H:%M"))
    page.keyboard.press("Escape")  # close the date picker
    page.get_by_role("button", name=said(admin, "More actions")).click()
    page.get_by_role("button", name=said(admin, "Publish"), exact=True).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))


def test_a_consultation_through_two_versions_with_answers_diff_report_and_manifest(
    browser_page, live_server, consultation, django_user_model, tmp_path, assert_accessible
):
    page, server = browser_page, live_server.url
    latin = consultation.get_translation(Locale.objects.get(language_code="sr-latn"))
    second = consultation.articles.order_by("sort_order")[1]
    paper_path = tmp_path / "stav-mreze-most.pdf"
    paper_path.write_bytes(POSITION_PAPER)
    minutes_path = tmp_path / "zapisnik-okrugli-sto.pdf"
    minutes_path.write_bytes(ROUND_TABLE_MINUTES)
    mail.outbox.clear()

    # Version 1: a citizen and an organisation comment through the public form.
    citizen_number, citizen_sha256 = comment_as_citizen(page, server + latin.url, second)
    organisation_number, organisation_sha256 = comment_as_organisation(
        page, server + consultation.url, second, paper_path
    )
    citizen = Comment.objects.get(tracking_number=citizen_number)
    organisation = Comment.objects.get(tracking_number=organisation_number)
    assert (citizen.language, citizen.respondent_type) == ("sr-latn", RespondentType.CITIZEN)
    assert organisation.attachment_sha256 == hashlib.sha256(POSITION_PAPER).hexdigest()

    # The office: a round-table comment recorded, the paper approved, all three answered.
    django_user_model.objects.create_superuser("moderatorka", "mod@example.org", PASSWORD)
    admin = sign_in(page, server, django_user_model.objects.get(username="moderatorka"))
    round_table_number = record_round_table_comment(page, server, admin, consultation, second, minutes_path)
    round_table = Comment.objects.get(tracking_number=round_table_number)
    assert (round_table.channel, round_table.state) == (Channel.ROUND_TABLE, CommentState.CONFIRMED)
    approve_position_paper(page, server, admin, organisation)
    mail.outbox.clear()
    answer(page, server, admin, citizen, "accepted", "Рок је продужен на 30 дана.")
    answer(page, server, admin, organisation, "partly", "Рок је продужен на 30 дана, не на 45.")
    answer(page, server, admin, round_table, "not_accepted", "Рок од 60 дана би одложио исплату средстава.")

    # The two commenters hear of the answer, each in the language of the page they wrote on; the round table
    # left no address.
    answers = {message.to[0]: message for message in mail.outbox}
    assert set(answers) == {"jelena@gradjanka.example", "ana@most.example"}
    to_citizen, to_organisation = answers["jelena@gradjanka.example"], answers["ana@most.example"]
    assert to_citizen.subject.startswith("Kancelarija je odgovorila na vaš komentar")
    assert citizen_number in to_citizen.body and "Rok je produžen na 30 dana." in to_citizen.body
    assert said("sr-latn", "accepted") in to_citizen.body
    assert not re.search("[\u0400-\u04ff]", to_citizen.subject + to_citizen.body), "all Latin"
    assert to_organisation.subject.startswith("Канцеларија је одговорила на ваш коментар")
    assert organisation_number in to_organisation.body and "не на 45" in to_organisation.body
    assert said("sr-cyrl", "partly accepted") in to_organisation.body

    # Version 2: the editor changes the second article and publishes the revised draft.
    mail.outbox.clear()
    publish_version_2(page, server, admin, consultation, article_index=1)
    assert [v.number for v in consultation.draft_versions.order_by("number")] == [1, 2]
    revised = {message.to[0]: message.subject for message in mail.outbox}
    assert revised == {
        "jelena@gradjanka.example": f"Objavljen je izmenjeni nacrt „{to_latin(TITLE)}“",
        "ana@most.example": f"Објављен је измењени нацрт „{TITLE}“",
    }, "those who commented hear of the revised draft"

    # The public comparison: the change, word by word; the answers are not public before the report.
    compare_url = f"{server}{consultation.url}verzije/1/2/"
    page.goto(compare_url)
    changed = page.locator("section.article-change--changed")
    assert changed.count() == 1
    assert "Текст члана 2" in changed.locator("del").first.text_content()
    assert "30 дана од дана објављивања конкурса" in " ".join(changed.locator("ins").all_text_contents())
    assert page.locator(".traced-comments").count() == 0

    publish_report(page, server, admin, consultation)

    page.goto(compare_url)
    traced = page.locator("section.article-change--changed .traced-comments a")
    linked = {link.text_content(): link.get_attribute("href") for link in traced.all()}
    assert set(linked) == {citizen_number, organisation_number}, "the accepted and partly accepted, not the other"
    assert linked[citizen_number] == f"{consultation.url}izvestaj/#comment-{citizen_number}"
    assert_accessible(page)

    # The report: three comments, who sent each and how it reached the office.
    page.get_by_role("link", name=citizen_number).click()
    page.wait_for_url(re.compile("izvestaj/"))
    rows = {
        number: page.locator(f"tr:has(th#comment-{number})").inner_text()
        for number in (citizen_number, organisation_number, round_table_number)
    }
    assert page.locator("table.report-comments tbody tr").count() == 3
    with translation.override("sr-cyrl"):
        assert str(RespondentType.CITIZEN.label) in rows[citizen_number]
        assert str(RespondentType.ORGANISATION.label) in rows[organisation_number]
        assert str(RespondentType.INFORMAL_GROUP.label) in rows[round_table_number]
        assert str(Channel.WEB.label) in rows[citizen_number] and str(Channel.WEB.label) in rows[organisation_number]
        assert str(Channel.ROUND_TABLE.label) in rows[round_table_number]
    paper_sha256 = hashlib.sha256(POSITION_PAPER).hexdigest()
    assert paper_sha256 in rows[organisation_number], "the published paper, with its SHA-256"
    assert_accessible(page)

    # The manifest: each comment's SHA-256 beside its tracking number, the paper's beside its comment.
    page.get_by_role("link", name=said("sr-cyrl", "Open the manifest")).click()
    manifest = page.locator("body").inner_text().splitlines()
    round_table.refresh_from_db()
    assert f"{citizen_sha256}  {citizen_number}" in manifest
    assert f"{organisation_sha256}  {organisation_number}  attachment-sha256:{paper_sha256}" in manifest
    assert f"{round_table.text_sha256}  {round_table_number}  received-by:round_table" in manifest
    assert hashlib.sha256(ROUND_TABLE_MINUTES).hexdigest() not in "\n".join(manifest), "the minutes stay private"
