"""Factories shared by the suites: pages of the home app and the locales they live in."""

import factory
import wagtail_factories

from django.test import TestCase

from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage, OfficeSettings, StandardPage

LANGUAGE_CODES = ["sr-cyrl", "sr-latn", "en"]


class LocaleFactory(factory.django.DjangoModelFactory):
    language_code = "sr-cyrl"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


def factory_for(model, base, **declarations):
    """The factory of `model` on `base` that only fixes some fields: a one-liner where a class would say no more."""
    meta = type("Meta", (), {"model": model})
    return type(base)(f"{model.__name__}Factory", (base,), {**declarations, "Meta": meta})


def ensure_locales() -> dict[str, Locale]:
    return {code: LocaleFactory(language_code=code) for code in LANGUAGE_CODES}


def cyrillic_locale() -> Locale:
    return LocaleFactory(language_code="sr-cyrl")


class CyrillicSnippetFactory(factory.django.DjangoModelFactory):
    """A translatable snippet (an area, a document type...) in Cyrillic, the language editors write."""

    locale = factory.LazyFunction(cyrillic_locale)

    class Meta:
        abstract = True


def publish(page):
    """Publish like the admin does, running what waits for the commit (the Latin twin's publish)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    return page


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under `parent` and published as an editor publishes it (a revision; the Latin
    twin follows). `published=False` only saves it live: fast, no revision, no Latin twin."""

    published = True
    # Empty, so Wagtail makes the slug from the title as the admin does (wagtail-factories would
    # drop every Cyrillic letter).
    slug = ""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _build(cls, model_class, *args, published=True, **kwargs):
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, published=True, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        return publish(page) if published else page


class IndexPageFactory(PublishedPageFactory):
    """An index page: one of its type under a parent, so asking again returns the one already there."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        existing = model_class.objects.child_of(kwargs["parent"]).first()
        return existing or super()._create(model_class, *args, **kwargs)


def under_index_of_home(index_factory):
    """A page's `parent`: the index of the `home` param (created if missing); without `home`, the
    caller gives `parent` (or builds the page unsaved)."""
    return factory.Maybe(
        "home",
        yes_declaration=factory.LazyAttribute(lambda page: index_factory(parent=page.home)),
        no_declaration=None,
    )


def site_root() -> Page:
    """The tree's root, emptied. A transactional test before this one may have flushed the tree
    Wagtail's migrations create (and the root collection with it)."""
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Корен", slug="root", locale=cyrillic_locale())
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Све збирке")
    for child in root.get_children():
        child.delete()
    return root


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Почетна"
    slug = "home"
    intro = "Канцеларија повезује организације цивилног друштва и Град."
    locale = factory.LazyFunction(cyrillic_locale)

    class Meta:
        model = HomePage


class SiteHomePageFactory(HomePageFactory):
    """A Cyrillic home page as the default site's root (the only page under the tree's root), with
    the office's settings, as the demo command sets it up."""

    parent = factory.LazyFunction(site_root)

    class Meta:
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        ensure_locales()
        home = super()._create(model_class, *args, **kwargs)
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
        )
        office = OfficeSettings.for_site(Site.objects.get(is_default_site=True))
        office.name = "Канцеларија за сарадњу са цивилним друштвом Града Новог Сада"
        office.address = "Булевар деспота Стефана 5, Нови Сад"
        office.name_en = "Office for Cooperation with Civil Society of the City of Novi Sad"
        office.save()
        return home


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Страница {n}")
    intro = "Увод у страницу."
    show_in_menus = True

    class Meta:
        model = StandardPage
