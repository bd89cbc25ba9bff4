"""The search benchmark's corpus is reproducible, its commands live in `tools`, and the product never needs them."""

import hashlib

import pytest

from django.core.management import call_command, get_commands
from django.core.management.base import CommandError

from search.models import SearchEntry
from tests.code_walk import imported_names, parse, product_modules, relative
from tools.benchmark.corpus import DEFAULT_SEED, KEY_PREFIX, generate_document, to_entry
from tools.benchmark.timing import Timings, format_table, percentile
from tools.benchmark.titles import MAX_WORDS, MIN_WORDS

# sha256 of the first 200 documents of the default seed, as the generator wrote them when the
# published numbers (docs/benchmarks/search.md) were measured: a change here makes them incomparable.
CORPUS_DIGEST = "c1110aa1095a9c8dccfe995142970bcd085a895d2ec94c8802f302a8c598287d"


def corpus_digest(count: int) -> str:
    digest = hashlib.sha256()
    for n in range(count):
        d = generate_document(n, DEFAULT_SEED)
        fields = [d.kind, str(d.document_type_id), d.date.isoformat(), d.title, d.title_en, d.text, d.text_en]
        digest.update("\x1f".join([*fields, str(d.latin)]).encode())
    return digest.hexdigest()


def test_the_corpus_is_the_one_the_published_numbers_were_measured_on():
    assert corpus_digest(200) == CORPUS_DIGEST


def test_titles_have_five_to_fifteen_words_and_entries_carry_the_bench_key():
    for n in range(300):
        document = generate_document(n)
        entry = to_entry(document)

        assert MIN_WORDS <= len(document.title.split()) <= MAX_WORDS, document.title
        assert entry.key == f"{KEY_PREFIX}{n}"
        assert entry.kind == document.kind


def test_percentiles_are_nearest_rank_and_tables_align_numbers_right():
    timings = Timings()
    for seconds in (0.004, 0.001, 0.003, 0.002):
        timings.add(seconds)

    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.0
    assert timings.summary()["p95"] == pytest.approx(4.0)
    assert format_table(["query", "ms"], [["a", "12"], ["bb", "3"]]).splitlines() == [
        "| query | ms |",
        "|-------|---:|",
        "| a     | 12 |",
        "| bb    |  3 |",
    ]


def test_the_measuring_commands_come_from_the_tools_app():
    commands = get_commands()

    assert commands["search_benchmark"] == "tools"
    assert commands["search_relevance"] == "tools"


@pytest.mark.django_db
def test_the_benchmark_refuses_a_database_not_named_for_benchmarks():
    SearchEntry.objects.create(key="page:1", kind="home.standardpage", titles={}, urls={})

    with pytest.raises(CommandError, match="Refusing to run on database"):
        call_command("search_benchmark", size=[5], backend="database")

    assert list(SearchEntry.objects.values_list("key", flat=True)) == ["page:1"]


def test_no_product_module_imports_the_tools():
    importing = [
        f"{relative(path)}:{line}"
        for path in product_modules()
        if not relative(path).startswith("tools/")
        for name, line in imported_names(parse(path))
        if name == "tools"
    ]

    assert importing == []
