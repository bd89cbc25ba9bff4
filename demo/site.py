"""The home page and the office's own pages (about, scope of work, history), from the seed texts.

The seeds (demo/data/seeds/) are the offices' own words: the Novi Sad office's in Cyrillic,
the national office's in English. What they do not give in both languages is in
demo/data/site.toml, paired with its translation and keyed by the seed's text, so a seed text
with no translation fails loudly. Safe to run again: what exists is kept.
"""

from wagtail.models import Page, Site

from core.scripts import latin_slug
from home.models import HomePage, OfficeSettings, StandardPage, UsefulLink

from .data import load, table
from .pages import add_published, bullet_list, heading, paragraph, translate_if_missing
from .seeds import read_national_office_english, read_novi_sad_office

DATA = load("site")
OFFICE_EN = DATA["office_en"]


def ensure_home(locales) -> HomePage:
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locales["sr-cyrl"], depth=2).first()
    if home is None:
        # Wagtail's migrations create the root; a flushed database (transactional tests) has none.
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Корен", slug="root", locale=locales["sr-cyrl"])
        )
        # Wagtail's first migration leaves a "Welcome" page where the home page belongs.
        for welcome in root.get_children().filter(content_type__model="page", content_type__app_label="wagtailcore"):
            if welcome.numchild == 0:
                welcome.delete()
        spec = DATA["home"]
        home = add_published(
            root, HomePage(title=spec["title"][0], slug="home", intro=spec["intro"][0], locale=locales["sr-cyrl"])
        )
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.id:
        site.root_page = home
        site.save()
    return home


def ensure_office_settings(site: Site, seed) -> None:
    office = OfficeSettings.for_site(site)
    if office.name:
        return
    office.name = seed.name
    office.parent_body = seed.parent_body
    office.address = seed.address
    office.name_en = OFFICE_EN["name"]
    office.parent_body_en = OFFICE_EN["parent_body"]
    office.address_en = OFFICE_EN["address"]
    office.email = seed.email
    office.social_links = [{"type": "link", "value": {"label": label, "url": url}} for label, url in seed.social_links]
    office.save()


def ensure_page(home, spec: dict, body: list) -> StandardPage:
    """The standard page `spec` describes (title and intro as [Cyrillic, English]), under the home page."""
    title = spec["title"][0]
    existing = home.get_children().filter(slug=latin_slug(title)).first()
    if existing:
        return existing.specific
    page = StandardPage(title=title, slug=latin_slug(title), intro=spec["intro"][0], body=body, show_in_menus=True)
    return add_published(home, page)


def build_about(home, seed) -> tuple[StandardPage, dict]:
    spec = DATA["about"]
    address = seed.address.replace("\n", ", ")
    body = [paragraph(text) for text in seed.paragraphs]
    body += [heading(spec["contact_heading"][0]), paragraph(address), paragraph(seed.email)]
    page = ensure_page(home, spec, body)
    english = table(spec["title"], spec["intro"], spec["contact_heading"], *spec["paragraphs"])
    english[address] = OFFICE_EN["address"].replace("\n", ", ")
    english[seed.email] = seed.email
    english[page.slug] = spec["slug_en"]
    return page, english


def build_scope(home, seed) -> tuple[StandardPage, dict]:
    spec = DATA["scope"]
    page = ensure_page(home, spec, [heading(seed.scope_heading), bullet_list(seed.scope)])
    english = table(spec["title"], spec["intro"], *spec["lines"])
    english[page.slug] = spec["slug_en"]
    return page, english


def facts_table(spec: dict) -> dict:
    """The national office's key facts as a table block: a label column and a value column."""
    return {
        "data": [[fact["label"][0], fact["value"]] for fact in spec["facts"]],
        "first_row_is_table_header": False,
        "first_col_is_header": True,
        "table_header_choice": "col",
        "table_caption": spec["facts_caption"][0],
    }


def build_history(home) -> tuple[StandardPage, dict]:
    spec = DATA["history"]
    english_seed = read_national_office_english()
    body = [paragraph(text) for text in spec["paragraphs"]]
    body.append({"type": "table", "value": facts_table(spec)})
    body.append(heading(spec["jurisdiction_heading"][0]))
    body += [paragraph(text) for text in spec["organisation"]]
    body.append(bullet_list(spec["jurisdiction"]))
    page = ensure_page(home, spec, body)

    english = table(spec["title"], spec["intro"], spec["facts_caption"], spec["jurisdiction_heading"])
    for texts in ("paragraphs", "organisation", "jurisdiction"):
        english.update(zip(spec[texts], english_seed[texts], strict=True))
    for fact in spec["facts"]:
        english[fact["label"][0]] = fact["label"][1]
        english[fact["value"]] = english_seed["facts"][fact["seed_key"]] if "seed_key" in fact else fact["value_en"]
    english[page.slug] = spec["slug_en"]
    return page, english


def ensure_useful_links(locales) -> None:
    for position, link_spec in enumerate(DATA["useful_links"]):
        title, title_en = link_spec["title"]
        link = UsefulLink.objects.filter(locale=locales["sr-cyrl"], url=link_spec["url"]).first()
        if link is None:
            link = UsefulLink.objects.create(
                locale=locales["sr-cyrl"], title=title, url=link_spec["url"], sort_order=position
            )
        translate_if_missing(link, locales, {title: title_en})


def build_demo_home(locales) -> HomePage:
    """The home page, the office's settings and pages, and the useful links, each in English too."""
    seed = read_novi_sad_office(DATA["cut_short_links"])
    home = ensure_home(locales)
    ensure_office_settings(Site.objects.get(is_default_site=True), seed)
    spec = DATA["home"]
    translate_if_missing(home, locales, table(spec["title"], spec["intro"], ["home", "home"]))
    # All three pages first, then their translations: the order the pages were always created in.
    for page, english in (build_about(home, seed), build_scope(home, seed), build_history(home)):
        translate_if_missing(page, locales, english)
    ensure_useful_links(locales)
    return home
