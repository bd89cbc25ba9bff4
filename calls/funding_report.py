"""The yearly consolidated report of money given to organisations: a page, a CSV and a DOCX from the same totals.

The office reports each year to the City Council what it gave and paid, by area, organisation
and call, grants outside the calls included. The report is the funding summary of one year's
rows (calls/allocations.py), so it always agrees with the transparency page and the open data.
"""

import io
import re
from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .allocations import Allocation, FundingSummary, Total, allocation_rows, funding_summary
from .money import format_rsd

CSV_FIELDS = ["section", "name", "registration_number", "count", "amount_awarded", "amount_paid"]
# Characters XML 1.0 cannot hold; python-docx refuses them.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class YearReport:
    year: int
    summary: FundingSummary

    @property
    def title(self) -> str:
        return _("Funds given to organisations in %(year)s: consolidated report") % {"year": self.year}

    def sections(self) -> list[tuple[str, str, list[Total]]]:
        """(key, heading, totals) of each part of the report, in the order the report gives them."""
        summary = self.summary
        return [
            ("area", _("By area"), summary.by_area),
            ("organisation", _("By organisation"), summary.by_organisation),
            ("call", _("By call, and outside calls"), summary.by_call),
        ]


def year_report(request, year: int) -> YearReport:
    rows: list[Allocation] = [row for row in allocation_rows(request) if row.year == year]
    return YearReport(year, funding_summary(rows))


def report_filename(year: int, extension: str) -> str:
    return f"izvestaj-o-finansiranju-{year}.{extension}"


def csv_rows(report: YearReport) -> list[dict]:
    """The total, then one line per area, organisation and call: amounts as plain decimals."""

    def line(section: str, total: Total) -> dict:
        return {
            "section": section,
            "name": str(total.label),
            "registration_number": total.key if section == "organisation" else "",
            "count": total.count,
            "amount_awarded": total.awarded,
            "amount_paid": total.paid,
        }

    lines = [line("total", report.summary.total)]
    for key, _heading, totals in report.sections():
        lines += [line(key, total) for total in totals]
    return lines


def _xml_safe(value) -> str:
    return XML_INVALID.sub("", "" if value is None else str(value))


def _docx_table(document, caption: str, headers: list[str], rows: list[list[str]]) -> None:
    document.add_paragraph(_xml_safe(caption), style="Caption")
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, headers, strict=True):
        cell.paragraphs[0].add_run(_xml_safe(text)).bold = True
    for values in rows:
        for cell, text in zip(grid.add_row().cells, values, strict=True):
            cell.text = _xml_safe(text)


def docx_bytes(report: YearReport) -> bytes:
    from docx import Document

    document = Document()
    document.core_properties.title = _xml_safe(report.title)
    document.core_properties.language = get_language() or ""
    document.add_heading(_xml_safe(report.title), level=0)
    total = report.summary.total
    document.add_paragraph(
        _xml_safe(
            _("Awarded: %(awarded)s. Paid: %(paid)s. Awards and grants: %(count)s.")
            % {"awarded": format_rsd(total.awarded), "paid": format_rsd(total.paid), "count": total.count}
        )
    )
    headers = [_("Name"), _("Awards"), _("Awarded"), _("Paid")]
    for key, heading, totals in report.sections():
        document.add_heading(_xml_safe(heading), level=1)
        rows = [
            [
                f"{total.label} ({total.key})" if key == "organisation" else str(total.label),
                str(total.count),
                format_rsd(total.awarded),
                format_rsd(total.paid),
            ]
            for total in totals
        ]
        _docx_table(document, heading, headers, rows)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
