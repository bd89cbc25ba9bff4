#!/usr/bin/env bash
# `make opensearch-cluster`: a demo that OpenSearch scales out. Starts a
# three-node cluster (cluster cso-demo, plain HTTP) on 127.0.0.1:
# ${TEST_OPENSEARCH_CLUSTER_PORT:-59210}-59212 (transport 100 ports higher),
# indexes a document through one node, searches it through each, then stops
# the cluster and deletes its data. Log: .services/opensearch-cluster.log.
# Needs what the test node needs (a JDK 11-23; Maven the first time, see
# scripts/services.sh) and leaves the test services alone.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
SERVICES_DIR="$ROOT/.services"
HOST=127.0.0.1
OS_CLUSTER_PORT="${TEST_OPENSEARCH_CLUSTER_PORT:-59210}"
OS_CLUSTER_TRANSPORT_PORT="$((OS_CLUSTER_PORT + 100))"

LOG_PREFIX=opensearch-cluster
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"
# shellcheck source=scripts/lib/opensearch.sh
. "$ROOT/scripts/lib/opensearch.sh"

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

os_cluster_demo
