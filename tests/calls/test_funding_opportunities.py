"""Funding opportunities of other donors: listed open first, then past; their deadlines in the deadlines calendar."""

import datetime

import pytest
from icalendar import Calendar

from django.core.exceptions import ValidationError

from tests.calls.factories import FundingOpportunityIndexPageFactory, FundingOpportunityPageFactory
from tests.factories import publish

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def home(home_page):
    return publish(home_page)


def test_index_lists_open_opportunities_soonest_first_then_past_ones_latest_first(client, home):
    later = FundingOpportunityPageFactory(home=home, title="Еразмус+", closes_in=60 * DAY)
    sooner = FundingOpportunityPageFactory(home=home, title="CERV", closes_in=5 * DAY)
    long_past = FundingOpportunityPageFactory(home=home, title="Стари програм", closes_in=-90 * DAY)
    just_past = FundingOpportunityPageFactory(home=home, title="Недавни програм", closes_in=-2 * DAY)
    index = FundingOpportunityIndexPageFactory(parent=home)

    response = client.get(index.url)

    assert response.status_code == 200
    assert [page.pk for page in response.context["open_opportunities"]] == [sooner.pk, later.pk]
    assert [page.pk for page in response.context["past_opportunities"]] == [just_past.pk, long_past.pk]
    html = response.content.decode()
    assert html.index("CERV") < html.index("Еразмус+") < html.index("Недавни програм")


def test_opportunity_page_links_the_donors_programme_and_shows_the_deadline(client, home):
    page = FundingOpportunityPageFactory(home=home, programme_url="https://erasmus-plus.ec.europa.eu/")

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="https://erasmus-plus.ec.europa.eu/"' in html
    assert page.deadline == page.closes_at


def test_opportunity_deadlines_are_in_the_deadlines_calendar(client, home):
    open_one = FundingOpportunityPageFactory(home=home, title="CERV грађанско учешће", closes_in=10 * DAY)

    response = client.get("/sr-cyrl/calendar/deadlines.ics")

    events = Calendar.from_ical(response.content).walk("VEVENT")
    uids = {str(event["uid"]).split("@")[0] for event in events}
    assert f"{open_one.translation_key}-opportunity-closes" in uids
    assert any("CERV грађанско учешће" in str(event["summary"]) for event in events)


def test_opportunity_refuses_contact_data_in_its_texts_and_needs_a_link(home):
    page = FundingOpportunityPageFactory.build(summary="Пишите на info@example.org", programme_url="")
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert {"summary", "programme_url"} <= set(refused.value.message_dict)


def test_opportunities_index_sits_under_the_home_page(home):
    from calls.models import FundingOpportunityIndexPage
    from home.models import HomePage

    assert FundingOpportunityIndexPage.can_create_at(home.specific)
    assert "calls.fundingopportunityindexpage" in [m._meta.label_lower for m in HomePage.allowed_subpage_models()]
