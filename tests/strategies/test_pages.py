"""Strategy pages: where they may live, what an editor must get right, what each language shows."""

import datetime

import pytest
from freezegun import freeze_time

from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail.models import Locale, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from consultations.models import ConsultationPage, State
from home.models import HomePage, StandardPage
from strategies.models import (
    DocumentRole,
    Measure,
    MeasureProgress,
    ProgressStatus,
    StrategyDocument,
    StrategyIndexPage,
    StrategyPage,
    StrategyStatus,
)
from strategies.progress import measure_table
from tests.consultations.factories import ConsultationPageFactory
from tests.documents.factories import RegistryDocumentFactory
from tests.factories import publish
from tests.strategies.factories import StrategyIndexPageFactory, StrategyPageFactory
from tests.tree_rules import assert_parents


class TestTreeRules(WagtailPageTestCase):
    def test_strategy_index_lives_under_the_home_page_only(self):
        assert_parents(self, StrategyIndexPage, allowed=[HomePage], refused=[StandardPage, StrategyIndexPage])

    def test_strategies_live_under_the_strategy_index_only(self):
        assert_parents(self, StrategyPage, allowed=[StrategyIndexPage], refused=[HomePage, StandardPage, StrategyPage])


def latin(page):
    return page.get_translation(Locale.objects.get(language_code="sr-latn")).specific


def latin_url(page) -> str:
    return latin(page).get_url()


# An unsaved page has no place in the tree yet; everything else is validated.
TREE_FIELDS = ["path", "depth"]


def label(choice, language: str) -> str:
    """A choice's label as the page in `language` shows it, whatever the catalogue says."""
    with translation.override(language):
        return str(choice.label)


def unsaved_strategy(**fields) -> StrategyPage:
    values = {
        "title": "Стратегија",
        "slug": "strategija",
        "start_year": 2022,
        "end_year": 2030,
        "status": StrategyStatus.ADOPTED,
        "adoption_date": datetime.date(2022, 2, 10),
        "summary": "Сажетак.",
    }
    return StrategyPage(**(values | fields))


@pytest.mark.django_db
def test_home_page_takes_one_strategy_index_at_most(home_page):
    assert StrategyIndexPage.can_create_at(home_page)
    StrategyIndexPageFactory(parent=home_page)
    assert not StrategyIndexPage.can_create_at(home_page)


@pytest.mark.django_db
def test_period_cannot_end_before_it_starts(home_page):
    with pytest.raises(ValidationError) as error:
        unsaved_strategy(start_year=2030, end_year=2022).full_clean(exclude=TREE_FIELDS)
    assert "end_year" in error.value.message_dict
    unsaved_strategy(start_year=2024, end_year=2024).full_clean(exclude=TREE_FIELDS)


@pytest.mark.django_db
@pytest.mark.parametrize(("start", "end"), [(1989, 2000), (2020, 2101), (0, 2030)])
def test_years_outside_1990_to_2100_are_refused(home_page, start, end):
    with pytest.raises(ValidationError):
        unsaved_strategy(start_year=start, end_year=end).full_clean(exclude=TREE_FIELDS)


@pytest.mark.django_db
@pytest.mark.parametrize("status", [StrategyStatus.ADOPTED, StrategyStatus.EXPIRED])
def test_an_adopted_or_expired_strategy_needs_its_adoption_date(home_page, status):
    with pytest.raises(ValidationError) as error:
        unsaved_strategy(status=status, adoption_date=None).full_clean(exclude=TREE_FIELDS)
    assert "adoption_date" in error.value.message_dict
    unsaved_strategy(status=StrategyStatus.IN_PREPARATION, adoption_date=None).full_clean(exclude=TREE_FIELDS)


@pytest.mark.django_db
def test_strategy_page_shows_period_status_adoption_and_measures_in_cyrillic(client, home_page):
    page = StrategyPageFactory(
        home=home_page,
        title="Стратегија развоја волонтеризма",
        start_year=2022,
        end_year=2030,
        adopting_body="Влада Републике Србије",
        adoption_date=datetime.date(2022, 2, 10),
        goals=[{"type": "paragraph", "value": "<p>Општи циљ је подстицајно окружење.</p>"}],
        measure_count=2,
    )

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1>") == 1
    assert "<h1>Стратегија развоја волонтеризма</h1>" in html
    assert '<time datetime="2022">2022</time>–<time datetime="2030">2030</time>' in html
    assert "Влада Републике Србије" in html
    assert '<time datetime="2022-02-10">10. 2. 2022.</time>' in html
    assert "strategy-status--adopted" in html
    assert "Општи циљ је подстицајно окружење." in html
    assert "Мера број 2: обуке за удружења" in html


@pytest.mark.django_db
def test_publishing_a_cyrillic_strategy_yields_a_live_latin_twin_with_latin_measures(client, home_page):
    page = StrategyPageFactory(
        home=home_page, title="Стратегија за Нови Сад", measure_count=3, progress={2023: ["late"]}
    )

    twin = latin(page)

    assert twin.live
    assert twin.title == "Strategija za Novi Sad"
    assert [m.text for m in twin.measures.all()] == [f"Mera broj {n}: obuke za udruženja" for n in (1, 2, 3)]
    assert {m.locale.language_code for m in twin.measures.all()} == {"sr-latn"}
    assert [m.responsible_body for m in twin.measures.all()][0] == "Kancelarija za saradnju sa civilnim društvom"
    statuses = MeasureProgress.objects.filter(measure__strategy=twin).values_list("year", "status")
    assert sorted(statuses) == [(2023, "late")] * 3
    html = client.get(twin.url).content.decode()
    assert "<h1>Strategija za Novi Sad</h1>" in html
    assert "Mera broj 1: obuke za udruženja" in html
    assert "Napomena za 2023." in html, "the status note is shown in the visitor's script"
    assert "Мера" not in html and "Напомена" not in html


@pytest.mark.django_db
def test_republishing_keeps_the_latin_twins_measures_in_step(home_page):
    page = StrategyPageFactory(home=home_page, measure_count=2, progress={2023: ["in_progress"]})
    first = page.measures.first()
    first.text = "Нова формулација мере"
    first.save()
    MeasureProgress.objects.create(measure=first, year=2024, status=ProgressStatus.DONE, note="Урађено.")
    page.measures.last().delete()

    publish(page)

    twin = latin(page)
    measures = list(twin.measures.all())
    assert [m.text for m in measures] == ["Nova formulacija mere"]
    assert [(p.year, p.status, p.note) for p in measures[0].progress.order_by("year")] == [
        (2023, "in_progress", "Напомена за 2023."),
        (2024, "done", "Урађено."),
    ]
    assert Measure.objects.filter(locale__language_code="sr-latn").count() == 1
    assert MeasureProgress.objects.filter(measure__locale__language_code="sr-latn").count() == 2


@pytest.mark.django_db
def test_copying_a_strategy_copies_its_measures_and_their_yearly_status(home_page):
    page = StrategyPageFactory(home=home_page, measure_count=2, progress={2023: ["done"], 2024: ["done"]})

    copy = page.copy(update_attrs={"title": "Копија стратегије", "slug": "kopija-strategije"})

    assert copy.specific.measures.count() == 2
    assert MeasureProgress.objects.filter(measure__strategy=copy).count() == 4
    assert MeasureProgress.objects.filter(measure__strategy=page).count() == 4


@pytest.mark.django_db
def test_linked_consultation_is_shown_with_its_state_in_each_script(client, home_page):
    consultation = ConsultationPageFactory(
        home=home_page,
        title="Нацрт стратегије",
        opens_in=-datetime.timedelta(days=40),
        closes_in=-datetime.timedelta(days=10),
    )
    page = StrategyPageFactory(home=home_page, consultation=consultation, status=StrategyStatus.IN_CONSULTATION)

    html = client.get(page.url).content.decode()
    assert f'<a href="{consultation.url}">Нацрт стратегије</a> ({label(State.CLOSED, "sr-cyrl")})' in html

    latin_consultation = latin(consultation)
    html = client.get(latin_url(page)).content.decode()
    assert f'<a href="{latin_consultation.url}">Nacrt strategije</a> ({label(State.CLOSED, "sr-latn")})' in html


@pytest.mark.django_db
def test_a_withdrawn_consultation_is_not_linked(client, home_page):
    consultation = ConsultationPageFactory(home=home_page, title="Повучени нацрт")
    page = StrategyPageFactory(home=home_page, consultation=consultation)
    ConsultationPage.objects.get(pk=consultation.pk).unpublish()

    assert "Повучени нацрт" not in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_registry_documents_are_listed_with_their_role_and_restricted_ones_hidden(client, home_page):
    text = RegistryDocumentFactory(title="Текст стратегије", title_en="Text of the strategy")
    plan = RegistryDocumentFactory(title="Акциони план 2022–2024")
    secret = RegistryDocumentFactory(title="Радна верзија извештаја")
    secret.collection = secret.collection.add_child(name="Интерно")
    secret.save()
    secret.collection.view_restrictions.create(restriction_type=PageViewRestriction.LOGIN)
    page = StrategyPageFactory(
        home=home_page,
        documents=[
            StrategyDocument(document=text, role=DocumentRole.STRATEGY, sort_order=0),
            StrategyDocument(document=plan, role=DocumentRole.ACTION_PLAN, sort_order=1),
            StrategyDocument(document=secret, role=DocumentRole.REPORT, sort_order=2),
        ],
    )

    html = client.get(page.url).content.decode()

    strategy_role, plan_role = label(DocumentRole.STRATEGY, "sr-cyrl"), label(DocumentRole.ACTION_PLAN, "sr-cyrl")
    assert f'<a href="{text.get_absolute_url()}">Текст стратегије</a> <span class="meta">({strategy_role})' in html
    assert f'<a href="{plan.get_absolute_url()}">Акциони план 2022–2024</a> <span class="meta">({plan_role})' in html
    assert "Радна верзија извештаја" not in html
    assert "Tekst strategije" in client.get(latin_url(page)).content.decode()


@pytest.mark.django_db
def test_preview_builds_the_measures_table_from_unsaved_measures():
    page = unsaved_strategy()
    measure = Measure(code="1.1", text="Мера", responsible_body="Град")
    measure.progress = [MeasureProgress(year=2024, status=ProgressStatus.DONE)]
    page.measures = [measure]

    table = measure_table(page)

    assert table.years == [2024]
    assert table.summary.done == 1


def admin_form(index, **overrides):
    measure = {
        "code": "1.1",
        "text": "Обуке за удружења",
        "responsible_body": "Канцеларија",
        "deadline": "2025-12-31",
        "indicator": "Број обука",
        "progress": inline_formset(
            [{"year": "2023", "status": "in_progress", "note": ""}, {"year": "2024", "status": "done", "note": ""}]
        ),
    }
    data = {
        "title": "Стратегија из администрације",
        "slug": "стратегија-из-администрације",
        "start_year": "2022",
        "end_year": "2030",
        "status": "adopted",
        "adopting_body": "Градско веће",
        "adoption_date": "2022-03-01",
        "summary": "Сажетак стратегије.",
        "goals": streamfield([]),
        "documents": inline_formset([]),
        "consultation": "",
        "measures": inline_formset([measure]),
    }
    return nested_form_data(data | overrides)


@pytest.mark.django_db
def test_editor_creates_a_strategy_with_measures_and_their_yearly_status(admin_client, home_page):
    index = StrategyIndexPageFactory(parent=home_page)

    response = admin_client.post(f"/admin/pages/add/strategies/strategypage/{index.pk}/", admin_form(index))

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = StrategyPage.objects.get(title="Стратегија из администрације")
    assert page.slug == "strategija-iz-administracije"
    measure = page.measures.get()
    assert [(p.year, p.status) for p in measure.progress.order_by("year")] == [(2023, "in_progress"), (2024, "done")]
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert 'name="measures-0-progress-1-year" value="2024"' in edit.content.decode()


@pytest.mark.django_db
def test_editor_cannot_give_a_measure_two_statuses_for_one_year(admin_client, home_page):
    index = StrategyIndexPageFactory(parent=home_page)
    data = admin_form(index)
    data["measures-0-progress-1-year"] = "2023"

    response = admin_client.post(f"/admin/pages/add/strategies/strategypage/{index.pk}/", data)

    assert response.status_code == 200
    assert not StrategyPage.objects.filter(title="Стратегија из администрације").exists()
    with translation.override("sr-cyrl"):  # the admin speaks the editor's language
        expected = translation.gettext("This measure already has a status for this year.")
    assert expected in response.content.decode()


@pytest.mark.django_db
def test_a_strategy_is_in_effect_from_its_first_to_its_last_year(home_page):
    page = StrategyPageFactory(home=home_page, start_year=2022, end_year=2024)
    StrategyPageFactory(home=home_page, start_year=2022, end_year=2024, status=StrategyStatus.IN_PREPARATION)
    # Europe/Belgrade: 23:30 UTC on 31 December is already the next year in Novi Sad.
    with freeze_time("2024-12-31T22:59:59Z"):
        assert page.is_in_effect()
        assert list(StrategyPage.objects.in_effect().filter(locale=page.locale)) == [page]
    with freeze_time("2024-12-31T23:00:01Z"):
        assert not page.is_in_effect()
        assert not StrategyPage.objects.in_effect().exists()
