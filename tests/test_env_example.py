""".env.example lists every variable an operator can set: the README's table and every read in the settings."""

import ast
import re
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SETTINGS = PROJECT / "cso_site" / "settings"
BACKTICKED_NAME = re.compile(r"`([A-Z][A-Z0-9_]+)`")
# `NAME=value`, or `# NAME=value` for a variable left at its default.
EXAMPLE_ENTRY = re.compile(r"^(?:#\s*)?([A-Z][A-Z0-9_]*)=", re.MULTILINE)
# Calls whose first argument is the name of the variable they read.
READERS_BY_NAME = {"os.environ.get", "os.getenv", "env_bool", "env_list"}
# Variables read outside cso_site/settings, and a file that reads each.
READ_ELSEWHERE = {"DJANGO_SETTINGS_MODULE": "cso_site/wsgi.py", "PORT": "Procfile", "WEB_CONCURRENCY": "Procfile"}


def readme_table_variables() -> set[str]:
    """Names in the first column of the table in the README's "Configuration" section."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    names = set()
    for line in section.splitlines():
        if line.startswith("|"):
            names.update(BACKTICKED_NAME.findall(line.split("|")[1]))
    return names


def env_example_variables() -> set[str]:
    return set(EXAMPLE_ENTRY.findall((PROJECT / ".env.example").read_text(encoding="utf-8")))


def settings_variables() -> set[str]:
    """Every variable a settings module reads, by any of the ways they read one."""
    names = set()
    for module in SETTINGS.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names.update(variables_read_by(node))
    return names


def variables_read_by(node: ast.AST) -> set[str]:
    if isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
        return {node.slice.value} if isinstance(node.slice, ast.Constant) else set()
    if not isinstance(node, ast.Call):
        return set()
    called = ast.unparse(node.func)
    if called == "dj_database_url.config":
        env = next((keyword.value for keyword in node.keywords if keyword.arg == "env"), None)
        return {env.value if isinstance(env, ast.Constant) else "DATABASE_URL"}
    if called in READERS_BY_NAME and node.args and isinstance(node.args[0], ast.Constant):
        return {node.args[0].value}
    return set()


def test_env_example_lists_every_variable_of_the_readme_table():
    missing = readme_table_variables() - env_example_variables()
    assert not missing, f"add to .env.example: {sorted(missing)}"


def test_every_variable_the_settings_read_is_in_the_readme_table_or_env_example():
    missing = settings_variables() - readme_table_variables() - env_example_variables()
    assert not missing, f"document in .env.example (or the README's table): {sorted(missing)}"


def test_env_example_lists_no_variable_that_nothing_reads():
    stale = env_example_variables() - settings_variables() - READ_ELSEWHERE.keys()
    assert not stale, f"nothing reads these any more: {sorted(stale)}"
    for name, reader in READ_ELSEWHERE.items():
        assert name in (PROJECT / reader).read_text(encoding="utf-8"), f"{reader} no longer reads {name}"


def test_readme_table_scan_finds_names_of_plain_and_grouped_rows():
    """The comparisons above are only as good as this scan: a plain row, a name in parentheses, a pair."""
    assert {"DATABASE_URL", "AWS_SECRET_ACCESS_KEY", "REDIS_URL", "SECURE_HSTS_PRELOAD"} <= readme_table_variables()


def test_settings_scan_finds_each_way_of_reading_a_variable():
    found = settings_variables()
    assert "DATABASE_URL" in found  # dj_database_url.config()
    assert "SQLITE_BUSY_TIMEOUT_SECONDS" in found  # os.environ.get()
    assert "DEBUG" in found  # env_bool()
    assert "ALLOWED_HOSTS" in found  # env_list()
