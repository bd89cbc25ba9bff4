"""Following the office in a browser: e-mail alerts for new calls (double opt-in, the editor's publish, the
worker's e-mail, the one-click unsubscribe of RFC 8058) and an organisation's page (its comments, its awards
with the amounts paid).

The alert e-mail comes the production way: publishing queues the sending task in the database and a real
`manage.py db_worker` process, on the test's database, sends it over SMTP to a local server
(tools/benchmark/mail_sink.py). Another process sees the live server's rows only on PostgreSQL (the
SQLite test database lives in this process's memory), which is what `make test` runs on.
"""

import datetime
import email
import email.policy
import importlib
import re
import urllib.request
from decimal import Decimal
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.db import connection

from wagtail.models import Site
from wagtail.users.models import UserProfile

from alerts.models import AlertItem, Subscription
from calls.models import AwardPayment, CallIndexPage, CallPage
from tests.alerts.helpers import run_as_the_worker
from tests.calls.factories import CallPageFactory
from tests.consultations.factories import ConsultationPageFactory
from tests.organisations.factories import NUMBER, award, call_with_results, comment
from tools.benchmark.alerts import DATABASE_TASKS
from tools.benchmark.mail_sink import CountingSink, running_sink

SUBSCRIBER = "vesna@udruzenje-most.example"
PASSWORD = "urednica-lozinka-123"


class RecordingSink(CountingSink):
    """The SMTP sink, keeping each message it accepts (parsed) to read its headers and body."""

    def __init__(self):
        super().__init__()
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802  (aiosmtpd's hook name)
        answer = await super().handle_DATA(server, session, envelope)
        if answer.startswith("250"):
            self.messages.append(email.message_from_bytes(envelope.original_content, policy=email.policy.default))
        return answer

    def to(self, address: str) -> list:
        return [message for message in self.messages if message["To"] == address]


def run_the_worker(port: int) -> None:
    """The Procfile's worker, once through the queue (`--batch`) and then gone."""
    run_as_the_worker(["db_worker", "--batch", "--no-startup-delay"], port, timeout=120)


def serve_links_from(server: str) -> None:
    """The site's address is the live server's, so the links the e-mails carry open in this test."""
    address = urlparse(server)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = address.hostname, address.port
    site.save()


def subscribe_to_calls(page, server: str) -> Subscription:
    mail.outbox.clear()
    page.goto(f"{server}/sr-cyrl/alerts/")
    page.locator("input[name=email]").fill(SUBSCRIBER)
    page.locator("input[name=calls]").check()
    page.locator("input[name=frequency][value=instant]").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/alerts/check-your-email/$"))
    subscription = Subscription.objects.get(email=SUBSCRIBER)
    assert subscription.confirmed_at is None, "nothing is sent before the owner of the address confirms"

    (confirmation,) = [message for message in mail.outbox if message.to == [SUBSCRIBER]]
    page.goto(re.search(r"https?://\S+/alerts/confirm/\S+/", confirmation.body).group(0))
    page.get_by_role("button", name=re.compile("^(Потврди|Confirm)$")).click()
    page.locator("p[role=status]").wait_for()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None and subscription.calls
    return subscription


def sign_in_as_editor(page, server: str, django_user_model) -> None:
    user = django_user_model.objects.create_superuser("urednica", "urednica@example.org", PASSWORD)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})  # stable labels
    page.goto(f"{server}/admin/login/")
    page.get_by_label(re.compile("Username|Корисничко|Korisničko")).fill(user.username)
    page.get_by_label(re.compile("Password|Лозинка|Lozinka")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in|Пријав|Prijav")).click()
    page.wait_for_url(re.compile(r"/admin/$"))


def publish_a_call_in_the_admin(page, server: str, title: str) -> CallPage:
    index = CallIndexPage.objects.get(locale__language_code="sr-cyrl")
    page.goto(f"{server}/admin/pages/add/calls/callpage/{index.pk}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("Град финансира програме удружења за младе, пријаве до краја месеца.")
    page.locator("#id_legal_basis").fill("Закон о удружењима, члан 38.")
    page.locator("#id_total_amount").fill("3000000")
    opens = datetime.date.today()
    page.locator("#id_opens_at").fill(f"{opens:%Y-%m-%d} 09:00")
    page.locator("#id_closes_at").fill(f"{opens + datetime.timedelta(days=30):%Y-%m-%d} 15:00")
    page.keyboard.press("Escape")  # the date picker
    eligibility = page.locator("[data-field-input]:has(#id_eligibility) [contenteditable=true]")
    eligibility.click()
    eligibility.type("Удружења са седиштем у Новом Саду.")
    # Draftail writes the text into the form's field a moment after the typing stops.
    expect(page.locator("#id_eligibility")).to_have_value(re.compile("Новом Саду"))
    page.get_by_role("button", name="More actions").click()
    page.locator("button[name=action-publish]").click()
    page.locator(".messages .success").wait_for()
    return CallPage.objects.live().get(title=title, locale__language_code="sr-cyrl")


def unsubscribe_in_one_click(message) -> int:
    """What a mail provider does (RFC 8058): a POST of `List-Unsubscribe=One-Click`, no cookies, no token."""
    header = "".join(str(message["List-Unsubscribe"]).split())  # a long header arrives folded over lines
    url = re.fullmatch(r"<(https?://[^>]+)>", header).group(1)
    request = urllib.request.Request(  # noqa: S310  (the live server's address, http)
        url,
        data=b"List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status


def test_a_subscriber_confirms_gets_the_workers_alert_for_a_published_call_and_leaves_in_one_click(
    browser_page, demo_server, django_user_model, settings
):
    if connection.vendor != "postgresql":
        pytest.skip("the worker process shares the test database only on PostgreSQL (`make test` runs on it)")
    page = browser_page
    serve_links_from(demo_server)
    settings.TASKS = DATABASE_TASKS  # publishing queues the sending in the database, as in production
    # The worker runs on the development settings (worker_env); its links are signed with their SECRET_KEY,
    # which the site must share, as the site and the worker share one in production.
    settings.SECRET_KEY = importlib.import_module("cso_site.settings.dev").SECRET_KEY
    subscription = subscribe_to_calls(page, demo_server)

    sink = RecordingSink()
    with running_sink(sink) as port:
        sign_in_as_editor(page, demo_server, django_user_model)
        call = publish_a_call_in_the_admin(page, demo_server, "Јавни конкурс за програме младих 2027")
        assert AlertItem.objects.get(page=call).deliveries.filter(subscription=subscription).exists()
        run_the_worker(port)

        (alert,) = sink.to(SUBSCRIBER)
        assert call.title in alert["Subject"]
        assert call.get_full_url() in alert.get_content()
        assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert unsubscribe_in_one_click(alert) == 200
        assert not Subscription.objects.filter(email=SUBSCRIBER).exists()

        second = CallPageFactory(parent=call.get_parent(), title="Јавни конкурс за спорт 2027")
        assert AlertItem.objects.filter(page=second).exists(), "the second call is announced"
        run_the_worker(port)
        assert len(sink.to(SUBSCRIBER)) == 1, "nothing more to the address that left"


def test_an_organisations_page_shows_its_comments_and_its_awards_with_the_amounts_paid(
    browser_page, demo_server, assert_accessible
):
    home = CallIndexPage.objects.get(locale__language_code="sr-cyrl").get_parent()
    consultation = ConsultationPageFactory(home=home)
    comment(consultation, registration_number=NUMBER, justification="Предлажемо дужи рок за пријаве.")
    call = call_with_results(home, [award("Удружење „Мост“", number=NUMBER, awarded="400000")])
    AwardPayment.objects.create(award=call.awards.get(), amount=Decimal("150000"), paid_on=datetime.date.today())

    page = browser_page
    page.goto(f"{demo_server}{call.url}")
    page.get_by_role("link", name="Удружење „Мост“").first.click()
    page.wait_for_url(re.compile(rf"/{NUMBER}/$"))
    text = page.locator("main").inner_text()
    assert "Предлажемо дужи рок за пријаве." in text
    assert call.title in text
    assert re.search(r"400[.\s\u00a0]000", text) and re.search(r"150[.\s\u00a0]000", text), text
    assert_accessible(page)
