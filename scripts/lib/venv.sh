# shellcheck shell=bash
# The project's virtualenv, shared by scripts/run.sh and scripts/test.sh.
# Source it after setting ROOT (the checkout) and defining say and die:
#   . "$ROOT/scripts/lib/venv.sh"
#   ensure_venv requirements.txt "$VENV/.requirements.stamp"
# It sets VENV: ${VENV:-.venv}, made absolute against ROOT.

VENV="${VENV:-.venv}"
case "$VENV" in /*) ;; *) VENV="$ROOT/$VENV" ;; esac

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
# changed since the last successful install, as recorded in the stamp file:
#   ensure_venv REQUIREMENTS_FILE STAMP_FILE
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
