"""The apps form a tree: core at the root, no two apps importing each other, no app importing upwards.

The import graph is read from the product's source with `ast` (every .py file outside tests/,
migrations/ and the virtualenv), counting imports inside functions too: a deferred import is
still a dependency. The layers are those of docs/architecture.md.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOT_PRODUCT = {"tests", "migrations", "node_modules", "static", "static_src", "media", "locale", "templates"}

# Lowest first. An app may import apps of lower layers only: never a sibling, never a higher layer.
LAYERS = [
    {"core"},
    {"home"},
    {"documents"},
    {"calls", "consultations", "news", "strategies"},
    {"search"},
    # What follows the office across apps: organisation pages, e-mail alerts, the public API.
    {"organisations", "alerts", "api"},
    # What nothing in the product imports: the demo content, the measuring tools, the project.
    {"demo", "tools", "cso_site"},
]
DEMO = "demo"


def app_of(module: str) -> str:
    """The app a dotted module belongs to; demo code counts as the demo app wherever it still lives."""
    parts = module.split(".")
    if any(part == DEMO or part.startswith(("demo_", "load_demo")) for part in parts):
        return DEMO
    return parts[0]


def imported_modules(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module `module` imports, anywhere in its source (functions included), relative ones resolved."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                imported.add(".".join([*base, node.module] if node.module else base))
            else:
                imported.add(node.module)
    return imported


def product_files(root: Path):
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if any(part in NOT_PRODUCT or part.startswith(".") for part in relative.parts):
            continue
        # Top-level scripts (manage.py) are no app; every app is a package.
        if len(relative.parts) > 1 and (root / relative.parts[0] / "__init__.py").exists():
            yield relative


def import_graph(root: Path) -> dict[str, set[str]]:
    """App -> the other first-party apps it imports."""
    files = list(product_files(root))
    first_party = {relative.parts[0] for relative in files}
    graph: dict[str, set[str]] = {}
    for relative in files:
        is_package = relative.name == "__init__.py"
        module = ".".join(relative.parts[:-1] if is_package else relative.with_suffix("").parts)
        source_app = app_of(module)
        graph.setdefault(source_app, set())
        for target in imported_modules((root / relative).read_text(), module, is_package=is_package):
            if target.split(".")[0] in first_party and app_of(target) != source_app:
                graph[source_app].add(app_of(target))
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path [a, b, …, a], or None when it has none (depth-first search)."""
    done, path = set(), []

    def visit(node):
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        for target in sorted(graph.get(node, ())):
            cycle = visit(target)
            if cycle:
                return cycle
        path.pop()
        done.add(node)
        return None

    for start in sorted(graph):
        cycle = visit(start)
        if cycle:
            return cycle
    return None


def layering_violations(graph: dict[str, set[str]], layers: list[set[str]]) -> list[str]:
    layer_of = {app: position for position, apps in enumerate(layers) for app in apps}
    violations = [
        f"{app} is in no layer: add it to LAYERS and docs/architecture.md" for app in graph if app not in layer_of
    ]
    for app, targets in graph.items():
        for target in sorted(targets):
            if app in layer_of and target in layer_of and layer_of[target] >= layer_of[app]:
                violations.append(f"{app} imports {target}, which is not below it")
    return violations


@pytest.fixture(scope="module")
def graph():
    return import_graph(ROOT)


def test_the_graph_covers_every_app(graph):
    assert {"core", "home", "documents", "consultations", "calls", "news", "strategies", "search"} <= set(graph)


def test_no_cycle_between_apps(graph):
    assert find_cycle(graph) is None


def test_core_imports_no_feature_app(graph):
    assert graph["core"] == set()


def test_apps_import_only_lower_layers(graph):
    assert layering_violations(graph, LAYERS) == []


# The checker itself, on graphs and sources small enough to read.


def test_a_cycle_is_found_and_shown_as_a_path():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]


def test_a_tree_or_diamond_has_no_cycle():
    assert find_cycle({"top": {"left", "right"}, "left": {"core"}, "right": {"core"}, "core": set()}) is None


def test_imports_inside_functions_and_relative_imports_count():
    source = "from .models import Page\n\ndef view():\n    from search.query import run\n    import news.feeds\n"
    assert imported_modules(source, "calls.views") == {"calls.models", "search.query", "news.feeds"}
    assert imported_modules("from .. import x\nfrom . import y\n", "calls.models", is_package=True) == {
        "calls",
        "calls.models",
    }


def test_a_cycle_through_a_deferred_import_in_files_is_caught(tmp_path):
    for app, source in {"alpha": "from beta import b\n", "beta": "def f():\n    from alpha import a\n"}.items():
        (tmp_path / app).mkdir()
        (tmp_path / app / "__init__.py").write_text("")
        (tmp_path / app / "module.py").write_text(source)
    (tmp_path / "alpha" / "migrations").mkdir()
    (tmp_path / "alpha" / "migrations" / "0001_initial.py").write_text("import gamma\n")

    graph = import_graph(tmp_path)

    assert graph == {"alpha": {"beta"}, "beta": {"alpha"}}, "migrations do not count"
    assert find_cycle(graph) == ["alpha", "beta", "alpha"]


def test_siblings_and_upward_imports_break_the_layering():
    layers = [{"core"}, {"calls", "news"}, {"search"}]
    graph = {"core": set(), "calls": {"news", "core"}, "news": {"search"}, "search": {"core"}, "extra": set()}
    assert layering_violations(graph, layers) == [
        "extra is in no layer: add it to LAYERS and docs/architecture.md",
        "calls imports news, which is not below it",
        "news imports search, which is not below it",
    ]


def test_demo_code_counts_as_the_demo_app_wherever_it_lives():
    assert app_of("calls.demo") == app_of("home.demo.builder") == app_of("documents.demo_files") == DEMO
    assert app_of("calls.views") == "calls"
