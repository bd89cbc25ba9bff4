"""What every feature app of the portal may use, and which imports none of them.

Script handling (Cyrillic to Latin, slugs, search normalisation), contact redaction,
bounded parsing of query parameters, safe spreadsheet exports, language constants.
The rule is enforced by tests/test_architecture.py.
"""
