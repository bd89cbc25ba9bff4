"""Serbian as Serbian is written: three plural forms, no internal names, dates as dates."""

import datetime
import re
from types import SimpleNamespace

import polib
import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from wagtail.users.models import UserProfile

from consultations.forms import RELOAD, CommentForm
from consultations.page_view import ConsultationView
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.consultations.helpers import comment_data
from tests.documents.factories import RegistryDocumentFactory

pytestmark = pytest.mark.django_db

SERBIAN_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)
CATALOGUES = [settings.BASE_DIR / "locale" / name / "LC_MESSAGES" / "django.po" for name in ("sr_Cyrl", "sr_Latn")]


def confirmation_email(hours: int, language: str) -> str:
    context = {
        "comment": SimpleNamespace(consultation=SimpleNamespace(title="Нацрт")),
        "confirm_url": "",
        "hours": hours,
    }
    with translation.override(language):
        return render_to_string("consultations/email/confirm.txt", context)


@pytest.mark.parametrize(
    ("hours", "cyrillic", "latin"),
    [(1, "1 сат.", "1 sat."), (21, "21 сат.", "21 sat."), (72, "72 сата.", "72 sata."), (3, "3 сата.", "3 sata.")]
    + [(12, "12 сати.", "12 sati."), (48, "48 сати.", "48 sati."), (11, "11 сати.", "11 sati.")],
)
def test_the_confirmation_email_counts_hours_in_serbians_three_plural_forms(hours, cyrillic, latin):
    assert f"Веза истиче за {cyrillic}" in confirmation_email(hours, "sr-cyrl")
    assert f"Veza ističe za {latin}" in confirmation_email(hours, "sr-latn")


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parent.parent.name)
def test_both_serbian_catalogues_have_serbians_three_plural_forms_for_every_plural(path):
    catalogue = polib.pofile(str(path))
    assert " ".join(catalogue.metadata["Plural-Forms"].split()) == SERBIAN_PLURALS
    plurals = [entry for entry in catalogue if entry.msgid_plural and not entry.obsolete]
    assert plurals, "the catalogue has plural entries"
    incomplete = [entry.msgid for entry in plurals if sorted(entry.msgstr_plural) != [0, 1, 2]]
    untranslated = [entry.msgid for entry in plurals if not all(entry.msgstr_plural.values())]
    assert (incomplete, untranslated) == ([], [])


@pytest.fixture
def consultation(home_page):
    return ConsultationPageFactory(home=home_page, title="Нацрт одлуке о речима")


def test_a_hidden_fields_error_says_what_to_do_not_the_fields_name(consultation):
    data = comment_data(consultation)
    del data["form_token"]
    with translation.override("sr-cyrl"):
        form = CommentForm(data, articles=ConsultationView.of(consultation).articles)
        summary = render_to_string("includes/error_summary.html", {"form": form})
        assert str(RELOAD) in summary
    assert "Form token" not in summary and "form_token" not in summary


def test_the_organisation_kind_choice_starts_with_a_translated_prompt_not_dashes(client, consultation):
    html = client.get(consultation.url).content.decode()
    assert "---------" not in html
    assert '<option value="" selected>Изаберите врсту организације</option>' in html


@pytest.fixture
def serbian_admin(db):
    user = get_user_model().objects.create_superuser("urednica", "urednica@example.com", "lozinka-123-dugacka")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sr-cyrl"
    profile.save()
    client = Client()
    client.force_login(user)
    return client


def test_the_registry_shows_the_adoption_date_as_a_date_and_machine_readability_as_yes_or_no(serbian_admin):
    RegistryDocumentFactory(title="Одлука о датумима", date_adopted=datetime.date(2024, 3, 5), machine_readable=True)
    RegistryDocumentFactory(title="Скенирана одлука", date_adopted=datetime.date(2023, 1, 9), machine_readable=False)
    html = serbian_admin.get("/admin/registry/").content.decode()
    cells = [" ".join(cell.split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, re.DOTALL)]
    assert {"5. 3. 2024.", "9. 1. 2023.", "Да", "Не"} <= set(cells)
    assert not {"True", "False"} & set(cells)
    assert not [cell for cell in cells if cell.startswith("пре ") or cell.endswith(" ago")]


def test_the_comments_listing_names_the_comments_kind_and_the_organisations_type_apart(serbian_admin, consultation):
    CommentFactory(consultation=consultation, article=None)
    html = serbian_admin.get("/admin/comments/").content.decode()
    assert "Врста коментара" in html
    assert "Врста организације" in html
