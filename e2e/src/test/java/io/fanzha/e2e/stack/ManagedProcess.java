package io.fanzha.e2e.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** One component of the test stack, run as a real OS process with its output in a log file. */
final class ManagedProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    ManagedProcess(String name, List<String> command, Map<String, String> environment, Path logDir) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.log = logDir.resolve(name + ".log");
    }

    private long startedAt;

    /** Starts the process without waiting for it. */
    ManagedProcess launch() {
        startedAt = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Waits until {@code ready} holds; returns the seconds since launch. */
    double awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = startedAt + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s\n" + tail());
            }
            sleep(250);
        }
        return (System.nanoTime() - startedAt) / 1e9;
    }

    /** SIGTERM to the process and its children, SIGKILL after a grace period. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> family = process.descendants().toList();
        process.destroy();
        family.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                family.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String name() {
        return name;
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
