"""The database's own full-text search, whichever database ``DATABASE_URL`` names.

modelsearch picks its backend by the database vendor; on SQLite (the embedded default)
ours takes its place, the same backend with Serbian stemming (search/sqlite.py), so SQLite
stems as PostgreSQL's "serbian" configuration does. Every other vendor keeps modelsearch's.
"""

from modelsearch.backends import database as modelsearch_database

from django.db import connection


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    backend = modelsearch_database.SearchBackend(params)
    if connection.vendor != "sqlite":
        return backend
    # Imported only here: modelsearch defines its SQLite index models on SQLite only.
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from .sqlite import StemmedSQLiteSearchBackend

    if type(backend) is SQLiteSearchBackend:  # FTS5 is there (else modelsearch's plain fallback)
        return StemmedSQLiteSearchBackend(params)
    return backend
