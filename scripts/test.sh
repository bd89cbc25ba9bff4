#!/usr/bin/env bash
# Everything `make test` (and CI, via .ci/run) does, from a fresh clone:
#   1. Debian packages chromium + postgresql + a Java runtime, only when missing
#   2. .venv with requirements-dev.txt (reinstalled only when it changed)
#   3. private PostgreSQL + moto S3 + OpenSearch (scripts/services.sh), always
#      stopped on exit. OpenSearch needs a JDK and Maven: without them (or with
#      TEST_OPENSEARCH=0) TEST_SEARCH_URL stays unset and its tests skip; with
#      them TEST_OPENSEARCH_REQUIRED=1, so those tests fail if it did not come up
#   4. ruff check, ruff format --check, djhtml --check, manage.py check,
#      makemigrations --check, pytest --durations=25 on PYTEST_WORKERS processes (default 2; 0 runs
#      it in this process; extra arguments go to pytest)
# Every step runs even when an earlier one fails; the exit status is non-zero
# if any failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
# Sets VENV (exported for scripts/services.sh); defines ensure_venv.
# shellcheck source=scripts/lib/venv.sh
. "$ROOT/scripts/lib/venv.sh"
# shellcheck source=scripts/lib/stop-services.sh
. "$ROOT/scripts/lib/stop-services.sh"
# shellcheck source=scripts/lib/apt.sh
. "$ROOT/scripts/lib/apt.sh"
export VENV

REQUIREMENTS=requirements-dev.txt
STAMP="$VENV/.requirements-dev.stamp"

export TEST_PG_PORT="${TEST_PG_PORT:-54329}"
export TEST_S3_PORT="${TEST_S3_PORT:-59000}"
export TEST_OPENSEARCH_PORT="${TEST_OPENSEARCH_PORT:-59200}"

say() { printf '\n==> %s\n' "$*"; }
die() {
    printf 'test.sh: error: %s\n' "$*" >&2
    exit 1
}

# --- 1. system packages --------------------------------------------------------
install_system_packages() {
    local need=()
    [ -x /usr/bin/chromium ] || need+=(chromium fonts-liberation)
    compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || need+=(postgresql)
    # The Nu HTML Checker (tests/nu_checker.py) is a Java program.
    command -v java >/dev/null || need+=(default-jre-headless)
    # The front cache the caching tests start in front of the app (tools/varnish.py).
    [ -x /usr/sbin/varnishd ] || need+=(varnish)
    # Debian's python3 cannot create virtualenvs without python3-venv.
    if [ ! -x "$VENV/bin/python" ] && ! python3 -c 'import ensurepip' 2>/dev/null; then
        need+=(python3-venv)
    fi
    apt_install_missing "${need[@]}"
}

install_system_packages

# --- 2. virtualenv (scripts/lib/venv.sh) --------------------------------------
ensure_venv "$REQUIREMENTS" "$STAMP"

# --- 3. services ---------------------------------------------------------------
stop_services_on_exit

say "starting services"
"$ROOT/scripts/services.sh" start

# --- 4. environment ------------------------------------------------------------
export VIRTUAL_ENV="$VENV"
export PATH="$VENV/bin:$PATH"
export DJANGO_SETTINGS_MODULE=cso_site.settings.test
export DATABASE_URL="postgres://cso@127.0.0.1:$TEST_PG_PORT/cso"
export TEST_S3_ENDPOINT_URL="http://127.0.0.1:$TEST_S3_PORT"
# OpenSearch: TEST_SEARCH_URL only when the node answers (a URL set by the
# caller is kept); TEST_OPENSEARCH_REQUIRED=1 when it could run here (JDK and
# Maven present, TEST_OPENSEARCH not 0), so the search tests fail rather than
# skip if it should have come up but did not.
if "$ROOT/scripts/services.sh" opensearch-check >/dev/null 2>&1; then
    export TEST_OPENSEARCH_REQUIRED=1
fi
if [ -z "${TEST_SEARCH_URL:-}" ] &&
    python -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=10)' \
        "http://127.0.0.1:$TEST_OPENSEARCH_PORT/_cluster/health?wait_for_status=yellow&timeout=5s" 2>/dev/null; then
    export TEST_SEARCH_URL="opensearch://127.0.0.1:$TEST_OPENSEARCH_PORT"
fi
echo "search tests: TEST_SEARCH_URL=${TEST_SEARCH_URL:-(unset, they skip)} TEST_OPENSEARCH_REQUIRED=${TEST_OPENSEARCH_REQUIRED:-0}"
# For browser tests: the Debian chromium, not a Playwright download.
export CHROMIUM_EXECUTABLE="${CHROMIUM_EXECUTABLE:-/usr/bin/chromium}"

# --- 5. checks -----------------------------------------------------------------
failed=()
step() {
    local name="$1"
    shift
    say "$name"
    if "$@"; then
        echo "ok: $name"
    else
        echo "FAILED: $name (exit $?)" >&2
        failed+=("$name")
    fi
}

# The migrated database every test database is copied from (tests/shared_per_run.py), made in the
# background while the checks below run: migrating takes ~30 s of one core, the checks use one.
# pytest waits for it (a lock in the folder); a failure here is retried and reported by pytest.
CSO_TEST_RUN_FOLDER="$(mktemp -d -t cso-test-run-XXXXXX)"
export CSO_TEST_RUN_FOLDER
migrating=""
if [[ "$DATABASE_URL" == postgres* ]]; then
    python -m tests.shared_per_run &
    migrating=$!
fi

step "ruff check" ruff check .
step "ruff format --check" ruff format --check .
step "djhtml --check" djhtml --check templates
step "manage.py check" python manage.py check
step "makemigrations --check" python manage.py makemigrations --check --dry-run
# --durations: the 25 slowest tests, to see where the suite's time goes (a later --durations wins).
# -n: pytest-xdist processes (PYTEST_WORKERS, 2 by default: one process took ~33 minutes). --dist loadfile
# keeps a file's tests in one process, in pytest-django's order (transactional tests after the others);
# a flush a transactional test ends with is undone for the next file by tests/migrated_data.py.
step "pytest" python -m pytest --durations=25 -n "${PYTEST_WORKERS:-2}" --dist loadfile "$@"
[ -z "$migrating" ] || wait "$migrating" || true # its failure, if any, was pytest's to report
rm -rf "$CSO_TEST_RUN_FOLDER"

# --- 6. result -----------------------------------------------------------------
if [ "${#failed[@]}" -gt 0 ]; then
    printf '\ntest.sh: FAILED steps:\n' >&2
    printf '  - %s\n' "${failed[@]}" >&2
    exit 1
fi
printf '\ntest.sh: all steps passed\n'
