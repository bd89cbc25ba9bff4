#!/usr/bin/env bash
# Throwaway services for the test suite, private to this checkout:
#   - a PostgreSQL cluster in .services/pg, on 127.0.0.1:${TEST_PG_PORT:-54329}
#   - moto's S3-compatible server on 127.0.0.1:${TEST_S3_PORT:-59000}
#   - an OpenSearch 2.19 node (cluster cso-test, plain HTTP, no security
#     plugin) on 127.0.0.1:${TEST_OPENSEARCH_PORT:-59200}, transport on
#     ${TEST_OPENSEARCH_TRANSPORT_PORT:-59300}, data in .services/opensearch/data
#     (emptied whenever a stopped node starts), log in .services/opensearch.log.
#     Optional: it needs a JDK 11-23 and Maven (the first start fetches its jars
#     from Maven Central, see scripts/opensearch/); without them, or with
#     TEST_OPENSEARCH=0, it is skipped with a log line and the rest starts.
#
# Usage: scripts/services.sh start|stop|status|destroy|opensearch-check
#   start     start them (idempotent: running services are left alone); an
#             OpenSearch that fails to start is reported, not fatal
#   stop      stop them (safe when nothing runs)
#   status    show what runs; exit 0 only when all that should run do
#   destroy   stop, then delete the data (PostgreSQL cluster and its /tmp
#             fallback, OpenSearch data; the downloaded jars stay)
#   opensearch-check    exit 0 when OpenSearch can run here, else print why
#
# The three-node OpenSearch demo is scripts/opensearch-cluster.sh (make
# opensearch-cluster); `stop` also stops a demo that was left running.
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

OS_PORT="${TEST_OPENSEARCH_PORT:-59200}"
OS_TRANSPORT_PORT="${TEST_OPENSEARCH_TRANSPORT_PORT:-$((OS_PORT + 100))}"
OS_URL="http://$HOST:$OS_PORT"
OS_CLUSTER_NAME=cso-test
OS_PIDFILE="$SERVICES_DIR/opensearch.pid"
OS_LOG="$SERVICES_DIR/opensearch.log"

LOG_PREFIX=services
# log, die, pidfile_pid, stop_process, http_answers, http_request
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"
# The OpenSearch launcher: os_check, os_prepare, os_launch, os_wait, os_pid, ...
# shellcheck source=scripts/lib/opensearch.sh
. "$ROOT/scripts/lib/opensearch.sh"

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
# mkdir -m sets only the deepest directory's mode (SC2174): intended here and
# in create_pg_home, whose parents are /tmp, .services/ or this directory.
# shellcheck disable=SC2174
create_tmp_home() {
    mkdir -p -m 0755 "$1"
    # /tmp is shared: refuse a directory someone else planted.
    if [ "$(stat -c %u "$1")" != "$(id -u)" ] || [ -L "$1" ]; then
        die "$1 exists but is not a directory owned by $(id -un)"
    fi
    chmod 0755 "$1"
    create_pg_home "$1/pg"
}

# shellcheck disable=SC2174
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
moto_pid() { pidfile_pid "$MOTO_PIDFILE" moto_server; }

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
    if pid="$(moto_pid)"; then
        stop_process "$pid" moto 10
    else
        log "moto not running"
    fi
    rm -f "$MOTO_PIDFILE"
}

# --- OpenSearch ----------------------------------------------------------------
# The test node, launched by scripts/lib/opensearch.sh. Optional: without Java or
# Maven (or with TEST_OPENSEARCH=0) it is skipped with a log line, and the other
# services start as usual. Never fatal for `start`: a node that fails to come up
# is reported, and the tests then see no TEST_SEARCH_URL.

os_start() {
    OS_WHY=""
    if ! os_check; then
        log "OpenSearch not started: $OS_WHY"
        return 0
    fi
    local pid started=$SECONDS
    if pid="$(os_pid "$OS_PIDFILE")"; then
        # Maybe still starting (another start runs): give it the usual time.
        if os_wait "$pid" "$OS_URL" wait_for_status=yellow "$OS_LOG"; then
            log "OpenSearch already running (pid $pid) on $OS_URL"
            return 0
        fi
        log "OpenSearch (pid $pid) does not answer on $OS_URL; restarting it"
        os_stop_pid "$OS_PIDFILE" OpenSearch
    fi
    if http_answers "$OS_URL/"; then
        log "WARNING: OpenSearch not started: something else already answers on $OS_URL (set TEST_OPENSEARCH_PORT)"
        return 1
    fi
    if ! os_prepare; then
        log "WARNING: OpenSearch not started: $OS_WHY"
        return 1
    fi
    # Every start of a stopped node begins empty: no indexes left over from
    # an earlier (maybe interrupted) run can leak into the tests.
    rm -rf "$OS_HOME/data"
    log "starting OpenSearch on $OS_URL (java: $OS_JAVA)"
    os_launch "$OS_PIDFILE" "$OS_LOG" "$OS_HOME/data" "$OS_CLUSTER_NAME" 1 "$OS_PORT" "$OS_TRANSPORT_PORT" 1g
    pid="$(cat "$OS_PIDFILE")"
    if ! os_wait "$pid" "$OS_URL" wait_for_status=yellow "$OS_LOG"; then
        os_stop_pid "$OS_PIDFILE" OpenSearch
        log "WARNING: OpenSearch not started: $OS_WHY"
        return 1
    fi
    log "OpenSearch ready after $((SECONDS - started))s: TEST_SEARCH_URL=opensearch://$HOST:$OS_PORT"
}

os_stop() {
    if os_pid "$OS_PIDFILE" >/dev/null; then
        os_stop_pid "$OS_PIDFILE" OpenSearch
    else
        rm -f "$OS_PIDFILE"
        log "OpenSearch not running"
    fi
    # A cluster demo that was interrupted before its own cleanup.
    os_stop_pid "$OS_CLUSTER_PIDFILE" "OpenSearch cluster demo"
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
    if pid="$(os_pid "$OS_PIDFILE")"; then
        if os_healthy "$OS_URL" wait_for_status=yellow; then
            echo "opensearch: running, pid $pid, $OS_URL (data: $OS_HOME/data)"
        else
            echo "opensearch: running (pid $pid) but not healthy on $OS_URL (log: $OS_LOG)"
            rc=1
        fi
    elif os_check; then
        echo "opensearch: stopped"
        rc=1
    else
        # Not expected to run here: not counted as a failure.
        echo "opensearch: not run here: $OS_WHY"
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
    rm -rf "$OS_HOME/data" "$OS_HOME/cluster" "$OS_HOME/tmp" "$OS_LOG" "$OS_CLUSTER_LOG"
    log "removed the test cluster and the OpenSearch data"
}

stop_all() {
    local rc=0
    os_stop || rc=1
    moto_stop || rc=1
    pg_stop || rc=1
    return "$rc"
}

case "${1:-}" in
start)
    pg_start
    moto_start
    os_start || true # reported by os_start; the tests skip or fail on their own
    echo "DATABASE_URL=$DATABASE_URL"
    echo "TEST_S3_ENDPOINT_URL=$S3_URL"
    if os_pid "$OS_PIDFILE" >/dev/null && os_healthy "$OS_URL" wait_for_status=yellow; then
        echo "TEST_SEARCH_URL=opensearch://$HOST:$OS_PORT"
    fi
    ;;
stop) stop_all ;;
status) status ;;
destroy) destroy ;;
opensearch-check)
    os_check || {
        echo "OpenSearch cannot run here: $OS_WHY"
        exit 1
    }
    echo "OpenSearch can run here (java: $OS_JAVA, mvn: ${OS_MVN:-not needed, the jars are in $OS_HOME/lib})"
    ;;
*)
    echo "usage: $0 start|stop|status|destroy|opensearch-check" >&2
    exit 2
    ;;
esac
