"""Open data files: the one CSV and JSON writer every export of the site goes through.

CSV is what people open in a spreadsheet program, and a cell starting with one of
FORMULA_TRIGGERS is run as a formula by Excel, LibreOffice and Google Sheets (CSV
injection, OWASP); an apostrophe in front makes it text again. Every CSV cell passes
neutralise_formula. JSON is read by programs, which take a string as a string: its values
are kept exactly as stored, so open data does not change meaning with the format.
"""

import csv
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# The byte-order mark lets spreadsheet programs read Cyrillic correctly.
BYTE_ORDER_MARK = "\ufeff"


def neutralise_formula(value):
    """A cell a spreadsheet would run as a formula is shown as text instead."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def spreadsheet_cell(value):
    """What a CSV cell holds: nothing for a missing value, text that no spreadsheet runs, numbers as numbers."""
    return "" if value is None else neutralise_formula(value)


class _LineBuffer:
    """csv.writer writes a row to this and gets the line back, so rows can be streamed."""

    def write(self, line: str) -> str:
        return line


def csv_lines(rows: Iterable[dict], fields: list[str]) -> Iterator[str]:
    """The header and then one line per row (a dict keyed by field), every cell spreadsheet-safe."""
    writer = csv.DictWriter(_LineBuffer(), fieldnames=fields)
    yield BYTE_ORDER_MARK + writer.writeheader()
    for row in rows:
        yield writer.writerow({name: spreadsheet_cell(value) for name, value in row.items()})


def csv_text(rows: Iterable[dict], fields: list[str]) -> str:
    return "".join(csv_lines(rows, fields))


def json_number(value: Decimal | None) -> int | float | None:
    """A decimal amount as a JSON number: whole amounts without a fraction."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def json_text(data, *, indent: int | None = None) -> str:
    """UTF-8 JSON, still valid with the same strings but inert should anything ever embed it in a page."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
