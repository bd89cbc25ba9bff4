"""What a visitor typed into a URL, made safe to query with: bounded numbers, clean short text.

Every listing reads its filters through these, so no query string can reach the database
as a value it cannot hold (a year past 9999, an id past the integer range, a NUL byte that
PostgreSQL refuses): anything out of range is simply no filter, never an error page.
"""

import unicodedata

# The widest integer key of any table (BigAutoField) on every supported database.
MAX_DATABASE_ID = 2**63 - 1
# Python's dates stop at 9999; a year filter beyond it cannot match anything.
MAX_YEAR = 9999


def bounded_int(value, *, minimum: int = 1, maximum: int = MAX_DATABASE_ID) -> int | None:
    """The number written in ASCII digits, if it is within [minimum, maximum]; otherwise None."""
    text = str(value or "")
    # str.isdigit() also accepts "²" or "١", which int() rejects or reads; only ASCII digits here.
    if not text.isascii() or not text.isdigit() or len(text) > len(str(maximum)):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


def database_id(value) -> int | None:
    return bounded_int(value, maximum=MAX_DATABASE_ID)


def parse_year(value) -> int | None:
    return bounded_int(value, maximum=MAX_YEAR)


def clean_text(value, max_length: int) -> str:
    """Printable text only (NUL and other control characters become spaces), cut to max_length."""
    text = str(value or "")[: max_length * 4]
    return "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text)[:max_length].strip()


class DatabaseIdConverter:
    """A URL's id segment: ASCII digits within the database's integer range, else no match (404)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = database_id(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value) -> str:
        return str(value)
