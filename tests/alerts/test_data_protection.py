"""Subscriber addresses: exported and erased on request with the site's one command, shown in the admin only to
staff allowed to see them, never on a public page."""

import json

import pytest

from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import TestCase

from alerts.models import Delivery, Subscription
from tests.alerts.factories import SubscriptionFactory
from tests.consultations.factories import ConsultationPageFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

EMAIL = "jovana@udruzenje.example"


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("personal_data", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_personal_data_export_lists_the_addresss_subscription_and_nothing_of_others(home_page):
    SubscriptionFactory(email=EMAIL, news=False, reminder_days=3)
    SubscriptionFactory(email="drugi@udruzenje.example")
    ConsultationPageFactory(home=home_page)
    exported = json.loads(run("export", "--email", "Jovana@Udruzenje.example"))
    [subscription] = exported["alert_subscriptions"]
    assert subscription["email"] == EMAIL and subscription["reminder_days"] == 3
    assert subscription["follows"] == ["consultations", "calls", "documents"]
    assert subscription["alerts_sent"] == 1
    assert "drugi@" not in json.dumps(exported)


def test_the_personal_data_erasure_deletes_the_subscription_and_its_delivery_records(home_page):
    SubscriptionFactory(email=EMAIL)
    other = SubscriptionFactory(email="drugi@udruzenje.example")
    ConsultationPageFactory(home=home_page)
    output = run("erase", "--email", EMAIL.upper())
    assert "1 alert subscription(s) deleted." in output
    assert list(Subscription.objects.all()) == [other]
    assert list(Delivery.objects.values_list("subscription", flat=True)) == [other.pk]


def test_the_admin_report_shows_counts_to_staff_who_may_view_subscriptions_and_addresses_only_with_the_permission(
    client, home_page
):
    SubscriptionFactory(email=EMAIL)
    SubscriptionFactory(email="nepotvrdjen@udruzenje.example", confirmed_at=None)
    editor = StaffUserFactory()
    client.force_login(editor)
    refused = client.get("/admin/reports/email-alerts/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/"), "Wagtail's answer to a missing permission"

    editor.user_permissions.add(Permission.objects.get(codename="view_subscription"))
    client.force_login(editor)
    page = client.get("/admin/reports/email-alerts/")
    assert page.status_code == 200 and EMAIL not in page.text
    assert "<td>2</td>" in page.text and "<td>1</td>" in page.text

    editor.user_permissions.add(Permission.objects.get(codename="view_subscriber_addresses"))
    client.force_login(editor)
    assert EMAIL in client.get("/admin/reports/email-alerts/").text


def test_no_public_page_shows_a_subscribers_address(client, home_page):
    SubscriptionFactory(email=EMAIL)
    with TestCase.captureOnCommitCallbacks(execute=True):
        consultation = ConsultationPageFactory(home=home_page)
    for url in ("/sr-cyrl/", "/en/alerts/", consultation.url, "/sitemap.xml", "/robots.txt"):
        assert EMAIL not in client.get(url, follow=True).text
