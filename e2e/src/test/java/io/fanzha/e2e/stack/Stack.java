package io.fanzha.e2e.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite for the e2e tests, as real processes on free ports: a Kafka broker, Keycloak
 * with the fanzha realm, the four services and the gateway, each service on its own fresh
 * database. Started once per test JVM and stopped when it exits, so nothing is left running.
 * Uses the components ./fanzha fetched: FANZHA_HOME (default .fanzha) holds kafka/lib and keycloak.
 */
public final class Stack {

    private static final Map<String, String> SERVICES = Map.of(
            "campaign", "campaign-service",
            "outreach", "outreach-service",
            "casestats", "case-stats-service",
            "reporting", "reporting-service");

    private static Stack instance;
    private static RuntimeException failure;

    private final Path repo;
    private final Path home;
    private final Path work;
    private final int pgPort = Integer.parseInt(env("FANZHA_PG_PORT", "5432"));
    private final int kafkaPort = Probes.freePort();
    private final int controllerPort = Probes.freePort();
    private final int keycloakPort = Probes.freePort();
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private final List<ManagedProcess> running = new ArrayList<>();
    private final Map<String, Double> startSeconds = new LinkedHashMap<>();
    private ManagedProcess kafka;

    private Stack() {
        repo = Path.of(env("FANZHA_REPO", Path.of("").toAbsolutePath().getParent().toString()));
        home = Path.of(env("FANZHA_HOME", repo.resolve(".fanzha").toString()));
        work = repo.resolve("e2e/target/stack");
        for (String service : List.of("campaign", "outreach", "casestats", "reporting", "gateway")) {
            servicePorts.put(service, Probes.freePort());
        }
    }

    /** The running stack; the first call starts it, and a failed start fails every later call at once. */
    public static synchronized Stack get() {
        if (failure != null) {
            throw failure;
        }
        if (instance == null) {
            Stack stack = new Stack();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "e2e-stack-stop"));
            try {
                stack.start();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            instance = stack;
        }
        return instance;
    }

    public String gateway() {
        return "http://localhost:" + servicePorts.get("gateway");
    }

    public String service(String name) {
        return "http://localhost:" + servicePorts.get(name);
    }

    public String keycloak() {
        return "http://localhost:" + keycloakPort;
    }

    public String jdbcUrl(String service) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/fanzha_e2e_" + service;
    }

    /** Stops the broker as an operator would (SIGTERM); its data stays. */
    public synchronized void stopKafka() {
        kafka.stop();
        running.remove(kafka);
    }

    public synchronized double startKafka() {
        kafka = new ManagedProcess("kafka", List.of(java(), "-Xmx384m",
                "-Dlog4j2.configurationFile=" + repo.resolve("deploy/kafka/log4j2.xml"),
                "-cp", home.resolve("kafka/lib") + "/*", "kafka.Kafka", work.resolve("kafka/server.properties").toString()),
                Map.of(), work.resolve("logs")).launch();
        running.add(kafka);
        return kafka.awaitReady(() -> Probes.portOpen(kafkaPort), Duration.ofSeconds(60));
    }

    private void start() {
        long begin = System.nanoTime();
        requireFile(home.resolve("kafka/lib"), "Kafka jars (run ./fanzha test, which fetches them)");
        requireFile(home.resolve("keycloak/bin/kc.sh"), "Keycloak (run ./fanzha test, which installs it)");
        for (String service : SERVICES.values()) {
            requireFile(repo.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"), service + " package");
        }
        try {
            freshDatabases();
            formatKafka();
            startSeconds.put("kafka", startKafka());
            ManagedProcess keycloak = launchKeycloak();
            startSeconds.put("keycloak", keycloak.awaitReady(
                    () -> Probes.httpOk(keycloak() + "/realms/fanzha/.well-known/openid-configuration"),
                    Duration.ofSeconds(240)));
            List<ManagedProcess> services = new ArrayList<>();
            SERVICES.forEach((name, module) -> services.add(launchService(name, module)));
            services.add(launchGateway());
            for (ManagedProcess service : services) {
                String url = service(service.name()) + "/q/health/ready";
                startSeconds.put(service.name(), service.awaitReady(() -> Probes.httpOk(url), Duration.ofSeconds(120)));
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        System.out.printf("e2e stack up in %.1f s; start seconds per component: %s%n",
                (System.nanoTime() - begin) / 1e9, startSeconds);
    }

    private void freshDatabases() {
        try (Connection admin = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", "");
                Statement sql = admin.createStatement()) {
            for (String db : List.of("campaign", "outreach", "casestats", "reporting", "keycloak")) {
                sql.execute("DROP DATABASE IF EXISTS fanzha_e2e_" + db + " WITH (FORCE)");
                sql.execute("CREATE DATABASE fanzha_e2e_" + db);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:" + pgPort + " is needed: " + e.getMessage(), e);
        }
    }

    private void formatKafka() {
        try {
            Path dir = work.resolve("kafka");
            deleteTree(dir);
            Files.createDirectories(dir.resolve("data"));
            // The same broker settings as ./fanzha, from the one template in deploy/kafka.
            Files.writeString(dir.resolve("server.properties"),
                    Files.readString(repo.resolve("deploy/kafka/server.properties"))
                            .replace("@PORT@", String.valueOf(kafkaPort))
                            .replace("@CONTROLLER_PORT@", String.valueOf(controllerPort))
                            .replace("@DATA_DIR@", dir.resolve("data").toString()));
            String clusterId = clusterId();
            Process format = new ProcessBuilder(java(), "-Dlog4j2.configurationFile=" + repo.resolve("deploy/kafka/log4j2.xml"),
                    "-cp", home.resolve("kafka/lib") + "/*", "kafka.tools.StorageTool", "format",
                    "-t", clusterId, "-c", dir.resolve("server.properties").toString(), "--standalone")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("format.log").toFile()).start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("Kafka storage format failed: " + Files.readString(dir.resolve("format.log")));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A random 16-byte id in Kafka's base64url form; like Kafka's own, never starting with '-'. */
    private static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[16];
        String encoded;
        do {
            random.nextBytes(id);
            encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        } while (encoded.startsWith("-"));
        return encoded;
    }

    private ManagedProcess launchKeycloak() {
        Path kc = home.resolve("keycloak");
        try {
            Files.createDirectories(kc.resolve("data/import"));
            Files.copy(repo.resolve("deploy/keycloak/fanzha-realm.json"), kc.resolve("data/import/fanzha-realm.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
        ManagedProcess keycloak = new ManagedProcess("keycloak", List.of(kc.resolve("bin/kc.sh").toString(), "start",
                "--optimized", "--http-enabled=true", "--http-port=" + keycloakPort,
                "--hostname=http://localhost:" + keycloakPort, "--cache=local", "--import-realm",
                "--db-url=jdbc:postgresql://127.0.0.1:" + pgPort + "/fanzha_e2e_keycloak",
                "--db-username=postgres", "--db-password=postgres"), env, work.resolve("logs")).launch();
        running.add(keycloak);
        return keycloak;
    }

    private ManagedProcess launchService(String name, String module) {
        return launch(name, module, List.of(
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl(name),
                "-Dkafka.bootstrap.servers=127.0.0.1:" + kafkaPort,
                "-Dquarkus.oidc.auth-server-url=" + keycloak() + "/realms/fanzha"));
    }

    private ManagedProcess launchGateway() {
        List<String> properties = new ArrayList<>();
        properties.add("-Dquarkus.oidc.auth-server-url=" + keycloak() + "/realms/fanzha");
        SERVICES.keySet().forEach(name ->
                properties.add("-Dfanzha.gateway.services." + name + "=" + service(name)));
        return launch("gateway", "gateway", properties);
    }

    private ManagedProcess launch(String name, String module, List<String> properties) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-Dquarkus.http.port=" + servicePorts.get(name)));
        command.addAll(properties);
        command.addAll(List.of("-jar", repo.resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toString()));
        ManagedProcess process = new ManagedProcess(name, command, Map.of(), work.resolve("logs")).launch();
        running.add(process);
        return process;
    }

    private synchronized void stop() {
        List<ManagedProcess> reversed = new ArrayList<>(running);
        java.util.Collections.reverse(reversed);
        reversed.forEach(ManagedProcess::stop);
        running.clear();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void requireFile(Path path, String what) {
        if (!Files.exists(path)) {
            throw new IllegalStateException("Missing " + what + " at " + path);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
