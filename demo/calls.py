"""Demo calls: an open call for culture programmes with its forms, a closed one with its results.

The texts, amounts and awards are in demo/data/calls.toml. The forms and the decision on
allocation are generated registry documents, as editors would upload them. The open call's
dates are relative to today (Europe/Belgrade); the closed call is the 2025 call for social
protection. Safe to run again: what exists is kept.
"""

import datetime
from decimal import Decimal

from django.utils.html import escape

from calls.models import Award, CallIndexPage, CallKind, CallPage, FundingArea, FundingTransparencyPage
from core.scripts import latin_slug
from documents.models import DocumentType, IssuingBody, Status

from .data import load, table
from .dates import belgrade_today, moment
from .documents import ensure_registry_document, ensure_translated_snippets, registry_snippet
from .funding import build_demo_funding
from .pages import add_published, ensure_index_page, translate_if_missing

DATA = load("calls")
OPEN, CLOSED = DATA["open"], DATA["closed"]


def eligibility_conditions(area_condition: list[str]) -> list[list[str]]:
    """The conditions of every call, with the call's own area condition third."""
    eligibility = DATA["eligibility"]
    return [*eligibility["before_area"], area_condition, *eligibility["after_area"]]


def rich_eligibility(area_condition: list[str]) -> str:
    items = "".join(f"<li>{escape(sr)}</li>" for sr, _en in eligibility_conditions(area_condition))
    return f"<p>{escape(DATA['eligibility']['intro'][0])}</p><ul>{items}</ul>"


def call_table(page, spec: dict) -> dict[str, str]:
    pairs = [spec["title"], spec["summary"], spec["budget_line"], DATA["legal_basis"], DATA["eligibility"]["intro"]]
    pairs += eligibility_conditions(spec["area_condition"])
    if "results_note" in spec:
        pairs.append(spec["results_note"])
    return {**table(*pairs), page.slug: spec["slug_en"]}


def existing_call(index, spec: dict) -> CallPage | None:
    return CallPage.objects.child_of(index).filter(slug=latin_slug(spec["title"][0])).first()


def new_call(index, spec: dict, areas: dict[str, FundingArea], **fields) -> CallPage:
    title = spec["title"][0]
    page = CallPage(
        title=title,
        slug=latin_slug(title),
        kind=CallKind.PROGRAMMES,
        summary=spec["summary"][0],
        legal_basis=DATA["legal_basis"][0],
        budget_line=spec["budget_line"][0],
        total_amount=Decimal(spec["total"]),
        max_per_project=Decimal(spec["max"]),
        eligibility=rich_eligibility(spec["area_condition"]),
        opens_at=moment(spec["opens"]),
        closes_at=moment(spec["closes"]),
        **fields,
    )
    page.areas = [areas[name] for name in spec["areas"]]
    return add_published(index, page)


def call_document(spec: dict, file_format: str, paragraphs: list[str], locales, **fields):
    """A form or decision of a call, filed in the registry as the City's."""
    return ensure_registry_document(
        *spec["title"],
        file_format,
        paragraphs,
        topics=DATA["document_topics"],
        document_type=registry_snippet(DocumentType, spec["document_type"], locales),
        issuing_body=registry_snippet(IssuingBody, DATA["issuer"], locales),
        **fields,
    )


def ensure_open_call(index, areas, locales) -> CallPage:
    page = existing_call(index, OPEN)
    if page is None:
        forms = [
            call_document(
                form,
                form["format"],
                form["paragraphs"],
                locales,
                date_published=belgrade_today() - datetime.timedelta(days=form["published_days_ago"]),
                status=Status.IN_FORCE,
            )
            for form in OPEN["forms"]
        ]
        page = new_call(index, OPEN, areas, application_documents=[("document", form) for form in forms])
    translate_if_missing(page, locales, call_table(page, OPEN))
    return page


def decision_paragraphs() -> list[str]:
    paragraphs = [CLOSED["decision"]["preamble"]]
    for award in CLOSED["awards"]:
        amount = f"{award['awarded']:,}".replace(",", ".")
        paragraphs.append(
            f"{award['organisation']}, матични број {award['registration_number']}: „{award['project']}“ – "
            f"{amount} динара."
        )
    return paragraphs


def awards() -> list[Award]:
    return [
        Award(
            organisation_name=award["organisation"],
            registration_number=award["registration_number"],
            project_title=award["project"],
            amount_requested=Decimal(award["requested"]),
            amount_awarded=Decimal(award["awarded"]),
            score=Decimal(str(award["score"])),
            sort_order=position,
        )
        for position, award in enumerate(CLOSED["awards"])
    ]


def ensure_closed_call(index, areas, locales) -> CallPage:
    page = existing_call(index, CLOSED)
    if page is None:
        results_published_at = moment(CLOSED["results_published"])
        decision_spec = CLOSED["decision"]
        decision = call_document(
            decision_spec,
            "pdf",
            decision_paragraphs(),
            locales,
            date_adopted=results_published_at.date()
            - datetime.timedelta(days=decision_spec["adopted_days_before_results"]),
            date_published=results_published_at.date(),
            reference_number=decision_spec["reference_number"],
            status=Status.IN_FORCE,
        )
        page = new_call(
            index,
            CLOSED,
            areas,
            results_published_at=results_published_at,
            results_note=CLOSED["results_note"][0],
            decision=decision,
            awards=awards(),
        )
    translate_if_missing(page, locales, call_table(page, CLOSED))
    return page


def build_demo_calls(home, locales) -> CallIndexPage:
    areas = ensure_translated_snippets(
        FundingArea, DATA["areas"], locales, **{name: {"sort_order": i} for i, (name, _en) in enumerate(DATA["areas"])}
    )
    index = ensure_index_page(home, locales, CallIndexPage, DATA["index"])
    ensure_open_call(index, areas, locales)
    closed = ensure_closed_call(index, areas, locales)
    ensure_index_page(home, locales, FundingTransparencyPage, DATA["transparency"])
    build_demo_funding(home, locales, closed)  # what followed the awards; other donors' programmes
    return index
