"""The report as files: CSV, JSON, DOCX and the manifest."""

from __future__ import annotations

import csv
import io
import json
import re

from django.http import HttpResponse
from django.utils.dateformat import format as format_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.exports import neutralise_formula
from core.scripts import latin_slug

from .data import CSV_FIELDS, DATE_FORMAT, DOWNLOAD_CSP, XML_INVALID, Report, Row


def report_filename(report: Report, extension: str) -> str:
    slug = latin_slug(report.page.slug or report.facts.title, 80) or f"consultation-{report.original.pk}"
    slug = re.sub(r"[^a-z0-9-]", "", slug.lower()) or f"consultation-{report.original.pk}"
    return f"izvestaj-{slug}.{extension}"


def download_response(response: HttpResponse, filename: str, *, inline: bool = False) -> HttpResponse:
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    return response


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
    ]
    lines = [f"{sha256}  {tracking_number}" for sha256, tracking_number in report.manifest]
    return "\n".join([*header, *lines]) + "\n"


def csv_text(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for row in report.rows:
        writer.writerow({key: neutralise_formula(value) for key, value in row.as_data().items()})
    # The byte-order mark lets spreadsheet programs read Cyrillic correctly.
    return "\ufeff" + buffer.getvalue()


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
        },
        "organisations": report.organisations,
        "fields": CSV_FIELDS,
        "comments": [row.as_data() for row in report.rows],
        "manifest": [{"tracking_number": number, "text_sha256": sha256} for sha256, number in report.manifest],
    }


def json_text(report: Report) -> str:
    text = json.dumps(json_data(report), ensure_ascii=False, indent=1)
    # Still valid JSON with the same strings, but inert should anything ever embed it in a page.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _xml_safe(text) -> str:
    return XML_INVALID.sub("", "" if text is None else str(text))


def docx_bytes(report: Report) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    facts, statistics = report.facts, report.statistics
    document.core_properties.title = _xml_safe(facts.title)
    document.core_properties.language = get_language() or ""

    def paragraph(text, style=None):
        return document.add_paragraph(_xml_safe(text), style=style)

    def table(caption, headers, rows):
        paragraph(caption, style="Caption")
        grid = document.add_table(rows=1, cols=len(headers))
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

    document.add_heading(_xml_safe(_("Consultation report: %(title)s") % {"title": facts.title}), level=0)
    for label, value in [
        (_("Consultation"), facts.title),
        (_("Responsible body"), facts.responsible_body),
        (_("Consultation period"), facts.period),
        (
            _("Report published"),
            format_date(facts.report_published_at, DATE_FORMAT) if facts.report_published_at else "",
        ),
        (_("Confirmed comments"), str(facts.comments)),
    ]:
        line = document.add_paragraph()
        line.add_run(_xml_safe(f"{label}: ")).bold = True
        line.add_run(_xml_safe(value))
    if facts.intro:
        paragraph(facts.intro)

    document.add_heading(_("Participating organisations"), level=1)
    if report.organisations:
        for name in report.organisations:
            paragraph(name, style="List Bullet")
    else:
        paragraph(_("No organisation agreed to be named."))

    document.add_heading(_("Statistics"), level=1)
    table(
        _("Comments in total"),
        [_("Comments"), _("Number")],
        [
            (_("Confirmed comments"), statistics.total),
            (_("Published comments"), statistics.published),
            (_("Rejected comments"), statistics.rejected),
            (_("Comments waiting for moderation"), statistics.awaiting_moderation),
        ],
    )
    table(_("Comments per article"), [_("Article"), _("Number")], [(c.label, c.count) for c in statistics.per_article])
    table(_("Comments per kind"), [_("Kind"), _("Number")], [(c.label, c.count) for c in statistics.per_kind])
    table(
        _("Comments per decision"), [_("Decision"), _("Number")], [(c.label, c.count) for c in statistics.per_decision]
    )

    document.add_heading(_("Comments and the office's answers"), level=1)
    table(
        _("Comments and the office's answers"),
        [
            _("Tracking number"),
            _("Target"),
            _("Kind"),
            _("Organisation"),
            _("Comment"),
            _("Decision"),
            _("Reasons for the decision"),
        ],
        [
            (
                row.tracking_number,
                row.target,
                row.kind_label,
                row.organisation or "—",
                _comment_text(row),
                row.decision_label,
                row.decision_reasons,
            )
            for row in report.rows
        ],
    )

    document.add_heading(_("Manifest"), level=1)
    paragraph(
        _(
            "The manifest lists the SHA-256 of every confirmed comment beside its tracking number, including comments"
            " that are not published. To check your comment, compute the SHA-256 of the text in your receipt."
        )
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _comment_text(row: Row) -> str:
    if not row.text_shown:
        return row.withheld
    parts = []
    if row.proposed_wording:
        parts.append(f"{_('Proposed wording')}: {row.proposed_wording}")
    parts.append(f"{_('Justification')}: {row.justification}")
    return "\n".join(parts)
