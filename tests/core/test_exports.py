"""One writer for every open-data file: CSV that no spreadsheet runs as a formula, JSON kept exact."""

import csv
import io
import json
from decimal import Decimal

from core.exports import csv_lines, csv_text, json_number, json_text, neutralise_formula

FIELDS = ["title", "amount", "note"]


def parsed(text: str) -> list[dict]:
    assert text.startswith("\ufeff"), "a byte-order mark, so spreadsheets read Cyrillic"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_every_csv_cell_a_spreadsheet_would_run_is_text():
    rows = [
        {"title": '=HYPERLINK("http://evil.example")', "amount": Decimal("-5"), "note": "@SUM(A1)"},
        {"title": "+1", "amount": 3, "note": "\tтаб"},
        {"title": "-2", "amount": None, "note": "\rred"},
    ]
    cells = [list(row.values()) for row in parsed(csv_text(rows, FIELDS))]
    assert cells == [
        ['\'=HYPERLINK("http://evil.example")', "-5", "'@SUM(A1)"],
        ["'+1", "3", "'\tтаб"],
        ["'-2", "", "'\rred"],
    ], "text is neutralised, numbers stay numbers, a missing value is an empty cell"


def test_ordinary_text_is_written_unchanged():
    row = {"title": "Одлука, „о буџету“", "amount": 1, "note": "a = b"}
    assert parsed(csv_text([row], FIELDS)) == [{"title": "Одлука, „о буџету“", "amount": "1", "note": "a = b"}]


def test_csv_lines_are_written_as_the_rows_come():
    consumed = []

    def rows():
        for number in range(3):
            consumed.append(number)
            yield {"title": f"row {number}", "amount": number, "note": ""}

    lines = csv_lines(rows(), FIELDS)
    assert next(lines) == "\ufefftitle,amount,note\r\n"
    assert next(lines) == "row 0,0,\r\n"
    assert consumed == [0], "a streamed export never holds every row at once"


def test_json_keeps_values_exact_and_cannot_break_out_of_a_page():
    data = {"title": "=1+1 </script><b>", "names": ["Ђорђе & Џаја"], "amount": json_number(Decimal("1100000.50"))}
    text = json_text(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "Ђорђе" in text, "UTF-8, not \\u escapes, for Cyrillic"
    assert json.loads(text) == {"title": "=1+1 </script><b>", "names": ["Ђорђе & Џаја"], "amount": 1100000.5}


def test_json_numbers_drop_a_zero_fraction():
    assert json_number(Decimal("250000.00")) == 250000 and isinstance(json_number(Decimal("250000.00")), int)
    assert json_number(Decimal("0.5")) == 0.5
    assert json_number(None) is None


def test_neutralise_formula_leaves_other_values_alone():
    assert neutralise_formula("=A1") == "'=A1"
    assert neutralise_formula(-5) == -5
    assert neutralise_formula("Закон") == "Закон"
