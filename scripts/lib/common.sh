# shellcheck shell=bash
# What scripts/services.sh and scripts/opensearch-cluster.sh share: log lines, the
# processes they start in the background (pidfiles), and HTTP probes (curl when
# installed, else python3's urllib). Set LOG_PREFIX (the script's name) first.

log() { printf '%s: %s\n' "$LOG_PREFIX" "$*" >&2; }
die() {
    printf '%s: error: %s\n' "$LOG_PREFIX" "$*" >&2
    exit 1
}

# The PID in PIDFILE, if that process still runs and its command line contains
# PATTERN (a recycled PID is not ours): pidfile_pid PIDFILE PATTERN
pidfile_pid() {
    [ -f "$1" ] || return 1
    local pid
    pid="$(cat "$1" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2" || return 1
    echo "$pid"
}

# SIGTERM, then SIGKILL if it still runs after SECONDS: stop_process PID NAME SECONDS
stop_process() {
    local pid="$1" name="$2" seconds="$3"
    log "stopping $name (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((seconds * 4))); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.25
    done
    log "$name ignored SIGTERM; killing it"
    kill -9 "$pid" 2>/dev/null || true
    sleep 0.5
}

# Exit 0 when anything answers HTTP at URL (any status): http_answers URL
http_answers() {
    if command -v curl >/dev/null 2>&1; then
        curl -s -o /dev/null --max-time 2 "$1"
    else
        python3 - "$1" <<'EOF' >/dev/null 2>&1
import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen(sys.argv[1], timeout=2)
except urllib.error.HTTPError:
    pass  # any HTTP answer will do
EOF
    fi
}

# Body of a GET (or of METHOD with a JSON body); fails on a connection error
# or an HTTP status >= 400.
http_request() {
    local method="$1" url="$2" body="${3:-}"
    if command -v curl >/dev/null 2>&1; then
        if [ -n "$body" ]; then
            curl -sS -f --max-time 60 -X "$method" -H 'Content-Type: application/json' -d "$body" "$url"
        else
            curl -sS -f --max-time 60 -X "$method" "$url"
        fi
    else
        python3 - "$method" "$url" "$body" <<'PY'
import sys, urllib.request
method, url, body = sys.argv[1:4]
req = urllib.request.Request(url, method=method, data=body.encode() if body else None,
                             headers={"Content-Type": "application/json"} if body else {})
with urllib.request.urlopen(req, timeout=60) as resp:
    sys.stdout.write(resp.read().decode())
PY
    fi
}
