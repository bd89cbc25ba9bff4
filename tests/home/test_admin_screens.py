"""Every admin screen an editor can reach on the demo content answers without a 5xx.

For a superuser (here) and for an ordinary editor, Wagtail's "Editors" group (test_admin_screens_editor.py),
in two files so that the two walks run on two test processes at once; the walk is tests/home/admin_walk.py:

* the screens that must be opened one by one, listed from the registries: every page's
  edit view and history, every registry document's edit view, every snippet listing and
  edit view, every settings screen, every admin menu entry and every report;
* a bounded crawl of the same-origin links found on those screens (GET only), with a
  `?q=` search on every listing that has a search box, which catches the screens nobody
  thought of listing.
"""

import pytest

from tests.home.admin_walk import assert_every_screen_opened, log_a_document_edit, walk_admin

pytestmark = pytest.mark.django_db


def test_every_admin_screen_opens_for_a_superuser_on_the_demo_content(demo_site, admin_user):
    log_a_document_edit(admin_user)

    # The superuser opens every page's editor (the editor's walk, one page of each type: test_admin_screens_editor.py).
    failed, opened = walk_admin(admin_user, every_page=True)

    assert_every_screen_opened(admin_user.username, failed, opened)
