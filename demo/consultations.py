"""Demo consultations: one open for comments, one closed with its report published.

The drafts, organisations, citizens and comments are in demo/data/consultations.toml. The open
consultation's articles come from a generated DOCX of the draft through the page's own import
(`import_from_docx`), so the demo exercises the path editors use. Comments cover every state a
moderator meets, organisations and citizens (named and not), and a letter a moderator recorded
(demo/recorded_comments.py). The closed draft has a second version, its proposal
(demo/revised_drafts.py). Dates are relative to today (Europe/Belgrade). Safe to run again: what
exists is kept.
"""

import datetime
import secrets

from consultations.models import (
    Article,
    Comment,
    CommentState,
    ConsultationIndexPage,
    ConsultationPage,
    RespondentType,
)
from consultations.models.comments import hash_token, new_tracking_number
from core.scripts import latin_slug
from documents.models import DocumentType, IssuingBody, RegistryDocument, Status

from .data import load
from .dates import belgrade_today, moment
from .documents import ensure_registry_document, registry_snippet
from .pages import add_published, ensure_index_page, translate_if_missing
from .recorded_comments import record
from .revised_drafts import ensure_second_version

DATA = load("consultations")
OPEN, CLOSED = DATA["open"], DATA["closed"]
# How long after sending a comment its submitter clicks the e-mail's link, and a moderator publishes it.
CONFIRMED_AFTER = datetime.timedelta(minutes=12)
PUBLISHED_AFTER = datetime.timedelta(days=1)
CONFIRMATION_VALID_FOR = datetime.timedelta(hours=72)
# What a comment's data may set beyond who sent it, when and in which state.
COMMENT_FIELDS = (
    "consent",
    "kind",
    "proposed_wording",
    "justification",
    "decision",
    "decision_reasons",
    "rejection_reason",
)


def open_draft_paragraphs() -> list[str]:
    """The draft as its DOCX reads: the preamble, then "Члан N.", the heading and the text of each article."""
    paragraphs = list(OPEN["preamble"])
    for number, article in enumerate(OPEN["articles"], start=1):
        paragraphs += [f"Члан {number}.", article["heading"], *article["paragraphs"]]
    return paragraphs


def ensure_draft_document(locales) -> RegistryDocument:
    spec = OPEN["document"]
    return ensure_registry_document(
        OPEN["title"],
        spec["title_en"],
        "docx",
        open_draft_paragraphs(),
        topics=spec["topics"],
        document_type=registry_snippet(DocumentType, spec["document_type"], locales),
        issuing_body=registry_snippet(IssuingBody, spec["issuer"], locales),
        date_published=belgrade_today() - datetime.timedelta(days=spec["published_days_ago"]),
        status=Status(spec["status"]),
        summary=OPEN["summary"][:2000],
    )


def author_fields(spec: dict) -> dict:
    """Who sent the comment, as the form stores it: an organisation's fields, or a citizen's name only
    (consultations/respondents.py asks a citizen for no organisation field)."""
    if "citizen" in spec:
        citizen = DATA["citizens"][spec["citizen"]]
        return {
            "respondent_type": RespondentType.CITIZEN,
            "contact_name": citizen["name"],
            "contact_email": f"{spec['citizen']}@example.org",
            "contact_phone": citizen["phone"],
        }
    organisation = DATA["organisations"][spec["organisation"]]
    return {
        "organisation_name": organisation["name"],
        "registration_number": organisation["registration_number"],
        "tax_id": organisation["tax_id"],
        "organisation_type": organisation["type"],
        "contact_name": organisation["contact"],
        "contact_email": f"{spec['organisation']}@example.org",
        "contact_phone": organisation["phone"],
    }


def new_comment(page, articles: dict, spec: dict, **fields) -> Comment:
    """A comment as the form would store it, moved on to its state with consistent timestamps."""
    article = articles[spec["article"]] if "article" in spec else None
    state = CommentState(spec["state"])
    submitted_at = moment(spec["submitted"])
    comment = Comment(
        consultation=page,
        article=article,
        target_label=f"Члан {article.number}" if article else DATA["whole_draft"],
        **author_fields(spec),
        submission_token=secrets.token_urlsafe(32),
        confirmation_token_hash=hash_token(secrets.token_urlsafe()),
        submitted_at=submitted_at,
        confirmation_expires_at=submitted_at + CONFIRMATION_VALID_FOR,
        state=state,
        **{name: spec[name] for name in COMMENT_FIELDS if name in spec},
        **fields,
    )
    if state != CommentState.UNCONFIRMED:
        comment.tracking_number = new_tracking_number()
        comment.confirmed_at = submitted_at + CONFIRMED_AFTER
    if state == CommentState.PUBLISHED:
        comment.published_at = comment.confirmed_at + PUBLISHED_AFTER
    comment.seal()
    comment.save()
    return comment


def add_comments(page, specs: list[dict], **fields) -> None:
    """The comments of `specs`, each on the draft version it names (version 1 if none)."""
    articles = {article.number: article for article in page.articles.all()}
    versions = {version.number: version for version in page.draft_versions.all()}
    for spec in specs:
        new_comment(page, articles, spec, version=versions[spec.get("version", 1)], **fields)


def existing_consultation(index, title: str) -> ConsultationPage | None:
    return ConsultationPage.objects.child_of(index).filter(slug=latin_slug(title)).first()


def new_consultation(index, spec: dict, **fields) -> ConsultationPage:
    page = ConsultationPage(
        title=spec["title"],
        slug=latin_slug(spec["title"]),
        summary=spec["summary"],
        responsible_body=DATA["responsible_body"],
        opens_at=moment(spec["opens"]),
        closes_at=moment(spec["closes"]),
        **fields,
    )
    return add_published(index, page)


def ensure_open_consultation(index, locales) -> ConsultationPage:
    page = existing_consultation(index, OPEN["title"])
    if page is None:
        document = ensure_draft_document(locales)
        # Saving fills the articles from the DOCX's "Члан N" headings, as in the admin.
        page = new_consultation(index, OPEN, draft_files=[("document", document)], import_from_docx=document)
    page = page.specific
    if not page.comments.exists():
        add_comments(page, OPEN["comments"])
    return page


def ensure_closed_consultation(index, locales) -> ConsultationPage:
    """The closed consultation, its English translation, its second version, then its comments.

    The translation comes before version 2 so that both versions have their English copy; the
    comments come after it, each on the version the data names, so that publishing version 2
    e-mails nobody (the demo's commenters are made up).
    """
    page = existing_consultation(index, CLOSED["title"])
    if page is None:
        articles = [
            Article(number=article["number"], heading=article["heading"], text=article["text"], sort_order=position)
            for position, article in enumerate(CLOSED["articles"])
        ]
        page = new_consultation(
            index,
            CLOSED,
            report_intro=CLOSED["report_intro"],
            report_published_at=moment(CLOSED["report_published"]),
            articles=articles,
        )
    page = page.specific
    english_table = closed_english_table(page)
    translate_if_missing(page, locales, english_table)
    ensure_second_version(page, CLOSED["proposal"], locales["en"], english_table)
    if not page.comments.exists():
        # The office answered every comment on the same day, before publishing its report.
        answered_at = moment(CLOSED["answered"])
        add_comments(page, CLOSED["comments"], answered_at=answered_at)
        versions = {version.number: version for version in page.draft_versions.all()}
        for spec in CLOSED["recorded"]:
            record(page, spec, versions, answered_at=answered_at, published_after=PUBLISHED_AFTER)
    return page


def closed_english_table(page) -> dict[str, str]:
    """The closed consultation's source text → its English text (demo/data/consultations.toml, [closed.english])."""
    english = CLOSED["english"]
    sources = {name: CLOSED[name] for name in ("title", "summary", "report_intro")}
    sources["responsible_body"] = DATA["responsible_body"]
    texts = {source: english[name] for name, source in sources.items()}
    for article, translated in zip(CLOSED["articles"], english["articles"], strict=True):
        texts |= {article["number"]: article["number"], article["heading"]: translated["heading"]}
        texts[article["text"]] = translated["text"]
    # Version 2's changed articles (the table serves the translation of both versions).
    for article, translated in zip(CLOSED["proposal"]["articles"], english["proposal_articles"], strict=True):
        texts[article["text"]] = translated["text"]
    return texts | {page.slug: english["slug"]}


def build_demo_consultations(home, locales) -> ConsultationIndexPage:
    index = ensure_index_page(home, locales, ConsultationIndexPage, DATA["index"])
    ensure_open_consultation(index, locales)
    ensure_closed_consultation(index, locales)
    return index
