"""Every public URL answers 200, a redirect or a clean 4xx to any query string and any id or slug.

The URLs come from the site itself: every live page of the demo site (in each language),
every route of the URL configuration outside the admin, and every sub-route of routable
pages. The parameter names come from the code: whatever a view reads from the query string
(`params.get("…")`, `request.GET.get("…")`), plus names no view reads. Values are hostile:
numbers past every range, negative, fractional, non-ASCII digits, NUL and control
characters, very long strings, repeated and array-style names.
"""

import re
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.conf import settings as django_settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, get_page_models

from documents.models import DocumentVersion, RegistryDocument

ROOT = Path(__file__).resolve().parents[2]
APPS = ["calls", "consultations", "documents", "home", "news", "search", "strategies"]
LANGUAGE_PREFIXES = [f"/{code}/" for code, _name in django_settings.LANGUAGES]
# Routes that are not public pages: the editors' admin; files served from disk in development.
NOT_PUBLIC = ("admin/", "^media/")


def parameter_names_read_by_the_code() -> list[str]:
    """Every query-string name a view or listing reads, found in the source, so new ones are fuzzed too."""
    reads = re.compile(r"""(?:params|GET)\.(?:get|getlist|pop)\(\s*["']([^"']+)["']""")
    names = set()
    for app in APPS:
        for source in (ROOT / app).rglob("*.py"):
            if "migrations" not in source.parts:
                names.update(reads.findall(source.read_text(encoding="utf-8")))
    return sorted(names)


KNOWN_NAMES = parameter_names_read_by_the_code()

BOUNDARY_VALUES = [
    "10000",
    "99999",
    str(2**31 - 1),
    str(2**31),
    str(2**63 - 1),
    str(2**63),
    str(2**64),
    "9" * 30,
    "9" * 5000,
    "-1",
    "0",
    "1.5",
    "1e9",
    "NaN",
    "inf",
    "²",
    "١٢٣",
    "１２",
    "\x00",
    "a\x00b",
    "\r\n",
    "0x10",
    " 7",
    "",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\\",
    "%",
    "[]",
]
# The values most likely to break a parser, each sent to every page in the deterministic test.
SHARPEST_VALUES = ["10000", str(2**63), "9" * 5000, "²", "\x00", "-1", "1.5"]
printable_or_not = st.characters(exclude_categories=["Cs"])
hostile_values = st.one_of(
    st.sampled_from(BOUNDARY_VALUES),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats().map(str),
    st.text(alphabet=printable_or_not, max_size=40),
    st.text(alphabet=printable_or_not, min_size=1, max_size=3).map(lambda text: text * 3000),
)
parameter_names = st.one_of(
    st.sampled_from(KNOWN_NAMES),
    st.sampled_from(KNOWN_NAMES).map(lambda name: f"{name}[]"),
    st.text(alphabet=printable_or_not, min_size=1, max_size=20),
)
query_strings = st.lists(st.tuples(parameter_names, hostile_values), max_size=6)
hostile_ids = st.one_of(
    st.integers(min_value=0, max_value=10**25),
    st.sampled_from([2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, 10**20]),
).map(str)
path_segments = st.one_of(
    st.sampled_from(["csv", "json", "ics", "docx", "pdf", "xml", "x", "-", "..", "%00"]),
    st.from_regex(r"[-a-zA-Z0-9_]{1,60}", fullmatch=True),
    st.text(alphabet=printable_or_not, min_size=1, max_size=60),
)


# --------------------------------------------------------------------------
# The URLs, from the site itself
# --------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"<(?:(\w+):)?(\w+)>")
REGEX_GROUP = re.compile(r"\((?:\?P<\w+>)?([^()]*)\)")


class Route:
    """A URL pattern with holes; `fill` puts a value in each hole (an id where the pattern wants digits)."""

    def __init__(self, name: str, pattern, prefixes):
        self.name = name
        self.prefixes = prefixes
        if isinstance(pattern, RoutePattern):
            pieces = PLACEHOLDER.split(str(pattern))
            self.literals = pieces[0::3]
            self.converters = pieces[1::3]
            self.holes = ["id" if converter in ("int", "dbid") else "text" for converter in self.converters]
        else:
            pieces = REGEX_GROUP.split(str(pattern).lstrip("^").rstrip("$"))
            self.literals = [piece.replace("\\", "") for piece in pieces[0::2]]
            self.holes = ["id" if r"\d" in group else "text" for group in pieces[1::2]]
            self.converters = ["regex"] * len(self.holes)

    def fill(self, prefix: str, values: list[str]) -> str:
        parts = [self.literals[0]]
        for value, literal in zip(values, self.literals[1:], strict=True):
            parts += [quote(value, safe=""), literal]
        return prefix + "".join(parts)

    def __repr__(self):
        return self.name


def public_routes() -> list[Route]:
    """Every named route outside the admin and the page tree, in each language where it is prefixed."""
    routes = []

    def walk(patterns, before: str, prefixes, namespace=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if isinstance(entry.pattern, LocalePrefixPattern):
                    walk(entry.url_patterns, before, LANGUAGE_PREFIXES, namespace)
                elif not str(entry.pattern).startswith(NOT_PUBLIC):
                    walk(entry.url_patterns, before + str(entry.pattern), prefixes, entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and not str(entry.pattern).startswith(NOT_PUBLIC):
                if entry.name == "wagtail_serve":
                    continue  # the page tree: every page is enumerated from the demo site instead
                pattern = entry.pattern
                if before:
                    pattern = (RoutePattern if isinstance(pattern, RoutePattern) else RegexPattern)(
                        before + str(pattern).lstrip("^")
                    )
                name = entry.name or str(entry.pattern)
                routes.append(Route(f"{namespace}:{name}" if namespace else name, pattern, prefixes))

    walk(get_resolver().url_patterns, "", ["/"])
    return routes


PAGE_TYPES = [model for model in get_page_models() if model.is_creatable]
ROUTES = public_routes()
SUBPAGE_ROUTES = [
    (model, pattern)
    for model in PAGE_TYPES
    if issubclass(model, RoutablePageMixin)
    for pattern in model.get_subpage_urls()
]


@pytest.fixture(scope="module")
def site(demo_snapshot, django_db_blocker):
    """The session's demo site, put back once for the module and rolled back after it."""
    from tests.demo_snapshot import restore

    with django_db_blocker.unblock(), transaction.atomic():
        restore(demo_snapshot)
        pages = list(Page.objects.live().filter(depth__gt=1).specific())
        ids = sorted(
            {page.pk for page in pages}
            | set(RegistryDocument.objects.values_list("pk", flat=True))
            | set(DocumentVersion.objects.values_list("pk", flat=True))
            | set(PageViewRestriction.objects.values_list("pk", flat=True))
        )
        yield {
            "pages": {model: [page.url for page in pages if type(page) is model] for model in PAGE_TYPES},
            "ids": [str(pk) for pk in ids],
        }
        transaction.set_rollback(True)


def get(path: str, pairs) -> int:
    query = urlencode([(name, value) for name, value in pairs])
    # A new visitor for every request: no cookie or session of an earlier value changes the answer.
    response = Client().get(f"{path}?{query}" if query else path, HTTP_HOST="localhost")
    return response.status_code


def pages_of(site, model) -> list[str]:
    urls = site["pages"][model]
    assert urls, f"the demo site has no live {model.__name__}: add one so its URLs are tested"
    return urls


FUZZ = settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


def test_the_fuzzed_names_include_every_filter_of_the_listings():
    assert {"year", "area", "page", "q", "type", "topic", "format", "status", "body", "sort", "kind"} <= set(
        KNOWN_NAMES
    )


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_answers_boundary_values_of_every_filter_without_a_server_error(site, model):
    """Deterministic: each known name at once set to each boundary value, on every page of the type."""
    failures = []
    for url in pages_of(site, model):
        for value in SHARPEST_VALUES:
            status = get(url, [(name, value) for name in KNOWN_NAMES])
            if status >= 500:
                failures.append((url, value[:20], status))
    assert failures == []


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
@FUZZ
@given(choice=st.integers(min_value=0), pairs=query_strings, extra_path=st.lists(path_segments, max_size=2))
def test_every_page_type_answers_any_query_string_and_extra_path_without_a_server_error(
    site, model, choice, pairs, extra_path
):
    urls = pages_of(site, model)
    url = urls[choice % len(urls)] + "".join(f"{quote(segment, safe='')}/" for segment in extra_path)
    assert get(url, pairs) < 500, (url, pairs)


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=repr)
@FUZZ
@given(data=st.data(), pairs=query_strings)
def test_every_route_answers_any_path_values_and_query_string_without_a_server_error(site, route, data, pairs):
    values = [
        data.draw(st.one_of(st.sampled_from(site["ids"]), hostile_ids) if hole == "id" else path_segments)
        for hole in route.holes
    ]
    url = route.fill(data.draw(st.sampled_from(route.prefixes)), values)
    assert get(url, pairs) < 500, (url, pairs)


def test_every_id_in_the_projects_own_routes_is_bounded_to_the_database_range():
    own = [route for route in ROUTES if ":" in route.name]
    assert own, "the apps' routes are namespaced (app_name)"
    assert [route.name for route in own if "int" in route.converters] == []


@pytest.mark.django_db
@pytest.mark.parametrize("route", [route for route in ROUTES if "dbid" in route.converters], ids=repr)
def test_every_route_answers_ids_beyond_the_database_range_with_not_found(site, route):
    for huge in (str(2**63), "9" * 25):
        for prefix in route.prefixes:
            values = [huge if hole == "id" else "x" for hole in route.holes]
            url = route.fill(prefix, values)
            assert get(url, []) == 404, url


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "subpage"),
    SUBPAGE_ROUTES,
    ids=[f"{model.__name__}:{pattern.name or 'index'}" for model, pattern in SUBPAGE_ROUTES],
)
@FUZZ
@given(data=st.data(), pairs=query_strings)
def test_every_page_sub_route_answers_any_token_and_query_string_without_a_server_error(
    site, model, subpage, data, pairs
):
    route = Route(subpage.name, subpage.pattern, pages_of(site, model))
    values = [
        data.draw(
            st.one_of(st.sampled_from(site["ids"]), hostile_ids)
            if hole == "id"
            else st.one_of(path_segments, st.binary(min_size=16, max_size=48).map(bytes.hex))
        )
        for hole in route.holes
    ]
    url = route.fill(data.draw(st.sampled_from(route.prefixes)), values)
    assert get(url, pairs) < 500, (url, pairs)
