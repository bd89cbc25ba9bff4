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
# Usage: scripts/services.sh start|stop|status|destroy|opensearch-check|opensearch-cluster
#   start     start them (idempotent: running services are left alone); an
#             OpenSearch that fails to start is reported, not fatal
#   stop      stop them (safe when nothing runs)
#   status    show what runs; exit 0 only when all that should run do
#   destroy   stop, then delete the data (PostgreSQL cluster and its /tmp
#             fallback, OpenSearch data; the downloaded jars stay)
#   opensearch-check    exit 0 when OpenSearch can run here, else print why
#   opensearch-cluster  demo: start a 3-node OpenSearch cluster on 127.0.0.1:
#             ${TEST_OPENSEARCH_CLUSTER_PORT:-59210}-59212, index and search a
#             document through each node, stop it and delete its data
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

OS_ENABLED="${TEST_OPENSEARCH:-1}"
OS_PORT="${TEST_OPENSEARCH_PORT:-59200}"
OS_TRANSPORT_PORT="${TEST_OPENSEARCH_TRANSPORT_PORT:-$((OS_PORT + 100))}"
OS_CLUSTER_PORT="${TEST_OPENSEARCH_CLUSTER_PORT:-59210}"
OS_CLUSTER_TRANSPORT_PORT="$((OS_CLUSTER_PORT + 100))"
OS_START_TIMEOUT="${TEST_OPENSEARCH_START_TIMEOUT:-120}"
OS_URL="http://$HOST:$OS_PORT"
OS_CLUSTER_NAME=cso-test
OS_VERSION_HINT=2.19
OS_SRC="$ROOT/scripts/opensearch"
# lib/ (jars), classes/ (launcher), stamp, tmp/, data/node_1/ (the test node),
# cluster/node_{1,2,3}/ (while the cluster demo runs).
OS_HOME="$SERVICES_DIR/opensearch"
OS_STAMP="$OS_HOME/stamp"
OS_MVN_LOG="$SERVICES_DIR/opensearch-mvn.log"
OS_PIDFILE="$SERVICES_DIR/opensearch.pid"
OS_LOG="$SERVICES_DIR/opensearch.log"
OS_CLUSTER_PIDFILE="$SERVICES_DIR/opensearch-cluster.pid"
OS_CLUSTER_LOG="$SERVICES_DIR/opensearch-cluster.log"
OS_WHY=""

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

# --- OpenSearch ----------------------------------------------------------------
# A real OpenSearch 2.19 node from Maven Central jars (scripts/opensearch/pom.xml),
# embedded by scripts/opensearch/CsoOpenSearch.java. Optional: without Java or
# Maven (or with TEST_OPENSEARCH=0) it is skipped with a log line, and the other
# services start as usual. Never fatal for `start`: a node that fails to come up
# is reported, and the tests then see no TEST_SEARCH_URL.

# Prints the reason and returns 1 when OpenSearch cannot run here; otherwise
# sets OS_JAVA, OS_JAVAC and OS_MVN.
os_check() {
    if [ "$OS_ENABLED" = 0 ]; then
        OS_WHY="disabled (TEST_OPENSEARCH=0)"
        return 1
    fi
    OS_JAVA="$(os_find_java)" || {
        OS_WHY="java not found: OpenSearch $OS_VERSION_HINT needs a JDK 11-23 (java with javac beside it), looked in ${OPENSEARCH_JAVA_HOME:-JAVA_HOME, PATH and /usr/lib/jvm} (install e.g. the Debian package openjdk-17-jdk-headless, or set OPENSEARCH_JAVA_HOME)"
        return 1
    }
    OS_JAVAC="$(dirname "$OS_JAVA")/javac"
    if [ -n "${MVN:-}" ] && [ -x "$MVN" ]; then
        OS_MVN="$MVN"
    elif command -v mvn >/dev/null 2>&1; then
        OS_MVN="$(command -v mvn)"
    elif [ -f "$OS_STAMP" ]; then
        OS_MVN="" # the jars are there; os_prepare says so if they need fetching again
    else
        OS_WHY="mvn not found (needed once to fetch the OpenSearch jars: install the Debian package maven)"
        return 1
    fi
}

# Major version of a java binary: 17 for "17.0.15", 1 for "1.8.0_..."; empty on failure.
os_java_major() {
    "$1" -version 2>&1 | sed -n 's/^[^"]* version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

# The first JDK (java with javac beside it) whose version OpenSearch 2.19 runs
# on: OPENSEARCH_JAVA_HOME only, if set; else JAVA_HOME, the java on PATH, and
# any JDK under /usr/lib/jvm (so a JAVA_HOME set to a newer JDK for other
# tools does not stop the node).
os_find_java() {
    local candidates=() java real major
    if [ -n "${OPENSEARCH_JAVA_HOME:-}" ]; then
        candidates=("$OPENSEARCH_JAVA_HOME/bin/java")
    else
        [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
        command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
        candidates+=(/usr/lib/jvm/*/bin/java)
    fi
    for java in "${candidates[@]}"; do
        [ -x "$java" ] || continue
        real="$(readlink -f "$java")"
        [ -x "$(dirname "$real")/javac" ] || continue
        major="$(os_java_major "$real")"
        if [[ "$major" =~ ^[0-9]+$ ]] && [ "$major" -ge 11 ] && [ "$major" -le 23 ]; then
            echo "$real"
            return 0
        fi
    done
    return 1
}

# Copy the jars (mvn) and compile the launcher (javac) into $OS_HOME, unless
# done already for this pom.xml, launcher and JDK (the stamp file).
os_prepare() {
    local fingerprint
    fingerprint="$(
        cd "$OS_SRC" && sha256sum pom.xml CsoOpenSearch.java
        "$OS_JAVAC" -version 2>&1
    )"
    if [ -f "$OS_STAMP" ] && [ "$(cat "$OS_STAMP")" = "$fingerprint" ] &&
        [ -f "$OS_HOME/classes/CsoOpenSearch.class" ]; then
        return 0
    fi
    if [ -z "$OS_MVN" ]; then
        OS_WHY="mvn not found, and scripts/opensearch/ changed since the jars were fetched (install the Debian package maven)"
        return 1
    fi
    mkdir -p "$OS_HOME"
    rm -f "$OS_STAMP"
    rm -rf "$OS_HOME/lib.new" "$OS_HOME/classes.new"
    log "fetching the OpenSearch jars with Maven (once per change of scripts/opensearch/pom.xml; log: $OS_MVN_LOG)"
    if ! "$OS_MVN" -B -q -Dstyle.color=never -f "$OS_SRC/pom.xml" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$OS_HOME/lib.new" >"$OS_MVN_LOG" 2>&1; then
        tail -n 20 "$OS_MVN_LOG" >&2 || true
        OS_WHY="mvn could not fetch the jars (log: $OS_MVN_LOG)"
        return 1
    fi
    if ! "$OS_JAVAC" -nowarn -d "$OS_HOME/classes.new" -cp "$OS_HOME/lib.new/*" \
        "$OS_SRC/CsoOpenSearch.java" >>"$OS_MVN_LOG" 2>&1; then
        tail -n 20 "$OS_MVN_LOG" >&2 || true
        OS_WHY="javac failed on scripts/opensearch/CsoOpenSearch.java (log: $OS_MVN_LOG)"
        return 1
    fi
    rm -rf "${OS_HOME:?}/lib" "${OS_HOME:?}/classes"
    mv "$OS_HOME/lib.new" "$OS_HOME/lib"
    mv "$OS_HOME/classes.new" "$OS_HOME/classes"
    printf '%s\n' "$fingerprint" >"$OS_STAMP"
}

# PID from a pidfile, if that process still runs and is our launcher.
os_pid() {
    [ -f "$1" ] || return 1
    local pid
    pid="$(cat "$1" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q CsoOpenSearch || return 1
    echo "$pid"
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

# The cluster health request with QUERY (e.g. wait_for_status=yellow) succeeds
# within a second: os_healthy URL QUERY
os_healthy() {
    http_request GET "$1/_cluster/health?$2&timeout=1s" >/dev/null 2>&1
}

# Start the launcher in the background:
#   os_launch PIDFILE LOG BASE CLUSTER_NAME NODES HTTP_PORT TRANSPORT_PORT HEAP_MAX
# Log4j and the JVM both append to LOG (see scripts/opensearch/log4j2.properties).
os_launch() {
    local pidfile="$1" logfile="$2" base="$3" cluster="$4" nodes="$5" http_port="$6" transport_port="$7" heap="$8" i
    mkdir -p "$base" "$OS_HOME/tmp"
    : >"$logfile"
    for i in $(seq 1 "$nodes"); do
        mkdir -p "$base/node_$i/config"
        cp "$OS_SRC/log4j2.properties" "$base/node_$i/config/log4j2.properties"
    done
    # JVM options after OpenSearch's own jvm.options, minus what only suits a
    # production node; TEST_OPENSEARCH_JAVA_OPTS comes last and wins.
    # shellcheck disable=SC2086
    nohup "$OS_JAVA" -Xms512m "-Xmx$heap" -Xss1m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
        -Djava.io.tmpdir="$OS_HOME/tmp" -Dfile.encoding=UTF-8 -Djava.awt.headless=true \
        -Djna.nosys=true -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true \
        -Dlog4j2.formatMsgNoLookups=true -Dio.netty.noUnsafe=true \
        -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0 \
        ${TEST_OPENSEARCH_JAVA_OPTS:-} \
        -Dcso.opensearch.log="$logfile" \
        -cp "$OS_HOME/classes:$OS_HOME/lib/*" CsoOpenSearch \
        "$base" "$cluster" "$nodes" "$http_port" "$transport_port" \
        >>"$logfile" 2>&1 </dev/null &
    echo "$!" >"$pidfile"
}

# Wait while PID runs, at most $OS_START_TIMEOUT seconds, until the health
# request with QUERY succeeds: os_wait PID URL QUERY LOG
os_wait() {
    local pid="$1" url="$2" wanted="$3" logfile="$4" started=$SECONDS
    until os_healthy "$url" "$wanted"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 30 "$logfile" >&2 || true
            OS_WHY="the node exited during start (log: $logfile)"
            return 1
        fi
        if [ $((SECONDS - started)) -ge "$OS_START_TIMEOUT" ]; then
            tail -n 30 "$logfile" >&2 || true
            OS_WHY="no cluster health with $wanted on $url within ${OS_START_TIMEOUT}s (log: $logfile)"
            return 1
        fi
        sleep 1
    done
}

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

# Stop the launcher of a pidfile: SIGTERM closes the nodes; SIGKILL after 60s.
os_stop_pid() {
    local pidfile="$1" name="$2" pid i
    if ! pid="$(os_pid "$pidfile")"; then
        rm -f "$pidfile"
        return 0
    fi
    log "stopping $name (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 240); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "$name ignored SIGTERM; killing it"
        kill -9 "$pid" 2>/dev/null || true
        sleep 0.5
    fi
    rm -f "$pidfile"
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

# `opensearch-cluster`: start a 3-node cluster (127.0.0.1:$OS_CLUSTER_PORT and
# the next two ports), show that it works, stop it and delete its data.
os_cluster_demo() {
    if ! os_check; then
        die "cannot run the OpenSearch cluster: $OS_WHY"
    fi
    os_prepare || die "$OS_WHY"
    local ports=() port i pid base="$OS_HOME/cluster" url="http://$HOST:$OS_CLUSTER_PORT" started=$SECONDS
    for i in 0 1 2; do ports+=($((OS_CLUSTER_PORT + i))); done
    os_stop_pid "$OS_CLUSTER_PIDFILE" "OpenSearch cluster demo"
    for port in "${ports[@]}"; do
        ! http_answers "http://$HOST:$port/" ||
            die "something already answers on $HOST:$port (set TEST_OPENSEARCH_CLUSTER_PORT)"
    done
    rm -rf "$base"
    trap 'os_stop_pid "$OS_CLUSTER_PIDFILE" "OpenSearch cluster demo"; rm -rf "$OS_HOME/cluster"' EXIT
    log "starting a 3-node OpenSearch cluster on $HOST:${ports[0]}-${ports[2]} (log: $OS_CLUSTER_LOG)"
    os_launch "$OS_CLUSTER_PIDFILE" "$OS_CLUSTER_LOG" "$base" cso-demo 3 "$OS_CLUSTER_PORT" \
        "$OS_CLUSTER_TRANSPORT_PORT" 2g
    pid="$(cat "$OS_CLUSTER_PIDFILE")"
    os_wait "$pid" "$url" "wait_for_nodes=3&wait_for_status=green" "$OS_CLUSTER_LOG" ||
        die "the cluster did not form: $OS_WHY"
    log "3 nodes joined, health green, after $((SECONDS - started))s"

    echo "== GET /_cluster/health"
    http_request GET "$url/_cluster/health?filter_path=cluster_name,status,number_of_nodes,number_of_data_nodes&pretty"
    echo "== GET /_cat/nodes (* marks the elected cluster-manager)"
    http_request GET "$url/_cat/nodes?v&h=name,ip,http_address,port,node.role,cluster_manager&s=name"
    echo "== PUT /demo: 3 shards, 1 replica each, a title field folded to ASCII (analysis-common)"
    http_request PUT "$url/demo" '{
        "settings": {"number_of_shards": 3, "number_of_replicas": 1,
            "analysis": {"analyzer": {"folded": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}}}},
        "mappings": {"properties": {"title": {"type": "text", "analyzer": "folded"}}}}'
    echo
    http_request GET "$url/_cluster/health/demo?wait_for_status=green&timeout=60s" >/dev/null ||
        die "index demo did not turn green"
    echo "== PUT /demo/_doc/1 through ${ports[1]}"
    http_request PUT "http://$HOST:${ports[1]}/demo/_doc/1?refresh=true" \
        '{"title": "Javne konsultacije: Živković, Đorđević"}'
    echo
    echo "== GET /_cat/shards/demo"
    http_request GET "$url/_cat/shards/demo?v&h=index,shard,prirep,state,docs,node&s=shard,prirep"
    local failed=0 hits
    for port in "${ports[@]}"; do
        echo "== search \"zivkovic dordevic\" through $HOST:$port"
        hits="$(http_request POST "http://$HOST:$port/demo/_search?filter_path=hits.total.value,hits.hits._id,hits.hits._source" \
            '{"query": {"match": {"title": {"query": "zivkovic dordevic", "operator": "and"}}}}' || true)"
        echo "$hits"
        case "$hits" in *'"total":{"value":1}'*) ;; *) failed=1 ;; esac
    done
    [ "$failed" -eq 0 ] || die "the document was not found through every node"
    echo "== found through each of the 3 nodes; stopping the cluster"
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
opensearch-cluster) os_cluster_demo ;;
*)
    echo "usage: $0 start|stop|status|destroy|opensearch-check|opensearch-cluster" >&2
    exit 2
    ;;
esac
