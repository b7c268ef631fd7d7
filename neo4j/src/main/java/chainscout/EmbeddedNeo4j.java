package chainscout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Starts Neo4j in-process with Bolt on 127.0.0.1, for development and tests.
 *
 * Usage: EmbeddedNeo4j <data folder> <bolt port> [page cache MiB]
 *
 * Prints "NEO4J_READY bolt://127.0.0.1:PORT" once the default database accepts work, writes
 * {@code launcher.json} (pid and Bolt address) into the data folder so a second process can reuse
 * this server, and shuts down cleanly on SIGTERM/SIGINT or when its standard input closes (the
 * parent died), so the store is never left locked by an orphan.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EmbeddedNeo4j <data folder> <bolt port> [page cache MiB]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMiB = args.length > 2 ? Long.parseLong(args[2]) : 512;
        Files.createDirectories(home);

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMiB * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .build();

        Path infoFile = home.resolve("launcher.json");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(infoFile);
            } catch (IOException ignored) {
                // The reader checks the pid too, so a stale file is harmless.
            }
            service.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            System.err.println("Neo4j did not become available within 2 minutes");
            System.exit(1);
        }

        String bolt = "bolt://127.0.0.1:" + port;
        writeInfo(infoFile, ProcessHandle.current().pid(), bolt);
        System.out.println("NEO4J_READY " + bolt);
        System.out.flush();

        watchParent();
        stopped.await();
    }

    private static void writeInfo(Path infoFile, long pid, String bolt) throws IOException {
        String json = "{\"pid\":" + pid + ",\"bolt\":\"" + bolt + "\"}\n";
        Path tmp = infoFile.resolveSibling("launcher.json.tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, infoFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Exits (running the shutdown hook) when standard input reaches end of file. */
    private static void watchParent() {
        Thread watcher = new Thread(() -> {
            try {
                InputStream in = System.in;
                byte[] buffer = new byte[64];
                while (in.read(buffer) >= 0) {
                    // Input is ignored; only its end matters.
                }
            } catch (IOException ignored) {
                // Treat a broken pipe like end of input.
            }
            System.exit(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
