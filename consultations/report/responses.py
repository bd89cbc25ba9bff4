"""Serving the report: the HTML page and its downloads."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _

from core.downloads import CSV_CONTENT_TYPE, JSON_CONTENT_TYPE, as_download

from ..page_view import ConsultationView
from .data import DOCX_CONTENT_TYPE, FORMATS, ROUTES, build_report
from .formats import csv_text, docx_bytes, json_text, manifest_text, report_filename


def download_links(page, request=None) -> dict[str, str]:
    """URLs of the report's formats, by route name."""
    base = page.get_url(request) or page.url or ""
    links = {}
    for name, path in ROUTES.items():
        try:
            path = page.reverse_subpage(name)
        except (NoReverseMatch, AttributeError):
            pass
        links[name] = base + path.lstrip("/")
    return links


def report_response(request, page, fmt: str) -> HttpResponse:
    """The published report of a consultation in one format; 404 before it is published."""
    if fmt not in FORMATS:
        raise Http404
    if not ConsultationView.of(page).answers_public:
        raise Http404(_("The report of this consultation has not been published yet."))
    report = build_report(page)
    if fmt == "html":
        context = page.get_context(request)
        context.update({"page": page, "self": page, "request": request, "report": report})
        context["report_links"] = download_links(page, request)
        return render(request, "consultations/consultation_report.html", context)
    if fmt == "docx":
        return as_download(
            HttpResponse(docx_bytes(report), content_type=DOCX_CONTENT_TYPE), report_filename(report, "docx")
        )
    if fmt == "csv":
        response = HttpResponse(csv_text(report).encode("utf-8"), content_type=CSV_CONTENT_TYPE)
        return as_download(response, report_filename(report, "csv"))
    if fmt == "json":
        response = HttpResponse(json_text(report).encode("utf-8"), content_type=JSON_CONTENT_TYPE)
        return as_download(response, report_filename(report, "json"))
    response = HttpResponse(manifest_text(report).encode("utf-8"), content_type="text/plain; charset=utf-8")
    return as_download(response, report_filename(report, "manifest.txt"), inline=True)
