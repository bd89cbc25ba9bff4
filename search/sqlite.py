"""The embedded default's search: modelsearch's SQLite FTS5 backend, with Serbian stemming.

FTS5 has no Serbian stemmer (its tokenizers are written in C), so the words are stemmed
before they reach it: the indexed title and body through ``stem_text`` when an object
is indexed, and every word of a query through the same function when it is searched.
Both sides then hold Snowball stems of normalised words, as PostgreSQL's vectors do, and
"друштво", "drustvo" and "društva" find the same entries. The autocomplete column keeps
the words whole: it is matched by prefix, as typed.

An index built before stemming holds whole words: ``manage.py update_index`` rebuilds it
(the Procfile's release step runs it on every deploy).
"""

from __future__ import annotations

from functools import cached_property

from modelsearch.backends.database.sqlite.query import BM25
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.index import SearchField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from .stemming import stem_text

# A title word counts as ten body words, as on PostgreSQL, whose vectors weigh the title
# 'A' (1.0) and the text 'D' (0.1) (search/migrations/0003_postgres_search_vectors.py).
TITLE_WEIGHT = 10


def is_title(field) -> bool:
    """Titles (the fields a model boosts) go to the title column, which ranks higher."""
    return field.field_name == "title" or (field.boost or 1) > 1


class StemmedObjectIndexer(ObjectIndexer):
    def stemmed(self, titles: bool) -> str:
        texts = [
            value
            for field in self.search_fields
            for current_field, value in self.prepare_field(self.obj, field)
            if isinstance(current_field, SearchField) and is_title(current_field) == titles
        ]
        return stem_text(" ".join(texts))

    @cached_property
    def title(self):
        return self.stemmed(titles=True)

    @cached_property
    def body(self):
        return self.stemmed(titles=False)


class StemmedSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        """modelsearch's add_items, with the stemming indexer: update the rows that exist, create the rest."""
        if not model.get_search_fields() or not objs:
            return
        content_type_pk = get_content_type_pk(model)
        rows = {}
        for obj in objs:
            indexer = StemmedObjectIndexer(obj, self.backend)
            rows[indexer.id] = {"title": indexer.title, "autocomplete": indexer.autocomplete, "body": indexer.body}
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=rows).values_list("object_id", flat=True))
        for object_id in existing:
            entries.filter(object_id=object_id).update(**rows[object_id])
        self.entries.bulk_create(
            IndexEntry(content_type_id=content_type_pk, object_id=object_id, **values)
            for object_id, values in rows.items()
            if object_id not in existing
        )
        self._refresh_title_norms()


class WeightedBM25(BM25):
    """FTS5's bm25 with a word in the title worth TITLE_WEIGHT words of the body.

    modelsearch ranks with bm25 over all columns alike, times a title length factor, and
    puts only a field named "title" in the title column: the entries' titles counted as
    words of the body.
    """

    def as_sql(self, compiler, connection, function=None, template=None):
        # The columns in the order of the FTS5 table: autocomplete (not searched here), body, title.
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, 0, 1, {TITLE_WEIGHT})", []


class StemmedSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            # Words with no stem (punctuation only) stay as they were, and find nothing.
            query = PlainText(
                stem_text(query.query_string) or query.query_string, operator=query.operator, boost=query.boost
            )
        elif isinstance(query, Phrase):
            query = Phrase(stem_text(query.query_string) or query.query_string)
        return super().build_search_query_content(query, config=config)

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()


class StemmedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = StemmedSQLiteSearchQueryCompiler
    index_class = StemmedSQLiteIndex
