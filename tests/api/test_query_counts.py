"""Each list endpoint asks the database a fixed number of queries, whatever the number of rows it returns."""

import datetime
from decimal import Decimal

import pytest

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from calls.models import Award, AwardPayment, AwardReport
from tests.api.conftest import comment, published_position_paper
from tests.calls.factories import AwardFactory, CallIndexPageFactory, CallPageFactory, DirectFundingFactory
from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.documents.factories import RegistryDocumentFactory
from tests.factories import StandardPageFactory

FEW, MANY = 10, 100


def queries_for(client, url: str) -> int:
    client.get(url)  # warms the per-process caches (content types, site roots, snippet names)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response.json()["count"] >= FEW
    return len(queries)


def add_pages(home, count):
    for _ in range(count):
        StandardPageFactory(parent=home)


def add_documents(home, count):
    for n in range(count):
        RegistryDocumentFactory(title=f"Документ {n}", file=ContentFile(b"text", name="document.txt"))


def add_awards(home, count):
    index = CallIndexPageFactory(parent=home, published=False)
    call = CallPageFactory(parent=index, published=False, with_results=True, awards=[AwardFactory.build()])
    awards = Award.objects.bulk_create(AwardFactory.build(page=call) for _ in range(count - 1))
    AwardPayment.objects.bulk_create(
        AwardPayment(award=award, amount=Decimal("100"), paid_on=datetime.date(2026, 1, 5)) for award in awards
    )
    AwardReport.objects.bulk_create(
        AwardReport(award=award, kind="financial", due_on=datetime.date(2026, 6, 1)) for award in awards
    )


def add_calls(home, count):
    index = CallIndexPageFactory(parent=home, published=False)
    for _ in range(count):
        CallPageFactory(parent=index, published=False, with_results=True, awards=[AwardFactory.build()])


def add_direct_funding(home, count):
    DirectFundingFactory.create_batch(count)


def add_consultations(home, count):
    index = ConsultationIndexPageFactory(parent=home, published=False)
    for _ in range(count):
        ConsultationPageFactory(parent=index, published=False, article_count=1)


def add_comments(home, count):
    index = ConsultationIndexPageFactory(parent=home, published=False)
    consultation = ConsultationPageFactory(parent=index, published=False, report_published_at=timezone.now())
    for _ in range(count):
        comment(consultation, decision="accepted", decision_reasons="Да.", **published_position_paper())


BUILDERS = {
    "pages": add_pages,
    "documents": add_documents,
    "awards": add_awards,
    "calls": add_calls,
    "funding-outside-calls": add_direct_funding,
    "consultations": add_consultations,
    "comments": add_comments,
}


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", list(BUILDERS))
def test_a_list_asks_as_many_queries_for_a_hundred_rows_as_for_ten(client, home_page, endpoint):
    url = f"/api/v1/{endpoint}/?page_size=100"
    BUILDERS[endpoint](home_page, FEW)
    few = queries_for(client, url)
    BUILDERS[endpoint](home_page, MANY - FEW)
    assert queries_for(client, url) == few
