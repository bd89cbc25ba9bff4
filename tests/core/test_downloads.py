"""Every file the site hands out is named the same way and runs nothing if a browser opens it."""

import json
from urllib.parse import unquote

import pytest

from django.http import HttpResponse

from core.downloads import DOWNLOAD_CSP, as_download, content_disposition, csv_response, json_response


def test_an_ascii_name_is_a_plain_quoted_filename():
    assert content_disposition("allocations.csv") == 'attachment; filename="allocations.csv"'
    assert content_disposition("izvestaj-manifest.txt", inline=True) == 'inline; filename="izvestaj-manifest.txt"'


def test_a_cyrillic_name_has_a_latin_fallback_and_the_exact_utf8_name():
    header = content_disposition("Одлука о буџету 2025.pdf")
    fallback, exact = header.split("; filename*=UTF-8''")
    assert fallback == 'attachment; filename="Odluka o budzetu 2025.pdf"'
    assert unquote(exact) == "Одлука о буџету 2025.pdf"


def test_quotes_backslashes_and_line_breaks_cannot_break_the_header():
    header = content_disposition('a"b\\c\r\nd.csv')
    assert "\r" not in header and "\n" not in header
    assert header.startswith("attachment; filename=\"a_b_c__d.csv\"; filename*=UTF-8''")


def test_a_download_runs_nothing_and_keeps_its_type():
    response = as_download(HttpResponse(b"x", content_type="text/plain"), "x.txt")
    assert response["Content-Security-Policy"] == DOWNLOAD_CSP == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="x.txt"'


def test_csv_response_streams_and_json_response_is_utf8():
    streamed = csv_response(iter([{"a": "=1"}]), ["a"], "a.csv")
    assert streamed.streaming
    assert b"".join(streamed.streaming_content).decode() == "\ufeffa\r\n'=1\r\n"
    assert streamed["Content-Type"] == "text/csv; charset=utf-8"

    response = json_response({"a": "Ђ"}, "a.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(response.content) == {"a": "Ђ"}
    assert response["Content-Disposition"] == 'attachment; filename="a.json"'


EXPORTS = [
    ("/sr-cyrl/documents/export.csv", "document-registry.csv"),
    ("/sr-cyrl/documents/export.json", "document-registry.json"),
    ("/sr-cyrl/transparency/allocations.csv", "allocations.csv"),
    ("/sr-cyrl/transparency/allocations.json", "allocations.json"),
    ("/sr-cyrl/calendar/deadlines.ics", "deadlines.ics"),
    ("/sr-cyrl/calendar/events.ics", "events.ics"),
]


@pytest.mark.parametrize(("url", "filename"), EXPORTS)
def test_every_export_of_the_site_is_a_named_attachment_with_the_download_headers(client, home_page, url, filename):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["Content-Security-Policy"] == DOWNLOAD_CSP
    assert response["X-Content-Type-Options"] == "nosniff"
