"""Every admin screen an ordinary editor (Wagtail's "Editors" group) can reach on the demo content answers
without a 5xx: the walk of tests/home/test_admin_screens.py, as an editor, in a file of its own so that it
runs on another test process than the superuser's."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.home.admin_walk import assert_every_screen_opened, log_a_document_edit, walk_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("urednica", "urednica@example.rs", "lozinka-za-test")
    user.groups.add(Group.objects.get(name="Уредници"))  # Wagtail's "Editors", named in Serbian
    return user


def test_every_admin_screen_opens_for_an_editor_on_the_demo_content(demo_site, admin_user, editor):
    log_a_document_edit(admin_user)

    # The editor (the superuser's views, fewer permissions) opens one page's editor of each type.
    failed, opened = walk_admin(editor, every_page=False)

    assert_every_screen_opened(editor.username, failed, opened)
