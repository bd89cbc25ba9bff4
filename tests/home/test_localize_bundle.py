"""wagtail-localize's admin bundle: the committed copy is the installed one with its two
hard-coded English strings made translatable, and Serbian editors get them in Serbian."""

import json

import pytest

from django.contrib.staticfiles import finders
from django.test import Client
from django.utils import translation

from home.localize_bundle import BUNDLE, BundleChangedError, installed_bundle, patch, patched_copy


def test_the_committed_copy_is_the_patch_of_the_installed_bundle():
    # Fails after an upgrade of wagtail-localize until `manage.py patch_localize_bundle` is run again.
    expected = patch(installed_bundle().read_text(encoding="utf-8"))
    assert patched_copy().read_text(encoding="utf-8") == expected


def test_the_copy_wraps_both_strings_in_the_bundles_gettext_and_changes_nothing_else():
    original = installed_bundle().read_text(encoding="utf-8")
    copy = patched_copy().read_text(encoding="utf-8")
    assert '"More actions")' not in copy.replace('rt()("More actions")', "")
    assert " translation`" not in copy
    assert copy.count('rt()("More actions")') == 2
    assert copy.count('rt()("%(source)s to %(target)s translation")') == 2
    # Everything else is byte for byte the release's: the copy is only longer by the two wrappings.
    assert copy.replace('rt()("More actions")', '"More actions"').count("rt()(") == original.count("rt()(") + 2


def test_the_static_finders_serve_the_patched_copy():
    assert finders.find(str(BUNDLE)) == str(patched_copy())


def test_a_release_that_moved_a_string_is_refused_rather_than_half_patched():
    source = installed_bundle().read_text(encoding="utf-8")
    with pytest.raises(BundleChangedError):
        patch(source.replace('"More actions"', '"Other actions"'))
    with pytest.raises(BundleChangedError):
        patch(source.replace("rt=r.n(", "gt=r.n("))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "more_actions", "heading"),
    [
        ("sr-cyrl", "Још радњи", "Превод: %(source)s → %(target)s"),
        ("sr-latn", "Još radnji", "Prevod: %(source)s → %(target)s"),
    ],
)
def test_the_localize_javascript_catalogue_translates_both_strings(admin_user, language, more_actions, heading):
    client = Client()
    client.force_login(admin_user)
    admin_user.wagtail_userprofile.preferred_language = language
    admin_user.wagtail_userprofile.save()
    with translation.override(language):
        catalogue = client.get("/admin/localize/jsi18n/").content.decode()
    # The catalogue is JavaScript holding the translations as JSON strings.
    assert json.dumps(more_actions) in catalogue
    assert json.dumps(heading) in catalogue
