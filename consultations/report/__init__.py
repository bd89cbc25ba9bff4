"""The consultation report: who took part, what they said, what the office answered.

One `Report` is built per request with a fixed number of queries (the articles once, the
comments once) and rendered as an HTML page, a DOCX, CSV and JSON open data, and a manifest
of the SHA-256 of every confirmed comment, so anyone holding a receipt can check that the
report accounts for their submission.

Never lose, never leak: every confirmed comment (published, rejected or still waiting for
moderation) is counted and listed by its tracking number; its text only when it is published
and its author did not ask to keep it private; the organisation only when the author agreed
to be named. Contact persons, e-mails, telephones, registration and tax numbers are never
even loaded from the database here; an attachment is linked (with its SHA-256 in the
manifest) only when its author agreed to publish it and a moderator approved it.
Comments recorded by a moderator (by e-mail, letter, at a hearing or round table) are
marked by their channel in every format.
"""

from .data import FORMATS, Report, build_report
from .formats import csv_text, docx_bytes, json_data, manifest_text
from .responses import download_links, report_response

__all__ = [
    "FORMATS",
    "Report",
    "build_report",
    "csv_text",
    "docx_bytes",
    "download_links",
    "json_data",
    "manifest_text",
    "report_response",
]
