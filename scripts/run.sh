#!/usr/bin/env bash
# `make run`: a local site with demo content on http://127.0.0.1:${PORT:-8000}/
#   .venv + requirements.txt (pip only when it changed), migrate,
#   load_demo_content, ensure_local_admin (prints the login), runserver.
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
say "serving on http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
exec "$PY" manage.py runserver "127.0.0.1:$PORT"
