"""What every feature app of the portal may use, and which imports none of them.

Script handling (Cyrillic to Latin, slugs, search normalisation), contact redaction,
bounded parsing of query parameters and filter options, the one CSV/JSON export writer and
download headers, the iCalendar helper, language constants.

The layers above it (core <- home <- documents <- {calls, consultations, news, strategies}
<- search <- demo, tools) and the hooks through which a lower app shows a higher one's
content are described in docs/architecture.md; tests/test_architecture.py enforces them.
"""
