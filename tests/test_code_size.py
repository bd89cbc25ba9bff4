"""Product and tools code stays readable in one sitting: no module over 400 lines, no function over 60.

Tests, migrations and data files (anything not .py) are not counted; demo code is.
"""

import ast

from tests.code_walk import parse, product_modules, relative

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def line_count(path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def functions(tree: ast.Module):
    """(qualified name, node) of every function and method, nested ones included."""

    def walk(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield f"{prefix}{child.name}", child
                yield from walk(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, f"{prefix}{child.name}.")
            else:
                yield from walk(child, prefix)

    yield from walk(tree, "")


def function_lines(node) -> int:
    """From the first decorator to the last line of the body."""
    first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
    return node.end_lineno - first + 1


def test_the_walk_sees_the_apps_the_tools_and_no_tests_or_migrations():
    paths = [relative(path) for path in product_modules()]

    assert "search/query.py" in paths
    assert "tools/benchmark/corpus.py" in paths
    assert not [path for path in paths if path.startswith("tests/") or "/migrations/" in path]


def test_no_module_is_over_400_lines():
    too_long = {relative(path): line_count(path) for path in product_modules()}

    offenders = [f"{path}: {lines} lines" for path, lines in too_long.items() if lines > MAX_MODULE_LINES]

    assert not offenders, "split these modules by meaning:\n" + "\n".join(offenders)


def test_no_function_is_over_60_lines():
    too_long = {
        f"{relative(path)}: {name}": function_lines(node)
        for path in product_modules()
        for name, node in functions(parse(path))
        if function_lines(node) > MAX_FUNCTION_LINES
    }

    offenders = [f"{name}: {lines} lines" for name, lines in too_long.items()]

    assert not offenders, "split these functions:\n" + "\n".join(offenders)
