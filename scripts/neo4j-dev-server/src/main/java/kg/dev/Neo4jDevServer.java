package kg.dev;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Development-only Neo4j 5.26 Community server: the embedded DBMS plus its Bolt connector.
 *
 * <p>Usage: {@code java -cp 'target/classes:target/lib/*' kg.dev.Neo4jDevServer
 * --home DIR [--host 127.0.0.1] [--port 7697] [--password PW] [--pagecache 384m]}
 *
 * <p>The password may instead come from the environment variable NEO4J_DEV_PASSWORD
 * (preferred: it then does not show up in {@code ps}). Default: {@code kg-dev-password}.
 *
 * <p>Prints one line {@code NEO4J-DEV READY bolt://HOST:PORT} on stdout once Bolt is
 * accepting connections and the password is in place; scripts/neo4j-dev waits for it.
 * Stops cleanly on SIGTERM/SIGINT via a shutdown hook.
 */
public final class Neo4jDevServer {
    private static final String USER = "neo4j";

    public static void main(String[] args) throws Exception {
        Path home = null;
        String host = "127.0.0.1";
        int port = 7697;
        String password = System.getenv().getOrDefault("NEO4J_DEV_PASSWORD", "kg-dev-password");
        long pageCache = ByteUnit.mebiBytes(384);

        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--home" -> { home = Path.of(need(a, v)).toAbsolutePath(); i++; }
                case "--host" -> { host = need(a, v); i++; }
                case "--port" -> { port = Integer.parseInt(need(a, v)); i++; }
                case "--password" -> { password = need(a, v); i++; }
                case "--pagecache" -> { pageCache = parseBytes(need(a, v)); i++; }
                default -> usage("unknown argument: " + a);
            }
        }
        if (home == null) usage("--home is required");
        // Neo4j refuses passwords shorter than dbms.security.auth_minimum_password_length (8).
        if (password.length() < 8) usage("password must be at least 8 characters");

        PrintStream out = System.out;
        long t0 = System.nanoTime();

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                // User-facing log (startup, errors) to stdout, which the script sends to its log
                // file; the verbose debug.log still goes to HOME/logs/.
                .setUserLogProvider(new Log4jLogProvider(out, Level.INFO))
                .setConfig(Map.of(
                        // Bolt on loopback only, plain TCP: a local dev server needs no TLS and the
                        // Python driver then connects with a plain bolt:// URI.
                        BoltConnector.enabled, true,
                        BoltConnector.listen_address, new SocketAddress(host, port),
                        BoltConnector.advertised_address, new SocketAddress(host, port),
                        BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED,
                        // Auth on, so that the code paths and a wrong-password test behave as
                        // against a real server.
                        GraphDatabaseSettings.auth_enabled, true,
                        // Modest memory: the machine is shared with the tests (heap is -Xmx in the script).
                        GraphDatabaseSettings.pagecache_memory, pageCache,
                        // Never phone home (usage data collection): only loopback traffic here.
                        GraphDatabaseSettings.udc_enabled, false,
                        // Internal setting (internal.dbms.bolt.netty_server_shutdown_quiet_period,
                        // default 5 s, waited once per Netty event-loop group): without this a
                        // clean stop takes ~10 s, mostly idle. Connections are closed anyway.
                        GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0))
                .build();

        // Registered right after build() so that a SIGTERM during the password step still
        // flushes and releases the store lock; the latch keeps main() alive until then.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long s0 = System.nanoTime();
            out.println("NEO4J-DEV stopping");
            out.flush();
            try {
                dbms.shutdown();
            } finally {
                out.printf("NEO4J-DEV stopped (shutdown took %.1f s)%n", (System.nanoTime() - s0) / 1e9);
                out.flush();
                stopped.countDown();
            }
        }, "neo4j-dev-shutdown"));

        try {
            setPassword(dbms, password);
        } catch (RuntimeException e) {
            // The DBMS threads are not daemons: without an explicit exit the JVM would
            // linger half-started. exit() runs the shutdown hook, which closes the store.
            e.printStackTrace();
            System.exit(1);
        }

        out.printf("NEO4J-DEV READY bolt://%s:%d (user %s, started in %.1f s, home %s)%n",
                host, port, USER, (System.nanoTime() - t0) / 1e9, home);
        out.flush();
        stopped.await();
    }

    /**
     * A new DBMS has user neo4j with password "neo4j" and "change required", which Bolt
     * clients cannot use. Embedded transactions run with full rights, so set the wanted
     * password through the system database on every start: that also follows a changed
     * NEO4J_DEV_PASSWORD on an existing data directory.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try (Transaction tx = system.beginTx()) {
            tx.execute("ALTER USER " + USER + " SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED",
                    Map.of("pw", password)).close();
            tx.commit();
        } catch (QueryExecutionException e) {
            // Neo4j rejects setting the password it already has (normal on a restart); there
            // is no API to compare it first, so recognise that one refusal by its message.
            String msg = String.valueOf(e.getMessage());
            if (!msg.contains("Old password and new password cannot be the same")) throw e;
            try (Transaction tx = system.beginTx()) {
                tx.execute("ALTER USER " + USER + " SET PASSWORD CHANGE NOT REQUIRED").close();
                tx.commit();
            }
        }
    }

    private static String need(String flag, String value) {
        if (value == null) usage(flag + " needs a value");
        return value;
    }

    /** "512m", "1g", "268435456" -> bytes. */
    private static long parseBytes(String s) {
        String t = s.trim().toLowerCase();
        long mult = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            mult = last == 'k' ? ByteUnit.kibiBytes(1) : last == 'm' ? ByteUnit.mebiBytes(1) : ByteUnit.gibiBytes(1);
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * mult;
    }

    private static void usage(String why) {
        System.err.println("neo4j-dev-server: " + why);
        System.err.println("usage: Neo4jDevServer --home DIR [--host 127.0.0.1] [--port 7697]"
                + " [--password PW | env NEO4J_DEV_PASSWORD] [--pagecache 384m]");
        System.exit(2);
    }
}
