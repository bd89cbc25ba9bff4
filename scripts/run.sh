#!/usr/bin/env bash
# `make run`: a local site with demo content on http://127.0.0.1:${PORT:-8000}/
#   .venv + requirements.txt (pip only when it changed), migrate,
#   load_demo_content, ensure_local_admin (prints the login), runserver, and beside it
#   the scheduler (run_scheduler: scheduled publishing, purges, orphan sweep), stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
# Sets VENV; defines ensure_venv.
# shellcheck source=scripts/lib/venv.sh
. "$ROOT/scripts/lib/venv.sh"

REQUIREMENTS=requirements.txt
STAMP="$VENV/.requirements.stamp"
PORT="${PORT:-8000}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-cso_site.settings.dev}"

say() { printf '==> %s\n' "$*"; }
die() {
    printf 'run.sh: error: %s\n' "$*" >&2
    exit 1
}

ensure_venv "$REQUIREMENTS" "$STAMP"
PY="$VENV/bin/python"

say "migrating the database ($DJANGO_SETTINGS_MODULE)"
"$PY" manage.py migrate --noinput
say "loading demo content"
"$PY" manage.py load_demo_content
say "local admin account"
"$PY" manage.py ensure_local_admin
say "starting the scheduler (scheduled publishing every minute; purge and orphan sweep every hour)"
"$PY" manage.py run_scheduler &
SCHEDULER_PID=$!
say "serving on http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
"$PY" manage.py runserver "127.0.0.1:$PORT" &
SERVER_PID=$!
# Both go together, however it ends: Ctrl-C, a signal to this script, or the server stopping by
# itself. They run in the background so this script's traps fire at once (bash defers a trap
# until a foreground command ends); `wait` below returns when the server ends.
stop_both() {
    kill -TERM "$SERVER_PID" "$SCHEDULER_PID" 2>/dev/null || true
    wait "$SERVER_PID" "$SCHEDULER_PID" 2>/dev/null || true
}
trap stop_both EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
wait "$SERVER_PID"
