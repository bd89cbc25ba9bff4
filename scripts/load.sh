#!/usr/bin/env bash
# `make load`: the load scenario at full size (tests/load/, docs/benchmarks/load.md).
#   1. .venv with requirements-dev.txt (Locust, aiosmtpd), as scripts/test.sh keeps it
#   2. PostgreSQL + moto S3 from scripts/services.sh, started only when they are not running
#      (and then stopped on exit); OpenSearch is not needed and not started
#   3. tests/load/harness.py: a database and a bucket of the run's own, an SMTP sink, the
#      Procfile's web process with production settings, Locust headless, the reconciliation
# Arguments go to the harness: scripts/load.sh --users 50 --comments 1000 (the defaults).
# WEB_CONCURRENCY (gunicorn workers, the Procfile's variable) is passed on to the web process.
# Exit status 0 only when the reconciliation counts nothing lost, doubled, refused or 5xx.
set -euo pipefail

# Sets ROOT and goes there; defines say and die.
# shellcheck source=scripts/lib/preamble.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
# shellcheck source=scripts/lib/venv.sh
. "$ROOT/scripts/lib/venv.sh"
# shellcheck source=scripts/lib/stop-services.sh
. "$ROOT/scripts/lib/stop-services.sh"
export VENV

export TEST_PG_PORT="${TEST_PG_PORT:-54329}"
export TEST_S3_PORT="${TEST_S3_PORT:-59000}"

ensure_venv requirements-dev.txt "$VENV/.requirements-dev.stamp"

status="$("$ROOT/scripts/services.sh" status 2>/dev/null || true)"
if grep -q '^postgres: running,' <<<"$status" && grep -q '^moto: *running,' <<<"$status"; then
    say "PostgreSQL and moto already run; they are left running"
else
    stop_services_on_exit
    say "starting PostgreSQL and moto"
    TEST_OPENSEARCH=0 "$ROOT/scripts/services.sh" start
fi

export DATABASE_URL="postgres://cso@127.0.0.1:$TEST_PG_PORT/cso"
export TEST_S3_ENDPOINT_URL="http://127.0.0.1:$TEST_S3_PORT"
say "load run (machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
"$VENV/bin/python" -m tests.load.harness "$@"
