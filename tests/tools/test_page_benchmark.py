"""The page benchmark's pure parts (`make bench`, tools/benchmark/pages*): CPU accounting, wrk's report,
the report's table and verdicts, and the URLs and query counts it finds on the demo content.

The benchmark itself is not a test: nothing here times anything.
"""

import os

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from tests.documents.factories import RegistryDocumentFactory
from tools.benchmark.pages_cpu import parse_stat, process_tree_cpu_seconds, tree_cpu_ticks
from tools.benchmark.pages_kinds import PAGE_TYPES
from tools.benchmark.pages_load import PYTHON_GENERATOR, WRK_GENERATOR, LoadResult, parse_wrk_report
from tools.benchmark.pages_nginx import nginx_config
from tools.benchmark.pages_phase import cache_state, warmed_state
from tools.benchmark.pages_report import (
    APP_CACHED,
    NGINX,
    UNCACHED,
    VARNISH,
    PhaseResult,
    RunContext,
    render,
    result_row,
    verdicts,
)
from tools.benchmark.pages_targets import count_queries, find_targets
from tools.benchmark.timing import percentile
from tools.management.commands.page_benchmark_cleanup import delete_stored_files


def stat_line(pid: int, name: str, ppid: int, utime: int, stime: int) -> str:
    """A /proc/<pid>/stat line as the kernel writes it (52 fields; only these matter here)."""
    fields = [str(pid), f"({name})", "S", str(ppid), *["0"] * 9, str(utime), str(stime), *["0"] * 37]
    return " ".join(fields) + "\n"


def load(requests=1000, seconds=2.0, errors=0, generator=WRK_GENERATOR) -> LoadResult:
    return LoadResult(requests, seconds, errors, 1.25, 4.5, 9.75, generator)


def test_stat_fields_are_counted_from_the_last_parenthesis_so_odd_command_names_do_not_shift_them():
    text = stat_line(4242, "gunicorn: worker [cso) site]", 4100, utime=250, stime=75)

    assert parse_stat(text) == (4100, 325)


def test_tree_cpu_adds_the_root_and_every_descendant_and_nothing_else():
    stats = {
        10: stat_line(10, "gunicorn: master", 1, 100, 10),
        11: stat_line(11, "gunicorn: worker", 10, 2000, 300),
        12: stat_line(12, "gunicorn: worker", 10, 1500, 200),
        13: stat_line(13, "helper of worker", 12, 40, 2),
        20: stat_line(20, "wrk", 1, 9999, 9999),  # the load generator is not the server
    }

    assert tree_cpu_ticks(10, stats) == 110 + 2300 + 1700 + 42
    assert tree_cpu_ticks(12, stats) == 1700 + 42
    assert tree_cpu_ticks(99, stats) == 0  # a process that has ended counts nothing


def test_process_tree_cpu_reads_this_process_from_proc_as_the_kernel_counts_it():
    times = os.times()
    own_before = times.user + times.system

    measured = process_tree_cpu_seconds([os.getpid()])

    # Same kernel counters; /proc is read after os.times(), so it can only have grown.
    assert measured >= own_before - 1 / os.sysconf("SC_CLK_TCK")
    assert measured > 0


def test_wrk_report_line_gives_requests_duration_errors_and_percentiles_in_ms():
    output = (
        "Running 3s test @ http://127.0.0.1:8080/\n  2 threads and 16 connections\n"
        "BENCH requests=90210 duration_us=3001500 errors=3 p50_us=150 p95_us=2400 p99_us=12500\n"
    )

    result = parse_wrk_report(output)

    assert (result.requests, result.errors, result.generator) == (90210, 3, WRK_GENERATOR)
    assert result.seconds == pytest.approx(3.0015)
    assert (result.p50_ms, result.p95_ms, result.p99_ms) == (0.15, 2.4, 12.5)
    assert result.requests_per_second == pytest.approx(90210 / 3.0015)


def test_wrk_output_without_the_report_line_is_an_error_not_zero_requests():
    with pytest.raises(ValueError, match="no BENCH line"):
        parse_wrk_report("unable to connect to 127.0.0.1:1 Connection refused\n")


def test_percentiles_are_nearest_rank():
    samples = [float(n) for n in range(1, 101)]

    assert [percentile(samples, share) for share in (0.50, 0.95, 0.99)] == [50.0, 95.0, 99.0]
    assert percentile([], 0.95) == 0.0


def test_row_shows_cpu_per_request_in_ms_and_dashes_where_nothing_was_measured():
    rendered = PhaseResult("home", "sr-cyrl", "/sr-cyrl/", UNCACHED, load(requests=400), cpu_seconds=12.0, queries=19)
    no_cpu = PhaseResult("home", "sr-cyrl", "/sr-cyrl/", VARNISH, load(requests=0), cpu_seconds=None)

    assert result_row(rendered) == ["home", "sr-cyrl", UNCACHED, "-", "200", "1.2", "4.5", "9.8", "30.00", "19", "0"]
    assert result_row(no_cpu)[4] == "0"
    assert result_row(no_cpu)[8:10] == ["-", "-"]


def test_verdicts_use_the_medians_of_alternating_rounds_and_the_most_expensive_cached_hit():
    results = [
        PhaseResult("home", "sr-cyrl", "/sr-cyrl/", APP_CACHED, load(requests=1000), cpu_seconds=0.8, cache="hit"),
        PhaseResult("feed", "en", "/en/feeds/news/rss/", APP_CACHED, load(requests=1000), cpu_seconds=2.5, cache="hit"),
        # Rendered every time (the cache would not keep it): not a hit, so not in the hit's verdict.
        PhaseResult("consultation", "en", "/en/c/", APP_CACHED, load(requests=100), cpu_seconds=6.0, cache="miss"),
    ]
    # A burst of a neighbour hit nginx's second round: the medians keep it out of the verdict.
    rounds = [(30000.0, 50000.0), (31000.0, 9000.0), (29000.0, 52000.0)]

    varnish_line, missed_line, cpu_line = verdicts(results, rounds)

    assert "60%" in varnish_line and "30,000 vs 50,000 req/s" in varnish_line and varnish_line.endswith(": met.")
    assert missed_line.endswith(": consultation (en)")
    assert "2.50 ms" in cpu_line and "(feed, en;" in cpu_line and cpu_line.endswith("NOT met.")


def test_cache_state_is_what_varnish_or_else_the_app_said_about_the_response():
    assert cache_state({"x-cache": "HIT", "x-page-cache": "miss"}) == "hit"  # Varnish in front answers first
    assert cache_state({"x-page-cache": "hit"}) == "hit"
    assert cache_state({"content-type": "text/html"}) == "-"


def test_a_page_counts_as_cached_when_any_warm_up_hit_since_each_worker_fills_its_own_cache():
    assert warmed_state(["miss", "hit", "hit", "miss"]) == "hit"
    assert warmed_state(["miss", "miss"]) == "miss"
    assert warmed_state(["-", "-"]) == "-"


def test_without_rounds_the_varnish_verdict_compares_the_single_phases_or_says_it_was_not_measured():
    varnish = PhaseResult("home", "sr-cyrl", "/sr-cyrl/", VARNISH, load(requests=20000, seconds=2.0))
    nginx = PhaseResult("home", "sr-cyrl", "/sr-cyrl/", NGINX, load(requests=100000, seconds=2.0))

    line = verdicts([varnish, nginx])[0]

    assert "20% of the throughput" in line and "one phase each" in line and line.endswith("NOT met.")
    assert "not measured" in verdicts([varnish])[0]


def test_report_states_the_load_average_and_warns_when_the_python_generator_limited_the_fast_rows():
    context = RunContext(started="2026-11-27 02:00 UTC", machine="2 cores", load_before="1.50 1.20 0.90")
    context.load_after, context.generator = "2.10 1.40 1.00", PYTHON_GENERATOR
    rows = [PhaseResult("home", "en", "/en/", UNCACHED, load(generator=PYTHON_GENERATOR), 1.0, 15)]

    document = render(context, rows)

    assert "before: 1.50 1.20 0.90; after: 2.10 1.40 1.00" in document
    assert "generator's ceiling" in document
    table_rows = [[cell.strip() for cell in line.split("|")[1:-1]] for line in document.splitlines()]
    assert ["home", "en", UNCACHED, "-", "500", "1.2", "4.5", "9.8", "1.00", "15", "0"] in table_rows


def test_nginx_config_listens_on_loopback_only_and_keeps_its_files_in_the_work_directory(tmp_path):
    config = nginx_config(tmp_path, tmp_path / "html", 8123)

    assert "listen 127.0.0.1:8123;" in config
    assert f"root {tmp_path / 'html'};" in config
    assert f"pid {tmp_path / 'nginx.pid'};" in config
    assert "/var/" not in config


@pytest.mark.django_db
def test_targets_cover_every_page_type_and_a_cached_hit_runs_fewer_queries(demo_site):
    targets = find_targets(languages=["sr-cyrl"])

    assert [target.page for target in targets] == list(PAGE_TYPES)
    home = count_queries(targets[0], cache_seconds=60)
    assert home.status == 200
    assert home.queries_uncached > home.queries_cached_hit


@pytest.mark.django_db
def test_cleanup_deletes_every_file_the_scratch_database_names(local_media):
    document = RegistryDocumentFactory()
    stored = local_media / document.file.name
    assert stored.exists()

    assert delete_stored_files() == 1

    assert not stored.exists()


@pytest.mark.django_db
def test_cleanup_refuses_a_database_that_is_not_a_scratch_one_of_make_bench():
    with pytest.raises(CommandError, match="not a scratch database"):
        call_command("page_benchmark_cleanup")
