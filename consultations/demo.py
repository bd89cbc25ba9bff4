"""Demo consultations: one open for comments, one closed with its report published.

The open consultation's articles come from a generated DOCX of the draft through the page's
own import (`import_from_docx`), so the demo exercises the path editors use. Comments cover
every state a moderator meets. Dates are relative to now (Europe/Belgrade). Safe to run
again: what exists is kept.
"""

import datetime
import secrets
import zoneinfo

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Collection

from core.scripts import latin_slug
from documents import demo_files
from documents.models import DocumentType, IssuingBody, RegistryDocument, Status
from home.demo.translation import translate_with_table

from .models import (
    Article,
    Comment,
    CommentState,
    Consent,
    ConsultationIndexPage,
    ConsultationPage,
    Decision,
    Kind,
    OrganisationType,
    RejectionReason,
    hash_token,
    new_tracking_number,
)

BELGRADE = zoneinfo.ZoneInfo("Europe/Belgrade")
WHOLE_DRAFT = "Нацрт у целини"
RESPONSIBLE_BODY = "Градска управа за опште послове – Канцеларија за сарадњу са цивилним друштвом"

INDEX = {"title": ("Јавне консултације", "Public consultations"), "slug_en": "consultations"}
INDEX_INTRO = (
    "Нацрти прописа и стратешких докумената Града Новог Сада о којима удружења и друге организације "
    "цивилног друштва могу да дају коментаре, члан по члан, и одговори Канцеларије на њих.",
    "Draft regulations and strategic documents of the City of Novi Sad on which associations and other civil "
    "society organisations can comment, article by article, and the Office's answers to their comments.",
)

ASSOCIATION, FOUNDATION, NETWORK = OrganisationType.ASSOCIATION, OrganisationType.FOUNDATION, OrganisationType.NETWORK
# (organisation, registration number, tax ID, type, contact person, e-mail local part)
ORGANISATIONS = [
    ("Удружење грађана „Зелени Нови Сад“", "28045112", "108234561", ASSOCIATION, "Марија Петровић", "zeleni-ns"),
    ("Центар за развој волонтеризма", "28103347", "108771204", ASSOCIATION, "Никола Стојановић", "volonteri"),
    ("Мрежа удружења Подбара–Салајка", "28219058", "", NETWORK, "Јелена Ковачевић", "mreza-podbara"),
    (
        "Удружење особа са инвалидитетом „Корак напред“",
        "08872145",
        "101657390",
        ASSOCIATION,
        "Драган Илић",
        "korak-napred",
    ),
    ("Омладински клуб „Лиман“", "28330941", "", ASSOCIATION, "Ана Ђурић", "ok-liman"),
    ("Задужбина „Стеван Сремац“", "28401276", "109002318", FOUNDATION, "Милан Поповић", "zaduzbina-sremac"),
    ("Удружење пензионера Детелинаре", "08791634", "", ASSOCIATION, "Зорица Николић", "penzioneri-detelinara"),
]

# --------------------------------------------------------------------------
# The open consultation: a draft decision, imported from its DOCX
# --------------------------------------------------------------------------

OPEN_TITLE = "Нацрт одлуке о финансирању програма од јавног интереса које реализују удружења"
OPEN_SUMMARY = (
    "Нацрт одлуке уређује услове, критеријуме и поступак доделе средстава из буџета Града Новог Сада "
    "за програме од јавног интереса које реализују удружења, као и праћење њиховог спровођења. Позивамо "
    "удружења и друге организације цивилног друштва да до краја консултација дају коментаре на поједине "
    "чланове или на нацрт у целини."
)
OPEN_DOCUMENT_EN = "Draft decision on financing programmes of public interest implemented by associations"
OPEN_PREAMBLE = [
    "На основу члана 38. став 6. Закона о удружењима и члана 39. тачка 9. Статута Града Новог Сада, "
    "Скупштина Града Новог Сада доноси",
    "ОДЛУКУ О ФИНАНСИРАЊУ ПРОГРАМА ОД ЈАВНОГ ИНТЕРЕСА КОЈЕ РЕАЛИЗУЈУ УДРУЖЕЊА",
]
# (heading, paragraphs of the text)
OPEN_ARTICLES = [
    (
        "Предмет одлуке",
        [
            "Овом одлуком уређују се услови, критеријуми, начин и поступак доделе средстава из буџета Града "
            "Новог Сада (у даљем тексту: Град) за подстицање програма од јавног интереса које реализују удружења.",
        ],
    ),
    (
        "Област јавног интереса",
        [
            "Програми од јавног интереса, у смислу ове одлуке, нарочито су програми у области социјалне "
            "заштите, заштите животне средине, културе, омладине, заштите особа са инвалидитетом, "
            "волонтеризма и развоја цивилног друштва.",
            "Приоритетне области за сваку годину утврђује Градско веће на предлог Канцеларије за сарадњу са "
            "цивилним друштвом.",
        ],
    ),
    (
        "Јавни конкурс",
        [
            "Средства се додељују на основу јавног конкурса који се расписује најмање једном годишње и "
            "објављује на порталу Града и порталу еУправа.",
            "Рок за подношење пријава не може бити краћи од 15 дана од дана објављивања конкурса.",
        ],
    ),
    (
        "Право учешћа",
        [
            "Право учешћа на конкурсу има удружење које је уписано у регистар надлежног органа, које има "
            "седиште или огранак на територији Града и које је регистровано најмање годину дана пре дана "
            "објављивања конкурса.",
        ],
    ),
    (
        "Конкурсна комисија",
        [
            "Пријаве оцењује конкурсна комисија од пет чланова, од којих се најмање два бирају из реда "
            "стручњака из области из које је конкурс расписан.",
            "Чланови комисије потписују изјаву о одсуству сукоба интереса пре почетка рада.",
        ],
    ),
    (
        "Критеријуми за избор програма",
        [
            "Програми се оцењују према усклађености са приоритетним областима, капацитету удружења, "
            "одрживости резултата, економичности буџета и учешћу корисника у планирању програма.",
        ],
    ),
    (
        "Праћење и извештавање",
        [
            "Удружење подноси наративни и финансијски извештај о реализацији програма у року од 30 дана "
            "од дана завршетка програма.",
            "Канцеларија за сарадњу са цивилним друштвом сачињава збирни извештај и доставља га Градском "
            "већу до 31. марта наредне године.",
        ],
    ),
    (
        "Ступање на снагу",
        [
            "Ова одлука ступа на снагу осмог дана од дана објављивања у „Службеном листу Града Новог Сада“.",
        ],
    ),
]

# --------------------------------------------------------------------------
# The closed consultation: a development plan, with its report
# --------------------------------------------------------------------------

CLOSED_TITLE = "Нацрт плана развоја волонтеризма Града Новог Сада"
CLOSED_SUMMARY = (
    "План утврђује циљеве и мере за развој волонтеризма у Новом Саду: волонтерски сервис, обуке "
    "организатора волонтирања, признавање волонтерског искуства и сарадњу са школама и факултетима."
)
CLOSED_ARTICLES = [
    (
        "1",
        "Општи циљ",
        "Општи циљ Плана је да волонтирање постане доступно сваком грађанину Новог Сада и препознато као "
        "вредност у локалној заједници.",
    ),
    (
        "2",
        "Градски волонтерски сервис",
        "Град ће у сарадњи са удружењима успоставити волонтерски сервис који повезује организаторе "
        "волонтирања и волонтере и води евиденцију волонтерских програма.",
    ),
    (
        "3",
        "Обуке организатора волонтирања",
        "Канцеларија за сарадњу са цивилним друштвом организује најмање четири обуке годишње за "
        "организаторе волонтирања, о правима волонтера, безбедности и вођењу евиденције.",
    ),
    (
        "4",
        "Праћење спровођења",
        "О спровођењу Плана Канцеларија извештава Градско веће једном годишње, а извештај објављује на "
        "порталу Канцеларије.",
    ),
]
CLOSED_REPORT_INTRO = (
    "Јавне консултације о Нацрту плана развоја волонтеризма трајале су 30 дана. Канцеларија је примила "
    "шест коментара од организација цивилног друштва. Сваки коментар је размотрен; у наставку су одлуке "
    "и њихова образложења. Прихваћени предлози уграђени су у Предлог плана који је упућен Градском већу."
)


def belgrade_day(days: int, hour: int) -> datetime.datetime:
    """`days` from today in Novi Sad, at `hour` o'clock local time."""
    today = timezone.now().astimezone(BELGRADE).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(today, datetime.time(hour), tzinfo=BELGRADE)


def ensure_index(home, locales) -> ConsultationIndexPage:
    title, title_en = INDEX["title"]
    index = ConsultationIndexPage.objects.child_of(home).first()
    if index is None:
        index = ConsultationIndexPage(title=title, slug=latin_slug(title), intro=INDEX_INTRO[0], show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    if not index.has_translation(locales["en"]):
        translate_with_table(
            index, locales["en"], {title: title_en, INDEX_INTRO[0]: INDEX_INTRO[1], index.slug: INDEX["slug_en"]}
        )
    return index


def open_draft_paragraphs() -> list[str]:
    paragraphs = list(OPEN_PREAMBLE)
    for number, (heading, text) in enumerate(OPEN_ARTICLES, start=1):
        paragraphs += [f"Члан {number}.", heading, *text]
    return paragraphs


def ensure_draft_document(locales) -> RegistryDocument:
    document = RegistryDocument.objects.filter(title=OPEN_TITLE).first()
    if document is not None:
        return document
    # A flushed database (transactional tests) has no root collection yet.
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    today = timezone.now().astimezone(BELGRADE).date()
    document = RegistryDocument(
        title=OPEN_TITLE,
        title_en=OPEN_DOCUMENT_EN,
        collection=collection,
        document_type=DocumentType.objects.filter(locale=locales["sr-cyrl"], name="Нацрт акта").first(),
        issuing_body=IssuingBody.objects.filter(locale=locales["sr-cyrl"], name="Град Нови Сад").first(),
        date_published=today - datetime.timedelta(days=5),
        status=Status.DRAFT,
        summary=OPEN_SUMMARY[:2000],
        published=True,
    )
    data = demo_files.docx_document(OPEN_TITLE, open_draft_paragraphs())
    document.file.save(f"{latin_slug(OPEN_TITLE, max_length=60)}.docx", ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    document.tags.add("нацрт", "финансирање")
    return document


def new_comment(page, *, organisation: int, article=None, submitted_at, state, **fields) -> Comment:
    """A comment as the form would store it, moved on to `state` with consistent timestamps."""
    name, registration, tax_id, org_type, contact, mailbox = ORGANISATIONS[organisation]
    comment = Comment(
        consultation=page,
        article=article,
        target_label=f"Члан {article.number}" if article else WHOLE_DRAFT,
        organisation_name=name,
        registration_number=registration,
        tax_id=tax_id,
        organisation_type=org_type,
        contact_name=contact,
        contact_email=f"{mailbox}@example.org",
        contact_phone=f"+381 21 {420 + 17 * organisation} {1050 + 113 * organisation}",
        submission_token=secrets.token_urlsafe(32),
        confirmation_token_hash=hash_token(secrets.token_urlsafe()),
        submitted_at=submitted_at,
        confirmation_expires_at=submitted_at + datetime.timedelta(hours=72),
        state=state,
        **fields,
    )
    if state != CommentState.UNCONFIRMED:
        comment.tracking_number = new_tracking_number()
        comment.confirmed_at = submitted_at + datetime.timedelta(minutes=12)
    if state == CommentState.PUBLISHED:
        comment.published_at = comment.confirmed_at + datetime.timedelta(days=1)
    comment.seal()
    comment.save()
    return comment


def ensure_open_consultation(index, locales) -> ConsultationPage:
    slug = latin_slug(OPEN_TITLE)
    page = ConsultationPage.objects.child_of(index).filter(slug=slug).first()
    if page is None:
        document = ensure_draft_document(locales)
        page = ConsultationPage(
            title=OPEN_TITLE,
            slug=slug,
            summary=OPEN_SUMMARY,
            responsible_body=RESPONSIBLE_BODY,
            opens_at=belgrade_day(-5, 9),
            closes_at=belgrade_day(25, 15),
            draft_files=[("document", document)],
            # Saving fills the articles from the DOCX's "Члан N" headings, as in the admin.
            import_from_docx=document,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    page = page.specific
    if not page.comments.exists():
        add_open_comments(page)
    return page


def add_open_comments(page) -> None:
    articles = {article.number: article for article in page.articles.all()}
    new_comment(
        page,
        organisation=0,
        article=articles["3"],
        submitted_at=belgrade_day(-4, 11),
        state=CommentState.PUBLISHED,
        consent=Consent.PUBLIC,
        kind=Kind.CHANGE,
        proposed_wording="Рок за подношење пријава не може бити краћи од 30 дана од дана објављивања конкурса.",
        justification="Мала удружења немају запослене који пишу пројекте; за квалитетну пријаву са буџетом и "
        "партнерима потребно је најмање месец дана.",
    )
    new_comment(
        page,
        organisation=3,
        submitted_at=belgrade_day(-3, 16),
        state=CommentState.PUBLISHED,
        consent=Consent.ANONYMOUS,
        kind=Kind.GENERAL,
        justification="Нацрт не помиње приступачност: конкурсна документација и обрасци треба да буду "
        "доступни и у формату прилагођеном особама са оштећеним видом.",
    )
    new_comment(
        page,
        organisation=1,
        article=articles["5"],
        submitted_at=belgrade_day(-2, 10),
        state=CommentState.CONFIRMED,
        consent=Consent.PUBLIC,
        kind=Kind.ADD,
        proposed_wording="Најмање један члан комисије бира се на предлог удружења са територије Града.",
        justification="Учешће представника цивилног друштва у комисији повећава поверење у поступак доделе средстава.",
    )
    new_comment(
        page,
        organisation=4,
        article=articles["4"],
        submitted_at=timezone.now() - datetime.timedelta(hours=2),
        state=CommentState.UNCONFIRMED,
        consent=Consent.PUBLIC,
        kind=Kind.DELETE,
        justification="Услов од годину дана регистрације искључује нова омладинска удружења која су управо "
        "најактивнија у локалној заједници.",
    )


def ensure_closed_consultation(index) -> ConsultationPage:
    slug = latin_slug(CLOSED_TITLE)
    page = ConsultationPage.objects.child_of(index).filter(slug=slug).first()
    if page is None:
        page = ConsultationPage(
            title=CLOSED_TITLE,
            slug=slug,
            summary=CLOSED_SUMMARY,
            responsible_body=RESPONSIBLE_BODY,
            opens_at=belgrade_day(-60, 9),
            closes_at=belgrade_day(-30, 15),
            report_intro=CLOSED_REPORT_INTRO,
            report_published_at=belgrade_day(-15, 12),
        )
        page.articles = [
            Article(number=n, heading=h, text=t, sort_order=i) for i, (n, h, t) in enumerate(CLOSED_ARTICLES)
        ]
        index.add_child(instance=page)
        page.save_revision().publish()
    page = page.specific
    if not page.comments.exists():
        add_closed_comments(page)
    return page


def add_closed_comments(page) -> None:
    articles = {article.number: article for article in page.articles.all()}
    answered = {"answered_at": belgrade_day(-20, 13)}
    new_comment(
        page,
        organisation=1,
        article=articles["2"],
        submitted_at=belgrade_day(-55, 10),
        state=CommentState.PUBLISHED,
        consent=Consent.PUBLIC,
        kind=Kind.CHANGE,
        proposed_wording="Град ће у сарадњи са удружењима успоставити волонтерски сервис у року од шест месеци "
        "од усвајања Плана.",
        justification="Без рока мера остаје декларативна.",
        decision=Decision.ACCEPTED,
        decision_reasons="Предлог је прихваћен: рок од шест месеци унет је у члан 2 Предлога плана.",
        **answered,
    )
    new_comment(
        page,
        organisation=2,
        article=articles["3"],
        submitted_at=belgrade_day(-50, 18),
        state=CommentState.PUBLISHED,
        consent=Consent.PUBLIC,
        kind=Kind.CHANGE,
        proposed_wording="Обуке се одржавају у свим месним заједницама, најмање осам пута годишње.",
        justification="Удружења са периферије града тешко долазе на обуке у центру.",
        decision=Decision.PARTLY,
        decision_reasons="Делимично прихваћено: обуке ће се одржавати и у месним заједницама, али је број "
        "задржан на четири због расположивих средстава.",
        **answered,
    )
    new_comment(
        page,
        organisation=6,
        article=articles["1"],
        submitted_at=belgrade_day(-44, 9),
        state=CommentState.PUBLISHED,
        consent=Consent.ANONYMOUS,
        kind=Kind.CHANGE,
        proposed_wording="Волонтирање старијих суграђана посебно се подстиче.",
        justification="Пензионери су велики волонтерски потенцијал који План не препознаје.",
        decision=Decision.NOT_ACCEPTED,
        decision_reasons="Није прихваћено: општи циљ се односи на све грађане, а мере за старије суграђане "
        "предвиђене су Акционим планом за старије.",
        **answered,
    )
    new_comment(
        page,
        organisation=5,
        submitted_at=belgrade_day(-40, 12),
        state=CommentState.PUBLISHED,
        consent=Consent.PUBLIC,
        kind=Kind.GENERAL,
        justification="Поздрављамо План и предлажемо да се извештај о спровођењу објављује и у отвореном формату.",
        decision=Decision.NOTED,
        decision_reasons="Примљено к знању: извештаји Канцеларије објављују се и као отворени подаци.",
        **answered,
    )
    new_comment(
        page,
        organisation=0,
        article=articles["4"],
        submitted_at=belgrade_day(-36, 14),
        state=CommentState.PUBLISHED,
        consent=Consent.PRIVATE,
        kind=Kind.ADD,
        proposed_wording="Извештај о спровођењу Плана разматра се на јавној седници уз учешће удружења.",
        justification="Јавна расправа о извештају омогућава удружењима да предложе измене мера.",
        decision=Decision.ACCEPTED,
        decision_reasons="Прихваћено: извештај ће бити представљен на округлом столу са удружењима.",
        **answered,
    )
    new_comment(
        page,
        organisation=4,
        submitted_at=belgrade_day(-33, 20),
        state=CommentState.REJECTED,
        rejection_reason=RejectionReason.OFF_TOPIC,
        consent=Consent.PUBLIC,
        kind=Kind.GENERAL,
        justification="Тражимо да Град обезбеди простор за рад нашег клуба у Лиману 4.",
        decision=Decision.NOTED,
        decision_reasons="Коментар се не односи на нацрт Плана. Захтев за коришћење простора прослеђен је "
        "Градској управи за имовину и имовинско-правне послове.",
        **answered,
    )


def build_demo_consultations(home, locales) -> ConsultationIndexPage:
    index = ensure_index(home, locales)
    ensure_open_consultation(index, locales)
    ensure_closed_consultation(index)
    return index
