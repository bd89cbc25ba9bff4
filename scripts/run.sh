#!/usr/bin/env bash
# `make run`: a local site with demo content on http://127.0.0.1:${PORT:-8000}/
#   .venv + requirements.txt (pip only when it changed), migrate,
#   load_demo_content, ensure_local_admin (prints the login), runserver.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"

VENV="${VENV:-.venv}"
case "$VENV" in /*) ;; *) VENV="$ROOT/$VENV" ;; esac
REQUIREMENTS=requirements.txt
STAMP="$VENV/.requirements.stamp"
PORT="${PORT:-8000}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-cso_site.settings.dev}"

say() { printf '==> %s\n' "$*"; }
die() {
    printf 'run.sh: error: %s\n' "$*" >&2
    exit 1
}

# A requirements file and every file it pulls in with -r/-c, recursively.
requirement_files() {
    local file="$1" dir line ref
    dir="$(dirname "$file")"
    echo "$file"
    while IFS= read -r line || [ -n "$line" ]; do
        ref=""
        case "$line" in
        -r\ * | -c\ *) ref="${line#-? }" ;;
        --requirement\ * | --constraint\ *) ref="${line#--* }" ;;
        --requirement=* | --constraint=*) ref="${line#*=}" ;;
        esac
        ref="${ref%%#*}"
        ref="$(echo "$ref" | xargs)"
        [ -n "$ref" ] && requirement_files "$dir/$ref"
    done <"$file"
}

# Create the venv if needed; pip install when the requirements (or Python)
# changed since the last successful install, as recorded in the stamp file.
ensure_venv() {
    local req="$1" stamp="$2" fingerprint
    if ! "$VENV/bin/python" -c '' 2>/dev/null; then
        say "creating virtualenv $VENV"
        python3 -m venv --clear "$VENV" ||
            die "python3 -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)"
    fi
    fingerprint="$(
        "$VENV/bin/python" --version
        # shellcheck disable=SC2046
        sha256sum $(requirement_files "$req")
    )"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$fingerprint" ]; then
        say "$req unchanged since the last install; skipping pip"
        return 0
    fi
    say "installing $req into $VENV"
    rm -f "$stamp"
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r "$req"
    printf '%s\n' "$fingerprint" >"$stamp"
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
