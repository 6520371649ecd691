import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs PostgreSQL from the zonky embedded binaries for machines that have no PostgreSQL of their own.
 * Started by ./fanzha as a single-file source program:
 * {@code java -cp '.fanzha/postgres-embedded/lib/*' deploy/postgres/EmbeddedPostgres.java DATA_DIR PORT WORK_DIR}.
 * It keeps the data directory between runs and stops the server on SIGTERM (the library's shutdown hook).
 */
public class EmbeddedPostgres {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EmbeddedPostgres DATA_DIR PORT WORK_DIR");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Path workDir = Path.of(args[2]).toAbsolutePath();
        // The library cannot resume an extraction that was cut short: start such a folder afresh.
        Path extracted = workDir.resolve(".extracted");
        if (Files.isDirectory(workDir) && !Files.exists(extracted)) {
            deleteTree(workDir);
        }
        Files.createDirectories(dataDir);
        Files.createDirectories(workDir);

        var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        if (!Files.exists(extracted)) {
            Files.createFile(extracted);
        }
        System.out.println("embedded PostgreSQL ready on 127.0.0.1:" + postgres.getPort() + ", data in " + dataDir);

        // Park until the JVM is asked to stop; the shutdown hook then stops the postmaster.
        new CountDownLatch(1).await();
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
