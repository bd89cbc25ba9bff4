"""Demo strategy: the national strategy for an enabling environment for civil society, as the
City of Novi Sad follows it, with its action plan's measures and their progress by year.

The texts and measures, each with its English, are in demo/data/strategies.toml; the Latin
twins follow on publish. Needs the demo registry first (it links the strategy's text). Safe to
run again: what exists is kept.
"""

import datetime

from core.scripts import latin_slug
from documents.models import DocumentType, IssuingBody, RegistryDocument, Status
from strategies.models.measures import Measure, MeasureProgress, ProgressStatus
from strategies.models.pages import DocumentRole, StrategyDocument, StrategyIndexPage, StrategyPage, StrategyStatus

from .data import load, table
from .documents import ensure_registry_document, registry_snippet
from .pages import add_published, bullet_list, ensure_index_page, paragraph, translate_if_missing

DATA = load("strategies")
STRATEGY, MEASURES = DATA["strategy"], DATA["measures"]


def ensure_pdf(spec: dict, paragraphs: list[str], locales) -> RegistryDocument:
    """A strategy document in the registry, published a week after its adoption."""
    return ensure_registry_document(
        *spec["title"],
        "pdf",
        paragraphs,
        document_type=registry_snippet(DocumentType, spec["document_type"], locales),
        issuing_body=registry_snippet(IssuingBody, spec["issuer"], locales),
        date_adopted=spec["adopted"],
        date_published=spec["adopted"] + datetime.timedelta(days=7),
        status=Status.IN_FORCE,
    )


def note_of(progress: dict) -> list[str]:
    return progress.get("note", ["", ""])


def strategy_documents(locales) -> list[StrategyDocument]:
    """The strategy's text (from the registry's demo), its action plan and the report on its first year."""
    links = []
    text = RegistryDocument.objects.filter(title__startswith=STRATEGY["text_title_prefix"]).order_by("pk").first()
    if text is not None:
        links.append(StrategyDocument(document=text, role=DocumentRole.STRATEGY))
    action_plan = ensure_pdf(
        DATA["action_plan"], [f"{measure['code']} {measure['text'][0]}" for measure in MEASURES], locales
    )
    report = DATA["report"]
    report_lines = [
        f"{measure['code']} {measure['text'][0]}: {note_of(progress)[0]}"
        for measure in MEASURES
        for progress in measure["progress"]
        if progress["year"] == report["year"]
    ]
    links.append(StrategyDocument(document=action_plan, role=DocumentRole.ACTION_PLAN))
    links.append(StrategyDocument(document=ensure_pdf(report, report_lines, locales), role=DocumentRole.REPORT))
    for position, link in enumerate(links):
        link.sort_order = position
    return links


def demo_measures() -> list[Measure]:
    measures = []
    for position, spec in enumerate(MEASURES):
        measure = Measure(
            code=spec["code"],
            text=spec["text"][0],
            responsible_body=spec["responsible_body"][0],
            deadline=spec.get("deadline"),
            indicator=spec["indicator"][0],
            sort_order=position,
        )
        measure.progress = [
            MeasureProgress(
                year=progress["year"],
                status=ProgressStatus(progress["status"]),
                note=note_of(progress)[0],
                sort_order=i,
            )
            for i, progress in enumerate(spec["progress"])
        ]
        measures.append(measure)
    return measures


def english_table(page) -> dict[str, str]:
    english = table(STRATEGY["title"], STRATEGY["summary"], STRATEGY["adopting_body"], STRATEGY["goals_intro"])
    english.update(table(*STRATEGY["goals"]))
    for measure in MEASURES:
        english.update(table([measure["code"], measure["code"]], measure["text"], measure["responsible_body"]))
        english.update(table(measure["indicator"], *(note_of(p) for p in measure["progress"] if note_of(p)[0])))
    english[page.slug] = STRATEGY["slug_en"]
    return english


def ensure_strategy(index, locales) -> StrategyPage:
    title = STRATEGY["title"][0]
    page = StrategyPage.objects.child_of(index).filter(title=title).first()
    if page is None:
        page = StrategyPage(
            title=title,
            slug=latin_slug(title),
            start_year=STRATEGY["start_year"],
            end_year=STRATEGY["end_year"],
            status=StrategyStatus(STRATEGY["status"]),
            adopting_body=STRATEGY["adopting_body"][0],
            adoption_date=STRATEGY["adopted"],
            summary=STRATEGY["summary"][0],
            goals=[paragraph(STRATEGY["goals_intro"][0]), bullet_list([goal for goal, _en in STRATEGY["goals"]])],
        )
        page.documents = strategy_documents(locales)
        page.measures = demo_measures()
        add_published(index, page)
    translate_if_missing(page, locales, english_table(page))
    return page


def build_demo_strategies(home, locales) -> StrategyIndexPage:
    """The strategy index and the national strategy with its measures. Needs the demo registry first."""
    index = ensure_index_page(home, locales, StrategyIndexPage, DATA["index"])
    ensure_strategy(index, locales)
    return index
