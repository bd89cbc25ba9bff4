"""A visitor's browser solves the comment form's proof of work; one without JavaScript can still comment."""

import pytest
from playwright.sync_api import expect

from consultations import rate_limits
from consultations.models import Comment
from tests.browser.comment_form import fill_comment
from tests.consultations.factories import ConsultationPageFactory
from tests.factories import SiteHomePageFactory


@pytest.fixture
def consultation_url(live_server, transactional_db):
    page = ConsultationPageFactory(home=SiteHomePageFactory(), title="Нацрт одлуке о волонтирању", article_count=2)
    return f"{live_server.url}{page.url}"


def fill_the_form(page, email):
    fill_comment(page, "Савез удружења „Мрежа“", email)
    page.locator("#id_privacy").check()


def test_a_visitor_with_javascript_sends_a_comment_with_a_solved_proof(browser_page, consultation_url, monkeypatch):
    # Nothing without a valid proof gets through: the comment is stored only if the browser solved it.
    monkeypatch.setitem(rate_limits.RATE_LIMITS, "ip-without-proof", (0, rate_limits.HOUR))
    page = browser_page
    page.goto(consultation_url)
    expect(page.locator("#comment-proof-note")).to_be_hidden()
    fill_the_form(page, "ana@mreza.example")
    # (expect, not wait_for_function: the page's CSP forbids evaluating strings)
    expect(page.locator("input[name=proof]")).not_to_have_value("", timeout=30_000)
    page.wait_for_timeout(4000)  # the minimum fill time
    page.get_by_role("button", name="Пошаљи коментар").click()
    page.get_by_role("heading", name="Проверите е-пошту").wait_for()
    assert Comment.objects.filter(contact_email="ana@mreza.example").count() == 1


def test_a_visitor_without_javascript_is_told_of_the_stricter_limit_and_can_comment(chromium, consultation_url):
    context = chromium.new_context(locale="sr-RS", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(consultation_url)
        assert page.get_by_text("Ваш прегледач не покреће JavaScript").is_visible()
        fill_the_form(page, "bez-js@mreza.example")
        # The shared page's form has no token without its script: the first send brings the form
        # back with everything typed and a token, to check and send once more.
        page.get_by_role("button", name="Пошаљи коментар").click()
        expect(page.get_by_text("Ваш коментар још није послат.")).to_be_visible()
        expect(page.locator("#id_justification")).to_have_value(
            "Мала удружења не могу да припреме документацију за 15 дана."
        )
        expect(page.locator("#id_privacy")).to_be_checked()
        assert Comment.objects.filter(contact_email="bez-js@mreza.example").count() == 0
        # At once: the form was filled before its first send, so the handed-back token is not timed again.
        page.get_by_role("button", name="Пошаљи коментар").click()
        page.get_by_role("heading", name="Проверите е-пошту").wait_for()
    finally:
        context.close()
    assert Comment.objects.filter(contact_email="bez-js@mreza.example").count() == 1


def test_the_browser_fills_the_form_token_of_the_shared_page_when_the_visitor_starts(browser_page, consultation_url):
    page = browser_page
    page.goto(consultation_url)
    token = page.locator("input[name=form_token]")
    expect(token).to_have_value("")  # the page as every visitor gets it
    page.locator("#id_justification").click()
    expect(token).not_to_have_value("", timeout=10_000)
