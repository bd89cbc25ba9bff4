"""Factories for calls: the index, calls in any state with their results rows, areas, the transparency page."""

import datetime
import secrets
from decimal import Decimal

import factory

from django.utils import timezone

from calls.models import (
    Award,
    CallIndexPage,
    CallPage,
    DirectFunding,
    FundingArea,
    FundingOpportunityIndexPage,
    FundingOpportunityPage,
    FundingTransparencyPage,
)
from core.registry_numbers import with_check_digit
from tests.factories import (
    CyrillicSnippetFactory,
    IndexPageFactory,
    PublishedPageFactory,
    factory_for,
    under_index_of_home,
)

DAY = datetime.timedelta(days=1)


FundingAreaFactory = factory_for(FundingArea, CyrillicSnippetFactory, name=factory.Sequence(lambda n: f"Област {n}"))


class AwardFactory(factory.django.DjangoModelFactory):
    """A results row (`.build()` it into a call's `awards`); amounts in dinars."""

    organisation_name = factory.LazyFunction(lambda: f"Удружење грађана {secrets.token_hex(2)}")
    # A made-up number with a correct check digit (core/registry_numbers.py, tested against real ones).
    registration_number = with_check_digit("2801234")
    project_title = "Радионице за младе"
    amount_requested = Decimal("500000")
    amount_awarded = Decimal("400000")
    score = Decimal("85")

    class Meta:
        model = Award


CallIndexPageFactory = factory_for(
    CallIndexPage, IndexPageFactory, title="Јавни конкурси", intro="Конкурси за финансирање програма удружења."
)
FundingTransparencyPageFactory = factory_for(
    FundingTransparencyPage, PublishedPageFactory, title="Транспарентност финансирања", intro="Сва додељена средства."
)


class CallPageFactory(PublishedPageFactory):
    """A call under the index of `home` (created if missing), or under `parent`.

    It opens `opens_in` and closes `closes_in` from `now`; its results are published
    `results_published_in` from `now` if given. `with_results=True`: closed a month ago, results out.
    """

    class Params:
        home = None
        now = factory.LazyFunction(timezone.now)
        opens_in = -DAY
        closes_in = 30 * DAY
        results_published_in = None
        with_results = factory.Trait(opens_in=-60 * DAY, closes_in=-30 * DAY, results_published_in=-10 * DAY)

    parent = under_index_of_home(CallIndexPageFactory)
    title = factory.LazyFunction(lambda: f"Јавни конкурс {secrets.token_hex(3)}")
    summary = "Град финансира програме удружења у области културе."
    legal_basis = "Закон о удружењима, члан 38."
    budget_line = "Раздео 09, програм 1201, економска класификација 481"
    total_amount = Decimal("5000000")
    max_per_project = Decimal("500000")
    eligibility = "<p>Право учешћа имају удружења са седиштем у Новом Саду.</p>"
    opens_at = factory.LazyAttribute(lambda call: call.now + call.opens_in)
    closes_at = factory.LazyAttribute(lambda call: call.now + call.closes_in)
    results_published_at = factory.LazyAttribute(
        lambda call: call.now + call.results_published_in if call.results_published_in is not None else None
    )
    awards = ()
    areas = ()

    class Meta:
        model = CallPage

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        kwargs["awards"], kwargs["areas"] = list(kwargs["awards"]), list(kwargs["areas"])
        return kwargs


def translate_to_english(page, table: dict[str, str]):
    """The page's English translation from a table of Cyrillic → English text, published."""
    from django.test import TestCase

    from wagtail.models import Locale

    from demo.translation import translate_with_table

    english = Locale.objects.get(language_code="en")
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_with_table(page, english, table)
    return page.get_translation(english).specific


FundingOpportunityIndexPageFactory = factory_for(
    FundingOpportunityIndexPage, IndexPageFactory, title="Прилике за финансирање", intro="Програми других донатора."
)


class FundingOpportunityPageFactory(PublishedPageFactory):
    """An external programme under the opportunities index of `home` (created if missing); closes `closes_in`."""

    class Params:
        home = None
        closes_in = 30 * DAY

    parent = under_index_of_home(FundingOpportunityIndexPageFactory)
    title = factory.LazyFunction(lambda: f"Програм ЕУ {secrets.token_hex(3)}")
    donor = "Европска комисија"
    programme = "CERV"
    summary = "Пројекти грађанског учешћа у партнерству са организацијама из других земаља."
    eligible_applicants = "Непрофитне организације."
    programme_url = "https://commission.europa.eu/"
    closes_at = factory.LazyAttribute(lambda page: timezone.now() + page.closes_in)

    class Meta:
        model = FundingOpportunityPage


class DirectFundingFactory(factory.django.DjangoModelFactory):
    organisation_name = "Савез глувих и наглувих Новог Сада"
    registration_number = "28100019"
    purpose = "Превођење седница на знаковни језик"
    amount = Decimal("350000")
    amount_paid = Decimal("0")
    granted_on = datetime.date(2025, 9, 15)
    legal_basis = "Одлука о буџету Града за 2025. годину, члан 7"
    funder = "Градска управа за социјалну заштиту"

    class Meta:
        model = DirectFunding
