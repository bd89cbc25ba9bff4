"""PostgreSQL only: the entries' own full-text vectors, kept by the database itself.

Two generated columns and a GIN index let the public search answer with one indexed query
per step, instead of joining modelsearch's generic index table (see search/postgres.py).
They are not model fields: the ORM never writes them, and other databases lack them.
"""

from django.db import migrations

VECTOR = (
    "setweight(to_tsvector('serbian', coalesce(search_title, '')), 'A') || "
    "setweight(to_tsvector('serbian', left(coalesce(search_text, ''), {limit})), 'D')"
)

FORWARD = [
    # Everything: what matches. (A tsvector must stay under 1 MB.)
    f"ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({VECTOR.format(limit=400000)}) STORED",
    # Title and the opening text: what ranks, when too many entries match to rank them all.
    f"ALTER TABLE search_searchentry ADD COLUMN lead_vector tsvector "
    f"GENERATED ALWAYS AS ({VECTOR.format(limit=1500)}) STORED",
    "CREATE INDEX search_entry_vector ON search_searchentry USING gin (search_vector)",
    # Without statistics on the new column the planner assumes a few hundred matches per word.
    "ANALYZE search_searchentry",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS lead_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS search_vector",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0002_word_forms")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
