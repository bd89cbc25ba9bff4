# shellcheck shell=bash disable=SC2034  # OS_* are read by the scripts that source this
# An OpenSearch 2.19 node from Maven Central jars (scripts/opensearch/pom.xml),
# embedded by scripts/opensearch/CsoOpenSearch.java: shared by
# scripts/services.sh (the test node) and scripts/opensearch-cluster.sh (the
# three-node demo). Source it after scripts/lib/common.sh, with ROOT, HOST and
# SERVICES_DIR set.

OS_ENABLED="${TEST_OPENSEARCH:-1}"
OS_START_TIMEOUT="${TEST_OPENSEARCH_START_TIMEOUT:-120}"
OS_VERSION_HINT=2.19
OS_SRC="$ROOT/scripts/opensearch"
# lib/ (jars), classes/ (launcher), stamp, tmp/, data/node_1/ (the test node),
# cluster/node_{1,2,3}/ (while the cluster demo runs).
OS_HOME="$SERVICES_DIR/opensearch"
OS_STAMP="$OS_HOME/stamp"
OS_MVN_LOG="$SERVICES_DIR/opensearch-mvn.log"
# The cluster demo's launcher and log: services.sh stops a demo left running
# and `destroy` deletes its log.
OS_CLUSTER_PIDFILE="$SERVICES_DIR/opensearch-cluster.pid"
OS_CLUSTER_LOG="$SERVICES_DIR/opensearch-cluster.log"
OS_WHY=""

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
os_pid() { pidfile_pid "$1" CsoOpenSearch; }

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

# Stop the launcher of a pidfile: SIGTERM closes the nodes; SIGKILL after 60s.
os_stop_pid() {
    local pid
    if pid="$(os_pid "$1")"; then
        stop_process "$pid" "$2" 60
    fi
    rm -f "$1"
}
