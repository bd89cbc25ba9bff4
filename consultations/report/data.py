"""What the consultation report says: facts, organisations, statistics, rows, manifest."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _

from core.scripts import normalize
from home.i18n import in_current_language

from ..models import Channel, Comment, CommentState, Consent, Decision, Kind, RejectionReason, RespondentType
from .channels import ManifestLine, PublicAttachment, channel_label, manifest_lines, per_channel, public_attachment
from .statistics import Count, Statistics

FORMATS = ("html", "docx", "csv", "json", "manifest")

# Route names of ConsultationPage's report sub-pages, and the paths they are expected to have.
ROUTES = {
    "report": "izvestaj/",
    "report_docx": "izvestaj.docx",
    "report_csv": "izvestaj.csv",
    "report_json": "izvestaj.json",
    "report_manifest": "izvestaj-manifest.txt",
}

CSV_FIELDS = [
    "tracking_number",
    "target",
    # The number of the draft version the comment was written on (its versions page: verzije/#version-<n>).
    "version",
    "kind",
    "channel",
    "respondent_type",
    "organisation",
    "proposed_wording",
    "justification",
    "state",
    "decision",
    "decision_reasons",
    "text_sha256",
    "attachment_url",
    "attachment_sha256",
]

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Characters XML 1.0 (and so DOCX) cannot hold; a pasted text may bring them.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DATE_FORMAT = "j. n. Y. H:i"
NO_ANSWER = "none"
REJECTED = "rejected"

# Only what the report may show; contact data and identifiers are never loaded.
COMMENT_FIELDS = (
    "tracking_number",
    "target_label",
    "kind",
    "proposed_wording",
    "justification",
    "organisation_name",
    "respondent_type",
    # Only for a citizen who chose publication with their name (Comment.public_author); never e-mails or phones.
    "contact_name",
    "consent",
    "state",
    "rejection_reason",
    "decision",
    "decision_reasons",
    "text_sha256",
    "submitted_at",
    # How it reached the office; the attachment only to link it once its publication is approved.
    "channel",
    "attachment",
    "attachment_sha256",
    "attachment_publication",
    "attachment_approved_at",
    "article",
    "article__number",
    "article__heading",
    "article__sort_order",
    "article__translation_key",
    # The draft version it was written on; empty on comments from before versions existed (version 1).
    "version__number",
)


@dataclass(frozen=True)
class Facts:
    title: str
    responsible_body: str
    opens_at: datetime
    closes_at: datetime
    report_published_at: datetime
    intro: str
    comments: int

    @property
    def period(self) -> str:
        return f"{format_date(self.opens_at, DATE_FORMAT)} – {format_date(self.closes_at, DATE_FORMAT)}"


@dataclass(frozen=True)
class Row:
    """One confirmed comment as the public may see it."""

    tracking_number: str
    target: str
    kind: str
    kind_label: str
    organisation: str
    text_shown: bool
    proposed_wording: str
    justification: str
    withheld: str  # why the text is not shown, when it is not
    state: str
    state_label: str
    decision: str
    decision_label: str
    decision_reasons: str
    text_sha256: str
    channel: str = Channel.WEB
    channel_label: str = ""
    attachment: PublicAttachment | None = None
    respondent_type: str = RespondentType.ORGANISATION
    respondent_type_label: str = ""
    version: int = 1
    version_label: str = ""

    def as_data(self) -> dict:
        """The open-data row (CSV and JSON): codes for kind, state and decision."""
        return {
            "tracking_number": self.tracking_number,
            "target": self.target,
            "version": self.version,
            "kind": self.kind,
            "organisation": self.organisation,
            "proposed_wording": self.proposed_wording if self.text_shown else "",
            "justification": self.justification if self.text_shown else self.withheld,
            "state": self.state,
            "decision": self.decision,
            "decision_reasons": self.decision_reasons,
            "text_sha256": self.text_sha256,
            "channel": self.channel,
            "respondent_type": self.respondent_type,
            "attachment_url": self.attachment.url if self.attachment else "",
            "attachment_sha256": self.attachment.sha256 if self.attachment else "",
        }


@dataclass
class Report:
    page: object
    original: object
    facts: Facts
    organisations: list[str]
    statistics: Statistics
    rows: list[Row]
    manifest: list[ManifestLine] = field(default_factory=list)
    # More than one version of the draft was published: the page names the version of each comment.
    several_versions: bool = False


def article_label(number: str, heading: str) -> str:
    label = _("Article %(number)s") % {"number": number}
    return f"{label}: {heading}" if heading else label


def _withheld(comment) -> str:
    if comment.state == CommentState.REJECTED:
        if comment.rejection_reason in RejectionReason.values:
            return _("Rejected: %(reason)s.") % {"reason": RejectionReason(comment.rejection_reason).label}
        return _("Rejected by the office.")
    if comment.state != CommentState.PUBLISHED:
        return _("Not yet reviewed by the office.")
    if comment.consent == Consent.PRIVATE:
        return _("Not published at the author's request.")
    return ""


def _decision_key(comment) -> str:
    if comment.state == CommentState.REJECTED:
        return REJECTED
    return comment.decision if comment.decision in Decision.values else NO_ANSWER


def _decision_labels() -> dict[str, str]:
    labels = {value: str(label) for value, label in Decision.choices}
    labels[REJECTED] = _("rejected at moderation")
    labels[NO_ANSWER] = _("no answer yet")
    return labels


def _organisation_key(name: str):
    return (normalize(name), name)


class _Targets:
    """What each comment is about, labelled in the visitor's language, and where it sorts in the report."""

    def __init__(self, page, original, articles):
        # Headings as the visitor's version of the page has them (English translations, Latin corrections).
        self.visitor_headings = {}
        if page.pk != original.pk:
            self.visitor_headings = {
                a.translation_key: a.heading for a in page.articles.all().only("translation_key", "heading")
            }
        self.whole_act = _("The draft as a whole")
        self.labels = {article.pk: article_label(article.number, self.heading_of(article)) for article in articles}
        self.order = {article.pk: position for position, article in enumerate(articles, start=1)}

    def heading_of(self, article) -> str:
        return in_current_language(self.visitor_headings.get(article.translation_key) or article.heading or "")

    def label(self, comment) -> str:
        if comment.article_id is None:
            return in_current_language(comment.target_label) or self.whole_act
        if comment.article_id not in self.labels:  # an article no longer in the draft's list
            self.labels[comment.article_id] = article_label(comment.article.number, self.heading_of(comment.article))
        return self.labels[comment.article_id]

    def position(self, comment):
        if comment.article_id is None:
            return (0, 0)
        return (1, self.order.get(comment.article_id, len(self.order) + (comment.article.sort_order or 0)))


def version_number(comment) -> int:
    """The version of the draft the comment was written on; comments from before versions existed were on version 1."""
    return comment.version.number if comment.version_id else 1


def version_label(number: int) -> str:
    """As the public versions page names it."""
    return _("Version %(number)s") % {"number": number}


def _row(comment, target: str, decision_labels: dict[str, str], page=None) -> Row:
    withheld = _withheld(comment)
    version = version_number(comment)
    return Row(
        tracking_number=comment.tracking_number or "",
        target=target,
        kind=comment.kind,
        kind_label=str(Kind(comment.kind).label) if comment.kind in Kind.values else comment.kind,
        organisation=_named_author(comment),
        text_shown=not withheld,
        # Published text: contact-like strings left out (consultations/personal_data.py).
        proposed_wording=comment.public_proposed_wording if not withheld else "",
        justification=comment.public_justification if not withheld else "",
        withheld=withheld,
        state=comment.state,
        state_label=str(CommentState(comment.state).label),
        decision=comment.decision,
        decision_label=decision_labels[_decision_key(comment)],
        decision_reasons=in_current_language(comment.decision_reasons),
        text_sha256=comment.text_sha256,
        channel=comment.channel,
        channel_label=channel_label(comment.channel),
        respondent_type=comment.respondent_type,
        respondent_type_label=_respondent_type_label(comment.respondent_type),
        version=version,
        version_label=version_label(version),
        attachment=None if withheld else public_attachment(page, comment),
    )


def _named_author(comment) -> str:
    """The name the author agreed to publish (Comment.public_author) once the comment is published, else ""."""
    return comment.public_author if comment.state == CommentState.PUBLISHED else ""


def _respondent_type_label(key: str) -> str:
    return str(RespondentType(key).label) if key in RespondentType.values else key


def _per_respondent_type(comments) -> list[Count]:
    counts = dict.fromkeys(RespondentType.values, 0)
    for comment in comments:
        counts[comment.respondent_type] = counts.get(comment.respondent_type, 0) + 1
    return [Count(key, _respondent_type_label(key), count) for key, count in counts.items()]


def _per_article(comments, articles, targets: _Targets) -> list[Count]:
    """Comments on the whole act, on each article in order, then on articles no longer in the draft."""
    counts: dict[int | None, int] = {}
    for comment in comments:
        counts[comment.article_id] = counts.get(comment.article_id, 0) + 1
    per_article = [Count("", targets.whole_act, counts.get(None, 0))]
    per_article += [
        Count(article.number, targets.labels[article.pk], counts.get(article.pk, 0)) for article in articles
    ]
    known = {article.pk for article in articles}
    per_article += [
        Count(comment.article.number, targets.labels[comment.article_id], counts[comment.article_id])
        for comment in {c.article_id: c for c in comments if c.article_id and c.article_id not in known}.values()
    ]
    return per_article


def _statistics(comments, articles, targets: _Targets, decision_labels: dict[str, str]) -> Statistics:
    per_kind_counts = dict.fromkeys(Kind.values, 0)
    per_decision_counts = dict.fromkeys([*Decision.values, REJECTED, NO_ANSWER], 0)
    for comment in comments:
        per_kind_counts[comment.kind] = per_kind_counts.get(comment.kind, 0) + 1
        per_decision_counts[_decision_key(comment)] += 1
    kind_labels = dict(Kind.choices)
    return Statistics(
        total=len(comments),
        published=sum(1 for c in comments if c.state == CommentState.PUBLISHED),
        rejected=sum(1 for c in comments if c.state == CommentState.REJECTED),
        awaiting_moderation=sum(1 for c in comments if c.state == CommentState.CONFIRMED),
        per_article=_per_article(comments, articles, targets),
        per_kind=[Count(key, str(kind_labels.get(key, key)), count) for key, count in per_kind_counts.items()],
        per_decision=[Count(key, decision_labels[key], count) for key, count in per_decision_counts.items()],
        per_channel=[Count(key, channel_label(key), count) for key, count in per_channel(comments).items()],
        per_respondent_type=_per_respondent_type(comments),
    )


def _facts(page, original, comment_count: int) -> Facts:
    local = timezone.get_default_timezone()
    published_at = original.report_published_at or page.report_published_at
    return Facts(
        title=in_current_language(page.title),
        responsible_body=in_current_language(page.responsible_body or original.responsible_body),
        opens_at=timezone.localtime(original.opens_at, local),
        closes_at=timezone.localtime(original.closes_at, local),
        report_published_at=timezone.localtime(published_at, local) if published_at else None,
        intro=in_current_language(page.report_intro or original.report_intro),
        comments=comment_count,
    )


def build_report(page) -> Report:
    """Everything the report shows, in the visitor's language, from three queries on top of the page's own."""
    original = page.original
    # The page key too: the related manager sets each article's page, which would load a deferred key one by one.
    articles = list(original.articles.all().only("page", "number", "heading", "sort_order", "translation_key"))
    comments = list(
        Comment.objects.filter(consultation=original)
        .confirmed()
        .select_related("article", "version")
        .only(*COMMENT_FIELDS)
    )
    targets = _Targets(page, original, articles)
    decision_labels = _decision_labels()
    in_order = sorted(comments, key=lambda c: (targets.position(c), c.submitted_at, c.tracking_number or ""))
    # Rows first: labelling them names the articles no longer in the draft, which the statistics count.
    rows = [_row(comment, targets.label(comment), decision_labels, page) for comment in in_order]
    # Citizens who chose to be named are named in their rows, not listed among the organisations.
    organisations = {row.organisation for row in rows if row.organisation and row.respondent_type != "citizen"}
    manifest = manifest_lines(comments, rows)
    return Report(
        page=page,
        original=original,
        facts=_facts(page, original, len(comments)),
        organisations=sorted(organisations, key=_organisation_key),
        statistics=_statistics(comments, articles, targets, decision_labels),
        rows=rows,
        manifest=manifest,
        several_versions=original.draft_versions.count() > 1,
    )
