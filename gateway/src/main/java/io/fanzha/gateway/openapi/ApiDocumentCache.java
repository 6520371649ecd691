package io.fanzha.gateway.openapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fanzha.gateway.route.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

/**
 * The gateway's one document, fetched at the first request and kept: a complete merge for the refresh time (then the
 * services are asked again, so a redeployed service's new operations appear), an incomplete one only until the next
 * request, which asks the missing services again and reuses the others' documents while they are fresh. Requests that
 * arrive while a merge is being made wait for that one.
 */
final class ApiDocumentCache {

    private static final Logger LOG = Logger.getLogger(ApiDocumentCache.class);

    private record Fetched(ObjectNode document, long at) {
    }

    private final Function<Upstream, Future<Buffer>> fetcher;
    private final Function<Callable<MergedDocument>, Future<MergedDocument>> worker;
    private final DocumentMerger merger;
    private final long refreshNanos;
    private final LongSupplier clock;

    private final Map<Upstream, Fetched> fetched = new EnumMap<>(Upstream.class);
    private MergedDocument current;
    private long currentAt;
    private Future<MergedDocument> pending;

    /**
     * @param fetcher a service's document, unread
     * @param worker runs the reading, merging and writing off the event loop
     * @param clock nanoseconds, as {@link System#nanoTime()}
     */
    ApiDocumentCache(Function<Upstream, Future<Buffer>> fetcher,
            Function<Callable<MergedDocument>, Future<MergedDocument>> worker, DocumentMerger merger, Duration refresh,
            LongSupplier clock) {
        this.fetcher = fetcher;
        this.worker = worker;
        this.merger = merger;
        this.refreshNanos = refresh.toNanos();
        this.clock = clock;
    }

    synchronized Future<MergedDocument> get() {
        long now = clock.getAsLong();
        if (current != null && current.complete() && now - currentAt < refreshNanos) {
            return Future.succeededFuture(current);
        }
        if (pending != null) {
            return pending;
        }
        // Set before the merge starts, and cleared when it ends, even if that is at once.
        Promise<MergedDocument> promise = Promise.promise();
        pending = promise.future();
        merge(now).onComplete(done -> {
            synchronized (this) {
                pending = null;
                if (done.succeeded()) {
                    current = done.result();
                    currentAt = now;
                }
            }
            promise.handle(done);
        });
        return promise.future();
    }

    private Future<MergedDocument> merge(long now) {
        Map<Upstream, ObjectNode> fresh = new EnumMap<>(Upstream.class);
        Map<Upstream, Future<Buffer>> fetches = new EnumMap<>(Upstream.class);
        synchronized (this) {
            for (Upstream upstream : Upstream.values()) {
                Fetched kept = fetched.get(upstream);
                if (kept != null && now - kept.at() < refreshNanos) {
                    fresh.put(upstream, kept.document());
                } else {
                    fetches.put(upstream, fetch(upstream));
                }
            }
        }
        // Once every fetch has ended, whichever way: each one's outcome is read on the worker.
        return Future.join(new ArrayList<>(fetches.values()))
                .transform(ignored -> worker.apply(() -> merge(now, fresh, fetches)));
    }

    private MergedDocument merge(long now, Map<Upstream, ObjectNode> fresh, Map<Upstream, Future<Buffer>> fetches) {
        Map<Upstream, ObjectNode> documents = new EnumMap<>(Upstream.class);
        List<Upstream> missing = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            if (fresh.containsKey(upstream)) {
                documents.put(upstream, fresh.get(upstream));
                continue;
            }
            Future<Buffer> fetch = fetches.get(upstream);
            try {
                if (fetch.failed()) {
                    throw new IllegalStateException(String.valueOf(fetch.cause().getMessage()), fetch.cause());
                }
                ObjectNode document = ServiceDocuments.read(fetch.result());
                documents.put(upstream, document);
                synchronized (this) {
                    fetched.put(upstream, new Fetched(document, now));
                }
            } catch (RuntimeException e) {
                LOG.warnf("The OpenAPI document of %s could not be fetched (%s): left out of the gateway's document "
                        + "and asked for again on the next request", upstream.serviceName(), e.getMessage());
                missing.add(upstream);
            }
        }
        return MergedDocument.of(merger.merge(documents, missing), missing);
    }

    private Future<Buffer> fetch(Upstream upstream) {
        try {
            return fetcher.apply(upstream);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
