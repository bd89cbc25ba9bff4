"""Files the site hands out (exports, reports, calendars, documents, images): one set of headers.

A downloaded file is data, never a page: DOWNLOAD_CSP lets it run nothing and embed
nothing should a browser open it, nosniff keeps the declared type, and the
Content-Disposition names it in every browser (RFC 6266: an ASCII name for old clients,
the exact UTF-8 name for the others).
"""

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

from django.http import HttpResponse, StreamingHttpResponse

from .exports import csv_lines, json_text
from .scripts import to_latin

DOWNLOAD_CSP = "default-src 'none'; sandbox"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"
# What may stand in a quoted filename for every client: printable ASCII without quote or backslash.
_UNSAFE_IN_QUOTED_NAME = re.compile(r'[^\x20-\x7e]|["\\]')


def ascii_filename(filename: str) -> str:
    """The name in Latin letters without diacritics, for clients that read only filename=."""
    latin = unicodedata.normalize("NFKD", to_latin(filename).replace("đ", "dj").replace("Đ", "Dj"))
    latin = "".join(char for char in latin if not unicodedata.combining(char))
    return _UNSAFE_IN_QUOTED_NAME.sub("_", latin).strip() or "download"


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """RFC 6266: `attachment; filename="ascii"`, plus filename* with the exact name when it is not ASCII."""
    kind = "inline" if inline else "attachment"
    fallback = ascii_filename(filename)
    header = f'{kind}; filename="{fallback}"'
    if fallback != filename:
        header += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return header


def as_download(response: HttpResponse, filename: str = "", *, inline: bool = False):
    """The response marked as a file: its name (when given), its type kept, nothing in it run."""
    if filename:
        response["Content-Disposition"] = content_disposition(filename, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    return response


def csv_response(rows: Iterable[dict], fields: list[str], filename: str) -> StreamingHttpResponse:
    """A CSV download streamed row by row, so a long export never sits whole in memory."""
    return as_download(StreamingHttpResponse(csv_lines(rows, fields), content_type=CSV_CONTENT_TYPE), filename)


def json_response(data, filename: str, *, indent: int | None = None) -> HttpResponse:
    return as_download(HttpResponse(json_text(data, indent=indent), content_type=JSON_CONTENT_TYPE), filename)
