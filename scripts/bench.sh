#!/usr/bin/env bash
# `make bench`: the page benchmark (tools/benchmark/pages.py), which writes docs/benchmarks/pages.md.
#   1. Debian packages wrk (the load generator), nginx-light (the static ceiling) and varnish
#      (the front cache), only when missing
#   2. .venv with requirements.txt, as scripts/run.sh keeps it
#   3. a scratch SQLite database with the demo content, the Procfile's web process with production
#      settings, each page type loaded uncached, cached in the app, through Varnish; nginx serving
#      the home page as a file. Nothing else is started or needed (no PostgreSQL, S3 or OpenSearch).
# Arguments go to the benchmark: scripts/bench.sh --duration 10 --concurrency 32 --page home
set -euo pipefail

# Sets ROOT and goes there; defines say and die.
# shellcheck source=scripts/lib/preamble.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
# shellcheck source=scripts/lib/venv.sh
. "$ROOT/scripts/lib/venv.sh"
# shellcheck source=scripts/lib/apt.sh
. "$ROOT/scripts/lib/apt.sh"

need=()
command -v wrk >/dev/null || need+=(wrk)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || need+=(nginx-light)
[ -x /usr/sbin/varnishd ] || need+=(varnish)
apt_install_missing "${need[@]}"

ensure_venv requirements.txt "$VENV/.requirements.stamp"

say "page benchmark (machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
"$VENV/bin/python" -m tools.benchmark.pages "$@"
