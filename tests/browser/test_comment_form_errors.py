"""The comment form sent empty: focus lands on the error summary, and each field is tied to its error."""

import pytest
from playwright.sync_api import expect

from tests.consultations.factories import ConsultationPageFactory
from tests.factories import SiteHomePageFactory


@pytest.fixture
def open_consultation(live_server, transactional_db):
    # A site of its own with one open consultation: quicker than the whole demo.
    return ConsultationPageFactory(home=SiteHomePageFactory(), title="Нацрт одлуке о обрасцима", article_count=3)


def test_after_an_empty_submit_focus_moves_to_the_error_summary(
    browser_page, live_server, open_consultation, assert_accessible
):
    page = browser_page
    page.goto(live_server.url + open_consultation.url)
    page.wait_for_timeout(4500)  # past the minimum fill time, as a person would be
    page.get_by_role("button", name="Пошаљи коментар").click()
    page.locator("#error-summary").wait_for()

    expect(page.locator("#error-summary")).to_be_focused()
    assert "Исправите следеће" in page.locator("#error-summary").inner_text()

    # What a screen reader announces for a field: its name and its description (help and error).
    described_by = page.locator("#id_justification").get_attribute("aria-describedby").split()
    texts = [page.locator(f"#{ref}").inner_text() for ref in described_by]
    assert any("Ово поље се мора попунити" in text for text in texts), texts
    assert_accessible(page)
