package io.fanzha.e2e.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole suite for the e2e tests, started by ./fanzha itself (the launcher developers use) in a state
 * folder of its own, e2e/target/stack, on free ports and on fresh fanzha_e2e_* databases, so a developer's
 * ./fanzha up stack and the module tests' broker and databases are left alone. Started once per test JVM
 * from the packaged jars and stopped when it exits; the components' logs are in e2e/target/stack/logs.
 */
public final class Stack {

    private static Stack instance;
    private static RuntimeException failure;

    /** Failsafe runs the tests in the e2e module's folder. */
    private final Path repo = Path.of("").toAbsolutePath().getParent();
    private final int pgPort = Integer.parseInt(env("FANZHA_PG_PORT", "5432"));
    /** Another prefix lets two checkouts run their e2e tests at once on one PostgreSQL. */
    private final String databasePrefix = env("FANZHA_E2E_DB_PREFIX", "fanzha_e2e_");
    private final Map<String, String> environment = new HashMap<>();

    private Stack() {
        environment.put("FANZHA_STATE", repo.resolve("e2e/target/stack").toString());
        environment.put("FANZHA_DB_PREFIX", databasePrefix);
        environment.put("FANZHA_PG_PORT", String.valueOf(pgPort));
        Set<Integer> ports = new HashSet<>();
        for (String component : List.of("GATEWAY", "CAMPAIGN", "OUTREACH", "CASESTATS", "REPORTING", "KEYCLOAK",
                "KAFKA", "KAFKA_CONTROLLER", "S3")) {
            int port = freePort();
            while (!ports.add(port)) {
                port = freePort();
            }
            environment.put("FANZHA_" + component + "_PORT", String.valueOf(port));
        }
    }

    /** The running stack; the first call starts it, and a failed start fails every later call at once. */
    public static synchronized Stack get() {
        if (failure != null) {
            throw failure;
        }
        if (instance == null) {
            Stack stack = new Stack();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stack.fanzha("down"), "e2e-stack-down"));
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
        return url("FANZHA_GATEWAY_PORT");
    }

    /** A service by its ./fanzha name: campaign, outreach, casestats, reporting. */
    public String service(String name) {
        return url("FANZHA_" + name.toUpperCase() + "_PORT");
    }

    public String keycloak() {
        return url("FANZHA_KEYCLOAK_PORT");
    }

    public String jdbcUrl(String service) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + databasePrefix + service;
    }

    /** Stops the broker as an operator would (SIGTERM); its data stays. */
    public void stopKafka() {
        fanzha("stop", "kafka");
    }

    /** Starts the broker again and returns the seconds until it answered a metadata request. */
    public double startKafka() {
        long begin = System.nanoTime();
        fanzha("start", "kafka");
        return (System.nanoTime() - begin) / 1e9;
    }

    /** Stops a service as an operator would (SIGTERM): campaign, outreach, casestats or reporting. */
    public void stopService(String name) {
        fanzha("stop", name);
    }

    /** Starts a service again; returns once it is healthy. */
    public void startService(String name) {
        fanzha("start", name);
    }

    /** From empty databases and an empty broker every run; the tests bring their own data. */
    private void start() {
        long begin = System.nanoTime();
        fanzha("reset");
        try {
            // The reactor has just packaged the services: never a build of its own from inside the tests.
            fanzha("up", "--no-build", "--no-demo");
        } catch (RuntimeException e) {
            fanzha("down");
            throw e;
        }
        System.out.printf("e2e stack up in %.1f s (./fanzha reset, up --no-build --no-demo)%n",
                (System.nanoTime() - begin) / 1e9);
    }

    /** The repository's checkout, where deploy/ and the demo data are. */
    public Path repo() {
        return repo;
    }

    /** Loads deploy/demo/demo-data.json into this stack with the loader ./fanzha up runs; returns what it printed. */
    public String loadDemoData() {
        return run("deploy/demo/load.py", List.of("python3", repo.resolve("deploy/demo/load.py").toString(),
                "--gateway", gateway(), "--keycloak", keycloak()));
    }

    /** Runs ./fanzha with this stack's environment, echoing what it prints; fails when it fails. */
    private void fanzha(String... arguments) {
        List<String> command = new ArrayList<>(List.of(repo.resolve("fanzha").toString()));
        command.addAll(List.of(arguments));
        run("./fanzha " + String.join(" ", arguments), command);
    }

    private synchronized String run(String shown, List<String> command) {
        System.out.println("[e2e] " + shown);
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        StringBuilder output = new StringBuilder();
        try {
            Process process = builder.start();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println("[e2e] " + line);
                    output.append(line).append('\n');
                }
            }
            int status = process.waitFor();
            if (status != 0) {
                throw new IllegalStateException(shown + " exited with " + status + ":\n" + output);
            }
            return output.toString();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + shown + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(shown + " interrupted", e);
        }
    }

    private String url(String portVariable) {
        return "http://localhost:" + environment.get(portVariable);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
