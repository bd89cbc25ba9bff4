"""Demo strategy: the national strategy for an enabling environment for civil society 2022–2030.

The page links the strategy's text from the registry (documents/demo.py creates it) and adds
its action plan and the 2023 implementation report as registry documents of their own. Six
measures carry their status for the reporting years 2023 and 2024, as the office follows
them in Novi Sad. The index and the strategy get an English translation; the Latin twins
follow on publish. Safe to run again: what exists is kept.
"""

import datetime

from django.core.files.base import ContentFile

from wagtail.models import Collection

from core.scripts import latin_slug
from documents import demo_files
from documents.models import DocumentType, IssuingBody, RegistryDocument, Status
from home.demo.builder import bullet_list, paragraph
from home.demo.translation import translate_with_table

from .models import (
    DocumentRole,
    Measure,
    MeasureProgress,
    ProgressStatus,
    StrategyDocument,
    StrategyIndexPage,
    StrategyPage,
    StrategyStatus,
)

INDEX = {"title": ("Стратегије", "Strategies"), "slug_en": "strategies"}
INDEX_INTRO = (
    "Стратешки документи о стварању подстицајног окружења за развој цивилног друштва, са акционим "
    "плановима и извештајима о томе шта је од обећаног урађено.",
    "Strategic documents on creating an enabling environment for civil society, with their action plans "
    "and reports on what has been done of what was promised.",
)

STRATEGY_DOCUMENT_PREFIX = "Стратегија за стварање подстицајног окружења"
GOVERNMENT = "Влада Републике Србије"
MINISTRY = "Министарство за људска и мањинска права и друштвени дијалог"
OFFICE = "Канцеларија за сарадњу са цивилним друштвом Града Новог Сада"
CITY_COUNCIL = "Градско веће Града Новог Сада"

STRATEGY = {
    "title": (
        "Стратегија за стварање подстицајног окружења за развој цивилног друштва",
        "Strategy for creating an enabling environment for the development of civil society",
    ),
    "slug_en": "strategy-enabling-environment-civil-society",
    "summary": (
        "Национална стратегија за период од 2022. до 2030. године утврђује циљеве и мере за правни оквир, "
        "финансирање, учешће грађана у доношењу одлука и одрживост организација цивилног друштва. Град "
        "Нови Сад је спроводи кроз рад Канцеларије за сарадњу са цивилним друштвом, а Канцеларија овде "
        "прати како напредују мере акционог плана.",
        "The national strategy for 2022 to 2030 sets goals and measures for the legal framework, funding, "
        "citizens' participation in decision-making and the sustainability of civil society organisations. "
        "The City of Novi Sad implements it through the Office for Cooperation with Civil Society, which "
        "follows here how the measures of the action plan progress.",
    ),
    "adopting_body": (GOVERNMENT, "Government of the Republic of Serbia"),
}
GOALS_INTRO = (
    "Општи циљ Стратегије је стварање подстицајног окружења за развој цивилног друштва, уз транспарентно "
    "финансирање и учешће грађана у доношењу одлука.",
    "The general goal of the Strategy is an enabling environment for the development of civil society, with "
    "transparent funding and citizens' participation in decision-making.",
)
GOALS = [
    (
        "Унапређен правни оквир за оснивање, рад и финансирање организација цивилног друштва.",
        "An improved legal framework for founding, running and funding civil society organisations.",
    ),
    (
        "Организације цивилног друштва учествују у свим фазама доношења прописа и јавних политика.",
        "Civil society organisations take part in every stage of making regulations and public policies.",
    ),
    (
        "Одрживе организације цивилног друштва и развијен волонтеризам у локалним заједницама.",
        "Sustainable civil society organisations and volunteering developed in local communities.",
    ),
]

ACTION_PLAN = (
    "Акциони план за период од 2022. до 2024. године за спровођење Стратегије за стварање подстицајног "
    "окружења за развој цивилног друштва",
    "Action plan 2022–2024 for implementing the Strategy for an enabling environment for civil society",
)
REPORT_2023 = (
    "Извештај о спровођењу Акционог плана Стратегије за стварање подстицајног окружења за развој цивилног "
    "друштва у Граду Новом Саду за 2023. годину",
    "Report on implementing the action plan of the Strategy for an enabling environment for civil society "
    "in the City of Novi Sad for 2023",
)

D, P, N, L, X = (
    ProgressStatus.DONE,
    ProgressStatus.IN_PROGRESS,
    ProgressStatus.NOT_STARTED,
    ProgressStatus.LATE,
    ProgressStatus.DROPPED,
)

# (code, measure, responsible body, deadline, indicator, {year: (status, note)}), each text with its English.
MEASURES = [
    (
        "1.1",
        (
            "Измене прописа о финансирању програма од јавног интереса које реализују удружења",
            "Amending the regulations on funding programmes of public interest carried out by associations",
        ),
        (MINISTRY, "Ministry of Human and Minority Rights and Social Dialogue"),
        datetime.date(2024, 12, 31),
        (
            "Усвојене измене уредбе о средствима за подстицање програма удружења",
            "Amendments to the decree on funds for associations' programmes adopted",
        ),
        {
            2023: (
                P,
                (
                    "Радна група са представницима удружења израдила је нацрт измена.",
                    "A working group with representatives of associations drafted the amendments.",
                ),
            ),
            2024: (
                D,
                (
                    "Измене су усвојене и примењују се од конкурса за 2025. годину.",
                    "The amendments were adopted and apply from the calls for 2025.",
                ),
            ),
        },
    ),
    (
        "1.2",
        (
            "Јединствен јавни преглед средстава додељених организацијама цивилног друштва",
            "A single public overview of the funds awarded to civil society organisations",
        ),
        (MINISTRY, "Ministry of Human and Minority Rights and Social Dialogue"),
        datetime.date(2025, 12, 31),
        (
            "Подаци о свим доделама објављени као отворени подаци",
            "Data on every award published as open data",
        ),
        {
            2023: (N, ("", "")),
            2024: (
                P,
                (
                    "Град Нови Сад објављује своје доделе као отворене податке.",
                    "The City of Novi Sad publishes its awards as open data.",
                ),
            ),
        },
    ),
    (
        "2.1",
        (
            "Укључивање организација цивилног друштва у јавне консултације о нацртима градских прописа",
            "Involving civil society organisations in public consultations on draft city regulations",
        ),
        (OFFICE, "Office for Cooperation with Civil Society of the City of Novi Sad"),
        None,
        (
            "Број спроведених консултација и удео прихваћених коментара",
            "Number of consultations held and share of comments accepted",
        ),
        {
            2023: (
                P,
                (
                    "Спроведене три консултације, прихваћено 40 % коментара.",
                    "Three consultations held, 40% of comments accepted.",
                ),
            ),
            2024: (
                P,
                (
                    "Спроведено пет консултација, прихваћено 45 % коментара.",
                    "Five consultations held, 45% of comments accepted.",
                ),
            ),
        },
    ),
    (
        "2.2",
        (
            "Оснивање Савета за сарадњу са цивилним друштвом при Градском већу",
            "Setting up a Council for cooperation with civil society at the City Council",
        ),
        (CITY_COUNCIL, "City Council of the City of Novi Sad"),
        datetime.date(2023, 12, 31),
        (
            "Решење о оснивању Савета и одржане седнице",
            "Decision setting up the Council, and its sessions held",
        ),
        {
            2023: (L, ("Решење није донето до краја године.", "The decision was not adopted by the end of the year.")),
            2024: (
                D,
                (
                    "Савет је основан у марту и одржао је четири седнице.",
                    "The Council was set up in March and held four sessions.",
                ),
            ),
        },
    ),
    (
        "3.1",
        (
            "Обуке за удружења о писању пројеката и финансијском извештавању",
            "Training for associations in writing projects and financial reporting",
        ),
        (OFFICE, "Office for Cooperation with Civil Society of the City of Novi Sad"),
        datetime.date(2026, 12, 31),
        (
            "Најмање четири обуке годишње и број полазника",
            "At least four training sessions a year, and the number of participants",
        ),
        {
            2023: (P, ("Одржане четири обуке са 86 полазника.", "Four sessions held with 86 participants.")),
            2024: (
                P,
                (
                    "Одржано пет обука са 112 полазника, две у месним заједницама.",
                    "Five sessions held with 112 participants, two in local communities.",
                ),
            ),
        },
    ),
    (
        "3.2",
        (
            "Доношење локалног програма развоја волонтеризма",
            "Adopting a local programme for developing volunteering",
        ),
        (CITY_COUNCIL, "City Council of the City of Novi Sad"),
        datetime.date(2024, 6, 30),
        (
            "Усвојен програм и број волонтера у евиденцији",
            "Programme adopted, and the number of volunteers on record",
        ),
        {
            2023: (P, ("Програм је упућен на јавне консултације.", "The programme was put to public consultation.")),
            2024: (
                X,
                (
                    "Замењен Планом развоја волонтеризма Града Новог Сада.",
                    "Replaced by the City of Novi Sad's plan for developing volunteering.",
                ),
            ),
        },
    ),
]


def ensure_index(home, locales) -> StrategyIndexPage:
    title, title_en = INDEX["title"]
    index = StrategyIndexPage.objects.child_of(home).first()
    if index is None:
        index = StrategyIndexPage(title=title, slug=latin_slug(title), intro=INDEX_INTRO[0], show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    if not index.has_translation(locales["en"]):
        translate_with_table(
            index, locales["en"], {title: title_en, INDEX_INTRO[0]: INDEX_INTRO[1], index.slug: INDEX["slug_en"]}
        )
    return index


def ensure_document(title, title_en, type_name, issuer, adopted, locales, paragraphs) -> RegistryDocument:
    document = RegistryDocument.objects.filter(title=title).first()
    if document is not None:
        return document
    # A flushed database (transactional tests) has no root collection yet.
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    document = RegistryDocument(
        title=title,
        title_en=title_en,
        collection=collection,
        document_type=DocumentType.objects.filter(locale=locales["sr-cyrl"], name=type_name).first(),
        issuing_body=IssuingBody.objects.filter(locale=locales["sr-cyrl"], name=issuer).first(),
        date_adopted=adopted,
        date_published=adopted + datetime.timedelta(days=7),
        status=Status.IN_FORCE,
        summary=paragraphs[0],
        published=True,
    )
    document.file.save(
        f"{latin_slug(title, max_length=60)}.pdf", ContentFile(demo_files.pdf_document(title, paragraphs)), save=False
    )
    document._set_document_file_metadata()
    document.save()
    return document


def strategy_documents(locales) -> list[StrategyDocument]:
    links = []
    strategy_text = RegistryDocument.objects.filter(title__startswith=STRATEGY_DOCUMENT_PREFIX).order_by("pk").first()
    if strategy_text is not None:
        links.append(StrategyDocument(document=strategy_text, role=DocumentRole.STRATEGY))
    action_plan = ensure_document(
        *ACTION_PLAN,
        "Акциони план",
        GOVERNMENT,
        datetime.date(2022, 12, 29),
        locales,
        [f"{code} {text[0]}" for code, text, *_rest in MEASURES],
    )
    report = ensure_document(
        *REPORT_2023,
        "Извештај",
        "Град Нови Сад",
        datetime.date(2024, 3, 28),
        locales,
        [f"{code} {text[0]}: {progress[2023][1][0]}" for code, text, *_rest, progress in MEASURES],
    )
    links.append(StrategyDocument(document=action_plan, role=DocumentRole.ACTION_PLAN))
    links.append(StrategyDocument(document=report, role=DocumentRole.REPORT))
    for position, link in enumerate(links):
        link.sort_order = position
    return links


def demo_measures() -> list[Measure]:
    measures = []
    for position, (code, text, body, deadline, indicator, progress) in enumerate(MEASURES):
        measure = Measure(
            code=code,
            text=text[0],
            responsible_body=body[0],
            deadline=deadline,
            indicator=indicator[0],
            sort_order=position,
        )
        measure.progress = [
            MeasureProgress(year=year, status=status, note=note[0], sort_order=i)
            for i, (year, (status, note)) in enumerate(sorted(progress.items()))
        ]
        measures.append(measure)
    return measures


def english_table(page) -> dict[str, str]:
    table = dict([STRATEGY["title"], STRATEGY["summary"], STRATEGY["adopting_body"], GOALS_INTRO, *GOALS])
    for code, text, body, _deadline, indicator, progress in MEASURES:
        table.update([(code, code), text, body, indicator])
        table.update(note for _status, note in progress.values() if note[0])
    table[page.slug] = STRATEGY["slug_en"]
    return table


def ensure_strategy(index, locales) -> StrategyPage:
    title = STRATEGY["title"][0]
    page = StrategyPage.objects.child_of(index).filter(title=title).first()
    if page is None:
        page = StrategyPage(
            title=title,
            slug=latin_slug(title),
            start_year=2022,
            end_year=2030,
            status=StrategyStatus.ADOPTED,
            adopting_body=STRATEGY["adopting_body"][0],
            adoption_date=datetime.date(2022, 2, 10),
            summary=STRATEGY["summary"][0],
            goals=[paragraph(GOALS_INTRO[0]), bullet_list([goal for goal, _en in GOALS])],
        )
        page.documents = strategy_documents(locales)
        page.measures = demo_measures()
        index.add_child(instance=page)
        page.save_revision().publish()
    if not page.has_translation(locales["en"]):
        translate_with_table(page, locales["en"], english_table(page))
    return page


def build_demo_strategies(home, locales) -> StrategyIndexPage:
    """The strategy index and the national strategy with its measures. Needs the demo registry first."""
    index = ensure_index(home, locales)
    ensure_strategy(index, locales)
    return index
