"""An organisation's page: its public comments only, its awards year by year, the names it used."""

from decimal import Decimal

import pytest

from django.urls import reverse
from django.utils import timezone

from calls.models import Award
from consultations.models import CommentState, Consent
from tests.consultations.factories import ConsultationPageFactory
from tests.factories import publish
from tests.organisations.factories import NUMBER, award, call_with_results, comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(home_page):
    return publish(home_page)


def page_url(number: str = NUMBER, language: str = "sr-cyrl") -> str:
    from django.utils import translation

    with translation.override(language):
        return reverse("organisations:detail", kwargs={"registration_number": number})


def test_page_shows_published_comments_with_the_name_only(client, home, django_capture_on_commit_callbacks):
    consultation = ConsultationPageFactory(home=home)
    with django_capture_on_commit_callbacks(execute=True):
        comment(consultation, justification="Јавно и објављено.")
        comment(consultation, consent=Consent.ANONYMOUS, justification="Без имена.")
        comment(consultation, consent=Consent.PRIVATE, justification="Приватно.")
        for state in (CommentState.CONFIRMED, CommentState.REJECTED, CommentState.UNCONFIRMED):
            comment(consultation, state=state, justification=f"Стање {state}.")

    response = client.get(page_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Јавно и објављено." in html
    for hidden in ("Без имена.", "Приватно.", "Стање confirmed.", "Стање rejected.", "Стање unconfirmed."):
        assert hidden not in html
    assert f'href="{consultation.url}"' in html
    assert response.context["profile"].comment_count == 1


def test_an_organisation_without_awards_gets_a_sentence_not_an_empty_table_and_its_years_end_in_a_total_row(
    client, home, django_capture_on_commit_callbacks
):
    consultation = ConsultationPageFactory(home=home)
    with django_capture_on_commit_callbacks(execute=True):
        comment(consultation, justification="Јавно и објављено.")

    html = client.get(page_url(language="en")).content.decode()

    assert "No published results of a call, and no funding outside calls, name this organisation." in html
    assert 'id="organisation-awards-table-caption"' not in html
    years_table = html[html.index('id="organisation-years-table-caption"') :]
    foot = years_table[years_table.index("<tfoot>") : years_table.index("</tfoot>")]
    assert '<th scope="row">Total</th>' in foot and '<td class="num">1</td>' in foot


def test_only_private_or_anonymous_comments_make_no_page(client, home):
    consultation = ConsultationPageFactory(home=home)
    comment(consultation, consent=Consent.ANONYMOUS)
    comment(consultation, consent=Consent.PRIVATE)

    assert client.get(page_url()).status_code == 404


def test_comments_on_an_unpublished_consultation_are_not_shown(client, home):
    consultation = ConsultationPageFactory(home=home)
    comment(consultation, justification="На повученом нацрту.")
    consultation.unpublish()

    assert client.get(page_url()).status_code == 404


def test_awards_year_by_year_with_totals_equal_to_the_rows(client, home):
    call_with_results(home, [award("Удружење „Мост“", requested="500000", awarded="400000")], years_ago=0)
    call_with_results(
        home,
        [
            award("Удружење „Мост“", requested="300000", awarded="250000.50"),
            award("Удружење „Мост“", requested="100000", awarded="90000"),
            award("Друго удружење", number="28999111", awarded="1"),
        ],
        years_ago=2,
    )

    profile = client.get(page_url()).context["profile"]

    this_year = timezone.localtime().year
    by_year = {row.year: row for row in profile.years}
    assert sorted(by_year) == sorted({(timezone.now() - timezone.timedelta(days=60 + n * 365)).year for n in (0, 2)})
    newest, oldest = profile.years
    assert (newest.count, newest.call_count, newest.awarded) == (1, 1, Decimal("400000"))
    assert (oldest.count, oldest.call_count, oldest.awarded) == (2, 1, Decimal("340000.50"))
    assert oldest.requested == Decimal("400000")
    assert profile.total.awarded == sum(row.amount_awarded for row in profile.awards) == Decimal("740000.50")
    assert profile.total.requested == sum(row.amount_requested for row in profile.awards)
    assert profile.total.count == len(profile.awards) == 3
    assert profile.total.call_count == 2
    assert newest.year <= this_year


def test_awards_of_calls_whose_results_are_not_public_are_not_shown(client, home):
    call_with_results(home, [award("Удружење „Мост“")], results_published_in=timezone.timedelta(days=5))

    assert client.get(page_url()).status_code == 404


def test_names_used_over_the_years(client, home):
    call_with_results(home, [award("Удружење „Стари мост“")], years_ago=3)
    call_with_results(home, [award("Удружење „Стари мост“")], years_ago=2)
    call_with_results(home, [award("Удружење „Мост“")], years_ago=0)

    response = client.get(page_url())

    profile = response.context["profile"]
    assert [name.name for name in profile.names] == ["Удружење „Стари мост“", "Удружење „Мост“"]
    old, new = profile.names
    assert old.last_year - old.first_year == 2 or old.last_year - old.first_year == 1
    assert new.first_year == new.last_year
    assert profile.name == "Удружење „Мост“"
    assert "<h1>Удружење „Мост“</h1>" in response.content.decode()


def test_the_latin_page_shows_names_and_calls_in_latin(client, home):
    call = call_with_results(home, [award("Удружење „Мост“")], title="Конкурс за културу")

    response = client.get(page_url(language="sr-latn"))

    html = response.content.decode()
    assert "Udruženje „Most“" in html
    assert "Konkurs za kulturu" in html
    assert f'href="{call.get_translation(call.locale.__class__.objects.get(language_code="sr-latn")).url}"' in html


@pytest.mark.parametrize("number", ["12345678", "1234567", "123456789", "abcdefgh", "٠١٢٣٤٥٦٧", "08123456x"])
def test_unknown_or_malformed_numbers_are_not_found(client, home, number):
    call_with_results(home, [award("Удружење „Мост“", number="08123450")])

    assert client.get(f"/sr-cyrl/organisations/{number}/").status_code == 404


def test_no_contact_data_on_the_page(client, home):
    consultation = ConsultationPageFactory(home=home)
    comment(
        consultation,
        contact_email="tajna@udruzenje.example",
        contact_phone="+381 21 999 888",
        contact_name="Петар Петровић",
        justification="Пишите на javno@udruzenje.example или 021 555 666.",
    )

    html = client.get(page_url()).content.decode()

    for secret in ("tajna@udruzenje.example", "999 888", "Петар Петровић", "javno@udruzenje.example", "555 666"):
        assert secret not in html


@pytest.mark.parametrize("count", [1, 50])
def test_the_page_asks_a_fixed_number_of_queries(client, home, count, django_assert_max_num_queries):
    consultation = ConsultationPageFactory(home=home)
    call = call_with_results(home, [award("Удружење „Мост“")])
    # The other rows straight into the table: publishing 50 rows through the admin path costs minutes.
    Award.objects.bulk_create([award("Удружење „Мост“", awarded=str(n + 1), page=call) for n in range(count - 1)])
    other = call_with_results(home, [award("Удружење „Мост“")], years_ago=1)
    for _ in range(count):
        comment(consultation)
    client.get(page_url())  # warm the per-site caches (menus, footer) as any visit after the first finds them

    with django_assert_max_num_queries(QUERIES_FOR_ANY_SIZE):
        response = client.get(page_url(), HTTP_CACHE_CONTROL="no-cache")

    assert len(response.context["profile"].awards) == count + 1
    assert other.url in response.content.decode()


# What one organisation page costs once the site's shared caches are warm, whatever its rows.
QUERIES_FOR_ANY_SIZE = 12


def test_the_page_is_cached_and_a_new_payment_or_comment_shows_at_once(client, home, settings):
    import datetime

    from calls.models import AwardPayment
    from core.page_cache.generation import start_new_generation

    settings.PAGE_CACHE_SECONDS = 300
    start_new_generation()
    consultation = ConsultationPageFactory(home=home)
    call = call_with_results(home, [award("Удружење „Мост“", awarded="400000")])
    assert client.get(page_url())["X-Page-Cache"] == "miss"
    assert client.get(page_url())["X-Page-Cache"] == "hit"

    AwardPayment.objects.create(award=call.awards.get(), amount=Decimal("123456"), paid_on=datetime.date.today())
    answer = client.get(page_url())
    assert answer["X-Page-Cache"] == "miss"
    assert answer.context["profile"].total.paid == Decimal("123456")

    comment(consultation, justification="Нови јавни коментар.")
    assert "Нови јавни коментар." in client.get(page_url()).content.decode()


def test_the_pages_are_valid_html(client, home, tmp_path):
    from tests.nu_checker import check_html_files

    consultation = ConsultationPageFactory(home=home)
    comment(consultation, organisation_name="Удружење „Мост“")
    call_with_results(home, [award("Удружење „Мост“")], years_ago=1)
    paths = []
    for language in ("sr-cyrl", "sr-latn", "en"):
        for name, url in (("page", page_url(language=language)), ("index", f"/{language}/organisations/?q=most")):
            response = client.get(url)
            assert response.status_code == 200
            paths.append(tmp_path / f"{name}-{language}.html")
            paths[-1].write_bytes(response.content)

    assert check_html_files(paths) == []
