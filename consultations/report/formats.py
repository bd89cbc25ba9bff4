"""The report as files: CSV, JSON, DOCX and the manifest."""

from __future__ import annotations

import io
import re

from django.utils.dateformat import format as format_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.exports import csv_text as spreadsheet_text
from core.exports import json_text as inert_json_text
from core.scripts import latin_slug

from .channels import ManifestLine
from .data import CSV_FIELDS, DATE_FORMAT, XML_INVALID, Report, Row


def report_filename(report: Report, extension: str) -> str:
    slug = latin_slug(report.page.slug or report.facts.title, 80) or f"consultation-{report.original.pk}"
    slug = re.sub(r"[^a-z0-9-]", "", slug.lower()) or f"consultation-{report.original.pk}"
    return f"izvestaj-{slug}.{extension}"


def manifest_text(report: Report) -> str:
    title = " ".join(report.facts.title.split())
    header = [
        "# " + _("Manifest of the consultation report: %(title)s") % {"title": title},
        "# "
        + _(
            "One line per confirmed comment, sorted by tracking number: the SHA-256 of its text, then its tracking"
            " number. To check your comment, compute the SHA-256 of the text as received shown in your receipt"
            " (UTF-8, lines separated by a line feed, no final line feed) and find it beside your tracking number."
        ),
        "# "
        + _(
            "A comment received outside the site and recorded by a moderator is marked received-by: and its"
            " channel; a published attachment's SHA-256 follows as attachment-sha256:."
        ),
    ]
    return "\n".join([*header, *(_manifest_line(line) for line in report.manifest)]) + "\n"


def _manifest_line(line: ManifestLine) -> str:
    parts = [line.text_sha256, line.tracking_number]
    if line.recorded:
        parts.append(f"received-by:{line.channel}")
    if line.attachment_sha256:
        parts.append(f"attachment-sha256:{line.attachment_sha256}")
    return "  ".join(parts)


def csv_text(report: Report) -> str:
    return spreadsheet_text((row.as_data() for row in report.rows), CSV_FIELDS)


def json_data(report: Report) -> dict:
    facts, statistics = report.facts, report.statistics
    return {
        "facts": {
            "title": facts.title,
            "responsible_body": facts.responsible_body,
            "opens_at": facts.opens_at.isoformat(),
            "closes_at": facts.closes_at.isoformat(),
            "report_published_at": facts.report_published_at.isoformat() if facts.report_published_at else None,
            "comments": facts.comments,
        },
        "statistics": {
            "total": statistics.total,
            "published": statistics.published,
            "rejected": statistics.rejected,
            "awaiting_moderation": statistics.awaiting_moderation,
            "per_article": [
                {"article": count.key or None, "label": count.label, "count": count.count}
                for count in statistics.per_article
            ],
            "per_kind": [{"kind": c.key, "label": c.label, "count": c.count} for c in statistics.per_kind],
            "per_decision": [{"decision": c.key, "label": c.label, "count": c.count} for c in statistics.per_decision],
            "per_channel": [{"channel": c.key, "label": c.label, "count": c.count} for c in statistics.per_channel],
            "per_respondent_type": [
                {"respondent_type": c.key, "label": c.label, "count": c.count} for c in statistics.per_respondent_type
            ],
        },
        "organisations": report.organisations,
        "fields": CSV_FIELDS,
        "comments": [row.as_data() for row in report.rows],
        "manifest": [
            {
                "tracking_number": line.tracking_number,
                "text_sha256": line.text_sha256,
                "channel": line.channel,
                "attachment_sha256": line.attachment_sha256,
            }
            for line in report.manifest
        ],
    }


def json_text(report: Report) -> str:
    return inert_json_text(json_data(report), indent=1)


def _xml_safe(text) -> str:
    return XML_INVALID.sub("", "" if text is None else str(text))


class _Word:
    """A landscape Word document, every text made XML-safe on the way in."""

    def __init__(self, title: str):
        from docx import Document
        from docx.enum.section import WD_ORIENT

        self.document = Document()
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        self.document.core_properties.title = _xml_safe(title)
        self.document.core_properties.language = get_language() or ""

    def heading(self, text, level: int) -> None:
        self.document.add_heading(_xml_safe(text), level=level)

    def paragraph(self, text, style=None):
        return self.document.add_paragraph(_xml_safe(text), style=style)

    def labelled(self, label, value) -> None:
        line = self.document.add_paragraph()
        line.add_run(_xml_safe(f"{label}: ")).bold = True
        line.add_run(_xml_safe(value))

    def table(self, caption, headers, rows):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        self.paragraph(caption, style="Caption")
        grid = self.document.add_table(rows=1, cols=len(headers))
        grid.style = "Table Grid"
        header_row = grid.rows[0]
        # The header row repeats on every page and tells screen readers it is a header.
        properties = header_row._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)
        for cell, text in zip(header_row.cells, headers, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(_xml_safe(text)).bold = True
        for values in rows:
            for cell, text in zip(grid.add_row().cells, values, strict=True):
                cell.text = _xml_safe(text)
        return grid

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _docx_facts(word: _Word, report: Report) -> None:
    facts = report.facts
    word.heading(_("Consultation report: %(title)s") % {"title": facts.title}, level=0)
    published = format_date(facts.report_published_at, DATE_FORMAT) if facts.report_published_at else ""
    word.labelled(_("Consultation"), facts.title)
    word.labelled(_("Responsible body"), facts.responsible_body)
    word.labelled(_("Consultation period"), facts.period)
    word.labelled(_("Report published"), published)
    word.labelled(_("Confirmed comments"), str(facts.comments))
    if facts.intro:
        word.paragraph(facts.intro)
    word.heading(_("Participating organisations"), level=1)
    if report.organisations:
        for name in report.organisations:
            word.paragraph(name, style="List Bullet")
    else:
        word.paragraph(_("No organisation agreed to be named."))


def _docx_statistics(word: _Word, report: Report) -> None:
    statistics = report.statistics
    word.heading(_("Statistics"), level=1)
    for table in statistics.tables:
        word.table(table.caption, [table.header, _("Number")], [(c.label, c.count) for c in table.rows])


def _docx_comments(word: _Word, report: Report) -> None:
    word.heading(_("Comments and the office's answers"), level=1)
    word.table(
        _("Comments and the office's answers"),
        [
            _("Tracking number"),
            _("Target"),
            _("Version of the draft"),
            _("Kind"),
            _("Received through"),
            _("Who is commenting"),
            _("Author"),
            _("Comment"),
            _("Decision"),
            _("Reasons for the decision"),
        ],
        [
            (
                row.tracking_number,
                row.target,
                row.version_label,
                row.kind_label,
                row.channel_label,
                row.respondent_type_label,
                row.organisation or "—",
                _comment_text(row),
                row.decision_label,
                row.decision_reasons,
            )
            for row in report.rows
        ],
    )


def docx_bytes(report: Report) -> bytes:
    word = _Word(report.facts.title)
    _docx_facts(word, report)
    _docx_statistics(word, report)
    _docx_comments(word, report)
    word.heading(_("Manifest"), level=1)
    word.paragraph(
        _(
            "The manifest lists the SHA-256 of every confirmed comment beside its tracking number, including comments"
            " that are not published. To check your comment, compute the SHA-256 of the text in your receipt."
        )
    )
    return word.bytes()


def _comment_text(row: Row) -> str:
    if not row.text_shown:
        return row.withheld
    parts = []
    if row.proposed_wording:
        parts.append(f"{_('Proposed wording')}: {row.proposed_wording}")
    parts.append(f"{_('Justification')}: {row.justification}")
    if row.attachment:
        parts.append(
            f"{_('Attachment')}: {row.attachment.name} ({row.attachment.url}, SHA-256 {row.attachment.sha256})"
        )
    return "\n".join(parts)
