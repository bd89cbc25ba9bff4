#!/usr/bin/env bash
# Throwaway services for the test suite, private to this checkout:
#   - a PostgreSQL cluster in .services/pg, on 127.0.0.1:${TEST_PG_PORT:-54329}
#   - moto's S3-compatible server on 127.0.0.1:${TEST_S3_PORT:-59000}
#
# Usage: scripts/services.sh start|stop|status|destroy
#   start    start both (idempotent: running services are left alone)
#   stop     stop both (safe when nothing runs)
#   status   show what runs; exit 0 only when both run
#   destroy  stop, then delete the cluster's data (and its /tmp fallback)
#
# Nothing here is for real data: the cluster trusts every local connection and
# runs with fsync off.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
SERVICES_DIR="$ROOT/.services"
VENV="${VENV:-$ROOT/.venv}"

PG_PORT="${TEST_PG_PORT:-54329}"
S3_PORT="${TEST_S3_PORT:-59000}"
HOST=127.0.0.1
START_TIMEOUT="${SERVICES_START_TIMEOUT:-30}"

DATABASE_URL="postgres://cso@$HOST:$PG_PORT/cso"
S3_URL="http://$HOST:$S3_PORT"

# The cluster's home: data/ (PGDATA), run/ (unix socket), postgres.log.
PG_LINK="$SERVICES_DIR/pg"
MOTO_PIDFILE="$SERVICES_DIR/moto.pid"
MOTO_LOG="$SERVICES_DIR/moto.log"

log() { printf 'services: %s\n' "$*" >&2; }
die() {
    printf 'services: error: %s\n' "$*" >&2
    exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# PostgreSQL refuses to run as root, so as root every server-side command runs
# as the `postgres` OS user; otherwise as the current user. Run from / so the
# tools don't complain about a working directory postgres cannot read.
as_pg() {
    if is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

find_pg_bin() {
    if [ -n "${PG_BIN:-}" ]; then
        [ -x "$PG_BIN/pg_ctl" ] || die "PG_BIN=$PG_BIN has no pg_ctl"
        return
    fi
    local newest
    newest="$(printf '%s\n' /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)"
    if [ -x "$newest" ]; then
        PG_BIN="$(dirname "$newest")"
    elif command -v pg_ctl >/dev/null 2>&1; then
        PG_BIN="$(dirname "$(command -v pg_ctl)")"
    else
        die "PostgreSQL server binaries not found (install the Debian package 'postgresql', or set PG_BIN)"
    fi
}

# Resolve the cluster's home, creating it if needed.
#
# The preferred home is .services/pg inside the project. As root, the server
# runs as `postgres`, which must be able to traverse every parent directory;
# that fails when the project lives under e.g. /root (mode 0700). Unix socket
# paths are also limited to ~107 bytes, which a deep checkout can exceed. In
# either case the cluster lives in /tmp/cso-services-<hash of project path>/pg
# and .services/pg is a symlink to it, so every command (and `make clean`)
# still finds it through .services/pg. This avoids loosening permissions on
# the user's directories.
resolve_pg_home() {
    if [ -L "$PG_LINK" ]; then
        PG_HOME="$(readlink "$PG_LINK")"
        if [ ! -d "$PG_HOME" ]; then
            # /tmp was cleaned (e.g. reboot): start over with a fresh cluster.
            [ "${1:-}" = create ] || return 1
            log "cluster fallback $PG_HOME is gone; creating a new one"
            create_tmp_home "$(dirname "$PG_HOME")"
        fi
        return 0
    fi
    if [ -d "$PG_LINK" ]; then
        PG_HOME="$PG_LINK"
        return 0
    fi
    [ "${1:-}" = create ] || return 1

    mkdir -p "$SERVICES_DIR"
    local socket_path="$PG_LINK/run/.s.PGSQL.$PG_PORT"
    local usable=1
    if is_root && ! runuser -u postgres -- test -x "$SERVICES_DIR" 2>/dev/null; then
        log "user postgres cannot reach $SERVICES_DIR; using a directory in /tmp"
        usable=0
    elif [ "${#socket_path}" -gt 100 ]; then
        log "socket path would be too long for a unix socket; using a directory in /tmp"
        usable=0
    fi
    if [ "$usable" -eq 1 ]; then
        PG_HOME="$PG_LINK"
        create_pg_home "$PG_HOME"
    else
        local hash
        hash="$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
        PG_HOME="/tmp/cso-services-$hash/pg"
        create_tmp_home "/tmp/cso-services-$hash"
        ln -sfn "$PG_HOME" "$PG_LINK"
    fi
}

# /tmp/cso-services-<hash>: traversable by postgres, holding pg/ (mode 0700).
create_tmp_home() {
    mkdir -p -m 0755 "$1"
    # /tmp is shared: refuse a directory someone else planted.
    [ "$(stat -c %u "$1")" = "$(id -u)" ] && [ ! -L "$1" ] ||
        die "$1 exists but is not a directory owned by $(id -un)"
    chmod 0755 "$1"
    create_pg_home "$1/pg"
}

create_pg_home() {
    mkdir -p -m 0700 "$1" "$1/run"
    if is_root; then
        getent passwd postgres >/dev/null || die "OS user 'postgres' missing (install the Debian package 'postgresql')"
        chown -R postgres: "$1"
    fi
}

pg_running() {
    [ -f "$PG_HOME/data/PG_VERSION" ] || return 1
    as_pg "$PG_BIN/pg_ctl" -D "$PG_HOME/data" status >/dev/null 2>&1
}

pg_ready() {
    "$PG_BIN/pg_isready" -q -h "$HOST" -p "$PG_PORT" -d postgres -U postgres -t 2 >/dev/null 2>&1
}

psql_admin() {
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PG_PORT" -U postgres -d postgres "$@"
}

pg_init() {
    log "initialising PostgreSQL cluster in $PG_HOME/data"
    as_pg "$PG_BIN/initdb" -D "$PG_HOME/data" --username=postgres \
        --encoding=UTF8 --locale=C.UTF-8 --auth=trust --no-sync >"$SERVICES_DIR/initdb.log" 2>&1 ||
        {
            cat "$SERVICES_DIR/initdb.log" >&2
            die "initdb failed"
        }
    # Settings that can change between runs (port, socket dir) live in
    # cso-test.conf, rewritten on every start.
    printf "\n# Added by scripts/services.sh\ninclude_if_exists = 'cso-test.conf'\n" |
        as_pg tee -a "$PG_HOME/data/postgresql.conf" >/dev/null
    # Trust everyone who can connect: the server listens on 127.0.0.1 only and
    # the socket directory is private to its owner.
    as_pg tee "$PG_HOME/data/pg_hba.conf" >/dev/null <<'EOF'
# Throwaway test cluster written by scripts/services.sh: no passwords.
local   all   all                  trust
host    all   all   127.0.0.1/32   trust
EOF
}

pg_write_conf() {
    local sockdir="${PG_HOME//\'/\'\'}/run"
    as_pg tee "$PG_HOME/data/cso-test.conf" >/dev/null <<EOF
# Written by scripts/services.sh on every start; edits are lost.
listen_addresses = '$HOST'
port = $PG_PORT
unix_socket_directories = '$sockdir'
# THROWAWAY TEST CLUSTER: durability is traded for speed. A crash can corrupt
# it; delete it with 'scripts/services.sh destroy' and the next start rebuilds it.
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
EOF
}

pg_start() {
    find_pg_bin
    resolve_pg_home create
    [ -f "$PG_HOME/data/PG_VERSION" ] || pg_init
    if pg_running; then
        if pg_ready; then
            log "PostgreSQL already running on $HOST:$PG_PORT"
            pg_ensure_db
            return
        fi
        log "PostgreSQL runs but does not answer on $HOST:$PG_PORT; restarting it"
        as_pg "$PG_BIN/pg_ctl" -D "$PG_HOME/data" stop -m fast -w -t "$START_TIMEOUT" >/dev/null
    fi
    pg_write_conf
    log "starting PostgreSQL on $HOST:$PG_PORT"
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_HOME/data" -l "$PG_HOME/postgres.log" \
        -w -t "$START_TIMEOUT" start >/dev/null; then
        tail -n 20 "$PG_HOME/postgres.log" >&2 || true
        die "PostgreSQL did not start (log: $PG_HOME/postgres.log; is port $PG_PORT taken? set TEST_PG_PORT)"
    fi
    local waited=0
    until pg_ready; do
        if [ "$waited" -ge "$START_TIMEOUT" ]; then
            tail -n 20 "$PG_HOME/postgres.log" >&2 || true
            die "PostgreSQL did not answer on $HOST:$PG_PORT within ${START_TIMEOUT}s"
        fi
        sleep 1
        waited=$((waited + 1))
    done
    pg_ensure_db
}

# Role and database `cso`. Superuser, so pytest-django can create and drop its
# test database (and extensions).
pg_ensure_db() {
    psql_admin -c "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cso') THEN
            CREATE ROLE cso LOGIN SUPERUSER;
        END IF;
    END \$\$;" >/dev/null
    if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = 'cso'")" ]; then
        psql_admin -c "CREATE DATABASE cso OWNER cso" >/dev/null
    fi
    log "PostgreSQL ready: DATABASE_URL=$DATABASE_URL"
}

pg_stop() {
    if ! resolve_pg_home || [ ! -f "$PG_HOME/data/PG_VERSION" ]; then
        log "PostgreSQL: no cluster, nothing to stop"
        return 0
    fi
    find_pg_bin
    if pg_running; then
        log "stopping PostgreSQL"
        as_pg "$PG_BIN/pg_ctl" -D "$PG_HOME/data" stop -m fast -w -t "$START_TIMEOUT" >/dev/null ||
            die "PostgreSQL did not stop (log: $PG_HOME/postgres.log)"
    else
        log "PostgreSQL not running"
    fi
}

# PID from the pidfile, if that process still runs and is moto.
moto_pid() {
    [ -f "$MOTO_PIDFILE" ] || return 1
    local pid
    pid="$(cat "$MOTO_PIDFILE" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    # Guard against a recycled PID.
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q moto_server || return 1
    echo "$pid"
}

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

moto_start() {
    mkdir -p "$SERVICES_DIR"
    local pid
    if pid="$(moto_pid)"; then
        if http_answers "$S3_URL/"; then
            log "moto S3 server already running (pid $pid) on $S3_URL"
            return
        fi
        log "moto (pid $pid) does not answer on $S3_URL; restarting it"
        moto_stop
    fi
    [ -x "$VENV/bin/moto_server" ] ||
        die "$VENV/bin/moto_server missing: install requirements-dev.txt into $VENV (make test does)"
    if http_answers "$S3_URL/"; then
        die "something else already answers on $S3_URL (set TEST_S3_PORT)"
    fi
    log "starting moto S3 server on $S3_URL"
    nohup "$VENV/bin/moto_server" -H "$HOST" -p "$S3_PORT" >"$MOTO_LOG" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$MOTO_PIDFILE"
    local waited=0
    until http_answers "$S3_URL/"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 20 "$MOTO_LOG" >&2 || true
            rm -f "$MOTO_PIDFILE"
            die "moto exited during start (log: $MOTO_LOG)"
        fi
        if [ "$waited" -ge $((START_TIMEOUT * 4)) ]; then
            tail -n 20 "$MOTO_LOG" >&2 || true
            moto_stop
            die "moto did not answer on $S3_URL within ${START_TIMEOUT}s"
        fi
        sleep 0.25
        waited=$((waited + 1))
    done
    log "moto ready: TEST_S3_ENDPOINT_URL=$S3_URL"
}

moto_stop() {
    local pid
    if ! pid="$(moto_pid)"; then
        rm -f "$MOTO_PIDFILE"
        log "moto not running"
        return 0
    fi
    log "stopping moto (pid $pid)"
    kill "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 40); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "moto ignored SIGTERM; killing it"
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$MOTO_PIDFILE"
}

status() {
    local rc=0 pid
    find_pg_bin
    if resolve_pg_home && pg_running; then
        if pg_ready; then
            echo "postgres: running, $DATABASE_URL (data: $PG_HOME/data)"
        else
            echo "postgres: running but not answering on $HOST:$PG_PORT (data: $PG_HOME/data)"
            rc=1
        fi
    else
        echo "postgres: stopped"
        rc=1
    fi
    if pid="$(moto_pid)"; then
        echo "moto:     running, pid $pid, $S3_URL"
    else
        echo "moto:     stopped"
        rc=1
    fi
    return "$rc"
}

destroy() {
    stop_all
    if [ -L "$PG_LINK" ]; then
        local target
        target="$(readlink "$PG_LINK")"
        case "$target" in
        /tmp/cso-services-*/pg) rm -rf "$(dirname "$target")" ;;
        esac
    fi
    rm -rf "$PG_LINK" "$MOTO_LOG" "$MOTO_PIDFILE" "$SERVICES_DIR/initdb.log"
    log "removed the test cluster"
}

stop_all() {
    local rc=0
    moto_stop || rc=1
    pg_stop || rc=1
    return "$rc"
}

case "${1:-}" in
start)
    pg_start
    moto_start
    echo "DATABASE_URL=$DATABASE_URL"
    echo "TEST_S3_ENDPOINT_URL=$S3_URL"
    ;;
stop) stop_all ;;
status) status ;;
destroy) destroy ;;
*)
    echo "usage: $0 start|stop|status|destroy" >&2
    exit 2
    ;;
esac
