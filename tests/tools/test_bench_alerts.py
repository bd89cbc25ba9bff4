"""`manage.py bench_alerts`: one alert to N subscribers through the real worker and an SMTP sink, then cleaned up."""

from io import StringIO

import pytest

from django.core.management import call_command
from django.db import connection

from alerts.models import AlertItem, Subscription
from tests.consultations.factories import ConsultationPageFactory


@pytest.mark.django_db(transaction=True)
def test_the_alert_benchmark_delivers_to_every_subscriber_once_and_leaves_nothing_behind(home_page):
    if connection.vendor != "postgresql":
        pytest.skip("another process shares the test database only on PostgreSQL (`make test` runs on it)")
    ConsultationPageFactory(home=home_page)
    out = StringIO()
    call_command("bench_alerts", subscribers=30, stdout=out)
    assert "messages received: 30, distinct recipients: 30, duplicates: 0" in out.getvalue()
    assert not Subscription.objects.exists()
    assert not AlertItem.objects.filter(key__startswith="bench:").exists()
