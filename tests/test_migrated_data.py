"""A transactional test's flush does not take the migrations' rows from the tests after it (tests/migrated_data.py).

pytest-django runs the tests of a process in three groups: those using the database in a transaction,
then transactional ones, then those that asked for no database. So in this file (which pytest-xdist
keeps in one process) the first test always runs, and flushes, before the second.
"""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import Collection, Locale, Page

from tests.demo_snapshot import capture


def migrated_rows():
    """What tells a test the migrations ran: the tree's root, the root collection, the languages, the editors' group
    and the permissions calls/0003 gave it (names from home/0003)."""
    editors = Group.objects.filter(name="Уредници").first()
    return {
        "root page": list(Page.objects.filter(depth=1).values_list("title", flat=True)),
        "root collection": list(Collection.objects.filter(depth=1).values_list("name", flat=True)),
        "locales": Locale.objects.exists(),
        "editors may record payments": editors is not None
        and editors.permissions.filter(codename="add_awardpayment").exists(),
    }


EXPECTED = {
    "root page": ["Корен"],
    "root collection": ["Све збирке"],
    "locales": True,
    "editors may record payments": True,
}


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_starts_with_the_migrations_rows_and_ends_with_a_flush():
    assert migrated_rows() == EXPECTED


def test_after_a_flush_the_next_test_finds_every_row_the_migrations_made_with_the_same_ids(
    django_db_setup, django_db_blocker
):
    from tests import migrated_data

    with django_db_blocker.unblock():
        assert migrated_rows() == EXPECTED
        assert capture(with_files=False).tables == migrated_data._state.snapshot.tables
