"""Factories for calls: the index, calls in any state with their results rows, areas, the transparency page."""

import datetime
import secrets
from decimal import Decimal

import factory

from django.utils import timezone

from calls.models import Award, CallIndexPage, CallPage, FundingArea, FundingTransparencyPage
from tests.documents.factories import cyrillic_locale
from tests.factories import publish

DAY = datetime.timedelta(days=1)


class FundingAreaFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Област {n}")
    locale = factory.LazyFunction(cyrillic_locale)

    class Meta:
        model = FundingArea


def award(**fields) -> Award:
    """A results row; amounts in dinars."""
    values = {
        "organisation_name": f"Удружење грађана {secrets.token_hex(2)}",
        "registration_number": "28012345",
        "project_title": "Радионице за младе",
        "amount_requested": Decimal("500000"),
        "amount_awarded": Decimal("400000"),
        "score": Decimal("85"),
    }
    values.update(fields)
    return Award(**values)


def make_index(home) -> CallIndexPage:
    index = CallIndexPage.objects.child_of(home).first()
    if index is None:
        index = CallIndexPage(title="Јавни конкурси", intro="Конкурси за финансирање програма удружења.")
        home.add_child(instance=index)
        publish(index)
    return index


def make_transparency_page(home) -> FundingTransparencyPage:
    page = FundingTransparencyPage(title="Транспарентност финансирања", intro="Сва додељена средства.")
    home.add_child(instance=page)
    return publish(page)


def call_page(*, opens_in=-DAY, closes_in=30 * DAY, now=None, awards=(), areas=(), **fields) -> CallPage:
    """An unsaved call; opens/closes relative to `now`; results published if `results_published_in` is given."""
    now = now or timezone.now()
    results_in = fields.pop("results_published_in", None)
    page = CallPage(
        title=fields.pop("title", f"Јавни конкурс {secrets.token_hex(3)}"),
        summary=fields.pop("summary", "Град финансира програме удружења у области културе."),
        legal_basis=fields.pop("legal_basis", "Закон о удружењима, члан 38."),
        budget_line=fields.pop("budget_line", "Раздео 09, програм 1201, економска класификација 481"),
        total_amount=fields.pop("total_amount", Decimal("5000000")),
        max_per_project=fields.pop("max_per_project", Decimal("500000")),
        eligibility=fields.pop("eligibility", "<p>Право учешћа имају удружења са седиштем у Новом Саду.</p>"),
        opens_at=now + opens_in,
        closes_at=now + closes_in,
        results_published_at=now + results_in if results_in is not None else None,
        **fields,
    )
    page.awards = list(awards)
    page.areas = list(areas)
    return page


def make_call(home, **kwargs) -> CallPage:
    """A published call under the index (created if missing); its Latin twin follows."""
    index = make_index(home)
    page = call_page(**kwargs)
    index.add_child(instance=page)
    return publish(page)


def make_closed_call_with_results(home, awards, **kwargs) -> CallPage:
    kwargs.setdefault("opens_in", -60 * DAY)
    kwargs.setdefault("closes_in", -30 * DAY)
    kwargs.setdefault("results_published_in", -10 * DAY)
    return make_call(home, awards=awards, **kwargs)


def translate_to_english(page, table: dict[str, str]):
    """The page's English translation from a table of Cyrillic → English text, published."""
    from django.test import TestCase

    from wagtail.models import Locale

    from home.demo.translation import translate_with_table

    english = Locale.objects.get(language_code="en")
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_with_table(page, english, table)
    return page.get_translation(english).specific
