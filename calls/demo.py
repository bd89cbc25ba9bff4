"""Demo calls: an open call for culture programmes with its forms, a closed one with its results.

The forms and the decision on allocation are generated registry documents, as editors would
upload them. The open call's dates are relative to now (Europe/Belgrade); the closed call is
the 2025 call for social protection. Safe to run again: what exists is kept.
"""

import datetime
import zoneinfo
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Collection

from core.scripts import latin_slug
from documents import demo_files
from documents.demo import ensure_translated_snippets
from documents.models import DocumentType, IssuingBody, RegistryDocument, Status
from home.demo.translation import translate_with_table

from .models import Award, CallIndexPage, CallKind, CallPage, FundingArea, FundingTransparencyPage

BELGRADE = zoneinfo.ZoneInfo("Europe/Belgrade")
CITY = "Град Нови Сад"

AREAS = [
    ("Култура", "Culture"),
    ("Социјална заштита", "Social protection"),
    ("Особе са инвалидитетом", "Persons with disabilities"),
    ("Омладина", "Youth"),
    ("Заштита животне средине", "Environmental protection"),
    ("Развој цивилног друштва", "Civil society development"),
]

INDEX = {
    "title": ("Јавни конкурси", "Public calls"),
    "intro": (
        "Јавни конкурси Града Новог Сада за финансирање програма и пројеката удружења: услови, обрасци за "
        "пријаву, рокови и резултати, са износом који је добила свака организација.",
        "Public calls of the City of Novi Sad for financing programmes and projects of associations: conditions, "
        "application forms, deadlines and results, with the amount each organisation received.",
    ),
    "slug_en": "calls",
}
TRANSPARENCY = {
    "title": ("Транспарентност финансирања", "Funding transparency"),
    "intro": (
        "Колико је средстава из буџета Града додељено удружењима, по годинама, областима и организацијама. "
        "Подаци се преузимају као отворени подаци у форматима CSV и JSON.",
        "How much of the City budget was awarded to associations, by year, area and organisation. The data can "
        "be downloaded as open data in CSV and JSON.",
    ),
    "slug_en": "funding-transparency",
}

LEGAL_BASIS_SR = (
    "Закон о удружењима („Службени гласник РС“, бр. 51/2009, 99/2011 – др. закон и 44/2018 – др. закон), "
    "члан 38; Уредба о средствима за подстицање програма или недостајућег дела средстава за финансирање "
    "програма од јавног интереса која реализују удружења („Службени гласник РС“, број 16/2018)"
)
LEGAL_BASIS_EN = (
    "Law on Associations (Official Gazette of the Republic of Serbia, nos. 51/2009, 99/2011 and 44/2018), "
    "Article 38; Regulation on funds for encouraging programmes of public interest implemented by associations "
    "(Official Gazette of the Republic of Serbia, no. 16/2018)"
)

ELIGIBILITY_INTRO = (
    "Право учешћа на конкурсу имају удружења која испуњавају следеће услове:",
    "Associations may apply if they meet the following conditions:",
)
ELIGIBILITY_COMMON = [
    (
        "уписана су у регистар који води Агенција за привредне регистре најмање годину дана пре објављивања конкурса;",
        "they have been entered in the register kept by the Serbian Business Registers Agency for at least one year "
        "before the call was published;",
    ),
    (
        "имају седиште или огранак на територији Града Новог Сада;",
        "they have their seat or a branch in the City of Novi Sad;",
    ),
    (
        "нису у поступку ликвидације, стечаја или забране обављања делатности;",
        "they are not in liquidation or bankruptcy and their activity has not been banned;",
    ),
    (
        "уредно су испунила уговорне обавезе према Граду из ранијих конкурса.",
        "they have fulfilled their contractual obligations to the City from earlier calls.",
    ),
]

# --------------------------------------------------------------------------
# The open call: culture 2026, with two forms
# --------------------------------------------------------------------------

OPEN = {
    "title": (
        "Јавни конкурс за финансирање програма удружења у области културе 2026",
        "Public call for financing programmes of associations in the field of culture 2026",
    ),
    "slug_en": "culture-programmes-2026",
    "summary": (
        "Град Нови Сад додељује 6.000.000 динара за програме удружења у области културе: књижевне вечери, "
        "ликовне и музичке радионице, очување нематеријалног наслеђа и културни живот у месним заједницама. "
        "Пријаве се подносе на прописаним обрасцима до истека рока.",
        "The City of Novi Sad awards RSD 6,000,000 for programmes of associations in the field of culture: "
        "literary evenings, art and music workshops, preserving intangible heritage and cultural life in local "
        "communities. Applications are made on the prescribed forms before the deadline.",
    ),
    "budget_line": (
        "Раздео 09 – Градска управа за културу, Програм 1201, економска класификација 481 – дотације невладиним "
        "организацијама",
        "Section 09 – City Administration for Culture, Programme 1201, economic classification 481 – grants to "
        "non-governmental organisations",
    ),
    "area_condition": (
        "циљеви удружења, према статуту, остварују се у области културе;",
        "according to their statutes, their goals are in the field of culture;",
    ),
    "total": Decimal("6000000"),
    "max": Decimal("500000"),
}
FORMS = [
    (
        "Образац 1 – Пријава на јавни конкурс за финансирање програма удружења у области културе 2026",
        "Form 1 – Application for the public call for culture programmes 2026",
        "docx",
        [
            "Подаци о удружењу: назив, седиште, матични број, порески идентификациони број.",
            "Назив програма, област, циљеви, циљне групе и очекивани резултати.",
            "План активности по месецима и место реализације програма.",
            "Изјава овлашћеног лица да су подаци у пријави тачни.",
        ],
    ),
    (
        "Образац 2 – Буџет програма",
        "Form 2 – Programme budget",
        "pdf",
        [
            "Буџет програма исказује се у динарима, по врстама трошкова: људски ресурси, путни трошкови, "
            "материјални трошкови и административни трошкови.",
            "Административни трошкови не могу бити већи од 10% укупног буџета програма.",
            "Уз буџет се наводе и други извори финансирања програма, ако постоје.",
        ],
    ),
]

# --------------------------------------------------------------------------
# The closed call: social protection 2025, with its results
# --------------------------------------------------------------------------

CLOSED = {
    "title": (
        "Јавни конкурс за финансирање програма удружења у области социјалне заштите 2025",
        "Public call for financing programmes of associations in the field of social protection 2025",
    ),
    "slug_en": "social-protection-programmes-2025",
    "summary": (
        "Град Нови Сад доделио је 4.000.000 динара за програме удружења који подржавају старије суграђане, особе "
        "са инвалидитетом и породице у кризи. Конкурс је затворен, а резултати су објављени.",
        "The City of Novi Sad awarded RSD 4,000,000 for programmes of associations supporting older citizens, "
        "persons with disabilities and families in crisis. The call is closed and its results are published.",
    ),
    "budget_line": (
        "Раздео 12 – Градска управа за социјалну и дечију заштиту, Програм 0901, економска класификација 481",
        "Section 12 – City Administration for Social and Child Protection, Programme 0901, economic classification 481",
    ),
    "area_condition": (
        "циљеви удружења, према статуту, остварују се у области социјалне заштите;",
        "according to their statutes, their goals are in the field of social protection;",
    ),
    "results_note": (
        "Конкурсна комисија оценила је 14 пријава. На основу предлога комисије, Градоначелник је донео решење о "
        "расподели средстава за шест програма.",
        "The evaluation committee assessed 14 applications. On the committee's proposal, the Mayor adopted the "
        "decision allocating funds to six programmes.",
    ),
    "total": Decimal("4000000"),
    "max": Decimal("1000000"),
    "opens_at": datetime.datetime(2025, 2, 3, 9, 0, tzinfo=BELGRADE),
    "closes_at": datetime.datetime(2025, 3, 5, 15, 0, tzinfo=BELGRADE),
    "results_published_at": datetime.datetime(2025, 4, 14, 12, 0, tzinfo=BELGRADE),
}
DECISION = (
    "Решење о расподели средстава по Јавном конкурсу за финансирање програма удружења у области социјалне заштите 2025",
    "Decision on the allocation of funds under the public call for social protection programmes 2025",
)
# (organisation, registration number, programme, requested, awarded, score)
AWARDS = [
    (
        "Удружење особа са инвалидитетом „Корак напред“",
        "08872145",
        "Персонална асистенција за младе са инвалидитетом",
        "1200000",
        "1000000",
        "92.5",
    ),
    ("Центар за развој волонтеризма", "28103347", "Волонтери за старије суграђане", "800000", "700000", "88"),
    (
        "Удружење родитеља деце са сметњама у развоју „Осмех“",
        "28633018",
        "Инклузивне радионице за децу и родитеље",
        "500000",
        "500000",
        "86",
    ),
    (
        "Удружење грађана „Отворена врата“",
        "28512390",
        "Саветовалиште за породице у кризи",
        "750000",
        "600000",
        "84",
    ),
    (
        "Удружење пензионера Детелинаре",
        "08791634",
        "Клуб за старије: дневне активности и дружење",
        "600000",
        "450000",
        "81",
    ),
    (
        "Мрежа удружења Подбара–Салајка",
        "28219058",
        "Помоћ у кући за самачка домаћинства",
        "900000",
        "650000",
        "76.5",
    ),
]


def belgrade_day(days: int, hour: int) -> datetime.datetime:
    """`days` from today in Novi Sad, at `hour` o'clock local time."""
    today = timezone.now().astimezone(BELGRADE).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(today, datetime.time(hour), tzinfo=BELGRADE)


def rich_eligibility(area_condition: str) -> str:
    items = [
        ELIGIBILITY_COMMON[0][0],
        ELIGIBILITY_COMMON[1][0],
        area_condition,
        *(c[0] for c in ELIGIBILITY_COMMON[2:]),
    ]
    return f"<p>{escape(ELIGIBILITY_INTRO[0])}</p><ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def eligibility_table(area_condition: tuple[str, str]) -> dict[str, str]:
    return dict([ELIGIBILITY_INTRO, area_condition, *ELIGIBILITY_COMMON])


def ensure_document(title: str, title_en: str, file_format: str, paragraphs: list[str], **fields) -> RegistryDocument:
    document = RegistryDocument.objects.filter(title=title).first()
    if document is not None:
        return document
    # A flushed database (transactional tests) has no root collection yet.
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    document = RegistryDocument(
        title=title, title_en=title_en, collection=collection, summary=paragraphs[0], published=True, **fields
    )
    if file_format == "pdf":
        data = demo_files.pdf_document(title, paragraphs)
    else:
        data = demo_files.docx_document(title, paragraphs)
    document.file.save(f"{latin_slug(title, max_length=60)}.{file_format}", ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    document.tags.add("конкурс", "финансирање")
    return document


def registry_snippet(model, name: str, locales):
    return model.objects.filter(locale=locales["sr-cyrl"], name=name).first()


def ensure_listing_page(home, locales, model, content: dict):
    title, title_en = content["title"]
    page = model.objects.child_of(home).first()
    if page is None:
        page = model(title=title, slug=latin_slug(title), intro=content["intro"][0], show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
    if not page.has_translation(locales["en"]):
        translate_with_table(
            page,
            locales["en"],
            {title: title_en, content["intro"][0]: content["intro"][1], page.slug: content["slug_en"]},
        )
    return page


def call_table(page, content: dict) -> dict[str, str]:
    table = dict([content["title"], content["summary"], content["budget_line"], (LEGAL_BASIS_SR, LEGAL_BASIS_EN)])
    table.update(eligibility_table(content["area_condition"]))
    if "results_note" in content:
        table[content["results_note"][0]] = content["results_note"][1]
    table[page.slug] = content["slug_en"]
    return table


def new_call(index, content: dict, areas: list[FundingArea], **fields) -> CallPage:
    title = content["title"][0]
    page = CallPage(
        title=title,
        slug=latin_slug(title),
        kind=CallKind.PROGRAMMES,
        summary=content["summary"][0],
        legal_basis=LEGAL_BASIS_SR,
        budget_line=content["budget_line"][0],
        total_amount=content["total"],
        max_per_project=content["max"],
        eligibility=rich_eligibility(content["area_condition"][0]),
        **fields,
    )
    page.areas = areas
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_open_call(index, areas, locales) -> CallPage:
    page = CallPage.objects.child_of(index).filter(slug=latin_slug(OPEN["title"][0])).first()
    if page is None:
        form_type = registry_snippet(DocumentType, "Образац", locales)
        city = registry_snippet(IssuingBody, CITY, locales)
        published = timezone.now().astimezone(BELGRADE).date() - datetime.timedelta(days=5)
        forms = [
            ensure_document(
                title,
                title_en,
                file_format,
                paragraphs,
                document_type=form_type,
                issuing_body=city,
                date_published=published,
                status=Status.IN_FORCE,
            )
            for title, title_en, file_format, paragraphs in FORMS
        ]
        page = new_call(
            index,
            OPEN,
            [areas["Култура"]],
            opens_at=belgrade_day(-5, 9),
            closes_at=belgrade_day(20, 15),
            application_documents=[("document", form) for form in forms],
        )
    if not page.has_translation(locales["en"]):
        translate_with_table(page, locales["en"], call_table(page, OPEN))
    return page


def decision_paragraphs() -> list[str]:
    paragraphs = [
        "На основу члана 38. Закона о удружењима и предлога конкурсне комисије, доноси се решење о расподели "
        "средстава по Јавном конкурсу за финансирање програма удружења у области социјалне заштите 2025."
    ]
    for name, number, project, _requested, awarded, _score in AWARDS:
        amount = f"{int(awarded):,}".replace(",", ".")
        paragraphs.append(f"{name}, матични број {number}: „{project}“ – {amount} динара.")
    return paragraphs


def ensure_closed_call(index, areas, locales) -> CallPage:
    page = CallPage.objects.child_of(index).filter(slug=latin_slug(CLOSED["title"][0])).first()
    if page is None:
        decision = ensure_document(
            *DECISION,
            "pdf",
            decision_paragraphs(),
            document_type=registry_snippet(DocumentType, "Решење", locales),
            issuing_body=registry_snippet(IssuingBody, CITY, locales),
            date_adopted=CLOSED["results_published_at"].date() - datetime.timedelta(days=3),
            date_published=CLOSED["results_published_at"].date(),
            reference_number="XII-401-3/2025-88",
            status=Status.IN_FORCE,
        )
        page = new_call(
            index,
            CLOSED,
            [areas["Социјална заштита"], areas["Особе са инвалидитетом"]],
            opens_at=CLOSED["opens_at"],
            closes_at=CLOSED["closes_at"],
            results_published_at=CLOSED["results_published_at"],
            results_note=CLOSED["results_note"][0],
            decision=decision,
            awards=[
                Award(
                    organisation_name=name,
                    registration_number=number,
                    project_title=project,
                    amount_requested=Decimal(requested),
                    amount_awarded=Decimal(awarded),
                    score=Decimal(score),
                    sort_order=position,
                )
                for position, (name, number, project, requested, awarded, score) in enumerate(AWARDS)
            ],
        )
    if not page.has_translation(locales["en"]):
        translate_with_table(page, locales["en"], call_table(page, CLOSED))
    return page


def build_demo_calls(home, locales) -> CallIndexPage:
    areas = ensure_translated_snippets(
        FundingArea, AREAS, locales, **{name: {"sort_order": i} for i, (name, _en) in enumerate(AREAS)}
    )
    index = ensure_listing_page(home, locales, CallIndexPage, INDEX)
    ensure_open_call(index, areas, locales)
    ensure_closed_call(index, areas, locales)
    ensure_listing_page(home, locales, FundingTransparencyPage, TRANSPARENCY)
    return index
