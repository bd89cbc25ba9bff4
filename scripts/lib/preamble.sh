# shellcheck shell=bash
# The start the scripts a person runs by hand share (scripts/bench.sh, scripts/load.sh): ROOT (the checkout, found
# from this file's place), the working directory set to it, `say` for a step and `die` for an error, prefixed with
# the script's name. Source it first, by its path next to the script, before the scripts/lib files that need them:
#   . "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
cd "$ROOT" || exit 1
say() { printf '\n==> %s\n' "$*"; }
die() {
    printf '%s: error: %s\n' "$(basename "$0")" "$*" >&2
    exit 1
}
