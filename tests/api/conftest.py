"""A small site with something of every kind the API serves, and some of each kind it must never serve."""

import datetime
from decimal import Decimal

import pytest

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from calls.models import AwardPayment, AwardReport
from consultations.models import CommentState, Consent, Decision
from tests.calls.factories import AwardFactory, CallIndexPageFactory, CallPageFactory, DirectFundingFactory
from tests.consultations.factories import CommentFactory, ConsultationIndexPageFactory, ConsultationPageFactory
from tests.documents.factories import RegistryDocumentFactory
from tests.factories import StandardPageFactory

DAY = datetime.timedelta(days=1)
# Contact data of the test comments: none of it may appear anywhere in the API.
CONTACT_EMAIL = "jovana.kontakt@udruzenje.example"
CONTACT_PHONE = "+381 21 555 0199"
CONTACT_NAME = "Јована Контактовић"
TAX_ID = "101234567"


@pytest.fixture(autouse=True)
def generous_api_rate(settings):
    """The walks below send dozens of requests; only the throttling test lowers the rate."""
    settings.API_RATE = "10000/minute"


@pytest.fixture(autouse=True)
def fresh_rate_limit_counts():
    """The counts live in files the whole test process shares (as workers share them): each test starts at zero."""
    caches["rate_limits"].clear()


def published_position_paper() -> dict:
    """A comment's attachment its author agreed to publish and a moderator approved."""
    return {
        "attachment": ContentFile(b"%PDF-1.4 position paper", name="stav.pdf"),
        "attachment_publication": True,
        "attachment_approved_at": timezone.now(),
    }


def comment(consultation, article=None, **kwargs):
    values = {
        "contact_name": CONTACT_NAME,
        "contact_email": CONTACT_EMAIL,
        "contact_phone": CONTACT_PHONE,
        "tax_id": TAX_ID,
    }
    return CommentFactory(consultation=consultation, article=article, **(values | kwargs))


@pytest.fixture
def api_content(home_page):
    return build_api_content(home_page)


def build_api_content(home_page) -> dict:
    """Public content of every kind, beside drafts, restricted pages and unpublished comments.

    Pages are saved live without a revision (no Latin twin): publishing one as an editor takes seconds;
    the language tests publish the few they need.
    """
    now = timezone.now()
    public_page = StandardPageFactory(parent=home_page, title="О канцеларији")
    draft_section = StandardPageFactory(parent=home_page, title="Нацрт одељка", live=False)
    under_draft = StandardPageFactory(parent=draft_section, title="Испод нацрта")
    restricted = StandardPageFactory(parent=home_page, title="Само за пријављене")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    under_restricted = StandardPageFactory(parent=restricted, title="Испод ограничене")

    document = RegistryDocumentFactory(title="Одлука о додели средстава")
    draft_document = RegistryDocumentFactory(title="Необјављен документ", published=False)
    private_collection = Collection.get_first_root_node().add_child(name="Интерно")
    CollectionViewRestriction.objects.create(collection=private_collection, restriction_type="login")
    hidden_document = RegistryDocumentFactory(title="Интерни документ", collection=private_collection)

    calls = CallIndexPageFactory(parent=home_page, published=False)
    awards = [AwardFactory.build(organisation_name="Удружење „Корак“", registration_number="08872147")]
    call = CallPageFactory(parent=calls, published=False, with_results=True, awards=awards, decision=document)
    award = call.awards.get()
    AwardPayment.objects.create(award=award, amount=Decimal("200000"), paid_on=now.date() - DAY)
    AwardReport.objects.create(award=award, kind="narrative", due_on=now.date() + 30 * DAY)
    open_call = CallPageFactory(parent=calls, published=False)
    DirectFundingFactory(organisation_name="Удружење „Мост“", registration_number="08872147", granted_on=now.date())

    consultations = ConsultationIndexPageFactory(parent=home_page, published=False)
    reported = ConsultationPageFactory(
        parent=consultations, published=False, opens_in=-40 * DAY, closes_in=-10 * DAY, report_published_at=now - DAY
    )
    article = reported.articles.first()
    comments = {
        "public": comment(
            reported, article, decision=Decision.ACCEPTED, decision_reasons="Прихваћено.", **published_position_paper()
        ),
        "anonymous": comment(
            reported,
            consent=Consent.ANONYMOUS,
            organisation_name="Тајно удружење",
            attachment=ContentFile(b"%PDF-1.4 not for publication", name="interno.pdf"),
        ),
        "with_contact_in_text": comment(reported, justification=f"Пишите нам на {CONTACT_EMAIL} или {CONTACT_PHONE}."),
        "private": comment(reported, consent=Consent.PRIVATE),
        "confirmed": comment(reported, state=CommentState.CONFIRMED),
        "rejected": comment(reported, state=CommentState.REJECTED),
        "unconfirmed": comment(reported, state=CommentState.UNCONFIRMED, tracking_number=None),
    }
    open_consultation = ConsultationPageFactory(parent=consultations, published=False)
    comments["unanswered"] = comment(open_consultation, decision=Decision.NOT_ACCEPTED, decision_reasons="Не.")
    return {
        "public_page": public_page,
        "hidden_pages": [draft_section, under_draft, restricted, under_restricted],
        "document": document,
        "hidden_documents": [draft_document, hidden_document],
        "call": call,
        "open_call": open_call,
        "award": award,
        "consultation": reported,
        "open_consultation": open_consultation,
        "comments": comments,
    }


@pytest.fixture
def published_with_twins(home_page):
    """An open call and a reported consultation published as an editor publishes them: with their Latin twins."""
    now = timezone.now()
    call = CallPageFactory(home=home_page)
    consultation = ConsultationPageFactory(
        home=home_page, opens_in=-40 * DAY, closes_in=-10 * DAY, report_published_at=now - DAY
    )
    comment(consultation, consultation.articles.first())
    return {"call": call, "consultation": consultation}
