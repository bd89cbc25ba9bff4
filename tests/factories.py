"""Factories shared by the suites: pages of the home app and the locales they live in."""

import factory
import wagtail_factories

from django.test import TestCase

from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage, OfficeSettings, StandardPage

LANGUAGE_CODES = ["sr-cyrl", "sr-latn", "en"]


def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Почетна"
    slug = "home"
    intro = "Канцеларија повезује организације цивилног друштва и Град."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Страница {n}")
    intro = "Увод у страницу."
    show_in_menus = True

    class Meta:
        model = StandardPage


def make_site_home() -> HomePage:
    """A Cyrillic home page as the default site's root, as the demo command sets it up."""
    locales = ensure_locales()
    # A transactional test before this one may have flushed the tree Wagtail's migrations create.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["sr-cyrl"])
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root, locale=locales["sr-cyrl"])
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    office = OfficeSettings.for_site(Site.objects.get(is_default_site=True))
    office.name = "Канцеларија за сарадњу са цивилним друштвом Града Новог Сада"
    office.address = "Булевар деспота Стефана 5, Нови Сад"
    office.name_en = "Office for Cooperation with Civil Society of the City of Novi Sad"
    office.save()
    return home


def publish(page):
    """Publish like the admin does, running what waits for the commit (the Latin twin's publish)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    return page
