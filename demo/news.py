"""Demo news and events of the Novi Sad office: three news items, a past round table with its
conclusions, an info day about a public call and a public hearing on the open consultation.

The texts, each with its English translation, are in demo/data/news.toml; the Latin twins
follow on publish. Dates are relative to today in Novi Sad. Safe to run again: what exists is
kept, and an event created before the call or consultation it belongs to gets its link on the
next run.
"""

import datetime
import io

from PIL import Image, ImageDraw, ImageFont

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from calls.models import CallPage
from consultations.models import ConsultationPage
from core.scripts import latin_slug
from documents.models import DocumentType, IssuingBody, RegistryDocument, Status
from news.models import EventFormat, EventIndexPage, EventPage, NewsIndexPage, NewsPage

from . import files
from .data import load, table
from .dates import belgrade_day, belgrade_today
from .documents import ensure_registry_document, registry_snippet, root_collection
from .pages import add_published, ensure_index_page, ordered_list, paragraph, publish, translate_if_missing
from .translation import translate_with_table

DATA = load("news")
NEWS = DATA["news"]
ROUND_TABLE, INFO_DAY, PUBLIC_HEARING = DATA["round_table"], DATA["info_day"], DATA["public_hearing"]
# The banner of a news item: the office's blue, white letters, a yellow rule.
BANNER_SIZE, BANNER_BLUE, BANNER_YELLOW = (1200, 675), (16, 58, 99), (242, 183, 5)


def lead_image(spec: dict):
    """A banner drawn here (no downloads): the building's name on the office's colour."""
    model = get_image_model()
    existing = model.objects.filter(title=spec["title"]).first()
    if existing:
        return existing
    canvas = Image.new("RGB", BANNER_SIZE, color=BANNER_BLUE)
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.truetype(str(files.BOLD_FONT_PATH), 64)
    for line_number, line in enumerate(spec["title"].split(", ")):
        draw.text((80, 220 + 90 * line_number), line, fill=(255, 255, 255), font=font)
    draw.rectangle((80, 420, 1120, 430), fill=BANNER_YELLOW)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = model(title=spec["title"], collection=root_collection())
    image.file = ImageFile(buffer, name=f"{latin_slug(spec['title'], max_length=60)}.png")
    image.save()
    return image


def new_news(index, item: dict) -> NewsPage:
    title = item["title"][0]
    page = NewsPage(
        title=title,
        slug=latin_slug(title),
        date=belgrade_today() - datetime.timedelta(days=item["days_ago"]),
        lead=item["lead"][0],
        body=[paragraph(sr) for sr, _en in item["body"]],
    )
    if "image" in item:
        page.lead_image = lead_image(item["image"])
        page.lead_image_alt = item["image"]["alt"][0]
    document = RegistryDocument.objects.filter(title=item.get("related_document", "")).first()
    if document:
        page.related_documents = [("document", document)]
    index.add_child(instance=page)
    page.tags.add(*item["topics"])
    return publish(page)


def ensure_news(index, locales, item: dict) -> NewsPage:
    title, title_en = item["title"]
    page = NewsPage.objects.child_of(index).filter(slug=latin_slug(title)).first() or new_news(index, item)
    english = table(item["title"], item["lead"], *item["body"], [page.slug, latin_slug(title_en)])
    if "image" in item:
        english[item["image"]["alt"][0]] = item["image"]["alt"][1]
    translate_if_missing(page, locales, english)
    return page


def ensure_minutes(locales) -> RegistryDocument:
    """The round table's conclusions, filed in the registry a few days after it."""
    spec = ROUND_TABLE["materials"]
    return ensure_registry_document(
        *spec["title"],
        "pdf",
        spec["paragraphs"],
        topics=spec["topics"],
        document_type=registry_snippet(DocumentType, spec["document_type"], locales),
        issuing_body=registry_snippet(IssuingBody, spec["issuer"], locales),
        date_adopted=belgrade_day(ROUND_TABLE["days"], 13).date(),
        date_published=belgrade_day(ROUND_TABLE["days"] + spec["published_days_after"], 9).date(),
        status=Status.IN_FORCE,
    )


def open_consultation(locales):
    return ConsultationPage.objects.live().open().filter(locale=locales["sr-cyrl"]).order_by("closes_at").first()


def call_to_apply_to(locales):
    """A call still ahead or open."""
    return CallPage.objects.live().not_closed().filter(locale=locales["sr-cyrl"]).order_by("closes_at").first()


def new_event(index, spec: dict, materials, related_page) -> EventPage:
    start, end = spec["hours"]
    title = spec["title"][0]
    page = EventPage(
        title=title,
        slug=latin_slug(title),
        starts_at=belgrade_day(spec["days"], start),
        ends_at=belgrade_day(spec["days"], end),
        place=spec["place"][0],
        format=EventFormat(spec["format"]),
        lead=spec["lead"][0],
        agenda=[ordered_list([sr for sr, _en in spec["agenda"]])],
        materials=[("document", materials)] if materials else [],
        related_page=related_page,
    )
    return add_published(index, page)


def ensure_event(index, locales, spec: dict, *, materials=None, related_page=None) -> EventPage:
    title, title_en = spec["title"]
    slug = latin_slug(title)
    page = EventPage.objects.child_of(index).filter(slug=slug).first()
    if page is None:
        page = new_event(index, spec, materials, related_page)
    linked_now = page.related_page_id is None and related_page is not None
    if linked_now:
        page.related_page = related_page
        publish(page)
    english = table(spec["title"], spec["lead"], spec["place"], *spec["agenda"], [slug, latin_slug(title_en)])
    if linked_now:
        translate_with_table(page, locales["en"], english)  # carry the new link over to the English page
    else:
        translate_if_missing(page, locales, english)
    return page


def build_demo_news(home, locales) -> tuple[NewsIndexPage, EventIndexPage]:
    news_index = ensure_index_page(home, locales, NewsIndexPage, DATA["news_index"])
    for item in NEWS:
        ensure_news(news_index, locales, item)
    event_index = ensure_index_page(home, locales, EventIndexPage, DATA["event_index"])
    ensure_event(event_index, locales, ROUND_TABLE, materials=ensure_minutes(locales))
    ensure_event(event_index, locales, INFO_DAY, related_page=call_to_apply_to(locales))
    ensure_event(event_index, locales, PUBLIC_HEARING, related_page=open_consultation(locales))
    return news_index, event_index
