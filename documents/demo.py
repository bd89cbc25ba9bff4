"""Demo registry: document types, issuing bodies, a library page and a handful of real files.

The files are generated here (PDF/DOCX/ODT/XLSX with Cyrillic text), so `make run` shows a
living library without downloading anything. Safe to run again: what exists is kept.
"""

import datetime

from django.core.files.base import ContentFile

from wagtail.models import Collection

from core.scripts import latin_slug
from home.demo.translation import translate_with_table

from . import demo_files
from .models import DocumentLibraryPage, DocumentType, IssuingBody, RegistryDocument, Status

DOCUMENT_TYPES = [
    ("Стратегија", "Strategy"),
    ("Акциони план", "Action plan"),
    ("Извештај", "Report"),
    ("Нацрт акта", "Draft act"),
    ("Усвојени акт", "Adopted act"),
    ("Решење", "Decision"),
    ("Јавни конкурс", "Public call"),
    ("Резултати конкурса", "Call results"),
    ("Образац", "Form"),
    ("Записник", "Minutes"),
    ("Публикација", "Publication"),
    ("Остало", "Other"),
]

NATIONAL_OFFICE = "Канцеларија за сарадњу с цивилним друштвом Владе Републике Србије"
MINISTRY = "Министарство за људска и мањинска права и друштвени дијалог"
ISSUING_BODIES = [
    ("Град Нови Сад", "City of Novi Sad", None, ""),
    ("Градско веће Града Новог Сада", "City Council of the City of Novi Sad", None, ""),
    ("Влада Републике Србије", "Government of the Republic of Serbia", None, ""),
    (NATIONAL_OFFICE, "Office for Cooperation with Civil Society of the Government of Serbia", 2020, MINISTRY),
    (MINISTRY, "Ministry of Human and Minority Rights and Social Dialogue", None, ""),
]

LIBRARY = {"title": ("Документи", "Documents"), "slug_en": "documents"}
LIBRARY_INTRO = (
    "Регистар докумената Канцеларије: стратегије, акциони планови, извештаји, конкурси, обрасци и записници.",
    "The Office's document registry: strategies, action plans, reports, calls, forms and minutes.",
)

# (title, English title, type, issuer, adopted, number, status, topics, format, paragraphs)
DOCUMENTS = [
    (
        "Решење о образовању Канцеларије за сарадњу са цивилним друштвом",
        "Decision establishing the Office for Cooperation with Civil Society",
        "Решење",
        "Градско веће Града Новог Сада",
        datetime.date(2021, 12, 15),
        "II-020-2/2021-1245",
        Status.IN_FORCE,
        ["оснивање", "Канцеларија"],
        "pdf",
        [
            "На основу члана 52. Статута Града Новог Сада, Градско веће Града Новог Сада доноси решење о "
            "образовању Канцеларије за сарадњу са цивилним друштвом у оквиру Градске управе за опште послове.",
            "Канцеларија се образује ради укључивања организација цивилног друштва у дијалог и партнерски "
            "однос са институцијама Града Новог Сада.",
            "Канцеларија обавља послове иницирања дијалога, праћења стратешких докумената и подршке "
            "удружењима у локалној заједници. Ово решење ступа на снагу осмог дана од дана објављивања.",
        ],
    ),
    (
        "Стратегија за стварање подстицајног окружења за развој цивилног друштва 2022–2030",
        "Strategy for an enabling environment for civil society development 2022–2030",
        "Стратегија",
        "Влада Републике Србије",
        datetime.date(2022, 2, 10),
        "05 број 021-1234/2022",
        Status.IN_FORCE,
        ["стратегија", "подстицајно окружење"],
        "pdf",
        [
            "Општи циљ Стратегије је стварање подстицајног окружења за развој цивилног друштва, уз "
            "транспарентно финансирање и учешће грађана у доношењу одлука.",
            "Посебни циљеви обухватају унапређење правног оквира, одрживост удружења и волонтеризам.",
            "Спровођење прате органи државне управе и јединице локалне самоуправе кроз акционе планове.",
        ],
    ),
    (
        "Јавни конкурс за финансирање програма удружења из буџета Града Новог Сада за 2024. годину",
        "Public call for financing programmes of associations from the City budget for 2024",
        "Јавни конкурс",
        "Град Нови Сад",
        datetime.date(2024, 2, 1),
        "XIII-401-1/2024",
        Status.EXPIRED,
        ["финансирање", "конкурс"],
        "docx",
        [
            "Град Нови Сад расписује јавни конкурс за финансирање програма од јавног интереса које реализују удружења.",
            "Право учешћа имају удружења уписана у регистар које води Агенција за привредне регистре.",
            "Рок за подношење пријава је 30 дана од дана објављивања конкурса.",
        ],
    ),
    (
        "Образац пријаве на јавни конкурс",
        "Application form for the public call",
        "Образац",
        "Град Нови Сад",
        datetime.date(2024, 2, 1),
        "",
        Status.IN_FORCE,
        ["конкурс"],
        "odt",
        [
            "Назив удружења, матични број и порески идентификациони број.",
            "Назив програма, циљеви, активности и буџет програма.",
        ],
    ),
    (
        "Извештај о раду Канцеларије за сарадњу с цивилним друштвом за 2019. годину",
        "Annual report of the Office for Cooperation with Civil Society for 2019",
        "Извештај",
        NATIONAL_OFFICE,
        datetime.date(2020, 3, 31),
        "",
        Status.IN_FORCE,
        ["извештај"],
        "pdf",
        [
            "Канцеларија је током 2019. године организовала консултације о нацртима прописа и пружала "
            "подршку организацијама цивилног друштва.",
            "Збирни извештај о утрошку средстава из буџета Републике Србије додељених удружењима достављен је Влади.",
        ],
    ),
    (
        "Записник са округлог стола о сарадњи са цивилним друштвом",
        "Minutes of the round table on cooperation with civil society",
        "Записник",
        "Град Нови Сад",
        datetime.date(2023, 5, 18),
        "",
        Status.IN_FORCE,
        ["округли сто"],
        "scan",
        [
            "Записник са округлог стола",
            "Нови Сад, 18. мај 2023.",
            "Присутни: представници удружења",
        ],
    ),
    (
        "Резултати јавног конкурса за финансирање програма удружења 2024",
        "Results of the public call for financing programmes of associations 2024",
        "Резултати конкурса",
        "Град Нови Сад",
        datetime.date(2024, 4, 15),
        "XIII-401-1/2024-55",
        Status.IN_FORCE,
        ["финансирање", "конкурс"],
        "xlsx",
        [
            ["Удружење", "Програм", "Одобрено (РСД)"],
            ["Удружење грађана „Зелени Нови Сад“", "Еколошка радионица", 450000],
            ["Центар за развој волонтеризма", "Волонтерски сервис", 380000],
        ],
    ),
]


def build_file(file_format: str, title: str, paragraphs: list) -> tuple[str, bytes]:
    if file_format == "pdf":
        return "pdf", demo_files.pdf_document(title, paragraphs)
    if file_format == "scan":
        return "pdf", demo_files.scanned_pdf([title, *paragraphs])
    if file_format == "docx":
        return "docx", demo_files.docx_document(title, paragraphs)
    if file_format == "odt":
        return "odt", demo_files.odt_document(title, paragraphs)
    return "xlsx", demo_files.xlsx_workbook(paragraphs)


def ensure_translated_snippets(model, rows, locales, **fields_for) -> dict[str, object]:
    """Create each Cyrillic snippet once (its Latin twin follows on save) and its English translation."""
    by_name = {}
    for row in rows:
        name, english = row[0], row[1]
        snippet = model.objects.filter(locale=locales["sr-cyrl"], name=name).first()
        if snippet is None:
            snippet = model.objects.create(locale=locales["sr-cyrl"], name=name, **fields_for.get(name, {}))
        if not model.objects.filter(translation_key=snippet.translation_key, locale=locales["en"]).exists():
            table = {name: english}
            successor = fields_for.get(name, {}).get("successor")
            if successor:
                table[successor] = next(row[1] for row in rows if row[0] == successor)
            translate_with_table(snippet, locales["en"], table)
        by_name[name] = snippet
    return by_name


def ensure_library_page(home, locales) -> DocumentLibraryPage:
    title, title_en = LIBRARY["title"]
    page = DocumentLibraryPage.objects.child_of(home).first()
    if page is None:
        page = DocumentLibraryPage(title=title, slug=latin_slug(title), intro=LIBRARY_INTRO[0], show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
    if not page.has_translation(locales["en"]):
        translate_with_table(
            page, locales["en"], {title: title_en, LIBRARY_INTRO[0]: LIBRARY_INTRO[1], page.slug: LIBRARY["slug_en"]}
        )
    return page


def ensure_documents(types, bodies) -> None:
    # A flushed database (transactional tests) has no root collection yet.
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for title, title_en, type_name, body, adopted, number, status, topics, file_format, content in DOCUMENTS:
        if RegistryDocument.objects.filter(title=title).exists():
            continue
        extension, data = build_file(file_format, title, content)
        document = RegistryDocument(
            title=title,
            title_en=title_en,
            collection=collection,
            document_type=types[type_name],
            issuing_body=bodies[body],
            date_adopted=adopted,
            date_published=adopted + datetime.timedelta(days=7),
            reference_number=number,
            status=status,
            summary=content[0] if isinstance(content[0], str) else "",
            published=True,
        )
        document.file.save(f"{latin_slug(title, max_length=60)}.{extension}", ContentFile(data), save=False)
        document._set_document_file_metadata()
        document.save()
        document.tags.add(*topics)


def build_demo_registry(home, locales) -> DocumentLibraryPage:
    types = ensure_translated_snippets(
        DocumentType,
        DOCUMENT_TYPES,
        locales,
        **{name: {"sort_order": i} for i, (name, _en) in enumerate(DOCUMENT_TYPES)},
    )
    bodies = ensure_translated_snippets(
        IssuingBody,
        ISSUING_BODIES,
        locales,
        **{name: {"abolished_in": year, "successor": successor} for name, _en, year, successor in ISSUING_BODIES},
    )
    ensure_documents(types, bodies)
    return ensure_library_page(home, locales)
