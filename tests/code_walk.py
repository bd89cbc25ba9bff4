"""The project's own Python code, for tests that read it (sizes, imports, declared requirements).

"Product code" is every module of the apps, the site package and the tools, demo included;
tests, migrations and anything under a dot-directory (.venv, .services, caches) are not.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_FOLDERS = {"tests", "migrations", "node_modules", "__pycache__", "media", "static"}


def _skipped(path: Path) -> bool:
    parts = path.relative_to(ROOT).parts[:-1]
    return any(part in SKIPPED_FOLDERS or part.startswith(".") for part in parts)


def product_modules() -> list[Path]:
    return sorted(path for path in ROOT.rglob("*.py") if not _skipped(path))


def suite_modules() -> list[Path]:
    return sorted(path for path in (ROOT / "tests").rglob("*.py") if "__pycache__" not in path.parts)


@cache
def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@cache
def first_party_names() -> frozenset[str]:
    """Top-level names the project's own code is imported by: its packages and root modules."""
    names = {path.name for path in ROOT.iterdir() if (path / "__init__.py").exists()}
    names |= {path.stem for path in ROOT.glob("*.py")}
    return frozenset(names)


def imported_names(tree: ast.Module) -> Iterator[tuple[str, int]]:
    """(top-level name, line) of every absolute import in the module, lazy ones inside functions too."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.partition(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.partition(".")[0], node.lineno


def is_third_party(name: str) -> bool:
    return name not in sys.stdlib_module_names and name not in first_party_names() and name != "__future__"
