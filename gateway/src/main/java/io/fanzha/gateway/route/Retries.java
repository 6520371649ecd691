package io.fanzha.gateway.route;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import io.fanzha.gateway.GatewayConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;

/**
 * Retries (Resilience4j) of the requests that may be sent twice: a GET or HEAD without a body, whose attempt never
 * reached the service: the connection was refused, or a pooled connection turned out closed (a service restarted)
 * before any answer. A timeout is not retried (the caller has waited long enough), nor is anything with a body,
 * which streams through once and cannot be replayed.
 */
final class Retries {

    private final Retry retry;
    private final ScheduledExecutorService scheduler;

    Retries(GatewayConfig.Retry settings) {
        this.retry = Retry.of("upstream", RetryConfig.custom()
                .maxAttempts(settings.attempts())
                .waitDuration(settings.pause())
                .retryOnException(Retries::neverReached)
                .build());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fanzha-gateway-retries");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A request that may be attempted again: a GET or HEAD with no body. */
    static boolean replayable(HttpMethod method, boolean hasBody) {
        return !hasBody && (method == HttpMethod.GET || method == HttpMethod.HEAD);
    }

    <T> CompletionStage<T> run(Supplier<CompletionStage<T>> attempt) {
        return retry.executeCompletionStage(scheduler, attempt);
    }

    void close() {
        scheduler.shutdownNow();
    }

    private static boolean neverReached(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        // Netty's connect timeout is a ConnectException too: the host did not answer in time, so not again.
        return cause instanceof ConnectException && !(cause instanceof ConnectTimeoutException)
                || cause instanceof HttpClosedException;
    }
}
