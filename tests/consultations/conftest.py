"""Fixtures of the comment moderation suites (test_moderation_*): a consultation, its articles, two editors.

A suite that defines a fixture of the same name (many define their own `page`) uses its own.
The consultation is built once per module (tests/module_rows.py): the moderation suites only add comments
and pages under it, which each test's savepoint takes back. A suite using this `page` must not ask for
`home_page` too (that one would make another site root), nor hold transactional tests.
"""

import pytest

from tests.consultations.factories import ConsultationPageFactory, StaffUserFactory
from tests.consultations.helpers import logged_in
from tests.module_rows import once_per_module


@once_per_module
def page(module_rows):
    return ConsultationPageFactory(home=module_rows.home_page(), title="Нацрт одлуке о буџету")


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
