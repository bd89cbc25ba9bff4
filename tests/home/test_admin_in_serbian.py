"""The Wagtail admin and wagtail-localize speak Serbian: catalogues in both scripts, chosen per account."""

from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from wagtail.users.models import UserProfile

from home.catalogues import latin_catalogue

ADMIN_LOCALE = Path(settings.BASE_DIR) / "admin_locale"
CYRILLIC_CATALOGUES = sorted(ADMIN_LOCALE.glob("*/sr_Cyrl/LC_MESSAGES/*.po"))


def test_a_new_account_starts_with_the_admin_in_serbian_cyrillic_whatever_the_browser_asks(db):
    user = get_user_model().objects.create_user("urednik", "urednik@example.org", "lozinka-123-xyz")
    with translation.override("en"):  # the language the request would carry from Accept-Language
        assert UserProfile.get_for_user(user).get_preferred_language() == "sr-cyrl"


def test_an_editor_who_chose_english_keeps_it_when_the_account_is_saved_again(db):
    user = get_user_model().objects.create_user("urednik", "urednik@example.org", "lozinka-123-xyz")
    UserProfile.objects.filter(user=user).update(preferred_language="en")
    user.first_name = "Petar"
    user.save()
    assert UserProfile.get_for_user(user).preferred_language == "en"


def test_the_admin_offers_serbian_cyrillic_serbian_latin_and_english():
    assert [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == ["sr-cyrl", "sr-latn", "en"]


@pytest.mark.parametrize(
    ("language", "msgid", "expected"),
    [
        ("sr-cyrl", "Snippets", "Исечци"),
        ("sr-latn", "Snippets", "Isečci"),
        ("en", "Snippets", "Snippets"),
        ("sr-cyrl", "Translate this page", "Преведи ову страницу"),
        ("sr-latn", "Translate this page", "Prevedi ovu stranicu"),
        ("sr-cyrl", "Image '%(image_title)s' updated.", "Слика „%(image_title)s” је ажурирана."),
        ("sr-cyrl", "Your username and password didn't match. Please try again.", None),
    ],
)
def test_wagtail_and_wagtail_localize_strings_are_served_in_serbian(language, msgid, expected):
    with translation.override(language):
        translated = translation.gettext(msgid)
    if expected is None:  # any Serbian text, in Cyrillic
        assert translated != msgid and any("\u0400" <= char <= "\u04ff" for char in translated)
    else:
        assert translated == expected


def test_plural_forms_follow_serbian_three_forms():
    with translation.override("sr-cyrl"):
        forms = [translation.ngettext("%(count)s image", "%(count)s images", n) % {"count": n} for n in (1, 3, 5, 21)]
    assert forms == ["1 слика", "3 слике", "5 слика", "21 слика"]


def test_the_project_s_own_strings_win_over_the_admin_catalogues():
    assert settings.LOCALE_PATHS[0] == Path(settings.BASE_DIR) / "locale"
    assert all(Path(path).parent == ADMIN_LOCALE for path in settings.LOCALE_PATHS[1:])


@pytest.mark.parametrize("cyrillic_path", CYRILLIC_CATALOGUES, ids=lambda path: str(path.relative_to(ADMIN_LOCALE)))
def test_each_admin_catalogue_has_a_latin_twin_made_by_the_transliterator_and_both_are_compiled(cyrillic_path):
    latin_path = cyrillic_path.parents[2] / "sr_Latn" / "LC_MESSAGES" / cyrillic_path.name
    expected = latin_catalogue(polib.pofile(str(cyrillic_path)))
    actual = polib.pofile(str(latin_path))
    assert {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in actual} == {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in expected
    }, "run `manage.py build_catalogues` after editing the Cyrillic catalogue"
    for path in (cyrillic_path, latin_path):
        assert path.with_suffix(".mo").stat().st_mtime >= path.stat().st_mtime - 1, f"{path}: .mo older than .po"


def test_wagtail_localize_s_javascript_strings_follow_the_editor_s_language(client, admin_user):
    client.force_login(admin_user)
    UserProfile.objects.update_or_create(user=admin_user, defaults={"preferred_language": "sr-cyrl"})
    response = client.get(reverse("wagtail_localize:javascript_catalog"))
    catalogue = response.content.decode("unicode_escape")  # Django writes the catalogue as ASCII escapes
    assert '"Translate with ": "Преведи алатом "' in catalogue


def test_yes_no_columns_name_their_value_in_the_editor_s_language_not_as_python_writes_it(client, admin_user):
    """Wagtail's boolean cell reads "True" to screen readers; the project's template says "Да"."""
    client.force_login(admin_user)
    UserProfile.objects.update_or_create(user=admin_user, defaults={"preferred_language": "sr-cyrl"})
    html = client.get(reverse("wagtailusers_users:index")).content.decode()
    status_cell = html[html.index('<td class="status">') :][:400]
    assert "True" not in status_cell and "Да" in status_cell


def test_the_account_screen_offers_no_list_of_time_zones_named_in_english(client, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_account")).content.decode()
    assert "Africa/Abidjan" not in html


def test_wagtail_localize_dates_its_translations_without_english_month_names(demo_site):
    from wagtail_localize.models import StringTranslation

    translation_ = StringTranslation.objects.order_by("pk").first()
    with translation.override("sr-cyrl"):
        comment = translation_.get_comment()
    assert comment.endswith(translation_.updated_at.strftime("%d.%m.%Y.")), comment
