"""Demo news and events of the Novi Sad office: three news items, a past round table with its
conclusions, an info day about a public call and a public hearing on the open consultation.

Every text comes with its English translation, so the English site has news and events too;
the Latin twins follow on publish. Dates are relative to today in Novi Sad. Safe to run again:
what exists is kept, and an event created before the call or consultation it belongs to gets
its link on the next run.
"""

import datetime
import io
import zoneinfo

from PIL import Image, ImageDraw, ImageFont

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import escape

from wagtail.images import get_image_model
from wagtail.models import Collection

from core.scripts import latin_slug
from documents import demo_files
from documents.models import DocumentType, IssuingBody, RegistryDocument, Status
from home.demo.translation import translate_with_table

from .models import EventFormat, EventIndexPage, EventPage, NewsIndexPage, NewsPage

BELGRADE = zoneinfo.ZoneInfo("Europe/Belgrade")
DISTRICT = (
    "Креативни дистрикт, Булевар деспота Стефана 5, Нови Сад",
    "Creative District, 5 Despota Stefana Blvd, Novi Sad",
)

NEWS_INDEX = {
    "title": ("Вести", "News"),
    "intro": (
        "Вести Канцеларије за сарадњу са цивилним друштвом: конкурси, обуке, консултације и сарадња Града и удружења.",
        "News of the Office for Cooperation with Civil Society: calls, trainings, consultations and cooperation "
        "between the City and associations.",
    ),
    "slug_en": "news",
}
EVENT_INDEX = {
    "title": ("Догађаји", "Events"),
    "intro": (
        "Округли столови, конференције, обуке, инфо дани и јавне расправе које организује Канцеларија. "
        "Календар догађаја можете пратити и у својој апликацији за календар.",
        "Round tables, conferences, trainings, info days and public hearings organised by the Office. "
        "You can also follow the events calendar in your calendar app.",
    ),
    "slug_en": "events",
}

# Each news item: (Cyrillic, English) pairs; days before today; topics; body paragraphs.
NEWS = [
    {
        "title": (
            "Канцеларија ради у новом простору у Креативном дистрикту",
            "The Office now works in new premises in the Creative District",
        ),
        "lead": (
            "Канцеларија за сарадњу са цивилним друштвом уселила се у Објекат 2 Креативног дистрикта, где удружења "
            "могу да дођу на консултације, састанке и обуке.",
            "The Office for Cooperation with Civil Society has moved into Building 2 of the Creative District, where "
            "associations can come for consultations, meetings and trainings.",
        ),
        "days_ago": 40,
        "topics": ["Канцеларија", "Креативни дистрикт"],
        "image": {
            "title": "Креативни дистрикт, Објекат 2",
            "alt": (
                "Натпис „Креативни дистрикт, Објекат 2“ на плавој подлози",
                "The sign “Creative District, Building 2” on a blue background",
            ),
        },
        "body": [
            (
                "Нови простор на Булевару деспота Стефана 5 има салу за састанке за тридесетак људи, коју удружења "
                "могу да користе без накнаде уз претходну најаву.",
                "The new premises at 5 Despota Stefana Boulevard have a meeting room for about thirty people, which "
                "associations may use free of charge when they book in advance.",
            ),
            (
                "Консултације о писању пројеката, регистрацији и извештавању одржавају се уторком и четвртком од 10 "
                "до 14 часова.",
                "Consultations on writing projects, registration and reporting are held on Tuesdays and Thursdays "
                "from 10 am to 2 pm.",
            ),
        ],
    },
    {
        "title": (
            "Обука за удружења: како написати добар предлог пројекта",
            "Training for associations: how to write a good project proposal",
        ),
        "lead": (
            "Више од четрдесет представника удружења прошло је дводневну обуку о планирању, буџетирању и праћењу "
            "пројеката финансираних из буџета Града.",
            "More than forty representatives of associations took part in a two-day training on planning, budgeting "
            "and monitoring projects financed from the City budget.",
        ),
        "days_ago": 12,
        "topics": ["обука", "пројекти"],
        "body": [
            (
                "Учесници су радили на логичкој матрици, индикаторима и буџету пројекта, а предавачи су представили "
                "најчешће грешке из претходних конкурса.",
                "Participants worked on the logical framework, indicators and the project budget, and the trainers "
                "presented the most common mistakes in previous calls.",
            ),
            (
                "Презентације са обуке доступне су у регистру докумената, а следећа обука биће одржана на јесен.",
                "The presentations from the training are available in the document registry, and the next training "
                "will be held in the autumn.",
            ),
        ],
    },
    {
        "title": (
            "Најављен јавни конкурс за финансирање програма удружења",
            "Public call for financing programmes of associations announced",
        ),
        "lead": (
            "Град Нови Сад ове године расписује јавни конкурс за финансирање програма од јавног интереса које "
            "реализују удружења; инфо дан за заинтересоване биће одржан пре отварања конкурса.",
            "The City of Novi Sad will announce a public call for financing programmes of public interest implemented "
            "by associations this year; an info day for those interested will be held before the call opens.",
        ),
        "days_ago": 3,
        "topics": ["конкурс", "финансирање"],
        "related_document": "Резултати јавног конкурса за финансирање програма удружења 2024",
        "body": [
            (
                "Конкурс обухвата програме у области социјалне заштите, заштите животне средине, културе, омладине и "
                "развоја цивилног друштва.",
                "The call covers programmes in social protection, environmental protection, culture, youth and the "
                "development of civil society.",
            ),
            (
                "Резултати прошлогодишњег конкурса објављени су у регистру докумената.",
                "The results of last year's call are published in the document registry.",
            ),
        ],
    },
]

ROUND_TABLE = {
    "title": (
        "Округли сто: сарадња Града и цивилног друштва",
        "Round table: cooperation between the City and civil society",
    ),
    "lead": (
        "Представници Градске управе и више од тридесет удружења разговарали су о томе како да сарадња Града и "
        "цивилног друштва буде редовнија, отворенија и заснована на подацима.",
        "Representatives of the City Administration and more than thirty associations discussed how cooperation "
        "between the City and civil society can become more regular, more open and based on data.",
    ),
    "place": DISTRICT,
    "format": EventFormat.ROUND_TABLE,
    "days": -20,
    "hours": (10, 13),
    "agenda": [
        ("Поздравна реч и циљеви округлог стола", "Welcome and aims of the round table"),
        (
            "Искуства удружења у сарадњи са органима Града",
            "Associations' experience of cooperating with City bodies",
        ),
        ("Јавне консултације о прописима: шта да унапредимо", "Public consultations on regulations: what to improve"),
        ("Закључци и следећи кораци", "Conclusions and next steps"),
    ],
    "materials": {
        "title": "Закључци са округлог стола: сарадња Града и цивилног друштва",
        "title_en": "Conclusions of the round table: cooperation between the City and civil society",
        "paragraphs": [
            "Учесници округлог стола сагласили су се да се јавне консултације о прописима који се тичу удружења "
            "објављују на порталу Канцеларије најмање 20 дана пре истека рока.",
            "Канцеларија ће два пута годишње организовати састанке са удружењима о спровођењу стратегије за "
            "подстицајно окружење за развој цивилног друштва.",
            "Резултати јавних конкурса објављиваће се као отворени подаци, по удружењу и по програму.",
        ],
    },
}
INFO_DAY = {
    "title": (
        "Инфо дан: јавни конкурс за финансирање програма удружења",
        "Info day: public call for financing programmes of associations",
    ),
    "lead": (
        "Представљамо услове конкурса, критеријуме за оцену и обрасце за пријаву, и одговарамо на питања удружења.",
        "We present the conditions of the call, the evaluation criteria and the application forms, and answer "
        "associations' questions.",
    ),
    "place": DISTRICT,
    "format": EventFormat.INFO_DAY,
    "days": 10,
    "hours": (11, 13),
    "agenda": [
        ("Услови конкурса и ко може да се пријави", "Conditions of the call and who may apply"),
        ("Критеријуми за оцену програма", "Criteria for evaluating programmes"),
        ("Обрасци и буџет програма", "Forms and the programme budget"),
        ("Питања и одговори", "Questions and answers"),
    ],
}
PUBLIC_HEARING = {
    "title": (
        "Јавна расправа о нацрту одлуке о финансирању програма удружења",
        "Public hearing on the draft decision on financing programmes of associations",
    ),
    "lead": (
        "Јавна расправа о нацрту одлуке која је на јавним консултацијама: предлагачи представљају нацрт, а удружења "
        "износе примедбе и предлоге.",
        "A public hearing on the draft decision under public consultation: the drafters present the draft and "
        "associations put forward their comments and proposals.",
    ),
    "place": (
        "Градска кућа, Трг слободе 1, Нови Сад, велика сала",
        "City Hall, 1 Freedom Square, Novi Sad, main hall",
    ),
    "format": EventFormat.PUBLIC_HEARING,
    "days": 14,
    "hours": (12, 14),
    "agenda": [
        ("Представљање нацрта одлуке", "Presentation of the draft decision"),
        ("Примедбе и предлози удружења", "Comments and proposals of associations"),
        ("Како коментарисати нацрт на порталу", "How to comment on the draft on the portal"),
    ],
}


def belgrade_at(days: int, hour: int) -> datetime.datetime:
    """`days` from today in Novi Sad, at `hour` o'clock local time."""
    day = timezone.now().astimezone(BELGRADE).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=BELGRADE)


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{escape(text)}</p>"}


def ordered_list(items: list[str]) -> dict:
    return {"type": "paragraph", "value": "<ol>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ol>"}


def root_collection():
    # A flushed database (transactional tests) has no root collection yet.
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def ensure_index(home, locales, model, content: dict):
    title, title_en = content["title"]
    index = model.objects.child_of(home).first()
    if index is None:
        index = model(title=title, slug=latin_slug(title), intro=content["intro"][0], show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    if not index.has_translation(locales["en"]):
        table = {title: title_en, content["intro"][0]: content["intro"][1], index.slug: content["slug_en"]}
        translate_with_table(index, locales["en"], table)
    return index.specific


def translate_if_missing(page, locales, table: dict) -> None:
    if not page.has_translation(locales["en"]):
        translate_with_table(page, locales["en"], table)


def lead_image(spec: dict):
    """A banner drawn here (no downloads): the building's name on the office's colour."""
    model = get_image_model()
    existing = model.objects.filter(title=spec["title"]).first()
    if existing:
        return existing
    canvas = Image.new("RGB", (1200, 675), color=(16, 58, 99))
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.truetype(str(demo_files.BOLD_FONT_PATH), 64)
    for line_number, line in enumerate(spec["title"].split(", ")):
        draw.text((80, 220 + 90 * line_number), line, fill=(255, 255, 255), font=font)
    draw.rectangle((80, 420, 1120, 430), fill=(242, 183, 5))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = model(title=spec["title"], collection=root_collection())
    image.file = ImageFile(buffer, name=f"{latin_slug(spec['title'], max_length=60)}.png")
    image.save()
    return image


def ensure_news(index, locales, item: dict) -> NewsPage:
    title, title_en = item["title"]
    slug = latin_slug(title)
    page = NewsPage.objects.child_of(index).filter(slug=slug).first()
    table = {title: title_en, item["lead"][0]: item["lead"][1], slug: latin_slug(title_en)}
    table.update(dict(item["body"]))
    if page is None:
        page = NewsPage(
            title=title,
            slug=slug,
            date=timezone.now().astimezone(BELGRADE).date() - datetime.timedelta(days=item["days_ago"]),
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
        page.save_revision().publish()
    if "image" in item:
        table[item["image"]["alt"][0]] = item["image"]["alt"][1]
    translate_if_missing(page, locales, table)
    return page


def ensure_minutes(locales) -> RegistryDocument:
    spec = ROUND_TABLE["materials"]
    document = RegistryDocument.objects.filter(title=spec["title"]).first()
    if document is not None:
        return document
    document = RegistryDocument(
        title=spec["title"],
        title_en=spec["title_en"],
        collection=root_collection(),
        document_type=DocumentType.objects.filter(locale=locales["sr-cyrl"], name="Записник").first(),
        issuing_body=IssuingBody.objects.filter(locale=locales["sr-cyrl"], name="Град Нови Сад").first(),
        date_adopted=belgrade_at(ROUND_TABLE["days"], 13).date(),
        date_published=belgrade_at(ROUND_TABLE["days"] + 3, 9).date(),
        status=Status.IN_FORCE,
        summary=spec["paragraphs"][0],
        published=True,
    )
    data = demo_files.pdf_document(spec["title"], spec["paragraphs"])
    document.file.save(f"{latin_slug(spec['title'], max_length=60)}.pdf", ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    document.tags.add("округли сто", "сарадња")
    return document


def open_consultation(locales):
    from consultations.models import ConsultationPage

    return ConsultationPage.objects.live().open().filter(locale=locales["sr-cyrl"]).order_by("closes_at").first()


def call_to_apply_to(locales):
    """A call still ahead or open, if the calls app has one (its demo may run after this one)."""
    try:
        call_model = apps.get_model("calls", "CallPage")
    except LookupError:
        return None
    return call_model.objects.live().not_closed().filter(locale=locales["sr-cyrl"]).order_by("closes_at").first()


def ensure_event(index, locales, spec: dict, *, materials=None, related_page=None) -> EventPage:
    title, title_en = spec["title"]
    slug = latin_slug(title)
    page = EventPage.objects.child_of(index).filter(slug=slug).first()
    if page is None:
        start, end = spec["hours"]
        page = EventPage(
            title=title,
            slug=slug,
            starts_at=belgrade_at(spec["days"], start),
            ends_at=belgrade_at(spec["days"], end),
            place=spec["place"][0],
            format=spec["format"],
            lead=spec["lead"][0],
            agenda=[ordered_list([sr for sr, _en in spec["agenda"]])],
            materials=[("document", materials)] if materials else [],
            related_page=related_page,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    linked_now = page.related_page_id is None and related_page is not None
    if linked_now:
        page.related_page = related_page
        page.save_revision().publish()
    table = {
        title: title_en,
        spec["lead"][0]: spec["lead"][1],
        spec["place"][0]: spec["place"][1],
        slug: latin_slug(title_en),
    }
    table.update(dict(spec["agenda"]))
    if linked_now:
        translate_with_table(page, locales["en"], table)  # carry the new link over to the English page
    else:
        translate_if_missing(page, locales, table)
    return page


def build_demo_news(home, locales) -> tuple[NewsIndexPage, EventIndexPage]:
    news_index = ensure_index(home, locales, NewsIndexPage, NEWS_INDEX)
    for item in NEWS:
        ensure_news(news_index, locales, item)
    event_index = ensure_index(home, locales, EventIndexPage, EVENT_INDEX)
    ensure_event(event_index, locales, ROUND_TABLE, materials=ensure_minutes(locales))
    ensure_event(event_index, locales, INFO_DAY, related_page=call_to_apply_to(locales))
    ensure_event(event_index, locales, PUBLIC_HEARING, related_page=open_consultation(locales))
    return news_index, event_index
