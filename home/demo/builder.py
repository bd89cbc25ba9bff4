"""Build the Novi Sad office's site from the seed texts. Safe to run again: what exists is kept."""

from django.utils.html import escape

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from core.scripts import latin_slug
from home.models import HomePage, OfficeSettings, StandardPage, UsefulLink

from . import content
from .seeds import read_national_office_english, read_novi_sad_office
from .translation import translate_with_table

LANGUAGE_CODES = ["sr-cyrl", "sr-latn", "en"]

USEFUL_LINKS = [
    ("Град Нови Сад", "City of Novi Sad", "https://www.novisad.rs/"),
    ("Агенција за привредне регистре", "Serbian Business Registers Agency", "https://www.apr.gov.rs/"),
    ("Портал еУправа", "eGovernment Portal", "https://euprava.gov.rs/"),
]


def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": RichText(f"<p>{escape(text)}</p>").source}


def bullet_list(items: list[str]) -> dict:
    return {"type": "paragraph", "value": "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"}


def heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def ensure_home(locales) -> HomePage:
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locales["sr-cyrl"], depth=2).first()
    if home is None:
        # Wagtail's migrations create the root; a flushed database (transactional tests) has none.
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=locales["sr-cyrl"])
        )
        # Wagtail's first migration leaves a "Welcome" page where the home page belongs.
        for welcome in root.get_children().filter(content_type__model="page", content_type__app_label="wagtailcore"):
            if welcome.numchild == 0:
                welcome.delete()
        home = HomePage(
            title=content.HOME["title"][0], slug="home", intro=content.HOME["intro"][0], locale=locales["sr-cyrl"]
        )
        root.add_child(instance=home)
        publish(home)
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
    office.name_en = content.OFFICE_EN["name"]
    office.parent_body_en = content.OFFICE_EN["parent_body"]
    office.address_en = content.OFFICE_EN["address"]
    office.email = seed.email
    office.social_links = [{"type": "link", "value": {"label": label, "url": url}} for label, url in seed.social_links]
    office.save()


def ensure_page(home, title: str, intro: str, body: list, show_in_menus=True) -> tuple[StandardPage, bool]:
    slug = latin_slug(title)
    existing = home.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    page = StandardPage(title=title, slug=slug, intro=intro, body=body, show_in_menus=show_in_menus)
    home.add_child(instance=page)
    return publish(page), True


def pair_table(*pairs) -> dict[str, str]:
    return dict(pairs)


def build_about(home, seed):
    sr, en = content.ABOUT, content.ABOUT
    body = [paragraph(text) for text in seed.paragraphs]
    body += [heading(sr["contact_heading"][0]), paragraph(seed.address.replace("\n", ", ")), paragraph(seed.email)]
    page, _created = ensure_page(home, sr["title"][0], sr["intro"][0], body)
    table = pair_table(en["title"], en["intro"], en["contact_heading"])
    table.update(content.NOVI_SAD_PARAGRAPHS_EN)
    table[seed.address.replace("\n", ", ")] = content.OFFICE_EN["address"].replace("\n", ", ")
    table[seed.email] = seed.email
    table[page.slug] = en["slug_en"]
    return page, table


def build_scope(home, seed):
    sr = content.SCOPE
    body = [heading(seed.scope_heading), bullet_list(seed.scope)]
    page, _created = ensure_page(home, sr["title"][0], sr["intro"][0], body)
    table = pair_table(sr["title"], sr["intro"])
    table.update(content.SCOPE_EN)
    table[page.slug] = sr["slug_en"]
    return page, table


def build_history(home):
    sr = content.HISTORY
    english = read_national_office_english()
    facts = english["facts"]
    rows = [["", ""]] + [[label, value] for label, value, _label_en, _key in content.HISTORY_FACTS]
    table_value = {
        "data": rows[1:],
        "first_row_is_table_header": False,
        "first_col_is_header": True,
        "table_header_choice": "col",
        "table_caption": sr["facts_caption"][0],
    }
    body = [paragraph(text) for text in content.HISTORY_PARAGRAPHS_SR]
    body.append({"type": "table", "value": table_value})
    body.append(heading(sr["jurisdiction_heading"][0]))
    body += [paragraph(text) for text in content.HISTORY_ORGANISATION_SR]
    body.append(bullet_list(content.HISTORY_JURISDICTION_SR))
    page, _created = ensure_page(home, sr["title"][0], sr["intro"][0], body)

    table = pair_table(sr["title"], sr["intro"], sr["facts_caption"], sr["jurisdiction_heading"])
    table.update(zip(content.HISTORY_PARAGRAPHS_SR, english["paragraphs"], strict=True))
    table.update(zip(content.HISTORY_ORGANISATION_SR, english["organisation"], strict=True))
    table.update(zip(content.HISTORY_JURISDICTION_SR, english["jurisdiction"], strict=True))
    for label, value, label_en, key in content.HISTORY_FACTS:
        table[label] = label_en
        table[value] = facts[key] if key else content.HISTORY_FACT_EN_FALLBACK[label_en]
    table[page.slug] = sr["slug_en"]
    return page, table


def ensure_useful_links(locales) -> None:
    for position, (title, title_en, url) in enumerate(USEFUL_LINKS):
        link = UsefulLink.objects.filter(locale=locales["sr-cyrl"], url=url).first()
        if link is None:
            link = UsefulLink.objects.create(locale=locales["sr-cyrl"], title=title, url=url, sort_order=position)
        if not UsefulLink.objects.filter(translation_key=link.translation_key, locale=locales["en"]).exists():
            translate_with_table(link, locales["en"], {title: title_en})


def translate_page_if_missing(page, locale, table) -> None:
    if not page.has_translation(locale):
        translate_with_table(page, locale, table)


def build_demo_site(stdout=None, with_sections: bool = True) -> HomePage:
    """The office's site; `with_sections=False` stops after the pages of `home` (faster tests of one app)."""
    locales = ensure_locales()
    seed = read_novi_sad_office()
    home = ensure_home(locales)
    ensure_office_settings(Site.objects.get(is_default_site=True), seed)
    translate_page_if_missing(
        home, locales["en"], pair_table(content.HOME["title"], content.HOME["intro"], ("home", "home"))
    )
    for page, table in (build_about(home, seed), build_scope(home, seed), build_history(home)):
        translate_page_if_missing(page, locales["en"], table)
    ensure_useful_links(locales)
    if not with_sections:
        return home
    # The registry is its own app; the demo site includes a living library.
    from calls.demo import build_demo_calls
    from consultations.demo import build_demo_consultations
    from documents.demo import build_demo_registry
    from news.demo import build_demo_news
    from strategies.demo import build_demo_strategies

    # The registry first: the other sections link its documents, types and issuers.
    build_demo_registry(home, locales)
    build_demo_consultations(home, locales)
    build_demo_strategies(home, locales)
    build_demo_calls(home, locales)
    build_demo_news(home, locales)  # last: its events link the open consultation and call
    from search.demo import build_demo_promotions

    build_demo_promotions()
    return home
