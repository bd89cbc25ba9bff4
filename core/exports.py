"""Open data that spreadsheet programs open safely: the one guard every CSV export shares.

A cell starting with one of FORMULA_TRIGGERS is run as a formula by Excel, LibreOffice and
Google Sheets (CSV injection, OWASP); an apostrophe in front makes it text again.
"""

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """A cell a spreadsheet would run as a formula is shown as text instead."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
