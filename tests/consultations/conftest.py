"""Fixtures of the comment moderation suites (test_moderation_*): a consultation, its articles, two editors.

A suite that defines a fixture of the same name (many define their own `page`) uses its own.
"""

import pytest

from tests.consultations.factories import ConsultationPageFactory, StaffUserFactory
from tests.consultations.helpers import logged_in


@pytest.fixture
def page(home_page):
    return ConsultationPageFactory(home=home_page, title="Нацрт одлуке о буџету")


@pytest.fixture
def articles(page):
    return list(page.articles.order_by("sort_order"))


@pytest.fixture
def staff_client(db):
    """An editor of the admin who may not moderate comments."""
    return logged_in(StaffUserFactory(username="editor"))


@pytest.fixture
def moderator_client(db):
    return logged_in(StaffUserFactory(username="moderator", permissions=["moderate_comment"]))
