"""Every package the code imports is declared and pinned: runtime ones in requirements.txt, test ones in
requirements-dev.txt, so a fresh install (`make run`, CI) has what the code needs at the version it was built on.
"""

import re
from importlib.metadata import PackageNotFoundError, packages_distributions, version
from pathlib import Path

from django.conf import settings

from tests.code_walk import ROOT, imported_names, is_third_party, parse, product_modules, relative, suite_modules

REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*==\s*(?P<version>[^\s;#]+)")


def canonical(name: str) -> str:
    """PEP 503 normalised distribution name: "Pillow", "pillow" and "python_docx"/"python-docx" are one."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    """{distribution: pinned version} of a requirements file, following its ``-r`` includes."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split(" #")[0].strip()
        if line.startswith("-r"):
            found |= pins(path.parent / line.removeprefix("-r").strip())
        elif line and not line.startswith("#"):
            match = REQUIREMENT.match(line)
            assert match, f"{path.name}: {line!r} is not pinned with =="
            found[canonical(match["name"])] = match["version"]
    return found


def third_party_imports(modules) -> dict[str, list[str]]:
    """{import name: ["file:line", …]} of the third-party packages the modules import."""
    found: dict[str, list[str]] = {}
    for path in modules:
        for name, line in imported_names(parse(path)):
            if is_third_party(name):
                found.setdefault(name, []).append(f"{relative(path)}:{line}")
    return found


def undeclared(imports: dict[str, list[str]], declared: dict[str, str]) -> list[str]:
    distributions = packages_distributions()
    missing = []
    for name, places in sorted(imports.items()):
        providers = {canonical(distribution) for distribution in distributions.get(name, [])}
        if not providers & declared.keys():
            missing.append(f"{name} (distribution {sorted(providers) or 'not installed'}), imported at {places[0]}")
    return missing


def settings_apps() -> dict[str, list[str]]:
    """Packages Django imports by name from the settings: installed apps and middleware."""
    names = [*settings.INSTALLED_APPS, *settings.MIDDLEWARE]
    return {name.partition(".")[0]: ["settings"] for name in names if is_third_party(name.partition(".")[0])}


def test_every_package_the_product_imports_is_pinned_in_requirements_txt():
    imports = third_party_imports(product_modules()) | settings_apps()

    assert undeclared(imports, pins(ROOT / "requirements.txt")) == []


def test_every_package_the_tests_import_is_pinned_in_requirements_dev_txt():
    imports = third_party_imports(suite_modules())

    assert undeclared(imports, pins(ROOT / "requirements-dev.txt")) == []


def test_requirements_dev_txt_installs_the_runtime_requirements_too():
    assert pins(ROOT / "requirements.txt").items() <= pins(ROOT / "requirements-dev.txt").items()


def test_every_pin_is_the_version_installed_in_the_virtualenv():
    installed = {}
    for name in pins(ROOT / "requirements-dev.txt"):
        try:
            installed[name] = version(name)
        except PackageNotFoundError:
            installed[name] = "not installed"

    assert installed == pins(ROOT / "requirements-dev.txt")
