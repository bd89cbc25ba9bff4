"""PostgreSQL only: narrow table rows, and an index for the newest-first order.

* ``toast_tuple_target = 512``: long texts and vectors move out of the table's own pages (to
  TOAST), so the rows a search counts and groups are narrow: 100,000 entries take 39 MB of heap
  instead of 130 MB, and a word found in most entries reads three times fewer pages. The
  matching itself needs only the GIN index, never the vectors. The setting applies to rows as
  they are written; rows stored before it keep their width until rewritten. The migration does
  not run ``VACUUM FULL`` itself: it locks the table for as long as it takes, which a deploy must
  not do unannounced (docs/benchmarks/search.md says when and how to run it).
* ``(date DESC NULLS LAST, id DESC)``: a word found in most entries is listed newest first by
  walking this index and stopping after one page, instead of sorting every match
  (search/postgres.py decides when the walk pays).
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE search_searchentry SET (toast_tuple_target = 512)",
    "CREATE INDEX IF NOT EXISTS search_entry_newest ON search_searchentry (date DESC NULLS LAST, id DESC)",
    "ANALYZE search_searchentry",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_newest",
    "ALTER TABLE search_searchentry RESET (toast_tuple_target)",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0003_postgres_search_vectors")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
