"""A revised draft's history and its word-by-word comparison, in a browser: no axe violations, changes readable."""

import pytest

from consultations.models import Article, ConsultationPage
from consultations.versions import publish_revised_draft


@pytest.fixture
def revised_consultation(demo_server):
    page = ConsultationPage.objects.live().open().get(locale__language_code="sr-cyrl")
    draft = page.get_latest_revision_as_object()
    articles = list(draft.articles.all())
    articles[0].text = articles[0].text + " Рок се рачуна од дана објављивања."
    draft.articles = articles
    draft.save_revision()
    publish_revised_draft(page, None, note="Рок појашњен.")
    return page, Article.objects.filter(page=page).count()


def test_the_versions_and_their_comparison_are_accessible(
    browser_page, demo_server, revised_consultation, assert_accessible
):
    consultation, _count = revised_consultation
    page = browser_page
    page.goto(demo_server + consultation.url)
    page.get_by_role("link", name="Верзије нацрта и усвојени акт").click()
    page.get_by_role("heading", name="Верзија 2").wait_for()
    assert_accessible(page)

    page.get_by_role("button", name="Упореди").click()
    page.get_by_role("heading", level=1, name="Поређење верзије 1 и верзије 2", exact=False).wait_for()
    assert_accessible(page)
    # What a screen reader reads out: the words and whether they were added or removed.
    added = page.locator("ins").first.text_content()
    assert added.startswith("додато:") and "Рок се рачуна од дана објављивања" in added
