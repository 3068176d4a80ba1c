package confgraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Starts an in-process Neo4j 5.26 Community server (via neo4j-harness) for confgraph's
 * tests and local runs. Bolt listens on 127.0.0.1 only; HTTP/HTTPS are off.
 *
 * <pre>
 * java -cp 'target/classes:target/lib/*' confgraph.neo4j.Launcher [--port N] [--dir PATH] [--watch-stdin]
 * </pre>
 *
 * Options (flags win over environment):
 * <ul>
 *   <li>{@code --port N} / {@code NEO4J_PORT}: Bolt port, default 7687.</li>
 *   <li>{@code --dir PATH} / {@code NEO4J_DIR}: working directory; the server lives in a
 *       random sub-directory of it that is deleted on clean shutdown (so every start is an
 *       empty database). Default: java.io.tmpdir.</li>
 *   <li>{@code NEO4J_PASSWORD}: password for user {@code neo4j}, default {@code confgraph-test}.
 *       Auth is enabled.</li>
 *   <li>{@code --watch-stdin}: also shut down when standard input reaches EOF (for a parent
 *       process that spawns the launcher directly). Without it, only SIGTERM/SIGINT stop it.</li>
 * </ul>
 *
 * Prints {@code READY bolt://127.0.0.1:PORT} on stdout once Bolt accepts the credentials.
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        int port = parsePort(envOr("NEO4J_PORT", "7687"));
        String dir = System.getenv("NEO4J_DIR");
        String password = envOr("NEO4J_PASSWORD", "confgraph-test");
        boolean watchStdin = false;

        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(need(args, ++i, "--port"));
                case "--dir" -> dir = need(args, ++i, "--dir");
                case "--watch-stdin" -> watchStdin = true;
                case "-h", "--help" -> {
                    System.out.println("usage: Launcher [--port N] [--dir PATH] [--watch-stdin]"
                            + " (env: NEO4J_PORT, NEO4J_DIR, NEO4J_PASSWORD)");
                    return;
                }
                default -> die("unknown argument: " + args[i]);
            }
        }
        if (password.isEmpty()) {
            die("NEO4J_PASSWORD must not be empty");
        }

        Path workDir = dir == null || dir.isEmpty()
                ? Paths.get(System.getProperty("java.io.tmpdir"))
                : Paths.get(dir).toAbsolutePath();
        Files.createDirectories(workDir);

        log("starting Neo4j (harness, Community) bolt=" + HOST + ":" + port + " workdir=" + workDir);
        long t0 = System.nanoTime();

        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(workDir)
                .withDisabledServer() // no Jetty/HTTP API; Bolt is all confgraph needs
                .withConfig(HttpConnector.enabled, false)
                .withConfig(HttpsConnector.enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .withConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                // no lock-out after wrong passwords: tests that probe bad credentials must not
                // break the ones that follow
                .withConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .withConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                .withConfig(GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024)
                // Bolt's Netty event loops otherwise wait a 2 s quiet period each on shutdown
                // (several groups in turn: ~6-12 s per stop)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout,
                        java.time.Duration.ofSeconds(5));

        final Neo4j neo4j = builder.build();

        // With auth enabled the initial user is neo4j/neo4j with a forced password change.
        // Set the real password through the system database (embedded access bypasses auth).
        GraphDatabaseService system = neo4j.databaseManagementService().database("system");
        system.executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));

        final CountDownLatch stop = new CountDownLatch(1);
        final Object lock = new Object();
        final boolean[] closed = {false};
        // Idempotent; concurrent callers (signal hook vs. main thread) wait for the first one.
        Runnable shutdown = () -> {
            synchronized (lock) {
                if (closed[0]) {
                    return;
                }
                closed[0] = true;
                log("shutting down");
                try {
                    neo4j.close();
                } catch (Throwable t) {
                    log("error during shutdown: " + t);
                }
                log("stopped");
                System.out.println("STOPPED");
                System.out.flush();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            shutdown.run();
        }, "confgraph-neo4j-shutdown"));

        if (watchStdin) {
            Thread t = new Thread(() -> {
                try (InputStream in = System.in) {
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // discard
                    }
                } catch (IOException ignored) {
                    // treat as EOF
                }
                log("stdin closed");
                stop.countDown();
            }, "confgraph-neo4j-stdin");
            t.setDaemon(true);
            t.start();
        }

        long ms = (System.nanoTime() - t0) / 1_000_000;
        log("started in " + ms + " ms; database=neo4j user=neo4j auth=enabled");
        System.out.println("READY bolt://" + HOST + ":" + port);
        System.out.flush();

        stop.await();
        shutdown.run();
        // Exit explicitly so lingering non-daemon threads cannot keep the JVM alive. (If a
        // signal started the JVM shutdown, this just blocks until the hook has finished.)
        System.exit(0);
    }

    private static String envOr(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? def : v;
    }

    private static String need(String[] args, int i, String flag) {
        if (i >= args.length) {
            die(flag + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p < 1 || p > 65535) {
                die("port out of range: " + s);
            }
            return p;
        } catch (NumberFormatException e) {
            die("bad port: " + s);
            return -1; // unreachable
        }
    }

    private static void log(String msg) {
        System.err.println("[confgraph-neo4j] " + msg);
        System.err.flush();
    }

    private static void die(String msg) {
        log("error: " + msg);
        System.exit(2);
    }
}
